/**
 * The runner's pure helpers: engine URNs, aliases worth showing, network plan reports in outputs,
 * program entry points, error text.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { engineUrns, errorText, findReports, resolveEntry, userAliases } from "../../../lib/cli/plan/runner";
import type { PlanValue } from "../../../lib/cli/plan/types";
import { readProject } from "../../../lib/cli/project";
import { describeNetworkPlan } from "../../../lib/network";
import { tempDir } from "../helpers";

describe("plan runner helpers", () => {
    it("gives the engine's URNs: every ancestor's type but the stack's", async () => {
        const m = (q: string, n: string) => `urn:pulumi:dev::p::${q}::${n}`;
        const records = [
            { urn: m("pulumi:pulumi:Stack", "p-dev"), type: "pulumi:pulumi:Stack", name: "p-dev", parent: null },
            { urn: m("pulumi:pulumi:Stack$a:b:Comp", "c"), type: "a:b:Comp", name: "c", parent: m("pulumi:pulumi:Stack", "p-dev") },
            { urn: m("a:b:Comp$x:y:Cluster", "k"), type: "x:y:Cluster", name: "k", parent: m("pulumi:pulumi:Stack$a:b:Comp", "c") },
            { urn: m("x:y:Cluster$x:y:Pool", "pool"), type: "x:y:Pool", name: "pool", parent: m("a:b:Comp$x:y:Cluster", "k") },
        ];
        assert.deepEqual(
            [...(await engineUrns(pulumi, records, "p", "dev")).values()],
            [
                "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev",
                "urn:pulumi:dev::p::a:b:Comp::c",
                "urn:pulumi:dev::p::a:b:Comp$x:y:Cluster::k",
                "urn:pulumi:dev::p::a:b:Comp$x:y:Cluster$x:y:Pool::pool",
            ],
        );
    });

    it("keeps the program's aliases and drops the SDKs' API-version aliases", () => {
        const spec = (s: Record<string, unknown>) => ({
            spec: { name: "", type: "", parenturn: "urn:parent", project: "", stack: "", noparent: null, ...s },
            urn: null,
        });
        assert.deepEqual(
            userAliases("azure-native:network:Subnet", [
                spec({ type: "azure-native:network/v20230401:Subnet" }),
                spec({ name: "old-name" }),
                { urn: "urn:pulumi:dev::p::x:y:Z::old" },
            ]),
            [{ name: "old-name", parent: "urn:parent" }, "urn:pulumi:dev::p::x:y:Z::old"],
        );
        assert.deepEqual(userAliases("kubernetes:apps/v1:Deployment", [spec({ type: "kubernetes:extensions/v1beta1:Deployment" })]), []);
        assert.deepEqual(
            userAliases("aks-network:index:AksCluster", [spec({ type: "acme:aks:AksCluster" })]),
            [{ type: "acme:aks:AksCluster", parent: "urn:parent" }],
            "a renamed component type is the program's own alias",
        );
    });

    it("finds network plan reports in outputs, with their paths", () => {
        const report = describeNetworkPlan({}) as unknown as PlanValue;
        const found = findReports({ cluster: { networkPlan: report }, other: { verdict: "accept" }, list: [1, report] });
        assert.deepEqual(
            found.map((f) => f.output),
            ["cluster.networkPlan", "list[1]"],
        );
        assert.deepEqual(findReports({ a: { b: { c: { d: { e: report } } } } }), [], "not deeper than four levels");
    });

    it("resolves the program as the Pulumi Node.js runtime does", () => {
        const t = tempDir();
        try {
            const project = (main?: string) => {
                fs.writeFileSync(path.join(t.dir, "Pulumi.yaml"), `name: p\nruntime: nodejs\n${main ? `main: ${main}\n` : ""}`);
                return readProject(t.dir);
            };
            assert.throws(() => resolveEntry(project()), /^UsageError: no program in .*: add an index\.ts, or main: <file> to /);
            fs.writeFileSync(path.join(t.dir, "index.ts"), "");
            assert.equal(resolveEntry(project()), path.join(t.dir, "index.ts"));
            fs.mkdirSync(path.join(t.dir, "src"));
            fs.writeFileSync(path.join(t.dir, "src", "main.ts"), "");
            assert.equal(resolveEntry(project("src/main.ts")), path.join(t.dir, "src", "main.ts"));
            assert.equal(resolveEntry(project("src/main")), path.join(t.dir, "src", "main.ts"));
            assert.throws(() => resolveEntry(project("nope.ts")), /main nope\.ts does not exist$/);
            fs.writeFileSync(path.join(t.dir, "package.json"), JSON.stringify({ main: "bin/index.js" }));
            assert.throws(
                () => resolveEntry(project()),
                /names bin\/index\.js as the program and it does not exist; build it, or set main: in /,
            );
            fs.writeFileSync(path.join(t.dir, "package.json"), JSON.stringify({ exports: { ".": { default: "./src/main.ts" } } }));
            assert.equal(resolveEntry(project()), path.join(t.dir, "src", "main.ts"));
        } finally {
            t.remove();
        }
    });

    it("keeps every line of a program error, without the SDK's serialization chain", () => {
        assert.equal(
            errorText(
                new Error('error serializing property "a": error serializing property "b": AksCluster "x": 2 problems:\n  - one\n  - two'),
            ),
            'AksCluster "x": 2 problems:\n  - one\n  - two',
        );
        assert.equal(errorText("plain"), "plain");
    });
});
