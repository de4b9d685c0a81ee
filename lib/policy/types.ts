/**
 * The policy evaluator's input and output: resources as the Pulumi engine hands them to policies, and
 * violations as a policy pack reports them.
 *
 * Pure: no Pulumi imports.
 */
import type { Severity } from "../core/diagnostic";
import type { ClusterFacts } from "../core/facts";

/** One resource of a stack, as a stack policy sees it (`PolicyResource` of @pulumi/policy, the fields read here). */
export interface PolicyResource {
    /** The type token, e.g. `azure-native:containerservice:ManagedCluster` or `kubernetes:core/v1:Service`. */
    type: string;
    /** The logical (Pulumi) name. */
    name: string;
    /** The resource's URN. */
    urn: string;
    /** The input properties in SDK form (camelCase); values unknown during preview are the engine's sentinels. */
    props: unknown;
}

/** How a violation is enforced: `mandatory` fails the preview, `advisory` is shown. */
export type EnforcementLevel = "mandatory" | "advisory";

/** One violation. */
export interface PolicyViolation {
    /** The pack's policy that reports it: `aks-network-mandatory` or `aks-network-advisory`. */
    policyName: string;
    /** The rule's id: `R1`..`R81` (network planner), `K8S-n`, `AZ-1`, `LB-n`, `WIN-n`, `SVC-n` (Service linter), `SEC-<check id>` (security checklist), `P1`.. (this evaluator). */
    ruleId: string;
    enforcementLevel: EnforcementLevel;
    /** The rule's severity as the planner or linter reported it. */
    severity: Severity;
    /** The URN of the resource the violation is about. */
    urn: string;
    /** Its logical name. */
    name: string;
    /** The path in the resource's own properties, e.g. `networkProfile.serviceCidrs[0]`; `""` for the resource as a whole. */
    path: string;
    /** The message, with the same words and fix as the components', naming paths in resource terms. */
    message: string;
}

/** A rule's level as a team sets it. */
export type RuleLevel = EnforcementLevel | "disabled";

/** What a team may change. Every field is optional. */
export interface PolicyConfig {
    /** A level per rule id, e.g. `{ R34: "mandatory", R39: "disabled" }`. @default - errors mandatory, warnings advisory, info not reported */
    levels?: { [ruleId: string]: RuleLevel };
    /** Rule ids not reported at all. @default [] */
    disabledRules?: string[];
    /**
     * Ranges the stack-level overlap checks leave out: a VNet address space, subnet or peered range
     * inside one of them is not compared with the clusters' pod and service CIDRs (e.g. a shared hub
     * every cluster peers with, whose overlap is planned). @default []
     */
    allowedRanges?: string[];
    /**
     * The facts Services are checked against when the stack declares no cluster (the cluster lives in
     * another stack). @default - Services in a stack without a cluster are not checked (one advisory note)
     */
    clusterFacts?: ClusterFacts;
}
