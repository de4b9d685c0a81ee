/**
 * AKS and Azure load-balancer rules (AZ-1, LB-1 to LB-12, WIN-3), run on the effective Service.
 * Sources: cloud-provider-azure (the AKS cloud controller manager) and the AKS docs, as summarised in
 * the Kubernetes/ingress reference §2 and §4.
 */
import { Path } from "../core/path";
import { at, t } from "../core/text";
import { show } from "../core/words";
import { RuleContext } from "./serviceApiRules";
import { atLeast } from "./serviceModel";

const A = "service.beta.kubernetes.io/";
/** Azure annotation keys used here. */
export const AZURE_ANNOTATIONS = {
    internal: `${A}azure-load-balancer-internal`,
    probeProtocol: `${A}azure-load-balancer-health-probe-protocol`,
    probeRequestPath: `${A}azure-load-balancer-health-probe-request-path`,
    probeInterval: `${A}azure-load-balancer-health-probe-interval`,
    probeNumOfProbe: `${A}azure-load-balancer-health-probe-num-of-probe`,
    disableFloatingIp: `${A}azure-disable-load-balancer-floating-ip`,
    tcpIdleTimeout: `${A}azure-load-balancer-tcp-idle-timeout`,
    plsCreate: `${A}azure-pls-create`,
    dnsLabelName: `${A}azure-dns-label-name`,
    pipNameIpv6: `${A}azure-pip-name-ipv6`,
    pipPrefixIdIpv6: `${A}azure-pip-prefix-id-ipv6`,
    lbIpv4: `${A}azure-load-balancer-ipv4`,
    lbIpv6: `${A}azure-load-balancer-ipv6`,
} as const;

/** Boolean annotations the cloud provider compares case-insensitively with "true". */
const BOOLEAN_ANNOTATIONS = [
    AZURE_ANNOTATIONS.internal,
    AZURE_ANNOTATIONS.disableFloatingIp,
    `${A}azure-load-balancer-disable-tcp-reset`,
    `${A}azure-load-balancer-enable-high-availability-ports`,
    AZURE_ANNOTATIONS.plsCreate,
    `${A}azure-pls-proxy-protocol`,
    `${A}azure-deny-all-except-load-balancer-source-ranges`,
    `${A}azure-shared-securityrule`,
];
const PER_PORT =
    /^service\.beta\.kubernetes\.io\/port_(\d+)_(health-probe_(protocol|port|request-path|interval|num-of-probe)|no_lb_rule|no_probe_rule)$/;

/** The path of an annotation, e.g. `metadata.annotations["service.beta.kubernetes.io/azure-load-balancer-internal"]`. */
const annotation = (key: string): Path => ["metadata", "annotations", key];

/** True when an Azure boolean annotation is on: "true" in any letter case. */
export function annotationIsTrue(value: string | undefined): boolean {
    return value !== undefined && value.toLowerCase() === "true";
}

/** Per-port annotations, by Service port number. */
function perPort(annotations: Record<string, string>): Map<number, Map<string, { key: string; value: string }>> {
    const out = new Map<number, Map<string, { key: string; value: string }>>();
    for (const [key, value] of Object.entries(annotations)) {
        const m = PER_PORT.exec(key);
        if (!m) continue;
        const port = Number(m[1]);
        const param = m[3] ?? m[2];
        if (!out.has(port)) out.set(port, new Map());
        out.get(port)!.set(param, { key, value });
    }
    return out;
}

/** What the load-balancer rules look at, worked out once. */
interface LoadBalancerFacts {
    ann: Record<string, string>;
    hasV4: boolean;
    hasV6: boolean;
    local: boolean;
    internal: boolean;
    /** Per-port probe annotations by Service port. */
    ports: ReturnType<typeof perPort>;
    servicePorts: Set<number>;
}

/** AZ-1 and LB-1 to LB-12, for LoadBalancer Services (the only ones Azure's cloud provider acts on). */
export function azureRules(ctx: RuleContext): void {
    const { svc, eff } = ctx;
    if (eff.type !== "LoadBalancer") return;
    const ann = svc.annotations;
    const lb: LoadBalancerFacts = {
        ann,
        hasV6: eff.ipFamilies.includes("IPv6"),
        hasV4: eff.ipFamilies.includes("IPv4"),
        local: eff.externalTrafficPolicy === "Local",
        internal: annotationIsTrue(ann[AZURE_ANNOTATIONS.internal]),
        ports: perPort(ann),
        servicePorts: new Set(svc.ports.map((p) => p.port).filter((p): p is number => p !== undefined)),
    };
    ipv6TrafficPolicy(ctx, lb.hasV6);
    dualStackBefore127(ctx);
    ignoredProbeSettings(ctx, lb);
    probeTiming(ctx, lb.ports);
    probePortOnIpv6(ctx, lb);
    nodePortAllocation(ctx, lb);
    annotationValues(ctx, lb);
    loadBalancerFields(ctx, lb);
    familyAnnotations(ctx, lb);
}

/** LB-1: before 1.27 AKS provisions only the first family of a dual-stack LoadBalancer. */
function dualStackBefore127(ctx: RuleContext): void {
    const { eff, sink } = ctx;
    if (eff.ipFamilies.length === 2 && ctx.cluster.version && !atLeast(ctx.cluster.version, 1, 27)) {
        const v = `${ctx.cluster.version.major}.${ctx.cluster.version.minor}`;
        const msg = `a dual-stack LoadBalancer on Kubernetes ${v} gets a frontend for ${eff.ipFamilies[0]} only (AKS provisions both families from 1.27); create one SingleStack Service per family on the same selector, or upgrade to 1.27 or later`;
        if (eff.ipFamilyPolicy === "RequireDualStack")
            sink.error("LB-1", ["spec", "ipFamilyPolicy"], t`${at("spec", "ipFamilyPolicy")} RequireDualStack: ${msg}`);
        else sink.warn("LB-1", ["spec", "ipFamilyPolicy"], t`${at("spec", "ipFamilyPolicy")} ${show(eff.ipFamilyPolicy)}: ${msg}`);
    }
}

/**
 * LB-2: what Local ignores. The node's health check (HTTP :healthCheckNodePort/healthz) wins over
 * every protocol/path setting unless a per-port probe port replaces it; and per-port settings of a
 * port the Service doesn't have.
 */
function ignoredProbeSettings(ctx: RuleContext, lb: LoadBalancerFacts): void {
    const { sink } = ctx;
    if (lb.local) {
        for (const key of [AZURE_ANNOTATIONS.probeProtocol, AZURE_ANNOTATIONS.probeRequestPath]) {
            if (lb.ann[key] !== undefined)
                sink.warn(
                    "LB-2",
                    annotation(key),
                    t`${at(annotation(key))} is ignored with externalTrafficPolicy Local: Azure probes the node's health check (HTTP :healthCheckNodePort/healthz) instead; keep it only if you may switch to Cluster`,
                );
        }
        for (const [port, params] of lb.ports) {
            if (params.has("port")) continue;
            for (const param of ["protocol", "request-path"]) {
                const entry = params.get(param);
                if (entry)
                    sink.warn(
                        "LB-2",
                        annotation(entry.key),
                        t`${at(annotation(entry.key))} is ignored with externalTrafficPolicy Local unless port_${port}_health-probe_port is set too: Azure probes the node's health check instead`,
                    );
            }
        }
    }
    for (const [port, params] of lb.ports) {
        if (lb.servicePorts.has(port)) continue;
        for (const { key } of params.values())
            sink.warn(
                "LB-2",
                annotation(key),
                t`${at(annotation(key))} is ignored: the Service has no port ${port} (the number in the key is the Service port, not the target or node port)`,
            );
    }
}

/** LB-4: a per-port probe port on an IPv6 Local Service replaces the node's health check. */
function probePortOnIpv6(ctx: RuleContext, lb: LoadBalancerFacts): void {
    if (!lb.local || !lb.hasV6) return;
    for (const params of lb.ports.values()) {
        const entry = params.get("port");
        if (entry)
            ctx.sink.warn(
                "LB-4",
                annotation(entry.key),
                t`${at(annotation(entry.key))} replaces the node's health check for this port; on the IPv6 frontend the probe then goes through the node port to a pod from a link-local source, the path that fails with Cluster (AZ-1); remove it unless you have tested IPv6 probing`,
            );
    }
}

/** LB-5: allocateLoadBalancerNodePorts false only where Azure needs no node ports. */
function nodePortAllocation(ctx: RuleContext, lb: LoadBalancerFacts): void {
    const { svc, sink } = ctx;
    if (svc.allocateLoadBalancerNodePorts !== false) return;
    const path: Path = ["spec", "allocateLoadBalancerNodePorts"];
    if (annotationIsTrue(lb.ann[AZURE_ANNOTATIONS.disableFloatingIp])) {
        sink.error(
            "LB-5",
            path,
            t`${at(path)} false with ${AZURE_ANNOTATIONS.disableFloatingIp} "true": without floating IP the load-balancing rules target nodeIP:nodePort, so node ports are needed; remove one of them`,
        );
    } else if (lb.internal && lb.hasV6) {
        sink.error(
            "LB-5",
            path,
            t`${at(path)} false on an internal IPv6 Service: Azure's internal load balancer has no floating IP for secondary IPs, so the IPv6 rules target nodeIP:nodePort; keep node ports`,
        );
    } else if (!lb.local) {
        sink.warn(
            "LB-5",
            path,
            t`${at(path)} false with externalTrafficPolicy Cluster: Azure probes Cluster Services on their node ports, so this works only in the shared probe mode (clusterServiceLoadBalancerHealthProbeMode Shared); use Local or keep node ports`,
        );
    }
}

/** LB-6, LB-7, LB-8: annotation values (booleans, probe protocols, TCP idle timeout). */
function annotationValues(ctx: RuleContext, lb: LoadBalancerFacts): void {
    const { sink } = ctx;
    const ann = lb.ann;
    for (const key of BOOLEAN_ANNOTATIONS) {
        const v = ann[key];
        if (v !== undefined && v.toLowerCase() !== "true" && v.toLowerCase() !== "false") {
            sink.warn(
                "LB-6",
                annotation(key),
                t`${at(annotation(key))} ${show(v)} counts as false; the cloud provider only recognises "true" (any letter case)${key === AZURE_ANNOTATIONS.internal ? ", so this Service gets a PUBLIC load balancer" : ""}`,
            );
        }
    }
    const protocols: { key: string; value: string }[] = [];
    if (ann[AZURE_ANNOTATIONS.probeProtocol] !== undefined)
        protocols.push({ key: AZURE_ANNOTATIONS.probeProtocol, value: ann[AZURE_ANNOTATIONS.probeProtocol] });
    for (const params of lb.ports.values()) if (params.get("protocol")) protocols.push(params.get("protocol")!);
    for (const { key, value } of protocols) {
        if (!["tcp", "http", "https"].includes(value.trim().toLowerCase())) {
            sink.warn(
                "LB-7",
                annotation(key),
                t`${at(annotation(key))} ${show(value)} is not Tcp, Http or Https; the probe falls back to TCP`,
            );
        }
    }
    const idle = ann[AZURE_ANNOTATIONS.tcpIdleTimeout];
    if (idle !== undefined) {
        const n = /^\s*-?\d+\s*$/.test(idle) ? Number(idle) : NaN;
        if (!(n >= 4 && n <= 100))
            sink.error(
                "LB-8",
                annotation(AZURE_ANNOTATIONS.tcpIdleTimeout),
                t`${at(annotation(AZURE_ANNOTATIONS.tcpIdleTimeout))} ${show(idle)} must be a whole number of minutes from 4 to 100`,
            );
    }
}

/** LB-9 (spec.loadBalancerIP), LB-10 (Private Link Service has no IPv6) and LB-11 (loadBalancerClass). */
function loadBalancerFields(ctx: RuleContext, lb: LoadBalancerFacts): void {
    const { svc, eff, sink } = ctx;
    if (svc.loadBalancerIP !== undefined && svc.loadBalancerIP !== "") {
        sink.warn(
            "LB-9",
            ["spec", "loadBalancerIP"],
            t`${at("spec", "loadBalancerIP")} is deprecated and names one address of one family${eff.ipFamilies.length === 2 ? ", so it cannot describe this dual-stack Service" : ""}; use the ${AZURE_ANNOTATIONS.lbIpv4} / ${AZURE_ANNOTATIONS.lbIpv6} annotations or azure-pip-name(-ipv6)`,
        );
    }
    if (annotationIsTrue(lb.ann[AZURE_ANNOTATIONS.plsCreate]) && lb.hasV6) {
        if (lb.hasV4)
            sink.warn(
                "LB-10",
                annotation(AZURE_ANNOTATIONS.plsCreate),
                t`${at(annotation(AZURE_ANNOTATIONS.plsCreate))}: Private Link Service has no IPv6, so only the IPv4 frontend is exposed through it`,
            );
        else
            sink.error(
                "LB-10",
                annotation(AZURE_ANNOTATIONS.plsCreate),
                t`${at(annotation(AZURE_ANNOTATIONS.plsCreate))} on an IPv6-only Service: Private Link Service has no IPv6; use an IPv4 or dual-stack Service`,
            );
    }
    if (svc.loadBalancerClass !== undefined && svc.loadBalancerClass !== "") {
        sink.warn(
            "LB-11",
            ["spec", "loadBalancerClass"],
            t`${at("spec", "loadBalancerClass")} ${show(svc.loadBalancerClass)}: the Azure cloud provider does not provision Services with a load balancer class; another controller must, or remove it`,
        );
    }
}

/** LB-12: per-family IP annotations for a family the Service does not have. */
function familyAnnotations(ctx: RuleContext, lb: LoadBalancerFacts): void {
    const byFamily: [string, boolean, string][] = [
        [AZURE_ANNOTATIONS.pipNameIpv6, lb.hasV6, "IPv6"],
        [AZURE_ANNOTATIONS.pipPrefixIdIpv6, lb.hasV6, "IPv6"],
        [AZURE_ANNOTATIONS.lbIpv6, lb.hasV6, "IPv6"],
        [AZURE_ANNOTATIONS.lbIpv4, lb.hasV4, "IPv4"],
    ];
    for (const [key, present, fam] of byFamily) {
        if (lb.ann[key] !== undefined && !present)
            ctx.sink.warn(
                "LB-12",
                annotation(key),
                t`${at(annotation(key))} is ignored: the Service's effective ipFamilies ${show(ctx.eff.ipFamilies)} have no ${fam}`,
            );
    }
}

/** AZ-1: Azure probes IPv6 frontends from a link-local address that `Cluster` cannot route to a pod. */
function ipv6TrafficPolicy(ctx: RuleContext, hasV6: boolean): void {
    const { eff, cluster, sink } = ctx;
    if (!hasV6 || eff.externalTrafficPolicy !== "Cluster") return;
    const path: Path = ["spec", "externalTrafficPolicy"];
    const why =
        "Azure Load Balancer probes IPv6 frontends from a link-local address that cannot be forwarded to a pod, so with Cluster the probes fail and IPv6 traffic is dropped; set externalTrafficPolicy Local (run >= 2 replicas spread across nodes)";
    if (cluster.networkDataplane === "cilium") {
        sink.error(
            "AZ-1",
            path,
            t`${at(path)} Cluster on an IPv6 LoadBalancer with the Cilium dataplane: ${why} (cilium/cilium#25242, #31326)`,
        );
    } else if (cluster.linuxOsSku === "Ubuntu") {
        sink.warn(
            "AZ-1",
            path,
            t`${at(path)} Cluster on an IPv6 LoadBalancer: ${why}. Ubuntu nodes carry a workaround (Azure/AgentBaker#2393) that AKS does not document as supported`,
        );
    } else {
        sink.error(
            "AZ-1",
            path,
            t`${at(path)} Cluster on an IPv6 LoadBalancer with ${cluster.linuxOsSku ?? "unknown (judged as Azure Linux)"} nodes: ${why} (AKS docs, Azure CNI Overlay: "You must deploy IPv6 services with externalTrafficPolicy: Local")`,
        );
    }
}

/** LB-3: probe interval >= 5, num-of-probe >= 2, both integers, interval x num < 120, per port. */
function probeTiming(ctx: RuleContext, ports: Map<number, Map<string, { key: string; value: string }>>): void {
    const { svc, sink } = ctx;
    const ann = svc.annotations;
    const parse = (key: string, value: string, min: number, what: string): number | null => {
        const n = /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
        if (!Number.isSafeInteger(n)) {
            sink.error(
                "LB-3",
                annotation(key),
                t`${at(annotation(key))} ${show(value)} is not a whole number; the cloud provider fails to reconcile the Service`,
            );
            return null;
        }
        if (n < min) {
            sink.error("LB-3", annotation(key), t`${at(annotation(key))} ${show(value)}: the minimum ${what} is ${min}`);
            return null;
        }
        return n;
    };
    const gi = ann[AZURE_ANNOTATIONS.probeInterval];
    const gn = ann[AZURE_ANNOTATIONS.probeNumOfProbe];
    const globalInterval = gi === undefined ? 5 : parse(AZURE_ANNOTATIONS.probeInterval, gi, 5, "probe interval (seconds)");
    const globalNum = gn === undefined ? 2 : parse(AZURE_ANNOTATIONS.probeNumOfProbe, gn, 2, "number of probes");
    const reported = new Set<string>();
    const check = (interval: number | null, num: number | null, key: string): void => {
        if (interval === null || num === null || interval * num < 120 || reported.has(key)) return;
        reported.add(key);
        sink.error(
            "LB-3",
            annotation(key),
            t`${at(annotation(key))}: probe interval ${interval} s x ${num} probes = ${interval * num} s; Azure needs less than 120 s, so the Service does not reconcile`,
        );
    };
    let perPortUsed = false;
    for (const p of svc.ports) {
        if (p.port === undefined) continue;
        const params = ports.get(p.port);
        const pi = params?.get("interval");
        const pn = params?.get("num-of-probe");
        if (!pi && !pn) continue;
        perPortUsed = true;
        const interval = pi ? parse(pi.key, pi.value, 5, "probe interval (seconds)") : globalInterval;
        const num = pn ? parse(pn.key, pn.value, 2, "number of probes") : globalNum;
        check(interval, num, (pi ?? pn)!.key);
    }
    const anyPortOnGlobal = svc.ports.some(
        (p) => p.port !== undefined && !ports.get(p.port)?.has("interval") && !ports.get(p.port)?.has("num-of-probe"),
    );
    if (!perPortUsed || anyPortOnGlobal)
        check(globalInterval, globalNum, gi !== undefined ? AZURE_ANNOTATIONS.probeInterval : AZURE_ANNOTATIONS.probeNumOfProbe);
}

/**
 * WIN-3: a Service selecting Windows pods (cluster with Windows pools, selector kubernetes.io/os: windows).
 * Windows pods have IPv6 on Azure CNI Overlay dual-stack since the AKS release of 2026-07-17 (Azure/AKS#4477,
 * checked 2026-12-03), so IPv6 ClusterIP Services in front of them are fine. An IPv6 load balancer is not:
 * its probes need `Local` (AZ-1), which Windows nodes don't support. Not confirmed offline either way, so a
 * warning that points at the safe path.
 */
export function windowsRules(ctx: RuleContext): void {
    const { svc, eff, cluster, sink } = ctx;
    if (!cluster.hasWindowsPools || svc.selector?.["kubernetes.io/os"] !== "windows" || eff.type === "ExternalName") return;
    if (eff.type === "LoadBalancer" && eff.ipFamilies.includes("IPv6")) {
        const path: Path = svc.ipFamilies?.includes("IPv6") ? ["spec", "ipFamilies"] : ["spec", "ipFamilyPolicy"];
        sink.warn(
            "WIN-3",
            path,
            t`${at(path)}: this LoadBalancer selects Windows pods (selector kubernetes.io/os: windows) with effective ipFamilies ${show(eff.ipFamilies)}; Windows pods have IPv6 on dual-stack overlay (GA 2026-07-17), but Azure's IPv6 health probes need externalTrafficPolicy Local (AZ-1), which Windows nodes don't support. Serve IPv4 here (ipFamilyPolicy SingleStack, ipFamilies ["IPv4"]) and reach Windows apps over IPv6 through the dual-stack Linux ingress, or test IPv6 probing on your node image`,
        );
    }
    if (eff.externallyAccessible && eff.externalTrafficPolicy === "Local") {
        sink.warn(
            "WIN-3",
            ["spec", "externalTrafficPolicy"],
            t`${at("spec", "externalTrafficPolicy")} Local on a Service selecting Windows pods: AKS does not support client source IP preservation with Windows nodes; use Cluster`,
        );
    }
}
