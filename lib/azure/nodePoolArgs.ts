/**
 * What a node pool looks like in the arguments: `AksClusterArgs.systemPool`, each entry of
 * `AksClusterArgs.nodePools` and `NodePoolArgs.pool`. Validated values are plain (they shape the plan);
 * every default is explicit and documented, because many pool settings are immutable after creation.
 * Each interface is followed by its shape (see `shape.ts`), which the component checks first.
 */
import { OsDiskType, OsSku, OsType, TaintEffect } from "./enums";
import { ObjectShape, opt, req, S } from "./shape";

/** A Kubernetes taint put on every node of a pool. */
export interface NodeTaint {
    /** The taint key, e.g. `"sku"` or `"kubernetes.io/os"`. */
    key: string;
    /**
     * The taint value.
     * @default - no value (`key:effect`)
     */
    value?: string;
    /** What happens to pods that don't tolerate the taint. */
    effect: TaintEffect;
}

/** The shape of `NodeTaint`. */
export const NODE_TAINT_SHAPE: ObjectShape<NodeTaint> = S.object<NodeTaint>(
    "NodeTaint",
    `{ key: "sku", value: "gpu", effect: "NoSchedule" }`,
    {
        key: req(S.string),
        value: opt(S.string),
        effect: req(S.enumOf("TaintEffect", TaintEffect)),
    },
);

/** Shapes of the fields `NodePoolSpec` and `SystemPoolArgs` share. */
const POOL_FIELDS = {
    osSku: opt(S.enumOf("OsSku", OsSku)),
    vmSize: opt(S.string),
    count: opt(S.number),
    minCount: opt(S.number),
    maxCount: opt(S.number),
    maxPods: opt(S.number),
    maxSurge: opt(S.string),
    zones: opt(S.list(S.string)),
    subnet: opt(S.string),
    podSubnet: opt(S.string),
    labels: opt(S.map(S.string)),
    taints: opt(S.list(NODE_TAINT_SHAPE)),
    osDiskType: opt(S.enumOf("OsDiskType", OsDiskType)),
    osDiskSizeGb: opt(S.number),
    enableEncryptionAtHost: opt(S.boolean),
    enableFips: opt(S.boolean),
};

/**
 * A user node pool (Linux or Windows), created as a separate `AgentPool` resource.
 *
 * Pools are keyed by `name`: reordering `nodePools` replaces nothing. Settings AKS can't change in place
 * (vmSize, zones, maxPods, OS disk, encryption at host, OS SKU) replace or fail; create a new pool with
 * a new name and move workloads instead.
 */
export interface NodePoolSpec {
    /**
     * The pool's name in AKS: 1-12 lowercase letters and digits starting with a letter; Windows pools
     * 1-6 (rules R43, R44). Also the key of the pool's child resource.
     */
    name: string;
    /**
     * The pool's operating system.
     * @default OsType.Linux
     */
    osType?: OsType;
    /**
     * The OS SKU. Linux: `Ubuntu` or `AzureLinux`. Windows: checked against the Kubernetes version (R77);
     * `Windows2025` pools get `enableFIPS` (required by its image).
     * @default - Linux: OsSku.Ubuntu; Windows: OsSku.Windows2022 below Kubernetes 1.35, OsSku.Windows2025 from 1.35
     */
    osSku?: OsSku;
    /**
     * The VM size.
     * @default "Standard_D4ds_v5" (4 vCPU, 16 GiB, 150 GiB local disk for an ephemeral OS disk)
     */
    vmSize?: string;
    /**
     * Nodes to create. With the autoscaler (`maxCount` set) the starting count; AKS's later changes are
     * then ignored by Pulumi so a preview never fights the autoscaler.
     * @default - minCount with the autoscaler, else 3
     */
    count?: number;
    /**
     * The autoscaler's lower bound (needs `maxCount`).
     * @default - 1 with the autoscaler (`count` when given), else no autoscaler
     */
    minCount?: number;
    /**
     * The autoscaler's upper bound; setting it turns the cluster autoscaler on for the pool. The pod CIDR
     * and subnet capacity checks count `maxCount` nodes.
     * @default - no autoscaler
     */
    maxCount?: number;
    /**
     * Pods per node (10-250). Immutable after creation. Written explicitly so scanners (CKV_AZURE_168)
     * and the capacity checks see the real number.
     * @default 110
     */
    maxPods?: number;
    /**
     * Extra nodes during upgrades: a count (`"1"`) or a percentage (`"33%"`). Surge nodes need addresses
     * in the node subnet and the pod CIDR; the planner counts them.
     * @default "33%" (AKS's recommendation for production pools)
     */
    maxSurge?: string;
    /**
     * Availability zones. Immutable after creation. Use `[]` in regions without availability zones.
     * @default ["1", "2", "3"]
     */
    zones?: string[];
    /**
     * The name of the subnet (an entry of `network.vnet.subnets`) the nodes use. Not with
     * `network.nodeSubnetId` (all pools then use that subnet).
     * @default - the first subnet of `network.vnet.subnets`
     */
    subnet?: string;
    /**
     * The name of a subnet (an entry of `network.vnet.subnets`) used as the Azure CNI pod subnet
     * (dynamic IP allocation). Only without overlay; then every pool needs one (R75).
     * @default - pods take addresses from the overlay pod CIDR
     */
    podSubnet?: string;
    /**
     * Kubernetes labels for every node.
     * @default - none; Windows pools: `{ "aks-network.io/os": "windows" }`
     */
    labels?: { [key: string]: string };
    /**
     * Kubernetes taints for every node. Setting this replaces the default.
     * @default - none; Windows pools: `kubernetes.io/os=windows:NoSchedule`, so Linux workloads never land there unless they tolerate it
     */
    taints?: NodeTaint[];
    /**
     * Where the OS disk lives. Immutable after creation.
     * @default OsDiskType.Ephemeral
     */
    osDiskType?: OsDiskType;
    /**
     * The OS disk size in GB. Immutable after creation.
     * @default - AKS's default for the VM size
     */
    osDiskSizeGb?: number;
    /**
     * Encrypt temp disks, caches and data flows at the VM host (CKV_AZURE_227). Creation time only; the
     * subscription must have the `Microsoft.Compute/EncryptionAtHost` feature registered.
     * @default false
     */
    enableEncryptionAtHost?: boolean;
    /**
     * Use FIPS-enabled node images.
     * @default - true for OsSku.Windows2025 (its image requires it), else false
     */
    enableFips?: boolean;
}

/** The shape of `NodePoolSpec`. */
export const NODE_POOL_SPEC_SHAPE: ObjectShape<NodePoolSpec> = S.object<NodePoolSpec>(
    "NodePoolSpec",
    `{ name: "apps", vmSize: "Standard_D4ds_v5" }`,
    {
        name: req(S.string),
        osType: opt(S.enumOf("OsType", OsType)),
        ...POOL_FIELDS,
    },
);

/**
 * The cluster's System pool: the only pool inside the `ManagedCluster` resource. Always Linux, tainted
 * `CriticalAddonsOnly=true:NoSchedule` so only AKS's own add-ons run on it. Keep it stable: AKS can't add,
 * remove or rename pools through the cluster resource.
 */
export interface SystemPoolArgs {
    /**
     * The pool's name (1-12 lowercase letters and digits starting with a letter). Changing it replaces
     * the pool through the cluster resource, which AKS refuses: choose it once.
     * @default "system"
     */
    name?: string;
    /**
     * The OS SKU (Linux only).
     * @default OsSku.Ubuntu
     */
    osSku?: OsSku;
    /**
     * The VM size (at least 4 vCPU and 4 GiB for System pools).
     * @default "Standard_D4ds_v5"
     */
    vmSize?: string;
    /**
     * Nodes to create (3 or more recommended: Azure.AKS.MinNodeCount).
     * @default - minCount with the autoscaler, else 3
     */
    count?: number;
    /**
     * The autoscaler's lower bound (needs `maxCount`).
     * @default - no autoscaler
     */
    minCount?: number;
    /**
     * The autoscaler's upper bound; turns the autoscaler on.
     * @default - no autoscaler
     */
    maxCount?: number;
    /**
     * Pods per node (10-250, at least 30 for System pools). Immutable after creation.
     * @default 110
     */
    maxPods?: number;
    /**
     * Extra nodes during upgrades.
     * @default "33%"
     */
    maxSurge?: string;
    /**
     * Availability zones. Immutable after creation.
     * @default ["1", "2", "3"]
     */
    zones?: string[];
    /**
     * The node subnet's name (an entry of `network.vnet.subnets`).
     * @default - the first subnet
     */
    subnet?: string;
    /**
     * The pod subnet's name (Azure CNI without overlay only).
     * @default - pods use the overlay pod CIDR
     */
    podSubnet?: string;
    /**
     * Kubernetes labels for every node.
     * @default - none
     */
    labels?: { [key: string]: string };
    /**
     * Taints. Setting this replaces the default.
     * @default - `CriticalAddonsOnly=true:NoSchedule` (CKV_AZURE_232)
     */
    taints?: NodeTaint[];
    /**
     * Where the OS disk lives. Immutable after creation.
     * @default OsDiskType.Ephemeral
     */
    osDiskType?: OsDiskType;
    /**
     * The OS disk size in GB.
     * @default - AKS's default for the VM size
     */
    osDiskSizeGb?: number;
    /**
     * Encryption at host (see `NodePoolSpec.enableEncryptionAtHost`).
     * @default false
     */
    enableEncryptionAtHost?: boolean;
    /**
     * FIPS-enabled node images.
     * @default false
     */
    enableFips?: boolean;
}

/** The shape of `SystemPoolArgs`. */
export const SYSTEM_POOL_ARGS_SHAPE: ObjectShape<SystemPoolArgs> = S.object<SystemPoolArgs>(
    "SystemPoolArgs",
    `{ name: "system", count: 3 }`,
    {
        name: opt(S.string),
        ...POOL_FIELDS,
    },
);
