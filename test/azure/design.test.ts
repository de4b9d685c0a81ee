import * as assert from "node:assert/strict";
import { AksClusterArgs } from "../../lib/azure/clusterArgs";
import { designCluster, parseSubnetId, planFromEffective } from "../../lib/azure/design";
import {
    IpFamily,
    KubeloginMode,
    NetworkDataplane,
    NetworkPlugin,
    NetworkPolicy,
    NodeOsUpgradeChannel,
    OsSku,
    OsType,
    TaintEffect,
    UpgradeChannel,
    WeekDay,
} from "../../lib/azure/enums";
import { COMPONENT_RULES } from "../../lib/azure/rules";
import { describeNetworkPlan } from "../../lib/network/report";
import { API } from "./helpers";
import { TEST_DEPLOYMENT } from "../helpers/mocks";

const errorsOf = (args: AksClusterArgs) => designCluster("t", args, TEST_DEPLOYMENT).diagnostics.filter((d) => d.severity === "error");
const pathsOf = (args: AksClusterArgs) => errorsOf(args).map((d) => `${d.ruleId} ${d.path}`);

describe("designCluster", () => {
    describe("defaults", () => {
        const d = designCluster("prod", { apiServer: API }, TEST_DEPLOYMENT);

        it("is a valid plan with no warnings", () => {
            assert.deepEqual(
                d.diagnostics.filter((x) => x.severity !== "info"),
                [],
            );
            assert.equal(d.report.verdict, "accept");
        });
        it("plans Azure CNI Overlay with the Cilium dataplane and policy on IPv4", () => {
            const e = d.report.effective;
            assert.deepEqual(
                [e.networkPlugin, e.networkPluginMode, e.networkDataplane, e.networkPolicy],
                ["azure", "overlay", "cilium", "cilium"],
            );
            assert.deepEqual(e.ipFamilies, ["IPv4"]);
        });
        it("creates a VNet with one node subnet", () => {
            assert.equal(d.network.mode, "created");
            assert.deepEqual(d.network.vnet, {
                name: "prod-test-b6aa47-vnet",
                addressSpaces: ["10.224.0.0/12"],
                subnets: [{ name: "nodes", cidr: "10.224.0.0/16" }],
            });
        });
        it("names the cluster, DNS prefix, resource group and identity after the component and the stack", () => {
            assert.deepEqual(
                [d.clusterName, d.dnsPrefix, d.resourceGroupName, d.identityName, d.createResourceGroup],
                ["prod-test-b6aa47", "prod-test-b6aa47", "prod-test-b6aa47-rg", "prod-test-b6aa47-identity", true],
            );
        });
        it("gives two stacks of one program no Azure name in common", () => {
            const names = (stack: string) => {
                const x = designCluster("aks", { apiServer: API }, { project: "platform", stack });
                return [x.clusterName, x.dnsPrefix, x.resourceGroupName, x.identityName, x.network.vnet?.name];
            };
            const dev = names("dev");
            const prod = names("prod");
            assert.deepEqual(
                dev.filter((x) => prod.includes(x)),
                [],
            );
            assert.equal(dev[0], "aks-dev-11a534");
        });
        it("uses the names given as is, in every stack", () => {
            const given: AksClusterArgs = {
                apiServer: API,
                clusterName: "shared_aks",
                resourceGroupName: "platform",
                network: { vnet: { name: "hub.spoke" } },
            };
            const names = (stack: string) => {
                const x = designCluster("aks", given, { project: "platform", stack });
                return [x.clusterName, x.dnsPrefix, x.resourceGroupName, x.identityName, x.network.vnet?.name];
            };
            assert.deepEqual(names("dev"), ["shared_aks", "shared-aks", "platform", "shared_aks-identity", "hub.spoke"]);
            assert.deepEqual(names("prod"), names("dev"));
        });
        it("writes maxPods, surge, zones and the System taint explicitly", () => {
            const s = d.systemPool;
            assert.deepEqual(
                [s.name, s.mode, s.osType, s.maxPods, s.maxSurge, s.zones],
                ["system", "System", "Linux", 110, "33%", ["1", "2", "3"]],
            );
            assert.deepEqual(s.taints, [{ key: "CriticalAddonsOnly", value: "true", effect: "NoSchedule" }]);
        });
        it("turns on the patch and NodeImage channels and ignores version changes", () => {
            assert.deepEqual(
                [d.upgrades.channel, d.upgrades.nodeOsChannel, d.upgrades.ignoreKubernetesVersionChanges],
                ["patch", "NodeImage", true],
            );
        });
        it("uses an existing resource group when one is named", () => {
            const x = designCluster("prod", { apiServer: API, resourceGroupName: "shared" }, TEST_DEPLOYMENT);
            assert.deepEqual([x.resourceGroupName, x.createResourceGroup], ["shared", false]);
        });
    });

    describe("network defaults by OS and stack", () => {
        const eff = (args: AksClusterArgs) => designCluster("t", { apiServer: API, ...args }, TEST_DEPLOYMENT);
        it("uses the Azure dataplane and Calico when Windows pools are planned", () => {
            const d = eff({ nodePools: [{ name: "win", osType: OsType.Windows }] });
            assert.deepEqual([d.network.dataplane, d.network.policy], ["azure", "calico"]);
        });
        it("uses the Azure dataplane when Windows pools will come later", () => {
            const d = eff({ windows: { enableWindowsPools: true } });
            assert.equal(d.network.dataplane, "azure");
            assert.deepEqual(d.windows, { adminUsername: "azureuser", password: "generated" });
        });
        it("warns (A20) that Windows on dual-stack has no network policy engine", () => {
            const d = eff({
                network: { ipFamilies: [IpFamily.IPv4, IpFamily.IPv6] },
                nodePools: [{ name: "win", osType: OsType.Windows }],
            });
            assert.equal(d.network.policy, "none");
            assert.deepEqual(
                d.diagnostics.filter((x) => x.severity === "warning").map((x) => `${x.ruleId} ${x.path}`),
                ["A20 network.networkPolicy"],
            );
        });
        it("gives the default dual-stack VNet IPv6 space and a /64 per subnet", () => {
            const d = eff({ network: { ipFamilies: [IpFamily.IPv4, IpFamily.IPv6] } });
            assert.deepEqual(d.network.vnet?.addressSpaces, ["10.224.0.0/12", "fd10:224::/56"]);
            assert.equal(d.network.vnet?.subnets[0].ipv6Cidr, "fd10:224::/64");
            assert.equal(d.network.outboundIpv6Count, 1);
            assert.deepEqual(
                d.diagnostics.filter((x) => x.severity !== "info"),
                [],
            );
        });
        it("sends dual-stack default ranges explicitly (A21) and checks them for overlaps", () => {
            const d = eff({ network: { ipFamilies: [IpFamily.IPv4, IpFamily.IPv6] } });
            assert.deepEqual(d.plan.podCidrs, ["10.244.0.0/16", "fd12:3456:789a::/64"]);
            assert.deepEqual(d.plan.serviceCidrs, ["10.0.0.0/16", "fd12:3456:789a:1::/108"]);
            assert.ok(d.diagnostics.some((x) => x.ruleId === "A21" && x.severity === "info"));
            const clash = eff({
                network: { ipFamilies: [IpFamily.IPv4, IpFamily.IPv6], connectedNetworks: [{ name: "lab", cidr: "fd12:3456:789a::/48" }] },
            });
            assert.deepEqual(
                clash.diagnostics.filter((x) => x.severity === "error").map((x) => `${x.ruleId} ${x.path}`),
                ["R34 network.serviceCidrs[1]", "R38 network.podCidrs[1]"],
            );
        });
        it("drops overlay when pools use pod subnets", () => {
            const d = eff({
                network: {
                    vnet: {
                        addressSpaces: ["10.10.0.0/16"],
                        subnets: [
                            { name: "nodes", cidr: "10.10.0.0/22" },
                            { name: "pods", cidr: "10.10.64.0/18" },
                        ],
                    },
                },
                systemPool: { podSubnet: "pods" },
            });
            assert.equal(d.network.pluginMode, undefined);
            assert.equal(d.report.effective.ipamMode, "podSubnet");
            assert.deepEqual(
                d.diagnostics.filter((x) => x.severity === "error"),
                [],
            );
        });
        it("uses Calico with kubenet", () => {
            assert.equal(eff({ network: { networkPlugin: NetworkPlugin.Kubenet } }).network.policy, "calico");
        });
        it("picks the Windows OS SKU by Kubernetes version", () => {
            assert.equal(
                eff({ kubernetesVersion: "1.34", nodePools: [{ name: "win", osType: OsType.Windows }] }).userPools[0].osSku,
                "Windows2022",
            );
            const later = eff({ kubernetesVersion: "1.35", nodePools: [{ name: "win", osType: OsType.Windows }] }).userPools[0];
            assert.deepEqual([later.osSku, later.enableFips], ["Windows2025", true]);
        });
    });

    describe("component checks", () => {
        const cases: [string, AksClusterArgs, string][] = [
            ["A1: the API server must be restricted", {}, "A1 apiServer"],
            ["A2: the cluster name", { apiServer: API, clusterName: "-bad" }, "A2 clusterName"],
            ["A3: the DNS prefix", { apiServer: API, dnsPrefix: "a_b" }, "A3 dnsPrefix"],
            [
                "A5: vnet and nodeSubnetId together",
                {
                    apiServer: API,
                    network: {
                        vnet: {},
                        nodeSubnetId: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/s",
                    },
                },
                "A5 network.vnet",
            ],
            [
                "A6: a pool names a subnet with nodeSubnetId",
                {
                    apiServer: API,
                    network: { nodeSubnetId: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/s" },
                    nodePools: [{ name: "a", subnet: "x" }],
                },
                "A6 nodePools[0].subnet",
            ],
            [
                "A7: Windows pools with enableWindowsPools false",
                { apiServer: API, windows: { enableWindowsPools: false }, nodePools: [{ name: "win", osType: OsType.Windows }] },
                "A7 windows.enableWindowsPools",
            ],
            [
                "A8: Windows2025 without FIPS",
                { apiServer: API, nodePools: [{ name: "win", osType: OsType.Windows, osSku: OsSku.Windows2025, enableFips: false }] },
                "A8 nodePools[0].enableFips",
            ],
            [
                "A9: an identity of your own without its principal",
                { apiServer: API, identity: { userAssignedIdentityId: "/id" } },
                "A9 identity.principalId",
            ],
            ["A10: zones", { apiServer: API, systemPool: { zones: ["1", "4"] } }, "A10 systemPool.zones"],
            ["A11: nodeSubnetId is a subnet id", { apiServer: API, network: { nodeSubnetId: "aks-subnet" } }, "A11 network.nodeSubnetId"],
            [
                "A12: node-image channel with another node OS channel",
                { apiServer: API, upgrades: { channel: UpgradeChannel.NodeImage, nodeOsChannel: NodeOsUpgradeChannel.SecurityPatch } },
                "A12 upgrades.nodeOsChannel",
            ],
            [
                "A13: private cluster with authorized ranges",
                { apiServer: { ...API, privateCluster: true } },
                "A13 apiServer.authorizedIpRanges",
            ],
            [
                "A14: maintenance window length",
                { apiServer: API, upgrades: { upgradeWindow: { dayOfWeek: WeekDay.Monday, durationHours: 2 } } },
                "A14 upgrades.upgradeWindow.durationHours",
            ],
            [
                "A15: IPv6 outbound IPs on IPv4",
                { apiServer: API, network: { managedOutboundIpv6Count: 2 } },
                "A15 network.managedOutboundIpv6Count",
            ],
            ["A16: Defender without a workspace", { apiServer: API, monitoring: { defender: true } }, "A16 monitoring.defender"],
            [
                "A17: a taint key",
                { apiServer: API, nodePools: [{ name: "a", taints: [{ key: "bad key", effect: TaintEffect.NoSchedule }] }] },
                "A17 nodePools[0].taints[0].key",
            ],
            ["A18: OS disk size", { apiServer: API, nodePools: [{ name: "a", osDiskSizeGb: 10 }] }, "A18 nodePools[0].osDiskSizeGb"],
            [
                "A19: spn login without a client id",
                { apiServer: API, kubeconfigLogin: { mode: KubeloginMode.ServicePrincipal } },
                "A19 kubeconfigLogin.clientId",
            ],
            ["A23: a created VNet without subnets", { apiServer: API, network: { vnet: { subnets: [] } } }, "A23 network.vnet.subnets"],
        ];
        for (const [title, args, expected] of cases) {
            it(`fails ${title}`, () => {
                assert.deepEqual(pathsOf(args), [expected]);
            });
        }
        it("refuses a created VNet without subnets (A23) with the fix, rather than let AKS make a VNet of its own", () => {
            const [e] = errorsOf({ apiServer: API, network: { vnet: { subnets: [] } } });
            assert.match(
                e.message,
                /^network\.vnet\.subnets is \[\], so the pools would get no subnet .*: list at least one subnet, .* or remove subnets/,
            );
            assert.deepEqual(pathsOf({ apiServer: API, network: { vnet: { name: "net" } } }), []);
        });
        it("catalogues every id it reports", () => {
            const ids = new Set(COMPONENT_RULES.map((r) => r.id));
            for (const [, args] of cases) for (const d of errorsOf(args)) assert.ok(ids.has(d.ruleId), d.ruleId);
        });
        it("warns (A4) and sends major.minor when a patch version meets an upgrade channel", () => {
            const d = designCluster("t", { apiServer: API, kubernetesVersion: "1.33.2" }, TEST_DEPLOYMENT);
            assert.equal(d.kubernetesVersionSent, "1.33");
            assert.deepEqual(
                d.diagnostics.filter((x) => x.severity === "warning").map((x) => x.ruleId),
                ["A4"],
            );
        });
        it("keeps a patch version without an upgrade channel", () => {
            const d = designCluster(
                "t",
                { apiServer: API, kubernetesVersion: "1.33.2", upgrades: { channel: UpgradeChannel.None } },
                TEST_DEPLOYMENT,
            );
            assert.deepEqual([d.kubernetesVersionSent, d.upgrades.ignoreKubernetesVersionChanges], ["1.33.2", false]);
        });
    });

    describe("planner findings in the user's terms", () => {
        it("lists every problem, component and planner, with the path the user wrote", () => {
            const got = pathsOf({
                network: {
                    podCidrs: ["10.224.0.0/16"],
                    serviceCidrs: ["10.0.0.0/12"],
                    dnsServiceIP: "10.0.0.10",
                },
                systemPool: { maxPods: 300 },
                nodePools: [{ name: "ok" }, { name: "Bad_Name" }, { name: "winpool01", osType: OsType.Windows }],
            });
            for (const expected of [
                "A1 apiServer",
                "R36 network.podCidrs[0]",
                "R13 network.serviceCidrs[0]",
                "R45 systemPool.maxPods",
                "R43 nodePools[1].name",
                "R44 nodePools[2].name",
            ]) {
                assert.ok(got.includes(expected), `${expected} missing from ${JSON.stringify(got)}`);
            }
            assert.ok(!got.some((p) => /^R\d+ (podCidrs|serviceCidrs|nodePools\[3\])/.test(p)), "a plan path leaked");
        });
        it("rewrites the plan's paths inside messages", () => {
            const d = errorsOf({ apiServer: API, network: { podCidrs: ["10.224.0.0/16"] } }).find((x) => x.ruleId === "R36");
            assert.ok(d);
            assert.match(d.message, /^network\.podCidrs\[0\] "10\.224\.0\.0\/16" is the same range as network\.vnet\.subnets\[0\] "nodes"/);
        });
        it("makes a pod CIDR shadowing a connected network an error by default (R38)", () => {
            const args: AksClusterArgs = { apiServer: API, network: { connectedNetworks: [{ name: "onprem", cidr: "10.244.8.0/24" }] } };
            const d = errorsOf(args).find((x) => x.ruleId === "R38");
            assert.ok(d);
            assert.match(d.message, /onprem/);
            assert.match(d.message, /warningsAsErrors/);
            assert.deepEqual(errorsOf({ ...args, network: { ...args.network, warningsAsErrors: [] } }), []);
        });
        it("puts the same findings in the report, with its verdict", () => {
            const d = designCluster("t", { apiServer: API, kubernetesVersion: "1.33.1" }, TEST_DEPLOYMENT);
            assert.equal(d.report.verdict, "warn");
            assert.ok(d.report.diagnostics.some((x) => x.ruleId === "A4"));
        });
        it("never puts a plain password in the report", () => {
            const d = designCluster(
                "t",
                { apiServer: API, windows: { enableWindowsPools: true, adminPassword: "Very-Secret-Passw0rd" } },
                TEST_DEPLOYMENT,
            );
            assert.ok(!JSON.stringify(d.report).includes("Very-Secret-Passw0rd"));
            assert.deepEqual(d.report.effective.windowsProfile, { adminUsername: "azureuser", hasPassword: true });
        });
        it("checks a plain password with the planner (R51)", () => {
            assert.deepEqual(pathsOf({ apiServer: API, windows: { enableWindowsPools: true, adminPassword: "short" } }), [
                "R51 windows.adminPassword",
            ]);
        });
        it("does not judge the outbound type before an existing network is read (R65)", () => {
            const id = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/s";
            assert.deepEqual(pathsOf({ apiServer: API, network: { nodeSubnetId: id, outboundType: "userDefinedRouting" as never } }), []);
            assert.deepEqual(pathsOf({ apiServer: API, network: { outboundType: "managedNATGateway" as never } }), [
                "R66 network.outboundType",
            ]);
        });
    });
});

describe("planFromEffective", () => {
    const plans: [string, AksClusterArgs][] = [
        ["the default", { apiServer: API }],
        [
            "dual-stack with pools",
            {
                apiServer: API,
                network: { ipFamilies: [IpFamily.IPv4, IpFamily.IPv6], networkDataplane: NetworkDataplane.Cilium },
                nodePools: [{ name: "apps", minCount: 2, maxCount: 9, maxSurge: "2" }],
            },
        ],
        [
            "Windows with Calico",
            { apiServer: API, network: { networkPolicy: NetworkPolicy.Calico }, nodePools: [{ name: "win", osType: OsType.Windows }] },
        ],
    ];
    for (const [title, args] of plans) {
        it(`round-trips ${title}: the planner sees the same effective plan`, () => {
            const eff = designCluster("t", args, TEST_DEPLOYMENT).report.effective;
            assert.deepEqual(describeNetworkPlan(planFromEffective(eff)).effective, eff);
        });
    }
});

describe("parseSubnetId", () => {
    it("reads resource group, VNet and subnet", () => {
        assert.deepEqual(
            parseSubnetId("/subscriptions/x/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/spoke/subnets/aks"),
            {
                resourceGroupName: "net",
                virtualNetworkName: "spoke",
                subnetName: "aks",
            },
        );
    });
    it("refuses other resource ids", () => {
        assert.equal(parseSubnetId("/subscriptions/x/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/spoke"), undefined);
    });
});
