/**
 * Gateway mode and the connectivity probe under mocks: IngressController applies the pinned Gateway
 * API CRDs, the GatewayClass and the Gateway (in that order, through the given provider); SampleApp
 * attaches HTTPRoutes instead of an Ingress; ConnectivityProbe registers its headless Services and
 * Jobs after the sample and the ingress; bad arguments fail before anything is created.
 */
import * as assert from "node:assert/strict";
import * as k8s from "@pulumi/kubernetes";
import { CONNECTIVITY_PROBE_TYPE, ConnectivityProbe } from "../../lib/k8s/connectivityProbe";
import { ClusterFacts } from "../../lib/k8s/facts";
import { GATEWAY_API_RELEASE, IngressMode } from "../../lib/k8s/gatewayApi";
import { IngressController, resolveIngressControllerArgs } from "../../lib/k8s/ingressController";
import { IngressControllerKind } from "../../lib/k8s/ingressValues";
import { SampleApp, ServiceAddresses } from "../../lib/k8s/sampleApp";
import { isPreview, one, registered, resetMocks, settle, valueOf } from "../helpers/mocks";

const DUAL: ClusterFacts = { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.31", hasWindowsPools: false, linuxOsSku: "AzureLinux" };
const MIXED: ClusterFacts = { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.31", hasWindowsPools: true, linuxOsSku: "Ubuntu" };
const V4: ClusterFacts = { ipFamilies: ["IPv4"], kubernetesVersion: "1.30", hasWindowsPools: false, linuxOsSku: "Ubuntu" };

let n = 0;
const unique = (prefix: string) => `${prefix}${++n}`;
const CR_GATEWAY_CLASS = "kubernetes:gateway.networking.k8s.io/v1:GatewayClass";
const CR_GATEWAY = "kubernetes:gateway.networking.k8s.io/v1:Gateway";
const CR_ROUTE = "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute";
const JOB = "kubernetes:batch/v1:Job";

describe("IngressController in Gateway mode", () => {
    beforeEach(() => resetMocks());

    it("applies the pinned CRDs, then the chart with the Gateway provider, the GatewayClass and the Gateway", async () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const name = unique("ingress");
        const ic = new IngressController(name, { provider, clusterFacts: DUAL, mode: IngressMode.Gateway });
        await settle();
        const crds = one("kubernetes:yaml/v2:ConfigFile", `${name}-gatewayApiCrds`);
        assert.equal(crds.inputs.file, GATEWAY_API_RELEASE.url);
        const chart = one("kubernetes:helm.sh/v4:Chart", `${name}-chart`);
        assert.equal(chart.inputs.values.providers.kubernetesGateway.enabled, true);
        assert.deepStrictEqual(chart.inputs.values.service.spec.ipFamilies, ["IPv4", "IPv6"]);
        const gatewayClass = one(CR_GATEWAY_CLASS, `${name}-gatewayClass`).inputs;
        assert.deepStrictEqual(gatewayClass.spec, { controllerName: "traefik.io/gateway-controller" });
        const gateway = one(CR_GATEWAY, `${name}-gateway`).inputs;
        assert.deepStrictEqual(
            [gateway.metadata.name, gateway.metadata.namespace, gateway.spec.gatewayClassName],
            ["traefik-gateway", "traefik", "traefik"],
        );
        assert.equal(ic.mode, IngressMode.Gateway);
        assert.deepStrictEqual(ic.gateway, { name: "traefik-gateway", namespace: "traefik", sectionName: "web" });
        assert.deepStrictEqual(ic.serviceNames, { namespace: "traefik", ipv4: "traefik", ipv6: "traefik" });
        // Every Kubernetes child goes through the given provider.
        const urn = await valueOf(provider.urn);
        for (const r of registered().filter((x) => x.type.startsWith("kubernetes:")))
            assert.ok(r.provider?.startsWith(`${urn}::`), `${r.type} ${r.name} uses provider ${String(r.provider)}`);
    });

    it("skips the CRDs when asked and installs no Gateway in Ingress mode", async () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const skip = unique("ingress");
        new IngressController(skip, { provider, clusterFacts: V4, mode: IngressMode.Gateway, installGatewayApiCrds: false });
        const plain = unique("ingress");
        const ic = new IngressController(plain, { provider, clusterFacts: V4 });
        await settle();
        assert.equal(registered("kubernetes:yaml/v2:ConfigFile").length, 0);
        assert.deepStrictEqual(
            registered(CR_GATEWAY).map((r) => r.name),
            [`${skip}-gateway`],
        );
        assert.equal(ic.mode, IngressMode.Ingress);
        assert.equal(ic.gateway, undefined);
        assert.equal(
            (
                one("kubernetes:helm.sh/v4:Chart", `${plain}-chart`).inputs.values as {
                    providers: { kubernetesGateway: { enabled: boolean } };
                }
            ).providers.kubernetesGateway.enabled,
            false,
        );
    });

    it("rejects Gateway mode with another controller and an unknown mode, at the argument", () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const bad = resolveIngressControllerArgs({
            provider,
            clusterFacts: DUAL,
            kind: IngressControllerKind.IngressNginx,
            mode: IngressMode.Gateway,
        });
        assert.deepStrictEqual(
            bad.problems.map((p) => [p.ruleId, p.path]),
            [["IC-1", "mode"]],
        );
        assert.match(bad.problems[0].message, /supported with kind "traefik" only, not "ingressNginx"/);
        const unknown = resolveIngressControllerArgs({ provider, clusterFacts: DUAL, mode: "gateways" as IngressMode });
        assert.match(unknown.problems[0].message, /mode "gateways" is not an IngressMode; use/);
        assert.throws(
            () =>
                new IngressController(unique("ingress"), {
                    provider,
                    clusterFacts: DUAL,
                    kind: IngressControllerKind.AppRouting,
                    mode: IngressMode.Gateway,
                }),
            /IC-1/,
        );
    });
});

describe("SampleApp with a Gateway", () => {
    beforeEach(() => resetMocks());

    it("attaches HTTPRoutes instead of an Ingress", async () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const name = unique("sample");
        const app = new SampleApp(name, {
            provider,
            clusterFacts: MIXED,
            gateway: { name: "traefik-gateway", namespace: "traefik" },
            host: "hello.example.com",
        });
        await settle();
        assert.equal(registered("kubernetes:networking.k8s.io/v1:Ingress").length, 0);
        const routes = registered(CR_ROUTE);
        assert.deepStrictEqual(
            routes.map((r) => [r.name, r.inputs.spec.hostnames[0], r.inputs.spec.parentRefs[0].name]),
            [
                [`${name}-httpRoute-hello`, "hello.example.com", "traefik-gateway"],
                [`${name}-httpRoute-hello-windows`, "windows.hello.example.com", "traefik-gateway"],
            ],
        );
        assert.equal(app.httpRoutes.length, 2);
    });

    it("rejects a gateway together with an ingress class, and a malformed gateway", () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        assert.throws(
            () =>
                new SampleApp(unique("sample"), {
                    provider,
                    clusterFacts: DUAL,
                    ingressClassName: "traefik",
                    gateway: { name: "gw", namespace: "edge" },
                }),
            /SA-1 gateway: .*give one/,
        );
        assert.throws(
            () => new SampleApp(unique("sample"), { provider, clusterFacts: DUAL, gateway: { name: "Gw", namespace: "edge" } }),
            /SA-1 gateway\.name: gateway\.name "Gw" must be a DNS-1123 label/,
        );
    });
});

describe("ConnectivityProbe", () => {
    beforeEach(() => resetMocks());

    it("registers headless pod Services and one Job per family plus Windows, after the sample and the ingress", async () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const ic = new IngressController(unique("ingress"), { provider, clusterFacts: MIXED, mode: IngressMode.Gateway });
        const app = new SampleApp(unique("sample"), { provider, clusterFacts: MIXED, gateway: ic.gateway });
        const name = unique("probe");
        const waits: unknown[][] = [];
        const serviceWaits: unknown[] = [];
        const probe = new ConnectivityProbe(
            name,
            {
                provider,
                clusterFacts: MIXED,
                sample: app.sampleOptions,
                ingress: ic.serviceNames,
                loadBalancerAddresses: app.serviceAddresses,
            },
            {
                dependsOn: [app, ic],
                transformations: [
                    (a) => {
                        if (a.type === JOB) waits.push(a.opts.dependsOn as unknown[]);
                        if (a.type === "kubernetes:core/v1:Service") serviceWaits.push(a.opts.dependsOn);
                        return undefined;
                    },
                ],
            },
        );
        await settle();
        assert.equal(one(CONNECTIVITY_PROBE_TYPE, name).custom, false);
        const jobs = registered(JOB).sort((a, b) => a.name.localeCompare(b.name));
        assert.deepStrictEqual(
            jobs.map((j) => j.name),
            [`${name}-job-ipv4`, `${name}-job-ipv6`, `${name}-job-win-ipv4`],
        );
        assert.deepStrictEqual(
            jobs.map((j) => j.inputs.metadata.name),
            probe.jobNames,
        );
        assert.deepStrictEqual(jobs[2].inputs.spec.template.spec.nodeSelector, { "kubernetes.io/os": "windows" });
        assert.ok(jobs[1].inputs.spec.template.spec.containers[0].command[2].includes("curl -6"));
        assert.ok(jobs[1].inputs.spec.template.spec.containers[0].command[2].includes("http://traefik.traefik.svc.cluster.local:80/"));
        const podServices = registered("kubernetes:core/v1:Service").filter((s) => s.name.startsWith(`${name}-`));
        assert.deepStrictEqual(
            podServices.map((s) => [s.inputs.metadata.name, s.inputs.spec.clusterIP]),
            [
                ["probe-pods-ipv4", "None"],
                ["probe-pods-ipv6", "None"],
            ],
        );
        assert.equal(waits.length, 3);
        for (const dependsOn of waits) {
            assert.ok(dependsOn.includes(app) && dependsOn.includes(ic), "each Job waits for the sample and the ingress");
            assert.equal(dependsOn.length, 4, "and for both pod Services");
        }
        assert.equal(serviceWaits.length, 2);
        for (const dependsOn of serviceWaits)
            assert.deepStrictEqual(dependsOn, [app, ic], "the pod Services wait for the sample and the ingress");
        assert.ok(probe.outsideCommands);
        if (!isPreview) {
            const commands = await valueOf(probe.outsideCommands);
            assert.ok(Array.isArray(commands));
        }
    });

    it("targets the sample its options describe, and takes a single resource as dependsOn", async () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const app = new SampleApp(unique("sample"), { provider, clusterFacts: V4, name: "web", namespace: "shop", containerPort: 8080 });
        assert.deepStrictEqual(app.sampleOptions, { name: "web", namespace: "shop", containerPort: 8080 });
        const waits: unknown[][] = [];
        const probe = new ConnectivityProbe(
            unique("probe"),
            { provider, clusterFacts: V4, sample: app.sampleOptions },
            {
                dependsOn: app,
                transformations: [
                    (a) => {
                        if (a.type === JOB) waits.push(a.opts.dependsOn as unknown[]);
                        return undefined;
                    },
                ],
            },
        );
        await settle();
        const job = registered(JOB).find((j) => j.inputs.metadata.name === probe.jobNames[0]);
        assert.ok(job);
        assert.equal(job.inputs.metadata.namespace, "shop");
        const script: string = job.inputs.spec.template.spec.containers[0].command[2];
        assert.ok(script.includes("http://web-ipv4.shop.svc.cluster.local:80/"), script);
        assert.ok(script.includes("http://probe-pods-ipv4.shop.svc.cluster.local:8080/"), script);
        assert.equal(waits.length, 1);
        assert.equal(waits[0][0], app, "a single dependsOn resource comes first in the Job's dependsOn");
    });

    it("is quiet about the outside probe by default and fails on bad arguments with CP-1", async () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const app = new SampleApp(unique("sample"), { provider, clusterFacts: V4 });
        const probe = new ConnectivityProbe(unique("probe"), { provider, clusterFacts: V4, sample: app.sampleOptions });
        await settle();
        assert.equal(probe.outsideCommands, undefined);
        assert.equal(registered(JOB).length, 1);
        assert.throws(
            () =>
                new ConnectivityProbe(unique("probe"), {
                    provider: {} as k8s.Provider,
                    clusterFacts: V4,
                    sample: { namespace: "Samples!", replicas: 1 },
                    ingress: { namespace: "traefik", ipv6: "Traefik_v6" },
                    loadBalancerAddresses: "10.0.0.1" as unknown as ServiceAddresses[],
                    timeoutSeconds: 5,
                }),
            (e: Error) =>
                [
                    /CP-1 provider/,
                    /CP-1 sample\.namespace: sample\.namespace "Samples!" must be a DNS-1123 label/,
                    /CP-1 sample\.replicas/,
                    /CP-1 ingress\.ipv6: ingress\.ipv6 "Traefik_v6" must be a DNS-1123 label/,
                    /CP-1 loadBalancerAddresses: .*got a string/,
                    /CP-1 timeoutSeconds/,
                ].every((pattern) => pattern.test(e.message)),
        );
    });
});
