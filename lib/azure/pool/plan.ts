/**
 * A pool joining a cluster, planned: the pool's defaults and own rules, then the planner run again on
 * the cluster's plan plus earlier joined pools plus this pool, so pod CIDR and subnet capacity, names
 * and Windows rules all count the new pool. Only the findings the pool brings are reported, in the
 * user's terms (`pool.<field>`, `cluster.<path>`). Pure: no Pulumi runtime imports.
 */
import { diagnostic, PathMap, PathRow, Sink } from "../../core/diagnostic";
import { at, t, Text } from "../../core/text";
import { describeNetworkPlan } from "../../network/report";
import { Diagnostic, EffectiveNodePool, NetworkPlan, NetworkPlanReport, NodePoolPlan } from "../../network/types";
import { designPool, escalate, planPool, PoolDesign } from "../design";
import { NodePoolSpec } from "../nodePoolArgs";

/** A pool added to a cluster by a `NodePool` component. */
export interface AddedPool {
    /** The `NodePool` component's name. */
    owner: string;
    /** The pool in the planner's terms. */
    plan: NodePoolPlan;
}

/** What a pool is planned against (plain). */
export interface PoolTarget {
    /** The cluster's plan as the planner reads it. */
    networkPlan: NetworkPlan;
    /** The cluster's Kubernetes version (it picks a Windows pool's default OS SKU). */
    kubernetesVersion: string;
    /** The rows of the cluster's path table. */
    pathRows: readonly PathRow[];
    /** Plan warnings that fail. */
    warningsAsErrors: readonly string[];
    /** True on a subnet of your own, where pools name no subnet. */
    ownNetwork: boolean;
    /** The subnet every pool uses on a network of your own, once read from Azure. @default - not read yet */
    ownSubnetName?: string;
    /** Pools joined before this one, in order. */
    earlier: readonly AddedPool[];
}

/** The planner's verdict on a joining pool. */
export interface PoolOnCluster {
    /** The report of the cluster's plan with the pool, in the user's terms. */
    report: NetworkPlanReport;
    /** The pool's effective entry. */
    effective: EffectiveNodePool;
    /** The findings the pool brings, in the user's terms. */
    added: Diagnostic[];
}

const key = (d: Diagnostic) => `${d.ruleId}|${d.path}`;

/** The cluster's table seen from a `NodePool`: the cluster's paths under `cluster.`, the new pool as `pool`. */
export function nodePoolPaths(cluster: PathMap, index: number, addedOwners: string[]): PathMap {
    const rows: PathRow[] = [{ from: ["nodePools", index], to: ["pool"] }];
    addedOwners.forEach((owner, i) =>
        rows.push({
            from: ["nodePools", index - addedOwners.length + i],
            to: ["pool"],
            whole: true,
            inMessage: `NodePool "${owner}" pool`,
            label: `NodePool "${owner}" pool`,
        }),
    );
    return cluster.prefixed(["cluster"]).with(rows);
}

/** A Windows pool on a cluster without Windows support says how to get it. */
function hint(d: Diagnostic): Diagnostic {
    if (d.ruleId !== "R56" || d.severity !== "error") return d;
    const message = t`${new Text(d.template)}; the cluster was created without Windows support, which AKS can't add later: create the cluster with ${at("cluster", "windows", "enableWindowsPools")} true`;
    return diagnostic(d.severity, d.ruleId, d.segments, message, d.azureErrorCode, { note: d.note, label: d.label });
}

/**
 * The findings the new pool brings: those of `withPool` the base plan doesn't have. The cluster's
 * `warningsAsErrors` apply, and a Windows pool on a cluster created without `windowsProfile` (R56)
 * fails: AKS only accepts the profile at cluster creation, so the pool could never work.
 */
function newFindings(
    base: NetworkPlan,
    withPool: NetworkPlan,
    warningsAsErrors: readonly string[],
): { report: NetworkPlanReport; added: Diagnostic[] } {
    const before = new Set(describeNetworkPlan(base).diagnostics.map(key));
    const report = describeNetworkPlan(withPool);
    const escalated = escalate(
        escalate(report.diagnostics, warningsAsErrors, "a warning made an error by the cluster's network.warningsAsErrors"),
        ["R56"],
        "a pool can't bring Windows support to an existing cluster",
    );
    return { report, added: escalated.filter((d) => !before.has(key(d))) };
}

/** The pool with its defaults, and its own findings (`pool.<field>`). */
export function designJoiningPool(target: PoolTarget, spec: NodePoolSpec): { pool: PoolDesign; findings: Diagnostic[] } {
    const f = new Sink();
    const pool = designPool(spec, "User", ["pool"], target.kubernetesVersion, f);
    if (target.ownNetwork) {
        for (const k of ["subnet", "podSubnet"] as const) {
            if (pool[k] !== undefined) {
                f.error(
                    "A6",
                    ["pool", k],
                    t`${at("pool", k)} ${JSON.stringify(pool[k])} names a subnet, but the cluster uses ${at("cluster", "network", "nodeSubnetId")} for every pool: remove ${k}`,
                );
            }
        }
    }
    return { pool, findings: f.diagnostics };
}

/** The cluster's plan with the earlier pools and this one, judged by the planner. */
export function planOnCluster(target: PoolTarget, pool: PoolDesign): PoolOnCluster {
    const onSubnet = (p: NodePoolPlan): NodePoolPlan => (target.ownSubnetName === undefined ? p : { ...p, subnet: target.ownSubnetName });
    const nodePools = [...(target.networkPlan.nodePools ?? []), ...target.earlier.map((a) => onSubnet(a.plan))];
    const base: NetworkPlan = { ...target.networkPlan, nodePools };
    const index = nodePools.length;
    const withPool: NetworkPlan = { ...base, nodePools: [...nodePools, onSubnet(planPool(pool))] };
    const paths = nodePoolPaths(
        new PathMap([...target.pathRows]),
        index,
        target.earlier.map((a) => a.owner),
    );
    const { report, added } = newFindings(base, withPool, target.warningsAsErrors);
    return {
        report: { ...report, diagnostics: report.diagnostics.map((d) => paths.relocate(d)) },
        effective: report.effective.nodePools[index] as EffectiveNodePool,
        added: added.map((d) => hint(paths.relocate(d))),
    };
}
