/**
 * Reads an untrusted plan into a typed model with AKS's defaults applied, reporting every value of
 * the wrong shape (R71), unknown field (R72) and malformed CIDR or address (R1, R2) on the way. The
 * rules then work on the model only, so none of them has to guard against junk.
 */
import { Cidr, Family, parseCidr, parseIp } from "./cidr";
import * as D from "./defaults";
import { Sink } from "../core/diagnostic";
import { Path } from "../core/path";
import { at, t, Text } from "../core/text";
import * as V from "../core/values";
import { closest, isRecord, kindOf, oneOf, show } from "../core/words";
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

/**
 * A CIDR entry whose message label and subject are made on first use: most are never shown, and a plan
 * of many thousand connected networks should not build them for each.
 */
class Entry implements CidrEntry {
    private made: { label?: Text; subject?: Text } = {};
    readonly makers: { label: () => Text; subject?: () => Text };

    constructor(
        public path: Path,
        public raw: unknown,
        public cidr: Cidr | null,
        public defaulted: boolean,
        label: () => Text,
    ) {
        this.makers = { label };
    }

    get label(): Text {
        return (this.made.label ??= this.makers.label());
    }
    set label(value: Text) {
        this.made.label = value;
    }
    get subject(): Text | undefined {
        if (this.made.subject === undefined && this.makers.subject) this.made.subject = this.makers.subject();
        return this.made.subject;
    }
    set subject(value: Text | undefined) {
        this.made.subject = value;
    }
}

/** Gives an entry of this reader a label or subject made on first use. */
function wordLazily(entry: CidrEntry, key: "label" | "subject", make: () => Text): void {
    (entry as Entry).makers[key] = make;
}

/** Reads one plan. Every problem of shape goes to the sink; the result is always usable. */
export function readModel(input: unknown, sink: Sink): Model {
    const r = new Reader(sink);
    return r.read(input);
}

class Reader {
    constructor(private readonly sink: Sink) {}

    read(input: unknown): Model {
        let plan: Record<string, unknown> = {};
        if (isRecord(input)) {
            plan = input;
        } else if (input !== undefined) {
            this.sink.error(
                "R71",
                [],
                `the network plan is ${kindOf(input)}; pass an object such as { "networkPlugin": "azure", "networkPluginMode": "overlay" }`,
            );
        }
        this.unknownKeys(plan, [], PLAN_KEYS);

        const pluginRaw = this.enumField(plan, "networkPlugin", PLUGINS);
        const modeRaw = this.pluginModeField(plan);
        const pluginExplicit = pluginRaw !== undefined;
        const plugin: NetworkPlugin = pluginRaw ?? "azure";
        const dataplane = this.enumField(plan, "networkDataplane", DATAPLANES) ?? "azure";
        const policy = this.enumField(plan, "networkPolicy", POLICIES);

        const pools = this.pools(plan);
        const pluginMode = D.defaultPluginMode(plugin, modeRaw, pools.list);
        const ipam = ipamMode(plugin, pluginMode, pools.list);
        for (const p of pools.list) {
            if (!p.maxPodsExplicit) p.maxPods = D.DEFAULT_MAX_PODS[ipam];
        }

        const { familiesRaw, families } = this.families(plan);
        const dualStack = families.includes("IPv6");
        const podAndService = this.podAndServiceCidrs(plan, ipam, dualStack);

        const subnets = this.subnets(plan);
        const vnetSpaces = this.cidrList(plan, "vnetAddressSpaces");
        const byoVnet = vnetSpaces.explicit || plan.nodeSubnets !== undefined;
        const version = this.version(plan);

        const outbound = this.enumField(plan, "outboundType", OUTBOUND);
        return {
            plugin,
            pluginExplicit,
            pluginMode,
            ipam,
            dataplane,
            policy,
            policyEffective: policy ?? (dataplane === "cilium" ? "cilium" : "none"),
            familiesRaw,
            families,
            dualStack,
            ...podAndService,
            dns: this.dns(plan),
            vnetSpaces: vnetSpaces.entries,
            subnets,
            byoVnet,
            connected: this.connected(plan),
            version,
            outboundType: outbound ?? "loadBalancer",
            outboundExplicit: outbound !== undefined,
            pools: pools.list,
            poolsExplicit: pools.explicit,
            windowsProfile: this.windowsProfile(plan),
            names: this.names(plan),
            authorizedRanges: this.cidrList(plan, "apiServerAuthorizedIpRanges").entries,
            dockerBridge: plan.dockerBridgeCidr === undefined ? null : this.cidr(["dockerBridgeCidr"], plan.dockerBridgeCidr),
        };
    }

    /** The pod and service CIDRs, with AKS's defaults where the plan omits them (pod CIDRs only where pods use one). */
    private podAndServiceCidrs(plan: Record<string, unknown>, ipam: IpamMode, dualStack: boolean): PodAndServiceCidrs {
        const usesPodCidr = ipam === "overlay" || ipam === "kubenet" || ipam === "none";
        const pod = this.cidrList(plan, "podCidrs");
        const svc = this.cidrList(plan, "serviceCidrs");
        const podDefaults = dualStack ? [D.DEFAULT_POD_CIDR_V4, D.DEFAULT_POD_CIDR_V6] : [D.DEFAULT_POD_CIDR_V4];
        const svcDefaults = dualStack ? [D.DEFAULT_SERVICE_CIDR_V4, D.DEFAULT_SERVICE_CIDR_V6] : [D.DEFAULT_SERVICE_CIDR_V4];
        return {
            podCidrs: usesPodCidr ? (pod.explicit ? pod.entries : this.defaults("podCidrs", podDefaults)) : pod.entries,
            podCidrsExplicit: pod.explicit,
            podCidrsList: pod.list,
            serviceCidrs: svc.explicit ? svc.entries : this.defaults("serviceCidrs", svcDefaults),
            serviceCidrsExplicit: svc.explicit,
            serviceCidrsList: svc.list,
        };
    }

    /** The Kubernetes version, AKS's default when omitted or not a version (R71). */
    private version(plan: Record<string, unknown>): Version {
        const raw = plan.kubernetesVersion;
        const fallback: Version = { ...(parseVersion(D.DEFAULT_KUBERNETES_VERSION) as Version), explicit: false };
        if (raw === undefined) return fallback;
        const parsed = parseVersion(raw);
        if (parsed) return parsed;
        this.sink.error(
            "R71",
            ["kubernetesVersion"],
            t`${at("kubernetesVersion")} ${show(raw)} is not a version; write major.minor or major.minor.patch, e.g. "1.33"`,
        );
        return fallback;
    }

    private unknownKeys(obj: Record<string, unknown>, prefix: Path, known: readonly string[]): void {
        for (const key of Object.keys(obj)) {
            if (known.includes(key)) continue;
            const guess = closest(key, known);
            const path = [...prefix, key];
            this.sink.warn(
                "R72",
                path,
                t`${at(path)} is not a field of the plan and is ignored; ${guess ? `did you mean "${guess}"?` : `known fields are ${known.join(", ")}`}`,
            );
        }
    }

    private enumField<T extends string>(
        obj: Record<string, unknown>,
        key: string,
        allowed: readonly T[],
        prefix: Path = [],
    ): T | undefined {
        const v = obj[key];
        const path = [...prefix, key];
        if (v === undefined) return undefined;
        if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
        const hint = typeof v === "string" ? allowed.find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
        this.sink.error(
            "R71",
            path,
            t`${at(path)} ${show(v)} is not allowed; use ${hint ? `"${hint}" (values are case-sensitive)` : oneOf(allowed)}`,
        );
        return undefined;
    }

    private pluginModeField(plan: Record<string, unknown>): "overlay" | null | undefined {
        const v = plan.networkPluginMode;
        if (v === undefined || v === null) return v as null | undefined;
        if (v === "overlay") return "overlay";
        const hint = typeof v === "string" && v.toLowerCase() === "overlay" ? ` ("overlay" is lower case)` : "";
        this.sink.error(
            "R71",
            ["networkPluginMode"],
            t`${at("networkPluginMode")} ${show(v)} is not allowed; use "overlay" or leave it out for the plugin's flat mode${hint}`,
        );
        return undefined;
    }

    private families(plan: Record<string, unknown>): { familiesRaw: unknown[] | null; families: IpFamily[] } {
        const v = plan.ipFamilies;
        if (v === undefined) return { familiesRaw: null, families: ["IPv4"] };
        if (!Array.isArray(v)) {
            this.sink.error("R71", ["ipFamilies"], t`${at("ipFamilies")} ${show(v)} is ${kindOf(v)}; write ["IPv4"] or ["IPv4", "IPv6"]`);
            return { familiesRaw: null, families: ["IPv4"] };
        }
        const dual = v.includes("IPv6");
        return { familiesRaw: v, families: dual ? ["IPv4", "IPv6"] : ["IPv4"] };
    }

    private cidrList(plan: Record<string, unknown>, key: string): { entries: CidrEntry[]; explicit: boolean; list: boolean } {
        const v = plan[key];
        if (v === undefined) return { entries: [], explicit: false, list: true };
        if (!Array.isArray(v)) {
            const example = typeof v === "string" ? ` such as [${show(v)}]` : "";
            this.sink.error("R71", [key], t`${at(key)} ${show(v)} is ${kindOf(v)}; write a list of CIDR strings${example}`);
            return { entries: [], explicit: true, list: false };
        }
        return { entries: v.map((x, i) => this.cidr([key, i], x)), explicit: true, list: true };
    }

    private defaults(key: string, values: string[]): CidrEntry[] {
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

    /** Parse one CIDR, reporting R1 when it is malformed. */
    cidr(path: Path, raw: unknown, label?: Text): CidrEntry {
        const parsed = parseCidr(raw);
        const entry = new Entry(path, raw, parsed.ok ? parsed.cidr : null, false, () => label ?? t`${at(path)} ${show(raw)}`);
        if (!parsed.ok) {
            const fix = parsed.suggestion
                ? `write it as "${parsed.suggestion}"`
                : `write it as address/prefix, e.g. "10.0.0.0/16" or "fd12:3456:789a::/64"`;
            this.sink.error("R1", path, t`${at(path)} ${show(raw)} is not a valid CIDR: ${parsed.reason}; ${fix}`, "CidrStringParseError");
        }
        return entry;
    }

    private dns(plan: Record<string, unknown>): Model["dns"] {
        const raw = plan.dnsServiceIP;
        if (raw === undefined) {
            return {
                path: ["dnsServiceIP"],
                raw: D.DEFAULT_DNS_SERVICE_IP,
                value: 0x0a00000an,
                family: "IPv4",
                explicit: false,
                text: D.DEFAULT_DNS_SERVICE_IP,
            };
        }
        const parsed = parseIp(raw);
        if (parsed.ok && parsed.family === "IPv4") {
            return { path: ["dnsServiceIP"], raw, value: parsed.value, family: "IPv4", explicit: true, text: raw as string };
        }
        const why = parsed.ok
            ? "it is an IPv6 address; the cluster DNS address is IPv4 even on dual-stack clusters"
            : typeof raw === "string" && raw.includes("/")
              ? "it has a prefix; give a single address"
              : parsed.reason;
        const fix =
            !parsed.ok && parsed.suggestion ? `"${parsed.suggestion}"` : `an address inside the IPv4 service CIDR such as "10.0.0.10"`;
        this.sink.error("R2", ["dnsServiceIP"], t`${at("dnsServiceIP")} ${show(raw)} is not a valid IPv4 address: ${why}; use ${fix}`);
        return { path: ["dnsServiceIP"], raw, value: null, family: null, explicit: true, text: String(raw) };
    }

    private subnets(plan: Record<string, unknown>): SubnetModel[] {
        const v = plan.nodeSubnets;
        if (v === undefined) return [];
        if (!Array.isArray(v)) {
            this.sink.error(
                "R71",
                ["nodeSubnets"],
                t`${at("nodeSubnets")} ${show(v)} is ${kindOf(v)}; write a list such as [{ "name": "aks-nodes", "cidr": "10.224.0.0/16" }]`,
            );
            return [];
        }
        const out: SubnetModel[] = [];
        v.forEach((s, i) => {
            const path = ["nodeSubnets", i];
            if (!isRecord(s)) {
                this.sink.error(
                    "R71",
                    path,
                    t`${at(path)} ${show(s)} is ${kindOf(s)}; write { "name": "aks-nodes", "cidr": "10.224.0.0/16" }`,
                );
                return;
            }
            this.unknownKeys(s, path, ["name", "cidr", "ipv6Cidr"]);
            let name: string | null = null;
            if (typeof s.name === "string" && s.name.length > 0) name = s.name;
            else
                this.sink.error(
                    "R71",
                    [...path, "name"],
                    t`${at(path, "name")} ${show(s.name)} must be a non-empty string: node pools refer to subnets by name`,
                );
            const shown = name ?? `#${i}`;
            const cidr = this.cidr([...path, "cidr"], s.cidr);
            wordLazily(cidr, "label", () => t`${at(path)} "${shown}" (${cidr.cidr?.canonical ?? show(s.cidr)})`);
            wordLazily(cidr, "subject", () => t`${at(cidr.path)} ${show(s.cidr)} (subnet "${shown}")`);
            let ipv6: CidrEntry | null = null;
            if (s.ipv6Cidr !== undefined) {
                ipv6 = this.cidr([...path, "ipv6Cidr"], s.ipv6Cidr);
                const entry = ipv6;
                wordLazily(entry, "label", () => t`${at(path)} "${shown}" (${entry.cidr?.canonical ?? show(s.ipv6Cidr)})`);
                wordLazily(entry, "subject", () => t`${at(entry.path)} ${show(s.ipv6Cidr)} (subnet "${shown}")`);
            }
            out.push({ path, name, cidr, ipv6 });
        });
        return out;
    }

    private connected(plan: Record<string, unknown>): ConnectedModel[] {
        const v = plan.connectedNetworks;
        if (v === undefined) return [];
        if (!Array.isArray(v)) {
            this.sink.error(
                "R71",
                ["connectedNetworks"],
                t`${at("connectedNetworks")} ${show(v)} is ${kindOf(v)}; write a list of CIDRs or { "name", "cidr" } entries`,
            );
            return [];
        }
        const out: ConnectedModel[] = [];
        for (let i = 0; i < v.length; i++) {
            const c = v[i];
            const path = ["connectedNetworks", i];
            if (isRecord(c)) {
                this.unknownKeys(c, path, ["name", "cidr", "kind"]);
                const name = typeof c.name === "string" && c.name.length > 0 ? c.name : null;
                if (c.name !== undefined && name === null) {
                    this.sink.error("R71", [...path, "name"], t`${at(path, "name")} ${show(c.name)} must be a non-empty string`);
                }
                const kind = this.enumField(c, "kind", KINDS, path) ?? "other";
                const entry = this.cidr([...path, "cidr"], c.cidr);
                wordLazily(entry, "label", () =>
                    name ? t`${at(path)} "${name}" (${entry.cidr?.canonical ?? show(c.cidr)})` : t`${at(path)} ${show(c.cidr)}`,
                );
                wordLazily(entry, "subject", () => t`${at(entry.path)} ${show(c.cidr)}${name ? ` ("${name}")` : ""}`);
                out.push({ path, name, kind, entry });
            } else {
                out.push({ path, name: null, kind: "other", entry: this.cidr(path, c) });
            }
        }
        return out;
    }

    private pools(plan: Record<string, unknown>): { list: PoolModel[]; explicit: boolean } {
        const v = plan.nodePools;
        const fallback = (): PoolModel[] => [
            {
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
            },
        ];
        if (v === undefined) return { list: fallback(), explicit: false };
        if (!Array.isArray(v)) {
            this.sink.error(
                "R71",
                ["nodePools"],
                t`${at("nodePools")} ${show(v)} is ${kindOf(v)}; write a list such as [{ "name": "system", "mode": "System", "count": 3 }]`,
            );
            return { list: fallback(), explicit: false };
        }
        const list: PoolModel[] = [];
        v.forEach((p, i) => {
            const pool = this.pool(p, i);
            if (pool) list.push(pool);
        });
        return { list, explicit: true };
    }

    /** One node pool; undefined when it is not an object (reported). */
    private pool(p: unknown, i: number): PoolModel | undefined {
        const path = ["nodePools", i];
        if (!isRecord(p)) {
            this.sink.error("R71", path, t`${at(path)} ${show(p)} is ${kindOf(p)}; write { "name": "pool1", "count": 3 }`);
            return undefined;
        }
        this.unknownKeys(p, path, POOL_KEYS);
        const name = typeof p.name === "string" ? p.name : null;
        if (name === null) {
            this.sink.error(
                "R43",
                [...path, "name"],
                t`${at(path, "name")} ${show(p.name)} is missing or not a string; give the pool a name of 1-12 lowercase letters and digits starting with a letter`,
            );
        }
        const display = name !== null ? t`"${name}"` : at(path);
        const minCount = this.optionalInt(p, "minCount", path);
        const maxCount = this.optionalInt(p, "maxCount", path);
        const autoscale = maxCount !== null;
        let count = autoscale ? (minCount ?? 1) : D.DEFAULT_POOL_COUNT;
        const countExplicit = p.count !== undefined;
        if (countExplicit) {
            const c = this.optionalInt(p, "count", path);
            if (c !== null) count = c;
        }
        const maxPodsInt = this.optionalInt(p, "maxPods", path);
        const nodes = autoscale ? Math.max(maxCount, count) : count;
        return {
            path,
            name,
            display,
            osType: this.enumField(p, "osType", OS_TYPES, path) ?? "Linux",
            mode: this.enumField(p, "mode", MODES, path) ?? "User",
            count,
            countRaw: p.count,
            countExplicit,
            minCount,
            maxCount,
            maxPods: maxPodsInt ?? 0,
            maxPodsExplicit: maxPodsInt !== null,
            vmSize: this.optionalString(p, "vmSize", path),
            subnet: this.optionalString(p, "subnet", path),
            subnetExplicit: p.subnet !== undefined,
            podSubnet: this.optionalString(p, "podSubnet", path),
            osSku: this.optionalString(p, "osSku", path),
            nodes,
            surge: this.surge(p.maxSurge, [...path, "maxSurge"], nodes),
        };
    }

    private optionalInt(obj: Record<string, unknown>, key: string, prefix: Path): number | null {
        const v = obj[key];
        if (v === undefined || v === null) return null;
        // "+ 0" turns -0 into 0, so reports round-trip through JSON.
        if (typeof v === "number" && Number.isSafeInteger(v)) return v + 0;
        const why = typeof v !== "number" ? kindOf(v) : Number.isInteger(v) ? "far too large" : "not a whole number";
        this.sink.error("R71", [...prefix, key], t`${at(prefix, key)} ${show(v)} is ${why}; write a whole number`);
        return null;
    }

    private optionalString(obj: Record<string, unknown>, key: string, prefix: Path): string | null {
        const v = obj[key];
        if (v === undefined || v === null) return null;
        if (typeof v === "string" && v.length > 0) return v;
        this.sink.error("R71", [...prefix, key], t`${at(prefix, key)} ${show(v)} must be a non-empty string`);
        return null;
    }

    private surge(v: unknown, path: Path, nodes: number): number {
        if (v === undefined || v === null) return D.DEFAULT_SURGE;
        if (typeof v === "number" && Number.isInteger(v) && v >= 1) return v;
        if (typeof v === "string") {
            const n = /^([1-9]\d*)$/.exec(v);
            if (n) return Number(n[1]);
            const pct = /^([1-9]\d?|100)%$/.exec(v);
            // AKS rounds a percentage of the pool up to whole nodes.
            if (pct) return Math.max(1, Math.ceil((nodes * Number(pct[1])) / 100));
        }
        this.sink.error("R71", path, t`${at(path)} ${show(v)} is not a node count or percentage; write e.g. "1", "3" or "33%"`);
        return D.DEFAULT_SURGE;
    }

    private windowsProfile(plan: Record<string, unknown>): Model["windowsProfile"] {
        const v = plan.windowsProfile;
        if (v === undefined || v === null) return null;
        if (!isRecord(v)) {
            this.sink.error(
                "R71",
                ["windowsProfile"],
                t`${at("windowsProfile")} is ${kindOf(v)}; write { "adminUsername": "azureuser", "adminPassword": "..." } or null`,
            );
            return null;
        }
        this.unknownKeys(v, ["windowsProfile"], ["adminUsername", "adminPassword"]);
        return { adminUsername: v.adminUsername, adminPassword: v.adminPassword, present: true, path: ["windowsProfile"] };
    }

    private names(plan: Record<string, unknown>): Model["names"] {
        const v = plan.names;
        if (v === undefined) return [];
        if (!isRecord(v)) {
            this.sink.error(
                "R71",
                ["names"],
                t`${at("names")} ${show(v)} is ${kindOf(v)}; write { "resourceGroup": "...", "vnet": "...", "subnet": "..." }`,
            );
            return [];
        }
        this.unknownKeys(v, ["names"], ["resourceGroup", "vnet", "subnet"]);
        const out: Model["names"] = [];
        for (const key of ["resourceGroup", "vnet", "subnet"] as const) {
            const value = v[key];
            if (value === undefined) continue;
            if (typeof value !== "string" || value.length === 0) {
                this.sink.error("R71", ["names", key], t`${at("names", key)} ${show(value)} must be a non-empty string`);
                continue;
            }
            out.push({ key, value, path: ["names", key] });
        }
        return out;
    }
}

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
