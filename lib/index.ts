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
