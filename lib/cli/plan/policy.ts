/**
 * `aks-network plan --policy`: the policy pack's verdict on the resources the offline plan recorded,
 * from the same evaluator the pack runs (`pulumi-aks-network/policy`).
 */
import { evaluatePolicies, PolicyViolation, UNKNOWN_SENTINELS } from "../../policy";
import { PlannedResource, PlanValue } from "./types";

/** The engine's unknown string sentinel: what a policy sees for a value not known during preview. */
const UNKNOWN = [...UNKNOWN_SENTINELS][2];

/** A recorded value as the engine hands it to a policy: `[unknown]` and `[secret]` (not readable offline) become unknown. */
function asPolicyValue(value: PlanValue): unknown {
    if (value === "[unknown]" || value === "[secret]") return UNKNOWN;
    if (Array.isArray(value)) return value.map(asPolicyValue);
    if (value !== null && typeof value === "object")
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asPolicyValue(v)]));
    return value;
}

/** The violations of the recorded resources. */
export function policyViolations(resources: readonly PlannedResource[]): PolicyViolation[] {
    return evaluatePolicies(resources.map((r) => ({ type: r.type, name: r.name, urn: r.urn, props: asPolicyValue(r.inputs) })));
}

/** The violations as a text or markdown section. */
export function formatViolations(list: readonly PolicyViolation[], markdown: boolean): string {
    const mandatory = list.filter((v) => v.enforcementLevel === "mandatory").length;
    const title = `Policy pack: ${mandatory} mandatory, ${list.length - mandatory} advisory`;
    const lines = list.map(
        (v) => `${markdown ? "- " : "  "}${v.enforcementLevel} ${v.ruleId} ${v.name}${v.path ? ` ${v.path}` : ""}: ${v.message}`,
    );
    return markdown ? `### ${title}\n\n${lines.join("\n")}\n` : `${title}\n${"-".repeat(title.length)}\n${lines.join("\n")}\n`;
}
