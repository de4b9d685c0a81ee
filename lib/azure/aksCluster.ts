/**
 * `AksCluster`: an AKS cluster whose network is validated before anything deploys.
 *
 * Constructor order: design (the arguments' shape first, then defaults, plan, every finding in the
 * user's terms; ill-shaped parts are reported and left out so the other findings still appear) → throw
 * one error listing every problem, before any child exists → log warnings → resource group, identity,
 * VNet and subnets (or read your own network and validate it again at deploy time) → the ManagedCluster
 * with only the System pool inline → user pools one after another → maintenance windows → kubeconfig and
 * Kubernetes provider → `registerOutputs`.
 *
 * @see ./clusterArgs.ts for the arguments.
 */
import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import { Provider } from "@pulumi/kubernetes/provider";
import { RandomPassword } from "@pulumi/random/randomPassword";
import { ClusterFacts } from "../core/facts";
import { formatDiagnostic } from "../network/report";
import { Diagnostic, EffectiveNodePool, NetworkPlan, NetworkPlanReport } from "../network/types";
import { validateNetworkPlan } from "../network/validate";
import { AksClusterArgs, MaintenanceWindowArgs } from "./clusterArgs";
import { setClusterContext } from "./clusterContext";
import * as D from "./defaults";
import { ClusterDesign, designCluster, formatProblems, parseSubnetId, PoolDesign, subnetIdProblem } from "./design";
import { KubeloginMode, OsSku, OsType, OutboundType, UpgradeChannel } from "./enums";
import { checkExistingNetwork } from "./existingNetwork";
import { toNonInteractiveKubeconfig } from "./kubeconfig";
import { PathEntry } from "./paths";
import { agentPoolProperties, isAutoscaled } from "./pools";

/** The type token of `AksCluster` (part of every child's URN: never change it without an alias). */
export const AKS_CLUSTER_TYPE = "aks-network:index:AksCluster";

/** The kubelet's managed identity (for ACR pull and Key Vault role assignments). */
export interface KubeletIdentity {
    /** The identity's client (application) id. */
    clientId: string;
    /** The identity's object (principal) id, for role assignments. */
    objectId: string;
    /** The identity's resource id. */
    resourceId: string;
}

/** Log every finding that isn't an error: warnings as warnings, info as info, on the component. */
export function logFindings(diagnostics: readonly Diagnostic[], resource: pulumi.Resource): void {
    for (const d of diagnostics) {
        if (d.severity === "warning") void pulumi.log.warn(formatDiagnostic(d), resource);
        else if (d.severity === "info") void pulumi.log.info(formatDiagnostic(d), resource);
    }
}

function maintenanceWindow(w: Required<MaintenanceWindowArgs>): containerservice.MaintenanceConfigurationArgs["maintenanceWindow"] {
    return {
        schedule: { weekly: { dayOfWeek: w.dayOfWeek, intervalWeeks: 1 } },
        durationHours: w.durationHours,
        startTime: w.startTime,
        utcOffset: w.utcOffset,
    };
}

/** `/subscriptions/<id>/providers/Microsoft.Authorization/roleDefinitions/<role>` for the subscription of a scope. */
function roleDefinitionId(scope: string, role: string): string {
    const sub = /^\/subscriptions\/[^/]+/i.exec(scope)?.[0] ?? "";
    return `${sub}/providers/Microsoft.Authorization/roleDefinitions/${role}`;
}

/**
 * An AKS cluster with Azure CNI Overlay (IPv4 or dual-stack), optionally Cilium, on a VNet it creates or
 * on a subnet of your own, with Linux and Windows pools, secure defaults and a validated network plan.
 *
 * Every problem of the arguments is reported at once, before anything is created, as one error naming
 * each argument path, its value, the rule id and a fix. A network of your own is read from Azure and
 * checked again at deploy time (previews included), with peered VNets counted as connected networks.
 *
 * @example
 * const cluster = new AksCluster("prod", {
 *     network: { ipFamilies: [IpFamily.IPv4, IpFamily.IPv6] },
 *     apiServer: { authorizedIpRanges: ["20.50.60.0/24"] },
 *     nodePools: [{ name: "apps", minCount: 3, maxCount: 10 }, { name: "win", osType: OsType.Windows }],
 * });
 * new k8s.core.v1.Namespace("apps", {}, { provider: cluster.provider });
 */
export class AksCluster extends pulumi.ComponentResource {
    /** The cluster's Azure name. */
    public readonly clusterName: pulumi.Output<string>;
    /** The cluster's resource id. */
    public readonly clusterId: pulumi.Output<string>;
    /** The resource group of the cluster (and of the VNet it creates). */
    public readonly resourceGroupName: string;
    /** The node resource group AKS manages. */
    public readonly nodeResourceGroup: pulumi.Output<string>;
    /** The OIDC issuer URL, for workload identity federated credentials. */
    public readonly oidcIssuerUrl: pulumi.Output<string>;
    /** The kubelet's managed identity. */
    public readonly kubeletIdentity: pulumi.Output<KubeletIdentity>;
    /**
     * The user kubeconfig (a secret). For Entra ID clusters its kubelogin login is rewritten to the
     * non-interactive mode of `kubeconfigLogin` (default `azurecli`), so it works in CI.
     */
    public readonly kubeconfig: pulumi.Output<string>;
    /**
     * A Kubernetes provider for the cluster, a child of this component. Its `clusterIdentifier` is the
     * cluster id, so a refreshed kubeconfig never replaces the Kubernetes resources; it waits for every
     * node pool; `deleteUnreachable` lets a destroy finish after the cluster is gone.
     */
    public readonly provider: Provider;
    /**
     * The network plan report (`describeNetworkPlan`): the effective plan with every default explicit,
     * capacity and findings in the user's terms. Plain and known at construction, for previews and PR
     * comments. For a network of your own it lacks Azure's view (see `deployedNetworkPlan`).
     */
    public readonly networkPlan: NetworkPlanReport;
    /** The report checked against Azure's view of a network of your own (the same as `networkPlan` for a created VNet). */
    public readonly deployedNetworkPlan: pulumi.Output<NetworkPlanReport>;
    /**
     * What the Kubernetes builders need to know about the cluster (plain): IP families, version, Windows
     * pools and their taints, the dataplane, and `AzureLinux` as the Linux OS SKU when any Linux pool
     * runs Azure Linux (else `Ubuntu`).
     */
    public readonly clusterFacts: ClusterFacts;
    /** Resource ids of the created subnets by name, or of `network.nodeSubnetId` under its own name. */
    public readonly subnetIds: pulumi.Output<{ [name: string]: string }>;
    /** The Windows administrator password (a secret), when Windows pools are planned. */
    public readonly windowsAdminPassword: pulumi.Output<string> | undefined;

    /**
     * @param name the component's name; children are named `${name}-<role>`.
     * @param args the cluster's arguments; see `AksClusterArgs`.
     * @param opts resource options for the component.
     */
    constructor(name: string, args: AksClusterArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(AKS_CLUSTER_TYPE, name, {}, opts);

        // 1. Validate everything known now, before creating anything.
        const design = designCluster(name, args);
        logFindings(design.diagnostics, this);
        const errors = design.diagnostics.filter((d) => d.severity === "error");
        if (errors.length > 0) {
            throw new pulumi.ResourceError(formatProblems(`invalid AksCluster "${name}" arguments; nothing was created`, errors), this, true);
        }
        this.networkPlan = design.report;
        this.resourceGroupName = design.resourceGroupName;
        const eff = design.report.effective;
        const effPool = (p: PoolDesign): EffectiveNodePool => {
            const found = eff.nodePools.find((e) => e.name === p.name);
            if (!found) throw new Error(`internal: pool ${p.name} missing from the effective plan`);
            return found;
        };
        const existing = design.network.mode === "existing";
        const tags = args.tags;

        // 2. A network of your own: read it and validate the plan against it before anything depends on it.
        let gate: pulumi.Output<{ report: NetworkPlanReport; plan: NetworkPlan; pathRows: PathEntry[]; subnetId: string; subnetName: string }>;
        if (existing) {
            gate = this.checkExistingNetwork(name, design);
        } else {
            gate = pulumi.output({ report: design.report, plan: design.plan, pathRows: [...design.paths.rows()], subnetId: "", subnetName: "" });
        }
        this.deployedNetworkPlan = gate.apply((g) => g.report);
        const gated = <T>(v: pulumi.Input<T>): pulumi.Input<T> => (existing ? pulumi.all([gate, v]).apply(([, x]) => x) as pulumi.Output<T> : v);

        // 3. Resource group, identity, network.
        const rg = design.createResourceGroup
            ? new resources.ResourceGroup(`${name}-rg`, { resourceGroupName: gated(design.resourceGroupName), location: args.location, tags }, { parent: this })
            : undefined;
        const rgName: pulumi.Input<string> = rg ? rg.name : gated(design.resourceGroupName);
        const location = args.location ?? rg?.location;

        let identityId: pulumi.Input<string>;
        let principalId: pulumi.Input<string> | undefined;
        if (args.identity?.userAssignedIdentityId !== undefined) {
            identityId = args.identity.userAssignedIdentityId;
            principalId = args.identity.principalId;
        } else {
            const identity = new managedidentity.UserAssignedIdentity(`${name}-identity`, {
                resourceGroupName: rgName, location, resourceName: `${design.clusterName}-identity`, tags,
            }, { parent: this });
            identityId = identity.id;
            principalId = identity.principalId;
        }

        const subnetIds = new Map<string, pulumi.Input<string>>();
        const clusterDeps: pulumi.Resource[] = [];
        let networkScope: pulumi.Input<string>;
        if (design.network.vnet) {
            const v = design.network.vnet;
            const vnet = new network.VirtualNetwork(`${name}-vnet`, {
                resourceGroupName: rgName,
                location,
                virtualNetworkName: v.name,
                addressSpace: { addressPrefixes: v.addressSpaces },
                tags,
            }, { parent: this, ignoreChanges: ["subnets"] });
            // One after another: Azure refuses concurrent subnet operations on a VNet.
            let previous: pulumi.Resource = vnet;
            for (const s of v.subnets) {
                const subnet = new network.Subnet(`${name}-subnet-${s.name}`, {
                    resourceGroupName: rgName,
                    virtualNetworkName: vnet.name,
                    subnetName: s.name,
                    ...(s.ipv6Cidr === undefined ? { addressPrefix: s.cidr } : { addressPrefixes: [s.cidr, s.ipv6Cidr] }),
                }, { parent: this, dependsOn: [previous] });
                subnetIds.set(s.name, subnet.id);
                clusterDeps.push(subnet);
                previous = subnet;
            }
            networkScope = vnet.id;
        } else {
            networkScope = gate.apply((g) => g.subnetId);
        }
        const subnetId = (subnetName: string | undefined): pulumi.Input<string> | undefined => {
            if (existing) return gate.apply((g) => g.subnetId);
            const v = design.network.vnet;
            if (!v) return undefined;
            return subnetIds.get(subnetName ?? v.subnets[0]?.name);
        };
        this.subnetIds = existing
            ? gate.apply((g) => ({ [g.subnetName]: g.subnetId }))
            : pulumi.all(Object.fromEntries(subnetIds)) as pulumi.Output<{ [name: string]: string }>;

        if (design.network.assignNetworkContributor && principalId !== undefined) {
            const role = new authorization.RoleAssignment(`${name}-networkContributor`, {
                principalId,
                principalType: "ServicePrincipal",
                roleDefinitionId: pulumi.output(networkScope).apply((scope) => roleDefinitionId(scope, D.NETWORK_CONTRIBUTOR_ROLE_ID)),
                scope: networkScope,
            }, { parent: this });
            clusterDeps.push(role);
        }

        // 4. Windows credentials (only at creation: AKS can't add them later).
        const windowsPassword = design.windows ? this.windowsPassword(name, design, args) : undefined;
        this.windowsAdminPassword = windowsPassword;

        // 5. The cluster, with only the System pool inline.
        const system = design.systemPool;
        const systemEff = effPool(system);
        const n = design.network;
        const ignoreChanges: string[] = [];
        if (design.upgrades.ignoreKubernetesVersionChanges) ignoreChanges.push("kubernetesVersion");
        if (isAutoscaled(systemEff)) ignoreChanges.push("agentPoolProfiles[0].count");
        if (design.windows) ignoreChanges.push("windowsProfile.adminPassword");
        const workspace = args.monitoring?.logAnalyticsWorkspaceId;
        const defender = args.monitoring?.defender ?? workspace !== undefined;
        const keyVault = args.keyVaultSecretsProvider ?? true;
        const addonProfiles: { [key: string]: { enabled: boolean; config?: { [key: string]: pulumi.Input<string> } } } = {
            azurepolicy: { enabled: args.azurePolicy ?? true },
            azureKeyvaultSecretsProvider: keyVault
                ? { enabled: true, config: { enableSecretRotation: "true", rotationPollInterval: D.SECRET_ROTATION_POLL_INTERVAL } }
                : { enabled: false },
            kubeDashboard: { enabled: false },
        };
        if (workspace !== undefined) {
            addonProfiles.omsagent = { enabled: true, config: { logAnalyticsWorkspaceResourceID: workspace, useAADAuth: "true" } };
        }
        const dualStack = eff.ipFamilies.length > 1;
        const cluster = new containerservice.ManagedCluster(`${name}-aks`, {
            resourceGroupName: rgName,
            resourceName: design.clusterName,
            location,
            dnsPrefix: design.dnsPrefix,
            kubernetesVersion: design.kubernetesVersionSent,
            nodeResourceGroup: args.nodeResourceGroup,
            sku: { name: "Base", tier: design.skuTier },
            identity: { type: "UserAssigned", userAssignedIdentities: [identityId] },
            enableRBAC: true,
            aadProfile: {
                managed: true,
                enableAzureRBAC: design.entra.azureRbac,
                tenantID: args.entra?.tenantId,
                adminGroupObjectIDs: args.entra?.adminGroupObjectIds,
            },
            disableLocalAccounts: design.entra.disableLocalAccounts,
            apiServerAccessProfile: {
                authorizedIPRanges: design.apiServer.authorizedIpRanges.length > 0 ? design.apiServer.authorizedIpRanges : undefined,
                enablePrivateCluster: design.apiServer.privateCluster,
                disableRunCommand: design.apiServer.disableRunCommand,
            },
            // Every value that forces a replacement is explicit, from the validated effective plan.
            networkProfile: {
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
                    managedOutboundIPs: eff.outboundType === OutboundType.LoadBalancer
                        ? (dualStack ? { count: n.outboundIpCount, countIPv6: n.outboundIpv6Count } : { count: n.outboundIpCount })
                        : undefined,
                },
                natGatewayProfile: eff.outboundType === OutboundType.ManagedNatGateway
                    ? { managedOutboundIPProfile: { count: n.outboundIpCount } }
                    : undefined,
            },
            agentPoolProfiles: [{
                name: system.name,
                ...agentPoolProperties(system, systemEff, subnetId(system.subnet), system.podSubnet ? subnetId(system.podSubnet) : undefined),
            }],
            addonProfiles,
            // Explicit either way, so the add-on's state never shows as drift.
            ingressProfile: { webAppRouting: { enabled: args.appRouting ?? false } },
            oidcIssuerProfile: { enabled: true },
            securityProfile: {
                workloadIdentity: { enabled: true },
                imageCleaner: (args.imageCleaner ?? true)
                    ? { enabled: true, intervalHours: D.IMAGE_CLEANER_INTERVAL_HOURS }
                    : { enabled: false },
                defender: defender && workspace !== undefined
                    ? { logAnalyticsWorkspaceResourceId: workspace, securityMonitoring: { enabled: true } }
                    : undefined,
            },
            autoUpgradeProfile: {
                upgradeChannel: design.upgrades.channel,
                nodeOSUpgradeChannel: design.upgrades.nodeOsChannel,
            },
            windowsProfile: design.windows && windowsPassword
                ? { adminUsername: design.windows.adminUsername, adminPassword: windowsPassword }
                : undefined,
            tags,
        }, {
            parent: this,
            dependsOn: clusterDeps,
            protect: args.deletionProtection ?? true,
            ignoreChanges,
            additionalSecretOutputs: ["windowsProfile"],
            customTimeouts: D.CLUSTER_TIMEOUTS,
        });

        // 6. User pools, one at a time (AKS refuses concurrent pool operations), keyed by name.
        let previous: pulumi.Resource = cluster;
        const pools: containerservice.AgentPool[] = [];
        for (const p of design.userPools) {
            const pe = effPool(p);
            const pool = new containerservice.AgentPool(`${name}-pool-${p.name}`, {
                resourceGroupName: rgName,
                resourceName: design.clusterName,
                agentPoolName: p.name,
                ...agentPoolProperties(p, pe, subnetId(p.subnet), p.podSubnet ? subnetId(p.podSubnet) : undefined),
                tags,
            }, {
                parent: this,
                dependsOn: [previous],
                ignoreChanges: isAutoscaled(pe) ? ["count"] : [],
                customTimeouts: D.POOL_TIMEOUTS,
            });
            pools.push(pool);
            previous = pool;
        }

        // 7. Maintenance windows, after the pools.
        if (design.upgrades.channel !== UpgradeChannel.None) {
            new containerservice.MaintenanceConfiguration(`${name}-upgradeWindow`, {
                resourceGroupName: rgName,
                resourceName: design.clusterName,
                configName: "aksManagedAutoUpgradeSchedule",
                maintenanceWindow: maintenanceWindow(design.upgrades.upgradeWindow),
            }, { parent: this, dependsOn: [previous] });
        }
        if (design.upgrades.nodeOsChannel !== "None") {
            new containerservice.MaintenanceConfiguration(`${name}-nodeOsUpgradeWindow`, {
                resourceGroupName: rgName,
                resourceName: design.clusterName,
                configName: "aksManagedNodeOSUpgradeSchedule",
                maintenanceWindow: maintenanceWindow(design.upgrades.nodeOsUpgradeWindow),
            }, { parent: this, dependsOn: [previous] });
        }

        // 8. Outputs.
        this.clusterName = cluster.name;
        this.clusterId = cluster.id;
        this.nodeResourceGroup = cluster.nodeResourceGroup.apply((x) => x ?? "");
        this.oidcIssuerUrl = cluster.oidcIssuerProfile.apply((p) => p?.issuerURL ?? "");
        this.kubeletIdentity = cluster.identityProfile.apply((p) => {
            const k = p?.kubeletidentity;
            return { clientId: k?.clientId ?? "", objectId: k?.objectId ?? "", resourceId: k?.resourceId ?? "" };
        });
        // Plain, known names: the invoke runs during previews of an existing cluster, so the provider's
        // kubeconfig stays known and never forces a replacement of the Kubernetes resources.
        const creds = containerservice.listManagedClusterUserCredentialsOutput({
            resourceGroupName: design.resourceGroupName,
            resourceName: design.clusterName,
            format: "exec",
        }, { parent: this, dependsOn: [cluster] });
        const login = { mode: design.kubeloginMode, clientId: design.kubeloginClientId };
        this.kubeconfig = pulumi.secret(creds.kubeconfigs.apply((list) => {
            const first = list[0];
            if (!first) throw new pulumi.ResourceError(`AksCluster "${name}": AKS returned no user kubeconfig`, this);
            const text = Buffer.from(first.value, "base64").toString("utf8");
            return login.mode === KubeloginMode.DeviceCode ? text : toNonInteractiveKubeconfig(text, login);
        }));
        this.provider = new Provider(`${name}-k8s`, {
            kubeconfig: this.kubeconfig,
            clusterIdentifier: cluster.id,
            deleteUnreachable: true,
        }, { parent: this, dependsOn: [cluster, ...pools] });

        this.clusterFacts = clusterFacts(design, args.appRouting ?? false);

        setClusterContext(this, {
            componentName: name,
            design,
            cluster,
            resolved: gate.apply((g) => ({ plan: g.plan, pathRows: g.pathRows, subnetName: g.subnetName })),
            subnetId,
            location,
            tags,
            lastPool: previous,
            added: [],
        });

        this.registerOutputs({
            clusterName: this.clusterName,
            clusterId: this.clusterId,
            resourceGroupName: this.resourceGroupName,
            nodeResourceGroup: this.nodeResourceGroup,
            oidcIssuerUrl: this.oidcIssuerUrl,
            kubeletIdentity: this.kubeletIdentity,
            kubeconfig: this.kubeconfig,
            provider: this.provider,
            networkPlan: this.networkPlan,
            deployedNetworkPlan: this.deployedNetworkPlan,
            clusterFacts: this.clusterFacts,
            subnetIds: this.subnetIds,
            windowsAdminPassword: this.windowsAdminPassword,
        });
    }

    /** Read the subnet of your own, its VNet and peerings, and validate the plan against them. */
    private checkExistingNetwork(name: string, design: ClusterDesign) {
        const id = pulumi.output(design.network.nodeSubnetId as pulumi.Input<string>);
        const parts = id.apply((text) => {
            const p = parseSubnetId(text);
            if (!p) {
                const problem = subnetIdProblem(text);
                throw new pulumi.ResourceError(formatProblems(`invalid AksCluster "${name}" arguments; the cluster was not created`, [problem]), this, true);
            }
            return p;
        });
        // Invokes are made once the id is known to be a subnet id, so a bad id fails once, with the message above.
        const azure = parts.apply((p) => pulumi.all([
            network.getSubnetOutput(p, { parent: this }),
            network.getVirtualNetworkOutput({ resourceGroupName: p.resourceGroupName, virtualNetworkName: p.virtualNetworkName }, { parent: this }),
        ]));
        return pulumi.all([id, parts, azure]).apply(([subnetId, p, [s, v]]) => {
            const check = checkExistingNetwork(design, p.subnetName, s, v);
            logFindings(check.added, this);
            const errors = check.diagnostics.filter((d) => d.severity === "error");
            if (errors.length > 0) {
                throw new pulumi.ResourceError(formatProblems(
                    `AksCluster "${name}": the network in Azure (VNet "${v.name}", subnet "${p.subnetName}") doesn't fit the plan; the cluster was not created`,
                    errors,
                ), this, true);
            }
            return { report: check.report, plan: check.plan, pathRows: [...check.paths.rows()], subnetId, subnetName: p.subnetName };
        });
    }

    /** The Windows password: the user's secret (checked at deploy time when not plain) or a generated one. */
    private windowsPassword(name: string, design: ClusterDesign, args: AksClusterArgs): pulumi.Output<string> {
        const given = args.windows?.adminPassword;
        if (given === undefined) {
            const generated = new RandomPassword(`${name}-windowsAdminPassword`, {
                length: D.WINDOWS_PASSWORD_LENGTH,
                special: true,
                overrideSpecial: D.WINDOWS_PASSWORD_SPECIALS,
                minLower: 2,
                minUpper: 2,
                minNumeric: 2,
                minSpecial: 2,
            }, { parent: this });
            return pulumi.secret(generated.result);
        }
        if (typeof given === "string") return pulumi.secret(given);
        return pulumi.secret(pulumi.output(given).apply((pw) => {
            const problems = validateNetworkPlan({ windowsProfile: { adminUsername: design.windows?.adminUsername ?? D.DEFAULT_WINDOWS_ADMIN, adminPassword: pw } })
                .filter((d) => d.ruleId === "R51")
                .map((d) => design.paths.relocate(d));
            logFindings(problems, this);
            const errors = problems.filter((d) => d.severity === "error");
            if (errors.length > 0) {
                throw new pulumi.ResourceError(formatProblems(`invalid AksCluster "${name}" arguments; the cluster was not created`, errors), this, true);
            }
            return pw;
        }));
    }
}

/** Linux OS SKUs that are Azure Linux. */
const AZURE_LINUX_SKUS: readonly OsSku[] = [OsSku.AzureLinux];

/**
 * The cluster's facts for the Kubernetes builders. `linuxOsSku` is `AzureLinux` when any Linux pool
 * (System or user) runs Azure Linux: a Service may land on any Linux node, and the Service checks are
 * stricter there. `networkDataplane` is the effective plan's, so the checks judge Cilium as Cilium.
 * Pools added later by `NodePool` components are not part of these facts.
 */
export function clusterFacts(design: ClusterDesign, appRouting = false): ClusterFacts {
    const windowsPool = design.userPools.find((p) => p.osType === OsType.Windows);
    const taints = windowsPool ? windowsPool.taints : [D.WINDOWS_TAINT];
    const linuxPools = [design.systemPool, ...design.userPools].filter((p) => p.osType === OsType.Linux);
    return {
        ipFamilies: [...design.report.effective.ipFamilies],
        kubernetesVersion: design.kubernetesVersion,
        hasWindowsPools: design.windows !== null,
        linuxOsSku: linuxPools.some((p) => AZURE_LINUX_SKUS.includes(p.osSku)) ? "AzureLinux" : "Ubuntu",
        windowsTaints: taints.map((t) => (t.value === undefined ? { key: t.key, effect: t.effect } : { key: t.key, value: t.value, effect: t.effect })),
        networkDataplane: design.report.effective.networkDataplane,
        appRoutingEnabled: appRouting,
    };
}
