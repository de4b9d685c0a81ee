import * as assert from "node:assert/strict";
import { clusterPathTable, PathTable } from "../../lib/azure/paths";

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
    for (const [plan, user] of cases) {
        it(`maps ${plan || "(plan)"} to ${user || "(plan)"}`, () => {
            assert.equal(created.path(plan), user);
        });
    }

    it("matches whole segments only (podCidrsX is not podCidrs)", () => {
        const t = new PathTable([{ plan: "podCidrs", user: "network.podCidrs" }]);
        assert.equal(t.path("podCidrsX"), "podCidrsX");
        assert.equal(t.path("podCidrs.x"), "network.podCidrs.x");
    });

    it("rewrites every path inside a message and leaves other words alone", () => {
        const msg = `podCidrs[0] "10.244.0.0/16" overlaps nodeSubnets[1] "pods" (10.244.0.0/24); pool "apps" in nodePools[1] has no names; set networkPlugin "azure"`;
        assert.equal(
            created.message(msg),
            `network.podCidrs[0] "10.244.0.0/16" overlaps network.vnet.subnets[1] "pods" (10.244.0.0/24); pool "apps" in nodePools[0] has no names; set network.networkPlugin "azure"`,
        );
    });

    it("does not rewrite a path that is already the user's", () => {
        assert.equal(created.message("network.podCidrs[0] is fine"), "network.podCidrs[0] is fine");
    });

    describe("with a network of your own", () => {
        const existing = clusterPathTable({
            userPools: 0,
            userConnected: 1,
            network: "existing",
            existing: { vnetName: "spoke", subnets: [{ name: "other", own: false }, { name: "aks", own: true }], peerings: ["hub", "hub"] },
        });
        it("names the subnet of network.nodeSubnetId", () => {
            assert.equal(existing.path("nodeSubnets[1].cidr"), "network.nodeSubnetId");
        });
        it("names other subnets of the VNet", () => {
            assert.equal(existing.path("nodeSubnets[0].cidr"), `network.nodeSubnetId (VNet "spoke", subnet "other")`);
        });
        it("keeps the user's connected networks and names peerings after them", () => {
            assert.equal(existing.path("connectedNetworks[0].cidr"), "network.connectedNetworks[0].cidr");
            assert.equal(existing.path("connectedNetworks[2].cidr"), `network.nodeSubnetId (VNet "spoke", peering "hub")`);
        });
        it("words a peering in a message by its name", () => {
            assert.equal(
                existing.message(`podCidrs[0] "10.244.0.0/16" lies inside connectedNetworks[1] "hub" (10.244.0.0/16)`),
                `network.podCidrs[0] "10.244.0.0/16" lies inside peering "hub" (10.244.0.0/16)`,
            );
        });
        it("words the VNet's address space", () => {
            assert.equal(existing.message(`vnetAddressSpaces[0] "10.1.0.0/16"`), `VNet "spoke" address space "10.1.0.0/16"`);
        });
    });

    it("prefixes a table for a NodePool and lets extra rows win", () => {
        const t = created.prefixed("cluster.").with([{ plan: "nodePools[3]", user: "pool" }]);
        assert.equal(t.path("nodePools[3].maxPods"), "pool.maxPods");
        assert.equal(t.path("nodePools[0].maxPods"), "cluster.systemPool.maxPods");
        assert.equal(t.path("podCidrs[0]"), "cluster.network.podCidrs[0]");
    });
});
