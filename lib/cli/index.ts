/**
 * `pulumi-aks-network/cli`: the offline `aks-network` command as a library. Plan a Pulumi program
 * under mocks (in a child process of its own, so the caller's mocks are untouched), render and compare
 * plan results (with the change-risk model), and read a stack's config as `AksClusterArgs` or as a network plan. Re-exports only.
 */
export { planStack, PlanStackOptions } from "./plan/child";
export { formatPlan } from "./plan/render";
export {
    FoundNetworkPlan,
    PLAN_RESULT_KIND,
    PLAN_RESULT_VERSION,
    PlanLogEntry,
    PlannedResource,
    PlanResult,
    PlanValue,
} from "./plan/types";
export {
    ChangedResource,
    diffExitStatus,
    diffPlans,
    DiffRow,
    formatPlanDiff,
    InputChange,
    NetworkPlanDiff,
    parseFailOn,
    PlanDiff,
    readPlanResult,
} from "./diff";
export { assessChanges, CHANGE_FACTS, ChangeFact, ResourceChange, RISK_CLASSES, RiskClass, RiskReason, RiskSummary } from "./risk";
export { stackConfigToClusterArgs, stackConfigToNetworkPlan, StackClusterArgs } from "./stack-args";
