/**
 * Thousands of random and malformed Services and cluster facts: checkService never throws and always
 * returns well-formed diagnostics with catalogue ids and no internal error. And for any valid cluster,
 * the builders' own Services pass the linter.
 */
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { SERVICE_RULES } from "../../lib/k8s/catalog";
import { checkService, describeService } from "../../lib/k8s/checkService";
import { ClusterFacts } from "../../lib/k8s/facts";
import { controllerServicePreviews, IngressControllerKind } from "../../lib/k8s/ingressValues";
import { buildSampleApp } from "../../lib/k8s/manifests";

const KNOWN = new Set(SERVICE_RULES.map((r) => r.id));
const SEVERITIES = new Set(["error", "warning", "info"]);

const junk = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.string(),
    fc.constant([]),
    fc.constant({}),
    fc.constant(NaN),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.object({ maxDepth: 1 }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, junk);
const ip = fc.constantFrom("10.0.0.10", "fd12:3456:789a:1::a", "None", "", "10.0.0.300", "::", "10.0.0.10 ", "2001:db8::1");
const annotationKeys = fc.constantFrom(
    "service.beta.kubernetes.io/azure-load-balancer-internal",
    "service.beta.kubernetes.io/azure-load-balancer-health-probe-interval",
    "service.beta.kubernetes.io/azure-load-balancer-health-probe-num-of-probe",
    "service.beta.kubernetes.io/azure-load-balancer-health-probe-protocol",
    "service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path",
    "service.beta.kubernetes.io/port_80_health-probe_interval",
    "service.beta.kubernetes.io/port_80_health-probe_port",
    "service.beta.kubernetes.io/port_443_health-probe_protocol",
    "service.beta.kubernetes.io/azure-pls-create",
    "service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout",
    "service.beta.kubernetes.io/load-balancer-source-ranges",
    "service.beta.kubernetes.io/azure-pip-name-ipv6",
    "service.beta.kubernetes.io/azure-disable-load-balancer-floating-ip",
    "service.beta.kubernetes.io/port_99999999999_health-probe_port",
);
const annotationValue = maybe(
    fc.constantFrom("true", "TRUE", "yes", "5", "3", "60", "x", "-1", "Http", "grpc", "10.0.0.0/8, bad", "", " 7"),
);

const port = fc.record(
    {
        name: maybe(fc.constantFrom("http", "https", "HTTP", "", "a".repeat(70))),
        protocol: maybe(fc.constantFrom("TCP", "UDP", "SCTP", "tcp", "HTTP")),
        port: maybe(fc.integer({ min: -5, max: 70000 })),
        targetPort: maybe(fc.oneof(fc.integer({ min: -1, max: 70000 }), fc.constantFrom("http", "8080", "a--b", "x".repeat(20)))),
        nodePort: maybe(fc.integer({ min: 0, max: 40000 })),
        appProtocol: maybe(fc.constantFrom("http", "kubernetes.io/h2c")),
        extra: maybe(fc.string()),
    },
    { requiredKeys: [] },
);

const spec = fc.record(
    {
        type: maybe(fc.constantFrom("ClusterIP", "NodePort", "LoadBalancer", "ExternalName", "Loadbalancer", "")),
        clusterIP: maybe(ip),
        clusterIPs: maybe(fc.array(maybe(ip), { maxLength: 4 })),
        ipFamilies: maybe(fc.array(maybe(fc.constantFrom("IPv4", "IPv6", "ipv6", "IPv5")), { maxLength: 4 })),
        ipFamilyPolicy: maybe(fc.constantFrom("SingleStack", "PreferDualStack", "RequireDualStack", "DualStack")),
        selector: maybe(fc.dictionary(fc.constantFrom("app", "kubernetes.io/os"), maybe(fc.constantFrom("web", "windows", "linux")))),
        externalTrafficPolicy: maybe(fc.constantFrom("Cluster", "Local", "local", "")),
        internalTrafficPolicy: maybe(fc.constantFrom("Cluster", "Local", "x")),
        healthCheckNodePort: maybe(fc.integer({ min: -1, max: 70000 })),
        allocateLoadBalancerNodePorts: maybe(fc.boolean()),
        loadBalancerSourceRanges: maybe(fc.array(maybe(fc.constantFrom("10.0.0.0/8", "bad", " 2001:db8::/32")), { maxLength: 3 })),
        loadBalancerClass: maybe(fc.constantFrom("example.com/vip", "a/b/c", "")),
        loadBalancerIP: maybe(ip),
        externalIPs: maybe(fc.array(maybe(ip), { maxLength: 3 })),
        externalName: maybe(fc.constantFrom("db.example.com", "Bad_Name", "")),
        sessionAffinity: maybe(fc.constantFrom("None", "ClientIP", "sticky")),
        trafficDistribution: maybe(fc.constantFrom("PreferClose", "PreferSameNode", "x")),
        ports: maybe(fc.array(maybe(port), { maxLength: 4 })),
        ipFamily: maybe(fc.string()),
    },
    { requiredKeys: [] },
);

const service = fc.oneof(
    { weight: 1, arbitrary: junk },
    {
        weight: 8,
        arbitrary: fc.record(
            {
                apiVersion: maybe(fc.constantFrom("v1", "apps/v1")),
                kind: maybe(fc.constantFrom("Service", "Pod")),
                metadata: maybe(
                    fc.record(
                        {
                            name: maybe(fc.constantFrom("web", "web-dual", "1web", "Web", "")),
                            generateName: maybe(fc.constantFrom("web-")),
                            annotations: maybe(fc.dictionary(annotationKeys, annotationValue, { maxKeys: 5 })),
                        },
                        { requiredKeys: [] },
                    ),
                ),
                spec: maybe(spec),
                status: maybe(fc.object({ maxDepth: 1 })),
            },
            { requiredKeys: [] },
        ),
    },
);

const facts = fc.oneof(
    { weight: 1, arbitrary: junk },
    {
        weight: 6,
        arbitrary: fc.record(
            {
                ipFamilies: maybe(fc.constantFrom(["IPv4"], ["IPv4", "IPv6"], ["IPv6"], [], ["IPv6", "IPv4"])),
                kubernetesVersion: maybe(fc.constantFrom("1.26", "1.26.3", "1.27", "1.30", "1.34", "v1.31.2", "x")),
                hasWindowsPools: maybe(fc.boolean()),
                linuxOsSku: maybe(fc.constantFrom("Ubuntu", "AzureLinux", "Mariner")),
                networkDataplane: maybe(fc.constantFrom("azure", "cilium")),
            },
            { requiredKeys: [] },
        ),
    },
);

function checkWellFormed(diagnostics: unknown): void {
    assert.ok(Array.isArray(diagnostics));
    for (const d of diagnostics as { [k: string]: unknown }[]) {
        assert.ok(KNOWN.has(d.ruleId as string), `unknown rule id ${String(d.ruleId)}`);
        assert.ok(SEVERITIES.has(d.severity as string));
        assert.equal(typeof d.path, "string");
        assert.equal(typeof d.message, "string");
        assert.ok((d.message as string).length > 10);
        assert.notEqual(d.ruleId, "SVC-0", `internal error: ${String(d.message)}`);
    }
}

describe("checkService fuzz", () => {
    it("never throws on random and malformed Services and facts (3,000 runs)", () => {
        fc.assert(
            fc.property(service, facts, (svc, f) => {
                const d = checkService(svc, f as ClusterFacts);
                checkWellFormed(d);
                const described = describeService(svc, f as ClusterFacts);
                checkWellFormed(described.diagnostics);
                assert.equal(described.diagnostics.length, d.length);
            }),
            { numRuns: 3000 },
        );
    });

    it("never throws on arbitrary JSON values", () => {
        fc.assert(
            fc.property(fc.jsonValue(), fc.jsonValue(), (svc, f) => {
                checkWellFormed(checkService(svc, f as unknown as ClusterFacts));
            }),
            { numRuns: 1000 },
        );
    });

    it("finds nothing to fault in the builders' Services on any valid cluster", () => {
        const validFacts = fc.record({
            ipFamilies: fc.constantFrom<("IPv4" | "IPv6")[][]>(["IPv4"], ["IPv4", "IPv6"]),
            kubernetesVersion: fc.constantFrom("1.26", "1.27", "1.29", "1.30", "1.33"),
            hasWindowsPools: fc.boolean(),
            linuxOsSku: fc.constantFrom<"Ubuntu" | "AzureLinux">("Ubuntu", "AzureLinux"),
            networkDataplane: fc.constantFrom<"azure" | "cilium">("azure", "cilium"),
        });
        fc.assert(
            fc.property(validFacts, (f) => {
                const app = buildSampleApp(f);
                const settings = {
                    releaseName: "ingress",
                    namespace: "ingress",
                    replicas: 2,
                    ingressClassName: "traefik",
                    internal: false,
                    serviceAnnotations: {},
                    enableGatewayApi: false,
                };
                const services = [
                    ...app.services,
                    ...controllerServicePreviews(IngressControllerKind.Traefik, f, settings),
                    ...controllerServicePreviews(IngressControllerKind.IngressNginx, f, settings),
                ];
                for (const s of services) {
                    const bad = checkService(s, f).filter((d) => d.severity !== "info");
                    assert.deepStrictEqual(bad, [], `${s.metadata.name}: ${JSON.stringify(bad)}`);
                }
            }),
            { numRuns: 200 },
        );
    });
});
