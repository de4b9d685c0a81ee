/**
 * `pulumi-aks-network/network`: the pure network planner. It validates and describes an AKS network
 * plan without Pulumi (it loads no `@pulumi/*` module), so it runs in CI, in a policy or in a plain
 * script. Re-exports only; the names here are the planner's string types (`NetworkPlugin` is
 * `"azure" | "kubenet" | "none"`), where the package root has the components' enums.
 */
export * from "./types";
export { validateNetworkPlan, hasErrors } from "./validate";
export { describeNetworkPlan, formatNetworkPlanReport, verdictOf } from "./report";
export { RULES, RuleInfo } from "./catalog";
