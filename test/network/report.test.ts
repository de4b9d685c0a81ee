import * as assert from "node:assert/strict";
import { describeNetworkPlan, formatNetworkPlanReport, NetworkPlan } from "../../lib/network";

const dualStack: NetworkPlan = {
    networkPlugin: "azure",
    networkPluginMode: "overlay",
    ipFamilies: ["IPv4", "IPv6"],
    podCidrs: ["10.244.0.0/16", "FD12:3456:789A:0000::/64"],
    serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a:1::/108"],
    dnsServiceIP: "10.0.0.10",
    vnetAddressSpaces: ["10.224.0.0/12", "fd00:10::/48"],
    nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/22", ipv6Cidr: "fd00:10:0:1::/64" }],
    kubernetesVersion: "1.33",
    nodePools: [
        { name: "system", mode: "System", count: 3, maxPods: 110 },
        { name: "apps", count: 2, maxCount: 40, maxPods: 110, maxSurge: "50%" },
    ],
    windowsProfile: { adminUsername: "azureuser", adminPassword: "Kx9-very-secret-Pw!" },
};

describe("describeNetworkPlan", () => {
    it("makes every default explicit and CIDRs canonical", () => {
        const r = describeNetworkPlan({});
        assert.equal(r.verdict, "accept");
        assert.deepEqual(r.effective.podCidrs, ["10.244.0.0/16"]);
        assert.deepEqual(r.effective.serviceCidrs, ["10.0.0.0/16"]);
        assert.equal(r.effective.dnsServiceIP, "10.0.0.10");
        assert.equal(r.effective.networkPlugin, "azure");
        assert.equal(r.effective.networkPluginMode, "overlay");
        assert.equal(r.effective.ipamMode, "overlay");
        assert.equal(r.effective.networkPolicy, "none");
        assert.equal(r.effective.networkPolicyExplicit, false);
        assert.deepEqual(
            r.effective.nodePools.map((p) => [p.name, p.mode, p.count, p.maxPods, p.maxPodsDefaulted]),
            [["nodepool1", "System", 3, 250, true]],
        );
    });

    it("defaults per family on dual-stack and keeps podCidr/serviceCidr equal to the first entries", () => {
        const r = describeNetworkPlan({ ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.33" });
        assert.deepEqual(r.effective.podCidrs, ["10.244.0.0/16", "fd12:3456:789a::/64"]);
        assert.deepEqual(r.effective.serviceCidrs, ["10.0.0.0/16", "fd12:3456:789a:1::/108"]);
    });

    it("reads Azure CNI without a mode as overlay, the components' default (one rule for plan files and components)", () => {
        const r = describeNetworkPlan({ networkPlugin: "azure", nodePools: [{ name: "sys", mode: "System", count: 3 }] });
        assert.equal(r.effective.ipamMode, "overlay");
        assert.equal(r.effective.networkPluginMode, "overlay");
        const podSubnet = describeNetworkPlan({
            networkPlugin: "azure",
            nodeSubnets: [
                { name: "n", cidr: "10.1.0.0/16" },
                { name: "p", cidr: "10.2.0.0/16" },
            ],
            nodePools: [{ name: "sys", mode: "System", count: 3, subnet: "n", podSubnet: "p" }],
        });
        assert.equal(podSubnet.effective.ipamMode, "podSubnet", "a pool's podSubnet means Azure CNI pod subnet");
    });

    it("gives legacy Azure CNI (mode null) no pod CIDRs and its own maxPods default", () => {
        const r = describeNetworkPlan({
            networkPlugin: "azure",
            networkPluginMode: null,
            nodePools: [{ name: "sys", mode: "System", count: 3 }],
        });
        assert.equal(r.effective.ipamMode, "nodeSubnet");
        assert.deepEqual(r.effective.podCidrs, []);
        assert.equal(r.effective.nodePools[0].maxPods, 30);
        assert.equal(r.capacity.families[0].podCidrNodeCapacity, null);
    });

    it("computes the capacity table", () => {
        const r = describeNetworkPlan(dualStack);
        assert.equal(r.verdict, "accept", JSON.stringify(r.diagnostics.filter((d) => d.severity !== "info")));
        assert.deepEqual(r.effective.podCidrs, ["10.244.0.0/16", "fd12:3456:789a::/64"]);
        const [v4, v6] = r.capacity.families;
        assert.equal(v4.podCidrNodeCapacity, 256);
        assert.equal(v4.serviceIps, "65534");
        assert.equal(v6.podCidrNodeCapacity, null);
        assert.equal(v6.serviceIps, String(2 ** 20 - 1));
        // apps: 40 nodes at most, 50% surge = 20; system: 3 + 1
        assert.deepEqual(r.capacity.nodes, { count: 5, max: 43, withSurge: 64, limit: 5000 });
        assert.equal(r.capacity.podCidrHeadroom, 256 - 64);
        assert.deepEqual(r.capacity.subnets, [
            {
                name: "aks-nodes",
                cidr: "10.224.0.0/22",
                role: "nodes",
                usable: 1019,
                needed: 43,
                neededWithSurge: 64,
                headroom: 955,
                pools: ["system", "apps"],
            },
        ]);
    });

    it("keeps the Windows password out of the report", () => {
        const r = describeNetworkPlan(dualStack);
        assert.deepEqual(r.effective.windowsProfile, { adminUsername: "azureuser", hasPassword: true });
        assert.ok(!JSON.stringify(r).includes("Kx9-very-secret-Pw!"));
        assert.ok(!formatNetworkPlanReport(r).includes("Kx9-very-secret-Pw!"));
    });

    it("reports reject with the errors", () => {
        const r = describeNetworkPlan({
            ...dualStack,
            serviceCidrs: ["10.224.0.0/16", "fd12:3456:789a:1::/108"],
            dnsServiceIP: "10.224.0.10",
        });
        assert.equal(r.verdict, "reject");
        assert.ok(r.diagnostics.some((d) => d.ruleId === "R31" && d.path === "serviceCidrs[0]"));
    });
});

describe("formatNetworkPlanReport", () => {
    it("renders text with the ranges, capacity and pools", () => {
        const text = formatNetworkPlanReport(describeNetworkPlan(dualStack), "text");
        assert.match(text, /AKS network plan: accept/);
        assert.match(text, /IPv4\s+10\.244\.0\.0\/16\s+256\s+10\.0\.0\.0\/16\s+65,534/);
        assert.match(text, /IPv6\s+fd12:3456:789a::\/64\s+-\s+fd12:3456:789a:1::\/108\s+1,048,575/);
        assert.match(text, /aks-nodes\s+10\.224\.0\.0\/22\s+nodes\s+1,019\s+43\s+64\s+955\s+system, apps/);
        assert.match(text, /apps\s+Linux\s+User\s+2\s+40\s+20\s+110\s+aks-nodes/);
    });

    it("renders markdown tables and diagnostics for a PR comment", () => {
        const md = formatNetworkPlanReport(
            describeNetworkPlan({ ...dualStack, podCidrs: ["10.224.0.0/16", "fd12:3456:789a::/64"] }),
            "markdown",
        );
        assert.match(md, /^## AKS network plan: reject/);
        assert.match(md, /\| family \| pod CIDR \| nodes it holds \| service CIDR \| service IPs \|/);
        assert.match(md, /\| error \| R36 \| `podCidrs\[0\]` \|/);
    });
});

describe("the address plan picture", () => {
    it("draws the VNet, its subnets, the pod and service ranges and the connected networks in markdown only", () => {
        const plan: NetworkPlan = {
            ...dualStack,
            connectedNetworks: ["192.168.0.0/16", { name: "hub", cidr: "10.100.0.0/16", kind: "peering" }],
        };
        const report = describeNetworkPlan(plan);
        const md = formatNetworkPlanReport(report, "markdown");
        const start = md.indexOf("```mermaid");
        assert.ok(start >= 0, md);
        const picture = md.slice(start, md.indexOf("```", start + 3) + 3);
        for (const text of [
            `vnet["VNet 10.224.0.0/12, fd00:10::/48"]`,
            `subnet0["subnet aks-nodes: 10.224.0.0/22, fd00:10:0:1::/64"]`,
            `pods["pods (overlay): 10.244.0.0/16, fd12:3456:789a::/64"]`,
            `services["services: 10.0.0.0/16, fd12:3456:789a:1::/108; DNS 10.0.0.10"]`,
            `connected0["other 192.168.0.0/16: 192.168.0.0/16"]`,
            `connected1["peering hub: 10.100.0.0/16"]`,
        ]) {
            assert.ok(picture.includes(text), `missing ${text} in\n${picture}`);
        }
        assert.doesNotMatch(formatNetworkPlanReport(report, "text"), /mermaid/);
    });

    it("counts the connected networks beyond the first twelve instead of drawing them all", () => {
        const connectedNetworks = Array.from({ length: 30 }, (_, i) => `10.${100 + i}.0.0/16`);
        const md = formatNetworkPlanReport(describeNetworkPlan({ ...dualStack, connectedNetworks }), "markdown");
        assert.equal((md.match(/vnet -\.- connected\d+\[/g) ?? []).length, 12);
        assert.match(md, /connectedMore\["18 more connected networks"\]/);
    });
});
