/**
 * The enumerations of the Azure components' arguments. They are TypeScript `enum`s (not string unions)
 * so the package can become a multi-language component; every value is spelled exactly as AKS spells
 * it, so each enum member is also accepted wherever the network planner's string types are expected.
 */

/** The CNI plugin. @see https://learn.microsoft.com/azure/aks/concepts-network-cni-overview */
export enum NetworkPlugin {
    /** Azure CNI (with `networkPluginMode` overlay: Azure CNI Overlay). */
    Azure = "azure",
    /** kubenet (retires 2028-03-31; no Windows pools, no dual-stack). */
    Kubenet = "kubenet",
    /** Bring your own CNI. */
    None = "none",
}

/** The Azure CNI mode. Only overlay exists; leaving it out means the plugin's flat mode. */
export enum NetworkPluginMode {
    /** Azure CNI Overlay: pods take addresses from a private pod CIDR, not from the VNet. */
    Overlay = "overlay",
}

/** The dataplane. */
export enum NetworkDataplane {
    /** Azure's own dataplane. */
    Azure = "azure",
    /** Azure CNI Powered by Cilium (Linux only: no Windows pools). */
    Cilium = "cilium",
}

/** The network policy engine. */
export enum NetworkPolicy {
    /** No network policy enforcement. */
    None = "none",
    /** Azure Network Policy Manager (Linux retires 2028-09-30, Windows 2026-09-30). */
    Azure = "azure",
    /** Calico (Linux and Windows; not on dual-stack). */
    Calico = "calico",
    /** Cilium's own enforcement (needs the Cilium dataplane). */
    Cilium = "cilium",
}

/** An IP family. */
export enum IpFamily {
    IPv4 = "IPv4",
    IPv6 = "IPv6",
}

/** How the cluster's traffic leaves the VNet. */
export enum OutboundType {
    /** Through the cluster's Standard load balancer with managed outbound IPs. */
    LoadBalancer = "loadBalancer",
    /** Through an AKS-managed NAT gateway (not with a subnet of your own, not dual-stack). */
    ManagedNatGateway = "managedNATGateway",
    /** Through a NAT gateway you associate with the node subnet. */
    UserAssignedNatGateway = "userAssignedNATGateway",
    /** Through your own route table (e.g. to a firewall). */
    UserDefinedRouting = "userDefinedRouting",
}

/** The load balancer's backend pool type. @see https://learn.microsoft.com/azure/aks/load-balancer-standard */
export enum BackendPoolType {
    /** Backend pool of node IP configurations (AKS's default). */
    NodeIpConfiguration = "NodeIPConfiguration",
    /** Backend pool of node IP addresses. */
    NodeIp = "NodeIP",
}

/** A node pool's operating system. */
export enum OsType {
    Linux = "Linux",
    Windows = "Windows",
}

/**
 * A node pool's OS SKU. Linux pools take `Ubuntu` or `AzureLinux`; Windows pools a Windows SKU, checked
 * against the Kubernetes version (rule R77): Windows2019 is retired and refused from Kubernetes 1.33,
 * Windows2022 is refused from 1.37, Windows2025 needs 1.32 and FIPS.
 */
export enum OsSku {
    Ubuntu = "Ubuntu",
    AzureLinux = "AzureLinux",
    Windows2019 = "Windows2019",
    Windows2022 = "Windows2022",
    Windows2025 = "Windows2025",
}

/** Where a node's OS disk lives. */
export enum OsDiskType {
    /** On the VM's local cache or temp disk: faster, free, reimaged on upgrade. Needs a VM size with enough local storage. */
    Ephemeral = "Ephemeral",
    /** On an Azure managed disk. */
    Managed = "Managed",
}

/** A Kubernetes taint effect. */
export enum TaintEffect {
    NoSchedule = "NoSchedule",
    PreferNoSchedule = "PreferNoSchedule",
    NoExecute = "NoExecute",
}

/** Where a network connected to the cluster's VNet comes from; only used to word messages. */
export enum ConnectedNetworkKind {
    Peering = "peering",
    Vpn = "vpn",
    ExpressRoute = "expressRoute",
    OnPremises = "onPremises",
    Other = "other",
}

/** The cluster's Kubernetes auto-upgrade channel. @see https://learn.microsoft.com/azure/aks/auto-upgrade-cluster */
export enum UpgradeChannel {
    /** No automatic upgrades. */
    None = "none",
    /** The latest patch of the cluster's minor version. */
    Patch = "patch",
    /** The latest patch of the previous minor version (N-1). */
    Stable = "stable",
    /** The latest supported minor version. */
    Rapid = "rapid",
    /** Legacy: node images only (forces the node OS channel NodeImage). */
    NodeImage = "node-image",
}

/** The node OS upgrade channel. @see https://learn.microsoft.com/azure/aks/auto-upgrade-node-os-image */
export enum NodeOsUpgradeChannel {
    None = "None",
    /** OS updates applied by the OS itself (Windows: same as None). */
    Unmanaged = "Unmanaged",
    /** Security patches only, applied by AKS. */
    SecurityPatch = "SecurityPatch",
    /** Weekly node image upgrades. */
    NodeImage = "NodeImage",
}

/** A day of the week, for maintenance windows. */
export enum WeekDay {
    Monday = "Monday",
    Tuesday = "Tuesday",
    Wednesday = "Wednesday",
    Thursday = "Thursday",
    Friday = "Friday",
    Saturday = "Saturday",
    Sunday = "Sunday",
}

/**
 * How the kubeconfig of an Entra ID cluster logs in. AKS returns a kubelogin `devicecode` login, which
 * waits for a person; the component rewrites it to one of these non-interactive logins so the
 * Kubernetes provider works in CI. `kubelogin` must be on the `PATH` of the machine running Pulumi.
 * @see https://azure.github.io/kubelogin/concepts/login-modes.html
 */
export enum KubeloginMode {
    /** The Azure CLI's login (`az login`): developer machines and CI jobs that ran `az login`. */
    AzureCli = "azurecli",
    /** Workload identity federation (`AZURE_CLIENT_ID`, `AZURE_TENANT_ID`, `AZURE_FEDERATED_TOKEN_FILE`): GitHub Actions OIDC and the like. */
    WorkloadIdentity = "workloadidentity",
    /** A service principal (`--client-id`; secret in `AAD_SERVICE_PRINCIPAL_CLIENT_SECRET`). */
    ServicePrincipal = "spn",
    /** A managed identity of the machine (optionally `--client-id` of a user-assigned one). */
    ManagedIdentity = "msi",
    /** The Azure Developer CLI's login. */
    AzureDeveloperCli = "azd",
    /** Keep AKS's interactive device-code login (for people only). */
    DeviceCode = "devicecode",
}

/** The cluster's pricing tier. @see https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers */
export enum ClusterSkuTier {
    /** No uptime SLA. */
    Free = "Free",
    /** Uptime SLA (CKV_AZURE_170, Azure.AKS.UptimeSLA). */
    Standard = "Standard",
    /** Standard plus long-term support. */
    Premium = "Premium",
}
