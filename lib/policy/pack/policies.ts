/**
 * The pack's policies as plain objects, built from the pure evaluator: one stack policy per enforcement
 * level (a Pulumi policy has a single level), each reporting the violations of its level with the
 * resource's URN. Loads nothing from @pulumi/policy at run time (types only), so tests call
 * `validateStack` without constructing a `PolicyPack`, which would start the engine's server.
 */
import type { PolicyConfigSchema, ReportViolation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { evaluatePolicies } from "../evaluate";
import { POLICY_NAMES } from "../levels";
import { EnforcementLevel, PolicyConfig, PolicyResource } from "../types";

/** The config every policy of the pack takes (`pulumi policy enable --config`, or a policy group's config). */
export const CONFIG_SCHEMA: PolicyConfigSchema = {
    properties: {
        levels: {
            type: "object",
            description: 'A level per rule id, e.g. { "R34": "mandatory", "R39": "disabled" }.',
            additionalProperties: { type: "string", enum: ["mandatory", "advisory", "disabled"] },
        },
        disabledRules: { type: "array", items: { type: "string" }, description: "Rule ids not reported." },
        allowedRanges: {
            type: "array",
            items: { type: "string" },
            description: "CIDRs the stack-level overlap checks leave out (e.g. a shared hub every cluster peers with).",
        },
        clusterFacts: { type: "object", description: "The facts Services are checked against when the stack declares no cluster." },
    },
};

const DESCRIPTIONS: Record<EnforcementLevel, string> = {
    mandatory: "AKS network and Service rules AKS or the API server would reject (errors, and rules a team made mandatory)",
    advisory: "AKS network and Service rules that are risky or unsupported (warnings), and notes on values not known during preview",
};

/** The stack's resources as the evaluator reads them. */
function resourcesOf(args: StackValidationArgs): PolicyResource[] {
    return args.resources.map((r) => ({ type: r.type, name: r.name, urn: r.urn, props: r.props }));
}

/** The policy of one level. */
export function stackPolicy(level: EnforcementLevel): StackValidationPolicy {
    const name = POLICY_NAMES[level];
    return {
        name,
        description: DESCRIPTIONS[level],
        enforcementLevel: level,
        configSchema: CONFIG_SCHEMA,
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            const config = args.getConfig<PolicyConfig>();
            for (const v of evaluatePolicies(resourcesOf(args), config)) {
                if (v.policyName === name) reportViolation(`${v.ruleId}${v.path ? ` ${v.path}` : ""}: ${v.message}`, v.urn || undefined);
            }
        },
    };
}

/** Every policy of the pack. */
export function stackPolicies(): StackValidationPolicy[] {
    return [stackPolicy("mandatory"), stackPolicy("advisory")];
}
