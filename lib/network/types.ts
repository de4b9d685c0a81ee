/**
 * The network plan model: what a user (or a component) says about an AKS cluster's network, in AKS's
 * own words, and what the validator says back.
 *
 * Every field is optional; an omitted field takes the AKS default listed in its `@default`. The
 * validator accepts anything (plain JavaScript callers, parsed YAML) and reports values of the wrong
 * shape as diagnostics instead of throwing, so the types below describe well-formed input only.
 */

import type * as V from "../core/values";

/** The CNI plugin, as a string (`NetworkPlugin` enum members fit too). @see https://learn.microsoft.com/azure/aks/concepts-network-cni-overview */
export type NetworkPlugin = `${V.NetworkPlugin}`;
/** Only `"overlay"` exists; `null` or omitted means the plugin's flat mode. */
export type NetworkPluginMode = `${V.NetworkPluginMode}`;
/** The dataplane: Azure's own, or Azure CNI Powered by Cilium. */
export type NetworkDataplane = `${V.NetworkDataplane}`;
/** The network policy engine. */
export type NetworkPolicy = `${V.NetworkPolicy}`;
/** An IP family name, as AKS spells it. */
export type IpFamily = `${V.IpFamily}`;
/** How the cluster's traffic leaves the VNet. */
export type OutboundType = `${V.OutboundType}`;
/** A node pool's operating system. */
export type OsType = `${V.OsType}`;
/** A node pool's mode: System pools run the cluster's own add-ons. */
export type AgentPoolMode = `${V.AgentPoolMode}`;

/** A subnet of the cluster's VNet. */
export interface NodeSubnetPlan {
    /** The subnet's name; node pools refer to it by this name. */
    name: string;
    /** The subnet's IPv4 address prefix, e.g. `"10.224.0.0/16"`. */
    cidr: string;
    /**
     * The subnet's IPv6 address prefix (dual-stack VNets only). Azure requires IPv6 subnets to be /64.
     * @default - none: the subnet is IPv4-only
     */
    ipv6Cidr?: string;
}

/** Where a connected network comes from; only used to word messages. */
export type ConnectedNetworkKind = `${V.ConnectedNetworkKind}`;

/** A network reachable from the cluster's VNet: a peered VNet, VPN, ExpressRoute or on-premises range. */
export interface ConnectedNetwork {
    /** A name to show in messages, e.g. the peering's name. @default - the CIDR */
    name?: string;
    /** The address range. */
    cidr: string;
    /** Where the range comes from (words messages only). @default "other" */
    kind?: ConnectedNetworkKind;
}

/** One node pool of the plan. */
export interface NodePoolPlan {
    /** 1-12 lowercase letters and digits starting with a letter; Windows pools 1-6. */
    name: string;
    /** The pool's operating system. @default "Linux" */
    osType?: OsType;
    /** System pools run AKS's add-ons; User pools your workloads. @default "User" */
    mode?: AgentPoolMode;
    /**
     * Nodes created; with the autoscaler (`maxCount` set) the starting count.
     * @default minCount when autoscaling, else 3
     */
    count?: number;
    /** Autoscaler lower bound. @default - no autoscaler */
    minCount?: number | null;
    /** Autoscaler upper bound; setting it turns the autoscaler on. @default - no autoscaler */
    maxCount?: number | null;
    /** Pods per node. @default - the plugin's default (overlay 250, kubenet 110, pod subnet 110, legacy CNI 30, none 250) */
    maxPods?: number;
    /** VM size, e.g. `"Standard_D4ds_v5"` (checked against overlay's unsupported sizes). @default - not checked */
    vmSize?: string;
    /** Name of the `nodeSubnets` entry the nodes use. @default the first `nodeSubnets` entry */
    subnet?: string;
    /** Name of the `nodeSubnets` entry used as the Azure CNI pod subnet (dynamic IP allocation). @default - no pod subnet */
    podSubnet?: string;
    /** OS SKU, e.g. `"Ubuntu"`, `"AzureLinux"`, `"Windows2022"`, `"Windows2025"`. @default - AKS's default for the OS and version */
    osSku?: string;
    /** Extra nodes added during upgrades: a count (`"3"`, `3`) or a percentage (`"33%"`). @default 1 */
    maxSurge?: string | number;
}

/** Windows node credentials. */
export interface WindowsProfilePlan {
    adminUsername?: string;
    /** Never echoed in diagnostics. */
    adminPassword?: string;
}

/** Names of existing Azure resources (bring-your-own network). */
export interface PlanNames {
    resourceGroup?: string;
    vnet?: string;
    subnet?: string;
}

/** An AKS cluster's network, as planned. */
export interface NetworkPlan {
    /** The CNI plugin; with `networkPluginMode` left out, Azure CNI is Azure CNI Overlay. @default "azure" */
    networkPlugin?: NetworkPlugin;
    /**
     * The Azure CNI mode; `null` is the flat mode (Azure CNI node subnet, or pod subnet when pools name
     * one). Left out, Azure CNI is overlay unless a pool names a `podSubnet`, as the components choose.
     * @default "overlay" (null when a pool names a podSubnet)
     */
    networkPluginMode?: NetworkPluginMode | null;
    /** The dataplane: Azure's own or Cilium. @default "azure" */
    networkDataplane?: NetworkDataplane;
    /** The network policy engine. @default - unspecified: none on the Azure dataplane, Cilium's own on the Cilium dataplane */
    networkPolicy?: NetworkPolicy;
    /** `["IPv4"]` or `["IPv4", "IPv6"]` (dual-stack). @default ["IPv4"] */
    ipFamilies?: IpFamily[];
    /** One CIDR per family, in `ipFamilies` order. @default ["10.244.0.0/16"] (dual-stack: plus "fd12:3456:789a::/64") */
    podCidrs?: string[];
    /** One CIDR per family, in `ipFamilies` order. @default ["10.0.0.0/16"] (dual-stack: plus "fd12:3456:789a:1::/108") */
    serviceCidrs?: string[];
    /** The cluster DNS service address, inside the IPv4 service CIDR. @default "10.0.0.10" */
    dnsServiceIP?: string;
    /** The VNet's address spaces. @default - an AKS-managed VNet: VNet and subnet rules are skipped */
    vnetAddressSpaces?: string[];
    /** Every subnet of the VNet, used by the cluster or not. @default - an AKS-managed VNet */
    nodeSubnets?: NodeSubnetPlan[];
    /** Peered VNets, VPN, ExpressRoute and on-premises ranges: CIDR strings or named entries. @default [] */
    connectedNetworks?: (string | ConnectedNetwork)[];
    /** `major.minor` or `major.minor.patch`; the components default to the same version. @default "1.34" */
    kubernetesVersion?: string;
    /** How traffic leaves the VNet. @default "loadBalancer" */
    outboundType?: OutboundType;
    /** The node pools, System and User. @default [{ name: "nodepool1", osType: "Linux", mode: "System", count: 3 }] */
    nodePools?: NodePoolPlan[];
    /** Required (at cluster creation) for Windows pools. @default null */
    windowsProfile?: WindowsProfilePlan | null;
    /** Existing resource names; checked for length only. @default - not checked */
    names?: PlanNames;
    /** API server authorized IP ranges (public IPv4 CIDRs). @default - not restricted by the plan */
    apiServerAuthorizedIpRanges?: string[];
    /** Deprecated and ignored by AKS; only checked for overlaps. @default - none */
    dockerBridgeCidr?: string;
}

export type { Diagnostic, Severity } from "../core/diagnostic";
import type { Diagnostic } from "../core/diagnostic";

/** The IP address management mode the plan resolves to. */
export type IpamMode = "overlay" | "podSubnet" | "nodeSubnet" | "kubenet" | "none";

/** A node pool with every default made explicit. */
export interface EffectiveNodePool {
    name: string;
    /** Where the pool sits in the plan, e.g. `nodePools[1]`. */
    path: string;
    osType: OsType;
    mode: AgentPoolMode;
    count: number;
    minCount: number | null;
    maxCount: number | null;
    /** Nodes the pool can reach: `maxCount` with the autoscaler, else `count`. */
    nodes: number;
    /** Extra nodes during an upgrade. */
    surge: number;
    maxPods: number;
    /** True when `maxPods` came from the plugin's default. */
    maxPodsDefaulted: boolean;
    vmSize: string | null;
    subnet: string | null;
    podSubnet: string | null;
    osSku: string | null;
}

/** A subnet with its prefixes in canonical form. */
export interface EffectiveSubnet {
    name: string;
    cidr: string;
    ipv6Cidr: string | null;
}

/** The plan with every default made explicit and every CIDR in canonical form. */
export interface EffectiveNetworkPlan {
    networkPlugin: NetworkPlugin;
    networkPluginMode: NetworkPluginMode | null;
    ipamMode: IpamMode;
    networkDataplane: NetworkDataplane;
    /** The policy engine in effect. */
    networkPolicy: NetworkPolicy;
    /** False when the plan left `networkPolicy` out (AKS then picks it; the SDK must not be sent a value). */
    networkPolicyExplicit: boolean;
    ipFamilies: IpFamily[];
    /** One per family in `ipFamilies` order; empty when pods take VNet addresses (legacy CNI, pod subnet). */
    podCidrs: string[];
    /** One per family in `ipFamilies` order. */
    serviceCidrs: string[];
    dnsServiceIP: string;
    /** True when the plan names its own VNet (address spaces or subnets). */
    byoVnet: boolean;
    vnetAddressSpaces: string[];
    nodeSubnets: EffectiveSubnet[];
    connectedNetworks: { name: string; cidr: string; kind: ConnectedNetworkKind }[];
    kubernetesVersion: string;
    outboundType: OutboundType;
    nodePools: EffectiveNodePool[];
    /** The Windows admin user name; the password is never part of a report. */
    windowsProfile: { adminUsername: string | null; hasPassword: boolean } | null;
    apiServerAuthorizedIpRanges: string[];
}

/** Capacity of one IP family. */
export interface FamilyCapacity {
    family: IpFamily;
    /** The family's pod CIDR, or null when pods take VNet addresses. */
    podCidr: string | null;
    /** Nodes the pod CIDR can hold (one /24 per node for IPv4 overlay and kubenet); null when not limited by it. */
    podCidrNodeCapacity: number | null;
    serviceCidr: string | null;
    /** ClusterIPs available in the service CIDR, as an exact decimal string. */
    serviceIps: string;
}

/** Capacity of one subnet. */
export interface SubnetCapacity {
    name: string;
    cidr: string;
    /** `nodes` for node subnets, `pods` for pod subnets. */
    role: "nodes" | "pods";
    /** Addresses Azure lets the cluster use: size - 5. */
    usable: number;
    /** Addresses the planned nodes need at their maximum. */
    needed: number;
    /** Addresses needed during an upgrade (with surge). */
    neededWithSurge: number;
    /** usable - neededWithSurge (negative: short). */
    headroom: number;
    /** The pools that use the subnet. */
    pools: string[];
}

/** The capacity table. */
export interface CapacityReport {
    nodes: {
        /** Σ count. */
        count: number;
        /** Σ nodes (maxCount with the autoscaler). */
        max: number;
        /** Σ (nodes + surge). */
        withSurge: number;
        /** The cluster's node limit for its IPAM mode, or null when none is documented. */
        limit: number | null;
    };
    families: FamilyCapacity[];
    subnets: SubnetCapacity[];
    /** Nodes the IPv4 pod CIDR holds minus nodes with surge; null when not limited by it. */
    podCidrHeadroom: number | null;
}

/** What `describeNetworkPlan` returns: JSON-serialisable, with no secrets. */
export interface NetworkPlanReport {
    /** `reject` if any error, `warn` if any warning, else `accept`. */
    verdict: "accept" | "warn" | "reject";
    effective: EffectiveNetworkPlan;
    capacity: CapacityReport;
    diagnostics: Diagnostic[];
}
