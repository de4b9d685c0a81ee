/**
 * `AksCluster`: an AKS cluster whose network is validated before anything deploys.
 *
 * Constructor order: design (the arguments' shape first, then defaults, plan, every finding in the
 * user's terms; ill-shaped parts are reported and left out so the other findings still appear) → throw
 * one error listing every problem, before any child exists → log warnings → resource group, identity,
 * VNet and subnets (or read your own network and validate it again at deploy time) → the ManagedCluster
 * with only the System pool inline → user pools one after another → maintenance windows → kubeconfig and
 * Kubernetes provider → the cluster's plain `core` → `registerOutputs`. Each step is a `createX`
 * function in `./cluster/`; the class only wires them together.
 *
 * @see ./clusterArgs.ts for the arguments.
 */
import * as pulumi from "@pulumi/pulumi";
import { Provider } from "@pulumi/kubernetes/provider";
import { ClusterFacts } from "../core/facts";
import { JsonValue } from "../core/json";
import { typeToken, withLegacyTypeAlias } from "../core/tokens";
import { createKubeconfig, createProvider, kubeletIdentityOf } from "./cluster/access";
import { createClusterBase } from "./cluster/base";
import { ClusterCore, coreOutput, KubeletIdentity, PlannedCore } from "./cluster/core";
import { reportFindings } from "./cluster/findings";
import { ClusterJoin } from "./cluster/join";
import { createManagedCluster } from "./cluster/managedCluster";
import { checkOwnNetwork, plannedNetwork } from "./cluster/ownNetwork";
import { createMaintenanceWindows, createUserPools } from "./cluster/userPools";
import { windowsPassword } from "./cluster/windows";
import { AksClusterArgs } from "./clusterArgs";
import * as D from "./defaults";
import { ClusterDesign, designCluster, planFromEffective } from "./design";
import { OsSku, OsType } from "./enums";

export { KubeletIdentity } from "./cluster/core";
export { logFindings } from "./cluster/findings";

/** The type token of `AksCluster` (part of every child's URN: never change it without an alias; see lib/core/tokens.ts). */
export const AKS_CLUSTER_TYPE = typeToken("AksCluster");

/**
 * The join point of each cluster for the `NodePool` components of its program. Kept beside the class,
 * not as a field: Pulumi's schema inference takes every field of a component (private ones too) for an
 * output, and the join is no value another language could read.
 */
const JOINS = new WeakMap<AksCluster, ClusterJoin>();

/** The design of a cluster, or one error listing every problem, before any child exists (warnings are logged). */
function validDesign(name: string, args: AksClusterArgs, parent: pulumi.Resource): ClusterDesign {
    const design = designCluster(name, args, { project: pulumi.getProject(), stack: pulumi.getStack() });
    reportFindings(`invalid AksCluster "${name}" arguments; nothing was created`, design.diagnostics, parent);
    return design;
}

/** The plain parts of a cluster's core, known at construction. */
function plannedCore(name: string, design: ClusterDesign, facts: ClusterFacts): PlannedCore {
    return {
        componentName: name,
        clusterName: design.clusterName,
        resourceGroupName: design.resourceGroupName,
        networkPlan: planFromEffective(design.report.effective),
        clusterFacts: facts,
        nodePoolNames: [design.systemPool, ...design.userPools].map((p) => p.name),
        warningsAsErrors: [...design.network.warningsAsErrors],
        pathRows: [...design.paths.rows()],
    };
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
     * comments. For a network of your own it lacks Azure's view (see `deployedNetworkPlan`). A
     * `NetworkPlanReport` (a JSON value in the multi-language schema: see lib/core/json.ts).
     */
    public readonly networkPlan: JsonValue;
    /**
     * The report checked against Azure's view of a network of your own (the same as `networkPlan` for a
     * created VNet). A `NetworkPlanReport`, like `networkPlan`.
     */
    public readonly deployedNetworkPlan: pulumi.Output<JsonValue>;
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
     * The cluster's core, plain data (names, ids, the network plan and facts, subnet ids, pool names):
     * export it and pass it as `NodePoolArgs.cluster` to add a pool from another stack or language.
     */
    public readonly core: pulumi.Output<ClusterCore>;

    /**
     * @param name the component's name; children are named `${name}-<role>` (their URNs), and Azure names
     * default to `${name}-${stack}-${hash}` (see `AksClusterArgs.clusterName`).
     * @param args the cluster's arguments; see `AksClusterArgs`.
     * @param opts resource options for the component.
     */
    constructor(name: string, args: AksClusterArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(AKS_CLUSTER_TYPE, name, {}, withLegacyTypeAlias(opts, AKS_CLUSTER_TYPE));
        const design = validDesign(name, args, this);
        this.networkPlan = design.report;
        this.resourceGroupName = design.resourceGroupName;
        const gate = design.network.mode === "existing" ? checkOwnNetwork(name, design, this) : plannedNetwork(design);
        this.deployedNetworkPlan = gate.apply((g) => g.report);

        const base = createClusterBase(name, design, args, gate, this);
        this.subnetIds = base.subnetIds;
        this.windowsAdminPassword = design.windows ? windowsPassword(name, design, args, this) : undefined;
        const cluster = createManagedCluster(name, design, args, base, this.windowsAdminPassword, this);
        const pools = createUserPools(name, design, args, base, cluster, this);
        createMaintenanceWindows(name, design, base.resourceGroupName, pools.last, this);

        this.clusterName = cluster.name;
        this.clusterId = cluster.id;
        this.nodeResourceGroup = cluster.nodeResourceGroup.apply((x) => x ?? "");
        this.oidcIssuerUrl = cluster.oidcIssuerProfile.apply((p) => p?.issuerURL ?? "");
        this.kubeletIdentity = kubeletIdentityOf(cluster);
        this.kubeconfig = createKubeconfig(name, design, cluster, this);
        this.provider = createProvider(name, this.kubeconfig, cluster, pools.pools, this);
        this.clusterFacts = clusterFacts(design, args.appRouting ?? false);

        const planned = plannedCore(name, design, this.clusterFacts);
        const join = new ClusterJoin({
            planned,
            ownNetwork: design.network.mode === "existing",
            gate,
            subnetId: base.subnetId,
            tags: args.tags,
            lastPool: pools.last,
        });
        JOINS.set(this, join);
        this.core = coreOutput(planned, {
            clusterId: cluster.id,
            location: cluster.location,
            subnetIds: this.subnetIds,
            network: gate.apply((g) => ({ plan: planFromEffective(g.report.effective), pathRows: g.pathRows, subnetName: g.subnetName })),
            tags: args.tags,
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
            core: this.core,
        });
    }

    /**
     * How `NodePool` components of this program join the cluster: the cluster as planned, and the
     * pools joined so far (each new pool waits for the last). Pools of other stacks join through `core`.
     */
    public nodePoolJoin(): ClusterJoin {
        return JOINS.get(this) as ClusterJoin;
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
        windowsTaints: taints.map((t) =>
            t.value === undefined ? { key: t.key, effect: t.effect } : { key: t.key, value: t.value, effect: t.effect },
        ),
        networkDataplane: design.report.effective.networkDataplane,
        appRoutingEnabled: appRouting,
    };
}
