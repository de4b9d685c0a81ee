/**
 * `pulumi-aks-network/policy`: the policy evaluator. It checks the resources of any stack (raw
 * azure-native `ManagedCluster`, `AgentPool`, `VirtualNetwork`, `Subnet`, `VirtualNetworkPeering` and
 * Kubernetes `Service`s, in any language) against the same rules as the components, without Pulumi:
 * it loads no `@pulumi/*` module. The policy pack in `lib/policy/pack` is built on it. Re-exports only.
 */
export { evaluatePolicies } from "./evaluate";
export { POLICY_NAMES, POLICY_RULES } from "./levels";
export { UNKNOWN_SENTINELS } from "./props";
export { EnforcementLevel, PolicyConfig, PolicyResource, PolicyViolation, RuleLevel } from "./types";
