/**
 * Hand-made plan results for the change-risk tests.
 */
import type { PlannedResource, PlanResult } from "../../../lib/cli/plan/types";

/** The URN of a top-level resource of project `p`, stack `dev`. */
export const URN = (type: string, name: string) => `urn:pulumi:dev::p::${type}::${name}`;

/** A planned resource with these inputs and options. */
export function resource(
    type: string,
    name: string,
    inputs: PlannedResource["inputs"],
    options: PlannedResource["options"] = {},
): PlannedResource {
    return {
        urn: URN(type, name),
        type,
        name,
        parent: URN("pulumi:pulumi:Stack", "p-dev"),
        op: "create",
        custom: true,
        provider: null,
        dependsOn: [],
        options,
        keyProperties: {},
        inputs,
    };
}

/** A completed plan result of these resources. */
export function planResult(resources: PlannedResource[], extra: Partial<PlanResult> = {}): PlanResult {
    return {
        kind: "aks-network-plan",
        version: 1,
        tool: "pulumi-aks-network@0.0.0",
        project: "p",
        stack: "dev",
        program: { runtime: "nodejs", main: "index.ts" },
        preview: false,
        status: "ok",
        error: null,
        config: {},
        networkPlans: [],
        outputs: {},
        resources,
        summary: { resources: resources.length, byType: {} },
        log: [],
        ...extra,
    };
}
