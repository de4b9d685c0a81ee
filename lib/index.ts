/**
 * pulumi-aks-network: AKS clusters with Azure CNI Overlay, dual-stack and Cilium, validated before
 * anything deploys. This file re-exports only.
 *
 * The package root holds what a Pulumi program needs: the four components, their arguments and
 * outputs, the enums their arguments take, the component type tokens, the security checklist, the
 * rule catalogues and the planner's main functions and types. Everything else has an entry of its own:
 *
 * - `pulumi-aks-network/network`: the pure planner (loads no Pulumi module);
 * - `pulumi-aks-network/k8s`: the Service linter, the manifest builders and the Helm values builders;
 * - `pulumi-aks-network/cli`: the offline plan and diff library of the `aks-network` command.
 *
 * Helpers the components use inside (CIDR parsing, the effective-plan builder, the plan-file reader,
 * ...) are exported by none of them. test/package.test.ts lists every entry's runtime names.
 */

// Components, their arguments and outputs.
export { AKS_CLUSTER_TYPE, AksCluster, KubeletIdentity } from "./azure/aksCluster";
export {
    AksClusterArgs,
    ApiServerArgs,
    ClusterIdentityArgs,
    ClusterNetworkArgs,
    ConnectedNetworkArgs,
    EntraArgs,
    KubeconfigLoginArgs,
    MaintenanceWindowArgs,
    MonitoringArgs,
    SubnetArgs,
    UpgradeArgs,
    VnetArgs,
    WindowsArgs,
} from "./azure/clusterArgs";
export { NODE_POOL_TYPE, NodePool, NodePoolArgs } from "./azure/nodePool";
export { NodePoolSpec, NodeTaint, SystemPoolArgs } from "./azure/nodePoolArgs";
export type { ClusterCore } from "./azure/cluster/core";
export { IngressController, IngressControllerArgs } from "./k8s/ingressController";
export { SampleApp, SampleAppArgs, ServiceAddresses } from "./k8s/sampleApp";
export { ConnectivityProbe, ConnectivityProbeArgs } from "./k8s/connectivityProbe";
export type { GatewayReference } from "./k8s/gatewayApi";
export type { ControllerServiceShape } from "./k8s/ingressValues";
export type { SampleAppOptions, StringMap } from "./k8s/manifests";
export type { ClusterFacts, ServiceIpFamily } from "./k8s/facts";

// The enums of the components' arguments. Eight share their names with the planner's string types
// (NetworkPlugin, NetworkPluginMode, NetworkDataplane, NetworkPolicy, IpFamily, OutboundType, OsType,
// ConnectedNetworkKind): here the names are the enums, as component arguments take them. Both fit a
// NetworkPlan, as every member's value is the planner's string (`NetworkPlugin.Azure` is "azure"). The
// string types keep their names at `pulumi-aks-network/network`, which is where a plan typed in
// strings imports them from; the root has no second (`Plan`-prefixed) name for them.
export {
    BackendPoolType,
    ClusterSkuTier,
    ConnectedNetworkKind,
    IpFamily,
    KubeloginMode,
    NetworkDataplane,
    NetworkPlugin,
    NetworkPluginMode,
    NetworkPolicy,
    NodeOsUpgradeChannel,
    OsDiskType,
    OsSku,
    OsType,
    OutboundType,
    TaintEffect,
    UpgradeChannel,
    WeekDay,
} from "./azure/enums";
export { IngressControllerKind } from "./k8s/ingressValues";
export { IngressMode } from "./k8s/gatewayApi";

// Documented functions and catalogues.
export { checkClusterSecurity, ClusterInputs, SECURITY_CHECKS, SecurityCheck, SecurityCheckResult } from "./azure/securityChecklist";
export { KubeloginOptions, toNonInteractiveKubeconfig } from "./azure/kubeconfig";
export { COMPONENT_RULES } from "./azure/rules";

// The planner's main functions and its plan and report types (all of `pulumi-aks-network/network`
// except the eight string types named above).
export { describeNetworkPlan, formatNetworkPlanReport, hasErrors, RULES, RuleInfo, validateNetworkPlan, verdictOf } from "./network";
export type {
    AgentPoolMode,
    CapacityReport,
    ConnectedNetwork,
    Diagnostic,
    EffectiveNetworkPlan,
    EffectiveNodePool,
    EffectiveSubnet,
    FamilyCapacity,
    IpamMode,
    NetworkPlan,
    NetworkPlanReport,
    NodePoolPlan,
    NodeSubnetPlan,
    PlanNames,
    Severity,
    SubnetCapacity,
    WindowsProfilePlan,
} from "./network";
