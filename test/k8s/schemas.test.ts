/**
 * Every object the builders return validates offline against the Kubernetes OpenAPI schemas
 * (kubernetes-models 4.x, CommonJS), and the validator does catch a broken object.
 */
import * as assert from "node:assert/strict";
import { ClusterFacts } from "../../lib/k8s/facts";
import {
    buildIngressNginxIpv6Service,
    controllerServicePreviews,
    ControllerSettings,
    IngressControllerKind,
} from "../../lib/k8s/ingressValues";
import { buildSampleApp, buildSampleIngress, KubeManifest } from "../../lib/k8s/manifests";

const { Service } = require("kubernetes-models/v1");
const { Deployment } = require("kubernetes-models/apps/v1");
const { PodDisruptionBudget } = require("kubernetes-models/policy/v1");
const { Ingress } = require("kubernetes-models/networking.k8s.io/v1");

const MODELS: { [kind: string]: new (o: unknown) => { validate(): void } } = { Service, Deployment, PodDisruptionBudget, Ingress };

function validate(m: KubeManifest): void {
    const Model = MODELS[m.kind];
    assert.ok(Model, `no schema for kind ${m.kind}`);
    new Model(m).validate();
}

const clusters: [string, ClusterFacts][] = [
    ["IPv4-only", { ipFamilies: ["IPv4"], kubernetesVersion: "1.30", hasWindowsPools: false, linuxOsSku: "Ubuntu" }],
    ["dual-stack 1.26", { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.26", hasWindowsPools: false, linuxOsSku: "AzureLinux" }],
    ["dual-stack 1.30", { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.30", hasWindowsPools: false, linuxOsSku: "AzureLinux" }],
    ["mixed Windows 1.26", { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.26", hasWindowsPools: true, linuxOsSku: "Ubuntu" }],
    [
        "mixed Windows 1.31",
        {
            ipFamilies: ["IPv4", "IPv6"],
            kubernetesVersion: "1.31",
            hasWindowsPools: true,
            linuxOsSku: "Ubuntu",
            windowsTaints: [{ key: "os", effect: "NoSchedule" }],
        },
    ],
];

const settings: ControllerSettings = {
    releaseName: "ingress",
    namespace: "ingress",
    replicas: 2,
    ingressClassName: "traefik",
    internal: true,
    dnsLabel: "acme-ingress",
    serviceAnnotations: { "service.beta.kubernetes.io/azure-pip-name": "pip-ingress" },
    enableGatewayApi: false,
};

describe("builder output against the Kubernetes schemas", () => {
    for (const [label, facts] of clusters) {
        it(`validates the sample app and its Ingress (${label})`, () => {
            const app = buildSampleApp(facts, { dnsLabelPrefix: "acme" });
            const objects = [
                ...app.deployments,
                ...app.services,
                ...app.podDisruptionBudgets,
                buildSampleIngress(app, { ingressClassName: "traefik", host: "hello.example.com" }),
            ];
            assert.ok(objects.length >= 4);
            for (const o of objects) validate(o);
        });

        it(`validates the controller Services of every option (${label})`, () => {
            const objects = [
                ...Object.values(IngressControllerKind).flatMap((k) => controllerServicePreviews(k, facts, settings)),
                ...[buildIngressNginxIpv6Service(facts, settings)].filter((s): s is KubeManifest => s !== null),
            ];
            assert.ok(objects.length >= 3);
            for (const o of objects) validate(o);
        });
    }

    it("rejects a broken object (the check can fail)", () => {
        const app = buildSampleApp(clusters[2][1]);
        const broken = { ...app.services[0], spec: { ...app.services[0].spec, ipFamilyPolicy: "DualStack" } };
        assert.throws(() => validate(broken), /ipFamilyPolicy/);
        const badPort = { ...app.deployments[0], spec: { ...app.deployments[0].spec, replicas: "2" } };
        assert.throws(() => validate(badPort), /replicas/);
    });
});
