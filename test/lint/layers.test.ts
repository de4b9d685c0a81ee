/**
 * The layer rule of eslint.config.mjs: each folder of lib imports only the layers below it
 * (core <- network <- azure, k8s <- stack <- cli), and core and network load no @pulumi module.
 *
 * The probes are linted as text under a path inside a layer (`lintText` with `filePath`): ESLint applies
 * that path's configuration, and nothing is written into lib, where a build running at the same time
 * would pick the file up.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { ESLint, Linter } from "eslint";

const ROOT = path.join(__dirname, "..", "..");
const LIB = path.join(ROOT, "lib");
const LAYERS = ["core", "network", "azure", "k8s", "policy", "stack", "cli"];
const LAYER_RULES = new Set(["@typescript-eslint/no-restricted-imports", "no-restricted-syntax"]);

const eslint = new ESLint({ cwd: ROOT });

/** The layer-rule findings for `code` linted as if it were the file `file` (relative to the root). */
async function layerFindings(file: string, code: string): Promise<Linter.LintMessage[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
    const fatal = result.messages.filter((m) => m.fatal);
    assert.deepEqual(fatal, [], `${file} did not parse`);
    return result.messages.filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId));
}

/** Every .ts file below `dir`, relative to the root. */
function tsFiles(dir: string): string[] {
    return fs
        .readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts"))
        .map((f) => path.relative(ROOT, path.join(dir, f)));
}

describe("the layer rule", function () {
    this.timeout(120_000);

    const upward: [string, string, RegExp][] = [
        [
            "lib/core/probe.ts",
            `import { parseCidr } from "../network/cidr";`,
            /^'\.\.\/network\/cidr'.*lib\/core may import nothing else in lib/,
        ],
        [
            "lib/network/probe.ts",
            `import { AksCluster } from "../azure/aksCluster";`,
            /lib\/network may import lib\/core \(layers: core <- network/,
        ],
        ["lib/network/rules/probe.ts", `import type { ClusterFacts } from "../../k8s/facts";`, /lib\/network may import lib\/core/],
        ["lib/network/probe.ts", `export * from "../stack/config";`, /lib\/network may import lib\/core/],
        [
            "lib/azure/probe.ts",
            `import { ClusterFacts } from "../k8s/facts";`,
            /lib\/azure may import lib\/core, lib\/network \(layers: .*\); move the shared piece down/,
        ],
        ["lib/azure/probe.ts", `import { AksCluster } from "..";`, /lib\/azure may import/],
        ["lib/k8s/probe.ts", `import { OsType } from "../azure/enums";`, /lib\/k8s may import lib\/core, lib\/network/],
        [
            "lib/policy/probe.ts",
            `import { AksCluster } from "../azure/aksCluster";`,
            /lib\/policy may import lib\/core, lib\/network, lib\/k8s/,
        ],
        ["lib/policy/probe.ts", `import * as pulumi from "@pulumi/pulumi";`, /lib\/policy is pure/],
        ["lib/network/probe.ts", `import { evaluatePolicies } from "../policy";`, /lib\/network may import lib\/core/],
        ["lib/k8s/probe.ts", `import cli = require("../cli/main");`, /lib\/k8s may import/],
        [
            "lib/stack/probe.ts",
            `import { main } from "../cli/main";`,
            /lib\/stack may import lib\/core, lib\/network, lib\/azure, lib\/k8s/,
        ],
        ["lib/network/probe.ts", `const c = require("../azure/clusterArgs");`, /lib\/network may import lib\/core.*require\(\) included/],
        [
            "lib/core/probe.ts",
            `export const load = () => import("../k8s/manifests");`,
            /lib\/core may import nothing else in lib.*import\(\) included/,
        ],
    ];
    for (const [file, code, message] of upward) {
        it(`flags ${file}: ${code}`, async () => {
            const findings = await layerFindings(file, code);
            assert.equal(findings.length, 1, JSON.stringify(findings));
            assert.equal(findings[0].severity, 2);
            assert.match(findings[0].message, message);
        });
    }

    const pulumi: [string, string][] = [
        ["lib/network/probe.ts", `import * as pulumi from "@pulumi/pulumi";`],
        ["lib/network/rules/probe.ts", `import type { Input } from "@pulumi/pulumi";`],
        ["lib/core/probe.ts", `const k8s = require("@pulumi/kubernetes");`],
        ["lib/core/probe.ts", `export const load = () => import("@pulumi/pulumi");`],
    ];
    for (const [file, code] of pulumi) {
        it(`flags a Pulumi module in a pure layer, ${file}: ${code}`, async () => {
            const findings = await layerFindings(file, code);
            assert.equal(findings.length, 1, JSON.stringify(findings));
            assert.match(findings[0].message, /is pure and may not load @pulumi modules/);
        });
    }

    const allowed: [string, string][] = [
        [
            "lib/network/probe.ts",
            `import { ClusterFacts } from "../core/facts"; import { parseCidr } from "./cidr"; import * as ipNum from "ip-num";`,
        ],
        ["lib/network/rules/probe.ts", `import { validateNetworkPlan } from ".."; import { Cidr } from "../cidr";`],
        [
            "lib/azure/probe.ts",
            `import * as pulumi from "@pulumi/pulumi"; import { validateNetworkPlan } from "../network"; import { ClusterFacts } from "../core/facts";`,
        ],
        ["lib/k8s/probe.ts", `import * as k8s from "@pulumi/kubernetes"; import { NetworkPlan } from "../network/types";`],
        [
            "lib/stack/probe.ts",
            `import { AksCluster } from "../azure/aksCluster"; import { SampleApp } from "../k8s/sampleApp"; import * as lib from "..";`,
        ],
        [
            "lib/cli/plan/probe.ts",
            `import { readStackConfig } from "../../stack/config"; import { AksCluster } from "../../azure/aksCluster";`,
        ],
    ];
    for (const [file, code] of allowed) {
        it(`allows ${file}: ${code}`, async () => {
            assert.deepEqual(await layerFindings(file, code), []);
        });
    }
});

describe("lib keeps its layers", function () {
    this.timeout(120_000);

    it("has only the known layers as folders", () => {
        const folders = fs
            .readdirSync(LIB, { withFileTypes: true })
            .filter((d) => d.isDirectory())
            .map((d) => d.name);
        assert.deepEqual(
            folders.filter((f) => !LAYERS.includes(f)),
            [],
            "a new folder in lib needs a place in LAYERS of eslint.config.mjs",
        );
    });

    it("gives the layer rule to every file of the restricted layers, however deep", async () => {
        const files = LAYERS.filter((layer) => layer !== "cli" && fs.existsSync(path.join(LIB, layer))).flatMap((layer) =>
            tsFiles(path.join(LIB, layer)),
        );
        assert.ok(files.length > 30, `only ${files.length} files found`);
        for (const file of files) {
            const config = await eslint.calculateConfigForFile(path.join(ROOT, file));
            const rule = config?.rules?.["@typescript-eslint/no-restricted-imports"];
            assert.ok(Array.isArray(rule) && rule[0] === 2, `${file} is not covered by the layer rule (deeper than MAX_DEPTH?)`);
        }
    });

    it("has no upward import and no Pulumi module in lib/core and lib/network today", async () => {
        const pure = ["core", "network"].map((layer) => path.join(LIB, layer)).filter((dir) => fs.existsSync(dir));
        const results = await eslint.lintFiles(pure);
        assert.ok(results.length > 10, `only ${results.length} files linted`);
        const findings = results.flatMap((r) =>
            r.messages.filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId)).map((m) => `${r.filePath}: ${m.message}`),
        );
        assert.deepEqual(findings, []);
    });

    it("lib/network and lib/core mention no @pulumi module in an import or a require", () => {
        const files = ["core", "network"]
            .filter((layer) => fs.existsSync(path.join(LIB, layer)))
            .flatMap((layer) => tsFiles(path.join(LIB, layer)));
        const pulumi = /(from\s+|require\(\s*|import\(\s*|import\s+)["']@pulumi\//;
        const offenders = files.filter((file) => pulumi.test(fs.readFileSync(path.join(ROOT, file), "utf8")));
        assert.deepEqual(offenders, []);
    });
});
