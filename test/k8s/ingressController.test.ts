/**
 * IngressController under mocks: what each option registers, with which inputs, through which provider,
 * and how bad arguments fail. Helm v4 charts register as one opaque resource (custom: false), so the
 * assertions are on its inputs (chart, version, values).
 */
import * as assert from "node:assert/strict";
import * as k8s from "@pulumi/kubernetes";
import { ClusterFacts } from "../../lib/k8s/facts";
import { K8S_COMPONENT_RULES, SERVICE_RULES } from "../../lib/k8s/catalog";
import { INGRESS_CONTROLLER_TYPE, IngressController, resolveIngressControllerArgs } from "../../lib/k8s/ingressController";
import { TYPE_TOKEN_PREFIX } from "../../lib/core/tokens";
import { IngressControllerKind } from "../../lib/k8s/ingressValues";
import { one, registered, resetMocks, settle, valueOf } from "../helpers/mocks";

const V4: ClusterFacts = { ipFamilies: ["IPv4"], kubernetesVersion: "1.30", hasWindowsPools: true, linuxOsSku: "Ubuntu" };
const DUAL126: ClusterFacts = { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.26", hasWindowsPools: false, linuxOsSku: "AzureLinux" };
const DUAL130: ClusterFacts = { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.30", hasWindowsPools: true, linuxOsSku: "AzureLinux" };

type Values = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
let n = 0;
const unique = (prefix: string) => `${prefix}${++n}`;

/** Every resource registered besides components and providers uses the given provider. */
async function assertAllUse(provider: k8s.Provider): Promise<void> {
    const urn = await valueOf(provider.urn);
    const children = registered().filter((r) => !r.type.startsWith(TYPE_TOKEN_PREFIX) && !r.type.startsWith("pulumi:providers:"));
    assert.ok(children.length > 0, "nothing registered");
    for (const r of children) assert.ok(r.provider?.startsWith(`${urn}::`), `${r.type} ${r.name} uses provider ${String(r.provider)}`);
}

describe("IngressController", () => {
    beforeEach(() => resetMocks());

    it("installs Traefik by default as one helm.v4.Chart with the dual-stack Service values", async () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const name = unique("ingress");
        const ic = new IngressController(name, { provider, clusterFacts: DUAL130 });
        await settle();
        assert.equal(one(INGRESS_CONTROLLER_TYPE, name).custom, false);
        const chart = one("kubernetes:helm.sh/v4:Chart", `${name}-chart`);
        assert.equal(chart.custom, false);
        assert.equal(chart.inputs.chart, "traefik");
        assert.equal(chart.inputs.version, "41.3.0");
        assert.deepStrictEqual(chart.inputs.repositoryOpts, { repo: "https://traefik.github.io/charts" });
        assert.equal(chart.inputs.name, "traefik");
        assert.equal(chart.inputs.namespace, "traefik");
        const values = chart.inputs.values as Values;
        assert.deepStrictEqual(values.service.spec, {
            type: "LoadBalancer",
            externalTrafficPolicy: "Local",
            ipFamilyPolicy: "RequireDualStack",
            ipFamilies: ["IPv4", "IPv6"],
        });
        assert.deepStrictEqual(values.nodeSelector, { "kubernetes.io/os": "linux" });
        assert.equal(values.deployment.replicas, 2);
        assert.deepStrictEqual(values.podDisruptionBudget, { enabled: true, minAvailable: 1 });
        assert.deepStrictEqual(values, ic.chartValues);
        assert.equal(one("kubernetes:core/v1:Namespace", `${name}-namespace`).inputs.metadata.name, "traefik");
        assert.equal(registered("kubernetes:helm.sh/v3:Release").length, 0);
        assert.equal(ic.ingressClassName, "traefik");
        assert.equal(ic.kind, IngressControllerKind.Traefik);
        assert.deepStrictEqual(ic.warnings, []);
        await assertAllUse(provider);
    });

    it("renders the pre-1.27 IPv6 companion Service through the chart values", async () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const name = unique("ingress");
        new IngressController(name, {
            provider,
            clusterFacts: DUAL126,
            namespace: "edge",
            releaseName: "edge",
            replicas: 3,
            dnsLabel: "acme-edge",
        });
        await settle();
        const values = one("kubernetes:helm.sh/v4:Chart", `${name}-chart`).inputs.values as Values;
        assert.deepStrictEqual(values.service.spec.ipFamilies, ["IPv4"]);
        assert.deepStrictEqual(values.service.additionalServices.ipv6.spec.ipFamilies, ["IPv6"]);
        assert.equal(values.service.additionalServices.ipv6.spec.externalTrafficPolicy, "Local");
        assert.equal(values.deployment.replicas, 3);
        assert.deepStrictEqual(values.topologySpreadConstraints[0].labelSelector.matchLabels, {
            "app.kubernetes.io/name": "traefik",
            "app.kubernetes.io/instance": "edge-edge",
        });
        await assertAllUse(provider);
    });

    it("installs legacy ingress-nginx as a helm.v3.Release (hooks run), with a warning and, before 1.27, an IPv6 Service", async () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const name = unique("ingress");
        const ic = new IngressController(name, { provider, clusterFacts: DUAL126, kind: IngressControllerKind.IngressNginx });
        await settle();
        const release = one("kubernetes:helm.sh/v3:Release", `${name}-release`);
        assert.equal(release.inputs.chart, "ingress-nginx");
        assert.equal(release.inputs.version, "4.15.1");
        const values = release.inputs.values as Values;
        assert.equal(values.controller.admissionWebhooks.enabled, true);
        assert.deepStrictEqual(values.controller.admissionWebhooks.patch.nodeSelector, { "kubernetes.io/os": "linux" });
        assert.deepStrictEqual(values.controller.service.ipFamilies, ["IPv4"]);
        const v6 = one("kubernetes:core/v1:Service", `${name}-ipv6Service`);
        assert.deepStrictEqual(v6.inputs.spec.ipFamilies, ["IPv6"]);
        assert.equal(v6.inputs.spec.ipFamilyPolicy, "SingleStack");
        assert.equal(v6.inputs.spec.externalTrafficPolicy, "Local");
        assert.equal(registered("kubernetes:helm.sh/v4:Chart").length, 0);
        assert.ok(ic.warnings.some((w) => /retired in March 2026/.test(w)));
        assert.equal(ic.ingressClassName, "nginx");
        await assertAllUse(provider);
    });

    it("adds no IPv6 Service for ingress-nginx on 1.27+ (the chart Service is dual-stack)", async () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const name = unique("ingress");
        new IngressController(name, { provider, clusterFacts: DUAL130, kind: IngressControllerKind.IngressNginx });
        await settle();
        assert.equal(registered("kubernetes:core/v1:Service").length, 0);
        assert.deepStrictEqual(
            (one("kubernetes:helm.sh/v3:Release").inputs.values as Values).controller.service.ipFamilyPolicy,
            "RequireDualStack",
        );
    });

    it("creates an app-routing NginxIngressController and warns that it is IPv4-only on dual-stack clusters", async () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const name = unique("ingress");
        const ic = new IngressController(name, { provider, clusterFacts: DUAL130, kind: IngressControllerKind.AppRouting, internal: true });
        await settle();
        const cr = one("kubernetes:approuting.kubernetes.azure.com/v1alpha1:NginxIngressController", `${name}-controller`);
        assert.equal(cr.inputs.spec.ingressClassName, "approuting-nginx");
        assert.equal(cr.inputs.spec.loadBalancerAnnotations["service.beta.kubernetes.io/azure-load-balancer-internal"], "true");
        assert.equal(registered("kubernetes:core/v1:Namespace").length, 0);
        assert.ok(ic.warnings.some((w) => /until November 2026/.test(w)));
        assert.ok(ic.warnings.some((w) => /IPv4-only/.test(w)));
        assert.equal(ic.namespace, "app-routing-system");
        await assertAllUse(provider);
    });

    it("does not warn about IPv6 for app routing on an IPv4-only cluster", () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const ic = new IngressController(unique("ingress"), { provider, clusterFacts: V4, kind: IngressControllerKind.AppRouting });
        assert.equal(ic.warnings.filter((w) => /IPv4-only/.test(w)).length, 0);
        assert.equal(ic.warnings.length, 1);
    });

    it("installs nothing with None and passes the class name through", async () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const name = unique("ingress");
        const ic = new IngressController(name, {
            provider,
            clusterFacts: DUAL130,
            kind: IngressControllerKind.None,
            ingressClassName: "contour",
        });
        await settle();
        assert.deepStrictEqual(
            registered().filter((r) => r.type.startsWith("kubernetes:")),
            [],
        );
        assert.equal(ic.ingressClassName, "contour");
        assert.equal(ic.chartValues, undefined);
    });

    it("fails before creating anything, listing every bad argument", () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        assert.throws(
            () =>
                new IngressController(unique("ingress"), {
                    provider,
                    clusterFacts: DUAL130,
                    replicas: 1,
                    namespace: "Bad_NS",
                    ingressClassName: "UPPER",
                    dnsLabel: "9x",
                    chartVersion: "^41",
                    serviceAnnotations: { "service.beta.kubernetes.io/azure-load-balancer-health-probe-interval": "2" },
                }),
            (e: Error) => {
                for (const fragment of [
                    "replicas 1",
                    'namespace "Bad_NS"',
                    'ingressClassName "UPPER"',
                    'dnsLabel "9x"',
                    'chartVersion "^41"',
                ]) {
                    assert.ok(e.message.includes(fragment), `missing ${fragment}: ${e.message}`);
                }
                return /^invalid IngressController "ingress\d+" arguments \(5 problems\)/.test(e.message);
            },
        );
        assert.equal(registered("kubernetes:helm.sh/v4:Chart").length, 0);
    });

    it("fails on an annotation the linter rejects, naming the controller Service and rule", () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        assert.throws(
            () =>
                new IngressController(unique("ingress"), {
                    provider,
                    clusterFacts: V4,
                    serviceAnnotations: { "service.beta.kubernetes.io/azure-load-balancer-health-probe-interval": "60" },
                }),
            /- error LB-3 controller Service traefik metadata\.annotations\["service\.beta\.kubernetes\.io\/azure-load-balancer-health-probe-interval"\]: .*probe interval 60 s/,
        );
    });

    it("fails without a Kubernetes provider or with malformed facts", () => {
        assert.throws(
            () =>
                new IngressController(unique("ingress"), {
                    provider: undefined as unknown as k8s.Provider,
                    clusterFacts: { ...V4, ipFamilies: ["IPv6"] },
                }),
            (e: Error) => /provider must be the cluster's k8s.Provider/.test(e.message) && /clusterFacts.ipFamilies/.test(e.message),
        );
    });

    it("reports each problem with a catalogued rule id, its path as segments and the value", () => {
        const { problems } = resolveIngressControllerArgs({
            provider: {} as k8s.Provider,
            clusterFacts: { ...V4, kubernetesVersion: "latest" },
            replicas: Number.NaN,
        });
        const known = new Set([...SERVICE_RULES, ...K8S_COMPONENT_RULES].map((rule) => rule.id));
        assert.deepStrictEqual(
            problems.map((d) => [d.ruleId, d.segments]),
            [
                ["SVC-4", ["clusterFacts", "kubernetesVersion"]],
                ["IC-1", ["provider"]],
                ["IC-1", ["replicas"]],
            ],
        );
        for (const d of problems) assert.ok(known.has(d.ruleId), `${d.ruleId} is not catalogued`);
        assert.match(problems[0].message, /^clusterFacts\.kubernetesVersion "latest" /);
        assert.match(problems[1].message, /got an object; pass it/);
        assert.match(problems[2].message, /^replicas NaN must be a whole number/);
    });
});
