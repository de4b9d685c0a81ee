/**
 * Which property changes replace a resource, which ones Azure or Kubernetes refuses in place and
 * which ones restart nodes or pods: one table, one source per row.
 *
 * The rows hold for the versions in {@link FACTS_VERSIONS}; a test pins them to the installed
 * `@pulumi/azure-native` and `@pulumi/kubernetes`, so an upgrade fails until the table is reviewed.
 *
 * How azure-native decides (pulumi/pulumi-azure-native `provider/pkg/gen/replacement.go`,
 * `provider/pkg/gen/properties.go`, `provider/pkg/provider/diff.go`): path parameters of the PUT URL
 * always replace; a curated `forceNewMap` names further properties, also one level down in nested
 * types; everything else is an in-place update, which Azure may still refuse. The TypeScript SDK
 * 3.28.0 sets no `replaceOnChanges` of its own (checked by the test), so the provider's diff alone
 * decides. Where a fact could not be confirmed, the row takes the safer class and says so.
 */
import type { PlanValue } from "../plan/types";

/** The versions the table was reviewed for. */
export const FACTS_VERSIONS = {
    "@pulumi/azure-native": "3.28.0",
    "@pulumi/kubernetes": "4.34.2",
} as const;

/** The Azure REST API version each azure-native resource uses in {@link FACTS_VERSIONS} (stated in each SDK file). */
export const API_VERSIONS: Readonly<Record<string, string>> = {
    "azure-native:containerservice:ManagedCluster": "2025-09-01",
    "azure-native:containerservice:AgentPool": "2025-09-01",
    "azure-native:containerservice:MaintenanceConfiguration": "2025-09-01",
    "azure-native:network:VirtualNetwork": "2024-05-01",
    "azure-native:network:Subnet": "2024-05-01",
    "azure-native:network:VirtualNetworkPeering": "2024-05-01",
    "azure-native:authorization:RoleAssignment": "2022-04-01",
    "azure-native:managedidentity:UserAssignedIdentity": "2023-01-31",
    "azure-native:resources:ResourceGroup": "2024-03-01",
};

/** How sure a row is: read in its source, derived from sources, or not confirmed (then the row takes the safer class). */
export type Confidence = "confirmed" | "derived" | "unconfirmed";

/** What happens to a change the engine applies in place. */
export type InPlace = "accepted" | "disruptive" | "refused";

/** The values a conditional row looks at. */
export interface ChangeContext {
    /** The changed path, list items as `[n]`. */
    path: string;
    base: PlanValue | undefined;
    head: PlanValue | undefined;
    baseInputs: { [key: string]: PlanValue };
    headInputs: { [key: string]: PlanValue };
}

/** One row: what changing a property of a type does. */
export interface ChangeFact {
    /** The type token, or a prefix ending in `*` (`kubernetes:*`). */
    type: string;
    /** The property path; `[]` stands for any list item; a change at or below it matches. */
    path: string;
    /** What the engine plans: a replacement (delete and create) or an in-place update. */
    engine: "replace" | "update";
    /** For an update: what Azure or Kubernetes does with it. @default "accepted" */
    inPlace?: InPlace;
    /** When set, the row applies only to changes it accepts (e.g. a version downgrade). */
    when?: (c: ChangeContext) => boolean;
    /** What the change does, completing "changing PATH ...". */
    effect: string;
    /** True for a path parameter of the PUT URL (the physical name or place). */
    pathParameter?: boolean;
    /** Where the fact comes from (URL, PR, issue, source file). */
    source: string;
    confidence: Confidence;
}

const MC = "azure-native:containerservice:ManagedCluster";
const AP = "azure-native:containerservice:AgentPool";
const MCFG = "azure-native:containerservice:MaintenanceConfiguration";
const VNET = "azure-native:network:VirtualNetwork";
const SUBNET = "azure-native:network:Subnet";
const PEERING = "azure-native:network:VirtualNetworkPeering";
const RA = "azure-native:authorization:RoleAssignment";
const UAI = "azure-native:managedidentity:UserAssignedIdentity";
const RG = "azure-native:resources:ResourceGroup";
const SERVICE = "kubernetes:core/v1:Service";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const JOB = "kubernetes:batch/v1:Job";
const DAEMONSET = "kubernetes:apps/v1:DaemonSet";
const STATEFULSET = "kubernetes:apps/v1:StatefulSet";
const K8S_PROVIDER = "pulumi:providers:kubernetes";

const AN_DIFF = "pulumi/pulumi-azure-native provider/pkg/provider/diff.go (path parameters of the PUT URL force replacement)";
const AN_MAP = "pulumi/pulumi-azure-native provider/pkg/gen/replacement.go (forceNewMap)";
const PR4771 = `${AN_MAP}; PR pulumi/pulumi-azure-native#4771 (per-leaf networkProfile force-new, fixes #4756)`;
const UPDATE_CNI = "https://learn.microsoft.com/azure/aks/update-azure-cni";
const AZURERM_POOL =
    "hashicorp/terraform-provider-azurerm kubernetes_cluster_node_pool docs (properties rotated through temporary_name_for_rotation)";
const K8S_DIFF = "pulumi/pulumi-kubernetes provider/pkg/provider/diff.go (forceNewProperties)";
const K8S_VALIDATION = "kubernetes/kubernetes pkg/apis/core/validation/validation.go (ValidateServiceUpdate)";
const UPGRADE_FAQ = "https://learn.microsoft.com/azure/aks/upgrade-aks-faq; Azure/AKS#2997 (downgrades are not supported)";

/** Path parameters: a new physical name or place, so a new resource. */
function pathParameters(type: string, names: string[], what: string): ChangeFact[] {
    return names.map((path) => ({
        type,
        path,
        engine: "replace",
        pathParameter: true,
        effect: `replaces the ${what} (a new Azure resource id)`,
        source: AN_DIFF,
        confidence: "confirmed",
    }));
}

/** True unless the change is inside an inline pool that one side does not have (`agentPoolProfiles[n]`). */
function inlinePoolOnBothSides(c: ChangeContext): boolean {
    const m = /^agentPoolProfiles\[(\d+)\]/.exec(c.path);
    if (!m) return true;
    const has = (inputs: ChangeContext["baseInputs"]) => {
        const list = inputs.agentPoolProfiles;
        return Array.isArray(list) && list.length > Number(m[1]);
    };
    return has(c.baseInputs) && has(c.headInputs);
}

/** Numeric `major.minor.patch` comparison; NaN parts compare as 0. */
export function compareVersions(a: string, b: string): number {
    const pa = a.split(".").map((x) => Number(x) || 0);
    const pb = b.split(".").map((x) => Number(x) || 0);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0) return d;
    }
    return 0;
}

/** A version that goes down (a set version compared with a set version). */
const downgrade = (c: ChangeContext) => typeof c.base === "string" && typeof c.head === "string" && compareVersions(c.head, c.base) < 0;

/** Kubernetes version rows (cluster `kubernetesVersion`, pool `orchestratorVersion`). */
function versionFacts(type: string, path: string, what: string): ChangeFact[] {
    return [
        {
            type,
            path,
            engine: "update",
            inPlace: "refused",
            when: downgrade,
            effect: `to a lower version is refused by AKS ("Downgrading Kubernetes version ... is not allowed"), so pulumi up fails`,
            source: `${UPGRADE_FAQ}; rancher/rancher#24071 (error text)`,
            confidence: "confirmed",
        },
        {
            type,
            path,
            engine: "update",
            inPlace: "disruptive",
            effect: `upgrades the ${what}: nodes are replaced one surge batch at a time and pods are evicted`,
            source: "https://learn.microsoft.com/azure/aks/upgrade-aks-cluster",
            confidence: "confirmed",
        },
    ];
}

/** Network profile leaves that replace the whole cluster at azure-native 3.28. */
const NETWORK_PROFILE_REPLACES: [string, string, Confidence][] = [
    [
        "networkPlugin",
        "; AKS could migrate kubenet or node-subnet CNI to overlay in place (az aks update), re-imaging every pool",
        "derived",
    ],
    ["networkPluginMode", "; AKS could migrate to overlay in place (az aks update), one way", "derived"],
    ["networkDataplane", "; AKS migrates only azure to cilium in place (az aks update), re-imaging every pool", "derived"],
    ["networkPolicy", "; AKS could install or remove a policy engine in place, re-imaging every pool", "derived"],
    ["podCidr", "; pods lose their addresses", "derived"],
    ["podCidrs", "; pods lose their addresses", "derived"],
    ["serviceCidr", "; every Service gets a new cluster IP (AKS has no in-place update)", "derived"],
    ["serviceCidrs", "; every Service gets a new cluster IP (AKS has no in-place update)", "derived"],
    ["dnsServiceIP", "; cluster DNS moves (AKS has no in-place update)", "derived"],
    ["networkMode", "", "derived"],
    ["ipFamilies", "; AKS could add IPv6 in place on an overlay cluster (az aks update --ip-families), one way", "derived"],
    ["outboundType", "; AKS could change it in place (az aks update --outbound-type), changing egress IPs", "derived"],
];

const CLUSTER_FACTS: ChangeFact[] = [
    ...pathParameters(MC, ["resourceGroupName", "resourceName"], "cluster"),
    ...["location", "dnsPrefix", "fqdnSubdomain", "nodeResourceGroup", "diskEncryptionSetID", "linuxProfile", "windowsProfile"].map(
        (path): ChangeFact => ({
            type: MC,
            path,
            engine: "replace",
            effect: `replaces the cluster${path.endsWith("Profile") ? " (the whole object is force-new, so a key or password rotation in code replaces it)" : ""}`,
            source: AN_MAP,
            confidence: "derived",
        }),
    ),
    ...NETWORK_PROFILE_REPLACES.map(([leaf, more, confidence]): ChangeFact => ({
        type: MC,
        path: `networkProfile.${leaf}`,
        engine: "replace",
        effect: `replaces the cluster${more}`,
        source: leaf.startsWith("network") || leaf.startsWith("pod") ? `${PR4771}; ${UPDATE_CNI}` : PR4771,
        confidence,
    })),
    {
        type: MC,
        path: "networkProfile.loadBalancerSku",
        engine: "update",
        inPlace: "refused",
        when: (c) => String(c.head).toLowerCase() === "basic",
        effect: "to basic is refused (the Basic load balancer is retired; only basic to standard migrates)",
        source: "https://learn.microsoft.com/azure/aks/upgrade-basic-load-balancer-on-aks",
        confidence: "derived",
    },
    {
        type: MC,
        path: "networkProfile.loadBalancerSku",
        engine: "update",
        inPlace: "disruptive",
        effect: "migrates the load balancer in place with planned downtime and no rollback",
        source: "https://learn.microsoft.com/azure/aks/upgrade-basic-load-balancer-on-aks",
        confidence: "confirmed",
    },
    ...versionFacts(MC, "kubernetesVersion", "control plane, then every pool"),
    {
        type: MC,
        path: "agentPoolProfiles[]",
        engine: "update",
        inPlace: "refused",
        when: (c) => !inlinePoolOnBothSides(c),
        effect: 'adds or removes an inline pool, which AKS refuses ("A new agent pool was introduced"); use a NodePool',
        source: "PR pulumi/pulumi-azure-native#2774; pulumi/pulumi-azure-native#579, #4264",
        confidence: "confirmed",
    },
    {
        type: MC,
        path: "identity",
        engine: "update",
        inPlace: "disruptive",
        effect: "changes the cluster identity; AKS may roll the nodes (not confirmed, so treated as disruptive)",
        source: "replacements.md §2 (identity row, unconfirmed)",
        confidence: "unconfirmed",
    },
];

/** Pool properties planned as updates that AKS refuses (name, why-suffix, source, confidence). */
const POOL_REFUSED: [string, string, Confidence][] = [
    ["maxPods", "", "confirmed"],
    ["availabilityZones", "", "derived"],
    ["osType", "", "derived"],
    ["osDiskType", "", "derived"],
    ["osDiskSizeGB", "", "derived"],
    ["vnetSubnetID", "", "derived"],
    ["podSubnetID", "", "derived"],
    ["enableNodePublicIP", "", "derived"],
    ["enableEncryptionAtHost", "", "unconfirmed"],
    ["kubeletDiskType", "", "derived"],
    ["kubeletConfig", " (in-place support not confirmed, so treated as refused)", "unconfirmed"],
    ["linuxOSConfig", " (in-place support not confirmed, so treated as refused)", "unconfirmed"],
];

const POOL_FACTS: ChangeFact[] = [
    ...pathParameters(AP, ["resourceGroupName", "resourceName", "agentPoolName"], "node pool"),
    {
        type: AP,
        path: "vmSize",
        engine: "replace",
        effect: "replaces the node pool: its nodes are deleted and recreated",
        source: "PR pulumi/pulumi-azure-native#3655 (fixes #2462); https://learn.microsoft.com/azure/aks/manage-node-pools",
        confidence: "derived",
    },
    {
        type: AP,
        path: "gpuInstanceProfile",
        engine: "replace",
        effect: "replaces the node pool: its nodes are deleted and recreated",
        source: "PR pulumi/pulumi-azure-native#3655",
        confidence: "confirmed",
    },
    {
        type: AP,
        path: "networkProfile.nodePublicIPTags",
        engine: "replace",
        effect: "replaces the node pool: its nodes are deleted and recreated",
        source: AN_MAP,
        confidence: "derived",
    },
    ...POOL_REFUSED.map(([path, more, confidence]): ChangeFact => ({
        type: AP,
        path,
        engine: "update",
        inPlace: "refused",
        effect: `is planned in place, but AKS refuses it (PropertyChangeNotAllowed)${more}; a clean preview is followed by a failed pulumi up`,
        source: path === "maxPods" ? `Azure/AKS#1790; ${AZURERM_POOL}` : AZURERM_POOL,
        confidence,
    })),
    {
        type: AP,
        path: "osSKU",
        engine: "update",
        inPlace: "refused",
        when: (c) => /^windows/i.test(String(c.base)) || /^windows/i.test(String(c.head)),
        effect: "of a Windows pool is refused by AKS; a new pool is needed",
        source: `${AZURERM_POOL}; https://learn.microsoft.com/azure/aks/upgrade-windows-os`,
        confidence: "derived",
    },
    {
        type: AP,
        path: "osSKU",
        engine: "update",
        inPlace: "disruptive",
        effect: "re-images every node of the pool (Ubuntu and AzureLinux migrate in place)",
        source: AZURERM_POOL,
        confidence: "derived",
    },
    {
        type: AP,
        path: "enableFIPS",
        engine: "update",
        inPlace: "disruptive",
        effect: "re-images every node of the pool",
        source: "https://learn.microsoft.com/azure/aks/enable-fips-nodes",
        confidence: "confirmed",
    },
    {
        type: AP,
        path: "nodeImageVersion",
        engine: "update",
        inPlace: "disruptive",
        effect: "re-images every node of the pool",
        source: "https://learn.microsoft.com/azure/aks/node-image-upgrade",
        confidence: "derived",
    },
    ...versionFacts(AP, "orchestratorVersion", "pool"),
];

/** The inline System pool follows the pool rules, but the engine never replaces the cluster for them (PR #2774). */
function inlinePoolFacts(): ChangeFact[] {
    return POOL_FACTS.filter((f) => !["resourceGroupName", "resourceName", "agentPoolName"].includes(f.path)).map((f) => ({
        ...f,
        type: MC,
        path: `agentPoolProfiles[].${f.path}`,
        engine: "update",
        inPlace: f.engine === "replace" ? "refused" : f.inPlace,
        when: (c: ChangeContext) => inlinePoolOnBothSides(c) && (f.when?.(c) ?? true),
        effect:
            f.engine === "replace"
                ? "of the inline pool is planned in place, but AKS refuses it; a clean preview is followed by a failed pulumi up"
                : f.effect,
        source: `PR pulumi/pulumi-azure-native#2774 (inline pools are not force-new); ${f.source}`,
    }));
}

const removesPrefix = (c: ChangeContext) => {
    const head = new Set(Array.isArray(c.head) ? c.head.map(String) : []);
    return !Array.isArray(c.base) || c.base.some((p) => !head.has(String(p)));
};

const NETWORK_FACTS: ChangeFact[] = [
    ...pathParameters(VNET, ["resourceGroupName", "virtualNetworkName"], "virtual network"),
    { type: VNET, path: "location", engine: "replace", effect: "replaces the virtual network", source: AN_MAP, confidence: "derived" },
    {
        type: VNET,
        path: "addressSpace.addressPrefixes",
        engine: "update",
        inPlace: "refused",
        when: removesPrefix,
        effect: "removes an address prefix, which Azure refuses while subnets use it (not confirmed otherwise, so treated as refused)",
        source: "MicrosoftDocs/azure-docs#115265; replacements.md §5 (unconfirmed)",
        confidence: "unconfirmed",
    },
    ...pathParameters(SUBNET, ["resourceGroupName", "virtualNetworkName", "subnetName"], "subnet"),
    ...["addressPrefix", "addressPrefixes"].map((path): ChangeFact => ({
        type: SUBNET,
        path,
        engine: "update",
        inPlace: "refused",
        effect: "is refused by Azure while nodes use the subnet (InUseSubnetCannotBeUpdated)",
        source: "hashicorp/terraform-provider-azurerm#7687; Azure/AKS#2119",
        confidence: "confirmed",
    })),
    {
        type: SUBNET,
        path: "delegations",
        engine: "update",
        inPlace: "refused",
        effect: "is refused while the subnet is in use (not confirmed, so treated as refused)",
        source: "replacements.md §5 (unconfirmed)",
        confidence: "unconfirmed",
    },
    ...["networkSecurityGroup", "routeTable", "natGateway"].map((path): ChangeFact => ({
        type: SUBNET,
        path,
        engine: "update",
        inPlace: "disruptive",
        effect: "applies in place, and the traffic of every node in the subnet is affected at once",
        source: "https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet",
        confidence: "derived",
    })),
    ...pathParameters(PEERING, ["resourceGroupName", "virtualNetworkName", "virtualNetworkPeeringName"], "peering"),
    {
        type: PEERING,
        path: "remoteVirtualNetwork",
        engine: "update",
        inPlace: "refused",
        effect: "is refused (a peering's remote network cannot change; not confirmed, so treated as refused)",
        source: "replacements.md §5 (unconfirmed)",
        confidence: "unconfirmed",
    },
    ...pathParameters(MCFG, ["resourceGroupName", "resourceName", "configName"], "maintenance configuration"),
];

const IDENTITY_FACTS: ChangeFact[] = [
    ...pathParameters(RA, ["scope", "roleAssignmentName"], "role assignment"),
    {
        type: RA,
        path: "principalId",
        engine: "replace",
        effect: 'replaces the role assignment (Azure: "principal ID and scope are not allowed to be updated")',
        source: "pulumi/pulumi-azure-native#771, PR #1010",
        confidence: "confirmed",
    },
    {
        type: RA,
        path: "roleDefinitionId",
        engine: "update",
        inPlace: "refused",
        effect: "is planned in place, but Azure is believed to refuse it (RoleAssignmentUpdateNotPermitted; not confirmed)",
        source: "replacements.md §6 (unconfirmed)",
        confidence: "unconfirmed",
    },
    ...pathParameters(UAI, ["resourceGroupName", "resourceName"], "identity (new principal and client ids: its role assignments go too)"),
    {
        type: UAI,
        path: "location",
        engine: "replace",
        effect: "replaces the identity (new principal and client ids: its role assignments go too)",
        source: "Azure common-types TrackedResource.location x-ms-mutability [read, create]; provider/pkg/gen/properties.go",
        confidence: "derived",
    },
    ...pathParameters(RG, ["resourceGroupName"], "resource group and everything in it"),
    {
        type: RG,
        path: "location",
        engine: "replace",
        effect: "replaces the resource group and deletes everything in it",
        source: AN_MAP,
        confidence: "derived",
    },
];

const strings = (v: PlanValue | undefined) => (Array.isArray(v) ? v.map(String) : []);
/** True when `head` keeps every entry of `base` in place and only appends. */
const appends = (c: ChangeContext) => {
    const b = strings(c.base);
    const h = strings(c.head);
    return b.every((x, i) => h[i] === x);
};
const policyOf = (c: ChangeContext) => {
    const spec = c.headInputs.spec;
    return spec && typeof spec === "object" && !Array.isArray(spec) ? String(spec.ipFamilyPolicy ?? "SingleStack") : "SingleStack";
};

/** Service `spec.ipFamilies`: the primary family is fixed; the second is added with a dual-stack policy, removed with SingleStack. */
function ipFamiliesAllowed(c: ChangeContext): boolean {
    const b = strings(c.base);
    const h = strings(c.head);
    if (b.length === 0) return true;
    if (h[0] !== b[0]) return false;
    if (h.length > b.length) return policyOf(c) !== "SingleStack";
    return policyOf(c) === "SingleStack";
}

const KUBERNETES_FACTS: ChangeFact[] = [
    ...["metadata.name", "metadata.namespace"].map((path): ChangeFact => ({
        type: "kubernetes:*",
        path,
        engine: "replace",
        effect: "replaces the object (a new name or namespace)",
        source: K8S_DIFF,
        confidence: "confirmed",
    })),
    {
        type: SERVICE,
        path: "spec.clusterIP",
        engine: "replace",
        effect: "replaces the Service: clients of the old cluster IP lose it",
        source: `${K8S_DIFF}; ${K8S_VALIDATION}`,
        confidence: "confirmed",
    },
    {
        type: SERVICE,
        path: "spec.clusterIPs",
        engine: "update",
        inPlace: "refused",
        when: (c) => !appends(c),
        effect: 'changes a set cluster IP, which the API server refuses ("may not change once set")',
        source: K8S_VALIDATION,
        confidence: "confirmed",
    },
    {
        type: SERVICE,
        path: "spec.ipFamilies",
        engine: "update",
        inPlace: "refused",
        when: (c) => !ipFamiliesAllowed(c),
        effect: "is refused by the API server: the primary family is fixed, a second family is added only with a dual-stack ipFamilyPolicy and removed only with SingleStack",
        source: `${K8S_VALIDATION}; https://kubernetes.io/docs/concepts/services-networking/dual-stack/`,
        confidence: "confirmed",
    },
    ...["spec.loadBalancerClass", "spec.healthCheckNodePort"].map((path): ChangeFact => ({
        type: SERVICE,
        path,
        engine: "update",
        inPlace: "refused",
        when: (c) => c.base !== undefined && c.base !== null,
        effect: "is refused by the API server (immutable once set)",
        source: K8S_VALIDATION,
        confidence: "confirmed",
    })),
    {
        type: SERVICE,
        path: "spec.type",
        engine: "update",
        inPlace: "disruptive",
        effect: "provisions or releases a load balancer; a dynamic public IP released on the way back is lost",
        source: "https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types",
        confidence: "derived",
    },
    ...[DEPLOYMENT, DAEMONSET, STATEFULSET].flatMap((type): ChangeFact[] => [
        {
            type,
            path: "spec.selector",
            engine: "replace",
            effect: "replaces the workload (the label selector is immutable in apps/v1): its pods are deleted and recreated",
            source: `${K8S_DIFF}; https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#label-selector-updates`,
            confidence: "confirmed",
        },
        {
            type,
            path: "spec.template",
            engine: "update",
            inPlace: "disruptive",
            effect: "rolls every pod of the workload",
            source: "https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#updating-a-deployment",
            confidence: "confirmed",
        },
    ]),
    ...["spec.serviceName", "spec.volumeClaimTemplates", "spec.podManagementPolicy", "spec.revisionHistoryLimit"].map(
        (path): ChangeFact => ({
            type: STATEFULSET,
            path,
            engine: "replace",
            effect: "replaces the StatefulSet: its pods are deleted and recreated",
            source: K8S_DIFF,
            confidence: "confirmed",
        }),
    ),
    ...["spec.template", "spec.selector", "spec.completions", "spec.parallelism"].map((path): ChangeFact => ({
        type: JOB,
        path,
        engine: "replace",
        effect: "replaces the Job (its pod template is immutable): it runs again",
        source: `${K8S_DIFF}; https://kubernetes.io/docs/concepts/workloads/controllers/job/#mutable-scheduling-directives`,
        confidence: "confirmed",
    })),
    ...["kubeconfig", "context", "cluster", "clusterIdentifier"].map((path): ChangeFact => ({
        type: K8S_PROVIDER,
        path,
        engine: "replace",
        effect: "replaces the Kubernetes provider, and with it every Kubernetes object it manages (set clusterIdentifier to limit this)",
        source: "pulumi/pulumi-kubernetes provider/pkg/provider/provider.go (DiffConfig)",
        confidence: "derived",
    })),
];

/** Every row, in lookup order. */
export const CHANGE_FACTS: readonly ChangeFact[] = [
    ...CLUSTER_FACTS,
    ...inlinePoolFacts(),
    ...POOL_FACTS,
    ...NETWORK_FACTS,
    ...IDENTITY_FACTS,
    ...KUBERNETES_FACTS,
];

/** The default for a property with no row: updated in place. */
export const IN_PLACE_DEFAULT = {
    effect: "updates it in place",
    source: `no force-new or refused entry for this property (${AN_MAP}; ${K8S_DIFF})`,
};

/**
 * How a type's physical name is chosen when its name input is left out: `logical` copies the Pulumi
 * name (child resources, so a create-before-delete replacement collides with the old one), `random`
 * adds a suffix, `server` leaves it to the service (UUIDs, generated names).
 * Source: pulumi/pulumi-azure-native CHANGELOG 0.7.0 "Auto-naming" and #625 (role assignment UUIDs);
 * pulumi-kubernetes auto-names with a random suffix and deletes first when `metadata.name` is set
 * (pulumi/pulumi-kubernetes tests/integration/delete-before-replace).
 */
export const PHYSICAL_NAMES: Readonly<Record<string, { path: string; auto: "logical" | "random" | "server" }>> = {
    [MC]: { path: "resourceName", auto: "random" },
    [AP]: { path: "agentPoolName", auto: "logical" },
    [MCFG]: { path: "configName", auto: "logical" },
    [VNET]: { path: "virtualNetworkName", auto: "random" },
    [SUBNET]: { path: "subnetName", auto: "logical" },
    [PEERING]: { path: "virtualNetworkPeeringName", auto: "logical" },
    [RA]: { path: "roleAssignmentName", auto: "server" },
    [UAI]: { path: "resourceName", auto: "random" },
    [RG]: { path: "resourceGroupName", auto: "random" },
};

/** Types whose deletion or replacement deletes what they hold, with what that is. */
export const CONTAINERS: Readonly<Record<string, string>> = {
    [RG]: "every resource in the group",
    [MC]: "every node pool and every workload of the cluster",
    [VNET]: "its subnets (and fails while they are in use)",
    "kubernetes:core/v1:Namespace": "every object in the namespace",
};

const typeMatches = (pattern: string, type: string) => (pattern.endsWith("*") ? type.startsWith(pattern.slice(0, -1)) : pattern === type);

/** `a[3].b` → `a[].b`; quoted keys stay. */
export const genericPath = (path: string) => path.replace(/\[\d+\]/g, "[]");

const under = (path: string, row: string) => path === row || path.startsWith(`${row}.`) || path.startsWith(`${row}[`);

/** The row for a change: the longest matching path whose condition holds, or undefined (an accepted update). */
export function factFor(type: string, c: ChangeContext): ChangeFact | undefined {
    const p = genericPath(c.path);
    let best: ChangeFact | undefined;
    for (const f of CHANGE_FACTS) {
        if (!typeMatches(f.type, type) || !under(p, f.path)) continue;
        if (f.when && !f.when(c)) continue;
        if (!best || f.path.length > best.path.length) best = f;
    }
    return best;
}
