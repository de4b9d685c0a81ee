/**
 * Reads an untrusted plan into a typed model with AKS's defaults applied, reporting every value of
 * the wrong shape (R71), unknown field (R72) and malformed CIDR or address (R1, R2) on the way. The
 * rules then work on the model only, so none of them has to guard against junk.
 */
import { Cidr, Family, parseCidr, parseIp } from "./cidr";
import * as D from "./defaults";
import { Sink } from "../core/diagnostic";
import { Path } from "../core/path";
import { checkShape, ReadOptions, S, ShapeNode, UnknownKeys } from "../core/shape";
import { at, t, Text } from "../core/text";
import * as V from "../core/values";
import { kindOf, oneOf, show } from "../core/words";
import {
    AgentPoolMode,
    ConnectedNetworkKind,
    IpamMode,
    IpFamily,
    NetworkDataplane,
    NetworkPlugin,
    NetworkPolicy,
    OsType,
    OutboundType,
} from "./types";

/** A CIDR-valued field entry; `cidr` is null when it did not parse (already reported). */
export interface CidrEntry {
    path: Path;
    raw: unknown;
    cidr: Cidr | null;
    /** How messages name it: `podCidrs[0] "10.244.0.0/16"`, `nodeSubnets[1] "aks-nodes" (10.224.0.0/16)`. */
    label: Text;
    /**
     * How a message about this very value names it, starting with its full path, when that differs
     * from `label`: `nodeSubnets[1].cidr "10.224.0.0/16" (subnet "aks-nodes")`.
     */
    subject?: Text;
    /** True when the value came from AKS's defaults rather than the plan. */
    defaulted: boolean;
}

export interface SubnetModel {
    path: Path;
    name: string | null;
    cidr: CidrEntry;
    ipv6: CidrEntry | null;
}

export interface ConnectedModel {
    path: Path;
    name: string | null;
    kind: ConnectedNetworkKind;
    entry: CidrEntry;
}

export interface PoolModel {
    path: Path;
    /** A string name (possibly invalid by R43); null when missing or not a string. */
    name: string | null;
    /** The name for messages: the name, or the path. */
    display: Text;
    osType: OsType;
    mode: AgentPoolMode;
    /** Raw numbers where valid integers, else null (reported). */
    count: number;
    countRaw: unknown;
    countExplicit: boolean;
    minCount: number | null;
    maxCount: number | null;
    maxPods: number;
    maxPodsExplicit: boolean;
    vmSize: string | null;
    subnet: string | null;
    subnetExplicit: boolean;
    podSubnet: string | null;
    osSku: string | null;
    /** Nodes the pool can reach (maxCount with the autoscaler). */
    nodes: number;
    surge: number;
}

export interface Version {
    text: string;
    parts: [number, number, number];
    explicit: boolean;
}

export interface Model {
    plugin: NetworkPlugin;
    pluginExplicit: boolean;
    pluginMode: "overlay" | null;
    ipam: IpamMode;
    dataplane: NetworkDataplane;
    /** The policy as written; undefined when omitted. */
    policy: NetworkPolicy | undefined;
    policyEffective: NetworkPolicy;
    /** The families as written, when a list of strings (R25 judges them). */
    familiesRaw: unknown[] | null;
    families: IpFamily[];
    dualStack: boolean;
    podCidrs: CidrEntry[];
    podCidrsExplicit: boolean;
    /** False when the field was given with the wrong type (count/order checks are then skipped). */
    podCidrsList: boolean;
    serviceCidrs: CidrEntry[];
    serviceCidrsExplicit: boolean;
    serviceCidrsList: boolean;
    dns: { path: Path; raw: unknown; value: bigint | null; family: Family | null; explicit: boolean; text: string };
    vnetSpaces: CidrEntry[];
    subnets: SubnetModel[];
    byoVnet: boolean;
    connected: ConnectedModel[];
    version: Version;
    outboundType: OutboundType;
    outboundExplicit: boolean;
    pools: PoolModel[];
    poolsExplicit: boolean;
    windowsProfile: { adminUsername: unknown; adminPassword: unknown; present: boolean; path: Path } | null;
    names: { key: "resourceGroup" | "vnet" | "subnet"; value: string; path: Path }[];
    authorizedRanges: CidrEntry[];
    dockerBridge: CidrEntry | null;
}

/** The model's pod and service CIDR fields. */
type PodAndServiceCidrs = Pick<
    Model,
    "podCidrs" | "podCidrsExplicit" | "podCidrsList" | "serviceCidrs" | "serviceCidrsExplicit" | "serviceCidrsList"
>;

/** The plan's top-level fields. */
export const PLAN_KEYS = [
    "networkPlugin",
    "networkPluginMode",
    "networkDataplane",
    "networkPolicy",
    "ipFamilies",
    "podCidrs",
    "serviceCidrs",
    "dnsServiceIP",
    "vnetAddressSpaces",
    "nodeSubnets",
    "connectedNetworks",
    "kubernetesVersion",
    "outboundType",
    "nodePools",
    "windowsProfile",
    "names",
    "apiServerAuthorizedIpRanges",
    "dockerBridgeCidr",
] as const;
const POOL_KEYS = [
    "name",
    "osType",
    "mode",
    "count",
    "minCount",
    "maxCount",
    "maxPods",
    "vmSize",
    "subnet",
    "podSubnet",
    "osSku",
    "maxSurge",
] as const;
const PLUGINS = V.NETWORK_PLUGINS;
const DATAPLANES = V.NETWORK_DATAPLANES;
const POLICIES = V.NETWORK_POLICIES;
const OUTBOUND = V.OUTBOUND_TYPES;
const OS_TYPES = V.OS_TYPES;
const MODES = V.AGENT_POOL_MODES;
const KINDS = V.CONNECTED_NETWORK_KINDS;
const VERSION_RE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?$/;

/** The rule ids `readModel` reports: shape (R71), unknown fields (R72), CIDRs (R1), the DNS address (R2), a pool without a name (R43). */
export const READER_IDS: readonly string[] = ["R1", "R2", "R43", "R71", "R72"];

/** How an entry's label or subject is worded, from the entry and its owner. */
type Words = (entry: Entry) => Text;

/** `podCidrs[0] "10.244.0.0/16"`. */
const plainLabel: Words = (e) => t`${at(e.path)} ${show(e.raw)}`;

/**
 * A CIDR entry whose message label and subject are made on first use: most are never shown, and a plan
 * of many thousand connected networks should not build them for each. The words are shared functions
 * of the entry and its owner (a subnet or a connected network), so an entry costs no closures.
 */
class Entry implements CidrEntry {
    private madeLabel: Text | undefined = undefined;
    private madeSubject: Text | undefined = undefined;
    /** How the label is worded. */
    labelWords: Words = plainLabel;
    /** How the subject is worded. @default - no subject */
    subjectWords: Words | undefined = undefined;
    /** The path of the subnet or connected network the entry belongs to, for its words. */
    ownerPath: Path = [];
    /** The name its words give the owner. */
    ownerName: string | null = null;

    constructor(
        public path: Path,
        public raw: unknown,
        public cidr: Cidr | null,
        public defaulted: boolean,
    ) {}

    get label(): Text {
        return (this.madeLabel ??= this.labelWords(this));
    }
    set label(value: Text) {
        this.madeLabel = value;
    }
    get subject(): Text | undefined {
        if (this.madeSubject === undefined && this.subjectWords) this.madeSubject = this.subjectWords(this);
        return this.madeSubject;
    }
    set subject(value: Text | undefined) {
        this.madeSubject = value;
    }
}

/** Gives an entry of this reader an owner and words naming it, used on first use. */
function wordLazily(entry: CidrEntry, owner: Path, name: string | null, label: Words, subject: Words): void {
    const e = entry as Entry;
    e.ownerPath = owner;
    e.ownerName = name;
    e.labelWords = label;
    e.subjectWords = subject;
}

/** `nodeSubnets[1] "aks-nodes" (10.224.0.0/16)`. */
const subnetLabel: Words = (e) => t`${at(e.ownerPath)} "${e.ownerName}" (${e.cidr?.canonical ?? show(e.raw)})`;
/** `nodeSubnets[1].cidr "10.224.0.0/16" (subnet "aks-nodes")`. */
const subnetSubject: Words = (e) => t`${at(e.path)} ${show(e.raw)} (subnet "${e.ownerName}")`;
/** `connectedNetworks[3] "hub" (10.100.0.0/16)`, or without a name `connectedNetworks[3] "10.100.0.0/16"`. */
const connectedLabel: Words = (e) =>
    e.ownerName ? t`${at(e.ownerPath)} "${e.ownerName}" (${e.cidr?.canonical ?? show(e.raw)})` : t`${at(e.ownerPath)} ${show(e.raw)}`;
/** `connectedNetworks[3].cidr "10.100.0.0/16" ("hub")`. */
const connectedSubject: Words = (e) => t`${at(e.path)} ${show(e.raw)}${e.ownerName ? ` ("${e.ownerName}")` : ""}`;

/** Reads one plan. Every problem of shape goes to the sink; the result is always usable. */
export function readModel(input: unknown, sink: Sink): Model {
    const checked = checkShape<Model>(input, PLAN_SHAPE, PLAN_READ);
    for (const d of checked.problems) sink.add(d.severity, d.ruleId, d.segments, new Text(d.template), d.azureErrorCode);
    return checked.value ?? assemble({}, {});
}

/** The plan as the shapes below read it: each field checked, parsed and built, or left out when ill-shaped. */
interface PlanRead {
    networkPlugin?: NetworkPlugin;
    networkPluginMode?: "overlay" | null;
    networkDataplane?: NetworkDataplane;
    networkPolicy?: NetworkPolicy;
    nodePools?: PoolModel[];
    ipFamilies?: unknown[];
    podCidrs?: CidrEntry[];
    serviceCidrs?: CidrEntry[];
    nodeSubnets?: SubnetModel[];
    vnetAddressSpaces?: CidrEntry[];
    kubernetesVersion?: Version;
    outboundType?: OutboundType;
    dnsServiceIP?: Model["dns"];
    connectedNetworks?: ConnectedModel[];
    windowsProfile?: NonNullable<Model["windowsProfile"]>;
    names?: Model["names"];
    apiServerAuthorizedIpRanges?: CidrEntry[];
    dockerBridgeCidr?: CidrEntry;
}

/** A pool's fields as read. */
interface PoolRead {
    name?: string;
    minCount?: number;
    maxCount?: number;
    count?: number;
    maxPods?: number;
    osType?: OsType;
    mode?: AgentPoolMode;
    vmSize?: string;
    subnet?: string;
    podSubnet?: string;
    osSku?: string;
    maxSurge?: { nodes: number } | { percent: number };
}

/** The model of a plan read field by field (`given` is the plan as written, for what was given at all). */
function assemble(read: PlanRead, given: Record<string, unknown>): Model {
    const plugin = read.networkPlugin ?? "azure";
    const dataplane = read.networkDataplane ?? "azure";
    const pools = read.nodePools ?? [defaultPool()];
    const pluginMode = D.defaultPluginMode(plugin, read.networkPluginMode, pools);
    const ipam = ipamMode(plugin, pluginMode, pools);
    for (const p of pools) {
        if (!p.maxPodsExplicit) p.maxPods = D.DEFAULT_MAX_PODS[ipam];
    }
    const families: IpFamily[] = read.ipFamilies?.includes("IPv6") ? ["IPv4", "IPv6"] : ["IPv4"];
    const dualStack = families.includes("IPv6");
    return {
        plugin,
        pluginExplicit: read.networkPlugin !== undefined,
        pluginMode,
        ipam,
        dataplane,
        policy: read.networkPolicy,
        policyEffective: read.networkPolicy ?? (dataplane === "cilium" ? "cilium" : "none"),
        familiesRaw: read.ipFamilies ?? null,
        families,
        dualStack,
        ...podAndServiceCidrs(read, given, ipam, dualStack),
        dns: read.dnsServiceIP ?? DEFAULT_DNS,
        vnetSpaces: read.vnetAddressSpaces ?? [],
        subnets: read.nodeSubnets ?? [],
        byoVnet: given.vnetAddressSpaces !== undefined || given.nodeSubnets !== undefined,
        connected: read.connectedNetworks ?? [],
        version: read.kubernetesVersion ?? { ...(parseVersion(D.DEFAULT_KUBERNETES_VERSION) as Version), explicit: false },
        outboundType: read.outboundType ?? "loadBalancer",
        outboundExplicit: read.outboundType !== undefined,
        pools,
        poolsExplicit: read.nodePools !== undefined,
        windowsProfile: read.windowsProfile ?? null,
        names: read.names ?? [],
        authorizedRanges: read.apiServerAuthorizedIpRanges ?? [],
        dockerBridge: read.dockerBridgeCidr ?? null,
    };
}

/** The pod and service CIDRs, with AKS's defaults where the plan omits them (pod CIDRs only where pods use one). */
function podAndServiceCidrs(read: PlanRead, given: Record<string, unknown>, ipam: IpamMode, dualStack: boolean): PodAndServiceCidrs {
    const usesPodCidr = ipam === "overlay" || ipam === "kubenet" || ipam === "none";
    const podExplicit = given.podCidrs !== undefined;
    const serviceExplicit = given.serviceCidrs !== undefined;
    const pod = read.podCidrs ?? [];
    const podDefaults = dualStack ? [D.DEFAULT_POD_CIDR_V4, D.DEFAULT_POD_CIDR_V6] : [D.DEFAULT_POD_CIDR_V4];
    const svcDefaults = dualStack ? [D.DEFAULT_SERVICE_CIDR_V4, D.DEFAULT_SERVICE_CIDR_V6] : [D.DEFAULT_SERVICE_CIDR_V4];
    return {
        podCidrs: usesPodCidr && !podExplicit ? defaults("podCidrs", podDefaults) : pod,
        podCidrsExplicit: podExplicit,
        podCidrsList: !podExplicit || read.podCidrs !== undefined,
        serviceCidrs: serviceExplicit ? (read.serviceCidrs ?? []) : defaults("serviceCidrs", svcDefaults),
        serviceCidrsExplicit: serviceExplicit,
        serviceCidrsList: !serviceExplicit || read.serviceCidrs !== undefined,
    };
}

/** AKS's default CIDRs for an omitted field. */
function defaults(key: string, values: string[]): CidrEntry[] {
    return values.map((text) => {
        const parsed = parseCidr(text);
        return {
            path: [key],
            raw: text,
            cidr: parsed.ok ? parsed.cidr : null,
            label: t`${at(key)} (default "${text}", as ${at(key)} is omitted)`,
            defaulted: true,
        };
    });
}

/** The cluster DNS address when the plan omits it. */
const DEFAULT_DNS: Model["dns"] = {
    path: ["dnsServiceIP"],
    raw: D.DEFAULT_DNS_SERVICE_IP,
    value: 0x0a00000an,
    family: "IPv4",
    explicit: false,
    text: D.DEFAULT_DNS_SERVICE_IP,
};

/** AKS's one pool when the plan gives none. */
function defaultPool(): PoolModel {
    return {
        path: ["nodePools", 0],
        name: D.DEFAULT_POOL_NAME,
        display: t`"${D.DEFAULT_POOL_NAME}"`,
        osType: "Linux",
        mode: "System",
        count: D.DEFAULT_POOL_COUNT,
        countRaw: D.DEFAULT_POOL_COUNT,
        countExplicit: false,
        minCount: null,
        maxCount: null,
        maxPods: 0,
        maxPodsExplicit: false,
        vmSize: null,
        subnet: null,
        subnetExplicit: false,
        podSubnet: null,
        osSku: null,
        nodes: D.DEFAULT_POOL_COUNT,
        surge: D.DEFAULT_SURGE,
    };
}

/** One pool of the plan (`given` is the pool as written). */
function poolOf(read: PoolRead, path: Path, given: Record<string, unknown>): PoolModel {
    const name = read.name ?? null;
    const minCount = read.minCount ?? null;
    const maxCount = read.maxCount ?? null;
    const autoscale = maxCount !== null;
    const count = read.count ?? (autoscale ? (minCount ?? 1) : D.DEFAULT_POOL_COUNT);
    const nodes = autoscale ? Math.max(maxCount, count) : count;
    const surge = read.maxSurge;
    return {
        path,
        name,
        display: name !== null ? t`"${name}"` : at(path),
        osType: read.osType ?? "Linux",
        mode: read.mode ?? "User",
        count,
        countRaw: given.count,
        countExplicit: given.count !== undefined,
        minCount,
        maxCount,
        maxPods: read.maxPods ?? 0,
        maxPodsExplicit: read.maxPods !== undefined,
        vmSize: read.vmSize ?? null,
        subnet: read.subnet ?? null,
        subnetExplicit: given.subnet !== undefined,
        podSubnet: read.podSubnet ?? null,
        osSku: read.osSku ?? null,
        nodes,
        // AKS rounds a percentage of the pool up to whole nodes.
        surge:
            surge === undefined ? D.DEFAULT_SURGE : "nodes" in surge ? surge.nodes : Math.max(1, Math.ceil((nodes * surge.percent) / 100)),
    };
}

/** One node subnet, its CIDRs worded with its name. */
function subnetOf(read: { name?: string; cidr: CidrEntry; ipv6Cidr?: CidrEntry }, path: Path): SubnetModel {
    const name = read.name ?? null;
    const shown = name ?? `#${String(path[path.length - 1])}`;
    for (const entry of [read.cidr, read.ipv6Cidr]) {
        if (entry === undefined) continue;
        wordLazily(entry, path, shown, subnetLabel, subnetSubject);
    }
    return { path, name, cidr: read.cidr, ipv6: read.ipv6Cidr ?? null };
}

/** One connected network given as an object, its CIDR worded with its name. */
function connectedOf(read: { name?: string; kind?: ConnectedNetworkKind; cidr: CidrEntry }, path: Path): ConnectedModel {
    const name = read.name ?? null;
    const entry = read.cidr;
    wordLazily(read.cidr, path, name, connectedLabel, connectedSubject);
    return { path, name, kind: read.kind ?? "other", entry };
}

// The plan's shape. Fields are declared in the order they are read (the order of the findings); the
// `known` lists are the order messages name them in.

/** R72: a key the plan does not have, a warning (AKS never sees it). */
function unknownIn(known: readonly string[]): UnknownKeys {
    return {
        rule: "R72",
        severity: "warning",
        known,
        message: (path, guess, fields) =>
            t`${at(path)} is not a field of the plan and is ignored; ${guess ? `did you mean "${guess}"?` : `known fields are ${fields.join(", ")}`}`,
    };
}

/** R71 words for a value of the wrong kind: the value, its kind and what to write. */
function ofKind(fix: (value: unknown) => string): (path: Path, value: unknown) => Text {
    return (path, value) => t`${at(path)} ${show(value)} is ${kindOf(value)}; ${fix(value)}`;
}

/** One of a list of values; R71 names a case slip. */
function oneValueOf(allowed: readonly string[]): ShapeNode {
    const wrong = (path: Path, v: unknown): Text => {
        const hint = typeof v === "string" ? allowed.find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
        return t`${at(path)} ${show(v)} is not allowed; use ${hint ? `"${hint}" (values are case-sensitive)` : oneOf(allowed)}`;
    };
    return { kind: "enum", name: "value", values: allowed, wrong };
}

/** A CIDR, parsed; a malformed one is R1 and kept with no CIDR (the rules skip it). */
const CIDR = S.parse<CidrEntry>("a CIDR", (raw, path) => {
    const parsed = parseCidr(raw);
    const value = new Entry(path, raw, parsed.ok ? parsed.cidr : null, false);
    if (parsed.ok) return { value };
    const fix = parsed.suggestion
        ? `write it as "${parsed.suggestion}"`
        : `write it as address/prefix, e.g. "10.0.0.0/16" or "fd12:3456:789a::/64"`;
    return {
        value,
        problem: t`${at(path)} ${show(raw)} is not a valid CIDR: ${parsed.reason}; ${fix}`,
        rule: "R1",
        code: "CidrStringParseError",
    };
});

/** A list of CIDRs. */
const CIDR_LIST: ShapeNode = {
    kind: "list",
    of: CIDR,
    wrong: ofKind((v) => `write a list of CIDR strings${typeof v === "string" ? ` such as [${show(v)}]` : ""}`),
};

/** A non-empty string, null for left out. */
const NAME: ShapeNode = {
    kind: "string",
    nonEmpty: true,
    nullIsAbsent: true,
    wrong: (path, v) => t`${at(path)} ${show(v)} must be a non-empty string`,
};

/** A whole number, null for left out ("+ 0" turns -0 into 0, so reports round-trip through JSON). */
const WHOLE: ShapeNode = {
    kind: "number",
    integer: "safe",
    nullIsAbsent: true,
    wrong: (path, v) => {
        const why = typeof v !== "number" ? kindOf(v) : Number.isInteger(v) ? "far too large" : "not a whole number";
        return t`${at(path)} ${show(v)} is ${why}; write a whole number`;
    },
    build: (v) => (v as number) + 0,
};

/** The plugin mode: "overlay", or null for the plugin's flat mode. */
const PLUGIN_MODE = S.parse<"overlay" | null>("a plugin mode", (v, path) => {
    if (v === null || v === "overlay") return { value: v };
    const hint = typeof v === "string" && v.toLowerCase() === "overlay" ? ` ("overlay" is lower case)` : "";
    return { problem: t`${at(path)} ${show(v)} is not allowed; use "overlay" or leave it out for the plugin's flat mode${hint}` };
});

/** The Kubernetes version: major.minor or major.minor.patch. */
const VERSION = S.parse<Version>("a version", (v, path) => {
    const parsed = parseVersion(v);
    if (parsed) return { value: parsed };
    return { problem: t`${at(path)} ${show(v)} is not a version; write major.minor or major.minor.patch, e.g. "1.33"` };
});

/** The cluster DNS address (R2): an IPv4 address; a bad one is kept with no value. */
const DNS = S.parse<Model["dns"]>("an IPv4 address", (raw, path) => {
    const parsed = parseIp(raw);
    if (parsed.ok && parsed.family === "IPv4") {
        return { value: { path, raw, value: parsed.value, family: "IPv4", explicit: true, text: raw as string } };
    }
    const why = parsed.ok
        ? "it is an IPv6 address; the cluster DNS address is IPv4 even on dual-stack clusters"
        : typeof raw === "string" && raw.includes("/")
          ? "it has a prefix; give a single address"
          : parsed.reason;
    const fix = !parsed.ok && parsed.suggestion ? `"${parsed.suggestion}"` : `an address inside the IPv4 service CIDR such as "10.0.0.10"`;
    return {
        value: { path, raw, value: null, family: null, explicit: true, text: String(raw) },
        problem: t`${at(path)} ${show(raw)} is not a valid IPv4 address: ${why}; use ${fix}`,
        rule: "R2",
    };
});

/** maxSurge: a node count or a percentage of the pool, null for left out. */
const SURGE = S.parse<PoolRead["maxSurge"]>(
    "a node count or percentage",
    (v, path) => {
        if (typeof v === "number" && Number.isInteger(v) && v >= 1) return { value: { nodes: v } };
        const count = typeof v === "string" ? /^([1-9]\d*)$/.exec(v) : null;
        if (count) return { value: { nodes: Number(count[1]) } };
        const percent = typeof v === "string" ? /^([1-9]\d?|100)%$/.exec(v) : null;
        if (percent) return { value: { percent: Number(percent[1]) } };
        return { problem: t`${at(path)} ${show(v)} is not a node count or percentage; write e.g. "1", "3" or "33%"` };
    },
    { nullIsAbsent: true },
);

const POOL: ShapeNode = {
    kind: "object",
    name: "node pool",
    example: `{ "name": "pool1", "count": 3 }`,
    unknown: unknownIn(POOL_KEYS),
    wrong: ofKind(() => `write { "name": "pool1", "count": 3 }`),
    build: (read, path, given) => poolOf(read as PoolRead, path, given as Record<string, unknown>),
    fields: {
        name: {
            required: true,
            keepParent: true,
            shape: S.parse<string>("a pool name", (v, path) =>
                typeof v === "string"
                    ? { value: v }
                    : {
                          problem: t`${at(path)} ${show(v)} is missing or not a string; give the pool a name of 1-12 lowercase letters and digits starting with a letter`,
                          rule: "R43",
                      },
            ),
        },
        minCount: { required: false, shape: WHOLE },
        maxCount: { required: false, shape: WHOLE },
        count: { required: false, shape: WHOLE },
        maxPods: { required: false, shape: WHOLE },
        osType: { required: false, shape: oneValueOf(OS_TYPES) },
        mode: { required: false, shape: oneValueOf(MODES) },
        vmSize: { required: false, shape: NAME },
        subnet: { required: false, shape: NAME },
        podSubnet: { required: false, shape: NAME },
        osSku: { required: false, shape: NAME },
        maxSurge: { required: false, shape: SURGE },
    },
};

const SUBNET: ShapeNode = {
    kind: "object",
    name: "node subnet",
    example: `{ "name": "aks-nodes", "cidr": "10.224.0.0/16" }`,
    unknown: unknownIn(["name", "cidr", "ipv6Cidr"]),
    wrong: ofKind(() => `write { "name": "aks-nodes", "cidr": "10.224.0.0/16" }`),
    build: (read, path) => subnetOf(read as Parameters<typeof subnetOf>[0], path),
    fields: {
        name: {
            required: true,
            keepParent: true,
            shape: {
                kind: "string",
                nonEmpty: true,
                wrong: (path, v) => t`${at(path)} ${show(v)} must be a non-empty string: node pools refer to subnets by name`,
            },
        },
        cidr: { required: true, keepParent: true, shape: CIDR },
        ipv6Cidr: { required: false, shape: CIDR },
    },
};

const CONNECTED: ShapeNode = S.union([
    {
        kind: "object",
        name: "connected network",
        example: `{ "name": "hub", "cidr": "10.100.0.0/16" }`,
        unknown: unknownIn(["name", "cidr", "kind"]),
        build: (read, path) => connectedOf(read as Parameters<typeof connectedOf>[0], path),
        fields: {
            name: {
                required: false,
                shape: { kind: "string", nonEmpty: true, wrong: (path, v) => t`${at(path)} ${show(v)} must be a non-empty string` },
            },
            kind: { required: false, shape: oneValueOf(KINDS) },
            cidr: { required: true, keepParent: true, shape: CIDR },
        },
    },
    { ...CIDR, build: (entry, path): ConnectedModel => ({ path, name: null, kind: "other", entry: entry as CidrEntry }) },
]);

const NAMES = ["resourceGroup", "vnet", "subnet"] as const;

/** How a plan is read: it may be left out, problems with it as a whole have the path `[]`, and shape problems are R71. */
export const PLAN_READ: ReadOptions = { optional: true, at: [], ruleId: "R71" };

/** The plan's shape: what `readModel` reads, and builds the model from. */
export const PLAN_SHAPE: ShapeNode = {
    kind: "object",
    name: "network plan",
    example: `{ "networkPlugin": "azure", "networkPluginMode": "overlay" }`,
    unknown: unknownIn(PLAN_KEYS),
    wrong: (_path, v) =>
        t`the network plan is ${kindOf(v)}; pass an object such as { "networkPlugin": "azure", "networkPluginMode": "overlay" }`,
    build: (read, _path, given) => assemble(read as PlanRead, given as Record<string, unknown>),
    fields: {
        networkPlugin: { required: false, shape: oneValueOf(PLUGINS) },
        networkPluginMode: { required: false, shape: PLUGIN_MODE },
        networkDataplane: { required: false, shape: oneValueOf(DATAPLANES) },
        networkPolicy: { required: false, shape: oneValueOf(POLICIES) },
        nodePools: {
            required: false,
            shape: {
                kind: "list",
                of: POOL,
                keepEmpty: true,
                wrong: ofKind(() => `write a list such as [{ "name": "system", "mode": "System", "count": 3 }]`),
            },
        },
        ipFamilies: {
            required: false,
            shape: {
                kind: "list",
                of: S.any,
                wrong: ofKind(() => `write ["IPv4"] or ["IPv4", "IPv6"]`),
                build: (_read, _path, given) => given,
            },
        },
        podCidrs: { required: false, shape: CIDR_LIST },
        serviceCidrs: { required: false, shape: CIDR_LIST },
        nodeSubnets: {
            required: false,
            shape: {
                kind: "list",
                of: SUBNET,
                keepEmpty: true,
                wrong: ofKind(() => `write a list such as [{ "name": "aks-nodes", "cidr": "10.224.0.0/16" }]`),
            },
        },
        vnetAddressSpaces: { required: false, shape: CIDR_LIST },
        kubernetesVersion: { required: false, shape: VERSION },
        outboundType: { required: false, shape: oneValueOf(OUTBOUND) },
        dnsServiceIP: { required: false, shape: DNS },
        connectedNetworks: {
            required: false,
            shape: {
                kind: "list",
                of: CONNECTED,
                keepEmpty: true,
                wrong: ofKind(() => `write a list of CIDRs or { "name", "cidr" } entries`),
            },
        },
        windowsProfile: {
            required: false,
            shape: {
                kind: "object",
                name: "Windows profile",
                example: `{ "adminUsername": "azureuser", "adminPassword": "..." }`,
                nullIsAbsent: true,
                unknown: unknownIn(["adminUsername", "adminPassword"]),
                wrong: (path, v) => t`${at(path)} is ${kindOf(v)}; write { "adminUsername": "azureuser", "adminPassword": "..." } or null`,
                build: (read, path) => {
                    const profile = read as { adminUsername?: unknown; adminPassword?: unknown };
                    return { adminUsername: profile.adminUsername, adminPassword: profile.adminPassword, present: true, path };
                },
                fields: { adminUsername: { required: false, shape: S.any }, adminPassword: { required: false, shape: S.any } },
            },
        },
        names: {
            required: false,
            shape: {
                kind: "object",
                name: "names",
                example: `{ "resourceGroup": "...", "vnet": "...", "subnet": "..." }`,
                unknown: unknownIn(NAMES),
                wrong: ofKind(() => `write { "resourceGroup": "...", "vnet": "...", "subnet": "..." }`),
                build: (read, path) => {
                    const values = read as Partial<Record<(typeof NAMES)[number], string>>;
                    return NAMES.flatMap((key) => (values[key] === undefined ? [] : [{ key, value: values[key], path: [...path, key] }]));
                },
                fields: {
                    resourceGroup: { required: false, shape: { ...NAME, nullIsAbsent: false } },
                    vnet: { required: false, shape: { ...NAME, nullIsAbsent: false } },
                    subnet: { required: false, shape: { ...NAME, nullIsAbsent: false } },
                },
            },
        },
        apiServerAuthorizedIpRanges: { required: false, shape: CIDR_LIST },
        dockerBridgeCidr: { required: false, shape: CIDR },
    },
};

/** The IPAM mode of a plugin, mode and pool list (see the reference's "Modes" table). */
export function ipamMode(plugin: NetworkPlugin, mode: "overlay" | null, pools: { podSubnet: string | null }[]): IpamMode {
    if (plugin === "kubenet") return "kubenet";
    if (plugin === "none") return "none";
    if (mode === "overlay") return "overlay";
    return pools.some((p) => p.podSubnet !== null) ? "podSubnet" : "nodeSubnet";
}

/** Parse `major.minor` or `major.minor.patch` (no leading zeros, no "v"); null when it isn't one. */
export function parseVersion(text: unknown): Version | null {
    const m = typeof text === "string" ? VERSION_RE.exec(text) : null;
    return m ? { text: m[0], parts: [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)], explicit: true } : null;
}

/** Compare versions numerically; "1.26.3" > "1.26". */
export function versionAtLeast(v: Version, major: number, minor: number, patch = 0): boolean {
    const [a, b, c] = v.parts;
    if (a !== major) return a > major;
    if (b !== minor) return b > minor;
    return c >= patch;
}
