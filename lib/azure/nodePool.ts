/**
 * `NodePool`: a pool added to an `AksCluster`, validated against that cluster's network plan (the
 * planner runs again on the cluster's effective plan plus this pool, so pod CIDR and subnet capacity,
 * names and Windows rules all count the new pool). The cluster is an `AksCluster` of the same program
 * (the pool is created after the cluster's last pool) or the cluster's plain core (`AksCluster.core`),
 * e.g. read from another stack. The arguments' shape is checked first (A22), like `AksCluster`'s.
 *
 * @see ./pool/create.ts for the three ways a pool joins.
 */
import * as pulumi from "@pulumi/pulumi";
import { typeToken, withLegacyTypeAlias } from "../core/tokens";
import { JsonValue } from "../core/json";
import { AksCluster } from "./aksCluster";
import { checkClusterCore, ClusterCore, looksLikeCore } from "./cluster/core";
import { throwErrors } from "./cluster/findings";
import { NODE_POOL_SPEC_SHAPE, NodePoolSpec } from "./nodePoolArgs";
import { CreatedPool, joinCluster, joinCoreOutput, joinPlainCore, PoolRequest } from "./pool/create";
import { checkShape, isOutput, ObjectShape, req, S } from "./shape";

export { nodePoolPaths } from "./pool/plan";

/** The type token of `NodePool` (see lib/core/tokens.ts). */
export const NODE_POOL_TYPE = typeToken("NodePool");

/** The arguments of a `NodePool`. */
export interface NodePoolArgs {
    /**
     * The cluster to add the pool to: an `AksCluster` of the same program, or the core of a cluster
     * (`AksCluster.core`), plain or as an Output, e.g. read from another stack with a `StackReference`.
     */
    cluster: AksCluster | pulumi.Input<ClusterCore>;
    /** The pool. Messages name its fields `pool.<field>`. */
    pool: NodePoolSpec;
}

const isPromise = (v: unknown): boolean => typeof v === "object" && v !== null && typeof (v as { then?: unknown }).then === "function";

/** The shape of `NodePoolArgs`: checked first by `NodePool` (rule A22; the pool's paths read `pool.<field>`). */
export const NODE_POOL_ARGS_SHAPE: ObjectShape<NodePoolArgs> = S.object<NodePoolArgs>(
    "NodePoolArgs",
    `{ cluster, pool: { name: "gpu" } }`,
    {
        cluster: req(
            S.opaque<AksCluster | pulumi.Input<ClusterCore>>(
                "AksCluster | pulumi.Input<ClusterCore>",
                "an AksCluster created in this program",
                "pass the AksCluster object the pool joins, or its core (AksCluster.core, e.g. read from another stack with a StackReference)",
                (v) => v instanceof AksCluster || isOutput(v) || isPromise(v) || looksLikeCore(v),
            ),
        ),
        pool: req(NODE_POOL_SPEC_SHAPE),
    },
);

/** The AksCluster component's name, for messages, when the cluster given names one. */
function componentNameOf(cluster: unknown): string | undefined {
    if (cluster instanceof AksCluster) return cluster.nodePoolJoin().parts.planned.componentName;
    const name = looksLikeCore(cluster) ? (cluster as { componentName?: unknown }).componentName : undefined;
    return typeof name === "string" ? name : undefined;
}

/** The arguments checked (every shape problem at once), or one error listing them when there is nothing to design. */
function readArgs(name: string, args: NodePoolArgs, parent: pulumi.Resource): { request: PoolRequest; cluster: NodePoolArgs["cluster"] } {
    const shape = checkShape(args, NODE_POOL_ARGS_SHAPE, false);
    const given = (args as { cluster?: unknown } | null | undefined)?.cluster;
    const core = looksLikeCore(given) ? checkClusterCore(given) : undefined;
    if (!shape.value || (core && !core.value)) {
        // Without a cluster, or a pool with a name, there is nothing to design.
        const forCluster = componentNameOf(given) === undefined ? "" : ` for AksCluster "${componentNameOf(given)}"`;
        throwErrors(
            `invalid NodePool "${name}" arguments${forCluster}; nothing was created`,
            [...shape.problems, ...(core?.problems ?? [])],
            parent,
        );
    }
    const clean = shape.value as NodePoolArgs;
    const request: PoolRequest = { name, spec: clean.pool, shape, coreProblems: core?.problems ?? [], parent };
    return { request, cluster: core?.value ?? clean.cluster };
}

/**
 * A Linux or Windows pool added to an `AksCluster` after the fact (e.g. by another team's code, or from
 * another stack through the cluster's `core`). Pools known when the cluster is written belong in
 * `AksClusterArgs.nodePools`, where the whole plan is validated at once.
 *
 * A Windows pool needs a cluster created with Windows support (`windows.enableWindowsPools`).
 * Kubernetes workloads meant for this pool should `dependsOn` this component (the cluster's provider
 * only waits for the cluster's own pools). Pools joining an `AksCluster` of the same program are
 * created one after another; pools joining through a core wait for nothing: chain them with `dependsOn`.
 *
 * @example
 * new NodePool("gpu", { cluster, pool: { name: "gpu", vmSize: "Standard_NC6s_v3", taints: [{ key: "sku", value: "gpu", effect: TaintEffect.NoSchedule }] } });
 * // From another stack:
 * new NodePool("batch", { cluster: new pulumi.StackReference("org/aks/prod").requireOutput("core"), pool: { name: "batch" } });
 */
export class NodePool extends pulumi.ComponentResource {
    /** The pool's name in AKS. */
    public readonly poolName: string;
    /** The agent pool's resource id. */
    public readonly agentPoolId: pulumi.Output<string>;
    /**
     * The cluster's network plan report with this pool added (plain; undefined when the cluster is an
     * Output of a core). A `NetworkPlanReport` (a JSON value in the multi-language schema: see
     * lib/core/json.ts).
     */
    public readonly networkPlan: JsonValue | undefined;
    /** The cluster's network plan report with this pool added, as deployed (with Azure's view of a network of your own). A `NetworkPlanReport`. */
    public readonly deployedNetworkPlan: pulumi.Output<JsonValue>;

    /**
     * @param name the component's name; its agent pool is `${name}-agentPool`.
     * @param args the cluster and the pool.
     * @param opts resource options for the component.
     */
    constructor(name: string, args: NodePoolArgs, opts?: pulumi.ComponentResourceOptions) {
        super(NODE_POOL_TYPE, name, {}, withLegacyTypeAlias(opts, NODE_POOL_TYPE));
        // The shape first (arguments may come from JavaScript or YAML): every problem at once.
        const { request, cluster } = readArgs(name, args, this);
        let created: CreatedPool;
        if (cluster instanceof AksCluster) created = joinCluster(request, cluster.nodePoolJoin());
        else if (isOutput(cluster) || isPromise(cluster)) created = joinCoreOutput(request, cluster);
        else created = joinPlainCore(request, cluster as ClusterCore);
        this.poolName = created.poolName;
        this.agentPoolId = created.agentPool.id;
        this.networkPlan = created.networkPlan;
        this.deployedNetworkPlan = created.deployedNetworkPlan;
        this.registerOutputs({
            poolName: this.poolName,
            agentPoolId: this.agentPoolId,
            networkPlan: this.networkPlan,
            deployedNetworkPlan: this.deployedNetworkPlan,
        });
    }
}
