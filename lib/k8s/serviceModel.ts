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
import { checkShape, ReadOptions, S, ShapeNode, UnknownKeys } from "../core/shape";
import { at, t, Text } from "../core/text";
import { isRecord, kindOf, nearest, show } from "../core/words";
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
    const checked = checkShape<ClusterModel>(raw, CLUSTER_SHAPE, CLUSTER_READ);
    for (const d of checked.problems) sink.add(d.severity, d.ruleId, d.segments, new Text(d.template), d.azureErrorCode);
    return checked.value ?? clusterOf({});
}

/** The cluster facts as read. */
interface ClusterRead {
    ipFamilies?: ServiceIpFamily[];
    kubernetesVersion?: KubeVersion | null;
    hasWindowsPools?: boolean;
    linuxOsSku?: "Ubuntu" | "AzureLinux";
    networkDataplane?: "azure" | "cilium";
}

/** The cluster model, each fact that is missing or wrong read as the IPv4-only cluster's. */
function clusterOf(read: ClusterRead): ClusterModel {
    const families = read.ipFamilies ?? ["IPv4"];
    return {
        families,
        dualStack: families.length === 2,
        version: read.kubernetesVersion ?? null,
        hasWindowsPools: read.hasWindowsPools ?? false,
        linuxOsSku: read.linuxOsSku ?? null,
        networkDataplane: read.networkDataplane ?? "azure",
    };
}

/** How cluster facts are read: required, under the path `cluster`, problems SVC-4. */
export const CLUSTER_READ: ReadOptions = { optional: false, at: ["cluster"], ruleId: "SVC-4" };

/** The cluster facts: each is required, and each that is missing or wrong is reported and read as a default. */
export const CLUSTER_SHAPE: ShapeNode = {
    kind: "object",
    name: "ClusterFacts",
    example: `{ ipFamilies: ["IPv4"], kubernetesVersion: "1.30", hasWindowsPools: false, linuxOsSku: "Ubuntu" }`,
    unknown: "ignore",
    wrong: (path, raw) =>
        t`${at(path)} facts must be an object like { ipFamilies: ["IPv4"], kubernetesVersion: "1.30", hasWindowsPools: false, linuxOsSku: "Ubuntu" }, got ${kindOf(raw)}; checking as an IPv4-only cluster`,
    build: (read) => clusterOf(read as ClusterRead),
    fields: {
        ipFamilies: {
            required: true,
            keepParent: true,
            shape: S.parse<ServiceIpFamily[]>("an AKS family set", (v, path) => {
                if (Array.isArray(v) && v.length === 2 && v[0] === "IPv4" && v[1] === "IPv6") return { value: ["IPv4", "IPv6"] };
                if (Array.isArray(v) && v.length === 1 && v[0] === "IPv4") return { value: ["IPv4"] };
                return {
                    problem: t`${at(path)} ${show(v)} is not an AKS family set; AKS allows ["IPv4"] or ["IPv4", "IPv6"] (IPv4 is always primary); checking as an IPv4-only cluster`,
                };
            }),
        },
        kubernetesVersion: {
            required: true,
            keepParent: true,
            shape: S.parse<KubeVersion>("a Kubernetes version", (v, path) => {
                const version = parseKubeVersion(v);
                if (version !== null) return { value: version };
                return { problem: t`${at(path)} ${show(v)} is not a version like "1.30"; version-dependent rules are skipped` };
            }),
        },
        hasWindowsPools: {
            required: true,
            keepParent: true,
            shape: {
                kind: "boolean",
                wrong: (path, v) => t`${at(path)} must be true or false, got ${show(v)}; checking as a cluster without Windows pools`,
            },
        },
        linuxOsSku: {
            required: true,
            keepParent: true,
            shape: {
                kind: "enum",
                name: "Linux OS SKU",
                values: ["Ubuntu", "AzureLinux"],
                wrong: (path, v) =>
                    t`${at(path)} ${show(v)} is not "Ubuntu" or "AzureLinux"; OS-dependent rules assume the stricter Azure Linux behaviour`,
            },
        },
        networkDataplane: {
            required: false,
            shape: {
                kind: "enum",
                name: "network dataplane",
                values: ["azure", "cilium"],
                wrong: (path, v) => t`${at(path)} ${show(v)} is not "azure" or "cilium"; checking as "azure"`,
            },
        },
    },
};

/** Read a Service manifest; returns null when it is not an object at all (SVC-1 reported). */
export function readService(raw: unknown, sink: Sink): ServiceModel | null {
    const checked = checkShape<ServiceModel>(raw, SERVICE_SHAPE, SERVICE_READ);
    for (const d of checked.problems) sink.add(d.severity, d.ruleId, d.segments, new Text(d.template), d.azureErrorCode);
    return checked.value ?? null;
}

/** The manifest as read: each field of the right type, or left out. */
interface ServiceRead {
    metadata?: { name?: string; generateName?: string; annotations?: Record<string, string> };
    spec?: Omit<ServiceModel, "annotations" | "externalIPs" | "ports" | "portsGiven" | "name" | "generateName"> & {
        externalIPs?: string[];
        ports?: { ports: PortModel[]; given: number };
    };
}

/** The Service model of a manifest read field by field. */
function serviceOf(read: ServiceRead): ServiceModel {
    const svc: ServiceModel = { annotations: Object.create(null), externalIPs: [], ports: [], portsGiven: 0 };
    const meta = read.metadata;
    if (meta !== undefined) {
        svc.name = meta.name;
        svc.generateName = meta.generateName;
        svc.annotations = meta.annotations ?? svc.annotations;
    }
    const spec = read.spec;
    if (spec === undefined) return svc;
    for (const key of SPEC_READ) (svc as unknown as Record<string, unknown>)[key] = spec[key];
    svc.externalIPs = spec.externalIPs ?? [];
    svc.ports = spec.ports?.ports ?? [];
    svc.portsGiven = spec.ports?.given ?? 0;
    return svc;
}

/** One entry of `spec.ports`, with TCP for an omitted protocol. */
function portOf(read: Omit<PortModel, "index" | "path" | "protocol"> & { protocol?: string }, path: Path): PortModel {
    return {
        index: path[path.length - 1] as number,
        path,
        name: read.name,
        protocol: read.protocol ?? "TCP",
        port: read.port,
        targetPort: read.targetPort,
        nodePort: read.nodePort,
        appProtocol: read.appProtocol,
    };
}

// The manifest's shape. Fields are declared in the order they are read (the order of the findings);
// the `known` lists are the API's field lists, in the order "did you mean" prefers.

/** SVC-2 words: what the field must be and what it is. */
function must(want: string, tail = "; the API server rejects the manifest"): (path: Path, value: unknown) => Text {
    return (path, value) => t`${at(path)} must be ${want}, got ${described(value)}${tail}`;
}

/** SVC-3: a key a v1 Service does not have, a warning with a "did you mean". */
function unknownIn(known: readonly string[]): UnknownKeys {
    return {
        rule: "SVC-3",
        severity: "warning",
        known,
        guess: nearest,
        message: (path, guess) =>
            t`${at(path)} is not a field of a v1 Service${guess ? ` (did you mean ${guess}?)` : ""}; with strict field validation (kubectl's default) the API server rejects it, otherwise it is dropped`,
    };
}

/** The one value a field may have (SVC-1), e.g. `kind: Service`. */
function exactly(value: string, why: string): ShapeNode {
    return S.parse<string>(JSON.stringify(value), (v, path) =>
        v === value ? { value } : { problem: t`${at(path)} ${show(v)} is not ${JSON.stringify(value)}; ${why}`, rule: "SVC-1" },
    );
}

const STRING: ShapeNode = { kind: "string", nullIsAbsent: true, wrong: must("a string") };
const INTEGER: ShapeNode = { kind: "number", integer: "any", nullIsAbsent: true, wrong: must("an integer") };
const BOOLEAN: ShapeNode = { kind: "boolean", nullIsAbsent: true, wrong: must("true or false") };
const STRINGS: ShapeNode = {
    kind: "list",
    of: { kind: "string", wrong: must("a string") },
    keepEmpty: true,
    nullIsAbsent: true,
    wrong: must("a list of strings"),
};
const STRING_MAP: ShapeNode = {
    kind: "map",
    of: {
        kind: "string",
        wrong: (path, v) =>
            must(typeof v === "boolean" || typeof v === "number" ? `a string (quote it in YAML: "${String(v)}")` : "a string")(path, v),
    },
    nullIsAbsent: true,
    wrong: must("a map of strings"),
    // A map without a prototype: a key such as "constructor" is only ever the user's.
    build: (map) => Object.assign(Object.create(null) as Record<string, string>, map),
};

const PORT: ShapeNode = {
    kind: "object",
    name: "ServicePort",
    example: `{ name: "http", port: 80 }`,
    unknown: unknownIn(PORT_FIELDS),
    wrong: must(`an object like { name: "http", port: 80 }`, ""),
    build: (read, path) => portOf(read as Parameters<typeof portOf>[0], path),
    fields: {
        targetPort: {
            required: false,
            shape: S.parse<number | string>(
                "a port number or a port name",
                (v, path) =>
                    typeof v === "string" || (typeof v === "number" && Number.isInteger(v))
                        ? { value: v }
                        : { problem: must("a port number or a port name", "")(path, v) },
                { nullIsAbsent: true },
            ),
        },
        name: { required: false, shape: STRING },
        protocol: { required: false, shape: STRING },
        port: { required: false, shape: INTEGER },
        nodePort: { required: false, shape: INTEGER },
        appProtocol: { required: false, shape: STRING },
    },
};

/** The fields of `spec` the model keeps as read. */
const SPEC_READ = [
    "type",
    "clusterIP",
    "clusterIPs",
    "ipFamilies",
    "ipFamilyPolicy",
    "selector",
    "externalTrafficPolicy",
    "internalTrafficPolicy",
    "healthCheckNodePort",
    "allocateLoadBalancerNodePorts",
    "loadBalancerSourceRanges",
    "loadBalancerClass",
    "loadBalancerIP",
    "externalIPs",
    "externalName",
    "sessionAffinity",
    "trafficDistribution",
] as const;

const SPEC: ShapeNode = {
    kind: "object",
    name: "ServiceSpec",
    example: `{ type: "ClusterIP", ports: [{ name: "http", port: 80 }] }`,
    nullIsAbsent: true,
    unknown: unknownIn(SPEC_FIELDS),
    wrong: must("an object", ""),
    fields: {
        type: { required: false, shape: STRING },
        clusterIP: { required: false, shape: STRING },
        clusterIPs: { required: false, shape: STRINGS },
        ipFamilies: { required: false, shape: STRINGS },
        ipFamilyPolicy: { required: false, shape: STRING },
        selector: { required: false, shape: STRING_MAP },
        externalTrafficPolicy: { required: false, shape: STRING },
        internalTrafficPolicy: { required: false, shape: STRING },
        healthCheckNodePort: { required: false, shape: INTEGER },
        allocateLoadBalancerNodePorts: { required: false, shape: BOOLEAN },
        loadBalancerSourceRanges: { required: false, shape: STRINGS },
        loadBalancerClass: { required: false, shape: STRING },
        loadBalancerIP: { required: false, shape: STRING },
        externalIPs: { required: false, shape: STRINGS },
        externalName: { required: false, shape: STRING },
        sessionAffinity: { required: false, shape: STRING },
        trafficDistribution: { required: false, shape: STRING },
        publishNotReadyAddresses: { required: false, shape: BOOLEAN },
        sessionAffinityConfig: { required: false, shape: S.any },
        ports: {
            required: false,
            shape: {
                kind: "list",
                of: PORT,
                keepEmpty: true,
                nullIsAbsent: true,
                wrong: must("a list", ""),
                build: (ports, _path, given) => ({ ports, given: (given as unknown[]).length }),
            },
        },
    },
};

/** How a manifest is read: required, from the path `[]`, shape problems SVC-2 (SVC-1 and SVC-3 where the shape says). */
export const SERVICE_READ: ReadOptions = { optional: false, at: [], ruleId: "SVC-2" };

/** The v1 Service manifest's shape: what `readService` reads, and builds the model from. */
export const SERVICE_SHAPE: ShapeNode = {
    kind: "object",
    name: "Service",
    example: `{ apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { ports: [{ port: 80 }] } }`,
    unknown: unknownIn(TOP_FIELDS),
    rule: "SVC-1",
    wrong: (_path, raw) => t`expected a v1 Service object (as in YAML), got ${described(raw)}`,
    build: (read) => serviceOf(read as ServiceRead),
    fields: {
        kind: { required: false, shape: exactly("Service", "checkService lints Service objects only") },
        apiVersion: { required: false, shape: exactly("v1", "Services are core v1 objects") },
        metadata: {
            required: false,
            shape: {
                kind: "object",
                name: "ObjectMeta",
                example: `{ name: "web" }`,
                nullIsAbsent: true,
                unknown: "ignore",
                wrong: must("an object", ""),
                fields: {
                    name: { required: false, shape: STRING },
                    generateName: { required: false, shape: STRING },
                    namespace: { required: false, shape: STRING },
                    annotations: { required: false, shape: STRING_MAP },
                },
            },
        },
        spec: { required: false, shape: SPEC },
        status: { required: false, shape: S.any },
    },
};

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
