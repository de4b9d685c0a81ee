/**
 * The pack's policies, called as the engine calls them (hand-built `StackValidationArgs`), without
 * constructing the `PolicyPack` (its constructor serves the engine). The pack folder is complete.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import { stackPolicies } from "../../lib/policy/pack/policies";

const PACK = join(__dirname, "..", "..", "lib", "policy", "pack");

function run(resources: Partial<PolicyResource>[], config: object = {}) {
    const reports: Record<string, { message: string; urn?: string }[]> = {};
    for (const policy of stackPolicies()) {
        const args = { resources, getConfig: () => config } as unknown as StackValidationArgs;
        reports[policy.name] = [];
        void policy.validateStack(args, (message, urn) => reports[policy.name].push({ message, urn }));
    }
    return reports;
}

const cluster: Partial<PolicyResource> = {
    type: "azure-native:containerservice:ManagedCluster",
    name: "aks",
    urn: "urn:aks",
    props: {
        networkProfile: {
            networkPlugin: "azure",
            networkPluginMode: "overlay",
            serviceCidr: "10.0.0.0/12",
            dnsServiceIP: "10.0.0.10",
            podCidr: "10.0.0.0/16",
        },
    },
};

describe("the policy pack", () => {
    it("has a mandatory and an advisory stack policy with the config schema", () => {
        const policies = stackPolicies();
        assert.deepEqual(
            policies.map((p) => [p.name, p.enforcementLevel]),
            [
                ["aks-network-mandatory", "mandatory"],
                ["aks-network-advisory", "advisory"],
            ],
        );
        for (const p of policies)
            assert.deepEqual(Object.keys(p.configSchema?.properties ?? {}), ["levels", "disabledRules", "allowedRanges", "clusterFacts"]);
    });

    it("reports each violation once, on its level's policy, with the resource's URN", () => {
        const reports = run([cluster]);
        const mandatory = reports["aks-network-mandatory"];
        assert.ok(mandatory.some((r) => r.message.startsWith("R13 networkProfile.serviceCidr: ") && r.urn === "urn:aks"));
        assert.ok(mandatory.some((r) => r.message.startsWith("R33 ")));
        assert.ok(!reports["aks-network-advisory"].some((r) => r.message.startsWith("R13 ")));
    });

    it("takes the config from getConfig", () => {
        const reports = run([cluster], { levels: { R13: "advisory" }, disabledRules: ["R33"] });
        assert.ok(reports["aks-network-advisory"].some((r) => r.message.startsWith("R13 ")));
        assert.ok(!reports["aks-network-mandatory"].some((r) => r.message.startsWith("R13 ") || r.message.startsWith("R33 ")));
    });

    it("the folder has PulumiPolicy.yaml and a package.json with a version and the built entry as main", () => {
        assert.match(readFileSync(join(PACK, "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs$/m);
        const pkg = JSON.parse(readFileSync(join(PACK, "package.json"), "utf8"));
        assert.ok(pkg.version);
        assert.equal(join(PACK, pkg.main), join(__dirname, "..", "..", "dist", "lib", "policy", "pack", "index.js"));
    });

    it("ships in the package: the folder and its built entry are packed, and the folder resolves to the entry's policies", function () {
        this.timeout(120_000);
        const root = join(__dirname, "..", "..");
        const packed = JSON.parse(
            execFileSync("npm", ["pack", "--dry-run", "--ignore-scripts", "--json"], { cwd: root, encoding: "utf8" }),
        );
        const files = new Set((packed[0].files as { path: string }[]).map((f) => f.path));
        const entry = require.resolve(PACK);
        for (const file of ["lib/policy/pack/PulumiPolicy.yaml", "lib/policy/pack/package.json", relative(root, entry)])
            assert.ok(files.has(file), `${file} is packed (npm test builds first)`);
        // The built policy list beside the entry, loaded without the entry (which constructs the PolicyPack).
        const built = require(join(dirname(entry), "policies.js")) as { stackPolicies(): { name: string }[] };
        assert.deepEqual(
            built.stackPolicies().map((p) => p.name),
            ["aks-network-mandatory", "aks-network-advisory"],
        );
    });

    it("the evaluator loads no @pulumi module (a fresh process)", function () {
        this.timeout(60_000);
        const root = join(__dirname, "..", "..");
        const script = [
            `require("ts-node").register({ transpileOnly: true, project: ${JSON.stringify(join(root, "tsconfig.test.json"))} });`,
            `require(${JSON.stringify(join(root, "lib", "policy"))});`,
            `console.log(JSON.stringify(Object.keys(require.cache).filter((m) => m.includes("@pulumi"))));`,
        ].join("\n");
        const loaded = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" }));
        assert.deepEqual(loaded, []);
    });
});
