export * from "./types";
export { validateNetworkPlan, hasErrors } from "./validate";
export { describeNetworkPlan, effectivePlan, formatNetworkPlanReport, formatDiagnostic, verdictOf } from "./report";
export { parseCidr, parseIp, formatIp, overlaps, contains, Cidr, Family } from "./cidr";
export { RULES, RuleInfo } from "./catalog";
