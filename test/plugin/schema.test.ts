/**
 * The multi-language package's schema, inferred in-process by Pulumi's analyzer from this checkout (no
 * Pulumi CLI), against the checked-in snapshot `plugin-schema.json`: an argument or output change
 * that other languages would see (a new field, an inline union the analyzer refuses, a lost doc
 * comment) fails here. After a deliberate change, regenerate the snapshot and review its diff:
 *   WRITE_SCHEMA=1 npx mocha test/plugin/schema.test.ts
 * The analyzer takes about 5 s, so these tests are in the full suite only (not `test:unit`).
 */
import * as assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import { typeToken } from "../../lib/core/tokens";
import { COMPONENTS, inferredSchema, PackageSchema, ROOT } from "./helpers";

const SNAPSHOT = path.join(__dirname, "plugin-schema.json");

/** Each component's arguments interface and the file declaring it. */
const ARGS: Record<keyof typeof COMPONENTS, string> = {
    AksCluster: "AksClusterArgs",
    NodePool: "NodePoolArgs",
    IngressController: "IngressControllerArgs",
    SampleApp: "SampleAppArgs",
    ConnectivityProbe: "ConnectivityProbeArgs",
};

let program: ts.Program | undefined;

/** Every property of an exported interface of the package (inherited ones too), with its doc comment. */
function documentedProperties(interfaceName: string): Map<string, string> {
    program ??= ts.createProgram([path.join(ROOT, "index.ts")], { strict: true, skipLibCheck: true, noEmit: true });
    const checker = program.getTypeChecker();
    const entry = program.getSourceFile(path.join(ROOT, "index.ts"));
    assert.ok(entry);
    const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(entry) as ts.Symbol);
    const symbol = exported.find((s) => s.name === interfaceName);
    assert.ok(symbol, `${interfaceName} is exported from the package root`);
    const type = checker.getDeclaredTypeOfSymbol(checker.getAliasedSymbol(symbol));
    return new Map(type.getProperties().map((p) => [p.name, ts.displayPartsToString(p.getDocumentationComment(checker))]));
}

describe("the multi-language package schema (Pulumi's analyzer on this checkout)", function () {
    this.timeout(120_000);
    let schema: PackageSchema;

    before(async () => {
        schema = await inferredSchema();
        if (process.env.WRITE_SCHEMA === "1") writeFileSync(SNAPSHOT, `${JSON.stringify(schema, null, 2)}\n`);
    });

    it("knows every component the plugin host collects from the package's root entry, and no other", () => {
        // The host (`@pulumi/pulumi/cmd/run-plugin/run.js`) requires the entry and hands every
        // ComponentResource class among its exports to the analyzer: one whose arguments the analyzer
        // cannot read breaks the whole plugin, so a new component must be added to COMPONENTS here.
        const collected = getPulumiComponents(require(path.join(ROOT, "index.ts")));
        assert.deepEqual(collected.map((c) => c.name).sort(), Object.keys(COMPONENTS).sort());
        for (const component of collected)
            assert.equal(component, COMPONENTS[component.name as keyof typeof COMPONENTS], `${component.name} is the same class`);
    });

    it("infers all five components, under the provider name package.json gives", () => {
        assert.equal(schema.name, "pulumi-aks-network");
        assert.deepEqual(Object.keys(schema.resources).sort(), Object.keys(COMPONENTS).map(typeToken).sort());
        for (const token of Object.keys(schema.resources)) assert.equal(schema.resources[token].isComponent, true, token);
    });

    it("has AksCluster's network and nodePools inputs and its kubeconfig and networkPlan outputs", () => {
        const cluster = schema.resources[typeToken("AksCluster")];
        assert.ok(cluster.inputProperties?.network, "input network");
        assert.ok(cluster.inputProperties?.nodePools, "input nodePools");
        assert.ok(cluster.properties?.kubeconfig, "output kubeconfig");
        assert.ok(cluster.properties?.networkPlan, "output networkPlan");
        assert.equal(cluster.properties?.kubeconfig.type, "string");
    });

    it("gives NodePool a cluster that crosses a language or stack boundary: the cluster's core as data", () => {
        const pool = schema.resources[typeToken("NodePool")];
        assert.equal(pool.inputProperties?.cluster.$ref, "#/types/pulumi-aks-network:index:ClusterCore");
        assert.ok(schema.types["pulumi-aks-network:index:ClusterCore"].properties?.clusterFacts);
    });

    it("matches the checked-in snapshot (regenerate with WRITE_SCHEMA=1 after a deliberate change)", () => {
        assert.deepEqual(schema, JSON.parse(readFileSync(SNAPSHOT, "utf8")));
    });

    for (const [component, argsName] of Object.entries(ARGS)) {
        it(`lists every public argument of ${component} with its doc comment`, () => {
            const inputs = schema.resources[typeToken(component)].inputProperties ?? {};
            const declared = documentedProperties(argsName);
            assert.ok(declared.size > 1, `${argsName} has properties`);
            for (const [key, doc] of declared) {
                assert.ok(inputs[key], `${component}.${key} is an input of the schema`);
                assert.ok(doc.length > 0, `${argsName}.${key} has a doc comment`);
                assert.equal(inputs[key].description, doc, `${component}.${key}: the schema's description is the doc comment`);
            }
        });
    }

    it("documents every property of every object type of the schema", () => {
        const missing: string[] = [];
        for (const [token, type] of Object.entries(schema.types)) {
            for (const [key, property] of Object.entries(type.properties ?? {})) {
                if (!property.description) missing.push(`${token}.${key}`);
            }
        }
        assert.deepEqual(missing, []);
    });
});
