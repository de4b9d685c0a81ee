/**
 * The result of `aks-network plan --format json`: a stable, documented shape that
 * `aks-network diff` compares. Versioned: a field is only ever added within a version; any removal
 * or change of meaning bumps {@link PLAN_RESULT_VERSION}.
 *
 * Nothing secret is ever part of it: Pulumi secrets and encrypted config values are `"[secret]"`.
 */
import type { NetworkPlanReport } from "../../network";
import type { PolicyViolation } from "../../policy";

/** The `kind` of a plan result. */
export const PLAN_RESULT_KIND = "aks-network-plan";
/** The version of the plan result shape. */
export const PLAN_RESULT_VERSION = 1;

/** A value as printed: plain JSON where secrets are `"[secret]"`, unknowns (preview) `"[unknown]"`, resource references `{ "$ref": urn }`. */
export type PlanValue = null | boolean | number | string | PlanValue[] | { [key: string]: PlanValue };

/** One resource `pulumi up` would create (or read, for `.get` lookups). */
export interface PlannedResource {
    /** The resource's URN: `urn:pulumi:<stack>::<project>::<parent types$>type::<name>`. */
    urn: string;
    /** The type token, e.g. `azure-native:containerservice:ManagedCluster`. */
    type: string;
    /** The logical (Pulumi) name. */
    name: string;
    /** The parent's URN (the stack's for top-level resources); null for the stack itself. */
    parent: string | null;
    /** `create` for registered resources, `read` for existing resources looked up with `.get`. */
    op: "create" | "read";
    /** False for component resources (including remote components such as `helm.v4.Chart`). */
    custom: boolean;
    /** The explicit provider's URN, or null for the default provider. */
    provider: string | null;
    /** URNs of explicit `dependsOn` dependencies. */
    dependsOn: string[];
    /** Resource options worth reviewing, when set: `protect`, `ignoreChanges`, `replaceOnChanges`, `deleteBeforeReplace`, `aliases`. */
    options: { [option: string]: PlanValue };
    /** The key properties of the type, as flattened `path: value` pairs (see `aks-network plan --help`). */
    keyProperties: { [path: string]: PlanValue };
    /** Every input, secrets hidden. */
    inputs: { [key: string]: PlanValue };
}

/** A network plan report found in the program's outputs. */
export interface FoundNetworkPlan {
    /** Where it was found: the component's URN, or `stack` for a stack output. */
    owner: string;
    /** The output's path within the owner's outputs, e.g. `networkPlan` or `cluster.networkPlan`. */
    output: string;
    /** A short label: the component's name, or the stack output path. */
    label: string;
    report: NetworkPlanReport;
}

/** A log message the program wrote through `pulumi.log` (or an engine-level notice of the run). */
export interface PlanLogEntry {
    severity: "info" | "warning" | "error";
    message: string;
}

/** `aks-network plan --format json`. */
export interface PlanResult {
    kind: typeof PLAN_RESULT_KIND;
    version: typeof PLAN_RESULT_VERSION;
    /** The version of this package that produced it. */
    tool: string;
    project: string;
    stack: string;
    /** The program as run: `runtime`, `main` (relative to the project folder). */
    program: { runtime: string; main: string };
    /** True when run as a preview (`--preview`): provider outputs are unknown, as in `pulumi preview`. */
    preview: boolean;
    /** `ok` when the program completed; `failed` when it threw (see `error`). */
    status: "ok" | "failed";
    /** The program's error, secrets hidden; null when it completed. */
    error: string | null;
    /** The stack config as the program saw it, encrypted values `"[secret]"`. */
    config: { [key: string]: PlanValue };
    /** Network plan reports found in component and stack outputs (deduplicated). */
    networkPlans: FoundNetworkPlan[];
    /** The stack outputs, secrets hidden. */
    outputs: { [key: string]: PlanValue };
    /** Every resource, sorted by URN. */
    resources: PlannedResource[];
    /** Resources per type. */
    summary: { resources: number; byType: { [type: string]: number } };
    /** Messages from `pulumi.log` and notes about the offline run (unrendered charts, ignored config). */
    log: PlanLogEntry[];
    /** The policy pack's violations of the recorded resources (`--policy` only). @default - absent */
    policyViolations?: PolicyViolation[];
}
