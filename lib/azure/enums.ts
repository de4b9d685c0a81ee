/**
 * The enumerations of the Azure components' arguments. They are TypeScript `enum`s (not string unions)
 * so the package can become a multi-language component; every value is spelled exactly as AKS spells
 * it, so each enum member is also accepted wherever the network planner's string types are expected.
 */

// The network values (shared with the planner) are defined once, in the package's core.
export {
    ConnectedNetworkKind,
    IpFamily,
    NetworkDataplane,
    NetworkPlugin,
    NetworkPluginMode,
    NetworkPolicy,
    OsType,
    OutboundType,
} from "../core/values";

/** The load balancer's backend pool type. @see https://learn.microsoft.com/azure/aks/load-balancer-standard */
export enum BackendPoolType {
    /** Backend pool of node IP configurations (AKS's default). */
    NodeIpConfiguration = "NodeIPConfiguration",
    /** Backend pool of node IP addresses. */
    NodeIp = "NodeIP",
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
