/**
 * Kubernetes Services through the Service linter (`checkService`), with the facts of the cluster the
 * stack declares: its IP families, Kubernetes version, Windows pools, Linux OS SKU and dataplane, read
 * from the same effective plan the network rules judged.
 *
 * Values not known during preview are left out of the Service before it is checked, and findings on
 * them (or on the fields that hold them) are dropped.
 *
 * Pure: no Pulumi imports.
 */
import { Diagnostic } from "../core/diagnostic";
import { ClusterFacts } from "../core/facts";
import { Path } from "../core/path";
import { checkService } from "../k8s/checkService";
import { EffectiveNetworkPlan } from "../network/types";
import { isUnknown } from "./props";

/** How deep a Service is walked for unknown values (a manifest is a handful of levels). */
const MAX_DEPTH = 32;

/** The cluster facts of an effective plan (the AKS default OS SKU for Linux is Ubuntu: API `OSSKU` "Ubuntu"). */
export function factsOf(effective: EffectiveNetworkPlan): ClusterFacts {
    const system = effective.nodePools.find((p) => p.mode === "System" && p.osType === "Linux");
    return {
        ipFamilies: effective.ipFamilies.includes("IPv6") ? ["IPv4", "IPv6"] : ["IPv4"],
        kubernetesVersion: effective.kubernetesVersion,
        hasWindowsPools: effective.nodePools.some((p) => p.osType === "Windows"),
        linuxOsSku: system?.osSku === "AzureLinux" ? "AzureLinux" : "Ubuntu",
        networkDataplane: effective.networkDataplane,
    };
}

/** A copy of `value` without its unknown values, and the paths they were at. */
export function withoutUnknowns(value: unknown, path: Path = [], found: Path[] = [], depth = 0): { value: unknown; unknown: Path[] } {
    if (isUnknown(value)) {
        found.push(path);
        return { value: undefined, unknown: found };
    }
    if (typeof value !== "object" || value === null || depth > MAX_DEPTH) return { value, unknown: found };
    try {
        if (Array.isArray(value)) {
            const list = value.map((item, i) => withoutUnknowns(item, [...path, i], found, depth + 1).value);
            return { value: list, unknown: found };
        }
        const copy: Record<string, unknown> = {};
        for (const [key, item] of Object.entries(value)) {
            const inner = withoutUnknowns(item, [...path, key], found, depth + 1).value;
            if (inner !== undefined) copy[key] = inner;
        }
        return { value: copy, unknown: found };
    } catch {
        // A value whose fields cannot be read is as good as unknown.
        found.push(path);
        return { value: undefined, unknown: found };
    }
}

/** A finding's identity across clusters: the same rule at the same path. */
const keyOf = (d: Diagnostic) => `${d.ruleId} ${d.path}`;

/** Each distinct set of facts once, in first-seen order: clusters with the same facts give the same findings. */
export function distinctFacts(clusters: readonly ClusterFacts[]): ClusterFacts[] {
    return [...new Map(clusters.map((facts) => [JSON.stringify(facts), facts])).values()];
}

/**
 * The linter's findings for a Service under every cluster's facts, made distinct once per stack
 * (`distinctFacts`); with more than one cluster only the findings every cluster gives (the stack does
 * not say which cluster a Service's provider targets).
 */
export function checkAgainstDistinct(service: unknown, distinct: readonly ClusterFacts[]): Diagnostic[] {
    const runs = distinct.map((facts) => checkService(service, facts));
    if (runs.length === 0) return [];
    const common = runs.slice(1).reduce((keys, run) => new Set(run.map(keyOf).filter((k) => keys.has(k))), new Set(runs[0].map(keyOf)));
    return runs[0].filter((d) => common.has(keyOf(d)));
}
