/**
 * `evaluatePolicies`: the network planner's rules and the Service linter over the resources of one
 * stack, as a policy pack runs them. Never throws.
 *
 * Pure: no Pulumi imports (the pack in `pack/` is the only part that loads @pulumi/policy).
 */
import { PathMap, Severity } from "../core/diagnostic";
import { ClusterFacts } from "../core/facts";
import { formatPath, Path } from "../core/path";
import { describeNetworkPlan } from "../network/report";
import { PlanBuilder, UnknownValue } from "./builder";
import { clusterFieldsInto, poolsInto, profileInto } from "./cluster";
import { levelOf, POLICY_NAMES } from "./levels";
import { networkInto } from "./network";
import { place, Placed, touches } from "./relocate";
import { SecurityFinding, securityFindings } from "./security";
import { checkAgainstDistinct, distinctFacts, factsOf, withoutUnknowns } from "./services";
import { indexStack, StackIndex, StackResource } from "./stack";
import { PolicyConfig, PolicyResource, PolicyViolation } from "./types";

/** Plan fields every rule reads (the IPAM mode, families, the pool list): unknown, the cluster's network rules are all skipped. */
const WHOLE_PLAN = new Set(["networkPlugin", "networkPluginMode", "networkDataplane", "networkPolicy", "ipFamilies", "nodePools"]);

const CAPACITY = ["R15", "R40", "R41", "R58", "R59", "R61"];
/** Rules that read a pool field beyond its own path (capacity sums, subnet use, Windows checks); skipped when it is unknown. */
const NEEDS: Readonly<Record<string, readonly string[]>> = {
    count: CAPACITY,
    minCount: CAPACITY,
    maxCount: CAPACITY,
    maxPods: [...CAPACITY, "R46"],
    subnet: [...CAPACITY, "R62", "R63", "R75"],
    podSubnet: [...CAPACITY, "R63", "R75"],
    osType: ["R44", "R47", "R53", "R54", "R55", "R56", "R57", "R77", "R80"],
    mode: ["R48", "R53"],
    name: ["R76"],
    kubernetesVersion: ["R12", "R30", "R77"],
};

/**
 * Rules that read whether the cluster uses its own subnet (the plan's `nodeSubnets`): R65 (UDR and a
 * user-assigned NAT gateway need one), R66 (a managed NAT gateway can't use one). When a pool's
 * `vnetSubnetID` names a subnet the stack does not declare (an existing network, or an ID not known
 * yet), the plan has no subnets, so they are skipped with a note (P3) rather than guessed.
 */
const OWN_SUBNET = new Set(["R65", "R66"]);

/** What one cluster gave: findings placed on resources, unknown values, the facts Services need, notes. */
interface ClusterResult {
    placed: Placed[];
    unknown: UnknownValue[];
    skipped: Set<string>;
    facts: ClusterFacts | undefined;
    notes: string[];
}

/** The rules one unknown value makes the cluster skip (beyond findings on its own path). */
function needsOf(unknown: readonly UnknownValue[]): Set<string> {
    return new Set(unknown.flatMap((u) => NEEDS[String(u.plan[u.plan.length - 1])] ?? []));
}

/** Build a cluster's plan from the stack, run the planner, and place its findings. */
function evaluateCluster(index: StackIndex, cluster: StackResource, config: PolicyConfig): ClusterResult {
    const b = new PlanBuilder();
    profileInto(b, cluster);
    const pools = poolsInto(b, index, cluster);
    clusterFieldsInto(b, cluster);
    const ranges = Array.isArray(config.allowedRanges) ? config.allowedRanges.filter((r) => typeof r === "string") : [];
    const outside = networkInto(b, index, pools, ranges) === undefined && pools.some((p) => p.subnet !== undefined);
    const skipped = new Set<string>();
    if (b.unknown.some((u) => u.plan.length === 1 && WHOLE_PLAN.has(String(u.plan[0])))) {
        skipped.add("all network rules");
        return { placed: [], unknown: b.unknown, skipped, facts: undefined, notes: [] };
    }
    const notes: string[] = [];
    const report = describeNetworkPlan(b.plan);
    const unknownPaths = b.unknown.map((u) => u.plan);
    const needs = needsOf(b.unknown);
    const kept = report.diagnostics.filter((d) => {
        if (outside && OWN_SUBNET.has(d.ruleId)) {
            notes.push(
                `${d.ruleId} not checked: vnetSubnetID names a subnet this stack does not declare (an existing network, or an ID not known yet), so the plan does not know the cluster's own subnet; declare the VNet and subnet in the stack to have it checked`,
            );
            return false;
        }
        const drop = touches(d, unknownPaths) || needs.has(d.ruleId);
        if (drop && d.severity !== "info") skipped.add(d.ruleId);
        return !drop;
    });
    const map = new PathMap([...b.rows, { from: [], to: [cluster.index] }]);
    const factsKnown = !unknownPaths.some((p) => p[0] === "kubernetesVersion");
    return {
        placed: kept.map((d) => place(d, map, index.resources, cluster)),
        unknown: b.unknown,
        skipped,
        facts: factsKnown ? factsOf(report.effective) : undefined,
        notes,
    };
}

/** Services through the linter with the stack's cluster facts. */
function evaluateServices(index: StackIndex, facts: (ClusterFacts | undefined)[], config: PolicyConfig, out: Outcome): void {
    const known = facts.filter((f): f is ClusterFacts => f !== undefined);
    const given = config.clusterFacts !== undefined && facts.length === 0 ? [config.clusterFacts] : known;
    // Made distinct once for all Services, when the first is checked.
    let distinct: ClusterFacts[] | undefined;
    for (const service of index.byKind.service) {
        if (given.length === 0 || known.length < facts.length) {
            const why =
                facts.length === 0
                    ? "the stack declares no AKS cluster (set clusterFacts in the policy config)"
                    : "the cluster's facts are not known yet";
            out.note(service, "P2", `Service not checked: ${why}; it is checked when they are known`);
            continue;
        }
        const { value, unknown } = withoutUnknowns(service.props);
        const map = new PathMap([{ from: [], to: [service.index] }]);
        const skipped = new Set<string>();
        distinct ??= distinctFacts(given);
        for (const d of checkAgainstDistinct(value, distinct)) {
            if (touches(d, unknown)) skipped.add(d.ruleId);
            else out.add(place(d, map, index.resources, service));
        }
        out.unknowns(service, unknown, skipped);
    }
}

/** Collects violations, one unknown-values note per resource. */
class Outcome {
    readonly violations: PolicyViolation[] = [];
    private readonly unknownByResource = new Map<StackResource, { paths: Set<string>; skipped: Set<string> }>();

    constructor(private readonly config: PolicyConfig) {}

    add(p: Placed): void {
        this.push(p.resource, p.found.ruleId, p.found.severity, formatPath(p.path), p.message);
    }
    /** A failed security-checklist item. */
    security(f: SecurityFinding): void {
        this.push(f.resource, f.ruleId, f.severity, formatPath(f.path), f.message);
    }
    note(resource: StackResource, ruleId: string, message: string, severity: Severity = "info"): void {
        this.push(resource, ruleId, severity, "", message);
    }
    unknowns(resource: StackResource, paths: readonly Path[], skipped: ReadonlySet<string>): void {
        if (paths.length === 0) return;
        const entry = this.unknownByResource.get(resource) ?? { paths: new Set(), skipped: new Set() };
        paths.forEach((p) => entry.paths.add(formatPath(p) || "(the whole resource)"));
        skipped.forEach((id) => entry.skipped.add(id));
        this.unknownByResource.set(resource, entry);
    }
    /** The notes on unknown values, after every cluster and Service. */
    finish(): PolicyViolation[] {
        for (const [resource, { paths, skipped }] of this.unknownByResource) {
            const rules = skipped.size > 0 ? `the rules that read them (${[...skipped].join(", ")})` : "the rules that read them";
            const message = `values not known during preview: ${[...paths].join(", ")}; ${rules} were skipped and run again when the values are known (pulumi up)`;
            this.note(resource, "P1", message);
        }
        return this.violations;
    }
    private push(resource: StackResource, ruleId: string, severity: Severity, path: string, message: string): void {
        const level = levelOf(ruleId, severity, this.config);
        if (level === "disabled") return;
        this.violations.push({
            policyName: POLICY_NAMES[level],
            ruleId,
            enforcementLevel: level,
            severity,
            urn: resource.urn,
            name: resource.name,
            path,
            message,
        });
    }
}

/**
 * Check the resources of one stack, as the Pulumi engine hands them to a stack policy, against the
 * network planner's rules (R1-R81, the same messages and fixes as the components), the Service
 * linter and the security checklist (`SEC-<check id>`, advisory; opt-in checks only when given a
 * level), and return the violations. Clusters are checked with the network the stack declares around
 * them; Services against the stack's cluster. Values not known during preview skip the rules that read
 * them, with one advisory note (P1) per resource.
 *
 * Never throws: malformed resources and props become violations or notes.
 *
 * @param resources `{ type, name, urn, props }` per resource, `props` the input properties in SDK form
 * @param config levels per rule, disabled rules, allowed ranges @default {}
 */
export function evaluatePolicies(resources: readonly PolicyResource[], config: PolicyConfig = {}): PolicyViolation[] {
    const safeConfig: PolicyConfig = config !== null && typeof config === "object" ? config : {};
    const out = new Outcome(safeConfig);
    const index = indexStack(resources);
    const facts: (ClusterFacts | undefined)[] = [];
    for (const cluster of index.byKind.cluster) {
        const result = guarded(() => evaluateCluster(index, cluster, safeConfig), cluster, out);
        if (result === undefined) continue;
        result.placed.forEach((p) => out.add(p));
        result.notes.forEach((message) => out.note(cluster, "P3", message));
        for (const u of result.unknown) out.unknowns(index.resources[u.place.resource], [u.place.path], result.skipped);
        facts.push(result.facts);
    }
    for (const cluster of index.byKind.cluster) {
        const security = guarded(() => securityFindings(index, cluster), cluster, out);
        security?.findings.forEach((f) => out.security(f));
        for (const u of security?.unknown ?? []) out.unknowns(u.resource, [u.path], new Set([u.ruleId]));
    }
    guarded(() => evaluateServices(index, facts, safeConfig, out), index.resources[0], out);
    return out.finish();
}

/** Run a step; a bug becomes an R0 finding on the resource instead of an exception that blocks every preview. */
function guarded<T>(step: () => T, resource: StackResource | undefined, out: Outcome): T | undefined {
    try {
        return step();
    } catch (e) {
        if (resource)
            out.note(
                resource,
                "R0",
                `internal error while evaluating the policies (${e instanceof Error ? e.message : String(e)}); please report it with the resource`,
                "warning",
            );
        return undefined;
    }
}
