import * as assert from "node:assert/strict";
import { AksCluster } from "../../lib/azure/aksCluster";
import { AksClusterArgs } from "../../lib/azure/clusterArgs";
import { UpgradeChannel } from "../../lib/azure/enums";
import { checkClusterSecurity, ClusterInputs, SECURITY_CHECKS } from "../../lib/azure/securityChecklist";
import { resetMocks, settle } from "../helpers/mocks";
import { API, captureLogs, inputsOf, releaseLogs, T, useAzureOutputs } from "./helpers";

/** The checklist of the security-reliability reference (§1.7) the default cluster passes, by id. */
const ON_BY_DEFAULT = [
    "rbac",
    "entra-managed",
    "entra-azure-rbac",
    "local-accounts-disabled",
    "api-server-restricted",
    "run-command-disabled",
    "azure-cni",
    "network-policy",
    "standard-load-balancer",
    "azure-policy",
    "keyvault-secrets-rotation",
    "dashboard-disabled",
    "http-application-routing-off",
    "workload-identity",
    "image-cleaner",
    "upgrade-channel",
    "node-os-channel",
    "maintenance-windows",
    "standard-tier",
    "managed-identity",
    "system-pool",
    "system-pool-min-nodes",
    "pool-zones",
    "pool-vmss",
    "no-node-public-ip",
    "explicit-max-pods",
    "max-surge",
    "ephemeral-os-disk",
    "encryption-at-host-explicit",
];
/** Checks that need an argument (a workspace, a subscription feature, autoscaler bounds). */
const OPT_IN = ["encryption-at-host", "container-insights", "defender", "autoscaling"];

async function inputsFor(name: string, args: AksClusterArgs): Promise<ClusterInputs> {
    new AksCluster(name, args);
    await settle();
    return {
        cluster: inputsOf(T.cluster, name)[0],
        agentPools: inputsOf(T.pool, name),
        maintenanceConfigurations: inputsOf(T.maintenance, name),
    };
}

const results = (i: ClusterInputs) => Object.fromEntries(checkClusterSecurity(i).map((r) => [r.id, r.passed]));

describe("security checklist", () => {
    beforeEach(() => {
        resetMocks();
        useAzureOutputs();
        captureLogs();
    });
    afterEach(releaseLogs);

    it("lists every check once, default ones and opt-in ones", () => {
        assert.deepEqual(SECURITY_CHECKS.map((c) => c.id).sort(), [...ON_BY_DEFAULT, ...OPT_IN].sort());
        assert.deepEqual(
            SECURITY_CHECKS.filter((c) => c.optIn)
                .map((c) => c.id)
                .sort(),
            [...OPT_IN].sort(),
        );
    });

    it("passes every default check on the default cluster (with a user pool)", async () => {
        const r = results(await inputsFor("secd", { apiServer: API, nodePools: [{ name: "apps" }] }));
        for (const id of ON_BY_DEFAULT) assert.equal(r[id], true, `${id} fails on the default cluster`);
        for (const id of OPT_IN) assert.equal(r[id], false, `${id} should be off by default`);
    });

    it("passes the opt-in checks when their arguments are given", async () => {
        const r = results(
            await inputsFor("seco", {
                apiServer: API,
                monitoring: {
                    logAnalyticsWorkspaceId: "/subscriptions/s/resourceGroups/g/providers/Microsoft.OperationalInsights/workspaces/w",
                },
                systemPool: { minCount: 3, maxCount: 5, enableEncryptionAtHost: true },
                nodePools: [{ name: "apps", minCount: 2, maxCount: 6, enableEncryptionAtHost: true }],
            }),
        );
        for (const id of [...ON_BY_DEFAULT, ...OPT_IN]) assert.equal(r[id], true, `${id} fails with everything on`);
    });

    it("passes with a private API server instead of authorized ranges", async () => {
        const r = results(await inputsFor("secp", { apiServer: { privateCluster: true } }));
        assert.equal(r["api-server-restricted"], true);
    });

    // Each default can be overridden, and the checklist notices.
    const overrides: [string, AksClusterArgs, string[]][] = [
        ["local accounts on", { entra: { disableLocalAccounts: false } }, ["local-accounts-disabled"]],
        ["Kubernetes RBAC instead of Azure RBAC", { entra: { azureRbac: false } }, ["entra-azure-rbac"]],
        ["no Azure Policy", { azurePolicy: false }, ["azure-policy"]],
        ["no secrets provider", { keyVaultSecretsProvider: false }, ["keyvault-secrets-rotation"]],
        ["no image cleaner", { imageCleaner: false }, ["image-cleaner"]],
        ["no upgrade channel", { upgrades: { channel: UpgradeChannel.None } }, ["upgrade-channel", "maintenance-windows"]],
        ["public API server accepted", { apiServer: { allowPublicAccess: true } }, ["api-server-restricted"]],
        ["a small System pool", { systemPool: { count: 2 } }, ["system-pool-min-nodes"]],
        ["no zones", { systemPool: { zones: [] } }, ["pool-zones"]],
    ];
    for (const [title, args, failing] of overrides) {
        it(`notices ${title}`, async () => {
            const name = `seco-${title.replace(/\W+/g, "").toLowerCase().slice(0, 20)}`;
            const r = results(await inputsFor(name, { apiServer: API, ...args }));
            assert.deepEqual(
                ON_BY_DEFAULT.filter((id) => !r[id]),
                failing,
            );
        });
    }
});
