/**
 * The `ManagedCluster` of an `AksCluster`, with only the System pool inline: every value that forces a
 * replacement is explicit, from the validated effective plan.
 */
import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { EffectiveNodePool } from "../../network/types";
import { AksClusterArgs } from "../clusterArgs";
import * as D from "../defaults";
import { ClusterDesign, PoolDesign } from "../design";
import { OutboundType } from "../enums";
import { agentPoolProperties, isAutoscaled } from "../pools";
import { ClusterBase } from "./base";

type ManagedClusterArgs = containerservice.ManagedClusterArgs;

/** A designed pool's entry in the effective plan. */
export function effectivePool(design: ClusterDesign, p: PoolDesign): EffectiveNodePool {
    const found = design.report.effective.nodePools.find((e) => e.name === p.name);
    if (!found) throw new Error(`internal: pool ${p.name} missing from the effective plan`);
    return found;
}

/** The add-ons: Azure Policy, the Key Vault secrets provider with rotation, no dashboard, Container Insights with a workspace. */
export function addonProfiles(args: AksClusterArgs): ManagedClusterArgs["addonProfiles"] {
    const workspace = args.monitoring?.logAnalyticsWorkspaceId;
    const keyVault = args.keyVaultSecretsProvider ?? true;
    const profiles: { [key: string]: { enabled: boolean; config?: { [key: string]: pulumi.Input<string> } } } = {
        azurepolicy: { enabled: args.azurePolicy ?? true },
        azureKeyvaultSecretsProvider: keyVault
            ? { enabled: true, config: { enableSecretRotation: "true", rotationPollInterval: D.SECRET_ROTATION_POLL_INTERVAL } }
            : { enabled: false },
        kubeDashboard: { enabled: false },
    };
    if (workspace !== undefined) {
        profiles.omsagent = { enabled: true, config: { logAnalyticsWorkspaceResourceID: workspace, useAADAuth: "true" } };
    }
    return profiles;
}

/** The network profile, from the effective plan. */
export function networkProfile(design: ClusterDesign): ManagedClusterArgs["networkProfile"] {
    const eff = design.report.effective;
    const n = design.network;
    const dualStack = eff.ipFamilies.length > 1;
    return {
        networkPlugin: eff.networkPlugin,
        networkPluginMode: eff.networkPluginMode ?? undefined,
        networkDataplane: eff.networkDataplane,
        networkPolicy: n.policy,
        ipFamilies: eff.ipFamilies,
        podCidr: eff.podCidrs[0],
        podCidrs: eff.podCidrs.length > 0 ? eff.podCidrs : undefined,
        serviceCidr: eff.serviceCidrs[0],
        serviceCidrs: eff.serviceCidrs,
        dnsServiceIP: eff.dnsServiceIP,
        outboundType: eff.outboundType,
        loadBalancerSku: "standard",
        loadBalancerProfile: {
            backendPoolType: n.backendPoolType,
            managedOutboundIPs:
                eff.outboundType === OutboundType.LoadBalancer
                    ? dualStack
                        ? { count: n.outboundIpCount, countIPv6: n.outboundIpv6Count }
                        : { count: n.outboundIpCount }
                    : undefined,
        },
        natGatewayProfile:
            eff.outboundType === OutboundType.ManagedNatGateway ? { managedOutboundIPProfile: { count: n.outboundIpCount } } : undefined,
    };
}

/** Workload identity, Image Cleaner and Defender (with a workspace). */
export function securityProfile(args: AksClusterArgs): ManagedClusterArgs["securityProfile"] {
    const workspace = args.monitoring?.logAnalyticsWorkspaceId;
    const defender = args.monitoring?.defender ?? workspace !== undefined;
    return {
        workloadIdentity: { enabled: true },
        imageCleaner: (args.imageCleaner ?? true) ? { enabled: true, intervalHours: D.IMAGE_CLEANER_INTERVAL_HOURS } : { enabled: false },
        defender:
            defender && workspace !== undefined
                ? { logAnalyticsWorkspaceResourceId: workspace, securityMonitoring: { enabled: true } }
                : undefined,
    };
}

/** Identity, Entra ID and API server access. */
function accessArgs(design: ClusterDesign, args: AksClusterArgs, base: ClusterBase): Partial<ManagedClusterArgs> {
    return {
        identity: { type: "UserAssigned", userAssignedIdentities: [base.identityId] },
        enableRBAC: true,
        aadProfile: {
            managed: true,
            enableAzureRBAC: design.entra.azureRbac,
            tenantID: args.entra?.tenantId,
            adminGroupObjectIDs: args.entra?.adminGroupObjectIds,
        },
        disableLocalAccounts: design.entra.disableLocalAccounts,
        apiServerAccessProfile: {
            // In canonical form, as the planner read them (R4 says so when the user wrote host bits).
            authorizedIPRanges:
                design.apiServer.authorizedIpRanges.length > 0 ? design.report.effective.apiServerAuthorizedIpRanges : undefined,
            enablePrivateCluster: design.apiServer.privateCluster,
            disableRunCommand: design.apiServer.disableRunCommand,
        },
    };
}

/** The inputs AKS would otherwise show as drift: a version AKS upgrades, an autoscaled count, the Windows password. */
function ignoredChanges(design: ClusterDesign): string[] {
    const ignore: string[] = [];
    if (design.upgrades.ignoreKubernetesVersionChanges) ignore.push("kubernetesVersion");
    if (isAutoscaled(effectivePool(design, design.systemPool))) ignore.push("agentPoolProfiles[0].count");
    if (design.windows) ignore.push("windowsProfile.adminPassword");
    return ignore;
}

/** The cluster, with only the System pool inline, after its network and role. */
export function createManagedCluster(
    name: string,
    design: ClusterDesign,
    args: AksClusterArgs,
    base: ClusterBase,
    windowsPassword: pulumi.Output<string> | undefined,
    parent: pulumi.Resource,
): containerservice.ManagedCluster {
    const system = design.systemPool;
    const subnetId = base.subnetId;
    return new containerservice.ManagedCluster(
        `${name}-aks`,
        {
            resourceGroupName: base.resourceGroupName,
            resourceName: design.clusterName,
            location: base.location,
            dnsPrefix: design.dnsPrefix,
            kubernetesVersion: design.kubernetesVersionSent,
            nodeResourceGroup: args.nodeResourceGroup,
            sku: { name: "Base", tier: design.skuTier },
            ...accessArgs(design, args, base),
            networkProfile: networkProfile(design),
            agentPoolProfiles: [
                {
                    name: system.name,
                    ...agentPoolProperties(
                        system,
                        effectivePool(design, system),
                        subnetId(system.subnet),
                        system.podSubnet ? subnetId(system.podSubnet) : undefined,
                    ),
                },
            ],
            addonProfiles: addonProfiles(args),
            // Explicit either way, so the add-on's state never shows as drift.
            ingressProfile: { webAppRouting: { enabled: args.appRouting ?? false } },
            oidcIssuerProfile: { enabled: true },
            securityProfile: securityProfile(args),
            autoUpgradeProfile: { upgradeChannel: design.upgrades.channel, nodeOSUpgradeChannel: design.upgrades.nodeOsChannel },
            windowsProfile:
                design.windows && windowsPassword
                    ? { adminUsername: design.windows.adminUsername, adminPassword: windowsPassword }
                    : undefined,
            tags: args.tags,
        },
        {
            parent,
            dependsOn: base.clusterDependencies,
            protect: args.deletionProtection ?? true,
            ignoreChanges: ignoredChanges(design),
            additionalSecretOutputs: ["windowsProfile"],
            customTimeouts: D.CLUSTER_TIMEOUTS,
        },
    );
}
