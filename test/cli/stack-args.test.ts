/**
 * The one mapping from a stack's config to `AksClusterArgs` and the cluster's network plan.
 */
import assert from "node:assert/strict";
import { CLUSTER_ARG_KEYS, stackConfigToClusterArgs, stackConfigToNetworkPlan } from "../../lib/cli/stack-args";

describe("stack config to AksClusterArgs", () => {
    it("takes every aks-network:<AksClusterArgs key> as that argument and names the other keys", () => {
        const values = {
            "aks-network:clusterName": "aks-dev",
            "aks-network:network": { ipFamilies: ["IPv4", "IPv6"], podCidrs: ["10.244.0.0/16", "fd12:3456:789a::/64"] },
            "aks-network:nodePools": [{ name: "apps", maxCount: 10 }],
            "aks-network:ingress": { kind: "Traefik" },
            "azure-native:location": "westeurope",
        };
        const r = stackConfigToClusterArgs(values);
        assert.deepEqual(r.args, {
            clusterName: "aks-dev",
            network: { ipFamilies: ["IPv4", "IPv6"], podCidrs: ["10.244.0.0/16", "fd12:3456:789a::/64"] },
            nodePools: [{ name: "apps", maxCount: 10 }],
        });
        assert.deepEqual(r.used, ["aks-network:clusterName", "aks-network:network", "aks-network:nodePools"]);
        assert.deepEqual(r.other, ["aks-network:ingress"]);
    });

    it("takes a whole aks-network:cluster object, single keys over it", () => {
        const r = stackConfigToClusterArgs({
            "aks-network:cluster": { clusterName: "from-object", kubernetesVersion: "1.32" },
            "aks-network:kubernetesVersion": "1.33",
        });
        assert.deepEqual(r.args, { clusterName: "from-object", kubernetesVersion: "1.33" });
        assert.deepEqual(r.used, ["aks-network:cluster", "aks-network:kubernetesVersion"]);
    });

    it("reads another namespace when asked, and nothing else", () => {
        const r = stackConfigToClusterArgs({ "mine:network": { podCidrs: ["10.1.0.0/16"] }, "aks-network:network": { podCidrs: ["10.2.0.0/16"] } }, "mine");
        assert.deepEqual(r.args, { network: { podCidrs: ["10.1.0.0/16"] } });
    });

    it("knows every AksClusterArgs key once", () => {
        assert.equal(new Set(CLUSTER_ARG_KEYS).size, CLUSTER_ARG_KEYS.length);
        for (const k of ["network", "systemPool", "nodePools", "windows", "apiServer", "kubernetesVersion", "clusterName"]) {
            assert.ok((CLUSTER_ARG_KEYS as readonly string[]).includes(k), k);
        }
    });

    it("designs the plan as AksCluster does: system pool first, user paths in the findings", () => {
        const { plan, report } = stackConfigToNetworkPlan({
            "aks-network:apiServer": { authorizedIpRanges: ["20.50.60.0/24"] },
            "aks-network:network": { podCidrs: ["10.0.0.0/16"], serviceCidrs: ["10.0.0.0/16"], dnsServiceIP: "10.0.0.10" },
            "aks-network:nodePools": [{ name: "apps", count: 2 }],
        }, "aks");
        assert.deepEqual(plan.podCidrs, ["10.0.0.0/16"]);
        assert.deepEqual((plan.nodePools ?? []).map((p) => p.name), ["system", "apps"]);
        assert.equal(report.verdict, "reject");
        const r33 = report.diagnostics.find((d) => d.ruleId === "R33");
        assert.equal(r33?.path, "network.serviceCidrs[0]");
        assert.match(r33?.message ?? "", /network\.podCidrs\[0\]/);
    });
});
