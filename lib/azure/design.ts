/**
 * From `AksClusterArgs` to a design: the arguments' shape checked first (A22, `shape.ts`: arguments
 * may come from JavaScript or YAML), every component default applied, the network plan handed to the
 * planner, the path table that maps the planner's findings back to the user's arguments, and the
 * component's own findings (`A` rules). Pure: no Pulumi runtime imports, so it is tested without mocks
 * and runs in the constructor before any resource exists.
 */
import type * as pulumi from "@pulumi/pulumi";
import { defaultPluginMode } from "../network/defaults";
import { describeNetworkPlan, verdictOf } from "../network/report";
import { parseVersion, versionAtLeast } from "../network/model";
import { ConnectedNetwork, Diagnostic, EffectiveNetworkPlan, NetworkPlan, NetworkPlanReport, NodePoolPlan } from "../network/types";
import { AKS_CLUSTER_ARGS_SHAPE, AksClusterArgs, MaintenanceWindowArgs, SubnetArgs } from "./clusterArgs";
import * as D from "./defaults";
import {
    BackendPoolType,
    ClusterSkuTier,
    IpFamily,
    KubeloginMode,
    NetworkDataplane,
    NetworkPlugin,
    NetworkPluginMode,
    NetworkPolicy,
    NodeOsUpgradeChannel,
    OsDiskType,
    OsSku,
    OsType,
    OutboundType,
    UpgradeChannel,
} from "./enums";
import { NodePoolSpec, NodeTaint, SystemPoolArgs } from "./nodePoolArgs";
import { diagnostic, escalate as escalateWarnings, formatProblems, PathMap, Sink } from "../core/diagnostic";
import { Path } from "../core/path";
import { at, join, t, Text } from "../core/text";
import { clusterPathTable } from "./paths";
import { checkShape, withShapeProblems } from "./shape";
import { defaultNames, Deployment, derivedName, NAME_LIMITS } from "./names";

export { Deployment } from "./names";

/** A pool with every component default applied. */
export interface PoolDesign {
    /** The pool's name in AKS (and the key of its child resource). */
    name: string;
    /** Where the user wrote it: `systemPool`, `nodePools[1]` or `pool`. */
    userPath: Path;
    /** System (inline in the cluster) or User (an `AgentPool`). */
    mode: "System" | "User";
    /** The operating system. */
    osType: OsType;
    /** The OS SKU, always explicit. */
    osSku: OsSku;
    /** The VM size. */
    vmSize: string;
    /** @default - as written; the planner supplies minCount (autoscaler) or 3 */
    count?: number;
    /** @default - as written; the planner supplies count with the autoscaler */
    minCount?: number;
    /** @default - no autoscaler */
    maxCount?: number;
    /** Pods per node, always explicit. */
    maxPods: number;
    /** Upgrade surge, always explicit. */
    maxSurge: string;
    /** Availability zones (`[]`: none). */
    zones: string[];
    /** @default - the first subnet */
    subnet?: string;
    /** @default - no pod subnet */
    podSubnet?: string;
    /** Node labels. */
    labels: { [key: string]: string };
    /** Node taints. */
    taints: NodeTaint[];
    /** Where the OS disk lives. */
    osDiskType: OsDiskType;
    /** @default - AKS's default for the VM size */
    osDiskSizeGb?: number;
    /** Encryption at host. */
    enableEncryptionAtHost: boolean;
    /** FIPS-enabled images. */
    enableFips: boolean;
}

/** The network with defaults applied. */
export interface NetworkDesign {
    /** A VNet the component creates, or a subnet of your own. */
    mode: "created" | "existing";
    /** The CNI plugin. */
    plugin: NetworkPlugin;
    /** @default - the plugin's flat mode */
    pluginMode?: NetworkPluginMode;
    /** The dataplane. */
    dataplane: NetworkDataplane;
    /** The policy engine, always explicit. */
    policy: NetworkPolicy;
    /** The IP families. */
    ipFamilies: IpFamily[];
    /** True with IPv6 in `ipFamilies`. */
    dualStack: boolean;
    /** How traffic leaves the VNet. */
    outboundType: OutboundType;
    /** The load balancer's backend pool type. */
    backendPoolType: BackendPoolType;
    /** Managed outbound IPv4 addresses. */
    outboundIpCount: number;
    /** Managed outbound IPv6 addresses (0 on IPv4 clusters). */
    outboundIpv6Count: number;
    /** @default - none: a subnet of your own (mode existing) */
    vnet?: { name: string; addressSpaces: string[]; subnets: SubnetArgs[] };
    /** @default - none: a created VNet (mode created) */
    nodeSubnetId?: pulumi.Input<string>;
    /** The user's connected networks, in plan form. */
    connected: ConnectedNetwork[];
    /** Grant the control plane identity Network Contributor on the network. */
    assignNetworkContributor: boolean;
    /** Plan warnings that fail. */
    warningsAsErrors: string[];
}

/** Windows support with defaults applied (no password value: it is never part of a design). */
export interface WindowsDesign {
    /** The administrator's name. */
    adminUsername: string;
    /** `plain`: a string in the arguments (validated now); `input`: an Output (validated at deploy time); `generated`. */
    password: "plain" | "input" | "generated";
}

/** Upgrade settings with defaults applied. */
export interface UpgradeDesign {
    /** The Kubernetes upgrade channel. */
    channel: UpgradeChannel;
    /** The node OS upgrade channel. */
    nodeOsChannel: NodeOsUpgradeChannel;
    /** The Kubernetes upgrade window. */
    upgradeWindow: Required<MaintenanceWindowArgs>;
    /** The node OS upgrade window. */
    nodeOsUpgradeWindow: Required<MaintenanceWindowArgs>;
    /** Ignore `kubernetesVersion` changes after creation. */
    ignoreKubernetesVersionChanges: boolean;
}

/** Everything the component needs to create its resources. */
export interface ClusterDesign {
    /** The cluster's Azure name: `clusterName`, else unique per stack (`names.ts`). */
    clusterName: string;
    /** The API server's DNS prefix. */
    dnsPrefix: string;
    /** The resource group's name (plain, for the credentials invoke): `resourceGroupName`, else unique per stack. */
    resourceGroupName: string;
    /** The name of the control plane identity the component creates (unused with `identity.userAssignedIdentityId`). */
    identityName: string;
    /** Create the resource group. */
    createResourceGroup: boolean;
    /** The version as written (or the default). */
    kubernetesVersion: string;
    /** The version sent to AKS: major.minor when an upgrade channel is on. */
    kubernetesVersionSent: string;
    /** The network. */
    network: NetworkDesign;
    /** The inline System pool. */
    systemPool: PoolDesign;
    /** The user pools, in the order written. */
    userPools: PoolDesign[];
    /** Windows support, or null. */
    windows: WindowsDesign | null;
    /** Upgrade channels and windows. */
    upgrades: UpgradeDesign;
    /** API server access. */
    apiServer: { authorizedIpRanges: string[]; privateCluster: boolean; disableRunCommand: boolean };
    /** Entra ID settings. */
    entra: { azureRbac: boolean; disableLocalAccounts: boolean };
    /** The pricing tier. */
    skuTier: ClusterSkuTier;
    /** The kubeconfig's login mode. */
    kubeloginMode: KubeloginMode;
    /** @default - none */
    kubeloginClientId?: string;
    /** The plan handed to the planner (without Azure's view of an existing network). */
    plan: NetworkPlan;
    /** The translation of the plan's paths. */
    paths: PathMap;
    /** The planner's report, with `warningsAsErrors` applied. */
    report: NetworkPlanReport;
    /** Every finding, in the user's terms: the component's own and the planner's, errors first. */
    diagnostics: Diagnostic[];
}

const CLUSTER_NAME_RE = /^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$/;
const DNS_PREFIX_RE = /^[a-zA-Z0-9]$|^[a-zA-Z0-9][-a-zA-Z0-9]{0,52}[a-zA-Z0-9]$/;
const MAJOR_MINOR_RE = /^(\d+)\.(\d+)(?:\.\d+)?$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const OFFSET_RE = /^[+-](0\d|1[0-4]):[0-5]\d$/;
/** Kubernetes label keys: optional DNS-subdomain prefix, then a name of <= 63 characters. */
const LABEL_KEY_RE =
    /^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE_RE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** A11: the value of `network.nodeSubnetId` is not a subnet resource id. */
export function subnetIdProblem(id: unknown): Diagnostic {
    return diagnostic(
        "error",
        "A11",
        ["network", "nodeSubnetId"],
        t`${at("network", "nodeSubnetId")} ${quote(id)} is not a subnet resource id; write /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>`,
    );
}

/** Errors first, then warnings, then info; stable within a severity. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
    return list
        .map((d, i) => ({ d, i }))
        .sort((a, b) => SEVERITY_ORDER[a.d.severity] - SEVERITY_ORDER[b.d.severity] || a.i - b.i)
        .map((x) => x.d);
}

/** Warnings listed in `ids` become errors, saying why. */
export function escalate(
    list: Diagnostic[],
    ids: readonly string[],
    why = "a warning made an error by network.warningsAsErrors",
): Diagnostic[] {
    return escalateWarnings(list, ids, why);
}

function quote(v: unknown): string {
    return JSON.stringify(v);
}

/** `major.minor` of a version, or the text itself when it isn't one (the planner reports that). */
export function majorMinor(version: string): string {
    const m = MAJOR_MINOR_RE.exec(version);
    return m ? `${m[1]}.${m[2]}` : version;
}

/** The Windows OS SKU a pool gets when it names none. */
export function defaultWindowsSku(kubernetesVersion: string): OsSku {
    const v = parseVersion(kubernetesVersion);
    return v !== null && versionAtLeast(v, 1, 35) ? OsSku.Windows2025 : OsSku.Windows2022;
}

function checkLabelsAndTaints(f: Sink, path: Path, labels: { [key: string]: string } | undefined, taints: NodeTaint[] | undefined): void {
    for (const [k, v] of Object.entries(labels ?? {})) {
        if (!LABEL_KEY_RE.test(k))
            f.error(
                "A17",
                [...path, "labels"],
                t`${at(path, "labels")} key ${quote(k)} is not a valid Kubernetes label key; use an optional DNS prefix and a name of up to 63 letters, digits, "-", "_" and ".", e.g. "team" or "example.com/team"`,
            );
        if (typeof v !== "string" || !LABEL_VALUE_RE.test(v))
            f.error(
                "A17",
                [...path, "labels"],
                t`${at(path, "labels")}[${quote(k)}] ${quote(v)} is not a valid Kubernetes label value; use up to 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit`,
            );
    }
    (taints ?? []).forEach((taint, i) => {
        if (!LABEL_KEY_RE.test(taint.key))
            f.error(
                "A17",
                [...path, "taints", i, "key"],
                t`${at(path, "taints", i, "key")} ${quote(taint.key)} is not a valid taint key; use e.g. "sku" or "example.com/dedicated"`,
            );
        if (taint.value !== undefined && !LABEL_VALUE_RE.test(taint.value))
            f.error(
                "A17",
                [...path, "taints", i, "value"],
                t`${at(path, "taints", i, "value")} ${quote(taint.value)} is not a valid taint value; use up to 63 letters, digits, "-", "_" and "."`,
            );
    });
}

function checkZones(f: Sink, path: Path, zones: string[]): void {
    const seen = new Set<string>();
    for (const z of zones) {
        if (!["1", "2", "3"].includes(z) || seen.has(z)) {
            f.error(
                "A10",
                path,
                t`${at(path)} ${quote(zones)} is not a list of distinct availability zones; use some of "1", "2" and "3", or [] in regions without zones`,
            );
            return;
        }
        seen.add(z);
    }
}

/** Apply the defaults to one pool and check the component's own pool rules. */
export function designPool(
    spec: NodePoolSpec | SystemPoolArgs,
    mode: "System" | "User",
    userPath: Path,
    kubernetesVersion: string,
    f: Sink,
): PoolDesign {
    const osType = mode === "System" ? OsType.Linux : ((spec as NodePoolSpec).osType ?? OsType.Linux);
    const windows = osType === OsType.Windows;
    const osSku = spec.osSku ?? (windows ? defaultWindowsSku(kubernetesVersion) : OsSku.Ubuntu);
    const name = (spec as NodePoolSpec).name ?? D.DEFAULT_SYSTEM_POOL_NAME;
    const zones = spec.zones ?? D.DEFAULT_ZONES;
    checkZones(f, [...userPath, "zones"], zones);
    checkLabelsAndTaints(f, userPath, spec.labels, spec.taints);
    const taints = spec.taints ?? (mode === "System" ? [D.SYSTEM_POOL_TAINT] : windows ? [D.WINDOWS_TAINT] : []);
    const labels = spec.labels ?? (windows ? { ...D.WINDOWS_LABELS } : {});
    const fipsRequired = osSku === OsSku.Windows2025;
    if (fipsRequired && spec.enableFips === false) {
        f.error(
            "A8",
            [...userPath, "enableFips"],
            t`${at(userPath, "enableFips")} is false, but "Windows2025" node images are FIPS-enabled and AKS requires enableFIPS for them: remove enableFips (it defaults to true) or use osSku "Windows2022"`,
        );
    }
    if (spec.osDiskSizeGb !== undefined && (!Number.isInteger(spec.osDiskSizeGb) || spec.osDiskSizeGb < 30 || spec.osDiskSizeGb > 2048)) {
        f.error(
            "A18",
            [...userPath, "osDiskSizeGb"],
            t`${at(userPath, "osDiskSizeGb")} ${quote(spec.osDiskSizeGb)} is out of range; AKS allows 30 to 2048 GB`,
        );
    }
    return {
        name,
        userPath,
        mode,
        osType,
        osSku,
        vmSize: spec.vmSize ?? D.DEFAULT_VM_SIZE,
        count: spec.count,
        minCount: spec.minCount,
        maxCount: spec.maxCount,
        maxPods: spec.maxPods ?? D.DEFAULT_MAX_PODS,
        maxSurge: spec.maxSurge ?? D.DEFAULT_MAX_SURGE,
        zones,
        subnet: spec.subnet,
        podSubnet: spec.podSubnet,
        labels,
        taints,
        osDiskType: spec.osDiskType ?? OsDiskType.Ephemeral,
        osDiskSizeGb: spec.osDiskSizeGb,
        enableEncryptionAtHost: spec.enableEncryptionAtHost ?? false,
        enableFips: spec.enableFips ?? fipsRequired,
    };
}

/** A pool in the planner's terms. */
export function planPool(p: PoolDesign): NodePoolPlan {
    const out: NodePoolPlan = {
        name: p.name,
        osType: p.osType,
        mode: p.mode,
        maxPods: p.maxPods,
        vmSize: p.vmSize,
        osSku: p.osSku,
        maxSurge: p.maxSurge,
    };
    if (p.count !== undefined) out.count = p.count;
    if (p.minCount !== undefined) out.minCount = p.minCount;
    if (p.maxCount !== undefined) out.maxCount = p.maxCount;
    if (p.subnet !== undefined) out.subnet = p.subnet;
    if (p.podSubnet !== undefined) out.podSubnet = p.podSubnet;
    return out;
}

function designWindow(
    f: Sink,
    path: Path,
    w: MaintenanceWindowArgs | undefined,
    fallback: Required<MaintenanceWindowArgs>,
): Required<MaintenanceWindowArgs> {
    const out: Required<MaintenanceWindowArgs> = {
        dayOfWeek: w?.dayOfWeek ?? fallback.dayOfWeek,
        startTime: w?.startTime ?? fallback.startTime,
        durationHours: w?.durationHours ?? fallback.durationHours,
        utcOffset: w?.utcOffset ?? fallback.utcOffset,
    };
    if (!TIME_RE.test(out.startTime))
        f.error(
            "A14",
            [...path, "startTime"],
            t`${at(path, "startTime")} ${quote(out.startTime)} is not a time; write HH:mm, e.g. "02:00"`,
        );
    if (!Number.isInteger(out.durationHours) || out.durationHours < 4 || out.durationHours > 24) {
        f.error(
            "A14",
            [...path, "durationHours"],
            t`${at(path, "durationHours")} ${quote(out.durationHours)} is out of range; use 4 to 24 hours (auto-upgrades need at least 4)`,
        );
    }
    if (!OFFSET_RE.test(out.utcOffset))
        f.error(
            "A14",
            [...path, "utcOffset"],
            t`${at(path, "utcOffset")} ${quote(out.utcOffset)} is not an offset; write +HH:mm or -HH:mm, e.g. "+01:00"`,
        );
    return out;
}

/** The default network policy for a plugin, dataplane, stack and OS mix. */
export function defaultPolicy(plugin: NetworkPlugin, dataplane: NetworkDataplane, dualStack: boolean): NetworkPolicy {
    if (dataplane === NetworkDataplane.Cilium) return NetworkPolicy.Cilium;
    if (plugin === NetworkPlugin.None || dualStack) return NetworkPolicy.None;
    return NetworkPolicy.Calico;
}

function designNetwork(args: AksClusterArgs, pools: PoolDesign[], windowsPlanned: boolean, clusterName: string, f: Sink): NetworkDesign {
    const n = args.network ?? {};
    const ipFamilies = n.ipFamilies ?? [IpFamily.IPv4];
    const dualStack = ipFamilies.includes(IpFamily.IPv6);
    const plugin = n.networkPlugin ?? NetworkPlugin.Azure;
    // The planner's one rule for a mode left out: overlay for Azure CNI unless a pool names a pod subnet.
    const planned = defaultPluginMode(
        plugin,
        undefined,
        pools.map((p) => ({ podSubnet: p.podSubnet ?? null })),
    );
    // The shape check (A22) let only NetworkPluginMode values through.
    const pluginMode =
        (n.networkPluginMode as NetworkPluginMode | undefined) ?? (planned === "overlay" ? NetworkPluginMode.Overlay : undefined);
    const dataplane =
        n.networkDataplane ?? (plugin === NetworkPlugin.Azure && !windowsPlanned ? NetworkDataplane.Cilium : NetworkDataplane.Azure);
    const policy = designPolicy(n, plugin, dataplane, dualStack, f);
    const outbound = designOutbound(n, dualStack, f);
    const existing = n.nodeSubnetId !== undefined;
    if (existing) checkOwnNetwork(n, pools, f);
    else checkCreatedSubnets(n, f);
    return {
        mode: existing ? "existing" : "created",
        plugin,
        pluginMode,
        dataplane,
        policy,
        ipFamilies,
        dualStack,
        ...outbound,
        backendPoolType: n.loadBalancerBackendPoolType ?? BackendPoolType.NodeIpConfiguration,
        vnet: existing ? undefined : createdVnet(n, clusterName, dualStack),
        nodeSubnetId: n.nodeSubnetId,
        connected: (n.connectedNetworks ?? []).map((c) => {
            const out: ConnectedNetwork = { cidr: c.cidr };
            if (c.name !== undefined) out.name = c.name;
            if (c.kind !== undefined) out.kind = c.kind;
            return out;
        }),
        assignNetworkContributor: n.assignNetworkContributor ?? true,
        warningsAsErrors: n.warningsAsErrors ?? [...D.DEFAULT_WARNINGS_AS_ERRORS],
    };
}

type NetworkArgs = NonNullable<AksClusterArgs["network"]>;

/** The policy engine: given, or the secure default for the dataplane (A20 when that is none). */
function designPolicy(n: NetworkArgs, plugin: NetworkPlugin, dataplane: NetworkDataplane, dualStack: boolean, f: Sink): NetworkPolicy {
    const policy = n.networkPolicy ?? defaultPolicy(plugin, dataplane, dualStack);
    if (n.networkPolicy === undefined && policy === NetworkPolicy.None) {
        const why =
            plugin === NetworkPlugin.None
                ? "a CNI of your own brings its own"
                : "Calico and Azure NPM don't support dual-stack and Cilium doesn't support Windows";
        f.warn(
            "A20",
            ["network", "networkPolicy"],
            t`no network policy engine is enabled: ${why}; pods can reach each other freely. Set ${at("network", "networkPolicy")} "none" to accept it explicitly`,
        );
    }
    return policy;
}

/** The outbound type and managed outbound IP counts (A15). */
function designOutbound(
    n: NetworkArgs,
    dualStack: boolean,
    f: Sink,
): Pick<NetworkDesign, "outboundType" | "outboundIpCount" | "outboundIpv6Count"> {
    const outboundIpCount = n.managedOutboundIpCount ?? 1;
    const outboundIpv6Count = n.managedOutboundIpv6Count ?? (dualStack ? 1 : 0);
    const v4: Path = ["network", "managedOutboundIpCount"];
    const v6: Path = ["network", "managedOutboundIpv6Count"];
    if (!Number.isInteger(outboundIpCount) || outboundIpCount < 1 || outboundIpCount > 100) {
        f.error("A15", v4, t`${at(v4)} ${quote(outboundIpCount)} is out of range; use 1 to 100`);
    }
    if (!Number.isInteger(outboundIpv6Count) || outboundIpv6Count < 0 || outboundIpv6Count > 100) {
        f.error("A15", v6, t`${at(v6)} ${quote(outboundIpv6Count)} is out of range; use 0 to 100`);
    } else if (!dualStack && outboundIpv6Count > 0) {
        f.error(
            "A15",
            v6,
            t`${at(v6)} ${outboundIpv6Count} needs a dual-stack cluster; add IpFamily.IPv6 to ${at("network", "ipFamilies")} or remove it`,
        );
    }
    return { outboundType: n.outboundType ?? OutboundType.LoadBalancer, outboundIpCount, outboundIpv6Count };
}

/** A subnet of your own: not with a VNet to create (A5), no subnet names on pools (A6), a subnet id (A11). */
function checkOwnNetwork(n: NetworkArgs, pools: PoolDesign[], f: Sink): void {
    if (n.vnet !== undefined) {
        f.error(
            "A5",
            ["network", "vnet"],
            t`${at("network", "vnet")} and ${at("network", "nodeSubnetId")} are both set; give ${at("network", "vnet")} to create a VNet, or ${at("network", "nodeSubnetId")} to use a subnet of your own, not both`,
        );
    }
    for (const p of pools) {
        for (const key of ["subnet", "podSubnet"] as const) {
            if (p[key] === undefined) continue;
            f.error(
                "A6",
                [...p.userPath, key],
                t`${at(p.userPath, key)} ${quote(p[key])} names a subnet, but with ${at("network", "nodeSubnetId")} every pool uses that subnet: remove ${key}, or create the VNet with ${at("network", "vnet")}`,
            );
        }
    }
    if (typeof n.nodeSubnetId === "string") checkSubnetId(f, n.nodeSubnetId);
}

/**
 * A23: a created VNet has a subnet. Without one the pools get no `vnetSubnetID`, and AKS then creates a
 * VNet and subnet of its own ("If this is not specified, a VNET and subnet will be generated and used":
 * ManagedClusterAgentPoolProfile.vnetSubnetID, AKS REST API reference), so every check of the plan would
 * be about a network the cluster doesn't use. Refused rather than given the default subnet: `[]` is
 * written on purpose, and a subnet the user didn't ask for would be a guess.
 */
function checkCreatedSubnets(n: NetworkArgs, f: Sink): void {
    const subnets = n.vnet?.subnets;
    if (subnets === undefined || subnets.length > 0) return;
    const path: Path = ["network", "vnet", "subnets"];
    f.error(
        "A23",
        path,
        t`${at(path)} is [], so the pools would get no subnet and AKS would put the nodes in a VNet of its own, outside ${at("network", "vnet")}: list at least one subnet, e.g. [{ name: "nodes", cidr: "10.224.0.0/16" }], or remove subnets to get that default`,
    );
}

/** The VNet the component creates, with AKS's managed-VNet ranges as defaults. */
function createdVnet(n: NetworkArgs, clusterName: string, dualStack: boolean): NetworkDesign["vnet"] {
    const v = n.vnet ?? {};
    return {
        name: v.name ?? derivedName(clusterName, "-vnet", NAME_LIMITS.vnet),
        addressSpaces: v.addressSpaces ?? (dualStack ? [D.DEFAULT_VNET_SPACE_V4, D.DEFAULT_VNET_SPACE_V6] : [D.DEFAULT_VNET_SPACE_V4]),
        subnets: v.subnets ?? [
            dualStack
                ? { name: D.DEFAULT_SUBNET_NAME, cidr: D.DEFAULT_SUBNET_V4, ipv6Cidr: D.DEFAULT_SUBNET_V6 }
                : { name: D.DEFAULT_SUBNET_NAME, cidr: D.DEFAULT_SUBNET_V4 },
        ],
    };
}

const SUBNET_ID_RE =
    /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/virtualNetworks\/([^/]+)\/subnets\/([^/]+)$/i;

/** The parts of a subnet resource id, or undefined when it isn't one. */
export function parseSubnetId(id: string): { resourceGroupName: string; virtualNetworkName: string; subnetName: string } | undefined {
    const m = SUBNET_ID_RE.exec(id.trim());
    return m ? { resourceGroupName: m[1], virtualNetworkName: m[2], subnetName: m[3] } : undefined;
}

/** A11: the id names a subnet. */
export function checkSubnetId(f: Sink, id: string): void {
    if (!parseSubnetId(id)) {
        f.diagnostics.push(subnetIdProblem(id));
    }
}

/** The plan for the planner, from a design's parts. */
export function buildPlan(
    d: Pick<ClusterDesign, "network" | "systemPool" | "userPools" | "kubernetesVersion" | "windows" | "apiServer" | "resourceGroupName">,
    args: AksClusterArgs,
): NetworkPlan {
    const n = d.network;
    const a = args.network ?? {};
    const plan: NetworkPlan = {
        networkPlugin: n.plugin,
        networkDataplane: n.dataplane,
        networkPolicy: n.policy,
        ipFamilies: n.ipFamilies,
        kubernetesVersion: d.kubernetesVersion,
        outboundType: n.outboundType,
        // With a subnet of your own, subnet names in pools are refused by A6 alone.
        nodePools: [d.systemPool, ...d.userPools]
            .map(planPool)
            .map((p) => (n.mode === "existing" ? { ...p, subnet: undefined, podSubnet: undefined } : p)),
        windowsProfile: null,
        names: { resourceGroup: d.resourceGroupName },
    };
    if (n.pluginMode !== undefined) plan.networkPluginMode = n.pluginMode;
    if (a.podCidrs !== undefined) plan.podCidrs = a.podCidrs;
    if (a.serviceCidrs !== undefined) plan.serviceCidrs = a.serviceCidrs;
    if (a.dnsServiceIP !== undefined) plan.dnsServiceIP = a.dnsServiceIP;
    if (n.connected.length > 0) plan.connectedNetworks = [...n.connected];
    if (n.vnet) {
        plan.vnetAddressSpaces = n.vnet.addressSpaces;
        plan.nodeSubnets = n.vnet.subnets.map((s) =>
            s.ipv6Cidr === undefined ? { name: s.name, cidr: s.cidr } : { name: s.name, cidr: s.cidr, ipv6Cidr: s.ipv6Cidr },
        );
        plan.names = { ...plan.names, vnet: n.vnet.name };
    }
    if (d.windows) {
        const pw = args.windows?.adminPassword;
        plan.windowsProfile =
            typeof pw === "string"
                ? { adminUsername: d.windows.adminUsername, adminPassword: pw }
                : { adminUsername: d.windows.adminUsername };
    }
    if (d.apiServer.authorizedIpRanges.length > 0) plan.apiServerAuthorizedIpRanges = d.apiServer.authorizedIpRanges;
    return plan;
}

/**
 * Rules that can't be judged before Azure is read: with a subnet of your own the plan has no subnets
 * yet, so "outbound type needs your own subnet" (R65) would be a false alarm.
 */
const NEEDS_EXISTING_NETWORK = ["R65"];

/**
 * Design a cluster: defaults, plan, report and every finding in the user's terms. Never throws, whatever
 * `input` is: its shape is checked first (A22, every problem at once), and the design continues on the
 * arguments with every ill-shaped part left out, so the other findings still appear.
 */
export function designCluster(name: string, input: AksClusterArgs, deployment: Deployment): ClusterDesign {
    const shape = checkShape(input, AKS_CLUSTER_ARGS_SHAPE);
    const args: AksClusterArgs = shape.value ?? {};
    const f = new Sink();
    const { clusterName, dnsPrefix, resourceGroupName } = designNames(name, args, deployment, f);
    const kubernetesVersion = args.kubernetesVersion ?? D.DEFAULT_KUBERNETES_VERSION;
    const { upgrades, kubernetesVersionSent } = designUpgrades(args, kubernetesVersion, f);
    const systemPool = designPool(args.systemPool ?? {}, "System", ["systemPool"], kubernetesVersion, f);
    const userPools = (args.nodePools ?? []).map((p, i) => designPool(p, "User", ["nodePools", i], kubernetesVersion, f));
    const windows = designWindows(args, userPools, f);
    const network = designNetwork(args, [systemPool, ...userPools], windows !== null, clusterName, f);
    const apiServer = designApiServer(args, f);
    checkAddOnArgs(args, network, f);
    const kubeloginMode = args.kubeconfigLogin?.mode ?? KubeloginMode.AzureCli;

    const base = { network, systemPool, userPools, kubernetesVersion, windows, resourceGroupName, apiServer };
    const plan = buildPlan(base, args);
    const paths = clusterPathTable({ userPools: userPools.length, userConnected: network.connected.length, network: network.mode });
    const raw = network.dualStack ? withDualStackDefaults(plan, f) : describeNetworkPlan(plan);
    const planDiagnostics = raw.diagnostics.filter((d) => !(network.mode === "existing" && NEEDS_EXISTING_NETWORK.includes(d.ruleId)));
    const escalated = escalate(planDiagnostics, network.warningsAsErrors);
    // Paths in the user's terms: the plan's translated, then list indexes as the user wrote them.
    const diagnostics = sortDiagnostics(withShapeProblems(shape, [...f.diagnostics, ...escalated.map((d) => paths.relocate(d))]));
    // The report shows the same findings as the error would, in the user's terms.
    const report: NetworkPlanReport = { ...raw, diagnostics, verdict: verdictOf(diagnostics) };

    return {
        clusterName,
        dnsPrefix,
        identityName: derivedName(clusterName, "-identity", NAME_LIMITS.identity),
        createResourceGroup: args.createResourceGroup ?? args.resourceGroupName === undefined,
        kubernetesVersionSent,
        ...base,
        userPools: userPools.map((p) => ({ ...p, userPath: shape.renumber(p.userPath) })),
        upgrades,
        entra: { azureRbac: args.entra?.azureRbac ?? true, disableLocalAccounts: args.entra?.disableLocalAccounts ?? true },
        skuTier: args.skuTier ?? ClusterSkuTier.Standard,
        kubeloginMode,
        kubeloginClientId: args.kubeconfigLogin?.clientId,
        plan,
        paths,
        report,
        diagnostics,
    };
}

/**
 * The cluster's name (A2), DNS prefix (A3) and resource group: as given, else unique per stack
 * (`names.ts`), so two stacks of one program never claim the same Azure names.
 */
function designNames(
    name: string,
    args: AksClusterArgs,
    deployment: Deployment,
    f: Sink,
): { clusterName: string; dnsPrefix: string; resourceGroupName: string } {
    const defaults = defaultNames(name, deployment);
    const clusterName = args.clusterName ?? defaults.clusterName;
    if (!CLUSTER_NAME_RE.test(clusterName)) {
        const message = t`cluster name ${quote(clusterName)} is not allowed; use 1-63 letters, digits, "-" and "_", starting and ending with a letter or digit`;
        f.error("A2", ["clusterName"], message);
    }
    const dnsPrefix =
        args.dnsPrefix ??
        (args.clusterName === undefined
            ? defaults.dnsPrefix
            : clusterName
                  .replace(/[^-a-zA-Z0-9]/g, "-")
                  .replace(/^-+/, "")
                  .slice(0, NAME_LIMITS.dnsPrefix)
                  .replace(/-+$/, ""));
    // A prefix derived from a bad cluster name is that name's problem (A2).
    if (!DNS_PREFIX_RE.test(dnsPrefix) && (args.dnsPrefix !== undefined || CLUSTER_NAME_RE.test(clusterName))) {
        f.error(
            "A3",
            ["dnsPrefix"],
            t`${at("dnsPrefix")} ${quote(dnsPrefix)} is not allowed; use 1-54 letters, digits and "-", starting and ending with a letter or digit`,
        );
    }
    return { clusterName, dnsPrefix, resourceGroupName: args.resourceGroupName ?? defaults.resourceGroupName };
}

/** The upgrade channels and windows (A12, A14) and the version sent to AKS (A4: a patch under an auto-upgrade channel). */
function designUpgrades(
    args: AksClusterArgs,
    kubernetesVersion: string,
    f: Sink,
): { upgrades: UpgradeDesign; kubernetesVersionSent: string } {
    const u = args.upgrades ?? {};
    const channel = u.channel ?? UpgradeChannel.Patch;
    const nodeOsChannel = u.nodeOsChannel ?? NodeOsUpgradeChannel.NodeImage;
    if (channel === UpgradeChannel.NodeImage && nodeOsChannel !== NodeOsUpgradeChannel.NodeImage) {
        f.error(
            "A12",
            ["upgrades", "nodeOsChannel"],
            t`${at("upgrades", "nodeOsChannel")} ${quote(nodeOsChannel)} conflicts with ${at("upgrades", "channel")} "node-image", which forces "NodeImage": use "NodeImage", or the channel "patch"`,
        );
    }
    let kubernetesVersionSent = kubernetesVersion;
    if (channel !== UpgradeChannel.None && majorMinor(kubernetesVersion) !== kubernetesVersion && MAJOR_MINOR_RE.test(kubernetesVersion)) {
        kubernetesVersionSent = majorMinor(kubernetesVersion);
        f.warn(
            "A4",
            ["kubernetesVersion"],
            t`${at("kubernetesVersion")} ${quote(kubernetesVersion)} pins a patch while ${at("upgrades", "channel")} is ${quote(channel)}; AKS moves patches itself, so the component sends ${quote(kubernetesVersionSent)}: write ${quote(kubernetesVersionSent)} to silence this`,
        );
    }
    const upgrades: UpgradeDesign = {
        channel,
        nodeOsChannel,
        upgradeWindow: designWindow(f, ["upgrades", "upgradeWindow"], u.upgradeWindow, D.DEFAULT_UPGRADE_WINDOW),
        nodeOsUpgradeWindow: designWindow(f, ["upgrades", "nodeOsUpgradeWindow"], u.nodeOsUpgradeWindow, D.DEFAULT_NODE_OS_WINDOW),
        ignoreKubernetesVersionChanges: u.ignoreKubernetesVersionChanges ?? channel !== UpgradeChannel.None,
    };
    return { upgrades, kubernetesVersionSent };
}

/** Windows support: planned with a Windows pool or `enableWindowsPools` (A7: not refused while a pool needs it); null without. */
function designWindows(args: AksClusterArgs, userPools: PoolDesign[], f: Sink): WindowsDesign | null {
    const hasWindowsPool = userPools.some((p) => p.osType === OsType.Windows);
    const w = args.windows ?? {};
    if (w.enableWindowsPools === false && hasWindowsPool) {
        const first = userPools.find((p) => p.osType === OsType.Windows) as PoolDesign;
        f.error(
            "A7",
            ["windows", "enableWindowsPools"],
            t`${at("windows", "enableWindowsPools")} is false, but ${at(first.userPath)} "${first.name}" is a Windows pool; Windows pools need the cluster's windowsProfile: remove enableWindowsPools or the pool`,
        );
    }
    if (!hasWindowsPool && w.enableWindowsPools !== true) return null;
    return {
        adminUsername: w.adminUsername ?? D.DEFAULT_WINDOWS_ADMIN,
        password: w.adminPassword === undefined ? "generated" : typeof w.adminPassword === "string" ? "plain" : "input",
    };
}

/** The API server's exposure: restricted, private or explicitly open (A1), not private and restricted at once (A13). */
function designApiServer(args: AksClusterArgs, f: Sink): ClusterDesign["apiServer"] {
    const api = args.apiServer ?? {};
    const authorizedIpRanges = api.authorizedIpRanges ?? [];
    const privateCluster = api.privateCluster ?? false;
    if (privateCluster && authorizedIpRanges.length > 0) {
        f.error(
            "A13",
            ["apiServer", "authorizedIpRanges"],
            t`${at("apiServer", "authorizedIpRanges")} is set on a private cluster (${at("apiServer", "privateCluster")} true); authorized ranges only apply to a public API server: remove one of them`,
        );
    }
    if (!privateCluster && authorizedIpRanges.length === 0 && api.allowPublicAccess !== true) {
        f.error(
            "A1",
            ["apiServer"],
            t`the API server would be open to the whole internet; set ${at("apiServer", "authorizedIpRanges")} to the public CIDRs of your CI and offices (e.g. ["20.50.60.0/24"]), or ${at("apiServer", "privateCluster")} true, or ${at("apiServer", "allowPublicAccess")} true to accept it`,
        );
    }
    return { authorizedIpRanges, privateCluster, disableRunCommand: api.disableRunCommand ?? true };
}

/** Arguments that need a partner: Defender its workspace (A16), your own identity its principal (A9), spn login its client id (A19). */
function checkAddOnArgs(args: AksClusterArgs, network: NetworkDesign, f: Sink): void {
    const mon = args.monitoring ?? {};
    if (mon.defender === true && mon.logAnalyticsWorkspaceId === undefined) {
        f.error(
            "A16",
            ["monitoring", "defender"],
            t`${at("monitoring", "defender")} is true without ${at("monitoring", "logAnalyticsWorkspaceId")}; Defender sends its findings to a Log Analytics workspace: give its resource id`,
        );
    }
    if (
        args.identity?.userAssignedIdentityId !== undefined &&
        args.identity.principalId === undefined &&
        network.assignNetworkContributor
    ) {
        f.error(
            "A9",
            ["identity", "principalId"],
            t`${at("identity", "userAssignedIdentityId")} is set without ${at("identity", "principalId")}; the component grants that identity Network Contributor on the network: give its principal id, or set ${at("network", "assignNetworkContributor")} false and grant it yourself`,
        );
    }
    if (args.kubeconfigLogin?.mode === KubeloginMode.ServicePrincipal && !args.kubeconfigLogin.clientId) {
        f.error(
            "A19",
            ["kubeconfigLogin", "clientId"],
            t`${at("kubeconfigLogin", "mode")} "spn" needs ${at("kubeconfigLogin", "clientId")} (the service principal's application id); its secret comes from AAD_SERVICE_PRINCIPAL_CLIENT_SECRET at run time`,
        );
    }
}

/**
 * The report of a dual-stack plan with the documented IPv6 defaults written in (A21). The planner
 * treats omitted IPv6 ranges as AKS's choice (AKS may pick random ULA ranges) and leaves them out of
 * overlap checks; the component sends every range explicitly, so check them as such.
 */
function withDualStackDefaults(plan: NetworkPlan, f: Sink): NetworkPlanReport {
    const raw = describeNetworkPlan(plan);
    const made: { path: Path; words: Text }[] = [];
    if (plan.podCidrs === undefined && raw.effective.podCidrs.length > 0) {
        plan.podCidrs = [...raw.effective.podCidrs];
        made.push({ path: ["network", "podCidrs"], words: t`${at("network", "podCidrs")} ${quote(plan.podCidrs)}` });
    }
    if (plan.serviceCidrs === undefined) {
        plan.serviceCidrs = [...raw.effective.serviceCidrs];
        plan.dnsServiceIP = raw.effective.dnsServiceIP;
        const words = t`${at("network", "serviceCidrs")} ${quote(plan.serviceCidrs)} with ${at("network", "dnsServiceIP")} ${quote(plan.dnsServiceIP)}`;
        made.push({ path: ["network", "serviceCidrs"], words });
    }
    if (made.length === 0) return raw;
    f.info(
        "A21",
        made[0].path,
        t`dual-stack ranges not given: the component sends the documented defaults ${join(
            made.map((m) => m.words),
            " and ",
        )} explicitly, so AKS doesn't pick random IPv6 ranges and every overlap check covers them; findings about them name these paths`,
    );
    return describeNetworkPlan(plan);
}

export { formatProblems };

/**
 * An effective plan (every default explicit) as a plan the planner takes again, e.g. to add a pool to
 * an existing cluster. The Windows password is never part of it.
 */
export function planFromEffective(eff: EffectiveNetworkPlan): NetworkPlan {
    const plan: NetworkPlan = {
        networkPlugin: eff.networkPlugin,
        networkPluginMode: eff.networkPluginMode,
        networkDataplane: eff.networkDataplane,
        ipFamilies: [...eff.ipFamilies],
        serviceCidrs: [...eff.serviceCidrs],
        dnsServiceIP: eff.dnsServiceIP,
        kubernetesVersion: eff.kubernetesVersion,
        outboundType: eff.outboundType,
        nodePools: eff.nodePools.map((p) => {
            const out: NodePoolPlan = {
                name: p.name,
                osType: p.osType,
                mode: p.mode,
                count: p.count,
                maxPods: p.maxPods,
                maxSurge: p.surge,
            };
            if (p.maxCount !== null) out.maxCount = p.maxCount;
            if (p.minCount !== null) out.minCount = p.minCount;
            if (p.vmSize !== null) out.vmSize = p.vmSize;
            if (p.subnet !== null) out.subnet = p.subnet;
            if (p.podSubnet !== null) out.podSubnet = p.podSubnet;
            if (p.osSku !== null) out.osSku = p.osSku;
            return out;
        }),
        windowsProfile: eff.windowsProfile ? { adminUsername: eff.windowsProfile.adminUsername ?? undefined } : null,
    };
    if (eff.networkPolicyExplicit) plan.networkPolicy = eff.networkPolicy;
    if (eff.podCidrs.length > 0) plan.podCidrs = [...eff.podCidrs];
    if (eff.byoVnet) {
        plan.vnetAddressSpaces = [...eff.vnetAddressSpaces];
        plan.nodeSubnets = eff.nodeSubnets.map((s) =>
            s.ipv6Cidr === null ? { name: s.name, cidr: s.cidr } : { name: s.name, cidr: s.cidr, ipv6Cidr: s.ipv6Cidr },
        );
    }
    if (eff.connectedNetworks.length > 0) plan.connectedNetworks = eff.connectedNetworks.map((c) => ({ ...c }));
    if (eff.apiServerAuthorizedIpRanges.length > 0) plan.apiServerAuthorizedIpRanges = [...eff.apiServerAuthorizedIpRanges];
    return plan;
}
