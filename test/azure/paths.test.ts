import * as assert from "node:assert/strict";
import { clusterPathTable } from "../../lib/azure/paths";
import { diagnostic, PathMap } from "../../lib/core/diagnostic";
import { parsePath } from "../../lib/core/path";
import { at, t, Text } from "../../lib/core/text";

describe("clusterPathTable", () => {
    const created = clusterPathTable({ userPools: 2, userConnected: 1, network: "created" });

    // [plan path, AksClusterArgs path]
    const cases: [string, string][] = [
        ["podCidrs[0]", "network.podCidrs[0]"],
        ["podCidrs", "network.podCidrs"],
        ["serviceCidrs[1]", "network.serviceCidrs[1]"],
        ["dnsServiceIP", "network.dnsServiceIP"],
        ["networkPlugin", "network.networkPlugin"],
        ["networkPluginMode", "network.networkPluginMode"],
        ["networkDataplane", "network.networkDataplane"],
        ["networkPolicy", "network.networkPolicy"],
        ["ipFamilies", "network.ipFamilies"],
        ["outboundType", "network.outboundType"],
        ["kubernetesVersion", "kubernetesVersion"],
        ["vnetAddressSpaces[1]", "network.vnet.addressSpaces[1]"],
        ["nodeSubnets[0].cidr", "network.vnet.subnets[0].cidr"],
        ["nodeSubnets[2].ipv6Cidr", "network.vnet.subnets[2].ipv6Cidr"],
        ["connectedNetworks[0].cidr", "network.connectedNetworks[0].cidr"],
        ["nodePools", "nodePools"],
        ["nodePools[0]", "systemPool"],
        ["nodePools[0].maxPods", "systemPool.maxPods"],
        ["nodePools[0].mode", "systemPool.osSku"],
        ["nodePools[1].name", "nodePools[0].name"],
        ["nodePools[2].osSku", "nodePools[1].osSku"],
        ["windowsProfile", "windows"],
        ["windowsProfile.adminUsername", "windows.adminUsername"],
        ["windowsProfile.adminPassword", "windows.adminPassword"],
        ["apiServerAuthorizedIpRanges[0]", "apiServer.authorizedIpRanges[0]"],
        ["names.resourceGroup", "resourceGroupName"],
        ["names.vnet", "network.vnet.name"],
        ["", ""],
    ];
    /** A plan path through a table, as text (the diagnostic's own path, note included). */
    const mapped = (table: PathMap, plan: string): string => table.relocate(diagnostic("error", "X", parsePath(plan) ?? [], "")).path;
    /** A message naming plan paths, through a table. */
    const reworded = (table: PathMap, message: Text): string => table.relocate(diagnostic("error", "X", [], message)).message;

    for (const [plan, user] of cases) {
        it(`maps ${plan || "(plan)"} to ${user || "(plan)"}`, () => {
            assert.equal(mapped(created, plan), user);
        });
    }

    it('matches whole segments only (podCidrsX is not podCidrs, index 1 is not key "1")', () => {
        const table = new PathMap([
            { from: ["podCidrs"], to: ["network", "podCidrs"] },
            { from: ["a", 1], to: ["b"] },
        ]);
        assert.equal(mapped(table, "podCidrsX"), "podCidrsX");
        assert.equal(mapped(table, "podCidrs.x"), "network.podCidrs.x");
        assert.deepEqual(table.map(["a", "1"]), ["a", "1"]);
        assert.deepEqual(table.map(["a", 1, "c"]), ["b", "c"]);
    });

    it("maps every path a message names and leaves its words alone", () => {
        const message = t`${at("podCidrs", 0)} "10.244.0.0/16" overlaps ${at("nodeSubnets", 1)} "pods" (10.244.0.0/24); pool "apps" in ${at("nodePools", 1)} has no names; set ${at("networkPlugin")} "azure"`;
        assert.equal(
            reworded(created, message),
            `network.podCidrs[0] "10.244.0.0/16" overlaps network.vnet.subnets[1] "pods" (10.244.0.0/24); pool "apps" in nodePools[0] has no names; set network.networkPlugin "azure"`,
        );
    });

    it("leaves words that only look like paths alone", () => {
        assert.equal(
            reworded(created, t`podCidrs is a word here, ${at("podCidrs")} a path`),
            "podCidrs is a word here, network.podCidrs a path",
        );
    });

    describe("with a network of your own", () => {
        const existing = clusterPathTable({
            userPools: 0,
            userConnected: 1,
            network: "existing",
            existing: {
                vnetName: "spoke",
                subnets: [
                    { name: "other", own: false },
                    { name: "aks", own: true },
                ],
                peerings: ["hub", "hub"],
            },
        });
        it("names the subnet of network.nodeSubnetId", () => {
            assert.equal(mapped(existing, "nodeSubnets[1].cidr"), "network.nodeSubnetId");
        });
        it("names other subnets of the VNet", () => {
            assert.equal(mapped(existing, "nodeSubnets[0].cidr"), `network.nodeSubnetId (VNet "spoke", subnet "other")`);
        });
        it("keeps the user's connected networks and names peerings after them", () => {
            assert.equal(mapped(existing, "connectedNetworks[0].cidr"), "network.connectedNetworks[0].cidr");
            assert.equal(mapped(existing, "connectedNetworks[2].cidr"), `network.nodeSubnetId (VNet "spoke", peering "hub")`);
        });
        it("words a peering in a message by its name", () => {
            assert.equal(
                reworded(existing, t`${at("podCidrs", 0)} "10.244.0.0/16" lies inside ${at("connectedNetworks", 1)} "hub" (10.244.0.0/16)`),
                `network.podCidrs[0] "10.244.0.0/16" lies inside peering "hub" (10.244.0.0/16)`,
            );
        });
        it("words the VNet's address space", () => {
            assert.equal(reworded(existing, t`${at("vnetAddressSpaces", 0)} "10.1.0.0/16"`), `VNet "spoke" address space "10.1.0.0/16"`);
        });
    });

    it("prefixes a table for a NodePool and lets extra rows win", () => {
        const table = created.prefixed(["cluster"]).with([{ from: ["nodePools", 3], to: ["pool"] }]);
        assert.equal(mapped(table, "nodePools[3].maxPods"), "pool.maxPods");
        assert.equal(mapped(table, "nodePools[0].maxPods"), "cluster.systemPool.maxPods");
        assert.equal(mapped(table, "podCidrs[0]"), "cluster.network.podCidrs[0]");
    });
});
