/**
 * The Pulumi YAML example (examples/yaml-dual-stack/Pulumi.yaml) against the inferred schema: every
 * component type exists, every property (nested ones too) is an input of the schema, enum values are
 * the schema's, required inputs are given, and `${resource.output}` references name outputs.
 */
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { inferredSchema, PackageSchema, ROOT, SchemaProperty } from "./helpers";

const EXAMPLE = path.join(ROOT, "examples/yaml-dual-stack/Pulumi.yaml");

interface YamlResource {
    type: string;
    properties?: Record<string, unknown>;
}

/** Problems of a value against a schema property (paths in the example's terms). */
function check(schema: PackageSchema, value: unknown, property: SchemaProperty, at: string, out: string[]): void {
    if (typeof value === "string" && value.startsWith("${")) return; // an output, checked on its own
    const ref = property.$ref?.startsWith("#/types/") ? schema.types[property.$ref.slice("#/types/".length)] : undefined;
    if (ref?.enum) {
        if (!ref.enum.some((e) => e.value === value))
            out.push(`${at}: ${String(value)} is not one of ${ref.enum.map((e) => e.value).join(", ")}`);
    } else if (ref) {
        checkObject(schema, value, ref.properties ?? {}, ref.required ?? [], at, out);
    } else if (property.type === "array") {
        if (!Array.isArray(value)) out.push(`${at}: not a list`);
        else value.forEach((v, i) => check(schema, v, property.items as SchemaProperty, `${at}[${i}]`, out));
    } else if (property.type === "string" || property.type === "number" || property.type === "boolean") {
        if (typeof value !== property.type) out.push(`${at}: ${JSON.stringify(value)} is not a ${property.type}`);
    }
}

function checkObject(
    schema: PackageSchema,
    value: unknown,
    properties: Record<string, SchemaProperty>,
    required: string[],
    at: string,
    out: string[],
): void {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return void out.push(`${at}: not an object`);
    for (const key of required) if (!(key in value)) out.push(`${at}.${key}: required`);
    for (const [key, v] of Object.entries(value)) {
        if (!properties[key]) out.push(`${at}.${key}: not in the schema`);
        else check(schema, v, properties[key], `${at}.${key}`, out);
    }
}

describe("the Pulumi YAML example against the inferred schema", function () {
    this.timeout(120_000);
    let schema: PackageSchema;
    const program = parse(readFileSync(EXAMPLE, "utf8")) as { resources: Record<string, YamlResource>; outputs: Record<string, string> };

    before(async () => {
        schema = await inferredSchema();
    });

    it("uses only the package's components, with the schema's properties and values", () => {
        const problems: string[] = [];
        assert.ok(Object.keys(program.resources).length >= 2);
        for (const [name, resource] of Object.entries(program.resources)) {
            const type = schema.resources[resource.type];
            if (!type) {
                problems.push(`${name}: no component ${resource.type}`);
                continue;
            }
            checkObject(schema, resource.properties ?? {}, type.inputProperties ?? {}, type.requiredInputs ?? [], name, problems);
        }
        assert.deepEqual(problems, []);
    });

    it("references only outputs the components have", () => {
        const text = readFileSync(EXAMPLE, "utf8");
        const references = [...text.matchAll(/\$\{(\w+)\.(\w+)\}/g)];
        assert.ok(references.length >= 3);
        for (const [, resource, output] of references) {
            const type = schema.resources[program.resources[resource]?.type];
            assert.ok(type?.properties?.[output], `\${${resource}.${output}} is an output of ${program.resources[resource]?.type}`);
        }
    });
});
