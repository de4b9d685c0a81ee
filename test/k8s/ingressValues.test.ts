/**
 * Ingress controller builders (VAL-2): the Service shape per cluster (both families and RequireDualStack
 * on dual-stack >= 1.27, an IPv6 companion before 1.27, Local), Linux node selectors on every pod,
 * replicas, spread and disruption budget, probe-aligned draining, the pins.
 */
import * as assert from "node:assert/strict";
import { ClusterFacts } from "../../lib/k8s/facts";
import {
    buildAppRoutingController,
    buildIngressNginxIpv6Service,
    buildIngressNginxValues,
    buildTraefikValues,
    controllerServicePreviews,
    controllerServiceShape,
    ControllerSettings,
    INGRESS_NGINX_CHART,
    IngressControllerKind,
    TRAEFIK_CHART,
} from "../../lib/k8s/ingressValues";

const V4: ClusterFacts = { ipFamilies: ["IPv4"], kubernetesVersion: "1.30", hasWindowsPools: true, linuxOsSku: "Ubuntu" };
const DUAL126: ClusterFacts = { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.26", hasWindowsPools: false, linuxOsSku: "AzureLinux" };
const DUAL130: ClusterFacts = { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.30", hasWindowsPools: true, linuxOsSku: "AzureLinux" };

const S: ControllerSettings = {
    releaseName: "traefik",
    namespace: "traefik",
    replicas: 2,
    ingressClassName: "traefik",
    internal: false,
    serviceAnnotations: {},
    enableGatewayApi: false,
};
const PROBE = {
    "service.beta.kubernetes.io/azure-load-balancer-health-probe-interval": "5",
    "service.beta.kubernetes.io/azure-load-balancer-health-probe-num-of-probe": "2",
};
const TRAEFIK_SELECTOR = { "app.kubernetes.io/name": "traefik", "app.kubernetes.io/instance": "traefik-traefik" };

type Values = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("controllerServiceShape", () => {
    it("follows the decision table", () => {
        assert.deepStrictEqual(controllerServiceShape(V4), {
            ipFamilyPolicy: "SingleStack",
            ipFamilies: ["IPv4"],
            separateIpv6Service: false,
        });
        assert.deepStrictEqual(controllerServiceShape(DUAL126), {
            ipFamilyPolicy: "SingleStack",
            ipFamilies: ["IPv4"],
            separateIpv6Service: true,
        });
        assert.deepStrictEqual(controllerServiceShape(DUAL130), {
            ipFamilyPolicy: "RequireDualStack",
            ipFamilies: ["IPv4", "IPv6"],
            separateIpv6Service: false,
        });
        assert.deepStrictEqual(controllerServiceShape({ ...DUAL130, kubernetesVersion: "1.27.0" }).ipFamilyPolicy, "RequireDualStack");
    });
});

describe("buildTraefikValues", () => {
    it("returns the whole values object for a dual-stack 1.30 cluster", () => {
        const lifeCycle = { requestAcceptGraceTimeout: "15s", graceTimeOut: "10s" };
        assert.deepStrictEqual(buildTraefikValues(DUAL130, S), {
            deployment: { enabled: true, kind: "Deployment", replicas: 2, terminationGracePeriodSeconds: 60 },
            podDisruptionBudget: { enabled: true, minAvailable: 1 },
            nodeSelector: { "kubernetes.io/os": "linux" },
            tolerations: [],
            topologySpreadConstraints: [
                {
                    maxSkew: 1,
                    topologyKey: "kubernetes.io/hostname",
                    whenUnsatisfiable: "DoNotSchedule",
                    labelSelector: { matchLabels: TRAEFIK_SELECTOR },
                },
                {
                    maxSkew: 1,
                    topologyKey: "topology.kubernetes.io/zone",
                    whenUnsatisfiable: "ScheduleAnyway",
                    labelSelector: { matchLabels: TRAEFIK_SELECTOR },
                },
            ],
            ingressClass: { enabled: true, isDefaultClass: false, name: "traefik" },
            providers: {
                kubernetesIngress: { enabled: true, ingressClass: "traefik", publishedService: { enabled: true } },
                kubernetesGateway: { enabled: false },
            },
            gatewayClass: { enabled: false },
            gateway: { enabled: false },
            ports: {
                web: { expose: { default: true }, transport: { lifeCycle } },
                websecure: { expose: { default: true }, transport: { lifeCycle } },
            },
            service: {
                enabled: true,
                annotations: PROBE,
                spec: {
                    type: "LoadBalancer",
                    externalTrafficPolicy: "Local",
                    ipFamilyPolicy: "RequireDualStack",
                    ipFamilies: ["IPv4", "IPv6"],
                },
            },
            additionalArguments: ["--ping.terminatingStatusCode=204"],
            global: { checkNewVersion: false, sendAnonymousUsage: false },
        });
    });

    it("keeps one IPv4 Service on an IPv4-only cluster, still Local", () => {
        const v = buildTraefikValues(V4, S) as Values;
        assert.deepStrictEqual(v.service.spec, {
            type: "LoadBalancer",
            externalTrafficPolicy: "Local",
            ipFamilyPolicy: "SingleStack",
            ipFamilies: ["IPv4"],
        });
        assert.equal(v.service.additionalServices, undefined);
    });

    it("adds an IPv6-only companion Service before 1.27 and exposes both entry points on it", () => {
        const v = buildTraefikValues(DUAL126, { ...S, dnsLabel: "acme" }) as Values;
        assert.deepStrictEqual(v.service.spec.ipFamilies, ["IPv4"]);
        assert.deepStrictEqual(v.service.additionalServices, {
            ipv6: {
                annotations: { ...PROBE, "service.beta.kubernetes.io/azure-dns-label-name": "acme-ipv6" },
                spec: { type: "LoadBalancer", externalTrafficPolicy: "Local", ipFamilyPolicy: "SingleStack", ipFamilies: ["IPv6"] },
            },
        });
        assert.deepStrictEqual(v.ports.web.expose, { default: true, ipv6: true });
        assert.deepStrictEqual(v.ports.websecure.expose, { default: true, ipv6: true });
        assert.equal(v.service.annotations["service.beta.kubernetes.io/azure-dns-label-name"], "acme");
    });

    it("marks internal load balancers and lets extra annotations win, draining for the probe time they set", () => {
        const v = buildTraefikValues(V4, {
            ...S,
            internal: true,
            serviceAnnotations: {
                "service.beta.kubernetes.io/azure-load-balancer-health-probe-interval": "10",
                "service.beta.kubernetes.io/azure-pip-name": "pip",
            },
        }) as Values;
        assert.equal(v.service.annotations["service.beta.kubernetes.io/azure-load-balancer-internal"], "true");
        assert.equal(v.service.annotations["service.beta.kubernetes.io/azure-pip-name"], "pip");
        assert.equal(v.ports.web.transport.lifeCycle.requestAcceptGraceTimeout, "25s");
        assert.equal(v.deployment.terminationGracePeriodSeconds, 60);
    });

    it("serves the Gateway API on request", () => {
        const v = buildTraefikValues(DUAL130, { ...S, enableGatewayApi: true }) as Values;
        assert.equal(v.providers.kubernetesGateway.enabled, true);
        // The component builds the GatewayClass and Gateway itself; the chart's defaults stay off.
        assert.equal(v.gatewayClass.enabled, false);
        assert.equal(v.gateway.enabled, false);
    });

    it("pins a maintained chart version", () => {
        assert.deepStrictEqual(TRAEFIK_CHART, { repo: "https://traefik.github.io/charts", chart: "traefik", version: "41.3.0" });
    });
});

describe("buildIngressNginxValues (legacy)", () => {
    const N: ControllerSettings = { ...S, releaseName: "ingress-nginx", namespace: "ingress-nginx", ingressClassName: "nginx" };
    it("puts every pod on Linux, keeps webhooks (Helm release runs the hooks), and shapes the Service", () => {
        const v = buildIngressNginxValues(DUAL130, N) as Values;
        assert.deepStrictEqual(v.controller.nodeSelector, { "kubernetes.io/os": "linux" });
        assert.deepStrictEqual(v.controller.admissionWebhooks, { enabled: true, patch: { nodeSelector: { "kubernetes.io/os": "linux" } } });
        assert.deepStrictEqual(v.defaultBackend, { enabled: false, nodeSelector: { "kubernetes.io/os": "linux" } });
        assert.deepStrictEqual(v.controller.service, {
            type: "LoadBalancer",
            externalTrafficPolicy: "Local",
            ipFamilyPolicy: "RequireDualStack",
            ipFamilies: ["IPv4", "IPv6"],
            annotations: PROBE,
        });
        assert.equal(v.controller.replicaCount, 2);
        assert.equal(v.controller.minAvailable, 1);
        assert.deepStrictEqual(v.controller.extraArgs, { "shutdown-grace-period": "15" });
        assert.deepStrictEqual(v.controller.topologySpreadConstraints[0].labelSelector.matchLabels, {
            "app.kubernetes.io/name": "ingress-nginx",
            "app.kubernetes.io/instance": "ingress-nginx",
            "app.kubernetes.io/component": "controller",
        });
        assert.equal(INGRESS_NGINX_CHART.version, "4.15.1");
    });

    it("adds a separate IPv6 Service before 1.27 only", () => {
        assert.equal(buildIngressNginxIpv6Service(DUAL130, N), null);
        assert.equal(buildIngressNginxIpv6Service(V4, N), null);
        const v6 = buildIngressNginxIpv6Service(DUAL126, N)!;
        assert.equal(v6.metadata.name, "ingress-nginx-controller-ipv6");
        assert.deepStrictEqual(v6.spec.ipFamilies, ["IPv6"]);
        assert.equal(v6.spec.ipFamilyPolicy, "SingleStack");
        assert.equal(v6.spec.externalTrafficPolicy, "Local");
        assert.deepStrictEqual(v6.spec.selector, {
            "app.kubernetes.io/name": "ingress-nginx",
            "app.kubernetes.io/instance": "ingress-nginx",
            "app.kubernetes.io/component": "controller",
        });
        assert.deepStrictEqual((buildIngressNginxValues(DUAL126, N) as Values).controller.service.ipFamilies, ["IPv4"]);
    });
});

describe("buildAppRoutingController", () => {
    it("returns an NginxIngressController with the load-balancer annotations and no family fields", () => {
        assert.deepStrictEqual(
            buildAppRoutingController({ ...S, releaseName: "approuting-nginx", ingressClassName: "approuting-nginx", internal: true }),
            {
                apiVersion: "approuting.kubernetes.azure.com/v1alpha1",
                kind: "NginxIngressController",
                metadata: { name: "approuting-nginx" },
                spec: {
                    ingressClassName: "approuting-nginx",
                    controllerNamePrefix: "nginx",
                    loadBalancerAnnotations: { ...PROBE, "service.beta.kubernetes.io/azure-load-balancer-internal": "true" },
                },
            },
        );
    });
});

describe("controllerServicePreviews", () => {
    it("names the Traefik Services as the chart does and selects the controller pods", () => {
        const previews = controllerServicePreviews(IngressControllerKind.Traefik, DUAL126, { ...S, releaseName: "edge" });
        assert.deepStrictEqual(
            previews.map((p) => p.metadata.name),
            ["edge-traefik", "edge-traefik-ipv6"],
        );
        assert.deepStrictEqual(previews[0].spec.selector, {
            "app.kubernetes.io/name": "traefik",
            "app.kubernetes.io/instance": "edge-traefik",
        });
        assert.deepStrictEqual(previews[1].spec.ipFamilies, ["IPv6"]);
    });
    it("has nothing to preview for None", () => {
        assert.deepStrictEqual(controllerServicePreviews(IngressControllerKind.None, DUAL130, S), []);
    });
});
