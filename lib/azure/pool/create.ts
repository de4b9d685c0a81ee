/**
 * The `AgentPool` of a `NodePool`, three ways: joining an `AksCluster` of the same program (validated
 * now, checked again against Azure's view of a network of your own, after the cluster's last pool),
 * joining a plain core (validated now) or an Output of a core (validated once the core is known, which
 * for a `StackReference` output is during previews too). A core has no pool to wait for: pools joining
 * the same cluster through its core should `dependsOn` each other (AKS refuses concurrent pool operations).
 */
import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { Diagnostic, NetworkPlanReport } from "../../network/types";
import { ClusterCore, checkClusterCore } from "../cluster/core";
import { reportFindings, throwErrors } from "../cluster/findings";
import { ClusterJoin } from "../cluster/join";
import * as D from "../defaults";
import { planPool, PoolDesign, sortDiagnostics } from "../design";
import { NodePoolSpec } from "../nodePoolArgs";
import { agentPoolProperties, AgentPoolProperties, isAutoscaled } from "../pools";
import { ShapeCheck, withShapeProblems } from "../shape";
import { designJoiningPool, planOnCluster, PoolOnCluster, PoolTarget } from "./plan";

/** A pool to create: the component's name, the checked pool and its shape problems. */
export interface PoolRequest {
    /** The `NodePool` component's name. */
    name: string;
    /** The pool, with ill-shaped parts left out. */
    spec: NodePoolSpec;
    /** The arguments' shape check (problems and renumbering of the pool's paths). */
    shape: ShapeCheck<unknown>;
    /** Shape problems of a core given as the cluster. */
    coreProblems: Diagnostic[];
    /** The component. */
    parent: pulumi.Resource;
}

/** What a `NodePool` created. */
export interface CreatedPool {
    /** The pool's name in AKS. */
    poolName: string;
    /** The agent pool. */
    agentPool: containerservice.AgentPool;
    /** The cluster's report with the pool, when known at construction. */
    networkPlan: NetworkPlanReport | undefined;
    /** The cluster's report with the pool, as deployed. */
    deployedNetworkPlan: pulumi.Output<NetworkPlanReport>;
}

/** The inputs of a joined `AgentPool`. */
type AgentPoolInputs = AgentPoolProperties & {
    resourceGroupName: pulumi.Input<string>;
    resourceName: pulumi.Input<string>;
    agentPoolName: string;
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
};

/** Every input key of a joined pool (the compiler refuses a missing or unknown key). */
const INPUT_KEYS: { [K in keyof Required<AgentPoolInputs>]: true } = {
    resourceGroupName: true,
    resourceName: true,
    agentPoolName: true,
    mode: true,
    osType: true,
    osSKU: true,
    vmSize: true,
    count: true,
    enableAutoScaling: true,
    minCount: true,
    maxCount: true,
    maxPods: true,
    availabilityZones: true,
    nodeLabels: true,
    nodeTaints: true,
    upgradeSettings: true,
    type: true,
    enableNodePublicIP: true,
    osDiskType: true,
    osDiskSizeGB: true,
    enableEncryptionAtHost: true,
    enableFIPS: true,
    vnetSubnetID: true,
    podSubnetID: true,
    tags: true,
};

function title(name: string, componentName: string | undefined, when = "nothing was created"): string {
    return `invalid NodePool "${name}" arguments${componentName === undefined ? "" : ` for AksCluster "${componentName}"`}; ${when}`;
}

/** The pool designed and planned against a target; every problem of the pool, in the user's terms, sorted. */
function planRequest(req: PoolRequest, target: PoolTarget): { pool: PoolDesign; verdict: PoolOnCluster; diagnostics: Diagnostic[] } {
    const { pool, findings } = designJoiningPool(target, req.spec);
    const verdict = planOnCluster(target, pool);
    const diagnostics = sortDiagnostics(withShapeProblems(req.shape, [...req.coreProblems, ...findings, ...verdict.added]));
    return { pool, verdict, diagnostics };
}

function agentPoolOptions(req: PoolRequest, autoscaled: boolean, dependsOn?: pulumi.Resource): pulumi.CustomResourceOptions {
    const opts: pulumi.CustomResourceOptions = {
        parent: req.parent,
        ignoreChanges: autoscaled ? ["count"] : [],
        customTimeouts: D.POOL_TIMEOUTS,
    };
    if (dependsOn) opts.dependsOn = [dependsOn];
    return opts;
}

/**
 * Join an `AksCluster` of the same program: validated now against the cluster as planned, and again
 * against Azure's view of a network of your own; created after the cluster's last pool.
 */
export function joinCluster(req: PoolRequest, join: ClusterJoin): CreatedPool {
    const { parts } = join;
    const target = join.target();
    const { pool, verdict, diagnostics } = planRequest(req, target);
    reportFindings(title(req.name, parts.planned.componentName), diagnostics, req.parent);
    const checked = parts.ownNetwork
        ? pulumi.all([join.deployedTarget(), parts.subnetId(undefined) as pulumi.Input<string>]).apply(([deployed, subnetId]) => {
              const late = planOnCluster(deployed, pool);
              throwErrors(
                  `NodePool "${req.name}": the pool doesn't fit AksCluster "${parts.planned.componentName}"'s network in Azure; the pool was not created`,
                  late.added,
                  req.parent,
              );
              return { subnetId, report: late.report };
          })
        : undefined;
    const agentPool = new containerservice.AgentPool(
        `${req.name}-agentPool`,
        {
            resourceGroupName: parts.planned.resourceGroupName,
            resourceName: parts.planned.clusterName,
            agentPoolName: pool.name,
            ...agentPoolProperties(
                pool,
                verdict.effective,
                checked ? checked.apply((c) => c.subnetId) : parts.subnetId(pool.subnet),
                pool.podSubnet ? parts.subnetId(pool.podSubnet) : undefined,
            ),
            tags: parts.tags,
        },
        agentPoolOptions(req, isAutoscaled(verdict.effective), join.lastPool()),
    );
    join.joined(req.name, planPool(pool), agentPool);
    return {
        poolName: pool.name,
        agentPool,
        networkPlan: verdict.report,
        deployedNetworkPlan: checked ? checked.apply((c) => c.report) : pulumi.output(verdict.report),
    };
}

/** What a pool is planned against, from a core. */
export function coreTarget(core: ClusterCore): PoolTarget {
    return {
        networkPlan: core.networkPlan,
        kubernetesVersion: core.clusterFacts.kubernetesVersion,
        pathRows: core.pathRows,
        warningsAsErrors: core.warningsAsErrors,
        ownNetwork: core.ownSubnetName !== undefined,
        ownSubnetName: core.ownSubnetName,
        earlier: [],
    };
}

/** The inputs of a pool joining through a core. */
function coreInputs(core: ClusterCore, pool: PoolDesign, verdict: PoolOnCluster): AgentPoolInputs {
    const subnetId = (name: string | undefined): string | undefined =>
        core.subnetIds[name ?? core.ownSubnetName ?? core.networkPlan.nodeSubnets?.[0]?.name ?? ""];
    const inputs: AgentPoolInputs = {
        resourceGroupName: core.resourceGroupName,
        resourceName: core.clusterName,
        agentPoolName: pool.name,
        ...agentPoolProperties(pool, verdict.effective, subnetId(pool.subnet), pool.podSubnet ? subnetId(pool.podSubnet) : undefined),
    };
    if (core.tags !== undefined) inputs.tags = core.tags;
    return inputs;
}

/** Join through a plain core: validated now, created without waiting for any pool. */
export function joinPlainCore(req: PoolRequest, core: ClusterCore): CreatedPool {
    const { pool, verdict, diagnostics } = planRequest(req, coreTarget(core));
    reportFindings(title(req.name, core.componentName), diagnostics, req.parent);
    const agentPool = new containerservice.AgentPool(
        `${req.name}-agentPool`,
        coreInputs(core, pool, verdict),
        agentPoolOptions(req, isAutoscaled(verdict.effective)),
    );
    return { poolName: pool.name, agentPool, networkPlan: verdict.report, deployedNetworkPlan: pulumi.output(verdict.report) };
}

/** Join through an Output (or Promise) of a core: checked and validated once the core is known. */
export function joinCoreOutput(req: PoolRequest, given: pulumi.Input<ClusterCore>): CreatedPool {
    // Shape problems of the pool are known now: fail now, with all of them.
    throwErrors(title(req.name, undefined), req.shape.problems, req.parent);
    const planned = pulumi.output(given).apply((value) => {
        const check = checkClusterCore(value);
        const core = check.value;
        const named = (value as { componentName?: unknown } | undefined)?.componentName;
        throwErrors(title(req.name, typeof named === "string" ? named : undefined, "the pool was not created"), check.problems, req.parent);
        const result = planRequest(req, coreTarget(core as ClusterCore));
        reportFindings(title(req.name, (core as ClusterCore).componentName, "the pool was not created"), result.diagnostics, req.parent);
        return { inputs: coreInputs(core as ClusterCore, result.pool, result.verdict), report: result.verdict.report };
    });
    const inputs = Object.fromEntries(Object.keys(INPUT_KEYS).map((k) => [k, planned.apply((p) => p.inputs[k as keyof AgentPoolInputs])]));
    const agentPool = new containerservice.AgentPool(
        `${req.name}-agentPool`,
        inputs as unknown as containerservice.AgentPoolArgs,
        agentPoolOptions(req, req.spec.maxCount !== undefined),
    );
    return { poolName: req.spec.name, agentPool, networkPlan: undefined, deployedNetworkPlan: planned.apply((p) => p.report) };
}
