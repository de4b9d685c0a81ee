/**
 * The provider cascade: Kubernetes objects live inside the cluster, so replacing or deleting an AKS
 * cluster takes every object applied through the Kubernetes provider built from its kubeconfig with it.
 *
 * Offline plans show the kubeconfig as `[secret]`, so the provider is tied to its cluster by the plan's
 * references, not by the kubeconfig's value: the provider's `dependsOn`, a resource reference in its
 * inputs, or else the nearest component above it that holds exactly one cluster. Objects belong to the
 * provider when their recorded `provider`, or that of a resource above them, is its URN.
 */
import type { PlannedResource, PlanResult, PlanValue } from "../plan/types";
import { classifyCreate, ResourceChange, RiskReason, riskOf } from "./classify";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const K8S_PROVIDER = "pulumi:providers:kubernetes";

/**
 * Sources: a cluster's objects are gone with it, and a replaced cluster gets a new id, which is the
 * provider's `clusterIdentifier` (lib/azure/cluster/access.ts) and replaces the provider and every
 * object it manages.
 */
export const CASCADE_SOURCE =
    "https://www.pulumi.com/registry/packages/kubernetes/api-docs/provider/ (clusterIdentifier: the provider is replaced when it changes); pulumi/pulumi-eks#107 (objects are not re-created in a replaced cluster); pulumi/pulumi-eks#338";

/** True when `v` holds a resource reference to `urn` anywhere. */
function refersTo(v: PlanValue, urn: string): boolean {
    if (Array.isArray(v)) return v.some((x) => refersTo(x, urn));
    if (v === null || typeof v !== "object") return false;
    if (v.$ref === urn) return true;
    return Object.values(v).some((x) => refersTo(x, urn));
}

/** The URNs above a resource, nearest first. */
function ancestors(r: PlannedResource, byUrn: Map<string, PlannedResource>): string[] {
    const out: string[] = [];
    for (let p = r.parent; p !== null && !out.includes(p); p = byUrn.get(p)?.parent ?? null) out.push(p);
    return out;
}

/** The cluster a Kubernetes provider is built from, or null when the plan does not tie it to one. */
export function clusterOfProvider(provider: PlannedResource, plan: PlanResult): string | null {
    const clusters = plan.resources.filter((r) => r.type === CLUSTER);
    const named = clusters.find((c) => provider.dependsOn.includes(c.urn) || refersTo(provider.inputs, c.urn));
    if (named) return named.urn;
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    for (const a of ancestors(provider, byUrn)) {
        if (a.includes("::pulumi:pulumi:Stack::")) break;
        const under = clusters.filter((c) => ancestors(c, byUrn).includes(a));
        if (under.length === 1) return under[0].urn;
        if (under.length > 1) return null;
    }
    return null;
}

/** The Kubernetes providers built from a cluster and every resource applied through them (providers first). */
export function resourcesInCluster(cluster: string, plan: PlanResult): PlannedResource[] {
    const providers = plan.resources.filter((r) => r.type === K8S_PROVIDER && clusterOfProvider(r, plan) === cluster);
    const urns = new Set(providers.map((p) => p.urn));
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const through = (r: PlannedResource) =>
        (r.provider !== null && urns.has(r.provider)) ||
        ancestors(r, byUrn).some((a) => {
            const p = byUrn.get(a)?.provider;
            return p !== null && p !== undefined && urns.has(p);
        });
    const objects = plan.resources.filter((r) => r.type.startsWith("kubernetes:") && through(r));
    return [...providers, ...objects];
}

/** The reason of a resource (a provider or an object) whose cluster is replaced or deleted. */
function cascadeReason(cluster: ResourceChange, r: PlannedResource): RiskReason {
    const replaced = cluster.op === "replace";
    const what =
        r.type === K8S_PROVIDER
            ? replaced
                ? "the provider built from its kubeconfig is replaced, and with it every object it manages"
                : "the provider built from its kubeconfig goes with it"
            : replaced
              ? "the object is lost with the old cluster and created anew in the new one"
              : "the object goes with it";
    return {
        path: "(cluster)",
        risk: replaced ? "replace" : "disruptive",
        why: `the cluster they run in is ${replaced ? "replaced" : "deleted"} (${cluster.name}): ${what}`,
        source: CASCADE_SOURCE,
    };
}

/** Add the cascade reason to a change (or a new change for a resource the plans leave as it is). */
function cascadeInto(existing: ResourceChange | undefined, r: PlannedResource, reason: RiskReason): ResourceChange {
    const c = existing ?? { ...classifyCreate(r), op: "update", reasons: [] };
    if (c.reasons.some((x) => x.path === reason.path)) return c;
    c.reasons.push(reason);
    if (reason.risk === "replace" && c.op !== "delete") c.op = "replace";
    c.risk = riskOf(c.reasons);
    return c;
}

/**
 * Mark the providers and Kubernetes objects of replaced clusters (from the head plan) and of deleted
 * clusters (from the base plan) with the cluster's reason; returns the changes with any new ones added.
 */
export function applyClusterCascade(changes: ResourceChange[], base: PlanResult, head: PlanResult): ResourceChange[] {
    const byUrn = new Map(changes.map((c) => [c.urn, c]));
    const out = [...changes];
    for (const cluster of changes.filter((c) => c.type === CLUSTER && (c.op === "replace" || c.op === "delete"))) {
        const plan = cluster.op === "replace" ? head : base;
        const inside = resourcesInCluster(cluster.urn, plan);
        for (const r of inside) {
            const existing = byUrn.get(r.urn);
            const c = cascadeInto(existing, r, cascadeReason(cluster, r));
            if (!existing) {
                byUrn.set(c.urn, c);
                out.push(c);
            }
        }
        if (inside.length && cluster.container !== null)
            cluster.container = `${cluster.container} (${inside.length} Kubernetes ${inside.length === 1 ? "resource" : "resources"} in this plan)`;
    }
    return out;
}
