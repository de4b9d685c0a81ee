/**
 * The security and reliability checklist an `AksCluster` passes by default, as data: each check has a
 * stable id, the scanner rules it mirrors (Checkov, Trivy, PSRule, CIS) and a predicate over the
 * resource inputs (the azure-native `ManagedCluster`, `AgentPool` and `MaintenanceConfiguration`
 * inputs, as plain JSON). Tests assert the whole list on the default cluster; users can run it on their
 * own recorded inputs. Checks with `optIn` need an argument (a workspace, a subscription feature) and
 * are off by default. Each check also names the properties it reads and the value it expects, so the
 * policy evaluator can point a failure at a property (`lib/policy/security.ts`). Pure: no imports.
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
    /** What passes, in words (the fix a failure names). */
    expected: string;
    /** The `ManagedCluster` properties it reads (dotted); the first is where a failure points. @default [] */
    paths: readonly string[];
    /** The properties of a pool it reads (an `agentPoolProfiles` entry or an `AgentPool`'s own). @default [] */
    poolPaths?: readonly string[];
    /** Reads the `MaintenanceConfiguration`s. @default false */
    maintenance?: boolean;
    /** For a check on every pool: the check of one pool (`passes` is it on every pool, and at least one). */
    pool?: (pool: Record<string, unknown>) => boolean;
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
    const all: unknown[] = [...(Array.isArray(inline) ? inline : []), ...i.agentPools];
    return all.filter((p): p is Record<string, unknown> => typeof p === "object" && p !== null);
}

function systemPools(i: ClusterInputs): Record<string, unknown>[] {
    return pools(i).filter((p) => p.mode === "System");
}

const every = (i: ClusterInputs, f: (p: Record<string, unknown>) => boolean) => pools(i).length > 0 && pools(i).every(f);
const nonEmpty = (v: unknown) => Array.isArray(v) && v.length > 0;

/** A check on every pool, from the check of one pool. */
function poolCheck(check: Omit<SecurityCheck, "passes" | "paths"> & { pool: (pool: Record<string, unknown>) => boolean }): SecurityCheck {
    return { ...check, paths: ["agentPoolProfiles"], passes: (i) => every(i, check.pool) };
}

function window(i: ClusterInputs, name: string): boolean {
    return i.maintenanceConfigurations.some((m) => m.configName === name && Number(get(m, "maintenanceWindow.durationHours")) >= 4);
}

/** The checklist (security-reliability reference §1.7). */
export const SECURITY_CHECKS: readonly SecurityCheck[] = [
    {
        id: "rbac",
        title: "Kubernetes RBAC on",
        anchors: ["CKV_AZURE_5", "AVD-AZU-0042", "Azure.AKS.UseRBAC"],
        expected: "true",
        paths: ["enableRBAC"],
        passes: (i) => get(i.cluster, "enableRBAC") === true,
    },
    {
        id: "entra-managed",
        title: "managed Entra ID integration",
        anchors: ["Azure.AKS.ManagedAAD", "CIS 5.5.1"],
        expected: "true",
        paths: ["aadProfile.managed"],
        passes: (i) => get(i.cluster, "aadProfile.managed") === true,
    },
    {
        id: "entra-azure-rbac",
        title: "Azure RBAC for Kubernetes authorization",
        anchors: ["Azure.AKS.AzureRBAC", "CIS 5.5.2"],
        expected: "true",
        paths: ["aadProfile.enableAzureRBAC"],
        passes: (i) => get(i.cluster, "aadProfile.enableAzureRBAC") === true,
    },
    {
        id: "local-accounts-disabled",
        title: "local accounts disabled",
        anchors: ["CKV_AZURE_141", "Azure.AKS.LocalAccounts"],
        expected: "true",
        paths: ["disableLocalAccounts"],
        passes: (i) => get(i.cluster, "disableLocalAccounts") === true,
    },
    {
        id: "api-server-restricted",
        title: "API server private or limited to authorized IP ranges",
        anchors: ["CKV_AZURE_6", "CKV_AZURE_115", "AVD-AZU-0041", "CIS 5.4.1"],
        expected: "enablePrivateCluster: true, or a non-empty authorizedIPRanges",
        paths: ["apiServerAccessProfile", "apiServerAccessProfile.enablePrivateCluster", "apiServerAccessProfile.authorizedIPRanges"],
        passes: (i) =>
            get(i.cluster, "apiServerAccessProfile.enablePrivateCluster") === true ||
            nonEmpty(get(i.cluster, "apiServerAccessProfile.authorizedIPRanges")),
    },
    {
        id: "run-command-disabled",
        title: "run command disabled",
        anchors: ["aks-baseline"],
        expected: "true",
        paths: ["apiServerAccessProfile.disableRunCommand"],
        passes: (i) => get(i.cluster, "apiServerAccessProfile.disableRunCommand") === true,
    },
    {
        id: "azure-cni",
        title: "Azure CNI",
        anchors: ["CKV2_AZURE_29"],
        expected: '"azure"',
        paths: ["networkProfile.networkPlugin"],
        passes: (i) => get(i.cluster, "networkProfile.networkPlugin") === "azure",
    },
    {
        id: "network-policy",
        title: "a network policy engine",
        anchors: ["CKV_AZURE_7", "AVD-AZU-0043", "CIS 5.4.4"],
        expected: '"azure", "calico" or "cilium"',
        paths: ["networkProfile.networkPolicy"],
        passes: (i) => ["azure", "calico", "cilium"].includes(get(i.cluster, "networkProfile.networkPolicy") as string),
    },
    {
        id: "standard-load-balancer",
        title: "Standard load balancer",
        anchors: ["Azure.AKS.StandardLB"],
        expected: '"standard"',
        paths: ["networkProfile.loadBalancerSku"],
        passes: (i) => get(i.cluster, "networkProfile.loadBalancerSku") === "standard",
    },
    {
        id: "azure-policy",
        title: "Azure Policy add-on",
        anchors: ["CKV_AZURE_116", "AVD-AZU-0066", "Azure.AKS.AzurePolicyAddOn"],
        expected: "true",
        paths: ["addonProfiles.azurepolicy.enabled"],
        passes: (i) => get(i.cluster, "addonProfiles.azurepolicy.enabled") === true,
    },
    {
        id: "keyvault-secrets-rotation",
        title: "Key Vault secrets provider with rotation",
        anchors: ["CKV_AZURE_172", "Azure.AKS.SecretStoreRotation"],
        expected: 'enabled: true and config.enableSecretRotation: "true"',
        paths: ["addonProfiles.azureKeyvaultSecretsProvider"],
        passes: (i) =>
            get(i.cluster, "addonProfiles.azureKeyvaultSecretsProvider.enabled") === true &&
            get(i.cluster, "addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation") === "true",
    },
    {
        id: "dashboard-disabled",
        title: "Kubernetes dashboard explicitly off",
        anchors: ["CKV_AZURE_8"],
        expected: "false",
        paths: ["addonProfiles.kubeDashboard.enabled"],
        passes: (i) => get(i.cluster, "addonProfiles.kubeDashboard.enabled") === false,
    },
    {
        id: "http-application-routing-off",
        title: "no HTTP application routing",
        anchors: ["CKV_AZURE_246", "Azure.AKS.HttpAppRouting"],
        expected: "false or absent",
        paths: ["addonProfiles.httpApplicationRouting.enabled"],
        passes: (i) => get(i.cluster, "addonProfiles.httpApplicationRouting.enabled") !== true,
    },
    {
        id: "workload-identity",
        title: "OIDC issuer and workload identity",
        anchors: ["aks-baseline"],
        expected: "oidcIssuerProfile.enabled: true and securityProfile.workloadIdentity.enabled: true",
        paths: ["securityProfile.workloadIdentity.enabled", "oidcIssuerProfile.enabled"],
        passes: (i) =>
            get(i.cluster, "oidcIssuerProfile.enabled") === true && get(i.cluster, "securityProfile.workloadIdentity.enabled") === true,
    },
    {
        id: "image-cleaner",
        title: "Image Cleaner on, 24 h to 3 months",
        anchors: ["aks-baseline"],
        expected: "enabled: true and intervalHours from 24 to 2160",
        paths: ["securityProfile.imageCleaner"],
        passes: (i) => {
            const h = Number(get(i.cluster, "securityProfile.imageCleaner.intervalHours"));
            return get(i.cluster, "securityProfile.imageCleaner.enabled") === true && h >= 24 && h <= 2160;
        },
    },
    {
        id: "upgrade-channel",
        title: "an auto-upgrade channel",
        anchors: ["CKV_AZURE_171", "Azure.AKS.AutoUpgrade"],
        expected: '"patch", "stable", "rapid" or "node-image"',
        paths: ["autoUpgradeProfile.upgradeChannel"],
        passes: (i) => ["patch", "stable", "rapid", "node-image"].includes(get(i.cluster, "autoUpgradeProfile.upgradeChannel") as string),
    },
    {
        id: "node-os-channel",
        title: "node OS upgrades by AKS",
        anchors: ["aks-baseline"],
        expected: '"NodeImage" or "SecurityPatch"',
        paths: ["autoUpgradeProfile.nodeOSUpgradeChannel"],
        passes: (i) => ["NodeImage", "SecurityPatch"].includes(get(i.cluster, "autoUpgradeProfile.nodeOSUpgradeChannel") as string),
    },
    {
        id: "maintenance-windows",
        title: "maintenance windows of 4 hours or more for both channels",
        anchors: ["Azure.AKS.MaintenanceWindow"],
        expected:
            "a MaintenanceConfiguration aksManagedAutoUpgradeSchedule and one aksManagedNodeOSUpgradeSchedule, each with durationHours of 4 or more",
        paths: [],
        maintenance: true,
        passes: (i) => window(i, "aksManagedAutoUpgradeSchedule") && window(i, "aksManagedNodeOSUpgradeSchedule"),
    },
    {
        id: "standard-tier",
        title: "Standard or Premium tier (uptime SLA)",
        anchors: ["CKV_AZURE_170", "Azure.AKS.UptimeSLA"],
        expected: '"Standard" or "Premium"',
        paths: ["sku.tier"],
        passes: (i) => ["Standard", "Premium"].includes(get(i.cluster, "sku.tier") as string),
    },
    {
        id: "managed-identity",
        title: "managed identity",
        anchors: ["Azure.AKS.ManagedIdentity"],
        expected: '"UserAssigned" or "SystemAssigned"',
        paths: ["identity.type"],
        passes: (i) => ["UserAssigned", "SystemAssigned"].includes(get(i.cluster, "identity.type") as string),
    },
    {
        id: "system-pool",
        title: "a Linux System pool tainted CriticalAddonsOnly",
        anchors: ["CKV_AZURE_232"],
        expected: 'at least one System pool, each with osType "Linux" and the taint CriticalAddonsOnly=true:NoSchedule',
        paths: ["agentPoolProfiles"],
        poolPaths: ["mode", "osType", "nodeTaints"],
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
        expected: "at least one System pool, each with count (or minCount when autoscaled) of 3 or more",
        paths: ["agentPoolProfiles"],
        poolPaths: ["mode", "enableAutoScaling", "count", "minCount"],
        passes: (i) => systemPools(i).length > 0 && systemPools(i).every((p) => Number(p.enableAutoScaling ? p.minCount : p.count) >= 3),
    },
    poolCheck({
        id: "pool-zones",
        title: "every pool across availability zones",
        anchors: ["Azure.AKS.AvailabilityZone"],
        expected: "two or more zones",
        poolPaths: ["availabilityZones"],
        pool: (p) => Array.isArray(p.availabilityZones) && p.availabilityZones.length >= 2,
    }),
    poolCheck({
        id: "pool-vmss",
        title: "every pool on scale sets",
        anchors: ["CKV_AZURE_169"],
        expected: '"VirtualMachineScaleSets"',
        poolPaths: ["type"],
        pool: (p) => p.type === "VirtualMachineScaleSets",
    }),
    poolCheck({
        id: "no-node-public-ip",
        title: "no public IPs on nodes",
        anchors: ["CKV_AZURE_143"],
        expected: "false",
        poolPaths: ["enableNodePublicIP"],
        pool: (p) => p.enableNodePublicIP === false,
    }),
    poolCheck({
        id: "explicit-max-pods",
        title: "explicit maxPods of 50 or more on every pool",
        anchors: ["CKV_AZURE_168", "Azure.AKS.NodeMinPods"],
        expected: "50 or more",
        poolPaths: ["maxPods"],
        pool: (p) => Number(p.maxPods) >= 50,
    }),
    poolCheck({
        id: "max-surge",
        title: "explicit upgrade surge on every pool",
        anchors: ["aks docs: upgrade-aks-node-pools-rolling"],
        expected: 'a string such as "33%" or "1"',
        poolPaths: ["upgradeSettings.maxSurge"],
        pool: (p) => typeof get(p, "upgradeSettings.maxSurge") === "string",
    }),
    poolCheck({
        id: "ephemeral-os-disk",
        title: "ephemeral OS disks",
        anchors: ["CKV_AZURE_226", "Azure.AKS.EphemeralOSDisk"],
        expected: '"Ephemeral"',
        poolPaths: ["osDiskType"],
        pool: (p) => p.osDiskType === "Ephemeral",
    }),
    poolCheck({
        id: "encryption-at-host-explicit",
        title: "encryption at host written explicitly on every pool",
        anchors: ["CKV_AZURE_227 (fails when missing)"],
        expected: "true or false, written out",
        poolPaths: ["enableEncryptionAtHost"],
        pool: (p) => typeof p.enableEncryptionAtHost === "boolean",
    }),
    poolCheck({
        id: "encryption-at-host",
        title: "encryption at host on every pool",
        anchors: ["CKV_AZURE_227"],
        optIn: "systemPool.enableEncryptionAtHost and nodePools[].enableEncryptionAtHost",
        expected: "true",
        poolPaths: ["enableEncryptionAtHost"],
        pool: (p) => p.enableEncryptionAtHost === true,
    }),
    {
        id: "container-insights",
        title: "Container Insights with Entra auth",
        anchors: ["CKV_AZURE_4", "AVD-AZU-0040", "Azure.AKS.ContainerInsights"],
        optIn: "monitoring.logAnalyticsWorkspaceId",
        expected: 'enabled: true and config.useAADAuth: "true"',
        paths: ["addonProfiles.omsagent"],
        passes: (i) =>
            get(i.cluster, "addonProfiles.omsagent.enabled") === true &&
            get(i.cluster, "addonProfiles.omsagent.config.useAADAuth") === "true",
    },
    {
        id: "defender",
        title: "Defender security monitoring",
        anchors: ["Azure.AKS.DefenderProfile"],
        optIn: "monitoring.logAnalyticsWorkspaceId",
        expected: "true",
        paths: ["securityProfile.defender.securityMonitoring.enabled"],
        passes: (i) => get(i.cluster, "securityProfile.defender.securityMonitoring.enabled") === true,
    },
    poolCheck({
        id: "autoscaling",
        title: "cluster autoscaler on every pool",
        anchors: ["Azure.AKS.AutoScaling"],
        optIn: "maxCount on each pool",
        expected: "true",
        poolPaths: ["enableAutoScaling"],
        pool: (p) => p.enableAutoScaling === true,
    }),
];

/** Run every check. */
export function checkClusterSecurity(inputs: ClusterInputs): SecurityCheckResult[] {
    return SECURITY_CHECKS.map((c) =>
        c.optIn === undefined ? { id: c.id, passed: c.passes(inputs) } : { id: c.id, passed: c.passes(inputs), optIn: c.optIn },
    );
}
