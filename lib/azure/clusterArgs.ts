/**
 * `AksClusterArgs`: everything an `AksCluster` takes. Values that are validated or shape the resource
 * graph are plain; pass-through values are `pulumi.Input`s. Validation messages name the argument path
 * exactly as written here (`network.podCidrs[0]`, `nodePools[1].name`, `windows.adminUsername`).
 * Each interface is followed by its shape (see `shape.ts`): the component checks the arguments against
 * it first, so JavaScript callers and YAML stack config get every type slip reported at once.
 */
import type * as pulumi from "@pulumi/pulumi";
import {
    BackendPoolType,
    ClusterSkuTier,
    ConnectedNetworkKind,
    IpFamily,
    KubeloginMode,
    NetworkDataplane,
    NetworkPlugin,
    NetworkPluginMode,
    NetworkPolicy,
    NodeOsUpgradeChannel,
    OutboundType,
    UpgradeChannel,
    WeekDay,
} from "./enums";
import { NODE_POOL_SPEC_SHAPE, NodePoolSpec, SYSTEM_POOL_ARGS_SHAPE, SystemPoolArgs } from "./nodePoolArgs";
import { ObjectShape, opt, req, S } from "./shape";

/** A subnet of a VNet the component creates. */
export interface SubnetArgs {
    /** The subnet's name; pools refer to it by this name (`subnet`, `podSubnet`). Also the key of its child resource. */
    name: string;
    /** The IPv4 prefix, e.g. `"10.224.0.0/16"`. Node subnets need one address per node (plus surge). */
    cidr: string;
    /**
     * The IPv6 prefix, a /64 inside an IPv6 address space of the VNet (dual-stack node subnets need one).
     * @default - IPv4 only; on a dual-stack cluster the component's default VNet gives every subnet a /64
     */
    ipv6Cidr?: string;
}

/** The shape of `SubnetArgs`. */
export const SUBNET_ARGS_SHAPE: ObjectShape<SubnetArgs> = S.object<SubnetArgs>("SubnetArgs", `{ name: "nodes", cidr: "10.224.0.0/16" }`, {
    name: req(S.string),
    cidr: req(S.string),
    ipv6Cidr: opt(S.string),
});

/** A VNet the component creates for the cluster. */
export interface VnetArgs {
    /**
     * The VNet's Azure name (2-64 characters), used as is.
     * @default - `${clusterName}-vnet` (cut, with a hash, to fit 64 characters)
     */
    name?: string;
    /**
     * The address spaces: IPv4, plus IPv6 for dual-stack.
     * @default ["10.224.0.0/12"] (dual-stack: plus "fd10:224::/56")
     */
    addressSpaces?: string[];
    /**
     * The subnets, at least one (A23), created one after another (Azure refuses concurrent subnet operations on one VNet).
     * @default [{ name: "nodes", cidr: "10.224.0.0/16" }] (dual-stack: with ipv6Cidr "fd10:224::/64")
     */
    subnets?: SubnetArgs[];
}

/** The shape of `VnetArgs`. */
export const VNET_ARGS_SHAPE: ObjectShape<VnetArgs> = S.object<VnetArgs>(
    "VnetArgs",
    `{ addressSpaces: ["10.224.0.0/12"], subnets: [{ name: "nodes", cidr: "10.224.0.0/16" }] }`,
    {
        name: opt(S.string),
        addressSpaces: opt(S.list(S.string)),
        subnets: opt(S.list(SUBNET_ARGS_SHAPE)),
    },
);

/** A network reachable from the cluster's VNet whose addresses pods and Services must not shadow. */
export interface ConnectedNetworkArgs {
    /**
     * A name to show in messages.
     * @default - the CIDR
     */
    name?: string;
    /** The address range, IPv4 or IPv6. */
    cidr: string;
    /**
     * Where it comes from.
     * @default ConnectedNetworkKind.Other
     */
    kind?: ConnectedNetworkKind;
}

/** The shape of `ConnectedNetworkArgs`. */
export const CONNECTED_NETWORK_ARGS_SHAPE: ObjectShape<ConnectedNetworkArgs> = S.object<ConnectedNetworkArgs>(
    "ConnectedNetworkArgs",
    `{ name: "on-premises", cidr: "192.168.0.0/16", kind: "onPremises" }`,
    {
        name: opt(S.string),
        cidr: req(S.string),
        kind: opt(S.enumOf("ConnectedNetworkKind", ConnectedNetworkKind)),
    },
);

/**
 * A `NetworkPluginMode` value as an argument (`NetworkPluginMode.Overlay`, or `"overlay"`). The enum has
 * one member, and Pulumi's schema inference reads a one-member enum as a single literal type, which it
 * refuses (it accepts enums as unions of literals: @pulumi/pulumi provider/experimental/analyzer.ts), so
 * the argument is a string; `AksCluster` checks it against the enum's values before anything is created.
 */
export type NetworkPluginModeName = string;

/** The cluster's network: plugin, address ranges and the VNet (created or your own). */
export interface ClusterNetworkArgs {
    /**
     * The CNI plugin.
     * @default NetworkPlugin.Azure
     */
    networkPlugin?: NetworkPlugin;
    /**
     * The Azure CNI mode. Forces replacement when changed.
     * @default - NetworkPluginMode.Overlay with Azure CNI, unless a pool sets `podSubnet` (Azure CNI pod subnet)
     */
    networkPluginMode?: NetworkPluginModeName;
    /**
     * The dataplane. Forces replacement when changed.
     * @default - NetworkDataplane.Cilium for Linux-only Azure CNI clusters; NetworkDataplane.Azure when Windows pools are (or will be) used or with kubenet
     */
    networkDataplane?: NetworkDataplane;
    /**
     * The network policy engine (CKV_AZURE_7: always set). Forces replacement when changed.
     * @default - NetworkPolicy.Cilium on the Cilium dataplane; with Windows pools NetworkPolicy.Calico (single-stack) or NetworkPolicy.None (dual-stack: no engine supports Windows there); NetworkPolicy.Calico with kubenet
     */
    networkPolicy?: NetworkPolicy;
    /**
     * `[IPv4]`, or `[IPv4, IPv6]` for dual-stack.
     * @default [IpFamily.IPv4]
     */
    ipFamilies?: IpFamily[];
    /**
     * Pod CIDRs, one per family in `ipFamilies` order. `podCidr` is set to the first.
     * @default ["10.244.0.0/16"] (dual-stack: plus "fd12:3456:789a::/64")
     */
    podCidrs?: string[];
    /**
     * Service CIDRs, one per family in `ipFamilies` order. `serviceCidr` is set to the first. Create-only.
     * @default ["10.0.0.0/16"] (dual-stack: plus "fd12:3456:789a:1::/108")
     */
    serviceCidrs?: string[];
    /**
     * The cluster DNS Service address, inside the IPv4 service CIDR. Create-only.
     * @default "10.0.0.10"
     */
    dnsServiceIP?: string;
    /**
     * How traffic leaves the VNet.
     * @default OutboundType.LoadBalancer
     */
    outboundType?: OutboundType;
    /**
     * The load balancer's backend pool type, written explicitly so a provider upgrade never plans a change.
     * @default BackendPoolType.NodeIpConfiguration
     */
    loadBalancerBackendPoolType?: BackendPoolType;
    /**
     * Managed outbound IPv4 addresses of the load balancer (outbound type loadBalancer).
     * @default 1
     */
    managedOutboundIpCount?: number;
    /**
     * Managed outbound IPv6 addresses of the load balancer (dual-stack, outbound type loadBalancer).
     * @default 1 on dual-stack clusters
     */
    managedOutboundIpv6Count?: number;
    /**
     * A VNet to create. Not with `nodeSubnetId`.
     * @default - the default VNet described on `VnetArgs`, unless `nodeSubnetId` is given
     */
    vnet?: VnetArgs;
    /**
     * Bring your own network: the resource id of an existing subnet that every pool uses. The component
     * reads the subnet, its VNet and every peering of the VNet with Azure invokes, and validates the plan
     * against them (peered ranges count as connected networks) before the cluster is created.
     * @default - the component creates the VNet (`vnet`)
     */
    nodeSubnetId?: pulumi.Input<string>;
    /**
     * Networks reachable from the VNet (on-premises, VPN, ExpressRoute, peerings of a VNet the component
     * creates). With `nodeSubnetId`, the peerings of the existing VNet are added automatically.
     * @default []
     */
    connectedNetworks?: ConnectedNetworkArgs[];
    /**
     * Give the cluster's control plane identity `Network Contributor` on the VNet (created) or the subnet
     * (your own), which AKS needs to manage load balancers and routes in a VNet it doesn't own. Needs the
     * right to assign roles there; set false if someone else grants it.
     * @default true
     */
    assignNetworkContributor?: boolean;
    /**
     * Plan warnings to treat as errors. Connected networks shadowed by the pod or service CIDR (R38, R34)
     * make hosts there unreachable from pods, so they fail by default.
     * @default ["R34", "R38"]
     */
    warningsAsErrors?: string[];
}

/** The shape of `ClusterNetworkArgs`. */
export const CLUSTER_NETWORK_ARGS_SHAPE: ObjectShape<ClusterNetworkArgs> = S.object<ClusterNetworkArgs>(
    "ClusterNetworkArgs",
    `{ ipFamilies: ["IPv4", "IPv6"] }`,
    {
        networkPlugin: opt(S.enumOf("NetworkPlugin", NetworkPlugin)),
        networkPluginMode: opt(S.enumOf<NetworkPluginModeName>("NetworkPluginModeName", NetworkPluginMode)),
        networkDataplane: opt(S.enumOf("NetworkDataplane", NetworkDataplane)),
        networkPolicy: opt(S.enumOf("NetworkPolicy", NetworkPolicy)),
        ipFamilies: opt(S.list(S.enumOf("IpFamily", IpFamily))),
        podCidrs: opt(S.list(S.string)),
        serviceCidrs: opt(S.list(S.string)),
        dnsServiceIP: opt(S.string),
        outboundType: opt(S.enumOf("OutboundType", OutboundType)),
        loadBalancerBackendPoolType: opt(S.enumOf("BackendPoolType", BackendPoolType)),
        managedOutboundIpCount: opt(S.number),
        managedOutboundIpv6Count: opt(S.number),
        vnet: opt(VNET_ARGS_SHAPE),
        nodeSubnetId: opt(S.input(S.string)),
        connectedNetworks: opt(S.list(CONNECTED_NETWORK_ARGS_SHAPE)),
        assignNetworkContributor: opt(S.boolean),
        warningsAsErrors: opt(S.list(S.string)),
    },
);

/** Access to the Kubernetes API server. One of `authorizedIpRanges`, `privateCluster` or `allowPublicAccess` is required. */
export interface ApiServerArgs {
    /**
     * Public IPv4 CIDRs allowed to reach the API server (CKV_AZURE_6, CIS 5.4.1), e.g. your CI runners'
     * and office egress ranges.
     * @default - none
     */
    authorizedIpRanges?: string[];
    /**
     * Make the API server private (CKV_AZURE_115, CIS 5.4.2). Pulumi then has to run inside the network.
     * @default false
     */
    privateCluster?: boolean;
    /**
     * Accept an API server open to the whole internet (not recommended; protected only by Entra ID).
     * @default false
     */
    allowPublicAccess?: boolean;
    /**
     * Disable `az aks command invoke` (run command).
     * @default true
     */
    disableRunCommand?: boolean;
}

/** The shape of `ApiServerArgs`. */
export const API_SERVER_ARGS_SHAPE: ObjectShape<ApiServerArgs> = S.object<ApiServerArgs>(
    "ApiServerArgs",
    `{ authorizedIpRanges: ["20.50.60.0/24"] }`,
    {
        authorizedIpRanges: opt(S.list(S.string)),
        privateCluster: opt(S.boolean),
        allowPublicAccess: opt(S.boolean),
        disableRunCommand: opt(S.boolean),
    },
);

/** Microsoft Entra ID integration. */
export interface EntraArgs {
    /**
     * Authorize Kubernetes requests with Azure RBAC role assignments (CIS 5.5.2).
     * @default true
     */
    azureRbac?: boolean;
    /**
     * The tenant of the cluster's users.
     * @default - the deployment's tenant
     */
    tenantId?: pulumi.Input<string>;
    /**
     * Entra ID groups made cluster admins (with Kubernetes RBAC rather than Azure RBAC).
     * @default []
     */
    adminGroupObjectIds?: pulumi.Input<string>[];
    /**
     * Disable local (certificate) accounts, the non-auditable `--admin` backdoor (CKV_AZURE_141).
     * @default true
     */
    disableLocalAccounts?: boolean;
}

/** The shape of `EntraArgs`. */
export const ENTRA_ARGS_SHAPE: ObjectShape<EntraArgs> = S.object<EntraArgs>("EntraArgs", `{ azureRbac: true }`, {
    azureRbac: opt(S.boolean),
    tenantId: opt(S.input(S.string)),
    adminGroupObjectIds: opt(S.list(S.input(S.string))),
    disableLocalAccounts: opt(S.boolean),
});

/** A weekly maintenance window. */
export interface MaintenanceWindowArgs {
    /** The day. */
    dayOfWeek: WeekDay;
    /**
     * Start time, `HH:mm`.
     * @default "00:00"
     */
    startTime?: string;
    /**
     * Length in hours (at least 4 with auto-upgrade, Azure.AKS.MaintenanceWindow).
     * @default 4
     */
    durationHours?: number;
    /**
     * The time zone offset, `+HH:mm` or `-HH:mm`.
     * @default "+00:00"
     */
    utcOffset?: string;
}

/** The shape of `MaintenanceWindowArgs`. */
export const MAINTENANCE_WINDOW_ARGS_SHAPE: ObjectShape<MaintenanceWindowArgs> = S.object<MaintenanceWindowArgs>(
    "MaintenanceWindowArgs",
    `{ dayOfWeek: "Sunday", startTime: "02:00", durationHours: 4 }`,
    {
        dayOfWeek: req(S.enumOf("WeekDay", WeekDay)),
        startTime: opt(S.string),
        durationHours: opt(S.number),
        utcOffset: opt(S.string),
    },
);

/** Automatic upgrades and their maintenance windows. */
export interface UpgradeArgs {
    /**
     * The Kubernetes auto-upgrade channel (CKV_AZURE_171).
     * @default UpgradeChannel.Patch
     */
    channel?: UpgradeChannel;
    /**
     * The node OS upgrade channel.
     * @default NodeOsUpgradeChannel.NodeImage
     */
    nodeOsChannel?: NodeOsUpgradeChannel;
    /**
     * When Kubernetes upgrades may run (`aksManagedAutoUpgradeSchedule`).
     * @default { dayOfWeek: WeekDay.Sunday, startTime: "00:00", durationHours: 4 }
     */
    upgradeWindow?: MaintenanceWindowArgs;
    /**
     * When node OS upgrades may run (`aksManagedNodeOSUpgradeSchedule`).
     * @default { dayOfWeek: WeekDay.Saturday, startTime: "00:00", durationHours: 4 }
     */
    nodeOsUpgradeWindow?: MaintenanceWindowArgs;
    /**
     * Ignore changes to `kubernetesVersion` after creation, so that versions AKS moved to never show as a
     * diff. Then a minor upgrade is run outside Pulumi (or by the channel) and `kubernetesVersion` updated
     * to match afterwards; set false to upgrade by changing `kubernetesVersion`.
     * @default - true when `channel` is not UpgradeChannel.None
     */
    ignoreKubernetesVersionChanges?: boolean;
}

/** The shape of `UpgradeArgs`. */
export const UPGRADE_ARGS_SHAPE: ObjectShape<UpgradeArgs> = S.object<UpgradeArgs>(
    "UpgradeArgs",
    `{ channel: "patch", nodeOsChannel: "NodeImage" }`,
    {
        channel: opt(S.enumOf("UpgradeChannel", UpgradeChannel)),
        nodeOsChannel: opt(S.enumOf("NodeOsUpgradeChannel", NodeOsUpgradeChannel)),
        upgradeWindow: opt(MAINTENANCE_WINDOW_ARGS_SHAPE),
        nodeOsUpgradeWindow: opt(MAINTENANCE_WINDOW_ARGS_SHAPE),
        ignoreKubernetesVersionChanges: opt(S.boolean),
    },
);

/**
 * Windows node pools: the cluster's `windowsProfile`. AKS accepts it only when the cluster is created,
 * so the component sets it whenever Windows pools are declared or `enableWindowsPools` is true.
 *
 * Rotating the password: AKS can change it in place, but the azure-native provider replaces the whole
 * cluster on any `windowsProfile` change, so the component ignores password changes after creation.
 * To rotate: (1) run `az aks update -g <resourceGroup> -n <cluster> --windows-admin-password <new>`
 * (Windows nodes take it on their next reimage or upgrade); (2) then put the same value in
 * `adminPassword` (for a generated password: `pulumi up --replace` the `...-windowsAdminPassword`
 * resource first and use `windowsAdminPassword` of the outputs). The ignored diff keeps the cluster.
 * Never remove the ignore. The user name can't change after creation.
 */
export interface WindowsArgs {
    /**
     * Set the `windowsProfile` at creation even though no Windows pool is declared yet, so pools can be
     * added later (with `NodePool`). False with a Windows pool declared is an error.
     * @default - true when `nodePools` has a Windows pool, else false
     */
    enableWindowsPools?: boolean;
    /**
     * The Windows administrator: 1-20 characters, not ending in ".", not a reserved name (R50).
     * Immutable after creation.
     * @default "azureuser"
     */
    adminUsername?: string;
    /**
     * The administrator password: 14-123 characters using 3 of lower case, upper case, digits and
     * symbols (R51). Treated as a secret everywhere.
     * @default - generated once by a `RandomPassword` (32 characters, all four classes), kept in state
     */
    adminPassword?: pulumi.Input<string>;
}

/** The shape of `WindowsArgs`. */
export const WINDOWS_ARGS_SHAPE: ObjectShape<WindowsArgs> = S.object<WindowsArgs>(
    "WindowsArgs",
    `{ enableWindowsPools: true, adminUsername: "azureuser" }`,
    {
        enableWindowsPools: opt(S.boolean),
        adminUsername: opt(S.string),
        adminPassword: opt(S.input(S.string)),
    },
);

/** Monitoring and threat protection (need a Log Analytics workspace). */
export interface MonitoringArgs {
    /**
     * The Log Analytics workspace for Container Insights (omsagent, CKV_AZURE_4) and Defender.
     * @default - no Container Insights, no Defender profile
     */
    logAnalyticsWorkspaceId?: pulumi.Input<string>;
    /**
     * Enable the Defender for Containers security profile (needs the workspace).
     * @default - true when `logAnalyticsWorkspaceId` is given
     */
    defender?: boolean;
}

/** The shape of `MonitoringArgs`. */
export const MONITORING_ARGS_SHAPE: ObjectShape<MonitoringArgs> = S.object<MonitoringArgs>(
    "MonitoringArgs",
    `{ logAnalyticsWorkspaceId: workspace.id }`,
    {
        logAnalyticsWorkspaceId: opt(S.input(S.string)),
        defender: opt(S.boolean),
    },
);

/** The control plane's managed identity. */
export interface ClusterIdentityArgs {
    /**
     * An existing user-assigned identity's resource id.
     * @default - the component creates one, named `${clusterName}-identity`
     */
    userAssignedIdentityId?: pulumi.Input<string>;
    /**
     * That identity's principal (object) id, needed for the `Network Contributor` assignment.
     * @default - required with `userAssignedIdentityId` unless `network.assignNetworkContributor` is false
     */
    principalId?: pulumi.Input<string>;
}

/** The shape of `ClusterIdentityArgs`. */
export const CLUSTER_IDENTITY_ARGS_SHAPE: ObjectShape<ClusterIdentityArgs> = S.object<ClusterIdentityArgs>(
    "ClusterIdentityArgs",
    `{ userAssignedIdentityId: identity.id, principalId: identity.principalId }`,
    {
        userAssignedIdentityId: opt(S.input(S.string)),
        principalId: opt(S.input(S.string)),
    },
);

/** How the kubeconfig output (and the Kubernetes provider) logs in to an Entra ID cluster. */
export interface KubeconfigLoginArgs {
    /**
     * The kubelogin login mode.
     * @default KubeloginMode.AzureCli
     */
    mode?: KubeloginMode;
    /**
     * The client id for the `spn` and `msi` modes.
     * @default - none (msi: the machine's system-assigned identity)
     */
    clientId?: string;
}

/** The shape of `KubeconfigLoginArgs`. */
export const KUBECONFIG_LOGIN_ARGS_SHAPE: ObjectShape<KubeconfigLoginArgs> = S.object<KubeconfigLoginArgs>(
    "KubeconfigLoginArgs",
    `{ mode: "workloadidentity" }`,
    {
        mode: opt(S.enumOf("KubeloginMode", KubeloginMode)),
        clientId: opt(S.string),
    },
);

/** The arguments of an `AksCluster`. */
export interface AksClusterArgs {
    /**
     * The resource group's Azure name (1-90 characters), used as is; created when `createResourceGroup`
     * is true. A plain name, so the kubeconfig can be read during previews.
     * @default - unique per stack: `${name}-${stack}-${hash}-rg` (the cluster's default name and `-rg`), created
     */
    resourceGroupName?: string;
    /**
     * Create the resource group.
     * @default - true when `resourceGroupName` is omitted, else false
     */
    createResourceGroup?: boolean;
    /**
     * The Azure region of the cluster and everything the component creates.
     * @default - the created resource group's location; with an existing group, the provider's `azure-native:location` setting
     */
    location?: pulumi.Input<string>;
    /**
     * The cluster's Azure name: 1-63 letters, digits, `-` and `_`, starting and ending with a letter or
     * digit; used as is. The component's name (the first constructor argument) names the Pulumi
     * resources (URNs) only; Azure names default to it plus the stack, so two stacks never collide.
     * Renaming the stack or the project changes the default names, which replaces the resources: give
     * `clusterName` and `resourceGroupName` before renaming.
     * @default - unique per stack: `${name}-${stack}-${hash}`, where the hash (6 hex digits) is of the project, stack and component name, cut to 63 characters
     */
    clusterName?: string;
    /**
     * The DNS prefix of the API server's FQDN: 1-54 letters, digits and `-`. Forces replacement.
     * @default - the cluster's default name with `_` as `-` (cut to 54 characters, keeping its hash); with `clusterName` given, that name cut to 54 characters, with `_` replaced by `-`
     */
    dnsPrefix?: string;
    /**
     * The Kubernetes version, `major.minor` (with an upgrade channel) or `major.minor.patch`. Pools follow
     * the control plane.
     * @default "1.34"
     */
    kubernetesVersion?: string;
    /**
     * The network.
     * @default - Azure CNI Overlay, IPv4, a created VNet (see `ClusterNetworkArgs`)
     */
    network?: ClusterNetworkArgs;
    /**
     * The System pool (inline in the cluster resource).
     * @default - "system": 3 × Standard_D4ds_v5 in zones 1-3, Ubuntu
     */
    systemPool?: SystemPoolArgs;
    /**
     * User pools, Linux and Windows, created one after another as separate `AgentPool` resources and
     * validated together with the cluster's network.
     * @default []
     */
    nodePools?: NodePoolSpec[];
    /**
     * Windows support (the `windowsProfile`).
     * @default - set up when a Windows pool is declared
     */
    windows?: WindowsArgs;
    /**
     * API server access. One of `authorizedIpRanges`, `privateCluster` or `allowPublicAccess` is required.
     * @default - none: an error asks for one
     */
    apiServer?: ApiServerArgs;
    /**
     * Entra ID integration.
     * @default - managed Entra ID with Azure RBAC and local accounts disabled
     */
    entra?: EntraArgs;
    /**
     * Auto-upgrade channels and maintenance windows.
     * @default - channel patch, node OS NodeImage, windows on Sunday and Saturday 00:00 UTC for 4 hours
     */
    upgrades?: UpgradeArgs;
    /**
     * Container Insights and Defender.
     * @default - off (they need a Log Analytics workspace)
     */
    monitoring?: MonitoringArgs;
    /**
     * The control plane identity.
     * @default - a user-assigned identity created by the component
     */
    identity?: ClusterIdentityArgs;
    /**
     * How the kubeconfig output logs in (Entra ID clusters).
     * @default { mode: KubeloginMode.AzureCli }
     */
    kubeconfigLogin?: KubeconfigLoginArgs;
    /**
     * The node resource group's name. Forces replacement.
     * @default - AKS's `MC_<resourceGroup>_<cluster>_<location>`
     */
    nodeResourceGroup?: string;
    /**
     * The cluster's SKU tier: Standard has the uptime SLA (CKV_AZURE_170).
     * @default ClusterSkuTier.Standard
     */
    skuTier?: ClusterSkuTier;
    /**
     * Enable the Azure Policy add-on (CKV_AZURE_116).
     * @default true
     */
    azurePolicy?: boolean;
    /**
     * Enable the Key Vault Secrets Store CSI driver with secret rotation (CKV_AZURE_172).
     * @default true
     */
    keyVaultSecretsProvider?: boolean;
    /**
     * Enable Image Cleaner (removes unused vulnerable images; Linux nodes only).
     * @default true (every 168 hours)
     */
    imageCleaner?: boolean;
    /**
     * Enable the AKS application routing add-on (`ingressProfile.webAppRouting`), which
     * `IngressController` needs for `IngressControllerKind.AppRouting`. Its NGINX is IPv4-only and
     * supported by Microsoft until November 2026; prefer the default Traefik controller.
     * @default false
     */
    appRouting?: boolean;
    /**
     * Protect the cluster from deletion and replacement by Pulumi (`protect`). Set false for throwaway
     * clusters; a change that needs a replacement then fails loudly instead of deleting the cluster.
     * @default true
     */
    deletionProtection?: boolean;
    /**
     * Tags for every Azure resource the component creates.
     * @default - none
     */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/** The shape of `AksClusterArgs`: checked first by `AksCluster` (rule A22). */
export const AKS_CLUSTER_ARGS_SHAPE: ObjectShape<AksClusterArgs> = S.object<AksClusterArgs>(
    "AksClusterArgs",
    `{ apiServer: { authorizedIpRanges: ["20.50.60.0/24"] } }`,
    {
        resourceGroupName: opt(S.string),
        createResourceGroup: opt(S.boolean),
        location: opt(S.input(S.string)),
        clusterName: opt(S.string),
        dnsPrefix: opt(S.string),
        kubernetesVersion: opt(S.string),
        network: opt(CLUSTER_NETWORK_ARGS_SHAPE),
        systemPool: opt(SYSTEM_POOL_ARGS_SHAPE),
        nodePools: opt(S.list(NODE_POOL_SPEC_SHAPE)),
        windows: opt(WINDOWS_ARGS_SHAPE),
        apiServer: opt(API_SERVER_ARGS_SHAPE),
        entra: opt(ENTRA_ARGS_SHAPE),
        upgrades: opt(UPGRADE_ARGS_SHAPE),
        monitoring: opt(MONITORING_ARGS_SHAPE),
        identity: opt(CLUSTER_IDENTITY_ARGS_SHAPE),
        kubeconfigLogin: opt(KUBECONFIG_LOGIN_ARGS_SHAPE),
        nodeResourceGroup: opt(S.string),
        skuTier: opt(S.enumOf("ClusterSkuTier", ClusterSkuTier)),
        azurePolicy: opt(S.boolean),
        keyVaultSecretsProvider: opt(S.boolean),
        imageCleaner: opt(S.boolean),
        appRouting: opt(S.boolean),
        deletionProtection: opt(S.boolean),
        tags: opt(S.input(S.map(S.input(S.string)))),
    },
);
