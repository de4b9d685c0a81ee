/**
 * The security checklist through the policy evaluator, on raw resources: a cluster that meets every
 * item gives no `SEC-*` violation; breaking one item makes that item (and only it) fire, on the
 * property it reads; opt-in items are reported only when given a level; the config changes levels;
 * unknown values skip the items that read them.
 */
import * as assert from "node:assert/strict";
import { SECURITY_CHECKS } from "../../lib/core/securityChecklist";
import { evaluatePolicies, PolicyConfig, PolicyResource, PolicyViolation } from "../../lib/policy";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const CS = "azure-native:containerservice";

/** Every opt-in item turned on (advisory). */
const ALL_ON: PolicyConfig = { levels: Object.fromEntries(SECURITY_CHECKS.filter((c) => c.optIn).map((c) => [`SEC-${c.id}`, "advisory"])) };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Props = Record<string, any>;

function pool(name: string, mode: string): Props {
    return {
        name,
        mode,
        osType: "Linux",
        vmSize: "Standard_D4ds_v5",
        count: 3,
        enableAutoScaling: true,
        minCount: 3,
        maxCount: 6,
        maxPods: 110,
        availabilityZones: ["1", "2", "3"],
        type: "VirtualMachineScaleSets",
        enableNodePublicIP: false,
        upgradeSettings: { maxSurge: "33%" },
        osDiskType: "Ephemeral",
        enableEncryptionAtHost: true,
        nodeTaints: mode === "System" ? ["CriticalAddonsOnly=true:NoSchedule"] : [],
    };
}

/** A stack whose cluster meets every item of the checklist, opt-in ones included. */
function stack() {
    const cluster: Props = {
        resourceName: "aks",
        kubernetesVersion: "1.33",
        enableRBAC: true,
        aadProfile: { managed: true, enableAzureRBAC: true },
        disableLocalAccounts: true,
        apiServerAccessProfile: { enablePrivateCluster: true, disableRunCommand: true },
        networkProfile: {
            networkPlugin: "azure",
            networkPluginMode: "overlay",
            networkPolicy: "azure",
            loadBalancerSku: "standard",
            podCidr: "10.244.0.0/16",
            serviceCidr: "10.0.0.0/16",
            dnsServiceIP: "10.0.0.10",
        },
        addonProfiles: {
            azurepolicy: { enabled: true },
            azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: "true" } },
            kubeDashboard: { enabled: false },
            omsagent: { enabled: true, config: { useAADAuth: "true" } },
        },
        oidcIssuerProfile: { enabled: true },
        securityProfile: {
            workloadIdentity: { enabled: true },
            imageCleaner: { enabled: true, intervalHours: 168 },
            defender: { securityMonitoring: { enabled: true } },
        },
        autoUpgradeProfile: { upgradeChannel: "patch", nodeOSUpgradeChannel: "NodeImage" },
        sku: { name: "Base", tier: "Standard" },
        identity: { type: "SystemAssigned" },
        agentPoolProfiles: [pool("system", "System")],
    };
    const apps: Props = { resourceName: "aks", agentPoolName: "apps", ...pool("apps", "User") };
    const window = (configName: string): Props => ({
        resourceName: "aks",
        configName,
        maintenanceWindow: { durationHours: 4, schedule: { weekly: { dayOfWeek: "Sunday", intervalWeeks: 1 } } },
    });
    const maintenance = [window("aksManagedAutoUpgradeSchedule"), window("aksManagedNodeOSUpgradeSchedule")];
    return { cluster, apps, maintenance };
}
type Stack = ReturnType<typeof stack>;

function resources(s: Stack, token = `${CS}:ManagedCluster`): PolicyResource[] {
    const res = (type: string, name: string, props: unknown) => ({ type, name, urn: `urn:${type}::${name}`, props });
    return [
        res(token, "aks", s.cluster),
        res(`${CS}:AgentPool`, "apps", s.apps),
        ...s.maintenance.map((m, i) => res(`${CS}:MaintenanceConfiguration`, `window-${i}`, m)),
    ];
}

const security = (list: PolicyViolation[]) => list.filter((v) => v.ruleId.startsWith("SEC-"));

/** One way to break each item, and the other items the same change breaks. */
const BREAK: Record<string, { change: (s: Stack) => void; also?: string[] }> = {
    rbac: { change: (s) => (s.cluster.enableRBAC = false) },
    "entra-managed": { change: (s) => (s.cluster.aadProfile.managed = false) },
    "entra-azure-rbac": { change: (s) => delete s.cluster.aadProfile.enableAzureRBAC },
    "local-accounts-disabled": { change: (s) => delete s.cluster.disableLocalAccounts },
    "api-server-restricted": { change: (s) => (s.cluster.apiServerAccessProfile.enablePrivateCluster = false) },
    "run-command-disabled": { change: (s) => (s.cluster.apiServerAccessProfile.disableRunCommand = false) },
    "azure-cni": { change: (s) => (s.cluster.networkProfile.networkPlugin = "kubenet") },
    "network-policy": { change: (s) => (s.cluster.networkProfile.networkPolicy = "none") },
    "standard-load-balancer": { change: (s) => (s.cluster.networkProfile.loadBalancerSku = "basic") },
    "azure-policy": { change: (s) => (s.cluster.addonProfiles.azurepolicy.enabled = false) },
    "keyvault-secrets-rotation": {
        change: (s) => (s.cluster.addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation = "false"),
    },
    "dashboard-disabled": { change: (s) => delete s.cluster.addonProfiles.kubeDashboard },
    "http-application-routing-off": { change: (s) => (s.cluster.addonProfiles.httpApplicationRouting = { enabled: true }) },
    "workload-identity": { change: (s) => (s.cluster.oidcIssuerProfile.enabled = false) },
    "image-cleaner": { change: (s) => (s.cluster.securityProfile.imageCleaner.intervalHours = 12) },
    "upgrade-channel": { change: (s) => (s.cluster.autoUpgradeProfile.upgradeChannel = "none") },
    "node-os-channel": { change: (s) => (s.cluster.autoUpgradeProfile.nodeOSUpgradeChannel = "None") },
    "maintenance-windows": { change: (s) => (s.maintenance[1].maintenanceWindow.durationHours = 2) },
    "standard-tier": { change: (s) => (s.cluster.sku.tier = "Free") },
    "managed-identity": { change: (s) => delete s.cluster.identity },
    "system-pool": { change: (s) => (s.cluster.agentPoolProfiles[0].nodeTaints = []) },
    "system-pool-min-nodes": { change: (s) => (s.cluster.agentPoolProfiles[0].minCount = 1) },
    "pool-zones": { change: (s) => (s.apps.availabilityZones = ["1"]) },
    "pool-vmss": { change: (s) => (s.apps.type = "AvailabilitySet") },
    "no-node-public-ip": { change: (s) => (s.apps.enableNodePublicIP = true) },
    "explicit-max-pods": { change: (s) => (s.apps.maxPods = 30) },
    "max-surge": { change: (s) => (s.apps.upgradeSettings = {}) },
    "ephemeral-os-disk": { change: (s) => (s.apps.osDiskType = "Managed") },
    "encryption-at-host-explicit": { change: (s) => delete s.apps.enableEncryptionAtHost, also: ["encryption-at-host"] },
    "encryption-at-host": { change: (s) => (s.apps.enableEncryptionAtHost = false) },
    "container-insights": { change: (s) => (s.cluster.addonProfiles.omsagent.config.useAADAuth = "false") },
    defender: { change: (s) => (s.cluster.securityProfile.defender.securityMonitoring.enabled = false) },
    autoscaling: { change: (s) => (s.apps.enableAutoScaling = false) },
};

describe("security checklist through the policy evaluator", () => {
    it("a cluster that meets every item gives no SEC violation", () => {
        assert.deepEqual(security(evaluatePolicies(resources(stack()), ALL_ON)), []);
    });

    it("every item of the checklist has a case here", () => {
        assert.deepEqual(Object.keys(BREAK).sort(), SECURITY_CHECKS.map((c) => c.id).sort());
    });

    for (const check of SECURITY_CHECKS) {
        it(`SEC-${check.id}: fires alone, advisory, on the property it reads`, () => {
            const s = stack();
            BREAK[check.id].change(s);
            const found = security(evaluatePolicies(resources(s), ALL_ON));
            const expected = [check.id, ...(BREAK[check.id].also ?? [])].map((id) => `SEC-${id}`).sort();
            assert.deepEqual(found.map((v) => v.ruleId).sort(), expected);
            const v = found.find((f) => f.ruleId === `SEC-${check.id}`)!;
            assert.equal(v.enforcementLevel, "advisory");
            const onPool = check.pool !== undefined;
            assert.equal(v.name, onPool ? "apps" : "aks");
            assert.equal(v.path, onPool ? check.poolPaths![0] : (check.paths[0] ?? ""));
            for (const anchor of check.anchors) assert.ok(v.message.includes(anchor), `${anchor} in ${v.message}`);
            assert.ok(v.message.includes(check.expected), v.message);
        });
    }

    it("a check on every pool points at an inline profile by its index", () => {
        const s = stack();
        s.cluster.agentPoolProfiles[0].maxPods = 20;
        const v = security(evaluatePolicies(resources(s))).find((f) => f.ruleId === "SEC-explicit-max-pods");
        assert.equal(v?.name, "aks");
        assert.equal(v?.path, "agentPoolProfiles[0].maxPods");
        assert.match(v!.message, /^agentPoolProfiles\[0\]\.maxPods is 20: /);
    });

    it("opt-in items are not reported by default, even when failing; on-by-default ones are advisory", () => {
        const s = stack();
        s.apps.enableAutoScaling = false;
        s.cluster.enableRBAC = false;
        const found = security(evaluatePolicies(resources(s)));
        assert.deepEqual(
            found.map((v) => [v.ruleId, v.enforcementLevel]),
            [["SEC-rbac", "advisory"]],
        );
    });

    it("the config makes an item mandatory or disables it", () => {
        const s = stack();
        s.cluster.enableRBAC = false;
        s.cluster.disableLocalAccounts = false;
        const list = security(
            evaluatePolicies(resources(s), { levels: { "SEC-rbac": "mandatory" }, disabledRules: ["SEC-local-accounts-disabled"] }),
        );
        assert.deepEqual(
            list.map((v) => [v.ruleId, v.enforcementLevel, v.policyName]),
            [["SEC-rbac", "mandatory", "aks-network-mandatory"]],
        );
    });

    it("reads versioned tokens", () => {
        const s = stack();
        s.cluster.enableRBAC = false;
        const list = security(evaluatePolicies(resources(s, `${CS}/v20250901:ManagedCluster`)));
        assert.deepEqual(
            list.map((v) => v.ruleId),
            ["SEC-rbac"],
        );
    });

    it("an unknown value skips the items that read it, with one note per resource naming them", () => {
        const s = stack();
        s.cluster.disableLocalAccounts = UNKNOWN;
        s.apps.maxPods = UNKNOWN;
        s.cluster.enableRBAC = false;
        const list = evaluatePolicies(resources(s));
        assert.deepEqual(
            security(list).map((v) => v.ruleId),
            ["SEC-rbac"],
        );
        const onCluster = list.find((v) => v.ruleId === "P1" && v.name === "aks");
        assert.match(onCluster?.message ?? "", /disableLocalAccounts[\s\S]*SEC-local-accounts-disabled/);
        const onPool = list.find((v) => v.ruleId === "P1" && v.name === "apps");
        assert.match(onPool?.message ?? "", /maxPods[\s\S]*SEC-explicit-max-pods/);
    });

    it("an unknown pool list skips every pool item; malformed pools never throw", () => {
        const s = stack();
        s.cluster.agentPoolProfiles = UNKNOWN;
        const skipped = security(evaluatePolicies(resources(s))).map((v) => v.ruleId);
        assert.ok(!skipped.some((id) => id.startsWith("SEC-pool") || id.startsWith("SEC-system-pool")), skipped.join(", "));
        for (const profiles of ["oops", [null, 3, "x"], [{ mode: "System", nodeTaints: "CriticalAddonsOnly=true:NoSchedule" }]]) {
            const m = stack();
            m.cluster.agentPoolProfiles = profiles;
            const list = evaluatePolicies(resources(m));
            assert.ok(!list.some((v) => v.ruleId === "R0"), JSON.stringify(list.filter((v) => v.ruleId === "R0")));
        }
    });
});
