/**
 * The security and reliability checklist (`lib/core/securityChecklist.ts`, the list an `AksCluster`
 * passes by default) on the raw resources of a stack: each `ManagedCluster` with the `AgentPool`s and
 * `MaintenanceConfiguration`s that join it (by `resourceName`). A failed check is a finding
 * `SEC-<check id>` on the property it reads: a cluster property (`disableLocalAccounts`), or, for checks
 * on every pool, the failing pool's own property (`agentPoolProfiles[0].maxPods` on the cluster,
 * `maxPods` on an `AgentPool`). Checks on by default are warnings (advisory); opt-in checks are info
 * (reported only when a team gives them a level). A check whose properties are not known yet is skipped.
 *
 * Pure: no Pulumi imports.
 */
import type { Severity } from "../core/diagnostic";
import { formatPath, Path } from "../core/path";
import { ClusterInputs, SECURITY_CHECKS, SecurityCheck } from "../core/securityChecklist";
import { poolsOf } from "./cluster";
import { field, isObject, isUnknown, listOf, UNKNOWN, valueAt } from "./props";
import { resolve, StackIndex, StackResource } from "./stack";

/** The rule id of a check. */
export const securityRuleId = (check: SecurityCheck): string => `SEC-${check.id}`;

/** One failed check, on a resource. */
export interface SecurityFinding {
    resource: StackResource;
    ruleId: string;
    severity: Severity;
    path: Path;
    message: string;
}

/** What the checklist gave for one cluster. */
export interface SecurityResult {
    findings: SecurityFinding[];
    /** Properties not known yet, on their resource, with the rule skipped for each. */
    unknown: { resource: StackResource; path: Path; ruleId: string }[];
}

/** A pool and where its props sit. */
interface PoolAt {
    resource: StackResource;
    path: Path;
    props: Record<string, unknown>;
}

/** Deeper than any property the checklist reads; a bound for cyclic or huge values. */
const MAX_DEPTH = 6;

/** True when `value` is unknown or holds an unknown value (a list element, a field) a few levels down. */
export function holdsUnknown(value: unknown, depth = 0): boolean {
    if (isUnknown(value)) return true;
    if (depth >= MAX_DEPTH || typeof value !== "object" || value === null) return false;
    try {
        return Object.keys(value).some((key) => holdsUnknown(field(value, key), depth + 1));
    } catch {
        return true;
    }
}

/** Dotted property paths as paths, split once: the checklist names the same few dozen for every cluster and pool. */
const SPLIT = new Map<string, Path>();

function split(dotted: string): Path {
    let path = SPLIT.get(dotted);
    if (path === undefined) {
        path = dotted === "" ? [] : dotted.split(".");
        SPLIT.set(dotted, path);
    }
    return path;
}

/** The cluster's pools: inline profiles (objects only), then its `AgentPool`s; `UNKNOWN` when the list is not known. */
function poolsAt(index: StackIndex, cluster: StackResource): PoolAt[] | typeof UNKNOWN {
    const inline = listOf(field(cluster.props, "agentPoolProfiles"));
    if (inline === UNKNOWN || (inline ?? []).some((p) => p === UNKNOWN)) return UNKNOWN;
    const found: PoolAt[] = [];
    (inline ?? []).forEach((p, i) => {
        if (isObject(p)) found.push({ resource: cluster, path: ["agentPoolProfiles", i], props: p });
    });
    for (const pool of poolsOf(index, cluster)) if (isObject(pool.props)) found.push({ resource: pool, path: [], props: pool.props });
    return found;
}

/** The `MaintenanceConfiguration`s that join the cluster (by `resourceName`). */
function maintenanceOf(index: StackIndex, cluster: StackResource): StackResource[] {
    return index.byKind.maintenance.filter(
        (m) => resolve(field(m.props, "resourceName"), index.byKind.cluster, "resourceName") === cluster,
    );
}

/** A value for a message: JSON, cut short; "not set" when absent. */
function shown(value: unknown): string {
    if (value === undefined) return "not set";
    let text: string;
    try {
        text = JSON.stringify(value) ?? String(value);
    } catch {
        text = String(value);
    }
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The message of a failed check at `path` (empty: the cluster as a whole), whose value is `value`. */
function messageOf(check: SecurityCheck, path: Path, value: unknown): string {
    const fix = `set ${path.length > 0 ? "it" : "them"} so, or give "${securityRuleId(check)}" another level in the policy config`;
    const what = `${check.title} (security checklist; ${check.anchors.join(", ")})`;
    if (path.length === 0) return `${what}: expected ${check.expected}; ${fix}`;
    // A check over the System pools names the pool list, not its (long) value.
    if (check.pool === undefined && check.poolPaths !== undefined) return `${formatPath(path)}: ${what} expects ${check.expected}; ${fix}`;
    return `${formatPath(path)} is ${shown(value)}: ${what} expects ${check.expected}; ${fix}`;
}

/** The checks a team sees: on-by-default ones as warnings, opt-in ones as info. */
const severityOf = (check: SecurityCheck): Severity => (check.optIn === undefined ? "warning" : "info");

/** Run the checklist on one cluster of the stack. */
export function securityFindings(index: StackIndex, cluster: StackResource): SecurityResult {
    const result: SecurityResult = { findings: [], unknown: [] };
    const pools = poolsAt(index, cluster);
    const maintenance = maintenanceOf(index, cluster);
    const inputs: ClusterInputs = {
        cluster: isObject(cluster.props) ? cluster.props : {},
        agentPools: pools === UNKNOWN ? [] : pools.filter((p) => p.resource !== cluster).map((p) => p.props),
        maintenanceConfigurations: maintenance.flatMap((m) => (isObject(m.props) ? [m.props] : [])),
    };
    for (const check of SECURITY_CHECKS) {
        const unknown = unknownsOf(check, cluster, pools, maintenance);
        if (unknown.length > 0) {
            result.unknown.push(...unknown.map((u) => ({ ...u, ruleId: securityRuleId(check) })));
        } else if (check.pool !== undefined && pools !== UNKNOWN) {
            for (const pool of pools) {
                if (check.pool(pool.props)) continue;
                const property = split(check.poolPaths?.[0] ?? "");
                result.findings.push(findingOf(check, pool.resource, [...pool.path, ...property], valueAt(pool.props, property)));
            }
        } else if (!check.passes(inputs)) {
            const property = split(check.paths[0] ?? "");
            result.findings.push(findingOf(check, cluster, property, valueAt(cluster.props, property)));
        }
    }
    return result;
}

function findingOf(check: SecurityCheck, resource: StackResource, path: Path, value: unknown): SecurityFinding {
    return { resource, ruleId: securityRuleId(check), severity: severityOf(check), path, message: messageOf(check, path, value) };
}

/** The properties a check reads that are not known yet (then it is skipped). */
function unknownsOf(
    check: SecurityCheck,
    cluster: StackResource,
    pools: PoolAt[] | typeof UNKNOWN,
    maintenance: StackResource[],
): { resource: StackResource; path: Path }[] {
    const found: { resource: StackResource; path: Path }[] = [];
    const poolPaths = check.poolPaths ?? [];
    for (const dotted of check.paths) {
        // A check on pools reads the pool list only for its pools' own properties (below), not every field of them.
        const value = valueAt(cluster.props, split(dotted));
        if (poolPaths.length > 0 ? value === UNKNOWN : holdsUnknown(value)) found.push({ resource: cluster, path: split(dotted) });
    }
    if (poolPaths.length > 0 && pools === UNKNOWN) found.push({ resource: cluster, path: ["agentPoolProfiles"] });
    for (const pool of pools === UNKNOWN ? [] : pools) {
        for (const dotted of poolPaths) {
            const path = split(dotted);
            if (holdsUnknown(valueAt(pool.props, path))) found.push({ resource: pool.resource, path: [...pool.path, ...path] });
        }
    }
    for (const m of check.maintenance === true ? maintenance : []) {
        for (const key of ["configName", "maintenanceWindow"]) {
            if (holdsUnknown(field(m.props, key))) found.push({ resource: m, path: [key] });
        }
    }
    return found;
}
