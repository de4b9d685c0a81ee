/**
 * Gateway API builders, pure: the pinned CRD release, the GatewayClass and Gateway for Traefik, the
 * sample's HTTPRoutes, and the Gateway's Service passing `checkService` on every cluster shape.
 */
import * as assert from "node:assert/strict";
import { checkService } from "../../lib/k8s/checkService";
import { ClusterFacts } from "../../lib/k8s/facts";
import {
    buildGateway,
    buildGatewayClass,
    buildSampleHttpRoutes,
    GATEWAY_API_RELEASE,
    gatewayNames,
    gatewayServicePreviews,
    TRAEFIK_WEB_ENTRY_POINT_PORT,
} from "../../lib/k8s/gatewayApi";
import { buildTraefikValues, ControllerSettings } from "../../lib/k8s/ingressValues";
import { buildSampleApp, KubeManifest } from "../../lib/k8s/manifests";

const { Service } = require("kubernetes-models/v1");

/** A Gateway API model class: validates its data against the schema generated from the upstream CRDs. */
type GatewayModel = new (data: object) => { validate(): void };
interface GatewayModels {
    GatewayClass: GatewayModel;
    Gateway: GatewayModel;
    HTTPRoute: GatewayModel;
}

/**
 * The Gateway API schemas of @kubernetes-models/gateway-api (generated from the upstream standard and
 * experimental CRDs). The package is ESM only; `Function` keeps the `import()` from being compiled to
 * `require`.
 */
const importModule = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;
const gatewayModels = () => importModule("@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1") as Promise<GatewayModels>;

const S: ControllerSettings = {
    releaseName: "traefik",
    namespace: "traefik",
    replicas: 2,
    ingressClassName: "traefik",
    internal: false,
    serviceAnnotations: {},
    enableGatewayApi: true,
};

/** Every cluster shape the Kubernetes tests use, crossed: families, versions, OS SKUs, dataplanes, Windows pools. */
function everyClusterShape(): ClusterFacts[] {
    const out: ClusterFacts[] = [];
    for (const ipFamilies of [["IPv4"], ["IPv4", "IPv6"]] as ClusterFacts["ipFamilies"][])
        for (const kubernetesVersion of ["1.26", "1.27", "1.30", "1.31", "1.34"])
            for (const linuxOsSku of ["Ubuntu", "AzureLinux"] as const)
                for (const networkDataplane of [undefined, "azure", "cilium"] as const)
                    for (const hasWindowsPools of [false, true]) {
                        const facts: ClusterFacts = { ipFamilies, kubernetesVersion, hasWindowsPools, linuxOsSku };
                        if (networkDataplane !== undefined) facts.networkDataplane = networkDataplane;
                        out.push(facts);
                    }
    return out;
}

describe("Gateway API builders", () => {
    it("pins the standard-channel CRDs of the release the Traefik chart names", () => {
        assert.deepStrictEqual(GATEWAY_API_RELEASE, {
            version: "v1.5.1",
            channel: "standard",
            url: "https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.5.1/standard-install.yaml",
        });
        assert.ok(GATEWAY_API_RELEASE.url.includes(`/${GATEWAY_API_RELEASE.version}/${GATEWAY_API_RELEASE.channel}-install.yaml`));
    });

    it("builds Traefik's GatewayClass and a Gateway on its web entry point", () => {
        assert.deepStrictEqual(buildGatewayClass(S), {
            apiVersion: "gateway.networking.k8s.io/v1",
            kind: "GatewayClass",
            metadata: { name: "traefik", labels: { "app.kubernetes.io/managed-by": "pulumi-aks-network" } },
            spec: { controllerName: "traefik.io/gateway-controller" },
        });
        const gateway = buildGateway({ ...S, releaseName: "edge", namespace: "ingress", ingressClassName: "edge-class" });
        assert.deepStrictEqual(gateway.metadata, {
            name: "edge-gateway",
            namespace: "ingress",
            labels: { "app.kubernetes.io/managed-by": "pulumi-aks-network" },
        });
        assert.deepStrictEqual(gateway.spec, {
            gatewayClassName: "edge-class",
            listeners: [{ name: "web", port: 8000, protocol: "HTTP", allowedRoutes: { namespaces: { from: "All" } } }],
        });
    });

    it("listens on the entry point the chart exposes as the Service's port 80", () => {
        const values = buildTraefikValues(
            { ipFamilies: ["IPv4"], kubernetesVersion: "1.30", hasWindowsPools: false, linuxOsSku: "Ubuntu" },
            S,
        ) as {
            ports: { web: { port?: number; expose: { default: boolean } } };
        };
        // The values keep the chart's web entry point (port 8000 in values.yaml), exposed on the Service.
        assert.equal(values.ports.web.port, undefined);
        assert.equal(values.ports.web.expose.default, true);
        assert.equal(TRAEFIK_WEB_ENTRY_POINT_PORT, 8000);
        assert.equal((buildGateway(S).spec.listeners as { port: number }[])[0].port, TRAEFIK_WEB_ENTRY_POINT_PORT);
    });

    it("routes the sample through the Gateway: Linux on any host, Windows on windows.<host>", () => {
        const facts: ClusterFacts = {
            ipFamilies: ["IPv4", "IPv6"],
            kubernetesVersion: "1.31",
            hasWindowsPools: true,
            linuxOsSku: "Ubuntu",
        };
        const app = buildSampleApp(facts);
        const gateway = gatewayNames(S).gateway;
        const anyHost = buildSampleHttpRoutes(app, { gateway });
        assert.equal(anyHost.length, 1);
        assert.deepStrictEqual(anyHost[0].spec, {
            parentRefs: [
                { group: "gateway.networking.k8s.io", kind: "Gateway", name: "traefik-gateway", namespace: "traefik", sectionName: "web" },
            ],
            rules: [
                {
                    matches: [{ path: { type: "PathPrefix", value: "/" } }],
                    backendRefs: [{ group: "", kind: "Service", name: "hello-dual", port: 80 }],
                },
            ],
        });
        assert.equal(anyHost[0].metadata.namespace, "samples");

        const hosts = buildSampleHttpRoutes(app, { gateway, host: "hello.example.com" });
        assert.deepStrictEqual(
            hosts.map((r) => [
                r.metadata.name,
                r.spec.hostnames,
                (r.spec.rules as { backendRefs: { name: string }[] }[])[0].backendRefs[0].name,
            ]),
            [
                ["hello", ["hello.example.com"], "hello-dual"],
                ["hello-windows", ["windows.hello.example.com"], "hello-win-ipv4"],
            ],
        );
        // Each backend is a Service of the sample, on its port.
        for (const r of hosts) {
            const ref = (r.spec.rules as { backendRefs: { name: string; port: number }[] }[])[0].backendRefs[0];
            const svc = app.services.find((s) => s.metadata.name === ref.name);
            assert.ok(svc, ref.name);
            assert.ok((svc.spec.ports as { port: number }[]).some((p) => p.port === ref.port));
        }
    });

    it("routes to the IPv4 Service before 1.27 (the Gateway's own Services carry IPv6)", () => {
        const app = buildSampleApp({
            ipFamilies: ["IPv4", "IPv6"],
            kubernetesVersion: "1.26",
            hasWindowsPools: false,
            linuxOsSku: "Ubuntu",
        });
        const [route] = buildSampleHttpRoutes(app, { gateway: { name: "gw", namespace: "edge", sectionName: "http" } });
        const parent = (route.spec.parentRefs as { name: string; sectionName: string }[])[0];
        assert.deepStrictEqual([parent.name, parent.sectionName], ["gw", "http"]);
        assert.equal((route.spec.rules as { backendRefs: { name: string }[] }[])[0].backendRefs[0].name, "hello-ipv4");
    });
});

describe("the Gateway API objects against the Gateway API schemas", () => {
    const validate = (models: GatewayModels, object: KubeManifest) => {
        const model = models[object.kind as keyof GatewayModels];
        assert.ok(model, `no schema for ${object.kind}`);
        new model(object).validate();
    };

    it("validates the GatewayClass, the Gateway and every HTTPRoute, on every cluster shape, with and without a host", async () => {
        const models = await gatewayModels();
        for (const settings of [S, { ...S, releaseName: "edge", namespace: "ingress", ingressClassName: "edge-class" }]) {
            validate(models, buildGatewayClass(settings));
            validate(models, buildGateway(settings));
            for (const facts of everyClusterShape())
                for (const host of [undefined, "hello.example.com"])
                    for (const route of buildSampleHttpRoutes(buildSampleApp(facts), { gateway: gatewayNames(settings).gateway, host }))
                        validate(models, route);
        }
    });

    it("the check can fail: a Gateway without listeners and a route to a port out of range are refused", async () => {
        const models = await gatewayModels();
        const gateway = buildGateway(S);
        assert.throws(() => validate(models, { ...gateway, spec: { gatewayClassName: "traefik" } }), /listeners/);
        const [route] = buildSampleHttpRoutes(
            buildSampleApp({ ipFamilies: ["IPv4"], kubernetesVersion: "1.31", hasWindowsPools: false, linuxOsSku: "Ubuntu" }),
            {
                gateway: gatewayNames(S).gateway,
            },
        );
        const rules = route.spec.rules as { backendRefs: { port: number }[] }[];
        const broken = {
            ...route,
            spec: { ...route.spec, rules: [{ ...rules[0], backendRefs: [{ ...rules[0].backendRefs[0], port: 70000 }] }] },
        };
        assert.throws(() => validate(models, broken), /port/);
    });
});

describe("the Gateway's Service on every cluster shape", () => {
    const shapes = everyClusterShape();
    it(`passes checkService without errors or warnings and validates against the schema (${shapes.length} shapes x internal/public)`, () => {
        let checked = 0;
        for (const facts of shapes)
            for (const internal of [false, true]) {
                const services = gatewayServicePreviews(facts, { ...S, internal, dnsLabel: "acme-edge" });
                const dual = facts.ipFamilies.length === 2;
                const families = services.flatMap((s) => s.spec.ipFamilies as string[]).sort();
                assert.deepStrictEqual(families, dual ? ["IPv4", "IPv6"] : ["IPv4"], JSON.stringify(facts));
                for (const svc of services) {
                    assert.equal(svc.spec.externalTrafficPolicy, "Local");
                    const both = (svc.spec.ipFamilies as string[]).length === 2;
                    assert.equal(svc.spec.ipFamilyPolicy, both ? "RequireDualStack" : "SingleStack");
                    const findings = checkService(svc, facts).filter((f) => f.severity !== "info");
                    assert.deepStrictEqual(findings, [], `${svc.metadata.name} on ${JSON.stringify(facts)}`);
                    new Service(svc).validate();
                    checked++;
                }
            }
        assert.ok(checked >= shapes.length * 2);
    });

    it("is one RequireDualStack Service from 1.27 and two SingleStack Services before", () => {
        const dual = (v: string): ClusterFacts => ({
            ipFamilies: ["IPv4", "IPv6"],
            kubernetesVersion: v,
            hasWindowsPools: false,
            linuxOsSku: "AzureLinux",
        });
        assert.deepStrictEqual(
            gatewayServicePreviews(dual("1.30"), S).map((s) => [s.metadata.name, s.spec.ipFamilyPolicy, s.spec.ipFamilies]),
            [["traefik", "RequireDualStack", ["IPv4", "IPv6"]]],
        );
        assert.deepStrictEqual(
            gatewayServicePreviews(dual("1.26"), S).map((s) => [s.metadata.name, s.spec.ipFamilies]),
            [
                ["traefik", ["IPv4"]],
                ["traefik-ipv6", ["IPv6"]],
            ],
        );
    });

    it("the check can fail: a Cluster policy on the dual-stack Service is an AZ-1 error on Azure Linux", () => {
        const facts: ClusterFacts = {
            ipFamilies: ["IPv4", "IPv6"],
            kubernetesVersion: "1.30",
            hasWindowsPools: false,
            linuxOsSku: "AzureLinux",
        };
        const [svc] = gatewayServicePreviews(facts, S);
        const broken = { ...svc, spec: { ...svc.spec, externalTrafficPolicy: "Cluster" } };
        assert.ok(checkService(broken, facts).some((f) => f.ruleId === "AZ-1" && f.severity === "error"));
    });
});
