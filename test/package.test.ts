/**
 * The package as users get it: the built entries, loaded by name from plain JavaScript through the
 * package's `exports` (a consumer directory with `node_modules/pulumi-aks-network` linked to this
 * repository), with the planned public names and the right module graph (a pure planner; azure-native
 * by submodule only). Runs against `dist/` (npm test builds first) in child processes, so this
 * process's module cache and mocks don't interfere.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import * as ts from "typescript";

const ROOT = join(__dirname, "..");

/**
 * The public runtime names of each entry, sorted. A change here is a change of the package's API:
 * add a name on purpose (with its doc comment and README mention), never as a side effect.
 */
const PUBLIC: Record<string, string[]> = {
    ".": [
        "AKS_CLUSTER_TYPE",
        "AksCluster",
        "BackendPoolType",
        "COMPONENT_RULES",
        "ClusterSkuTier",
        "ConnectedNetworkKind",
        "ConnectivityProbe",
        "IngressController",
        "IngressControllerKind",
        "IngressMode",
        "IpFamily",
        "KubeloginMode",
        "NODE_POOL_TYPE",
        "NetworkDataplane",
        "NetworkPlugin",
        "NetworkPluginMode",
        "NetworkPolicy",
        "NodeOsUpgradeChannel",
        "NodePool",
        "OsDiskType",
        "OsSku",
        "OsType",
        "OutboundType",
        "RULES",
        "SECURITY_CHECKS",
        "SampleApp",
        "TaintEffect",
        "UpgradeChannel",
        "WeekDay",
        "checkClusterSecurity",
        "describeNetworkPlan",
        "formatNetworkPlanReport",
        "hasErrors",
        "toNonInteractiveKubeconfig",
        "validateNetworkPlan",
        "verdictOf",
    ],
    "./network": ["RULES", "describeNetworkPlan", "formatNetworkPlanReport", "hasErrors", "validateNetworkPlan", "verdictOf"],
    "./k8s": [
        "CURL_IMAGE",
        "GATEWAY_API_RELEASE",
        "INGRESS_NGINX_CHART",
        "IngressControllerKind",
        "IngressMode",
        "ProbePath",
        "SERVICE_RULES",
        "TRAEFIK_CHART",
        "WINDOWS_PROBE_IMAGE",
        "buildAppRoutingController",
        "buildGateway",
        "buildGatewayClass",
        "buildIngressNginxIpv6Service",
        "buildIngressNginxValues",
        "buildProbeJobs",
        "buildProbePodServices",
        "buildSampleApp",
        "buildSampleHttpRoutes",
        "buildSampleIngress",
        "buildTraefikValues",
        "checkService",
        "controllerServicePreviews",
        "controllerServiceShape",
        "describeService",
        "gatewayNames",
        "gatewayServicePreviews",
        "outsideProbeCommands",
        "probeChecks",
        "probeFailureMessage",
        "probeJobProblems",
        "serviceNamesByFamily",
    ],
    "./cli": [
        "CHANGE_FACTS",
        "PLAN_RESULT_KIND",
        "PLAN_RESULT_VERSION",
        "RISK_CLASSES",
        "assessChanges",
        "diffExitStatus",
        "diffPlans",
        "formatPlan",
        "formatPlanDiff",
        "parseFailOn",
        "planStack",
        "readPlanResult",
        "stackConfigToClusterArgs",
        "stackConfigToNetworkPlan",
    ],
    "./policy": ["POLICY_NAMES", "POLICY_RULES", "UNKNOWN_SENTINELS", "evaluatePolicies"],
};

/** The module specifier a user writes for an entry of `exports` (".": the package name). */
const specifier = (entry: string): string => `pulumi-aks-network${entry.slice(1)}`;

/** A directory outside the repository where `pulumi-aks-network` is an installed dependency (a link). */
let consumer = "";

function node(script: string, cwd = consumer): string {
    return execFileSync(process.execPath, ["-e", script], { cwd, encoding: "utf8" });
}

/** Modules under node_modules that requiring `file` (and running `then` on it) loads, as package-relative paths. */
function loadedModules(file: string, then = ""): string[] {
    const out = node(`const m = require(${JSON.stringify(file)}); ${then}; console.log(JSON.stringify(Object.keys(require.cache)))`);
    return (JSON.parse(out) as string[]).filter((m) => m.includes("node_modules")).map((m) => m.slice(m.lastIndexOf("node_modules/") + 13));
}

/** What `planned` lacks and what it has too many of, against `actual`; empty when they are equal. */
function difference(planned: readonly string[], actual: readonly string[]): string {
    const added = actual.filter((n) => !planned.includes(n));
    const removed = planned.filter((n) => !actual.includes(n));
    return [added.length ? `unplanned: ${added.join(", ")}` : "", removed.length ? `missing: ${removed.join(", ")}` : ""]
        .filter(Boolean)
        .join("; ");
}

function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
    });
}

describe("the package entries", () => {
    before(() => {
        consumer = mkdtempSync(join(tmpdir(), "aks-network-consumer-"));
        mkdirSync(join(consumer, "node_modules"));
        symlinkSync(ROOT, join(consumer, "node_modules", "pulumi-aks-network"), "dir");
    });

    after(() => rmSync(consumer, { recursive: true, force: true }));

    it("resolves by name to the build and works from plain JavaScript", () => {
        const out = node(`
            const p = require("pulumi-aks-network");
            const d = p.validateNetworkPlan({ serviceCidrs: ["10.0.0.0/12"], dnsServiceIP: "10.0.0.10" });
            const r = p.describeNetworkPlan({ ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.33" });
            console.log(JSON.stringify({ resolved: require.resolve("pulumi-aks-network"), d, verdict: r.verdict, pods: r.effective.podCidrs, text: typeof p.formatNetworkPlanReport(r) }));
        `);
        const res = JSON.parse(out);
        assert.equal(relative(ROOT, res.resolved), join("dist", "lib", "index.js"));
        assert.ok(
            res.d.some(
                (x: { ruleId: string; severity: string; path: string }) =>
                    x.ruleId === "R13" && x.severity === "error" && x.path === "serviceCidrs[0]",
            ),
        );
        assert.equal(res.verdict, "accept");
        assert.deepEqual(res.pods, ["10.244.0.0/16", "fd12:3456:789a::/64"]);
        assert.equal(res.text, "string");
    });

    it("registers Kubernetes provider references for the plugin host only, not for npm consumers", () => {
        const pulumiSdk = `require(require.resolve("@pulumi/pulumi", { paths: [${JSON.stringify(ROOT)}] }))`;
        const registered = `console.log(${pulumiSdk}.runtime.getResourcePackage("kubernetes", undefined) !== undefined)`;
        // The plugin host requires the package's directory (main); a program requires its name (exports).
        assert.equal(node(`const m = require(${JSON.stringify(ROOT)}); ${registered}; if (!m.IngressController) throw 0`).trim(), "true");
        assert.equal(node(`require("pulumi-aks-network"); ${registered}`).trim(), "false");
    });

    it("exports the planned runtime names from each entry, and no other", function () {
        this.timeout(60_000);
        const entries = Object.keys(PUBLIC);
        const out = node(
            `console.log(JSON.stringify(${JSON.stringify(entries.map(specifier))}.map((s) => Object.keys(require(s)).sort())))`,
        );
        const actual = JSON.parse(out) as string[][];
        const problems = entries
            .map((e, i) => [e, difference(PUBLIC[e], actual[i])])
            .filter(([, d]) => d)
            .map(([e, d]) => `${specifier(e)}: ${d}`);
        assert.deepEqual(
            problems,
            [],
            `the public API changed; update PUBLIC in test/package.test.ts only on purpose:\n${problems.join("\n")}`,
        );
        for (const e of entries) assert.deepEqual(PUBLIC[e], [...PUBLIC[e]].sort(), `PUBLIC["${e}"] is sorted`);
    });

    it("maps every entry of package.json exports, for require and for TypeScript, to a built file", () => {
        const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
        assert.deepEqual(Object.keys(pkg.exports).sort(), [...Object.keys(PUBLIC), "./package.json"].sort());
        const specifiers = JSON.stringify(Object.keys(PUBLIC).map(specifier));
        const resolved = JSON.parse(node(`console.log(JSON.stringify(${specifiers}.map((s) => require.resolve(s))))`)) as string[];
        const file = join(consumer, "index.ts");
        const modes: [string, ts.CompilerOptions][] = [
            ["node", { moduleResolution: ts.ModuleResolutionKind.Node10 }],
            ["node16", { moduleResolution: ts.ModuleResolutionKind.Node16, module: ts.ModuleKind.Node16 }],
            ["bundler", { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext }],
        ];
        Object.keys(PUBLIC).forEach((entry, i) => {
            const dir = entry === "." ? "" : `${entry.slice(2)}/`;
            assert.equal(relative(ROOT, resolved[i]), join("dist", "lib", dir, "index.js"), specifier(entry));
            assert.deepEqual(pkg.exports[entry], { types: `./dist/lib/${dir}index.d.ts`, default: `./dist/lib/${dir}index.js` }, entry);
            for (const [mode, options] of modes) {
                const types = ts.resolveModuleName(specifier(entry), file, options, ts.sys).resolvedModule?.resolvedFileName;
                assert.equal(
                    types && relative(ROOT, types),
                    join("dist", "lib", dir, "index.d.ts"),
                    `${specifier(entry)} types with moduleResolution ${mode}`,
                );
            }
        });
    });

    it("keeps the modules behind the entries private", () => {
        const code = node(
            `try { require("pulumi-aks-network/dist/lib/network/cidr.js"); console.log("loaded") } catch (e) { console.log(e.code) }`,
        );
        assert.equal(code.trim(), "ERR_PACKAGE_PATH_NOT_EXPORTED");
    });

    it("keeps the planner pure: pulumi-aks-network/network validates a plan and loads nothing from Pulumi", () => {
        const then = `const plan = { ipFamilies: ["IPv4", "IPv6"], podCidrs: ["10.244.0.0/16", "fd00::/64"], serviceCidrs: ["10.0.0.0/12"] };
            const d = m.validateNetworkPlan(plan);
            if (!d.some((x) => x.ruleId === "R13")) throw new Error("no R13 in " + JSON.stringify(d))`;
        const mods = loadedModules("pulumi-aks-network/network", then);
        assert.deepEqual(
            mods.filter((m) => m.startsWith("@pulumi/")),
            [],
        );
        assert.ok(
            mods.some((m) => m.startsWith("ip-num/")),
            "the planner parses IPv6 with ip-num",
        );
    });

    it("keeps the Service linter and the builders pure: pulumi-aks-network/k8s loads nothing from Pulumi", () => {
        const mods = loadedModules(
            "pulumi-aks-network/k8s",
            `
            const service = { metadata: { name: "web" }, spec: { type: "NodePort", ports: [{ port: 80, nodePort: 80 }] } };
            const d = m.checkService(service, { ipFamilies: ["IPv4"], kubernetesVersion: "1.34", hasWindowsPools: false, linuxOsSku: "AzureLinux" });
            if (!d.some((x) => x.severity === "error")) throw new Error("no error for nodePort 80 in " + JSON.stringify(d))`,
        );
        assert.deepEqual(
            mods.filter((m) => m.startsWith("@pulumi/")),
            [],
        );
    });

    it("never loads the azure-native root (seconds of type-checking and hundreds of MB for users)", () => {
        const mods = loadedModules("pulumi-aks-network");
        assert.ok(!mods.includes("@pulumi/azure-native/index.js"), "the azure-native root module was loaded");
        assert.ok(!mods.includes("@pulumi/kubernetes/index.js"), "the kubernetes SDK root was loaded (every API group and Helm v3)");
        assert.ok(!mods.some((m) => m.startsWith("yaml/")), "yaml is loaded only when a file or kubeconfig is read");
        assert.ok(
            mods.some((m) => m.startsWith("@pulumi/azure-native/containerservice/")),
            "containerservice comes in by submodule",
        );
        for (const file of sources(join(ROOT, "lib"))) {
            assert.doesNotMatch(
                readFileSync(file, "utf8"),
                /from\s+["']@pulumi\/azure-native["']|require\(["']@pulumi\/azure-native["']\)/,
                relative(ROOT, file),
            );
        }
    });

    it("gives consumers types that reach no azure-native declarations (type-checking stays cheap)", () => {
        const entry = join(consumer, "consumer.ts");
        const text = `import { AksCluster, NodePool } from "pulumi-aks-network";\nexport type T = [AksCluster, NodePool];\n`;
        const host = ts.createCompilerHost({});
        const options = {
            noEmit: true,
            skipLibCheck: true,
            module: ts.ModuleKind.CommonJS,
            moduleResolution: ts.ModuleResolutionKind.Node10,
            types: [],
        };
        const program = ts.createProgram([entry], options, {
            ...host,
            fileExists: (file) => file === entry || host.fileExists(file),
            getSourceFile: (file, language) =>
                file === entry ? ts.createSourceFile(file, text, language) : host.getSourceFile(file, language),
        });
        const files = program.getSourceFiles().map((f) => f.fileName);
        assert.ok(
            files.some((f) => f.endsWith("/dist/lib/azure/aksCluster.d.ts")),
            `the component's declarations were not read: ${files.length} files`,
        );
        const azureNative = files.filter((f) => f.includes("/@pulumi/azure-native/"));
        assert.deepEqual(azureNative.slice(0, 5), [], `${azureNative.length} azure-native declaration files reached`);
    });

    it("installs its command under its own name too, both bins pointing at the built CLI", () => {
        const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
        // `npx aks-network` outside the project would fetch whatever package claims that name on the
        // registry; `npx pulumi-aks-network` resolves to this package (its name equals a bin of its own).
        assert.deepEqual(pkg.bin, { "aks-network": "dist/lib/cli/main.js", "pulumi-aks-network": "dist/lib/cli/main.js" });
        const main = join(ROOT, pkg.bin["pulumi-aks-network"]);
        assert.match(readFileSync(main, "utf8"), /^#!\/usr\/bin\/env node\n/);
        const help = execFileSync(process.execPath, [main, "--help"], { encoding: "utf8" });
        assert.match(help, /^usage: aks-network <command>/);
        for (const doc of ["README.md", join("lib", "cli", "README.md"), join("examples", "README.md")]) {
            const text = readFileSync(join(ROOT, doc), "utf8");
            assert.doesNotMatch(text, /npx aks-network (validate|plan|diff)/, `${doc}: write npx --no-install aks-network`);
            assert.match(text, /npx --no-install aks-network/, doc);
        }
        for (const doc of ["README.md", join("lib", "cli", "README.md")])
            assert.match(readFileSync(join(ROOT, doc), "utf8"), /npx pulumi-aks-network/, doc);
    });

    it("builds when installed from git (prepare) and ships the Apache-2.0 license text", () => {
        const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
        assert.equal(pkg.scripts.prepare, "npm run build");
        assert.equal(pkg.scripts.build, "tsc -p tsconfig.json");
        assert.ok(pkg.devDependencies.typescript, "prepare runs tsc: npm installs devDependencies for it");
        assert.equal(pkg.license, "Apache-2.0");
        const license = readFileSync(join(ROOT, "LICENSE"), "utf8");
        assert.match(license, /^Copyright 2026 The pulumi-aks-network authors\n/);
        assert.match(license, /^ +Apache License\n +Version 2\.0, January 2004\n/m);
        assert.match(license, /END OF TERMS AND CONDITIONS/);
    });

    it("declares its dependencies as the package contract says", () => {
        const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
        // main is what the plugin host requires (the package's directory); npm consumers resolve exports.
        assert.equal(pkg.main, "dist/lib/plugin.js");
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
