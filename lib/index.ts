/**
 * pulumi-aks-network: AKS clusters with Azure CNI Overlay, dual-stack and Cilium, validated before
 * anything deploys. This file re-exports only.
 */
export * from "./network";
export { ClusterFacts, ServiceIpFamily } from "./k8s/facts";
export { checkService, describeService } from "./k8s/checkService";
export { SERVICE_RULES } from "./k8s/catalog";
export {
    buildSampleApp, buildSampleIngress, KubeManifest, ManifestMetadata, SampleAppManifests, SampleAppOptions, SampleIngressOptions,
    StringMap,
} from "./k8s/manifests";
export {
    buildAppRoutingController, buildIngressNginxIpv6Service, buildIngressNginxValues, buildTraefikValues, ControllerServiceShape,
    controllerServicePreviews, controllerServiceShape, ControllerSettings, INGRESS_NGINX_CHART, IngressControllerKind, PinnedChart,
    TRAEFIK_CHART,
} from "./k8s/ingressValues";
export { IngressController, IngressControllerArgs } from "./k8s/ingressController";
export { addressesByFamily, SampleApp, SampleAppArgs, ServiceAddresses } from "./k8s/sampleApp";
// Azure components. Eight enums below share their names with the planner's string types exported by
// `export * from "./network"` above (NetworkPlugin, NetworkPluginMode, NetworkDataplane, NetworkPolicy,
// IpFamily, OutboundType, OsType, ConnectedNetworkKind). At the package entry the names are the enums:
// an explicit export wins over `export *`, deliberately, as component arguments take the enums. Both
// kinds fit a NetworkPlan: every enum member's value is the planner's string (`NetworkPlugin.Azure` is
// "azure"), so a plan may be written with the enums or with string literals. The planner's string types
// keep a name at the entry with a `Plan` prefix (`PlanNetworkPlugin`, ...), for typing plan values as
// strings; test/azure/packageEntry.test.ts checks that every planner type has a name here.
export type {
    ConnectedNetworkKind as PlanConnectedNetworkKind, IpFamily as PlanIpFamily, NetworkDataplane as PlanNetworkDataplane,
    NetworkPlugin as PlanNetworkPlugin, NetworkPluginMode as PlanNetworkPluginMode, NetworkPolicy as PlanNetworkPolicy,
    OsType as PlanOsType, OutboundType as PlanOutboundType,
} from "./network/types";
export {
    BackendPoolType, ClusterSkuTier, ConnectedNetworkKind, IpFamily, KubeloginMode, NetworkDataplane, NetworkPlugin, NetworkPluginMode,
    NetworkPolicy, NodeOsUpgradeChannel, OsDiskType, OsSku, OsType, OutboundType, TaintEffect, UpgradeChannel, WeekDay,
} from "./azure/enums";
export {
    AksClusterArgs, ApiServerArgs, ClusterIdentityArgs, ClusterNetworkArgs, ConnectedNetworkArgs, EntraArgs, KubeconfigLoginArgs,
    MaintenanceWindowArgs, MonitoringArgs, SubnetArgs, UpgradeArgs, VnetArgs, WindowsArgs,
} from "./azure/clusterArgs";
export { NodePoolSpec, NodeTaint, SystemPoolArgs } from "./azure/nodePoolArgs";
export { AKS_CLUSTER_TYPE, AksCluster, KubeletIdentity } from "./azure/aksCluster";
export { NODE_POOL_TYPE, NodePool, NodePoolArgs } from "./azure/nodePool";
export { ClusterCore } from "./azure/cluster/core";
export { COMPONENT_RULES } from "./azure/rules";
export { checkClusterSecurity, ClusterInputs, SECURITY_CHECKS, SecurityCheck, SecurityCheckResult } from "./azure/securityChecklist";
export { KubeloginOptions, toNonInteractiveKubeconfig } from "./azure/kubeconfig";
// The offline `aks-network` command as a library: plan a Pulumi program under mocks (in a child process
// of its own), render and compare plan results, read a stack's config as AksClusterArgs.
export { planStack, PlanStackOptions } from "./cli/plan/child";
export { formatPlan } from "./cli/plan/render";
export { FoundNetworkPlan, PLAN_RESULT_KIND, PLAN_RESULT_VERSION, PlanLogEntry, PlannedResource, PlanResult, PlanValue } from "./cli/plan/types";
export { ChangedResource, diffPlans, DiffRow, formatPlanDiff, InputChange, NetworkPlanDiff, PlanDiff, readPlanResult } from "./cli/diff";
export { stackConfigToClusterArgs, stackConfigToNetworkPlan, StackClusterArgs } from "./cli/stack-args";
