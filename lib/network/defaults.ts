/**
 * AKS's defaults for omitted plan fields, and the fixed numbers the rules use. Each constant names
 * its source in `../shared/reference/aks-network-rules.md` terms (rule or disagreement id).
 */
import { IpamMode } from "./types";

/** R22: single-stack pod CIDR. */
export const DEFAULT_POD_CIDR_V4 = "10.244.0.0/16";
/** R52: dual-stack IPv6 pod CIDR (docs; the RP may pick random ULA ranges instead, D6). */
export const DEFAULT_POD_CIDR_V6 = "fd12:3456:789a::/64";
/** R22: single-stack service CIDR. */
export const DEFAULT_SERVICE_CIDR_V4 = "10.0.0.0/16";
/** R52: dual-stack IPv6 service CIDR. */
export const DEFAULT_SERVICE_CIDR_V6 = "fd12:3456:789a:1::/108";
/** R22: cluster DNS service address. */
export const DEFAULT_DNS_SERVICE_IP = "10.0.0.10";
/**
 * The Kubernetes version assumed when a plan gives none, and the one the components send when their
 * arguments give none (a minor AKS supports in 2026; pin your own): one value, so a plan file, the CLI
 * and the components judge version-dependent rules alike.
 */
export const DEFAULT_KUBERNETES_VERSION = "1.34";

/**
 * Plan warnings treated as errors unless a caller says otherwise (the components' `network.warningsAsErrors`,
 * `aks-network validate --warnings-as-errors`): R34 and R38, a connected network shadowed by the service
 * or pod range, which the reference rates a warning but which breaks traffic to that network.
 */
export const DEFAULT_WARNINGS_AS_ERRORS: readonly string[] = ["R34", "R38"];
/**
 * The Azure CNI mode when a plan leaves `networkPluginMode` out: overlay for Azure CNI (D12: what AKS
 * creates when the plugin is omitted, and what the components send), unless a pool names a `podSubnet`
 * (Azure CNI pod subnet); none for the other plugins. An explicit `null` is the plugin's flat mode
 * (Azure CNI node subnet), as AKS reads a ManagedCluster without the field. One rule, so a plan file,
 * the CLI and the components read the same input alike.
 */
export function defaultPluginMode(
    plugin: string,
    given: "overlay" | null | undefined,
    pools: readonly { podSubnet: string | null }[],
): "overlay" | null {
    if (given !== undefined) return given;
    return plugin === "azure" && !pools.some((pool) => pool.podSubnet !== null) ? "overlay" : null;
}

/** §2: one Linux System pool of three nodes. */
export const DEFAULT_POOL_NAME = "nodepool1";
export const DEFAULT_POOL_COUNT = 3;
/** D15: nodes added per pool during an upgrade. */
export const DEFAULT_SURGE = 1;

/** R49 / D13: default maxPods per IPAM mode. */
export const DEFAULT_MAX_PODS: Record<IpamMode, number> = {
    overlay: 250,
    podSubnet: 110,
    nodeSubnet: 30,
    kubenet: 110,
    none: 250,
};

/** R45: maxPods bounds. */
export const MAX_PODS_MIN = 10;
export const MAX_PODS_MAX = 250;
/** R46: every pool must have room for this many pods. */
export const MIN_PODS_PER_POOL = 30;
/** R48: node count bounds. */
export const MAX_POOL_COUNT = 1000;
/** R59: cluster node limits. */
export const NODE_LIMIT: Partial<Record<IpamMode, number>> = { kubenet: 400, overlay: 5000 };
/** R15: Azure NPM scale limit. */
export const AZURE_NPM_NODE_LIMIT = 250;
/** D16: addresses Azure reserves in every subnet (first four and the last). */
export const AZURE_RESERVED_PER_SUBNET = 5;
/** R40: overlay and kubenet give every node a /24 of the IPv4 pod CIDR. */
export const POD_BLOCK_PREFIX_V4 = 24;
/** R61: dynamic pod-subnet allocation hands out addresses in batches of 16 per node. */
export const POD_SUBNET_BATCH = 16;
/** R13 / R14: service CIDR size limits (IPv4 prefix must be greater; IPv6 at least). */
export const SERVICE_PREFIX_MIN_EXCLUSIVE_V4 = 12;
export const SERVICE_PREFIX_MIN_V6 = 108;
/** R64: names used as node labels. */
export const MAX_NAME_LENGTH = 63;
/** R43 / R44. */
export const POOL_NAME_RE = /^[a-z][a-z0-9]{0,11}$/;
export const WINDOWS_POOL_NAME_MAX = 6;

/** R24: ranges AKS reserves. */
export const RESERVED_RANGES: readonly { cidr: string; why: string }[] = [
    { cidr: "169.254.0.0/16", why: "link-local" },
    { cidr: "172.30.0.0/16", why: "reserved by AKS" },
    { cidr: "172.31.0.0/16", why: "reserved by AKS" },
    { cidr: "192.0.2.0/24", why: "reserved by AKS (TEST-NET-1)" },
];
