/**
 * The security and reliability checklist an `AksCluster` passes by default, as data: each check has a
 * stable id, the scanner rules it mirrors (Checkov, Trivy, PSRule, CIS) and a predicate over the
 * resource inputs (the azure-native `ManagedCluster`, `AgentPool` and `MaintenanceConfiguration`
 * inputs, as plain JSON). Tests assert the whole list on the default cluster; users can run it on their
 * own recorded inputs. Checks with `optIn` need an argument (a workspace, a subscription feature) and
 * are off by default. Pure: no Pulumi imports.
 */

/** Plain resource inputs, as recorded (e.g. under mocks) or read from state. */
export interface ClusterInputs {
    /** The `ManagedCluster`'s inputs. */
    cluster: Record<string, unknown>;
    /** Every `AgentPool`'s inputs (the inline System pool is read from the cluster). */
    agentPools: Record<string, unknown>[];
    /** Every `MaintenanceConfiguration`'s inputs. */
    maintenanceConfigurations: Record<string, unknown>[];
}

/** One check. */
export interface SecurityCheck {
    /** Stable id, e.g. `"local-accounts-disabled"`. */
    id: string;
    /** What is checked. */
    title: string;
    /** The scanner and benchmark rules it mirrors. */
    anchors: string[];
    /** The argument that turns it on, when it is off by default. @default - on by default */
    optIn?: string;
    /** True when the inputs pass. */
    passes(inputs: ClusterInputs): boolean;
}

/** One result. */
export interface SecurityCheckResult {
    /** The check's id. */
    id: string;
    /** True when the inputs pass. */
    passed: boolean;
    /** The argument that turns the check on. @default - on by default */
    optIn?: string;
}

function get(obj: unknown, path: string): unknown {
    let cur: unknown = obj;
    for (const key of path.split(".")) {
        if (cur === null || typeof cur !== "object") return undefined;
        cur = (cur as Record<string, unknown>)[key];
    }
    return cur;
}

/** Every pool: the inline profiles and the separate agent pools. */
function pools(i: ClusterInputs): Record<string, unknown>[] {
    const inline = get(i.cluster, "agentPoolProfiles");
    return [...(Array.isArray(inline) ? (inline as Record<string, unknown>[]) : []), ...i.agentPools];
}

function systemPools(i: ClusterInputs): Record<string, unknown>[] {
    return pools(i).filter((p) => p.mode === "System");
}

const every = (i: ClusterInputs, f: (p: Record<string, unknown>) => boolean) => pools(i).length > 0 && pools(i).every(f);
const nonEmpty = (v: unknown) => Array.isArray(v) && v.length > 0;

function window(i: ClusterInputs, name: string): boolean {
    return i.maintenanceConfigurations.some((m) => m.configName === name && Number(get(m, "maintenanceWindow.durationHours")) >= 4);
}

/** The checklist (security-reliability reference §1.7). */
export const SECURITY_CHECKS: readonly SecurityCheck[] = [
    {
        id: "rbac",
        title: "Kubernetes RBAC on",
        anchors: ["CKV_AZURE_5", "AVD-AZU-0042", "Azure.AKS.UseRBAC"],
        passes: (i) => get(i.cluster, "enableRBAC") === true,
    },
    {
        id: "entra-managed",
        title: "managed Entra ID integration",
        anchors: ["Azure.AKS.ManagedAAD", "CIS 5.5.1"],
        passes: (i) => get(i.cluster, "aadProfile.managed") === true,
    },
    {
        id: "entra-azure-rbac",
        title: "Azure RBAC for Kubernetes authorization",
        anchors: ["Azure.AKS.AzureRBAC", "CIS 5.5.2"],
        passes: (i) => get(i.cluster, "aadProfile.enableAzureRBAC") === true,
    },
    {
        id: "local-accounts-disabled",
        title: "local accounts disabled",
        anchors: ["CKV_AZURE_141", "Azure.AKS.LocalAccounts"],
        passes: (i) => get(i.cluster, "disableLocalAccounts") === true,
    },
    {
        id: "api-server-restricted",
        title: "API server private or limited to authorized IP ranges",
        anchors: ["CKV_AZURE_6", "CKV_AZURE_115", "AVD-AZU-0041", "CIS 5.4.1"],
        passes: (i) =>
            get(i.cluster, "apiServerAccessProfile.enablePrivateCluster") === true ||
            nonEmpty(get(i.cluster, "apiServerAccessProfile.authorizedIPRanges")),
    },
    {
        id: "run-command-disabled",
        title: "run command disabled",
        anchors: ["aks-baseline"],
        passes: (i) => get(i.cluster, "apiServerAccessProfile.disableRunCommand") === true,
    },
    {
        id: "azure-cni",
        title: "Azure CNI",
        anchors: ["CKV2_AZURE_29"],
        passes: (i) => get(i.cluster, "networkProfile.networkPlugin") === "azure",
    },
    {
        id: "network-policy",
        title: "a network policy engine",
        anchors: ["CKV_AZURE_7", "AVD-AZU-0043", "CIS 5.4.4"],
        passes: (i) => ["azure", "calico", "cilium"].includes(get(i.cluster, "networkProfile.networkPolicy") as string),
    },
    {
        id: "standard-load-balancer",
        title: "Standard load balancer",
        anchors: ["Azure.AKS.StandardLB"],
        passes: (i) => get(i.cluster, "networkProfile.loadBalancerSku") === "standard",
    },
    {
        id: "azure-policy",
        title: "Azure Policy add-on",
        anchors: ["CKV_AZURE_116", "AVD-AZU-0066", "Azure.AKS.AzurePolicyAddOn"],
        passes: (i) => get(i.cluster, "addonProfiles.azurepolicy.enabled") === true,
    },
    {
        id: "keyvault-secrets-rotation",
        title: "Key Vault secrets provider with rotation",
        anchors: ["CKV_AZURE_172", "Azure.AKS.SecretStoreRotation"],
        passes: (i) =>
            get(i.cluster, "addonProfiles.azureKeyvaultSecretsProvider.enabled") === true &&
            get(i.cluster, "addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation") === "true",
    },
    {
        id: "dashboard-disabled",
        title: "Kubernetes dashboard explicitly off",
        anchors: ["CKV_AZURE_8"],
        passes: (i) => get(i.cluster, "addonProfiles.kubeDashboard.enabled") === false,
    },
    {
        id: "http-application-routing-off",
        title: "no HTTP application routing",
        anchors: ["CKV_AZURE_246", "Azure.AKS.HttpAppRouting"],
        passes: (i) => get(i.cluster, "addonProfiles.httpApplicationRouting.enabled") !== true,
    },
    {
        id: "workload-identity",
        title: "OIDC issuer and workload identity",
        anchors: ["aks-baseline"],
        passes: (i) =>
            get(i.cluster, "oidcIssuerProfile.enabled") === true && get(i.cluster, "securityProfile.workloadIdentity.enabled") === true,
    },
    {
        id: "image-cleaner",
        title: "Image Cleaner on, 24 h to 3 months",
        anchors: ["aks-baseline"],
        passes: (i) => {
            const h = Number(get(i.cluster, "securityProfile.imageCleaner.intervalHours"));
            return get(i.cluster, "securityProfile.imageCleaner.enabled") === true && h >= 24 && h <= 2160;
        },
    },
    {
        id: "upgrade-channel",
        title: "an auto-upgrade channel",
        anchors: ["CKV_AZURE_171", "Azure.AKS.AutoUpgrade"],
        passes: (i) => ["patch", "stable", "rapid", "node-image"].includes(get(i.cluster, "autoUpgradeProfile.upgradeChannel") as string),
    },
    {
        id: "node-os-channel",
        title: "node OS upgrades by AKS",
        anchors: ["aks-baseline"],
        passes: (i) => ["NodeImage", "SecurityPatch"].includes(get(i.cluster, "autoUpgradeProfile.nodeOSUpgradeChannel") as string),
    },
    {
        id: "maintenance-windows",
        title: "maintenance windows of 4 hours or more for both channels",
        anchors: ["Azure.AKS.MaintenanceWindow"],
        passes: (i) => window(i, "aksManagedAutoUpgradeSchedule") && window(i, "aksManagedNodeOSUpgradeSchedule"),
    },
    {
        id: "standard-tier",
        title: "Standard or Premium tier (uptime SLA)",
        anchors: ["CKV_AZURE_170", "Azure.AKS.UptimeSLA"],
        passes: (i) => ["Standard", "Premium"].includes(get(i.cluster, "sku.tier") as string),
    },
    {
        id: "managed-identity",
        title: "managed identity",
        anchors: ["Azure.AKS.ManagedIdentity"],
        passes: (i) => ["UserAssigned", "SystemAssigned"].includes(get(i.cluster, "identity.type") as string),
    },
    {
        id: "system-pool",
        title: "a Linux System pool tainted CriticalAddonsOnly",
        anchors: ["CKV_AZURE_232"],
        passes: (i) =>
            systemPools(i).length > 0 &&
            systemPools(i).every(
                (p) => p.osType === "Linux" && Array.isArray(p.nodeTaints) && p.nodeTaints.includes("CriticalAddonsOnly=true:NoSchedule"),
            ),
    },
    {
        id: "system-pool-min-nodes",
        title: "System pools of 3 nodes or more",
        anchors: ["Azure.AKS.MinNodeCount"],
        passes: (i) => systemPools(i).length > 0 && systemPools(i).every((p) => Number(p.enableAutoScaling ? p.minCount : p.count) >= 3),
    },
    {
        id: "pool-zones",
        title: "every pool across availability zones",
        anchors: ["Azure.AKS.AvailabilityZone"],
        passes: (i) => every(i, (p) => Array.isArray(p.availabilityZones) && p.availabilityZones.length >= 2),
    },
    {
        id: "pool-vmss",
        title: "every pool on scale sets",
        anchors: ["CKV_AZURE_169"],
        passes: (i) => every(i, (p) => p.type === "VirtualMachineScaleSets"),
    },
    {
        id: "no-node-public-ip",
        title: "no public IPs on nodes",
        anchors: ["CKV_AZURE_143"],
        passes: (i) => every(i, (p) => p.enableNodePublicIP === false),
    },
    {
        id: "explicit-max-pods",
        title: "explicit maxPods of 50 or more on every pool",
        anchors: ["CKV_AZURE_168", "Azure.AKS.NodeMinPods"],
        passes: (i) => every(i, (p) => Number(p.maxPods) >= 50),
    },
    {
        id: "max-surge",
        title: "explicit upgrade surge on every pool",
        anchors: ["aks docs: upgrade-aks-node-pools-rolling"],
        passes: (i) => every(i, (p) => typeof get(p, "upgradeSettings.maxSurge") === "string"),
    },
    {
        id: "ephemeral-os-disk",
        title: "ephemeral OS disks",
        anchors: ["CKV_AZURE_226", "Azure.AKS.EphemeralOSDisk"],
        passes: (i) => every(i, (p) => p.osDiskType === "Ephemeral"),
    },
    {
        id: "encryption-at-host-explicit",
        title: "encryption at host written explicitly on every pool",
        anchors: ["CKV_AZURE_227 (fails when missing)"],
        passes: (i) => every(i, (p) => typeof p.enableEncryptionAtHost === "boolean"),
    },
    {
        id: "encryption-at-host",
        title: "encryption at host on every pool",
        anchors: ["CKV_AZURE_227"],
        optIn: "systemPool.enableEncryptionAtHost and nodePools[].enableEncryptionAtHost",
        passes: (i) => every(i, (p) => p.enableEncryptionAtHost === true),
    },
    {
        id: "container-insights",
        title: "Container Insights with Entra auth",
        anchors: ["CKV_AZURE_4", "AVD-AZU-0040", "Azure.AKS.ContainerInsights"],
        optIn: "monitoring.logAnalyticsWorkspaceId",
        passes: (i) =>
            get(i.cluster, "addonProfiles.omsagent.enabled") === true &&
            get(i.cluster, "addonProfiles.omsagent.config.useAADAuth") === "true",
    },
    {
        id: "defender",
        title: "Defender security monitoring",
        anchors: ["Azure.AKS.DefenderProfile"],
        optIn: "monitoring.logAnalyticsWorkspaceId",
        passes: (i) => get(i.cluster, "securityProfile.defender.securityMonitoring.enabled") === true,
    },
    {
        id: "autoscaling",
        title: "cluster autoscaler on every pool",
        anchors: ["Azure.AKS.AutoScaling"],
        optIn: "maxCount on each pool",
        passes: (i) => every(i, (p) => p.enableAutoScaling === true),
    },
];

/** Run every check. */
export function checkClusterSecurity(inputs: ClusterInputs): SecurityCheckResult[] {
    return SECURITY_CHECKS.map((c) =>
        c.optIn === undefined ? { id: c.id, passed: c.passes(inputs) } : { id: c.id, passed: c.passes(inputs), optIn: c.optIn },
    );
}
