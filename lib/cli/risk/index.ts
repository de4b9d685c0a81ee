/**
 * The change-risk model of `aks-network diff` (pure: no Pulumi at run time).
 */
export * from "./assess";
export * from "./cascade";
export * from "./classify";
export * from "./facts";
