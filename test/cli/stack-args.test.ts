/**
 * Reading a stack's config as the stack program does (its own `readStackConfig`), and the cluster's
 * network plan from it, with config paths.
 */
import assert from "node:assert/strict";
import { stackConfigToClusterArgs, stackConfigToNetworkPlan } from "../../lib/cli/stack-args";
import { SECRET_PLACEHOLDER } from "../../lib/cli/project";

describe("stack config to AksClusterArgs", () => {
    it("takes every aks-network:<AksClusterArgs key> as that argument, the program's keys apart", () => {
        const r = stackConfigToClusterArgs({
            "aks-network:clusterName": "aks-dev",
            "aks-network:network": { ipFamilies: ["IPv4", "IPv6"], podCidrs: ["10.244.0.0/16", "fd12:3456:789a::/64"] },
            "aks-network:nodePools": [{ name: "apps", maxCount: 10 }],
            "aks-network:ingress": { kind: "traefik" },
            "aks-network:name": "dev",
            "azure-native:location": "westeurope",
        });
        assert.deepEqual(r.args, {
            clusterName: "aks-dev",
            network: { ipFamilies: ["IPv4", "IPv6"], podCidrs: ["10.244.0.0/16", "fd12:3456:789a::/64"] },
            nodePools: [{ name: "apps", maxCount: 10 }],
        });
        assert.equal(r.componentName, "dev");
        assert.deepEqual(r.used, ["aks-network:clusterName", "aks-network:network", "aks-network:nodePools"]);
        assert.deepEqual(r.other, ["aks-network:ingress", "aks-network:name"]);
        assert.deepEqual(r.problems, []);
        assert.equal(r.config.ingress.kind, "traefik");
    });

    it("hands the secret windowsAdminPassword (offline: its placeholder) to the cluster's Windows settings", () => {
        const r = stackConfigToClusterArgs({
            "aks-network:windows": { adminUsername: "ops" },
            "aks-network:windowsAdminPassword": SECRET_PLACEHOLDER,
        });
        assert.deepEqual(r.args.windows, { adminUsername: "ops", adminPassword: SECRET_PLACEHOLDER });
        assert.equal(r.componentName, "aks", "the program's default component name");
    });

    it("reports keys that are not settings (S1), and cluster values of the wrong kind once, as AksCluster does (A22), by config path", () => {
        const r = stackConfigToClusterArgs({
            "aks-network:netwrk": {},
            "aks-network:nodePools": { name: "x" },
            "aks-network:ingress": { kind: "nginx" },
        });
        assert.deepEqual(
            r.problems.map((p) => [p.ruleId, p.path]),
            [
                ["S1", "aks-network:netwrk"],
                ["S1", "aks-network:ingress.kind"],
            ],
        );
        assert.match(r.problems[0].message, /did you mean aks-network:network\?/);
        assert.match(r.problems[1].message, /^aks-network:ingress\.kind "nginx" is not a valid IngressControllerKind/);
        const shape = (r.design?.diagnostics ?? []).filter((d) => d.ruleId === "A22").map((d) => d.path);
        assert.deepEqual(shape, ["nodePools"], "the design checks the cluster's arguments (the caller maps them to config paths)");
        const report = stackConfigToNetworkPlan({ "aks-network:nodePools": { name: "x" } }).report;
        assert.deepEqual(
            report.diagnostics.filter((d) => d.ruleId === "A22").map((d) => d.path),
            ["aks-network:nodePools"],
        );
    });

    it("reads the same keys under another namespace, and names them so", () => {
        const r = stackConfigToClusterArgs(
            { "mine:network": { podCidrs: ["10.1.0.0/16"] }, "mine:netwrk": 1, "aks-network:network": { podCidrs: ["10.2.0.0/16"] } },
            "mine",
        );
        assert.deepEqual(r.args, { network: { podCidrs: ["10.1.0.0/16"] } });
        assert.deepEqual(
            r.problems.map((p) => p.path),
            ["mine:netwrk"],
        );
        assert.match(r.problems[0].message, /^mine:netwrk is not a setting of this program; did you mean mine:network\?$/);
    });

    it("designs the plan as AksCluster does: system pool first, every finding by config path, config problems first", () => {
        const { plan, report, componentName } = stackConfigToNetworkPlan({
            "aks-network:apiServer": { authorizedIpRanges: ["20.50.60.0/24"] },
            "aks-network:network": { podCidrs: ["10.0.0.0/16"], serviceCidrs: ["10.0.0.0/16"], dnsServiceIP: "10.0.0.10" },
            "aks-network:nodePools": [{ name: "apps", count: 2 }],
            "aks-network:sampleApp": { replicas: "two" },
        });
        assert.equal(componentName, "aks");
        assert.deepEqual(plan.podCidrs, ["10.0.0.0/16"]);
        assert.deepEqual(
            (plan.nodePools ?? []).map((p) => p.name),
            ["system", "apps"],
        );
        assert.equal(report.verdict, "reject");
        assert.equal(report.diagnostics[0].path, "aks-network:sampleApp.replicas");
        const r33 = report.diagnostics.find((d) => d.ruleId === "R33");
        assert.equal(r33?.path, "aks-network:network.serviceCidrs[0]");
        assert.match(r33?.message ?? "", /^aks-network:network\.serviceCidrs\[0\] "10\.0\.0\.0\/16" .*network\.podCidrs\[0\]/);
        assert.ok(
            report.diagnostics.some((d) => d.severity === "info"),
            "warnings and info are kept",
        );
    });

    it("names the Azure resources for the stack the config is for, and uses names given as is", () => {
        const values = { "aks-network:apiServer": { authorizedIpRanges: ["20.50.60.0/24"] } };
        const names = (stack: string, more = {}) =>
            stackConfigToNetworkPlan({ ...values, ...more }, "aks-network", { project: "aks", stack }).plan.names;
        assert.deepEqual(names("dev"), { resourceGroup: "aks-dev-d71554-rg", vnet: "aks-dev-d71554-vnet" });
        assert.notDeepEqual(names("prod"), names("dev"));
        const given = { "aks-network:resourceGroupName": "platform", "aks-network:clusterName": "shared" };
        assert.deepEqual(names("prod", given), { resourceGroup: "platform", vnet: "shared-vnet" });
    });
});
