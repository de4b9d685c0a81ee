/**
 * The argument shapes cover every argument interface, every key, its optionality and its type, so a
 * new argument can't be forgotten: read from the interfaces' source with the TypeScript parser, and
 * enforced at compile time by `S.object` (the `@ts-expect-error` cases below stop compiling, and
 * `npm run typecheck` fails, if that enforcement is ever lost).
 */
import type * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { AKS_CLUSTER_ARGS_SHAPE, SubnetArgs } from "../../lib/azure/clusterArgs";
import { OsType } from "../../lib/azure/enums";
import { NODE_POOL_ARGS_SHAPE } from "../../lib/azure/nodePool";
import { NODE_POOL_SPEC_SHAPE, SYSTEM_POOL_ARGS_SHAPE } from "../../lib/azure/nodePoolArgs";
import { objectShapes, ObjectShapeNode, opt, req, S, ShapeNode } from "../../lib/azure/shape";

const LIB = path.join(__dirname, "../../lib/azure");
/** Files whose exported interfaces are arguments (every one of them), and single argument interfaces elsewhere. */
const ARG_FILES = ["clusterArgs.ts", "nodePoolArgs.ts"];
const ARG_INTERFACES_ELSEWHERE: [file: string, name: string][] = [["nodePool.ts", "NodePoolArgs"]];

interface Member {
    key: string;
    optional: boolean;
    type: string;
}

/** Exported interfaces of a source file, with their members as written. */
function interfacesOf(file: string): Map<string, Member[]> {
    const text = fs.readFileSync(path.join(LIB, file), "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const out = new Map<string, Member[]>();
    for (const stmt of source.statements) {
        if (!ts.isInterfaceDeclaration(stmt) || !stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
        assert.equal(stmt.heritageClauses, undefined, `${stmt.name.text} extends another interface; list its members instead`);
        out.set(
            stmt.name.text,
            stmt.members.map((m) => {
                assert.ok(ts.isPropertySignature(m) && m.type, `${stmt.name.text}: only properties with types are arguments`);
                return { key: m.name.getText(source), optional: m.questionToken !== undefined, type: m.type.getText(source) };
            }),
        );
    }
    return out;
}

/** A shape as the TypeScript type it describes. */
function typeText(shape: ShapeNode): string {
    switch (shape.kind) {
        case "string":
        case "number":
        case "boolean":
            return shape.kind;
        case "enum":
        case "object":
            return shape.name;
        case "opaque":
            return shape.type;
        case "list":
            return `${typeText(shape.of)}[]`;
        case "map":
            return `{ [key: string]: ${typeText(shape.of)} }`;
        case "input":
            return `pulumi.Input<${typeText(shape.of)}>`;
        case "any":
            return "unknown";
        case "parse":
            return shape.name;
        case "union":
            return shape.of.map(typeText).join(" | ");
    }
}

const squash = (t: string) => t.replace(/\s+/g, "").replace(/;}/g, "}");

describe("argument shapes cover the argument interfaces", () => {
    const interfaces = new Map<string, Member[]>();
    for (const file of ARG_FILES) for (const [name, members] of interfacesOf(file)) interfaces.set(name, members);
    for (const [file, name] of ARG_INTERFACES_ELSEWHERE) {
        const found = interfacesOf(file).get(name);
        assert.ok(found, `${name} in ${file}`);
        interfaces.set(name, found);
    }
    const shapes = objectShapes(AKS_CLUSTER_ARGS_SHAPE, objectShapes(NODE_POOL_ARGS_SHAPE));

    it("has a shape for every argument interface, and none for anything else", () => {
        assert.ok(interfaces.size >= 17, `found only ${[...interfaces.keys()].join(", ")}`);
        assert.deepEqual([...shapes.keys()].sort(), [...interfaces.keys()].sort());
    });

    it("gives every interface's keys, and only those, in every shape", () => {
        for (const [name, members] of interfaces) {
            const shape = shapes.get(name) as ObjectShapeNode;
            assert.deepEqual(Object.keys(shape.fields).sort(), members.map((m) => m.key).sort(), name);
        }
    });

    it("marks exactly the optional (?) keys optional", () => {
        for (const [name, members] of interfaces) {
            const shape = shapes.get(name) as ObjectShapeNode;
            for (const m of members) assert.equal(shape.fields[m.key]?.required, !m.optional, `${name}.${m.key}`);
        }
    });

    it("describes every key with its declared type (enums by name, pulumi.Input where declared)", () => {
        for (const [name, members] of interfaces) {
            const shape = shapes.get(name) as ObjectShapeNode;
            for (const m of members) {
                const field = shape.fields[m.key];
                assert.ok(field, `${name}.${m.key} has no shape`);
                assert.equal(squash(typeText(field.shape)), squash(m.type), `${name}.${m.key}`);
            }
        }
    });

    it("shares the pool shapes between AksClusterArgs and NodePool", () => {
        assert.equal(shapes.get("NodePoolSpec"), NODE_POOL_SPEC_SHAPE);
        assert.equal(shapes.get("SystemPoolArgs"), SYSTEM_POOL_ARGS_SHAPE);
    });

    it("lists every enum member as an allowed value", () => {
        const osType = (shapes.get("NodePoolSpec") as ObjectShapeNode).fields.osType.shape;
        assert.deepEqual(osType.kind === "enum" ? osType.values : [], Object.values(OsType));
    });
});

/** Compile-time only (never called): shapes that don't match their interface don't compile. */
export function shapesThatMustNotCompile(): unknown[] {
    interface Probe {
        name: string;
        tags?: pulumi.Input<string>;
        os?: OsType[];
    }
    return [
        // @ts-expect-error a key of the interface is missing
        S.object<SubnetArgs>("SubnetArgs", "", { name: req(S.string), cidr: req(S.string) }),
        S.object<SubnetArgs>("SubnetArgs", "", {
            name: req(S.string),
            cidr: req(S.string),
            ipv6Cidr: opt(S.string),
            // @ts-expect-error a key the interface doesn't have
            ipv6: opt(S.string),
        }),
        // @ts-expect-error a required key marked optional
        S.object<Probe>("Probe", "", { name: opt(S.string), tags: opt(S.input(S.string)), os: opt(S.list(S.enumOf("OsType", OsType))) }),
        // @ts-expect-error a pulumi.Input described as a plain string
        S.object<Probe>("Probe", "", { name: req(S.string), tags: opt(S.string), os: opt(S.list(S.enumOf("OsType", OsType))) }),
        // @ts-expect-error an enum list described as a string list
        S.object<Probe>("Probe", "", { name: req(S.string), tags: opt(S.input(S.string)), os: opt(S.list(S.string)) }),
        // @ts-expect-error a string described as a number
        S.object<Probe>("Probe", "", { name: req(S.number), tags: opt(S.input(S.string)), os: opt(S.list(S.enumOf("OsType", OsType))) }),
        S.object<Probe>("Probe", "", { name: req(S.string), tags: opt(S.input(S.string)), os: opt(S.list(S.enumOf("OsType", OsType))) }),
    ];
}
