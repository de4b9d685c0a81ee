/**
 * `NodePool`: a pool added to an existing `AksCluster` of the same program, validated against that
 * cluster's network plan (the planner runs again on the cluster's effective plan plus this pool, so
 * pod CIDR and subnet capacity, names and Windows rules all count the new pool) and created after the
 * cluster's last pool. The arguments' shape is checked first (A22), like `AksCluster`'s.
 */
import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { diagnostic } from "../core/diagnostic";
import { at, t, Text } from "../core/text";
import { describeNetworkPlan } from "../network/report";
import { Diagnostic, EffectiveNodePool, NetworkPlan, NetworkPlanReport } from "../network/types";
import { AksCluster, logFindings } from "./aksCluster";
import { ClusterContext, getClusterContext } from "./clusterContext";
import * as D from "./defaults";
import { designPool, escalate, Findings, formatProblems, planFromEffective, planPool, sortDiagnostics } from "./design";
import { NODE_POOL_SPEC_SHAPE, NodePoolSpec } from "./nodePoolArgs";
import { PathEntry, PathTable } from "./paths";
import { agentPoolProperties, isAutoscaled } from "./pools";
import { checkShape, ObjectShape, req, S, withShapeProblems } from "./shape";

/** The type token of `NodePool`. */
export const NODE_POOL_TYPE = "aks-network:index:NodePool";

/** The arguments of a `NodePool`. */
export interface NodePoolArgs {
    /** The cluster to add the pool to (an `AksCluster` of the same program). */
    cluster: AksCluster;
    /** The pool. Messages name its fields `pool.<field>`. */
    pool: NodePoolSpec;
}

/** The shape of `NodePoolArgs`: checked first by `NodePool` (rule A22; the pool's paths read `pool.<field>`). */
export const NODE_POOL_ARGS_SHAPE: ObjectShape<NodePoolArgs> = S.object<NodePoolArgs>("NodePoolArgs", `{ cluster, pool: { name: "gpu" } }`, {
    cluster: req(S.opaque<AksCluster>(
        "AksCluster",
        "an AksCluster created in this program",
        "pass the AksCluster object the pool joins",
        (v) => typeof v === "object" && v !== null && getClusterContext(v) !== undefined,
    )),
    pool: req(NODE_POOL_SPEC_SHAPE),
});

const key = (d: Diagnostic) => `${d.ruleId}|${d.path}`;

/**
 * The findings the new pool brings: those of `withPool` the base plan doesn't have. The cluster's
 * `warningsAsErrors` apply, and a Windows pool on a cluster created without `windowsProfile` (R56)
 * fails: AKS only accepts the profile at cluster creation, so the pool could never work.
 */
function newFindings(base: NetworkPlan, withPool: NetworkPlan, warningsAsErrors: readonly string[]): { report: NetworkPlanReport; added: Diagnostic[] } {
    const before = new Set(describeNetworkPlan(base).diagnostics.map(key));
    const report = describeNetworkPlan(withPool);
    const escalated = escalate(
        escalate(report.diagnostics, warningsAsErrors, "a warning made an error by the cluster's network.warningsAsErrors"),
        ["R56"],
        "a pool can't bring Windows support to an existing cluster",
    );
    return { report, added: escalated.filter((d) => !before.has(key(d))) };
}

/**
 * A Linux or Windows pool added to an `AksCluster` after the fact (e.g. by another team's code). Pools
 * known when the cluster is written belong in `AksClusterArgs.nodePools`, where the whole plan is
 * validated at once.
 *
 * A Windows pool needs a cluster created with Windows support (`windows.enableWindowsPools`).
 * Kubernetes workloads meant for this pool should `dependsOn` this component (the cluster's provider
 * only waits for the cluster's own pools).
 *
 * @example
 * new NodePool("gpu", { cluster, pool: { name: "gpu", vmSize: "Standard_NC6s_v3", taints: [{ key: "sku", value: "gpu", effect: TaintEffect.NoSchedule }] } });
 */
export class NodePool extends pulumi.ComponentResource {
    /** The pool's name in AKS. */
    public readonly poolName: string;
    /** The agent pool's resource id. */
    public readonly agentPoolId: pulumi.Output<string>;
    /** The cluster's network plan report with this pool added (plain). */
    public readonly networkPlan: NetworkPlanReport;

    /**
     * @param name the component's name; its agent pool is `${name}-agentPool`.
     * @param args the cluster and the pool.
     * @param opts resource options for the component.
     */
    constructor(name: string, args: NodePoolArgs, opts?: pulumi.ComponentResourceOptions) {
        super(NODE_POOL_TYPE, name, {}, opts);
        // The shape first (arguments may come from JavaScript or YAML): every problem at once.
        const shape = checkShape(args, NODE_POOL_ARGS_SHAPE, false);
        const clean = shape.value;
        const given = (args as { cluster?: unknown } | null | undefined)?.cluster;
        const clusterCtx = typeof given === "object" && given !== null ? getClusterContext(given) : undefined;
        const forCluster = clusterCtx ? ` for AksCluster "${clusterCtx.componentName}"` : "";
        if (!clean) {
            // Without a cluster, or a pool with a name, there is nothing to design.
            throw new pulumi.ResourceError(formatProblems(`invalid NodePool "${name}" arguments${forCluster}; nothing was created`, shape.problems), this, true);
        }
        const ctx = getClusterContext(clean.cluster) as ClusterContext;
        const cd = ctx.design;
        const f = new Findings();
        const pool = designPool(clean.pool, "User", ["pool"], cd.kubernetesVersion, f);
        if (cd.network.mode === "existing") {
            for (const k of ["subnet", "podSubnet"] as const) {
                if (pool[k] !== undefined) {
                    f.error("A6", ["pool", k], t`${at("pool", k)} ${JSON.stringify(pool[k])} names a subnet, but the cluster uses ${at("cluster", "network", "nodeSubnetId")} for every pool: remove ${k}`);
                }
            }
        }

        // The cluster's effective plan (every default explicit) plus earlier added pools, then this pool.
        const earlier = [...ctx.added];
        const base = planFromEffective(clean.cluster.networkPlan.effective);
        base.nodePools = [...(base.nodePools ?? []), ...earlier.map((a) => a.plan)];
        const index = base.nodePools.length;
        const withPool: NetworkPlan = { ...base, nodePools: [...base.nodePools, planPool(pool)] };
        const paths = nodePoolPaths(new PathTable([...cd.paths.rows()]), index, earlier.map((a) => a.owner));
        const { report, added } = newFindings(base, withPool, cd.network.warningsAsErrors);
        const diagnostics = sortDiagnostics(withShapeProblems(shape, [...f.list, ...added.map((d) => hint(paths.relocate(d)))]));
        logFindings(diagnostics, this);
        const errors = diagnostics.filter((d) => d.severity === "error");
        if (errors.length > 0) {
            throw new pulumi.ResourceError(formatProblems(`invalid NodePool "${name}" arguments for AksCluster "${ctx.componentName}"; nothing was created`, errors), this, true);
        }
        this.networkPlan = { ...report, diagnostics: report.diagnostics.map((d) => paths.relocate(d)) };
        this.poolName = pool.name;
        const eff = report.effective.nodePools[index] as EffectiveNodePool;

        // A network of your own: check again with Azure's view once the cluster has read it.
        const checkedSubnet: pulumi.Input<string> | undefined = cd.network.mode === "existing"
            ? pulumi.all([ctx.resolved, ctx.subnetId(undefined) as pulumi.Input<string>]).apply(([r, subnetId]) => {
                const resolvedBase: NetworkPlan = { ...r.plan, nodePools: [...(r.plan.nodePools ?? []), ...earlier.map((a) => ({ ...a.plan, subnet: r.subnetName }))] };
                const i = resolvedBase.nodePools?.length ?? 0;
                const resolvedWith: NetworkPlan = { ...resolvedBase, nodePools: [...(resolvedBase.nodePools ?? []), { ...planPool(pool), subnet: r.subnetName }] };
                const p = nodePoolPaths(new PathTable(r.pathRows), i, earlier.map((a) => a.owner));
                const late = newFindings(resolvedBase, resolvedWith, cd.network.warningsAsErrors).added.map((d) => hint(p.relocate(d)));
                const lateErrors = late.filter((d) => d.severity === "error");
                if (lateErrors.length > 0) {
                    throw new pulumi.ResourceError(formatProblems(`NodePool "${name}": the pool doesn't fit AksCluster "${ctx.componentName}"'s network in Azure; the pool was not created`, lateErrors), this, true);
                }
                return subnetId;
            })
            : ctx.subnetId(pool.subnet);

        const agentPool = new containerservice.AgentPool(`${name}-agentPool`, {
            resourceGroupName: cd.resourceGroupName,
            resourceName: cd.clusterName,
            agentPoolName: pool.name,
            ...agentPoolProperties(pool, eff, checkedSubnet, pool.podSubnet ? ctx.subnetId(pool.podSubnet) : undefined),
            tags: ctx.tags,
        }, {
            parent: this,
            dependsOn: [ctx.lastPool],
            ignoreChanges: isAutoscaled(eff) ? ["count"] : [],
            customTimeouts: D.POOL_TIMEOUTS,
        });
        ctx.lastPool = agentPool;
        ctx.added.push({ owner: name, plan: planPool(pool) });
        this.agentPoolId = agentPool.id;
        this.registerOutputs({ poolName: this.poolName, agentPoolId: this.agentPoolId, networkPlan: this.networkPlan });
    }
}

/** The cluster's table seen from a `NodePool`: the cluster's paths under `cluster.`, the new pool as `pool`. */
export function nodePoolPaths(cluster: PathTable, index: number, addedOwners: string[]): PathTable {
    const rows: PathEntry[] = [{ from: ["nodePools", index], to: ["pool"] }];
    addedOwners.forEach((owner, i) => rows.push({ from: ["nodePools", index - addedOwners.length + i], to: ["pool"], whole: true, inMessage: `NodePool "${owner}" pool`, label: `NodePool "${owner}" pool` }));
    return cluster.prefixed(["cluster"]).with(rows);
}

/** A Windows pool on a cluster without Windows support says how to get it. */
function hint(d: Diagnostic): Diagnostic {
    if (d.ruleId !== "R56" || d.severity !== "error") return d;
    const message = t`${new Text(d.template)}; the cluster was created without Windows support, which AKS can't add later: create the cluster with ${at("cluster", "windows", "enableWindowsPools")} true`;
    return diagnostic(d.severity, d.ruleId, d.segments, message, d.azureErrorCode, { note: d.note, label: d.label });
}
