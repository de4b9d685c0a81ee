/**
 * Enforcement levels and the pack's policies: errors are mandatory, warnings advisory, info (advice)
 * not reported; a team changes any rule's level or disables it in the config. The evaluator's own notes
 * (`P1`, `P2`) are advisory.
 *
 * Pure: no Pulumi imports.
 */
import { Severity } from "../core/diagnostic";
import { EnforcementLevel, PolicyConfig, RuleLevel } from "./types";

/** The pack's policy for each level (a Pulumi policy has one enforcement level, so the pack has two). */
export const POLICY_NAMES: Readonly<Record<EnforcementLevel, string>> = {
    mandatory: "aks-network-mandatory",
    advisory: "aks-network-advisory",
};

/** The evaluator's own rules. */
export const POLICY_RULES = [
    { id: "P1", severity: "info", title: "values not known during preview: the rules that read them are skipped (advisory note)" },
    { id: "P2", severity: "info", title: "a Service not checked: no cluster in the stack, or its facts not known yet (advisory note)" },
    { id: "P3", severity: "info", title: "a rule not checked: it needs a network the stack does not declare (advisory note)" },
] as const;

/** The level of a finding under the config, or "disabled" (not reported). */
export function levelOf(ruleId: string, severity: Severity, config: PolicyConfig): RuleLevel {
    if (Array.isArray(config.disabledRules) && config.disabledRules.includes(ruleId)) return "disabled";
    const set = config.levels !== null && typeof config.levels === "object" ? config.levels[ruleId] : undefined;
    if (set === "mandatory" || set === "advisory" || set === "disabled") return set;
    if (/^P\d+$/.test(ruleId)) return "advisory";
    return severity === "error" ? "mandatory" : severity === "warning" ? "advisory" : "disabled";
}
