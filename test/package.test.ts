/**
 * The package as users get it: the built entry, loaded by name from plain JavaScript, with the right
 * module graph (a pure planner; azure-native by submodule only). Runs against `dist/` (npm test builds
 * first) in child processes, so this process's module cache and mocks don't interfere.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..");

function node(script: string): string {
    return execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
}

/** Modules under node_modules that requiring `file` (and running `then` on it) loads, as package-relative paths. */
function loadedModules(file: string, then = ""): string[] {
    const out = node(`const m = require(${JSON.stringify(file)}); ${then}; console.log(JSON.stringify(Object.keys(require.cache)))`);
    return (JSON.parse(out) as string[]).filter((m) => m.includes("node_modules")).map((m) => m.slice(m.lastIndexOf("node_modules/") + 13));
}

function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
    });
}

describe("the package entry", () => {
    it("resolves by name to the build and works from plain JavaScript", () => {
        const out = node(`
            const p = require("pulumi-aks-network");
            const d = p.validateNetworkPlan({ serviceCidrs: ["10.0.0.0/12"], dnsServiceIP: "10.0.0.10" });
            const r = p.describeNetworkPlan({ ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.33" });
            console.log(JSON.stringify({ resolved: require.resolve("pulumi-aks-network"), d, verdict: r.verdict, pods: r.effective.podCidrs, text: typeof p.formatNetworkPlanReport(r) }));
        `);
        const res = JSON.parse(out);
        assert.equal(relative(ROOT, res.resolved), join("dist", "lib", "index.js"));
        assert.ok(res.d.some((x: { ruleId: string; severity: string; path: string }) => x.ruleId === "R13" && x.severity === "error" && x.path === "serviceCidrs[0]"));
        assert.equal(res.verdict, "accept");
        assert.deepEqual(res.pods, ["10.244.0.0/16", "fd12:3456:789a::/64"]);
        assert.equal(res.text, "string");
    });

    it("exports the components, the planner, the linter and the offline plan", () => {
        const keys = JSON.parse(node(`console.log(JSON.stringify(Object.keys(require("pulumi-aks-network"))))`)) as string[];
        for (const k of ["AksCluster", "NodePool", "IngressController", "SampleApp", "validateNetworkPlan", "describeNetworkPlan",
            "formatNetworkPlanReport", "checkService", "buildSampleApp", "RULES", "planStack", "diffPlans"]) {
            assert.ok(keys.includes(k), `missing export ${k}`);
        }
    });

    it("keeps the planner pure: lib/network loads nothing from Pulumi", () => {
        const mods = loadedModules("./dist/lib/network/index.js", `m.validateNetworkPlan({ ipFamilies: ["IPv4", "IPv6"], podCidrs: ["10.244.0.0/16", "fd00::/64"] })`);
        assert.deepEqual(mods.filter((m) => m.startsWith("@pulumi/")), []);
        assert.ok(mods.some((m) => m.startsWith("ip-num/")), "the planner parses IPv6 with ip-num");
    });

    it("never loads the azure-native root (seconds of type-checking and hundreds of MB for users)", () => {
        const mods = loadedModules("./dist/lib/index.js");
        assert.ok(!mods.includes("@pulumi/azure-native/index.js"), "the azure-native root module was loaded");
        assert.ok(!mods.includes("@pulumi/kubernetes/index.js"), "the kubernetes SDK root was loaded (every API group and Helm v3)");
        assert.ok(!mods.some((m) => m.startsWith("yaml/")), "yaml is loaded only when a file or kubeconfig is read");
        assert.ok(mods.some((m) => m.startsWith("@pulumi/azure-native/containerservice/")), "containerservice comes in by submodule");
        for (const file of sources(join(ROOT, "lib"))) {
            assert.doesNotMatch(readFileSync(file, "utf8"), /from\s+["']@pulumi\/azure-native["']|require\(["']@pulumi\/azure-native["']\)/, relative(ROOT, file));
        }
    });

    it("declares its dependencies as the package contract says", () => {
        const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
        assert.equal(pkg.main, "dist/lib/index.js");
        assert.equal(pkg.types, "dist/lib/index.d.ts");
        assert.equal(pkg.exports["."].default, "./dist/lib/index.js");
        assert.match(pkg.peerDependencies["@pulumi/pulumi"], /^\^3\./);
        assert.match(pkg.devDependencies["@pulumi/pulumi"], /^\d+\.\d+\.\d+$/, "pinned for CI");
        assert.match(pkg.dependencies["@pulumi/azure-native"], /^\^3\./);
        assert.match(pkg.dependencies["@pulumi/kubernetes"], /^\^4\./);
        assert.match(pkg.dependencies["ip-num"], /^\^1\.(6|[7-9]|\d\d)/);
        assert.match(pkg.devDependencies.typescript, /^~5\.9/);
        assert.equal(pkg.engines.node, ">=22");
        assert.equal(pkg.pulumi, undefined, "a component library must not claim to be a provider plugin");
    });
});
