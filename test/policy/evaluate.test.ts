/**
 * The policy evaluator over hand-built resources, as the engine hands them to a stack policy: every
 * rule family fires and stays silent, unknown values skip the rules that read them, versioned tokens
 * are read, and the config changes levels.
 */
import * as assert from "node:assert/strict";
import { evaluatePolicies, PolicyResource, PolicyViolation } from "../../lib/policy";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SUBNET_ID = "/subscriptions/0/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/spoke/subnets/nodes";

const res = (type: string, name: string, props: unknown): PolicyResource => ({
    type,
    name,
    urn: `urn:pulumi:dev::p::${type}::${name}`,
    props,
});

function cluster(
    profile: Record<string, unknown> = {},
    more: Record<string, unknown> = {},
    token = "azure-native:containerservice:ManagedCluster",
) {
    return res(token, "aks", {
        kubernetesVersion: "1.33",
        networkProfile: {
            networkPlugin: "azure",
            networkPluginMode: "overlay",
            podCidr: "10.244.0.0/16",
            serviceCidr: "10.0.0.0/16",
            dnsServiceIP: "10.0.0.10",
            ...profile,
        },
        agentPoolProfiles: [
            { name: "system", mode: "System", count: 3, vmSize: "Standard_D4ds_v5", osType: "Linux", vnetSubnetID: SUBNET_ID },
        ],
        ...more,
    });
}
const vnet = (prefixes: unknown = ["10.224.0.0/12"]) =>
    res("azure-native:network:VirtualNetwork", "vnet", { virtualNetworkName: "spoke", addressSpace: { addressPrefixes: prefixes } });
const subnet = (prefix: unknown = "10.224.0.0/16") =>
    res("azure-native:network:Subnet", "nodes", { virtualNetworkName: "spoke", subnetName: "nodes", addressPrefix: prefix });
/** The security checklist (SEC-*) has its own tests (security.test.ts); these cover the network and Service rules. */
const network = (list: PolicyViolation[]) => list.filter((v) => !v.ruleId.startsWith("SEC-"));
const ids = (list: PolicyViolation[], level?: string) =>
    network(list)
        .filter((v) => !level || v.enforcementLevel === level)
        .map((v) => v.ruleId);
const find = (list: PolicyViolation[], ruleId: string) => list.find((v) => v.ruleId === ruleId);

describe("evaluatePolicies", () => {
    it("a well-planned cluster in its VNet gives no violation", () => {
        assert.deepEqual(network(evaluatePolicies([vnet(), subnet(), cluster()])), []);
    });

    it("plugin rules: overlay without Azure CNI (R5) on the cluster's networkProfile, mandatory", () => {
        const found = find(evaluatePolicies([vnet(), subnet(), cluster({ networkPlugin: "kubenet" })]), "R5");
        assert.ok(found);
        assert.equal(found.enforcementLevel, "mandatory");
        assert.equal(found.policyName, "aks-network-mandatory");
        assert.equal(found.urn, "urn:pulumi:dev::p::azure-native:containerservice:ManagedCluster::aks");
        assert.match(found.path, /^networkProfile\.networkPlugin(Mode)?$/);
    });

    it("CIDR rules: a /12 service CIDR (R13) at networkProfile.serviceCidrs[0] or serviceCidr, as written", () => {
        const list = evaluatePolicies([cluster({ serviceCidr: undefined, serviceCidrs: ["10.0.0.0/12"] })]);
        assert.equal(find(list, "R13")?.path, "networkProfile.serviceCidrs[0]");
        assert.match(find(list, "R13")!.message, /^networkProfile\.serviceCidrs\[0\] "10\.0\.0\.0\/12" is \/12/);
        assert.equal(find(evaluatePolicies([cluster({ serviceCidr: "10.0.0.0/12" })]), "R13")?.path, "networkProfile.serviceCidr");
    });

    it("stack-level: a pod CIDR overlapping the VNet's subnet (R36) names the Subnet resource in the message", () => {
        const list = evaluatePolicies([vnet(), subnet(), cluster({ podCidr: "10.224.0.0/16" })]);
        const found = find(list, "R36");
        assert.ok(found, JSON.stringify(list));
        assert.equal(found.path, "networkProfile.podCidr");
        assert.match(found.message, /Subnet "nodes"/);
    });

    it("stack-level: a pod CIDR overlapping another VNet of the stack is warned (R38), unless the range is allowed", () => {
        const hub = res("azure-native:network:VirtualNetwork", "hub", {
            virtualNetworkName: "hub",
            addressSpace: { addressPrefixes: ["10.244.0.0/16"] },
        });
        const list = evaluatePolicies([vnet(), subnet(), hub, cluster()]);
        assert.equal(find(list, "R38")?.enforcementLevel, "advisory");
        assert.match(find(list, "R38")!.message, /VirtualNetwork "hub" addressSpace\.addressPrefixes\[0\]/);
        assert.equal(find(evaluatePolicies([vnet(), subnet(), hub, cluster()], { allowedRanges: ["10.244.0.0/15"] }), "R38"), undefined);
    });

    it("stack-level: a peering's remote range overlapping the service CIDR (R34)", () => {
        const peering = res("azure-native:network:VirtualNetworkPeering", "to-onprem", {
            virtualNetworkName: "spoke",
            remoteAddressSpace: { addressPrefixes: ["10.0.0.0/16"] },
        });
        const found = find(evaluatePolicies([vnet(), subnet(), peering, cluster()]), "R34");
        assert.ok(found);
        assert.match(found.message, /VirtualNetworkPeering "to-onprem" remoteAddressSpace\.addressPrefixes\[0\]/);
    });

    it("pool rules on an AgentPool: a Windows name over 6 characters (R44) and no windowsProfile (R56) on the cluster", () => {
        const pool = res("azure-native:containerservice:AgentPool", "win", {
            resourceName: "aks",
            agentPoolName: "windows1",
            osType: "Windows",
            count: 2,
            maxPods: 30,
            vnetSubnetID: SUBNET_ID,
        });
        const list = evaluatePolicies([vnet(), subnet(), cluster(), pool]);
        assert.equal(find(list, "R44")?.name, "win");
        assert.equal(find(list, "R44")?.path, "agentPoolName");
        assert.equal(find(list, "R56")?.name, "aks");
        const fine = res("azure-native:containerservice:AgentPool", "win", {
            resourceName: "aks",
            agentPoolName: "win1",
            osType: "Windows",
            count: 2,
            maxPods: 30,
            vnetSubnetID: SUBNET_ID,
        });
        const withProfile = cluster({}, { windowsProfile: { adminUsername: "azureuser", adminPassword: "a-Long-enough-password-1" } });
        assert.deepEqual(ids(evaluatePolicies([vnet(), subnet(), withProfile, fine])), []);
    });

    it("an AgentPool without agentPoolName is named after its logical name (azure-native copies it for child resources)", () => {
        const windows = (name: string) =>
            res("azure-native:containerservice:AgentPool", name, {
                resourceName: "aks",
                osType: "Windows",
                count: 2,
                maxPods: 30,
                vnetSubnetID: SUBNET_ID,
            });
        const withProfile = cluster({}, { windowsProfile: { adminUsername: "azureuser", adminPassword: "a-Long-enough-password-1" } });
        const long = evaluatePolicies([vnet(), subnet(), withProfile, windows("windows1")]);
        assert.equal(find(long, "R44")?.name, "windows1");
        assert.equal(find(long, "R44")?.path, "agentPoolName");
        assert.match(find(long, "R44")!.message, /"windows1"/);
        assert.ok(!long.some((v) => v.ruleId === "P1" && v.name === "windows1"), "the name is known, not skipped");
        assert.deepEqual(ids(evaluatePolicies([vnet(), subnet(), withProfile, windows("win1")])), []);
    });

    it("Windows pools vs the dataplane: Cilium (R55)", () => {
        const pool = res("azure-native:containerservice:AgentPool", "win", {
            resourceName: "aks",
            agentPoolName: "win1",
            osType: "Windows",
            vnetSubnetID: SUBNET_ID,
        });
        assert.ok(
            ids(evaluatePolicies([vnet(), subnet(), cluster({ networkDataplane: "cilium", networkPolicy: "cilium" }), pool])).includes(
                "R55",
            ),
        );
    });

    it("reads versioned tokens", () => {
        const token = "azure-native:containerservice/v20250901:ManagedCluster";
        assert.ok(ids(evaluatePolicies([cluster({ serviceCidr: "10.0.0.0/12" }, {}, token)])).includes("R13"));
        assert.deepEqual(evaluatePolicies([cluster({ serviceCidr: "10.0.0.0/12" }, {}, "azure-native:compute:VirtualMachine")]), []);
    });

    it("Services: checked with the cluster's facts (IPv6 LoadBalancer with externalTrafficPolicy Cluster, AZ-1) and silent when fine", () => {
        const dual = cluster({
            ipFamilies: ["IPv4", "IPv6"],
            podCidrs: ["10.244.0.0/16", "fd12:3456:789a::/64"],
            serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a:1::/108"],
            podCidr: undefined,
            serviceCidr: undefined,
        });
        const svc = (policy: string) =>
            res("kubernetes:core/v1:Service", "web", {
                apiVersion: "v1",
                kind: "Service",
                metadata: { name: "web" },
                spec: {
                    type: "LoadBalancer",
                    ipFamilyPolicy: "RequireDualStack",
                    ipFamilies: ["IPv4", "IPv6"],
                    externalTrafficPolicy: policy,
                    selector: { app: "web" },
                    ports: [{ name: "http", port: 80 }],
                },
            });
        const list = evaluatePolicies([vnet(), subnet(), dual, svc("Cluster")]);
        assert.equal(find(list, "AZ-1")?.name, "web");
        assert.equal(find(list, "AZ-1")?.path, "spec.externalTrafficPolicy");
        assert.equal(find(evaluatePolicies([vnet(), subnet(), dual, svc("Local")]), "AZ-1"), undefined);
    });

    it("Services in a stack without a cluster get one advisory note (P2), or the configured facts", () => {
        const svc = res("kubernetes:core/v1:Service", "web", {
            metadata: { name: "web" },
            spec: { type: "ClusterIP", ipFamilyPolicy: "RequireDualStack", ports: [{ port: 80 }], selector: { a: "b" } },
        });
        assert.deepEqual(ids(evaluatePolicies([svc])), ["P2"]);
        const facts = {
            ipFamilies: ["IPv4"] as ["IPv4"],
            kubernetesVersion: "1.33",
            hasWindowsPools: false,
            linuxOsSku: "Ubuntu" as const,
        };
        assert.ok(!ids(evaluatePolicies([svc], { clusterFacts: facts })).includes("P2"));
    });

    it("unknown values: no false violation, one advisory note per resource naming the value", () => {
        const list = evaluatePolicies([vnet(), subnet(), cluster({ podCidr: UNKNOWN, serviceCidr: "10.224.0.0/16" })]);
        assert.ok(ids(list).includes("R31"), "the known service CIDR is still checked");
        assert.ok(!ids(list).some((id) => ["R33", "R36", "R37"].includes(id)));
        const notes = list.filter((v) => v.ruleId === "P1");
        assert.equal(notes.length, 1);
        assert.equal(notes[0].enforcementLevel, "advisory");
        assert.match(notes[0].message, /networkProfile\.podCidr/);
    });

    it("an unknown plugin skips the cluster's network rules, with a note", () => {
        const list = evaluatePolicies([cluster({ networkPlugin: UNKNOWN, serviceCidr: "10.0.0.0/12" })]);
        assert.deepEqual(ids(list), ["P1"]);
    });

    it("an unknown subnet ID with one VNet in the stack: the VNet is the cluster's, capacity rules skipped", () => {
        const c = cluster({ podCidr: "10.224.0.0/16" });
        (c.props as { agentPoolProfiles: { vnetSubnetID: string }[] }).agentPoolProfiles[0].vnetSubnetID = UNKNOWN;
        const list = evaluatePolicies([vnet(), subnet(), c]);
        assert.ok(ids(list).includes("R36"));
        assert.ok(ids(list).includes("P1"));
    });

    it("own-subnet rules (R65): fire without a node subnet, skipped with a note (P3) when the subnet is outside the stack", () => {
        const udr = { outboundType: "userDefinedRouting" };
        const noSubnet = cluster(udr);
        (noSubnet.props as { agentPoolProfiles: Record<string, unknown>[] }).agentPoolProfiles[0].vnetSubnetID = undefined;
        assert.equal(find(evaluatePolicies([noSubnet]), "R65")?.enforcementLevel, "mandatory");
        assert.equal(find(evaluatePolicies([vnet(), subnet(), cluster(udr)]), "R65"), undefined, "the stack's own subnet");
        const outside = evaluatePolicies([cluster(udr)]);
        assert.equal(find(outside, "R65"), undefined);
        assert.equal(find(outside, "P3")?.enforcementLevel, "advisory");
        assert.match(find(outside, "P3")!.message, /^R65 not checked: vnetSubnetID names a subnet this stack does not declare/);
    });

    it("config: levels per rule and disabled rules", () => {
        const base = [cluster({ serviceCidr: "10.0.0.0/12" })];
        assert.equal(find(evaluatePolicies(base, { levels: { R13: "advisory" } }), "R13")?.enforcementLevel, "advisory");
        assert.equal(find(evaluatePolicies(base, { levels: { R13: "advisory" } }), "R13")?.policyName, "aks-network-advisory");
        assert.equal(find(evaluatePolicies(base, { disabledRules: ["R13"] }), "R13"), undefined);
        assert.equal(find(evaluatePolicies(base, { levels: { R13: "disabled" } }), "R13"), undefined);
        assert.equal(find(evaluatePolicies(base), "R49"), undefined, "info findings are not reported by default");
        assert.equal(find(evaluatePolicies(base, { levels: { R49: "advisory" } }), "R49")?.enforcementLevel, "advisory");
    });

    it("unwraps the policy SDK's unknown-checking proxy instead of failing on its exception", () => {
        const props = cluster({ serviceCidr: "10.0.0.0/12", podCidr: UNKNOWN }).props as object;
        const proxy = new Proxy(props, {
            get: (target, key) => (key === "__getSpecialProxyTarget" ? target : Reflect.get(target, key)),
        });
        const list = evaluatePolicies([{ ...cluster(), props: proxy }]);
        assert.ok(ids(list).includes("R13"));
    });
});
