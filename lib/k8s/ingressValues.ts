/**
 * Pure builders for the ingress controller: Helm values, the app-routing controller object, and
 * previews of the Services each option renders (so `checkService` can vet them before deploying).
 *
 * Controller Service shape (Kubernetes/ingress reference D1, D3, ING-1):
 *
 *     cluster         Kubernetes   controller Service(s)
 *     IPv4            any          SingleStack [IPv4]                 Local
 *     IPv4 + IPv6     >= 1.27      RequireDualStack [IPv4, IPv6]      Local
 *     IPv4 + IPv6     <  1.27      SingleStack [IPv4] + SingleStack [IPv6] (`-ipv6`), both Local
 *
 * `Local` everywhere: required with IPv6 (AZ-1), keeps the client address, and lets an IPv4-only
 * cluster become dual-stack later by appending IPv6 in place (the primary family is IPv4 on AKS).
 */
import { Sink } from "../core/diagnostic";
import { ClusterFacts, ServiceIpFamily } from "./facts";
import { KubeManifest, StringMap } from "./manifests";
import { AZURE_ANNOTATIONS } from "./serviceAzureRules";
import { atLeast, readCluster } from "./serviceModel";

/** Which ingress controller `IngressController` installs. */
export enum IngressControllerKind {
    /**
     * Traefik Proxy (chart `traefik` from https://traefik.github.io/charts, pinned): actively
     * maintained, serves Ingress and the Gateway API, and reads ingress-nginx annotations for migrations.
     */
    Traefik = "traefik",
    /**
     * The AKS application routing add-on's managed NGINX (an `NginxIngressController` object). IPv4-only:
     * its Service has no family fields. Microsoft supports its NGINX only until November 2026.
     * The add-on must be enabled on the cluster (`ingressProfile.webAppRouting.enabled`).
     */
    AppRouting = "appRouting",
    /** Upstream ingress-nginx (legacy): retired in March 2026, no further releases or security fixes. */
    IngressNginx = "ingressNginx",
    /** Install nothing; Ingresses name a class served by a controller you manage. */
    None = "none",
}

/** A pinned Helm chart. */
export interface PinnedChart {
    /** Helm repository URL. */
    repo: string;
    /** Chart name in the repository. */
    chart: string;
    /** Exact chart version. */
    version: string;
}

/** Traefik chart 41.3.0 (Traefik Proxy v3.7.11, published 2026-08-21; needs Kubernetes >= 1.25). */
export const TRAEFIK_CHART: PinnedChart = { repo: "https://traefik.github.io/charts", chart: "traefik", version: "41.3.0" };
/** The final ingress-nginx chart, 4.15.1 (controller v1.15.1, 2026-03). */
export const INGRESS_NGINX_CHART: PinnedChart = {
    repo: "https://kubernetes.github.io/ingress-nginx",
    chart: "ingress-nginx",
    version: "4.15.1",
};

/** Inputs of the controller builders, all resolved (the component fills the defaults). */
export interface ControllerSettings {
    /** Helm release name (Traefik, ingress-nginx) or the `NginxIngressController` name (app routing). */
    releaseName: string;
    /** Namespace of the controller's pods and Services. */
    namespace: string;
    /** Controller replicas (at least 2). */
    replicas: number;
    /** The IngressClass the controller serves. */
    ingressClassName: string;
    /** Azure internal load balancer in the cluster's VNet. */
    internal: boolean;
    /** `azure-dns-label-name` of the public IP(s). @default - none */
    dnsLabel?: string;
    /** Extra Service annotations (they win over the builder's). */
    serviceAnnotations: StringMap;
    /**
     * Traefik only: enable its Gateway API provider (`IngressMode.Gateway`; needs the Gateway API CRDs
     * on the cluster, which the component installs).
     */
    enableGatewayApi: boolean;
}

/** The controller Service shape for a cluster. */
export interface ControllerServiceShape {
    /** `SingleStack` or `RequireDualStack`. */
    ipFamilyPolicy: string;
    /** `[IPv4]` or `[IPv4, IPv6]`. */
    ipFamilies: ServiceIpFamily[];
    /** True before 1.27 on dual-stack clusters: a second, IPv6-only Service is needed. */
    separateIpv6Service: boolean;
}

/** The decision table above. */
export function controllerServiceShape(facts: ClusterFacts): ControllerServiceShape {
    const version = readCluster(facts, new Sink()).version;
    const dual = Array.isArray(facts.ipFamilies) && facts.ipFamilies.length === 2;
    if (dual && version !== null && atLeast(version, 1, 27))
        return { ipFamilyPolicy: "RequireDualStack", ipFamilies: ["IPv4", "IPv6"], separateIpv6Service: false };
    return { ipFamilyPolicy: "SingleStack", ipFamilies: ["IPv4"], separateIpv6Service: dual };
}

/** Load-balancer probe timing the builders set, and the drain time that follows from it. */
function probeSettings(s: ControllerSettings): { annotations: StringMap; graceSeconds: number } {
    const annotations: StringMap = { [AZURE_ANNOTATIONS.probeInterval]: "5", [AZURE_ANNOTATIONS.probeNumOfProbe]: "2" };
    if (s.internal) annotations[AZURE_ANNOTATIONS.internal] = "true";
    Object.assign(annotations, s.serviceAnnotations);
    const interval = Number(annotations[AZURE_ANNOTATIONS.probeInterval]);
    const num = Number(annotations[AZURE_ANNOTATIONS.probeNumOfProbe]);
    // A terminating pod keeps accepting requests until the probes have marked its node down, + 5 s.
    const graceSeconds = Number.isInteger(interval) && Number.isInteger(num) && interval > 0 && num > 0 ? interval * num + 5 : 15;
    return { annotations, graceSeconds };
}

function withDnsLabel(annotations: StringMap, label: string | undefined): StringMap {
    return label === undefined ? { ...annotations } : { ...annotations, [AZURE_ANNOTATIONS.dnsLabelName]: label };
}

/** Selector labels of the Traefik pods (chart `traefik.labelselector`). */
export function traefikSelector(s: ControllerSettings): StringMap {
    return {
        "app.kubernetes.io/name": "traefik",
        "app.kubernetes.io/instance": `${s.releaseName}-${s.namespace}`.slice(0, 63).replace(/-+$/, ""),
    };
}

/** The chart's full name (`traefik.fullname` / `ingress-nginx.fullname`). */
function fullName(release: string, chart: string): string {
    return (release.includes(chart) ? release : `${release}-${chart}`).slice(0, 63).replace(/-+$/, "");
}

function spread(selector: StringMap): unknown[] {
    return [
        {
            maxSkew: 1,
            topologyKey: "kubernetes.io/hostname",
            whenUnsatisfiable: "DoNotSchedule",
            labelSelector: { matchLabels: { ...selector } },
        },
        {
            maxSkew: 1,
            topologyKey: "topology.kubernetes.io/zone",
            whenUnsatisfiable: "ScheduleAnyway",
            labelSelector: { matchLabels: { ...selector } },
        },
    ];
}

/**
 * Helm values for the Traefik chart (`TRAEFIK_CHART`): the dual-stack-correct Service, >= 2 replicas
 * spread across nodes and zones with a disruption budget, Linux nodes only, entry points that keep
 * accepting requests until Azure's probes have drained the node. The chart has no hooks or jobs.
 */
export function buildTraefikValues(facts: ClusterFacts, s: ControllerSettings): { [key: string]: unknown } {
    const shape = controllerServiceShape(facts);
    const { annotations, graceSeconds } = probeSettings(s);
    const selector = traefikSelector(s);
    const lifeCycle = { requestAcceptGraceTimeout: `${graceSeconds}s`, graceTimeOut: "10s" };
    const expose: { [key: string]: boolean } = shape.separateIpv6Service ? { default: true, ipv6: true } : { default: true };
    const service: { [key: string]: unknown } = {
        enabled: true,
        annotations: withDnsLabel(annotations, s.dnsLabel),
        spec: { type: "LoadBalancer", externalTrafficPolicy: "Local", ipFamilyPolicy: shape.ipFamilyPolicy, ipFamilies: shape.ipFamilies },
    };
    if (shape.separateIpv6Service) {
        service.additionalServices = {
            ipv6: {
                annotations: withDnsLabel(annotations, s.dnsLabel === undefined ? undefined : `${s.dnsLabel}-ipv6`),
                spec: { type: "LoadBalancer", externalTrafficPolicy: "Local", ipFamilyPolicy: "SingleStack", ipFamilies: ["IPv6"] },
            },
        };
    }
    return {
        deployment: {
            enabled: true,
            kind: "Deployment",
            replicas: s.replicas,
            terminationGracePeriodSeconds: Math.max(60, graceSeconds + 30),
        },
        podDisruptionBudget: { enabled: true, minAvailable: 1 },
        nodeSelector: { "kubernetes.io/os": "linux" },
        tolerations: [],
        topologySpreadConstraints: spread(selector),
        ingressClass: { enabled: true, isDefaultClass: false, name: s.ingressClassName },
        providers: {
            kubernetesIngress: { enabled: true, ingressClass: s.ingressClassName, publishedService: { enabled: true } },
            kubernetesGateway: { enabled: s.enableGatewayApi },
        },
        // The package builds the GatewayClass and Gateway itself (gatewayApi.ts), so they are checked,
        // named after the release and shown in previews; the chart's own defaults stay off.
        gatewayClass: { enabled: false },
        gateway: { enabled: false },
        ports: {
            web: { expose, transport: { lifeCycle } },
            websecure: { expose, transport: { lifeCycle } },
        },
        service,
        // While draining, /ping (the readiness probe) says 204 instead of 503: the pod stays "serving",
        // so kube-proxy keeps forwarding to it on its node until Azure's probes of the node's health
        // check (which ignores terminating pods) have taken the node out of the load balancer.
        additionalArguments: ["--ping.terminatingStatusCode=204"],
        global: { checkNewVersion: false, sendAnonymousUsage: false },
    };
}

/**
 * Helm values for the legacy ingress-nginx chart (`INGRESS_NGINX_CHART`, reference §7.6), installed as
 * a Helm release so its admission-webhook hooks run. Every pod (controller, certgen jobs, default
 * backend) is pinned to Linux nodes.
 */
export function buildIngressNginxValues(facts: ClusterFacts, s: ControllerSettings): { [key: string]: unknown } {
    const shape = controllerServiceShape(facts);
    const { annotations, graceSeconds } = probeSettings(s);
    const linux = { "kubernetes.io/os": "linux" };
    return {
        controller: {
            kind: "Deployment",
            replicaCount: s.replicas,
            minAvailable: 1,
            nodeSelector: linux,
            topologySpreadConstraints: spread(ingressNginxSelector(s)),
            extraArgs: { "shutdown-grace-period": String(graceSeconds) },
            config: { "disable-ipv6": "false" },
            ingressClassResource: { name: s.ingressClassName, default: false },
            ingressClass: s.ingressClassName,
            service: {
                type: "LoadBalancer",
                externalTrafficPolicy: "Local",
                ipFamilyPolicy: shape.ipFamilyPolicy,
                ipFamilies: shape.ipFamilies,
                // With Local, Azure probes the node's health check, so no probe path is needed (the
                // reference's /healthz path matters only with Cluster, which this package never uses).
                annotations: withDnsLabel(annotations, s.dnsLabel),
            },
            admissionWebhooks: { enabled: true, patch: { nodeSelector: linux } },
        },
        defaultBackend: { enabled: false, nodeSelector: linux },
    };
}

/** Selector labels of the ingress-nginx controller pods (chart `ingress-nginx.selectorLabels`). */
export function ingressNginxSelector(s: ControllerSettings): StringMap {
    return {
        "app.kubernetes.io/name": "ingress-nginx",
        "app.kubernetes.io/instance": s.releaseName,
        "app.kubernetes.io/component": "controller",
    };
}

/**
 * The extra IPv6 Service for ingress-nginx on dual-stack clusters before 1.27 (the chart renders one
 * external Service only; reference §3.1.4). Null when not needed.
 */
export function buildIngressNginxIpv6Service(facts: ClusterFacts, s: ControllerSettings): KubeManifest | null {
    if (!controllerServiceShape(facts).separateIpv6Service) return null;
    const { annotations } = probeSettings(s);
    return {
        apiVersion: "v1",
        kind: "Service",
        metadata: {
            name: `${fullName(s.releaseName, "ingress-nginx")}-controller-ipv6`,
            namespace: s.namespace,
            labels: { ...ingressNginxSelector(s) },
            annotations: withDnsLabel(annotations, s.dnsLabel === undefined ? undefined : `${s.dnsLabel}-ipv6`),
        },
        spec: {
            type: "LoadBalancer",
            externalTrafficPolicy: "Local",
            ipFamilyPolicy: "SingleStack",
            ipFamilies: ["IPv6"],
            selector: ingressNginxSelector(s),
            ports: [
                { name: "http", protocol: "TCP", port: 80, targetPort: "http" },
                { name: "https", protocol: "TCP", port: 443, targetPort: "https" },
            ],
        },
    };
}

/**
 * The app-routing add-on's `NginxIngressController` (cluster-scoped). It has no IP-family fields: the
 * operator's Service is `Local` and single-stack IPv4 on AKS. Its replicas are managed by the operator
 * (at least 2).
 */
export function buildAppRoutingController(s: ControllerSettings): KubeManifest {
    const { annotations } = probeSettings(s);
    return {
        apiVersion: "approuting.kubernetes.azure.com/v1alpha1",
        kind: "NginxIngressController",
        metadata: { name: s.releaseName },
        spec: {
            ingressClassName: s.ingressClassName,
            controllerNamePrefix: "nginx",
            loadBalancerAnnotations: withDnsLabel(annotations, s.dnsLabel),
        },
    };
}

/**
 * The Services each option renders, as plain objects (what the chart or operator templates produce for
 * the fields this package sets). Used to run `checkService` before anything deploys.
 */
export function controllerServicePreviews(kind: IngressControllerKind, facts: ClusterFacts, s: ControllerSettings): KubeManifest[] {
    const ports = (names: [string, number][]) => names.map(([name, port]) => ({ name, protocol: "TCP", port, targetPort: name }));
    const svc = (name: string, namespace: string, annotations: StringMap, spec: { [key: string]: unknown }): KubeManifest => ({
        apiVersion: "v1",
        kind: "Service",
        metadata: { name, namespace, annotations },
        spec,
    });
    switch (kind) {
        case IngressControllerKind.Traefik: {
            const values = buildTraefikValues(facts, s) as {
                service: { annotations: StringMap; spec: object; additionalServices?: { ipv6: { annotations: StringMap; spec: object } } };
            };
            const name = fullName(s.releaseName, "traefik");
            const p = ports([
                ["web", 80],
                ["websecure", 443],
            ]);
            const out = [
                svc(name, s.namespace, values.service.annotations, { ...values.service.spec, selector: traefikSelector(s), ports: p }),
            ];
            const v6 = values.service.additionalServices?.ipv6;
            if (v6) out.push(svc(`${name}-ipv6`, s.namespace, v6.annotations, { ...v6.spec, selector: traefikSelector(s), ports: p }));
            return out;
        }
        case IngressControllerKind.IngressNginx: {
            const values = buildIngressNginxValues(facts, s) as {
                controller: { service: { annotations: StringMap; [key: string]: unknown } };
            };
            const { annotations, ...spec } = values.controller.service;
            const out = [
                svc(`${fullName(s.releaseName, "ingress-nginx")}-controller`, s.namespace, annotations, {
                    ...spec,
                    selector: ingressNginxSelector(s),
                    ports: ports([
                        ["http", 80],
                        ["https", 443],
                    ]),
                }),
            ];
            const v6 = buildIngressNginxIpv6Service(facts, s);
            if (v6) out.push(v6);
            return out;
        }
        case IngressControllerKind.AppRouting: {
            const cr = buildAppRoutingController(s);
            return [
                svc(`nginx-${s.releaseName}`, "app-routing-system", cr.spec.loadBalancerAnnotations as StringMap, {
                    type: "LoadBalancer",
                    externalTrafficPolicy: "Local",
                    selector: { app: "nginx" },
                    ports: ports([
                        ["http", 80],
                        ["https", 443],
                    ]),
                }),
            ];
        }
        default:
            return [];
    }
}
