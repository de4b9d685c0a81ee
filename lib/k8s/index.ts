/**
 * `pulumi-aks-network/k8s`: the pure Kubernetes side, usable without a Pulumi program. The Service
 * linter (`checkService`, `describeService`, `SERVICE_RULES`) for the facts of an AKS cluster, the
 * sample app's manifest builders and the ingress controllers' Helm values builders. Loads no
 * `@pulumi/*` module; the `IngressController` and `SampleApp` components are at the package root.
 * Re-exports only.
 */
export { ClusterFacts, ServiceIpFamily } from "./facts";
export { checkService, describeService } from "./checkService";
export { SERVICE_RULES } from "./catalog";
export {
    buildSampleApp,
    buildSampleIngress,
    KubeManifest,
    ManifestMetadata,
    SampleAppManifests,
    SampleAppOptions,
    SampleIngressOptions,
    StringMap,
} from "./manifests";
export {
    buildAppRoutingController,
    buildIngressNginxIpv6Service,
    buildIngressNginxValues,
    buildTraefikValues,
    ControllerServiceShape,
    controllerServicePreviews,
    controllerServiceShape,
    ControllerSettings,
    INGRESS_NGINX_CHART,
    IngressControllerKind,
    PinnedChart,
    TRAEFIK_CHART,
} from "./ingressValues";
export {
    buildGateway,
    buildGatewayClass,
    buildSampleHttpRoutes,
    GATEWAY_API_RELEASE,
    GatewayApiRelease,
    GatewayReference,
    gatewayNames,
    gatewayServicePreviews,
    IngressMode,
    SampleHttpRouteOptions,
} from "./gatewayApi";
export {
    buildProbeJobs,
    buildProbePodServices,
    CURL_IMAGE,
    FamilyAddresses,
    FamilyServiceNames,
    outsideProbeCommands,
    ProbeCheck,
    probeChecks,
    probeFailureMessage,
    probeJobProblems,
    ProbeJobOptions,
    ProbeJobs,
    ProbePath,
    serviceNamesByFamily,
    WINDOWS_PROBE_IMAGE,
} from "./probeJobs";
