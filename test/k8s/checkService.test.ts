/**
 * checkService: every rule firing (rule id, severity, path) and a near miss where it does not; the
 * API server's defaulting before the checks; and, last, the catalogue: every rule at every severity it
 * lists has a firing case here, and no case fires an id missing from the catalogue.
 */
import * as assert from "node:assert/strict";
import { SERVICE_RULES } from "../../lib/k8s/catalog";
import { checkService, describeService } from "../../lib/k8s/checkService";
import { ClusterFacts } from "../../lib/k8s/facts";
import { Diagnostic, PathMap } from "../../lib/core/diagnostic";

const V4: ClusterFacts = { ipFamilies: ["IPv4"], kubernetesVersion: "1.30", hasWindowsPools: false, linuxOsSku: "AzureLinux" };
const DUAL: ClusterFacts = { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.30", hasWindowsPools: false, linuxOsSku: "AzureLinux" };
const DUAL_UBUNTU: ClusterFacts = { ...DUAL, linuxOsSku: "Ubuntu" };
const DUAL_CILIUM: ClusterFacts = { ...DUAL, linuxOsSku: "Ubuntu", networkDataplane: "cilium" };
const DUAL_126: ClusterFacts = { ...DUAL, kubernetesVersion: "1.26.3" };
const WIN: ClusterFacts = { ...DUAL, hasWindowsPools: true };

const A = "service.beta.kubernetes.io/";
const ann = (key: string) => `metadata.annotations["${A}${key}"]`;

type Spec = { [key: string]: unknown };
/** A clean LoadBalancer Service; `spec` entries replace (undefined removes) the baseline's. */
function lb(spec: Spec = {}, annotations?: { [key: string]: unknown }, name: unknown = "web"): { [key: string]: unknown } {
    const base: Spec = {
        type: "LoadBalancer",
        ipFamilyPolicy: "SingleStack",
        ipFamilies: ["IPv4"],
        externalTrafficPolicy: "Local",
        selector: { app: "web" },
        ports: [{ name: "http", protocol: "TCP", port: 80, targetPort: 8080 }],
    };
    const merged: Spec = { ...base, ...spec };
    for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
    const metadata: { [key: string]: unknown } = { name };
    if (annotations) metadata.annotations = annotations;
    return { apiVersion: "v1", kind: "Service", metadata, spec: merged };
}
const dualLb = (spec: Spec = {}, annotations?: { [key: string]: unknown }) =>
    lb({ ipFamilyPolicy: "RequireDualStack", ipFamilies: ["IPv4", "IPv6"], ...spec }, annotations);
const clusterIp = (spec: Spec = {}) => lb({ type: "ClusterIP", externalTrafficPolicy: undefined, ...spec });

const fired = new Set<string>();
const emitted = new Set<string>();

function run(svc: unknown, facts: unknown): Diagnostic[] {
    const d = checkService(svc, facts as ClusterFacts);
    for (const x of d) emitted.add(x.ruleId);
    return d;
}
function fires(svc: unknown, facts: unknown, ruleId: string, severity: string, path: string): Diagnostic {
    const d = run(svc, facts);
    const hit = d.find((x) => x.ruleId === ruleId && x.severity === severity && x.path === path);
    assert.ok(
        hit,
        `expected ${ruleId} ${severity} at ${JSON.stringify(path)}, got ${JSON.stringify(d.map((x) => [x.ruleId, x.severity, x.path]))}`,
    );
    fired.add(`${ruleId}:${severity}`);
    return hit;
}
function silent(svc: unknown, facts: unknown, ruleId: string): void {
    const d = run(svc, facts).filter((x) => x.ruleId === ruleId);
    assert.deepStrictEqual(d, [], `${ruleId} should not fire`);
}

describe("checkService", () => {
    describe("clean Services", () => {
        it("reports nothing for an explicit IPv4 Service on an IPv4-only cluster", () => {
            assert.deepStrictEqual(run(lb(), V4), []);
        });
        it("reports nothing for RequireDualStack [IPv4, IPv6] with Local on a dual-stack 1.30 cluster", () => {
            assert.deepStrictEqual(run(dualLb(), DUAL), []);
        });
        it("reports nothing for the pre-1.27 pair of SingleStack Services", () => {
            assert.deepStrictEqual(run(lb({ externalTrafficPolicy: "Cluster" }), DUAL_126), []);
            assert.deepStrictEqual(run(lb({ ipFamilies: ["IPv6"] }), DUAL_126), []);
        });
    });

    describe("input shape (SVC-0 to SVC-4)", () => {
        it("SVC-0: reports an internal error instead of throwing", () => {
            const hostile = { metadata: { name: "web" } };
            Object.defineProperty(hostile, "spec", {
                enumerable: true,
                get() {
                    throw new Error("boom");
                },
            });
            const d = fires(hostile, V4, "SVC-0", "error", "");
            assert.match(d.message, /boom/);
        });
        it("SVC-1: not an object, not a Service, not v1", () => {
            fires(null, V4, "SVC-1", "error", "");
            fires([lb()], V4, "SVC-1", "error", "");
            fires(42, V4, "SVC-1", "error", "");
            fires({ ...lb(), kind: "Pod" }, V4, "SVC-1", "error", "kind");
            fires({ ...lb(), apiVersion: "apps/v1" }, V4, "SVC-1", "error", "apiVersion");
            silent({ metadata: { name: "web" }, spec: lb().spec }, V4, "SVC-1");
        });
        it("SVC-2: wrong JSON types", () => {
            fires(lb({ ports: "80" }), V4, "SVC-2", "error", "spec.ports");
            fires(lb({ ports: [{ name: "http", port: "80" }] }), V4, "SVC-2", "error", "spec.ports[0].port");
            fires(lb({ ports: [null] }), V4, "SVC-2", "error", "spec.ports[0]");
            fires(lb({ ipFamilies: "IPv4" }), V4, "SVC-2", "error", "spec.ipFamilies");
            fires(lb({}, { [`${A}azure-load-balancer-internal`]: true }), V4, "SVC-2", "error", ann("azure-load-balancer-internal"));
            fires({ metadata: { name: "web" }, spec: [] }, V4, "SVC-2", "error", "spec");
            silent(lb({}, { [`${A}azure-load-balancer-internal`]: "true" }), V4, "SVC-2");
        });
        it("SVC-3: unknown fields, with a suggestion", () => {
            const d = fires(lb({ ipFamily: "IPv6" }), V4, "SVC-3", "warning", "spec.ipFamily");
            assert.match(d.message, /did you mean ipFamilies\?/);
            fires(lb({ ports: [{ name: "http", port: 80, nodeport: 30080 }] }), V4, "SVC-3", "warning", "spec.ports[0].nodeport");
            silent(lb(), V4, "SVC-3");
        });
        it("SVC-4: malformed cluster facts fall back and say so", () => {
            fires(lb(), { ...V4, ipFamilies: ["IPv6"] }, "SVC-4", "error", "cluster.ipFamilies");
            fires(lb(), { ...V4, kubernetesVersion: "latest" }, "SVC-4", "error", "cluster.kubernetesVersion");
            fires(lb(), { ...V4, hasWindowsPools: "no" }, "SVC-4", "error", "cluster.hasWindowsPools");
            fires(lb(), { ...V4, linuxOsSku: "Mariner" }, "SVC-4", "error", "cluster.linuxOsSku");
            fires(lb(), { ...V4, networkDataplane: "calico" }, "SVC-4", "error", "cluster.networkDataplane");
            fires(lb(), null, "SVC-4", "error", "cluster");
            silent(lb(), { ...V4, kubernetesVersion: "v1.30.4" }, "SVC-4");
        });
    });

    describe("Kubernetes API: names, types and ports", () => {
        it("K8S-1: metadata.name is a DNS-1035 label", () => {
            fires(lb({}, undefined, "1web"), V4, "K8S-1", "error", "metadata.name");
            fires(lb({}, undefined, "Web"), V4, "K8S-1", "error", "metadata.name");
            fires(lb({}, undefined, null), V4, "K8S-1", "error", "metadata.name");
            fires({ spec: lb().spec }, V4, "K8S-1", "error", "metadata.name");
            silent({ metadata: { generateName: "web-" }, spec: lb().spec }, V4, "K8S-1");
            silent(lb({}, undefined, "web-ipv4"), V4, "K8S-1");
        });
        it("SVC-5: spec.type values are case-sensitive", () => {
            const d = fires(lb({ type: "Loadbalancer" }), V4, "SVC-5", "error", "spec.type");
            assert.match(d.message, /did you mean "LoadBalancer"/);
            silent(lb({ type: "NodePort" }), V4, "SVC-5");
        });
        it("K8S-2: ports are required except for headless and ExternalName", () => {
            fires(clusterIp({ ports: [] }), V4, "K8S-2", "error", "spec.ports");
            silent(clusterIp({ ports: [], clusterIP: "None" }), V4, "K8S-2");
            silent({ metadata: { name: "db" }, spec: { type: "ExternalName", externalName: "db.example.com" } }, V4, "K8S-2");
        });
        it("K8S-3: port names", () => {
            fires(lb({ ports: [{ name: "http", port: 80 }, { port: 443 }] }), V4, "K8S-3", "error", "spec.ports[1].name");
            fires(
                lb({
                    ports: [
                        { name: "http", port: 80 },
                        { name: "http", port: 443 },
                    ],
                }),
                V4,
                "K8S-3",
                "error",
                "spec.ports[1].name",
            );
            fires(lb({ ports: [{ name: "HTTP", port: 80 }] }), V4, "K8S-3", "error", "spec.ports[0].name");
            silent(lb({ ports: [{ port: 80 }] }), V4, "K8S-3");
        });
        it("K8S-4: duplicate (protocol, port) and (protocol, nodePort)", () => {
            fires(
                lb({
                    ports: [
                        { name: "a", port: 80 },
                        { name: "b", port: 80, protocol: "TCP" },
                    ],
                }),
                V4,
                "K8S-4",
                "error",
                "spec.ports[1]",
            );
            fires(
                lb({
                    ports: [
                        { name: "a", port: 80, nodePort: 30080 },
                        { name: "b", port: 80, nodePort: 30080, protocol: "TCP" },
                    ],
                }),
                V4,
                "K8S-4",
                "error",
                "spec.ports[1].nodePort",
            );
            silent(
                lb({
                    ports: [
                        { name: "dns", port: 53 },
                        { name: "dns-udp", port: 53, protocol: "UDP" },
                    ],
                }),
                V4,
                "K8S-4",
            );
        });
        it("K8S-5: protocol is TCP, UDP or SCTP (case-sensitive)", () => {
            const d = fires(lb({ ports: [{ name: "http", port: 80, protocol: "tcp" }] }), V4, "K8S-5", "error", "spec.ports[0].protocol");
            assert.match(d.message, /did you mean "TCP"/);
            silent(lb({ ports: [{ name: "sctp", port: 80, protocol: "SCTP" }] }), V4, "K8S-5");
        });
        it("SVC-6: port and targetPort values", () => {
            fires(lb({ ports: [{ name: "http", port: 0 }] }), V4, "SVC-6", "error", "spec.ports[0].port");
            fires(lb({ ports: [{ name: "http" }] }), V4, "SVC-6", "error", "spec.ports[0].port");
            fires(lb({ ports: [{ name: "http", port: 80, targetPort: 70000 }] }), V4, "SVC-6", "error", "spec.ports[0].targetPort");
            const d = fires(
                lb({ ports: [{ name: "http", port: 80, targetPort: "8080" }] }),
                V4,
                "SVC-6",
                "error",
                "spec.ports[0].targetPort",
            );
            assert.match(d.message, /write it as a number/);
            silent(lb({ ports: [{ name: "http", port: 80, targetPort: "http" }] }), V4, "SVC-6");
        });
        it("K8S-6: LoadBalancer and NodePort Services are not headless", () => {
            fires(lb({ clusterIP: "None" }), V4, "K8S-6", "error", "spec.clusterIP");
            fires(lb({ type: "NodePort", clusterIP: "None", clusterIPs: ["None"] }), V4, "K8S-6", "error", "spec.clusterIPs[0]");
            silent(clusterIp({ clusterIP: "None" }), V4, "K8S-6");
        });
        it("K8S-7: no nodePort on ClusterIP (type omitted is ClusterIP)", () => {
            fires(clusterIp({ ports: [{ name: "http", port: 80, nodePort: 30080 }] }), V4, "K8S-7", "error", "spec.ports[0].nodePort");
            fires(
                clusterIp({ type: undefined, ports: [{ name: "http", port: 80, nodePort: 30080 }] }),
                V4,
                "K8S-7",
                "error",
                "spec.ports[0].nodePort",
            );
            silent(lb({ ports: [{ name: "http", port: 80, nodePort: 30080 }] }), V4, "K8S-7");
        });
        it("SVC-7: ExternalName needs a DNS name", () => {
            fires({ metadata: { name: "db" }, spec: { type: "ExternalName" } }, V4, "SVC-7", "error", "spec.externalName");
            fires(
                { metadata: { name: "db" }, spec: { type: "ExternalName", externalName: "Bad_Name" } },
                V4,
                "SVC-7",
                "error",
                "spec.externalName",
            );
            silent({ metadata: { name: "db" }, spec: { type: "ExternalName", externalName: "db.example.com." } }, V4, "SVC-7");
        });
        it("SVC-8: sessionAffinity is None or ClientIP", () => {
            fires(lb({ sessionAffinity: "clientip" }), V4, "SVC-8", "error", "spec.sessionAffinity");
            silent(lb({ sessionAffinity: "ClientIP" }), V4, "SVC-8");
        });
        it("SVC-9: externalIPs are IP addresses", () => {
            fires(clusterIp({ externalIPs: ["1.2.3"] }), V4, "SVC-9", "error", "spec.externalIPs[0]");
            silent(clusterIp({ externalIPs: ["203.0.113.7"] }), V4, "SVC-9");
        });
    });

    describe("Kubernetes API: node ports and health-check node ports", () => {
        it("SVC-10: requested node ports lie in 30000-32767", () => {
            fires(lb({ ports: [{ name: "http", port: 80, nodePort: 8080 }] }), V4, "SVC-10", "error", "spec.ports[0].nodePort");
            silent(lb({ ports: [{ name: "http", port: 80, nodePort: 32767 }] }), V4, "SVC-10");
        });
        it("SVC-11: one node port per Service port number", () => {
            fires(
                lb({
                    ports: [
                        { name: "a", port: 80, nodePort: 30080 },
                        { name: "b", port: 443, nodePort: 30080, protocol: "UDP" },
                    ],
                }),
                V4,
                "SVC-11",
                "error",
                "spec.ports[1].nodePort",
            );
            silent(
                lb({
                    ports: [
                        { name: "a", port: 53, nodePort: 30053 },
                        { name: "b", port: 53, nodePort: 30053, protocol: "UDP" },
                    ],
                }),
                V4,
                "SVC-11",
            );
        });
        it("K8S-16: healthCheckNodePort only with LoadBalancer and Local", () => {
            fires(lb({ externalTrafficPolicy: "Cluster", healthCheckNodePort: 30100 }), V4, "K8S-16", "error", "spec.healthCheckNodePort");
            fires(lb({ type: "NodePort", healthCheckNodePort: 30100 }), V4, "K8S-16", "error", "spec.healthCheckNodePort");
            silent(lb({ healthCheckNodePort: 30100 }), V4, "K8S-16");
        });
        it("K8S-17: healthCheckNodePort in range and free", () => {
            fires(lb({ healthCheckNodePort: 10256 }), V4, "K8S-17", "error", "spec.healthCheckNodePort");
            fires(lb({ healthCheckNodePort: 70000 }), V4, "K8S-17", "error", "spec.healthCheckNodePort");
            fires(
                lb({ healthCheckNodePort: 30080, ports: [{ name: "http", port: 80, nodePort: 30080 }] }),
                V4,
                "K8S-17",
                "error",
                "spec.healthCheckNodePort",
            );
            silent(lb({ healthCheckNodePort: 30081, ports: [{ name: "http", port: 80, nodePort: 30080 }] }), V4, "K8S-17");
        });
    });

    describe("Kubernetes API: families, policies and cluster IPs", () => {
        it("K8S-8: ipFamilies values (case-sensitive) and duplicates", () => {
            const d = fires(lb({ ipFamilies: ["ipv6"] }), DUAL, "K8S-8", "error", "spec.ipFamilies[0]");
            assert.match(d.message, /did you mean "IPv6"/);
            fires(lb({ ipFamilyPolicy: "RequireDualStack", ipFamilies: ["IPv4", "IPv4"] }), DUAL, "K8S-8", "error", "spec.ipFamilies[1]");
            silent(dualLb(), DUAL, "K8S-8");
        });
        it("K8S-9: ipFamilyPolicy values", () => {
            fires(lb({ ipFamilyPolicy: "DualStack" }), DUAL, "K8S-9", "error", "spec.ipFamilyPolicy");
            fires(lb({ ipFamilyPolicy: "requireDualStack" }), DUAL, "K8S-9", "error", "spec.ipFamilyPolicy");
            silent(lb({ ipFamilyPolicy: "PreferDualStack", ipFamilies: ["IPv4", "IPv6"] }), DUAL, "K8S-9");
        });
        it("K8S-10: clusterIP and clusterIPs agree (a lone clusterIP is normalised)", () => {
            fires(clusterIp({ clusterIPs: ["10.0.0.5"] }), V4, "K8S-10", "error", "spec.clusterIPs");
            fires(clusterIp({ clusterIP: "10.0.0.5", clusterIPs: ["10.0.0.6"] }), V4, "K8S-10", "error", "spec.clusterIPs");
            silent(clusterIp({ clusterIP: "10.0.0.5" }), V4, "K8S-10");
            silent(clusterIp({ clusterIP: "10.0.0.5", clusterIPs: ["10.0.0.5"] }), V4, "K8S-10");
        });
        it("K8S-11: clusterIPs count, families, None and validity", () => {
            const three = ["10.0.0.5", "fd00::5", "10.0.0.6"];
            fires(
                clusterIp({ ipFamilyPolicy: "RequireDualStack", ipFamilies: undefined, clusterIP: three[0], clusterIPs: three }),
                DUAL,
                "K8S-11",
                "error",
                "spec.clusterIPs",
            );
            fires(
                clusterIp({
                    ipFamilyPolicy: "RequireDualStack",
                    ipFamilies: undefined,
                    clusterIP: "10.0.0.5",
                    clusterIPs: ["10.0.0.5", "10.0.0.6"],
                }),
                DUAL,
                "K8S-11",
                "error",
                "spec.clusterIPs",
            );
            fires(clusterIp({ clusterIP: "None", clusterIPs: ["None", "10.0.0.5"] }), DUAL, "K8S-11", "error", "spec.clusterIPs");
            fires(clusterIp({ clusterIP: "10.0.0.300" }), V4, "K8S-11", "error", "spec.clusterIPs[0]");
            silent(
                clusterIp({
                    ipFamilyPolicy: "RequireDualStack",
                    ipFamilies: ["IPv4", "IPv6"],
                    clusterIP: "10.0.0.5",
                    clusterIPs: ["10.0.0.5", "fd00::5"],
                }),
                DUAL,
                "K8S-11",
            );
        });
        it("K8S-12: clusterIPs[i] matches ipFamilies[i]", () => {
            fires(clusterIp({ clusterIP: "fd00::5", ipFamilies: ["IPv4"] }), DUAL, "K8S-12", "error", "spec.clusterIPs[0]");
            silent(clusterIp({ clusterIP: "fd00::5", ipFamilies: ["IPv6"] }), DUAL, "K8S-12");
        });
        it("K8S-13: ExternalName has no families, policy or cluster IPs", () => {
            const ext = (spec: Spec) => ({
                metadata: { name: "db" },
                spec: { type: "ExternalName", externalName: "db.example.com", ...spec },
            });
            fires(ext({ ipFamilyPolicy: "SingleStack" }), V4, "K8S-13", "error", "spec.ipFamilyPolicy");
            fires(ext({ ipFamilies: ["IPv4"] }), V4, "K8S-13", "error", "spec.ipFamilies");
            fires(ext({ clusterIP: "10.0.0.5" }), V4, "K8S-13", "error", "spec.clusterIPs");
            silent(ext({}), V4, "K8S-13");
        });
        it("K8S-23 / K8S-24: SingleStack (also when omitted) with two IPs or two families", () => {
            fires(
                clusterIp({ ipFamilies: undefined, clusterIP: "10.0.0.5", clusterIPs: ["10.0.0.5", "fd00::5"] }),
                DUAL,
                "K8S-23",
                "error",
                "spec.ipFamilyPolicy",
            );
            fires(lb({ ipFamilies: ["IPv4", "IPv6"] }), DUAL, "K8S-24", "error", "spec.ipFamilyPolicy");
            const d = fires(
                lb({ ipFamilyPolicy: undefined, ipFamilies: ["IPv4", "IPv6"] }),
                DUAL,
                "K8S-24",
                "error",
                "spec.ipFamilyPolicy",
            );
            assert.match(d.message, /omitted, so SingleStack/);
            silent(dualLb(), DUAL, "K8S-24");
        });
        it("K8S-25: RequireDualStack on a single-stack cluster (not for headless selectorless Services)", () => {
            fires(lb({ ipFamilyPolicy: "RequireDualStack" }), V4, "K8S-25", "error", "spec.ipFamilyPolicy");
            silent(lb({ ipFamilyPolicy: "PreferDualStack" }), V4, "K8S-25");
            silent({ metadata: { name: "peers" }, spec: { clusterIP: "None", ipFamilyPolicy: "RequireDualStack" } }, V4, "K8S-25");
        });
        it("K8S-26: families and cluster IPs the cluster does not have", () => {
            fires(lb({ ipFamilies: ["IPv6"] }), V4, "K8S-26", "error", "spec.ipFamilies[0]");
            fires(clusterIp({ ipFamilies: undefined, clusterIP: "fd00::5" }), V4, "K8S-26", "error", "spec.clusterIPs[0]");
            silent(lb({ ipFamilies: ["IPv6"] }), DUAL, "K8S-26");
            silent({ metadata: { name: "peers" }, spec: { clusterIP: "None", ipFamilies: ["IPv6"] } }, V4, "K8S-26");
        });
    });

    describe("Kubernetes API: traffic policies and LoadBalancer-only fields", () => {
        it("K8S-14: externalTrafficPolicy only when externally accessible (ClusterIP with externalIPs is)", () => {
            fires(clusterIp({ externalTrafficPolicy: "Local" }), V4, "K8S-14", "error", "spec.externalTrafficPolicy");
            fires(
                { metadata: { name: "web" }, spec: { externalTrafficPolicy: "Cluster", selector: { app: "web" }, ports: [{ port: 80 }] } },
                V4,
                "K8S-14",
                "error",
                "spec.externalTrafficPolicy",
            );
            silent(clusterIp({ externalTrafficPolicy: "Local", externalIPs: ["203.0.113.7"] }), V4, "K8S-14");
        });
        it("K8S-15: externalTrafficPolicy is Cluster or Local (case-sensitive)", () => {
            const d = fires(lb({ externalTrafficPolicy: "local" }), V4, "K8S-15", "error", "spec.externalTrafficPolicy");
            assert.match(d.message, /did you mean "Local"/);
            silent(lb({ externalTrafficPolicy: "Cluster" }), V4, "K8S-15");
        });
        it("K8S-18: allocateLoadBalancerNodePorts only on LoadBalancer", () => {
            fires(
                lb({ type: "NodePort", allocateLoadBalancerNodePorts: true }),
                V4,
                "K8S-18",
                "error",
                "spec.allocateLoadBalancerNodePorts",
            );
            silent(lb({ allocateLoadBalancerNodePorts: true }), V4, "K8S-18");
        });
        it("K8S-19: loadBalancerSourceRanges (field or annotation)", () => {
            fires(clusterIp({ loadBalancerSourceRanges: ["203.0.113.0/24"] }), V4, "K8S-19", "error", "spec.loadBalancerSourceRanges");
            fires(lb({ loadBalancerSourceRanges: ["203.0.113.0"] }), V4, "K8S-19", "error", "spec.loadBalancerSourceRanges[0]");
            fires(
                lb({}, { [`${A}load-balancer-source-ranges`]: "203.0.113.0/24, nope" }),
                V4,
                "K8S-19",
                "error",
                ann("load-balancer-source-ranges"),
            );
            fires(
                lb({ type: "NodePort" }, { [`${A}load-balancer-source-ranges`]: "203.0.113.0/24" }),
                V4,
                "K8S-19",
                "error",
                ann("load-balancer-source-ranges"),
            );
            silent(lb({ loadBalancerSourceRanges: [" 203.0.113.0/24", "2001:db8::/32"] }), V4, "K8S-19");
        });
        it("K8S-20: loadBalancerClass only on LoadBalancer, a qualified name", () => {
            fires(clusterIp({ loadBalancerClass: "example.com/vip" }), V4, "K8S-20", "error", "spec.loadBalancerClass");
            fires(lb({ loadBalancerClass: "a/b/c" }), V4, "K8S-20", "error", "spec.loadBalancerClass");
            silent(lb({ loadBalancerClass: "example.com/vip" }), V4, "K8S-20");
        });
        it("K8S-21: internalTrafficPolicy is Cluster or Local", () => {
            fires(lb({ internalTrafficPolicy: "local" }), V4, "K8S-21", "error", "spec.internalTrafficPolicy");
            silent(lb({ internalTrafficPolicy: "Local" }), V4, "K8S-21");
        });
        it("K8S-22: trafficDistribution values by Kubernetes version", () => {
            fires(lb({ trafficDistribution: "PreferSameZone" }), V4, "K8S-22", "error", "spec.trafficDistribution");
            fires(
                lb({ trafficDistribution: "Nearest" }),
                { ...V4, kubernetesVersion: "1.34" },
                "K8S-22",
                "error",
                "spec.trafficDistribution",
            );
            silent(lb({ trafficDistribution: "PreferSameZone" }), { ...V4, kubernetesVersion: "1.34" }, "K8S-22");
            silent(lb({ trafficDistribution: "PreferClose" }), V4, "K8S-22");
        });
        it("SVC-12: dual-stack policy without both families warns; omitted fields are info", () => {
            fires(lb({ ipFamilyPolicy: "RequireDualStack", ipFamilies: undefined }), DUAL, "SVC-12", "warning", "spec.ipFamilies");
            fires(lb({ ipFamilyPolicy: "PreferDualStack", ipFamilies: ["IPv4"] }), DUAL, "SVC-12", "warning", "spec.ipFamilies");
            fires(lb({ ipFamilyPolicy: undefined }), V4, "SVC-12", "info", "spec.ipFamilyPolicy");
            fires(lb({ ipFamilies: undefined }), V4, "SVC-12", "info", "spec.ipFamilies");
            silent(dualLb(), DUAL, "SVC-12");
            silent(clusterIp({ ipFamilyPolicy: undefined, ipFamilies: undefined }), V4, "SVC-12");
        });
    });

    describe("AKS and Azure load balancer", () => {
        it("AZ-1: IPv6 with Cluster is an error on Azure Linux and Cilium, a warning on Ubuntu", () => {
            fires(dualLb({ externalTrafficPolicy: "Cluster" }), DUAL, "AZ-1", "error", "spec.externalTrafficPolicy");
            fires(
                lb({ ipFamilies: ["IPv6"], externalTrafficPolicy: "Cluster" }),
                DUAL_CILIUM,
                "AZ-1",
                "error",
                "spec.externalTrafficPolicy",
            );
            fires(dualLb({ externalTrafficPolicy: "Cluster" }), DUAL_UBUNTU, "AZ-1", "warning", "spec.externalTrafficPolicy");
            silent(dualLb(), DUAL, "AZ-1");
            silent(lb({ externalTrafficPolicy: "Cluster" }), DUAL, "AZ-1");
            silent(dualLb({ type: "NodePort", externalTrafficPolicy: "Cluster" }), DUAL, "AZ-1");
        });
        it("AZ-1 on the effective Service: omitted policy is Cluster, PreferDualStack gains IPv6 on dual-stack clusters only", () => {
            fires(dualLb({ externalTrafficPolicy: undefined }), DUAL, "AZ-1", "error", "spec.externalTrafficPolicy");
            fires(
                lb({ ipFamilyPolicy: "PreferDualStack", ipFamilies: ["IPv4"], externalTrafficPolicy: "Cluster" }),
                DUAL,
                "AZ-1",
                "error",
                "spec.externalTrafficPolicy",
            );
            silent(lb({ ipFamilyPolicy: "PreferDualStack", ipFamilies: ["IPv4"], externalTrafficPolicy: "Cluster" }), V4, "AZ-1");
            silent(lb({ ipFamilyPolicy: "SingleStack", ipFamilies: undefined, externalTrafficPolicy: "Cluster" }), DUAL, "AZ-1");
        });
        it("LB-1: before 1.27 only the first family gets a frontend", () => {
            fires(dualLb(), DUAL_126, "LB-1", "error", "spec.ipFamilyPolicy");
            fires(dualLb({ ipFamilyPolicy: "PreferDualStack" }), DUAL_126, "LB-1", "warning", "spec.ipFamilyPolicy");
            silent(dualLb(), { ...DUAL, kubernetesVersion: "1.27" }, "LB-1");
            silent(dualLb({ type: "ClusterIP", externalTrafficPolicy: undefined }), DUAL_126, "LB-1");
        });
        it("LB-2: probe settings Local ignores, and per-port keys for ports the Service lacks", () => {
            fires(
                lb({}, { [`${A}azure-load-balancer-health-probe-request-path`]: "/healthz" }),
                V4,
                "LB-2",
                "warning",
                ann("azure-load-balancer-health-probe-request-path"),
            );
            fires(lb({}, { [`${A}port_80_health-probe_protocol`]: "Http" }), V4, "LB-2", "warning", ann("port_80_health-probe_protocol"));
            fires(
                lb({ externalTrafficPolicy: "Cluster" }, { [`${A}port_8080_health-probe_protocol`]: "Http" }),
                V4,
                "LB-2",
                "warning",
                ann("port_8080_health-probe_protocol"),
            );
            silent(
                lb({ externalTrafficPolicy: "Cluster" }, { [`${A}azure-load-balancer-health-probe-request-path`]: "/healthz" }),
                V4,
                "LB-2",
            );
            silent(lb({}, { [`${A}port_80_health-probe_protocol`]: "Http", [`${A}port_80_health-probe_port`]: "8081" }), V4, "LB-2");
        });
        it("LB-3: probe interval and count limits", () => {
            fires(
                lb({}, { [`${A}azure-load-balancer-health-probe-interval`]: "3" }),
                V4,
                "LB-3",
                "error",
                ann("azure-load-balancer-health-probe-interval"),
            );
            fires(
                lb({}, { [`${A}azure-load-balancer-health-probe-num-of-probe`]: "x" }),
                V4,
                "LB-3",
                "error",
                ann("azure-load-balancer-health-probe-num-of-probe"),
            );
            fires(
                lb(
                    {},
                    { [`${A}azure-load-balancer-health-probe-interval`]: "60", [`${A}azure-load-balancer-health-probe-num-of-probe`]: "2" },
                ),
                V4,
                "LB-3",
                "error",
                ann("azure-load-balancer-health-probe-interval"),
            );
            fires(
                lb({}, { [`${A}port_80_health-probe_interval`]: "30", [`${A}azure-load-balancer-health-probe-num-of-probe`]: "4" }),
                V4,
                "LB-3",
                "error",
                ann("port_80_health-probe_interval"),
            );
            silent(
                lb(
                    {},
                    { [`${A}azure-load-balancer-health-probe-interval`]: "5", [`${A}azure-load-balancer-health-probe-num-of-probe`]: "23" },
                ),
                V4,
                "LB-3",
            );
        });
        it("LB-4: a per-port probe port on an IPv6 Local Service", () => {
            fires(dualLb({}, { [`${A}port_80_health-probe_port`]: "8081" }), DUAL, "LB-4", "warning", ann("port_80_health-probe_port"));
            silent(lb({}, { [`${A}port_80_health-probe_port`]: "8081" }), DUAL, "LB-4");
        });
        it("LB-5: allocateLoadBalancerNodePorts false where node ports are needed", () => {
            fires(
                lb({ allocateLoadBalancerNodePorts: false }, { [`${A}azure-disable-load-balancer-floating-ip`]: "true" }),
                V4,
                "LB-5",
                "error",
                "spec.allocateLoadBalancerNodePorts",
            );
            fires(
                dualLb({ allocateLoadBalancerNodePorts: false }, { [`${A}azure-load-balancer-internal`]: "TRUE" }),
                DUAL,
                "LB-5",
                "error",
                "spec.allocateLoadBalancerNodePorts",
            );
            fires(
                lb({ allocateLoadBalancerNodePorts: false, externalTrafficPolicy: "Cluster" }),
                V4,
                "LB-5",
                "warning",
                "spec.allocateLoadBalancerNodePorts",
            );
            silent(dualLb({ allocateLoadBalancerNodePorts: false }), DUAL, "LB-5");
            silent(dualLb({ allocateLoadBalancerNodePorts: false }, { [`${A}azure-load-balancer-internal`]: "yes" }), DUAL, "LB-5");
        });
        it("LB-6: boolean annotations other than true/false (any case) count as false", () => {
            const d = fires(
                lb({}, { [`${A}azure-load-balancer-internal`]: "yes" }),
                V4,
                "LB-6",
                "warning",
                ann("azure-load-balancer-internal"),
            );
            assert.match(d.message, /PUBLIC load balancer/);
            silent(lb({}, { [`${A}azure-load-balancer-internal`]: "True" }), V4, "LB-6");
            silent(lb({}, { [`${A}azure-load-balancer-internal`]: "false" }), V4, "LB-6");
        });
        it("LB-7: unknown probe protocols fall back to TCP", () => {
            fires(
                lb({ externalTrafficPolicy: "Cluster" }, { [`${A}azure-load-balancer-health-probe-protocol`]: "grpc" }),
                V4,
                "LB-7",
                "warning",
                ann("azure-load-balancer-health-probe-protocol"),
            );
            silent(lb({ externalTrafficPolicy: "Cluster" }, { [`${A}azure-load-balancer-health-probe-protocol`]: "HTTPS" }), V4, "LB-7");
        });
        it("LB-8: TCP idle timeout 4-100 minutes", () => {
            fires(
                lb({}, { [`${A}azure-load-balancer-tcp-idle-timeout`]: "120" }),
                V4,
                "LB-8",
                "error",
                ann("azure-load-balancer-tcp-idle-timeout"),
            );
            silent(lb({}, { [`${A}azure-load-balancer-tcp-idle-timeout`]: "30" }), V4, "LB-8");
        });
        it("LB-9: spec.loadBalancerIP is deprecated", () => {
            fires(lb({ loadBalancerIP: "203.0.113.7" }), V4, "LB-9", "warning", "spec.loadBalancerIP");
            silent(lb({}, { [`${A}azure-load-balancer-ipv4`]: "203.0.113.7" }), V4, "LB-9");
        });
        it("LB-10: Private Link Service has no IPv6", () => {
            fires(lb({ ipFamilies: ["IPv6"] }, { [`${A}azure-pls-create`]: "true" }), DUAL, "LB-10", "error", ann("azure-pls-create"));
            fires(dualLb({}, { [`${A}azure-pls-create`]: "true" }), DUAL, "LB-10", "warning", ann("azure-pls-create"));
            silent(lb({}, { [`${A}azure-pls-create`]: "true" }), DUAL, "LB-10");
        });
        it("LB-11: a loadBalancerClass Service is not provisioned by Azure", () => {
            fires(lb({ loadBalancerClass: "example.com/vip" }), V4, "LB-11", "warning", "spec.loadBalancerClass");
            silent(lb(), V4, "LB-11");
        });
        it("LB-12: per-family annotations for a missing family", () => {
            fires(lb({}, { [`${A}azure-pip-name-ipv6`]: "pip-v6" }), DUAL, "LB-12", "warning", ann("azure-pip-name-ipv6"));
            fires(
                lb({ ipFamilies: ["IPv6"] }, { [`${A}azure-load-balancer-ipv4`]: "203.0.113.7" }),
                DUAL,
                "LB-12",
                "warning",
                ann("azure-load-balancer-ipv4"),
            );
            silent(dualLb({}, { [`${A}azure-pip-name-ipv6`]: "pip-v6" }), DUAL, "LB-12");
        });
    });

    describe("Windows backends", () => {
        const winSelector = { "kubernetes.io/os": "windows", app: "iis" };
        it("WIN-3: an IPv6 load balancer and Local are warnings for Services selecting Windows pods; IPv6 ClusterIPs are fine (GA)", () => {
            fires(dualLb({ selector: winSelector }), WIN, "WIN-3", "warning", "spec.ipFamilies");
            fires(lb({ selector: winSelector, ipFamilyPolicy: "PreferDualStack" }), WIN, "WIN-3", "warning", "spec.ipFamilyPolicy");
            assert.ok(run(dualLb({ selector: winSelector }), WIN).every((d) => d.ruleId !== "WIN-3" || d.severity === "warning"));
            const clusterIp = {
                apiVersion: "v1",
                kind: "Service",
                metadata: { name: "iis" },
                spec: { selector: winSelector, ipFamilyPolicy: "RequireDualStack", ipFamilies: ["IPv4", "IPv6"], ports: [{ port: 80 }] },
            };
            silent(clusterIp, WIN, "WIN-3");
            fires(lb({ selector: winSelector }), WIN, "WIN-3", "warning", "spec.externalTrafficPolicy");
            silent(lb({ selector: winSelector, externalTrafficPolicy: "Cluster" }), WIN, "WIN-3");
            silent(dualLb({ selector: winSelector }), DUAL, "WIN-3");
            silent(dualLb(), WIN, "WIN-3");
        });
    });

    describe("ordering and the effective Service", () => {
        it("lists errors before warnings before info", () => {
            const d = run(lb({ ipFamilyPolicy: undefined, loadBalancerIP: "203.0.113.7", externalTrafficPolicy: "local" }), V4);
            const order = d.map((x) => x.severity);
            assert.deepStrictEqual(
                order,
                [...order].sort((a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b)),
            );
            assert.deepStrictEqual(new Set(order), new Set(["error", "warning", "info"]));
        });
        it("describeService returns the defaulted Service", () => {
            const { effective, diagnostics } = describeService(
                {
                    apiVersion: "v1",
                    kind: "Service",
                    metadata: { name: "web" },
                    spec: { type: "LoadBalancer", ipFamilyPolicy: "PreferDualStack", selector: { app: "web" }, ports: [{ port: 80 }] },
                },
                DUAL,
            );
            assert.deepStrictEqual(effective, {
                apiVersion: "v1",
                kind: "Service",
                metadata: { name: "web" },
                spec: {
                    type: "LoadBalancer",
                    ipFamilyPolicy: "PreferDualStack",
                    ipFamilies: ["IPv4", "IPv6"],
                    selector: { app: "web" },
                    ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
                    externalTrafficPolicy: "Cluster",
                    internalTrafficPolicy: "Cluster",
                    allocateLoadBalancerNodePorts: true,
                    sessionAffinity: "None",
                },
            });
            assert.deepStrictEqual(
                diagnostics.map((x) => x.ruleId),
                ["AZ-1", "SVC-12"],
            );
            assert.equal(describeService(null, DUAL).effective, null);
        });
    });
});

describe("checkService catalogue", () => {
    it("has a firing case for every rule at every severity it lists", () => {
        const missing: string[] = [];
        for (const rule of SERVICE_RULES) {
            for (const severity of rule.severity.split("/"))
                if (!fired.has(`${rule.id}:${severity}`)) missing.push(`${rule.id}:${severity}`);
        }
        assert.deepStrictEqual(missing, []);
    });
    it("emitted no rule id missing from the catalogue", () => {
        const known = new Set(SERVICE_RULES.map((r) => r.id));
        assert.ok(emitted.size > 40);
        assert.deepStrictEqual(
            [...emitted].filter((id) => !known.has(id)),
            [],
        );
    });
});

describe("checkService: paths as data", () => {
    it("names every Service path in a message as a slot, so a caller can show it under its own prefix", () => {
        const svc = {
            apiVersion: "v1",
            kind: "Service",
            metadata: { name: "web" },
            spec: {
                type: "LoadBalancer",
                ipFamilyPolicy: "SingleStack",
                ipFamilies: ["IPv4", "IPv6"],
                ports: [{ port: 80, nodePort: 99999 }],
            },
        };
        const found = checkService(svc, V4).filter((d) => d.severity === "error");
        assert.ok(found.length >= 2, JSON.stringify(found.map((d) => d.ruleId)));
        const table = new PathMap([{ from: ["spec"], to: ["manifests", "web", "spec"] }]);
        for (const d of found) {
            const moved = table.relocate(d);
            assert.ok(moved.path.startsWith("manifests.web.spec"), moved.path);
            // Every spec path the message named moved with it; none is left as literal text.
            assert.doesNotMatch(moved.message.replace(/manifests\.web\.spec/g, ""), /(?<![\w.])spec\.\w/, moved.message);
            assert.ok(
                d.template.some((part) => typeof part !== "string"),
                `${d.ruleId} names no path as a slot`,
            );
        }
    });

    it("names an indexed path as one slot, so a row for that very entry maps it inside the message", () => {
        const svc = lb({ clusterIP: "10.0.0.20", clusterIPs: ["10.0.0.10"] });
        const found = checkService(svc, V4).find((d) => d.ruleId === "K8S-10");
        assert.ok(found, "K8S-10 did not fire");
        assert.equal(found.message, 'spec.clusterIPs[0] "10.0.0.10" must match clusterIP "10.0.0.20"');
        assert.deepStrictEqual(found.segments, ["spec", "clusterIPs"]);
        const moved = new PathMap([{ from: ["spec", "clusterIPs", 0], to: ["primaryClusterIP"] }]).relocate(found);
        assert.equal(moved.message, 'primaryClusterIP "10.0.0.10" must match clusterIP "10.0.0.20"');
        assert.equal(moved.path, "spec.clusterIPs");
    });

    it("names the cluster facts as slots, so a component shows them under its own argument", () => {
        const found = checkService(lb(), { ...V4, kubernetesVersion: "one" }).find((d) => d.ruleId === "SVC-4");
        assert.ok(found, "SVC-4 did not fire");
        const moved = new PathMap([{ from: ["cluster"], to: ["args", "clusterFacts"] }]).relocate(found);
        assert.equal(moved.path, "args.clusterFacts.kubernetesVersion");
        assert.equal(moved.message, found.message.replace("cluster.kubernetesVersion", "args.clusterFacts.kubernetesVersion"));
        assert.notEqual(moved.message, found.message);
    });
});
