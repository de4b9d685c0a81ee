/**
 * The Kubernetes API server's own Service checks (K8S-1 to K8S-26, SVC-5 to SVC-12), run on the
 * effective Service. Paths and wording follow the API server's field errors, so a diagnostic can be
 * matched with what `kubectl apply` would print.
 */
import { parseCidr } from "../network/cidr";
import { Sink } from "../core/diagnostic";
import { Path } from "../core/path";
import { at, t } from "../core/text";
import { oneOf, show } from "../core/words";
import {
    atLeast,
    ClusterModel,
    EffectiveService,
    FAMILY_POLICIES,
    familyOfIp,
    SERVICE_TYPES,
    ServiceModel,
    TRAFFIC_POLICIES,
} from "./serviceModel";

/** Everything a rule needs. */
export interface RuleContext {
    svc: ServiceModel;
    eff: EffectiveService;
    cluster: ClusterModel;
    sink: Sink;
}

/** The node-port range of AKS clusters (the kube-apiserver default; AKS does not expose the flag). */
export const NODE_PORT_MIN = 30000;
/** Upper end of the node-port range. */
export const NODE_PORT_MAX = 32767;

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const PROTOCOLS = ["TCP", "UDP", "SCTP"];
const SOURCE_RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";

/** ` (did you mean "Local"?)` when the value differs from an allowed one only in letter case. */
export function caseHint(value: string, allowed: readonly string[]): string {
    const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    return match ? ` (values are case-sensitive: did you mean "${match}"?)` : "";
}

function notSupported(ctx: RuleContext, id: string, path: Path, value: string, allowed: readonly string[]): void {
    ctx.sink.error(id, path, t`${at(path)} ${show(value)} is not supported; allowed: ${oneOf(allowed)}${caseHint(value, allowed)}`);
}

function isDns1123Label(s: string): boolean {
    return s.length <= 63 && DNS1123_LABEL.test(s);
}

function isQualifiedName(s: string): boolean {
    const parts = s.split("/");
    if (parts.length > 2) return false;
    const name = parts[parts.length - 1];
    if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME_PART.test(name)) return false;
    if (parts.length === 2) return parts[0].length > 0 && parts[0].length <= 253 && DNS1123_SUBDOMAIN.test(parts[0]);
    return true;
}

/** IANA_SVC_NAME: 1-15 lower-case letters, digits and single hyphens, at least one letter. */
function ianaNameProblem(s: string): string | null {
    if (s.length === 0 || s.length > 15) return "must be 1-15 characters";
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])*$/.test(s))
        return "must contain only lower-case letters, digits and '-', starting and ending with a letter or digit";
    if (s.includes("--")) return "must not contain consecutive hyphens";
    if (!/[a-z]/.test(s)) return `must contain at least one letter; to use port ${s} write it as a number, not a string`;
    return null;
}

function validPort(n: number): boolean {
    return Number.isInteger(n) && n >= 1 && n <= 65535;
}

/** K8S-1: the Service's name. */
export function metadataRules(ctx: RuleContext): void {
    const { svc, sink } = ctx;
    if (svc.name === undefined || svc.name === "") {
        if (!svc.generateName)
            sink.error("K8S-1", ["metadata", "name"], t`${at("metadata", "name")} is required: a DNS-1035 label such as "web-dual"`);
        return;
    }
    if (svc.name.length > 63 || !DNS1035.test(svc.name)) {
        sink.error(
            "K8S-1",
            ["metadata", "name"],
            t`${at("metadata", "name")} ${show(svc.name)} is not a DNS-1035 label: at most 63 lower-case letters, digits and '-', starting with a letter and ending with a letter or digit`,
        );
    }
}

/** SVC-5, SVC-7, SVC-8, SVC-9: type, ExternalName target, session affinity, external IPs. */
export function typeRules(ctx: RuleContext): void {
    const { svc, eff, sink } = ctx;
    if (svc.type !== undefined && svc.type !== "" && !(SERVICE_TYPES as readonly string[]).includes(svc.type)) {
        notSupported(ctx, "SVC-5", ["spec", "type"], svc.type, SERVICE_TYPES);
    }
    if (
        svc.sessionAffinity !== undefined &&
        svc.sessionAffinity !== "" &&
        svc.sessionAffinity !== "None" &&
        svc.sessionAffinity !== "ClientIP"
    ) {
        notSupported(ctx, "SVC-8", ["spec", "sessionAffinity"], svc.sessionAffinity, ["ClientIP", "None"]);
    }
    if (eff.type === "ExternalName") {
        const cname = (svc.externalName ?? "").replace(/\.$/, "");
        if (cname === "")
            sink.error(
                "SVC-7",
                ["spec", "externalName"],
                t`${at("spec", "externalName")} is required for an ExternalName Service: the DNS name it aliases`,
            );
        else if (cname.length > 253 || !DNS1123_SUBDOMAIN.test(cname)) {
            sink.error(
                "SVC-7",
                ["spec", "externalName"],
                t`${at("spec", "externalName")} ${show(svc.externalName)} is not a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')`,
            );
        }
    }
    svc.externalIPs.forEach((ip, i) => {
        if (familyOfIp(ip) === null)
            sink.error("SVC-9", ["spec", "externalIPs", i], t`${at("spec", "externalIPs", i)} ${show(ip)} is not a valid IP address`);
    });
}

/** K8S-2 to K8S-5, K8S-7, SVC-6, and node-port allocation (SVC-10, SVC-11, K8S-17). */
export function portRules(ctx: RuleContext): void {
    const { svc, eff, sink } = ctx;
    if (svc.portsGiven === 0 && !eff.headless && eff.type !== "ExternalName") {
        sink.error(
            "K8S-2",
            ["spec", "ports"],
            t`${at("spec", "ports")} is required: list at least one port, e.g. { name: "http", port: 80, targetPort: 8080 }`,
        );
    }
    const many = svc.portsGiven > 1;
    const names = new Set<string>();
    const portKeys = new Set<string>();
    const nodePortKeys = new Set<string>();
    for (const p of svc.ports) {
        if (p.name === undefined || p.name === "") {
            if (many) sink.error("K8S-3", [...p.path, "name"], t`${at(p.path, "name")} is required when a Service has more than one port`);
        } else {
            if (!isDns1123Label(p.name))
                sink.error(
                    "K8S-3",
                    [...p.path, "name"],
                    t`${at(p.path, "name")} ${show(p.name)} is not a DNS-1123 label (lower-case letters, digits and '-', at most 63)`,
                );
            if (names.has(p.name))
                sink.error(
                    "K8S-3",
                    [...p.path, "name"],
                    t`${at(p.path, "name")} ${show(p.name)} is used by another port; port names must be unique`,
                );
            names.add(p.name);
        }
        if (p.port === undefined)
            sink.error("SVC-6", [...p.path, "port"], t`${at(p.path, "port")} is required: the port the Service listens on (1-65535)`);
        else if (!validPort(p.port))
            sink.error("SVC-6", [...p.path, "port"], t`${at(p.path, "port")} ${p.port} is not a port number between 1 and 65535`);
        if (!PROTOCOLS.includes(p.protocol)) notSupported(ctx, "K8S-5", [...p.path, "protocol"], p.protocol, PROTOCOLS);
        if (typeof p.targetPort === "number" && p.targetPort !== 0 && !validPort(p.targetPort)) {
            sink.error(
                "SVC-6",
                [...p.path, "targetPort"],
                t`${at(p.path, "targetPort")} ${p.targetPort} is not a port number between 1 and 65535`,
            );
        } else if (typeof p.targetPort === "string" && p.targetPort !== "") {
            const problem = ianaNameProblem(p.targetPort);
            if (problem)
                sink.error(
                    "SVC-6",
                    [...p.path, "targetPort"],
                    t`${at(p.path, "targetPort")} ${show(p.targetPort)} is not a valid port name: it ${problem}`,
                );
        }
        if (p.port !== undefined) {
            const key = `${p.protocol}/${p.port}`;
            if (portKeys.has(key))
                sink.error(
                    "K8S-4",
                    p.path,
                    t`${at(p.path)} repeats ${p.protocol} port ${p.port}; each (protocol, port) pair may appear once`,
                );
            portKeys.add(key);
        }
        if (p.nodePort !== undefined && p.nodePort !== 0) {
            const key = `${p.protocol}/${p.nodePort}`;
            if (nodePortKeys.has(key))
                sink.error(
                    "K8S-4",
                    [...p.path, "nodePort"],
                    t`${at(p.path, "nodePort")} ${p.nodePort} is already used by another ${p.protocol} port of this Service`,
                );
            nodePortKeys.add(key);
            if (eff.type === "ClusterIP")
                sink.error(
                    "K8S-7",
                    [...p.path, "nodePort"],
                    t`${at(p.path, "nodePort")} may not be used when type is "ClusterIP"; remove it or use type NodePort or LoadBalancer`,
                );
        }
    }
    nodePortAllocation(ctx);
}

/** Node ports are allocated only for NodePort and LoadBalancer Services (`txnAllocNodePorts`). */
function nodePortAllocation(ctx: RuleContext): void {
    const { svc, eff, sink } = ctx;
    if (eff.type !== "NodePort" && eff.type !== "LoadBalancer") return;
    const byNodePort = new Map<number, number>();
    for (const p of svc.ports) {
        if (p.nodePort === undefined || p.nodePort === 0) continue;
        if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
            sink.error(
                "SVC-10",
                [...p.path, "nodePort"],
                t`${at(p.path, "nodePort")} ${p.nodePort} is not in the valid range ${NODE_PORT_MIN}-${NODE_PORT_MAX}; omit it to have one allocated`,
            );
            continue;
        }
        const owner = byNodePort.get(p.nodePort);
        if (owner !== undefined && p.port !== undefined && owner !== p.port) {
            sink.error(
                "SVC-11",
                [...p.path, "nodePort"],
                t`${at(p.path, "nodePort")} ${p.nodePort} is already allocated to port ${owner} of this Service; only ports with the same port number (e.g. TCP and UDP 53) share a node port`,
            );
        } else if (p.port !== undefined) byNodePort.set(p.nodePort, p.port);
    }
    const hc = svc.healthCheckNodePort;
    if (hc !== undefined && hc !== 0 && eff.type === "LoadBalancer" && eff.externalTrafficPolicy === "Local") {
        if (!validPort(hc))
            sink.error(
                "K8S-17",
                ["spec", "healthCheckNodePort"],
                t`${at("spec", "healthCheckNodePort")} ${hc} is not a port number between 1 and 65535`,
            );
        else if (hc < NODE_PORT_MIN || hc > NODE_PORT_MAX) {
            sink.error(
                "K8S-17",
                ["spec", "healthCheckNodePort"],
                t`${at("spec", "healthCheckNodePort")} ${hc} is not in the node-port range ${NODE_PORT_MIN}-${NODE_PORT_MAX}; omit it to have one allocated`,
            );
        } else if (byNodePort.has(hc)) {
            sink.error(
                "K8S-17",
                ["spec", "healthCheckNodePort"],
                t`${at("spec", "healthCheckNodePort")} ${hc} is already allocated to port ${byNodePort.get(hc)} of this Service; pick another port or omit it`,
            );
        }
    }
}

/** K8S-8 to K8S-13, K8S-23 to K8S-26: families, policy and cluster IPs, as `initIPFamilyFields` checks them. */
export function familyRules(ctx: RuleContext): void {
    const { eff } = ctx;
    if (eff.type === "ExternalName") {
        externalNameFamilyRules(ctx);
        return;
    }
    clusterIpFieldRules(ctx);
    const badIps = clusterIpRules(ctx);
    familyFieldRules(ctx);
    if (!badIps && !eff.headless) clusterIpFamilyRules(ctx);
    singleStackRules(ctx);
    if (eff.headless && eff.selectorless) return; // the API server allows any families here
    if (!badIps) clusterIpClusterRules(ctx);
    clusterFamilyRules(ctx);
}

/** K8S-13: an ExternalName Service has no cluster IPs, families or family policy. */
function externalNameFamilyRules(ctx: RuleContext): void {
    const { svc, eff, sink } = ctx;
    if (eff.clusterIPs.length > 0)
        sink.error(
            "K8S-13",
            ["spec", "clusterIPs"],
            t`${at("spec", "clusterIPs")} (and clusterIP) may not be set for ExternalName Services`,
        );
    if (svc.ipFamilies !== undefined && svc.ipFamilies.length > 0)
        sink.error("K8S-13", ["spec", "ipFamilies"], t`${at("spec", "ipFamilies")} may not be set for ExternalName Services`);
    if (svc.ipFamilyPolicy !== undefined)
        sink.error("K8S-13", ["spec", "ipFamilyPolicy"], t`${at("spec", "ipFamilyPolicy")} may not be set for ExternalName Services`);
}

/** K8S-10: clusterIP and clusterIPs agree (after `NormalizeClusterIPs`). */
function clusterIpFieldRules(ctx: RuleContext): void {
    const { svc, sink } = ctx;
    const given = svc.clusterIPs ?? [];
    if (given.length === 0) return;
    if (!svc.clusterIP)
        sink.error(
            "K8S-10",
            ["spec", "clusterIPs"],
            t`${at("spec", "clusterIPs")} ${show(given)} must be empty when clusterIP is not specified; set clusterIP to ${show(given[0])} too`,
        );
    else if (given[0] !== svc.clusterIP)
        sink.error(
            "K8S-10",
            ["spec", "clusterIPs"],
            t`${at("spec", "clusterIPs", 0)} ${show(given[0])} must match clusterIP ${show(svc.clusterIP)}`,
        );
}

/** K8S-11: the effective cluster IPs are valid, at most two, one per family; true when one is malformed. */
function clusterIpRules(ctx: RuleContext): boolean {
    const { eff, sink } = ctx;
    const ips = eff.clusterIPs;
    let badIps = false;
    ips.forEach((ip, i) => {
        if (i === 0 && ip === "None") {
            if (ips.length > 1) {
                badIps = true;
                sink.error(
                    "K8S-11",
                    ["spec", "clusterIPs"],
                    t`${at("spec", "clusterIPs")} ${show(ips)}: 'None' must be the first and only value`,
                );
            }
            return;
        }
        if (familyOfIp(ip) === null) {
            badIps = true;
            sink.error("K8S-11", ["spec", "clusterIPs", i], t`${at("spec", "clusterIPs", i)} ${show(ip)} is not a valid IP address`);
        }
    });
    if (ips.length > 2)
        sink.error("K8S-11", ["spec", "clusterIPs"], t`${at("spec", "clusterIPs")} ${show(ips)} may only hold up to 2 values`);
    if (!badIps && ips.length === 2 && familyOfIp(ips[0]) === familyOfIp(ips[1])) {
        sink.error(
            "K8S-11",
            ["spec", "clusterIPs"],
            t`${at("spec", "clusterIPs")} ${show(ips)} may specify no more than one IP for each IP family`,
        );
    }
    return badIps;
}

/** K8S-8, K8S-9: ipFamilies lists known families once each, and ipFamilyPolicy is a known policy. */
function familyFieldRules(ctx: RuleContext): void {
    const { svc, sink } = ctx;
    const seen = new Set<string>();
    (svc.ipFamilies ?? []).forEach((f, i) => {
        if (f !== "IPv4" && f !== "IPv6") notSupported(ctx, "K8S-8", ["spec", "ipFamilies", i], f, ["IPv4", "IPv6"]);
        else if (seen.has(f))
            sink.error(
                "K8S-8",
                ["spec", "ipFamilies", i],
                t`${at("spec", "ipFamilies", i)} ${show(f)} is listed twice; list each family once`,
            );
        seen.add(f);
    });
    if (svc.ipFamilyPolicy !== undefined && !(FAMILY_POLICIES as readonly string[]).includes(svc.ipFamilyPolicy)) {
        notSupported(ctx, "K8S-9", ["spec", "ipFamilyPolicy"], svc.ipFamilyPolicy, FAMILY_POLICIES);
    }
}

/** K8S-12: each cluster IP is of the family listed at the same index of ipFamilies. */
function clusterIpFamilyRules(ctx: RuleContext): void {
    const { svc, eff, sink } = ctx;
    const fams = svc.ipFamilies ?? [];
    eff.clusterIPs.forEach((ip, i) => {
        const want = fams[i];
        const got = familyOfIp(ip);
        if ((want === "IPv4" || want === "IPv6") && got !== null && got !== want) {
            sink.error(
                "K8S-12",
                ["spec", "clusterIPs", i],
                t`${at("spec", "clusterIPs", i)} ${show(ip)}: expected an ${want} value as indicated by ipFamilies[${i}]`,
            );
        }
    });
}

/** K8S-23, K8S-24: a SingleStack policy with two cluster IPs or two families. */
function singleStackRules(ctx: RuleContext): void {
    const { svc, eff, sink } = ctx;
    if (eff.ipFamilyPolicy !== "SingleStack") return;
    if (eff.clusterIPs.length === 2)
        sink.error(
            "K8S-23",
            ["spec", "ipFamilyPolicy"],
            t`${at("spec", "ipFamilyPolicy")} must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified`,
        );
    if ((svc.ipFamilies ?? []).length === 2)
        sink.error(
            "K8S-24",
            ["spec", "ipFamilyPolicy"],
            t`${at("spec", "ipFamilyPolicy")} ${svc.ipFamilyPolicy === undefined ? "(omitted, so SingleStack)" : "SingleStack"} must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified`,
        );
}

/** K8S-26: a cluster IP beyond the listed families is of a family the cluster has. */
function clusterIpClusterRules(ctx: RuleContext): void {
    const { svc, eff, cluster, sink } = ctx;
    const fams = svc.ipFamilies ?? [];
    eff.clusterIPs.forEach((ip, i) => {
        const fam = familyOfIp(ip);
        if (fam && i >= fams.length && !cluster.families.includes(fam)) {
            sink.error(
                "K8S-26",
                ["spec", "clusterIPs", i],
                t`${at("spec", "clusterIPs", i)} ${show(ip)}: ${fam} is not configured on this cluster (cluster families ${show(cluster.families)})`,
            );
        }
    });
}

/** K8S-25, K8S-26: RequireDualStack needs a dual-stack cluster, and each listed family must be the cluster's. */
function clusterFamilyRules(ctx: RuleContext): void {
    const { svc, eff, cluster, sink } = ctx;
    if (eff.ipFamilyPolicy === "RequireDualStack" && !cluster.dualStack) {
        sink.error(
            "K8S-25",
            ["spec", "ipFamilyPolicy"],
            t`${at("spec", "ipFamilyPolicy")} RequireDualStack: this cluster is not configured for dual-stack services (its ipFamilies are ["IPv4"]); use SingleStack with ipFamilies ["IPv4"], or create the cluster dual-stack`,
        );
    }
    (svc.ipFamilies ?? []).forEach((f, i) => {
        if ((f === "IPv4" || f === "IPv6") && !cluster.families.includes(f)) {
            sink.error(
                "K8S-26",
                ["spec", "ipFamilies", i],
                t`${at("spec", "ipFamilies", i)} ${show(f)} is not configured on this cluster (cluster families ${show(cluster.families)})`,
            );
        }
    });
}

/** K8S-6, K8S-14 to K8S-16, K8S-18 to K8S-22: headless types, traffic policies, LoadBalancer-only fields. */
export function trafficRules(ctx: RuleContext): void {
    headlessTypeRules(ctx);
    externalPolicyRules(ctx);
    loadBalancerFieldRules(ctx);
    internalPolicyRules(ctx);
}

/** K8S-6: NodePort and LoadBalancer Services may not be headless. */
function headlessTypeRules(ctx: RuleContext): void {
    const { svc, eff, sink } = ctx;
    if (eff.type === "LoadBalancer" || eff.type === "NodePort") {
        if (eff.headless) {
            const path: Path = svc.clusterIPs && svc.clusterIPs.length > 0 ? ["spec", "clusterIPs", 0] : ["spec", "clusterIP"];
            sink.error("K8S-6", path, t`${at(path)} may not be set to 'None' for ${eff.type} services`);
        }
    }
}

/** K8S-14 to K8S-16: externalTrafficPolicy and healthCheckNodePort, for externally-accessible Services only. */
function externalPolicyRules(ctx: RuleContext): void {
    const { svc, eff, sink } = ctx;
    const etp = svc.externalTrafficPolicy;
    if (etp !== undefined && etp !== "") {
        if (!eff.externallyAccessible) {
            sink.error(
                "K8S-14",
                ["spec", "externalTrafficPolicy"],
                t`${at("spec", "externalTrafficPolicy")} ${show(etp)} may only be set for externally-accessible services (NodePort, LoadBalancer, or ClusterIP with externalIPs); remove it`,
            );
        } else if (!(TRAFFIC_POLICIES as readonly string[]).includes(etp)) {
            notSupported(ctx, "K8S-15", ["spec", "externalTrafficPolicy"], etp, TRAFFIC_POLICIES);
        }
    }
    const hc = svc.healthCheckNodePort;
    if (hc !== undefined && hc !== 0 && !(eff.type === "LoadBalancer" && eff.externalTrafficPolicy === "Local")) {
        sink.error(
            "K8S-16",
            ["spec", "healthCheckNodePort"],
            t`${at("spec", "healthCheckNodePort")} ${hc} may only be set when type is 'LoadBalancer' and externalTrafficPolicy is 'Local'`,
        );
    }
}

/** K8S-18 to K8S-20: allocateLoadBalancerNodePorts, source ranges and loadBalancerClass are LoadBalancer-only. */
function loadBalancerFieldRules(ctx: RuleContext): void {
    const { svc, eff, sink } = ctx;
    if (svc.allocateLoadBalancerNodePorts !== undefined && eff.type !== "LoadBalancer") {
        sink.error(
            "K8S-18",
            ["spec", "allocateLoadBalancerNodePorts"],
            t`${at("spec", "allocateLoadBalancerNodePorts")} may only be used when type is 'LoadBalancer'`,
        );
    }
    sourceRangeRules(ctx);
    if (svc.loadBalancerClass !== undefined) {
        if (eff.type !== "LoadBalancer")
            sink.error(
                "K8S-20",
                ["spec", "loadBalancerClass"],
                t`${at("spec", "loadBalancerClass")} may only be used when type is 'LoadBalancer'`,
            );
        else if (!isQualifiedName(svc.loadBalancerClass))
            sink.error(
                "K8S-20",
                ["spec", "loadBalancerClass"],
                t`${at("spec", "loadBalancerClass")} ${show(svc.loadBalancerClass)} is not a qualified name such as "example.com/internal-vip"`,
            );
    }
}

/** K8S-19: loadBalancerSourceRanges, or else the source-ranges annotation, holds CIDRs on a LoadBalancer. */
function sourceRangeRules(ctx: RuleContext): void {
    const { svc, eff, sink } = ctx;
    const ranges = svc.loadBalancerSourceRanges ?? [];
    if (ranges.length > 0) {
        if (eff.type !== "LoadBalancer")
            sink.error(
                "K8S-19",
                ["spec", "loadBalancerSourceRanges"],
                t`${at("spec", "loadBalancerSourceRanges")} may only be used when type is 'LoadBalancer'`,
            );
        ranges.forEach((r, i) => {
            if (!parseCidr(r.trim()).ok)
                sink.error(
                    "K8S-19",
                    ["spec", "loadBalancerSourceRanges", i],
                    t`${at("spec", "loadBalancerSourceRanges", i)} ${show(r)} is not a valid CIDR such as "203.0.113.0/24"`,
                );
        });
    } else if (svc.annotations[SOURCE_RANGES_ANNOTATION] !== undefined) {
        const path: Path = ["metadata", "annotations", SOURCE_RANGES_ANNOTATION];
        const val = svc.annotations[SOURCE_RANGES_ANNOTATION].trim();
        if (eff.type !== "LoadBalancer") sink.error("K8S-19", path, t`${at(path)} may only be used when type is 'LoadBalancer'`);
        if (val !== "") {
            for (const part of val.split(",")) {
                if (!parseCidr(part.trim()).ok)
                    sink.error("K8S-19", path, t`${at(path)}: ${show(part.trim())} is not a valid CIDR such as "203.0.113.0/24"`);
            }
        }
    }
}

/** K8S-21, K8S-22: internalTrafficPolicy and trafficDistribution (PreferSameZone and PreferSameNode from 1.34). */
function internalPolicyRules(ctx: RuleContext): void {
    const { svc, cluster } = ctx;
    if (svc.internalTrafficPolicy !== undefined && !(TRAFFIC_POLICIES as readonly string[]).includes(svc.internalTrafficPolicy)) {
        notSupported(ctx, "K8S-21", ["spec", "internalTrafficPolicy"], svc.internalTrafficPolicy, TRAFFIC_POLICIES);
    }
    if (svc.trafficDistribution !== undefined) {
        // PreferClose everywhere; PreferSameZone and PreferSameNode from 1.34 (beta, on by default).
        const allowed =
            cluster.version && atLeast(cluster.version, 1, 34) ? ["PreferClose", "PreferSameNode", "PreferSameZone"] : ["PreferClose"];
        if (!allowed.includes(svc.trafficDistribution))
            notSupported(ctx, "K8S-22", ["spec", "trafficDistribution"], svc.trafficDistribution, allowed);
    }
}

/** D2 / ING-1: write both family fields; a dual-stack policy without both families breaks later applies. */
export function explicitFamilyAdvice(ctx: RuleContext): void {
    const { svc, eff, cluster, sink } = ctx;
    if (eff.type !== "LoadBalancer" || (eff.headless && eff.selectorless)) return;
    const dualPolicy = svc.ipFamilyPolicy === "PreferDualStack" || svc.ipFamilyPolicy === "RequireDualStack";
    if (dualPolicy && cluster.dualStack && (svc.ipFamilies ?? []).length < 2) {
        sink.warn(
            "SVC-12",
            ["spec", "ipFamilies"],
            t`${at("spec", "ipFamilies")} ${show(svc.ipFamilies ?? [])} with ${svc.ipFamilyPolicy}: the API server appends ${eff.ipFamilies[1] ?? "the other family"} now, but a later apply that sends fewer families fails ("must be 'SingleStack' to release the secondary IP family"); write ipFamilies ${show(eff.ipFamilies)}`,
        );
    } else if (svc.ipFamilyPolicy === undefined || svc.ipFamilies === undefined) {
        sink.info(
            "SVC-12",
            svc.ipFamilyPolicy === undefined ? ["spec", "ipFamilyPolicy"] : ["spec", "ipFamilies"],
            t`the Service relies on the cluster's defaults (effective ipFamilyPolicy ${show(eff.ipFamilyPolicy)}, ipFamilies ${show(eff.ipFamilies)}); write both fields so the Service means the same on every cluster`,
        );
    }
}
