/**
 * `validateNetworkPlan`: every AKS network rule, run over any input, never throwing.
 */
import { computeCapacity } from "./capacity";
import { Model, READER_IDS, readModel } from "./model";
import { Sink } from "../core/diagnostic";
import { cidrEntries } from "./rules/cidrs";
import { makeContext } from "./rules/context";
import { dualStackEntries } from "./rules/dualstack";
import { GuardedSink, RuleStep, runEntries } from "./rules/entry";
import { overlapEntries } from "./rules/overlaps";
import { pluginEntries } from "./rules/plugin";
import { poolEntries } from "./rules/pools";
import { windowsEntries } from "./rules/windows";
import { Diagnostic, NetworkPlan } from "./types";
import { hasPrefix } from "../core/path";

/** Every rule check after the model is read, in run order (the order of findings within a severity). */
export const RULE_STEPS: readonly RuleStep[] = [
    ...cidrEntries,
    ...pluginEntries,
    ...dualStackEntries,
    ...overlapEntries,
    ...poolEntries,
    ...windowsEntries,
];
/** The reader, as the drift guard sees it: the ids `readModel` reports. */
const READER = { name: "readModel", ids: READER_IDS };
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The rule that reports a value of the wrong type or one that is not allowed (the model reads a stand-in instead). */
const SHAPE_RULE = "R71";

/**
 * The findings without those at an ill-shaped value's path or below it: the rules judged the stand-in
 * the model read in its place (the default, or nothing), not what was written. E.g. `maxPods: true` is
 * an R71 error, and no "maxPods is omitted" (R49) on top of it.
 */
export function withoutFindingsOnStandIns(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    const bad = diagnostics.filter((d) => d.ruleId === SHAPE_RULE && d.segments.length > 0).map((d) => d.segments);
    return diagnostics.filter((d) => d.ruleId === SHAPE_RULE || !bad.some((path) => hasPrefix(d.segments, path)));
}

/** Internal: run every rule and keep the model for the report. */
export function runRules(plan: unknown): { model: Model | null; diagnostics: Diagnostic[] } {
    const sink = new Sink();
    let model: Model | null = null;
    try {
        model = readModel(plan, new GuardedSink(sink, READER));
        runEntries(RULE_STEPS, makeContext(model, sink, computeCapacity(model)));
    } catch (e) {
        // A bug must not hide the findings so far, nor crash a preview: report it as a finding.
        sink.error(
            "R0",
            [],
            `internal error while validating the plan (${e instanceof Error ? e.message : String(e)}); please report it with the plan`,
        );
    }
    const diagnostics = withoutFindingsOnStandIns(sink.diagnostics)
        .map((d, i) => ({ d, i }))
        .sort((a, b) => SEVERITY_ORDER[a.d.severity] - SEVERITY_ORDER[b.d.severity] || a.i - b.i)
        .map((x) => x.d);
    return { model, diagnostics };
}

/**
 * Validate an AKS network plan against every rule of the AKS network reference (R1-R70) and this
 * package's own (R71 and up). Errors first, then warnings, then info; within a severity, in plan order.
 *
 * Never throws: malformed input (null, numbers, junk in lists, bad CIDRs) becomes diagnostics.
 *
 * @example
 * validateNetworkPlan({ networkPlugin: "azure", networkPluginMode: "overlay", serviceCidrs: ["10.0.0.0/12"], dnsServiceIP: "10.0.0.10" })
 * // [{ ruleId: "R13", severity: "error", path: "serviceCidrs[0]", message: "serviceCidrs[0] \"10.0.0.0/12\" is /12; ..." }, ...]
 */
export function validateNetworkPlan(plan: NetworkPlan): Diagnostic[] {
    return runRules(plan).diagnostics;
}

/** True when any diagnostic is an error (AKS would reject the plan). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
    return diagnostics.some((d) => d.severity === "error");
}
