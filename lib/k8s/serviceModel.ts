/**
 * Reads an untrusted Service manifest (and the cluster facts) into a typed model, reporting values of
 * the wrong JSON type (SVC-2) and unknown fields (SVC-3) on the way, then computes the **effective**
 * Service: what the API server holds after defaulting and IP-family allocation, before it validates.
 *
 * Defaulting, in the API server's order (kubernetes `SetDefaults_Service`, `NormalizeClusterIPs`,
 * `initIPFamilyFields`):
 *
 *     type                   omitted -> ClusterIP
 *     ports[].protocol       omitted -> TCP;  targetPort omitted -> port
 *     externalTrafficPolicy  omitted -> Cluster when externally accessible (NodePort, LoadBalancer,
 *                                       ClusterIP with externalIPs)
 *     internalTrafficPolicy  omitted -> Cluster (ClusterIP, NodePort, LoadBalancer)
 *     allocateLoadBalancerNodePorts omitted -> true (LoadBalancer)
 *     clusterIPs             omitted, clusterIP set -> [clusterIP]
 *     ipFamilyPolicy         omitted -> SingleStack (headless and selectorless: RequireDualStack)
 *     ipFamilies             inferred from clusterIPs, else the cluster's primary family (IPv4 on AKS);
 *                            a dual-stack policy with one family on a dual-stack cluster gets the
 *                            other family appended
 *
 * Values are case-sensitive, as in the API: `local` is not `Local`. No rule here throws; junk becomes
 * diagnostics and the model keeps only values of the right type.
 */
import { parseIp } from "../network/cidr";
import { Sink } from "../core/diagnostic";
import { Path } from "../core/path";
import { at, t } from "../core/text";
import { closest, isRecord, kindOf, show } from "../core/words";
import { ServiceIpFamily } from "./facts";

/** A JSON object. */
export type Obj = Record<string, unknown>;

/** True for a plain JSON object (not null, not a list). */
export const isObj: (v: unknown) => v is Obj = isRecord;

/** `major.minor` of a Kubernetes version. */
export interface KubeVersion {
    major: number;
    minor: number;
}

/** The cluster facts after checking. */
export interface ClusterModel {
    families: ServiceIpFamily[];
    dualStack: boolean;
    /** Null when the version did not parse (version-dependent rules are skipped). */
    version: KubeVersion | null;
    hasWindowsPools: boolean;
    /** Null when missing or unknown. */
    linuxOsSku: "Ubuntu" | "AzureLinux" | null;
    networkDataplane: "azure" | "cilium";
}

/** One entry of `spec.ports`; fields of the wrong type are left out (already reported). */
export interface PortModel {
    index: number;
    path: Path;
    name?: string;
    /** Effective protocol: TCP when omitted. */
    protocol: string;
    port?: number;
    targetPort?: number | string;
    nodePort?: number;
    appProtocol?: string;
}

/** The Service as written, with values of the wrong type removed. */
export interface ServiceModel {
    name?: string;
    generateName?: string;
    annotations: Record<string, string>;
    /** The raw `spec.type`, when a string. */
    type?: string;
    clusterIP?: string;
    clusterIPs?: string[];
    ipFamilies?: string[];
    ipFamilyPolicy?: string;
    /** Undefined when absent; `{}` when empty. */
    selector?: Record<string, string>;
    externalTrafficPolicy?: string;
    internalTrafficPolicy?: string;
    healthCheckNodePort?: number;
    allocateLoadBalancerNodePorts?: boolean;
    loadBalancerSourceRanges?: string[];
    loadBalancerClass?: string;
    loadBalancerIP?: string;
    externalIPs: string[];
    externalName?: string;
    sessionAffinity?: string;
    trafficDistribution?: string;
    ports: PortModel[];
    /** How many entries `spec.ports` had, well-formed or not. */
    portsGiven: number;
}

/** The Service after the API server's defaulting and family allocation. */
export interface EffectiveService {
    type: string;
    clusterIPs: string[];
    headless: boolean;
    selectorless: boolean;
    ipFamilyPolicy: string | null;
    /** Valid families only, in order. */
    ipFamilies: ServiceIpFamily[];
    externalTrafficPolicy: string | null;
    internalTrafficPolicy: string | null;
    allocateLoadBalancerNodePorts: boolean | null;
    externallyAccessible: boolean;
}

/** Valid `spec.type` values. */
export const SERVICE_TYPES = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"] as const;
/** Valid `spec.ipFamilyPolicy` values. */
export const FAMILY_POLICIES = ["SingleStack", "PreferDualStack", "RequireDualStack"] as const;
/** Valid external and internal traffic policies. */
export const TRAFFIC_POLICIES = ["Cluster", "Local"] as const;

const SPEC_FIELDS = [
    "allocateLoadBalancerNodePorts",
    "clusterIP",
    "clusterIPs",
    "externalIPs",
    "externalName",
    "externalTrafficPolicy",
    "healthCheckNodePort",
    "internalTrafficPolicy",
    "ipFamilies",
    "ipFamilyPolicy",
    "loadBalancerClass",
    "loadBalancerIP",
    "loadBalancerSourceRanges",
    "ports",
    "publishNotReadyAddresses",
    "selector",
    "sessionAffinity",
    "sessionAffinityConfig",
    "trafficDistribution",
    "type",
];
const PORT_FIELDS = ["appProtocol", "name", "nodePort", "port", "protocol", "targetPort"];
const TOP_FIELDS = ["apiVersion", "kind", "metadata", "spec", "status"];

/** `a number 5`, `a list [1]`, `null`: what a wrong value is, for messages. */
export function described(v: unknown): string {
    return v === null || v === undefined ? String(v) : `${kindOf(v)} ${show(v)}`;
}

/** Parse `1.30`, `1.30.2` or `v1.30.2`. */
export function parseKubeVersion(v: unknown): KubeVersion | null {
    if (typeof v !== "string") return null;
    const m = /^v?(\d{1,3})\.(\d{1,3})(?:\.\d{1,4})?$/.exec(v.trim());
    return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

/** True when `v` is at least `major.minor`. */
export function atLeast(v: KubeVersion, major: number, minor: number): boolean {
    return v.major > major || (v.major === major && v.minor >= minor);
}

/** The family of an IP address, or null when it is not one. */
export function familyOfIp(ip: string): ServiceIpFamily | null {
    const p = parseIp(ip);
    return p.ok ? p.family : null;
}

/** Read the cluster facts; problems are SVC-4 errors and fall back to an IPv4-only cluster. */
export function readCluster(raw: unknown, sink: Sink): ClusterModel {
    const c: ClusterModel = {
        families: ["IPv4"],
        dualStack: false,
        version: null,
        hasWindowsPools: false,
        linuxOsSku: null,
        networkDataplane: "azure",
    };
    if (!isObj(raw)) {
        sink.error(
            "SVC-4",
            ["cluster"],
            t`${at("cluster")} facts must be an object like { ipFamilies: ["IPv4"], kubernetesVersion: "1.30", hasWindowsPools: false, linuxOsSku: "Ubuntu" }, got ${kindOf(raw)}; checking as an IPv4-only cluster`,
        );
        return c;
    }
    const fams = raw.ipFamilies;
    if (Array.isArray(fams) && fams.length === 2 && fams[0] === "IPv4" && fams[1] === "IPv6") {
        c.families = ["IPv4", "IPv6"];
        c.dualStack = true;
    } else if (!(Array.isArray(fams) && fams.length === 1 && fams[0] === "IPv4")) {
        sink.error(
            "SVC-4",
            ["cluster", "ipFamilies"],
            t`${at("cluster", "ipFamilies")} ${show(fams)} is not an AKS family set; AKS allows ["IPv4"] or ["IPv4", "IPv6"] (IPv4 is always primary); checking as an IPv4-only cluster`,
        );
    }
    c.version = parseKubeVersion(raw.kubernetesVersion);
    if (c.version === null) {
        sink.error(
            "SVC-4",
            ["cluster", "kubernetesVersion"],
            t`${at("cluster", "kubernetesVersion")} ${show(raw.kubernetesVersion)} is not a version like "1.30"; version-dependent rules are skipped`,
        );
    }
    if (typeof raw.hasWindowsPools === "boolean") c.hasWindowsPools = raw.hasWindowsPools;
    else
        sink.error(
            "SVC-4",
            ["cluster", "hasWindowsPools"],
            t`${at("cluster", "hasWindowsPools")} must be true or false, got ${show(raw.hasWindowsPools)}; checking as a cluster without Windows pools`,
        );
    if (raw.linuxOsSku === "Ubuntu" || raw.linuxOsSku === "AzureLinux") c.linuxOsSku = raw.linuxOsSku;
    else
        sink.error(
            "SVC-4",
            ["cluster", "linuxOsSku"],
            t`${at("cluster", "linuxOsSku")} ${show(raw.linuxOsSku)} is not "Ubuntu" or "AzureLinux"; OS-dependent rules assume the stricter Azure Linux behaviour`,
        );
    if (raw.networkDataplane === "cilium") c.networkDataplane = "cilium";
    else if (raw.networkDataplane !== undefined && raw.networkDataplane !== "azure") {
        sink.error(
            "SVC-4",
            ["cluster", "networkDataplane"],
            t`${at("cluster", "networkDataplane")} ${show(raw.networkDataplane)} is not "azure" or "cilium"; checking as "azure"`,
        );
    }
    return c;
}

/** Reads typed fields off an object, reporting wrong types as SVC-2. */
class Reader {
    constructor(private readonly sink: Sink) {}

    str(o: Obj, key: string, parent: Path): string | undefined {
        const v = o[key];
        const path = [...parent, key];
        if (v === undefined || v === null) return undefined;
        if (typeof v === "string") return v;
        this.wrong(path, v, "a string");
        return undefined;
    }
    int(o: Obj, key: string, parent: Path): number | undefined {
        const v = o[key];
        const path = [...parent, key];
        if (v === undefined || v === null) return undefined;
        if (typeof v === "number" && Number.isInteger(v)) return v;
        this.wrong(path, v, "an integer");
        return undefined;
    }
    bool(o: Obj, key: string, parent: Path): boolean | undefined {
        const v = o[key];
        const path = [...parent, key];
        if (v === undefined || v === null) return undefined;
        if (typeof v === "boolean") return v;
        this.wrong(path, v, "true or false");
        return undefined;
    }
    strList(o: Obj, key: string, parent: Path): string[] | undefined {
        const v = o[key];
        const path = [...parent, key];
        if (v === undefined || v === null) return undefined;
        if (!Array.isArray(v)) {
            this.wrong(path, v, "a list of strings");
            return undefined;
        }
        const out: string[] = [];
        v.forEach((x, i) => {
            if (typeof x === "string") out.push(x);
            else this.wrong([...path, i], x, "a string");
        });
        return out;
    }
    strMap(o: Obj, key: string, parent: Path): Record<string, string> | undefined {
        const v = o[key];
        const path = [...parent, key];
        if (v === undefined || v === null) return undefined;
        if (!isObj(v)) {
            this.wrong(path, v, "a map of strings");
            return undefined;
        }
        const out: Record<string, string> = Object.create(null);
        for (const [k, x] of Object.entries(v)) {
            if (typeof x === "string") out[k] = x;
            else
                this.wrong(
                    [...path, k],
                    x,
                    typeof x === "boolean" || typeof x === "number" ? `a string (quote it in YAML: "${String(x)}")` : "a string",
                );
        }
        return out;
    }
    unknownFields(o: Obj, known: readonly string[], parent: Path): void {
        for (const key of Object.keys(o)) {
            if (known.includes(key)) continue;
            const lower = key.toLowerCase();
            const near =
                closest(key, known) ??
                (lower.length >= 4
                    ? [...known]
                          .sort((a, b) => a.length - b.length)
                          .find((k) => k.toLowerCase().startsWith(lower.slice(0, -1)) || lower.startsWith(k.toLowerCase()))
                    : undefined);
            this.sink.warn(
                "SVC-3",
                [...parent, key],
                t`${at(parent, key)} is not a field of a v1 Service${near ? ` (did you mean ${near}?)` : ""}; with strict field validation (kubectl's default) the API server rejects it, otherwise it is dropped`,
            );
        }
    }
    private wrong(path: Path, v: unknown, want: string): void {
        this.sink.error("SVC-2", path, t`${at(path)} must be ${want}, got ${described(v)}; the API server rejects the manifest`);
    }
}

/** Read a Service manifest; returns null when it is not an object at all (SVC-1 reported). */
export function readService(raw: unknown, sink: Sink): ServiceModel | null {
    if (!isObj(raw)) {
        sink.error("SVC-1", [], t`expected a v1 Service object (as in YAML), got ${described(raw)}`);
        return null;
    }
    const rd = new Reader(sink);
    if (raw.kind !== undefined && raw.kind !== "Service") {
        sink.error("SVC-1", ["kind"], t`${at("kind")} ${show(raw.kind)} is not "Service"; checkService lints Service objects only`);
    }
    if (raw.apiVersion !== undefined && raw.apiVersion !== "v1") {
        sink.error("SVC-1", ["apiVersion"], t`${at("apiVersion")} ${show(raw.apiVersion)} is not "v1"; Services are core v1 objects`);
    }
    rd.unknownFields(raw, TOP_FIELDS, []);
    const svc: ServiceModel = { annotations: Object.create(null), externalIPs: [], ports: [], portsGiven: 0 };
    readMetadata(raw.metadata, svc, rd, sink);

    const spec = raw.spec;
    if (spec === undefined || spec === null) return svc;
    if (!isObj(spec)) {
        sink.error("SVC-2", ["spec"], t`${at("spec")} must be an object, got ${described(spec)}`);
        return svc;
    }
    readSpec(spec, svc, rd);
    readPorts(spec.ports, svc, rd, sink);
    return svc;
}

/** Read `metadata` into the model: name, generateName and annotations. */
function readMetadata(meta: unknown, svc: ServiceModel, rd: Reader, sink: Sink): void {
    if (isObj(meta)) {
        svc.name = rd.str(meta, "name", ["metadata"]);
        svc.generateName = rd.str(meta, "generateName", ["metadata"]);
        rd.str(meta, "namespace", ["metadata"]);
        svc.annotations = rd.strMap(meta, "annotations", ["metadata"]) ?? svc.annotations;
    } else if (meta !== undefined && meta !== null) {
        sink.error("SVC-2", ["metadata"], t`${at("metadata")} must be an object, got ${described(meta)}`);
    }
}

/** Read the fields of `spec` other than `ports` into the model. */
function readSpec(spec: Obj, svc: ServiceModel, rd: Reader): void {
    rd.unknownFields(spec, SPEC_FIELDS, ["spec"]);
    svc.type = rd.str(spec, "type", ["spec"]);
    svc.clusterIP = rd.str(spec, "clusterIP", ["spec"]);
    svc.clusterIPs = rd.strList(spec, "clusterIPs", ["spec"]);
    svc.ipFamilies = rd.strList(spec, "ipFamilies", ["spec"]);
    svc.ipFamilyPolicy = rd.str(spec, "ipFamilyPolicy", ["spec"]);
    svc.selector = rd.strMap(spec, "selector", ["spec"]);
    svc.externalTrafficPolicy = rd.str(spec, "externalTrafficPolicy", ["spec"]);
    svc.internalTrafficPolicy = rd.str(spec, "internalTrafficPolicy", ["spec"]);
    svc.healthCheckNodePort = rd.int(spec, "healthCheckNodePort", ["spec"]);
    svc.allocateLoadBalancerNodePorts = rd.bool(spec, "allocateLoadBalancerNodePorts", ["spec"]);
    svc.loadBalancerSourceRanges = rd.strList(spec, "loadBalancerSourceRanges", ["spec"]);
    svc.loadBalancerClass = rd.str(spec, "loadBalancerClass", ["spec"]);
    svc.loadBalancerIP = rd.str(spec, "loadBalancerIP", ["spec"]);
    svc.externalIPs = rd.strList(spec, "externalIPs", ["spec"]) ?? [];
    svc.externalName = rd.str(spec, "externalName", ["spec"]);
    svc.sessionAffinity = rd.str(spec, "sessionAffinity", ["spec"]);
    svc.trafficDistribution = rd.str(spec, "trafficDistribution", ["spec"]);
    rd.bool(spec, "publishNotReadyAddresses", ["spec"]);
}

/** Read `spec.ports` into the model, counting every entry, well-formed or not. */
function readPorts(ports: unknown, svc: ServiceModel, rd: Reader, sink: Sink): void {
    if (Array.isArray(ports)) {
        svc.portsGiven = ports.length;
        ports.forEach((p, i) => {
            const path: Path = ["spec", "ports", i];
            if (!isObj(p)) {
                sink.error("SVC-2", path, t`${at(path)} must be an object like { name: "http", port: 80 }, got ${described(p)}`);
                return;
            }
            svc.ports.push(readPort(p, i, rd, sink));
        });
    } else if (ports !== undefined && ports !== null) {
        sink.error("SVC-2", ["spec", "ports"], t`${at("spec", "ports")} must be a list, got ${described(ports)}`);
    }
}

/** Read one entry of `spec.ports`; a targetPort may be a number or a name. */
function readPort(p: Obj, i: number, rd: Reader, sink: Sink): PortModel {
    const path: Path = ["spec", "ports", i];
    rd.unknownFields(p, PORT_FIELDS, path);
    const tp = p.targetPort;
    let targetPort: number | string | undefined;
    if (typeof tp === "string" || (typeof tp === "number" && Number.isInteger(tp))) targetPort = tp;
    else if (tp !== undefined && tp !== null)
        sink.error(
            "SVC-2",
            [...path, "targetPort"],
            t`${at(path, "targetPort")} must be a port number or a port name, got ${described(tp)}`,
        );
    return {
        index: i,
        path,
        name: rd.str(p, "name", path),
        protocol: rd.str(p, "protocol", path) ?? "TCP",
        port: rd.int(p, "port", path),
        targetPort,
        nodePort: rd.int(p, "nodePort", path),
        appProtocol: rd.str(p, "appProtocol", path),
    };
}

/**
 * The effective Service. Family allocation follows `initIPFamilyFields` but never stops early: invalid
 * entries are skipped so the remaining rules still see a best-effort shape.
 */
export function effectiveOf(svc: ServiceModel, cluster: ClusterModel): EffectiveService {
    const type = svc.type === undefined || svc.type === "" ? "ClusterIP" : svc.type;
    // NormalizeClusterIPs (create): a lone clusterIP fills clusterIPs.
    const clusterIPs = svc.clusterIPs && svc.clusterIPs.length > 0 ? svc.clusterIPs : svc.clusterIP ? [svc.clusterIP] : [];
    const headless = clusterIPs.length === 1 && clusterIPs[0] === "None";
    const selectorless = svc.selector === undefined || Object.keys(svc.selector).length === 0;
    const externallyAccessible = type === "LoadBalancer" || type === "NodePort" || (type === "ClusterIP" && svc.externalIPs.length > 0);
    const eff: EffectiveService = {
        type,
        clusterIPs,
        headless,
        selectorless,
        externallyAccessible,
        ipFamilyPolicy: null,
        ipFamilies: [],
        externalTrafficPolicy: svc.externalTrafficPolicy ?? (externallyAccessible ? "Cluster" : null),
        internalTrafficPolicy:
            svc.internalTrafficPolicy ?? (type === "ClusterIP" || type === "NodePort" || type === "LoadBalancer" ? "Cluster" : null),
        allocateLoadBalancerNodePorts: svc.allocateLoadBalancerNodePorts ?? (type === "LoadBalancer" ? true : null),
    };
    if (type === "ExternalName") return eff;

    eff.ipFamilyPolicy = svc.ipFamilyPolicy ?? (headless && selectorless ? "RequireDualStack" : "SingleStack");
    const families: ServiceIpFamily[] = [];
    for (const f of svc.ipFamilies ?? []) if ((f === "IPv4" || f === "IPv6") && !families.includes(f)) families.push(f);
    // Families inferred from cluster IPs the user gave beyond the listed families.
    if (!headless) {
        clusterIPs.forEach((ip, i) => {
            const fam = familyOfIp(ip);
            if (fam && i >= families.length && !families.includes(fam) && cluster.families.includes(fam)) families.push(fam);
        });
    }
    if (families.length === 0) families.push(cluster.families[0]);
    const wantsDual = eff.ipFamilyPolicy === "PreferDualStack" || eff.ipFamilyPolicy === "RequireDualStack";
    if (wantsDual && families.length === 1 && (cluster.dualStack || (headless && selectorless))) {
        families.push(families[0] === "IPv4" ? "IPv6" : "IPv4");
    }
    eff.ipFamilies = families;
    return eff;
}

/** The effective Service as a plain manifest, for reports: the input with every default made explicit. */
export function effectiveManifest(raw: Obj, eff: EffectiveService): Obj {
    const spec: Obj = isObj(raw.spec) ? { ...raw.spec } : {};
    spec.type = eff.type;
    if (eff.type !== "ExternalName") {
        if (eff.clusterIPs.length > 0) spec.clusterIPs = eff.clusterIPs;
        spec.ipFamilyPolicy = eff.ipFamilyPolicy;
        spec.ipFamilies = eff.ipFamilies;
    }
    if (eff.externalTrafficPolicy !== null) spec.externalTrafficPolicy = eff.externalTrafficPolicy;
    if (eff.internalTrafficPolicy !== null) spec.internalTrafficPolicy = eff.internalTrafficPolicy;
    if (eff.allocateLoadBalancerNodePorts !== null) spec.allocateLoadBalancerNodePorts = eff.allocateLoadBalancerNodePorts;
    if (spec.sessionAffinity === undefined) spec.sessionAffinity = "None";
    if (Array.isArray(spec.ports)) {
        spec.ports = spec.ports.map((p) => {
            if (!isObj(p)) return p;
            const q: Obj = { ...p };
            if (q.protocol === undefined) q.protocol = "TCP";
            if (q.targetPort === undefined || q.targetPort === 0 || q.targetPort === "") q.targetPort = q.port;
            return q;
        });
    }
    return { ...raw, spec };
}
