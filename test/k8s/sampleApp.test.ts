/**
 * SampleApp under mocks: the recorded Services, Deployments, disruption budget and Ingress have the
 * right families, policies and node selectors, everything goes through the given provider, the
 * addresses output splits families, and bad arguments fail before anything is created.
 */
import * as assert from "node:assert/strict";
import * as k8s from "@pulumi/kubernetes";
import { ClusterFacts } from "../../lib/k8s/facts";
import { addressesByFamily, SAMPLE_APP_TYPE, SampleApp } from "../../lib/k8s/sampleApp";
import { isPreview, mockState, one, registered, resetMocks, settle, valueOf } from "../helpers/mocks";

const V4: ClusterFacts = { ipFamilies: ["IPv4"], kubernetesVersion: "1.30", hasWindowsPools: false, linuxOsSku: "Ubuntu" };
const DUAL126: ClusterFacts = { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.26", hasWindowsPools: false, linuxOsSku: "AzureLinux" };
const MIXED: ClusterFacts = { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.31", hasWindowsPools: true, linuxOsSku: "AzureLinux" };

let n = 0;
const unique = (prefix: string) => `${prefix}${++n}`;
const SERVICE = "kubernetes:core/v1:Service";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

async function assertAllUse(provider: k8s.Provider): Promise<void> {
    const urn = await valueOf(provider.urn);
    const children = registered().filter((r) => r.type.startsWith("kubernetes:"));
    assert.ok(children.length > 0);
    for (const r of children) assert.ok(r.provider?.startsWith(`${urn}::`), `${r.type} ${r.name} uses provider ${String(r.provider)}`);
}

describe("SampleApp", () => {
    beforeEach(() => resetMocks());

    it("applies a dual-stack Service, a Windows sample and an Ingress on a mixed 1.31 cluster", async () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const name = unique("sample");
        const app = new SampleApp(name, { provider, clusterFacts: MIXED, ingressClassName: "traefik", host: "hello.example.com" });
        await settle();
        assert.equal(one(SAMPLE_APP_TYPE, name).custom, false);
        const dual = one(SERVICE, `${name}-service-hello-dual`).inputs.spec;
        assert.equal(dual.type, "LoadBalancer");
        assert.equal(dual.ipFamilyPolicy, "RequireDualStack");
        assert.deepStrictEqual(dual.ipFamilies, ["IPv4", "IPv6"]);
        assert.equal(dual.externalTrafficPolicy, "Local");
        const win = one(SERVICE, `${name}-service-hello-win-ipv4`).inputs.spec;
        assert.deepStrictEqual([win.ipFamilyPolicy, win.ipFamilies, win.externalTrafficPolicy], ["SingleStack", ["IPv4"], "Cluster"]);

        const linux = one(DEPLOYMENT, `${name}-deployment-hello`).inputs.spec;
        assert.deepStrictEqual(linux.template.spec.nodeSelector, { "kubernetes.io/os": "linux" });
        assert.equal(linux.replicas, 2);
        assert.deepStrictEqual(
            linux.template.spec.topologySpreadConstraints.map((t: { topologyKey: string }) => t.topologyKey),
            ["kubernetes.io/hostname", "topology.kubernetes.io/zone"],
        );
        const windows = one(DEPLOYMENT, `${name}-deployment-hello-win`).inputs.spec;
        assert.deepStrictEqual(windows.template.spec.nodeSelector, { "kubernetes.io/os": "windows" });
        assert.deepStrictEqual(windows.template.spec.tolerations, [
            { key: "kubernetes.io/os", operator: "Equal", value: "windows", effect: "NoSchedule" },
        ]);

        assert.equal(one("kubernetes:policy/v1:PodDisruptionBudget", `${name}-pdb-hello`).inputs.spec.minAvailable, 1);
        assert.equal(one("kubernetes:core/v1:Namespace", `${name}-namespace`).inputs.metadata.name, "samples");
        const ingress = one("kubernetes:networking.k8s.io/v1:Ingress", `${name}-ingress`).inputs.spec;
        assert.equal(ingress.ingressClassName, "traefik");
        assert.deepStrictEqual(
            ingress.rules.map((r: { host: string }) => r.host),
            ["hello.example.com", "windows.hello.example.com"],
        );
        assert.deepStrictEqual(app.warnings, []);
        await assertAllUse(provider);
    });

    it("applies one SingleStack Service per family before 1.27 and no Ingress without a class", async () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const name = unique("sample");
        const app = new SampleApp(name, { provider, clusterFacts: DUAL126, createNamespace: false });
        await settle();
        assert.deepStrictEqual(
            registered(SERVICE).map((r) => [r.name, r.inputs.spec.ipFamilies, r.inputs.spec.externalTrafficPolicy]),
            [
                [`${name}-service-hello-ipv4`, ["IPv4"], "Cluster"],
                [`${name}-service-hello-ipv6`, ["IPv6"], "Local"],
            ],
        );
        assert.equal(registered("kubernetes:networking.k8s.io/v1:Ingress").length, 0);
        assert.equal(registered("kubernetes:core/v1:Namespace").length, 0);
        assert.equal(app.ingress, undefined);
        await assertAllUse(provider);
    });

    it("reports each Service's load-balancer addresses per family", async function () {
        if (isPreview) this.skip(); // status is unknown during preview
        mockState.outputs.set(SERVICE, (args) => ({
            status: {
                loadBalancer: {
                    ingress: (args.inputs.spec.ipFamilies as string[]).map((f) => ({
                        ip: f === "IPv4" ? "20.1.2.3" : "2603:1030:20e:3::5",
                    })),
                },
            },
        }));
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const app = new SampleApp(unique("sample"), { provider, clusterFacts: MIXED });
        assert.deepStrictEqual(await valueOf(app.serviceAddresses), [
            { serviceName: "hello-dual", ipFamilies: ["IPv4", "IPv6"], ipv4: ["20.1.2.3"], ipv6: ["2603:1030:20e:3::5"] },
            { serviceName: "hello-win-ipv4", ipFamilies: ["IPv4"], ipv4: ["20.1.2.3"], ipv6: [] },
        ]);
    });

    it("keeps going with the explicit Cluster opt-out on Azure Linux, warning instead of failing", async () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        const name = unique("sample");
        const app = new SampleApp(name, { provider, clusterFacts: MIXED, allowClusterTrafficPolicyOnIpv6: true });
        await settle();
        assert.equal(one(SERVICE, `${name}-service-hello-dual`).inputs.spec.externalTrafficPolicy, "Cluster");
        assert.ok(app.warnings.some((w) => w.startsWith("allowClusterTrafficPolicyOnIpv6:")));
        assert.ok(app.warnings.some((w) => w.startsWith("Service hello-dual: AZ-1 ")));
    });

    it("fails before creating anything on bad arguments", () => {
        const provider = new k8s.Provider(unique("k8s"), { kubeconfig: "fake" });
        assert.throws(
            () => new SampleApp(unique("sample"), { provider, clusterFacts: V4, replicas: 1, host: "Not A Host" }),
            (e: Error) =>
                /replicas 1/.test(e.message) &&
                /host "Not A Host"/.test(e.message) &&
                /^invalid SampleApp "sample\d+" arguments \(2 problems\)/.test(e.message),
        );
        assert.throws(
            () => new SampleApp(unique("sample"), { provider: {} as k8s.Provider, clusterFacts: V4 }),
            /provider must be the cluster's k8s.Provider/,
        );
        assert.equal(registered(SERVICE).length, 0);
    });
});

describe("addressesByFamily", () => {
    it("splits addresses and ignores hostnames and junk", () => {
        assert.deepStrictEqual(
            addressesByFamily("web", ["IPv4", "IPv6"], {
                loadBalancer: { ingress: [{ ip: "2001:db8::1" }, { hostname: "x.example.com" }, { ip: "10.0.0.7" }, null, { ip: "nope" }] },
            }),
            {
                serviceName: "web",
                ipFamilies: ["IPv4", "IPv6"],
                ipv4: ["10.0.0.7"],
                ipv6: ["2001:db8::1"],
            },
        );
        assert.deepStrictEqual(addressesByFamily("web", ["IPv4"], undefined), {
            serviceName: "web",
            ipFamilies: ["IPv4"],
            ipv4: [],
            ipv6: [],
        });
    });
});
