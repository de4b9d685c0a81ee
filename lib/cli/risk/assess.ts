/**
 * Every resource change between two plans, classified, with renames matched: a resource whose URN
 * changed is found by its alias, by identical inputs, or by the same physical name.
 */
import type { PlannedResource, PlanResult } from "../plan/types";
import {
    ChangeOp,
    CHANGE_OPS,
    classifyCreate,
    classifyDelete,
    classifyUpdate,
    collisionReason,
    ResourceChange,
    RISK_CLASSES,
    RiskClass,
    riskOf,
} from "./classify";
import { applyClusterCascade } from "./cascade";
import { PHYSICAL_NAMES } from "./facts";

/** Counts per risk class and per operation of the changed resources (`same` counts the unchanged). */
export interface RiskSummary {
    risk: Record<RiskClass, number>;
    op: Record<ChangeOp, number>;
    /** Replaced or deleted resources with `protect` set. */
    protected: number;
    renamed: number;
}

/** A resource's identity apart from its URN: type and physical name (Azure name input or Kubernetes namespace/name). */
function identity(r: PlannedResource): string | null {
    const spec = PHYSICAL_NAMES[r.type];
    if (spec) {
        const v = r.inputs[spec.path];
        const rg = r.inputs.resourceGroupName ?? "";
        return typeof v === "string" && v !== "[unknown]" ? `${r.type}|${JSON.stringify(rg)}|${v}` : null;
    }
    const meta = r.inputs.metadata;
    if (r.type.startsWith("kubernetes:") && meta && typeof meta === "object" && !Array.isArray(meta) && typeof meta.name === "string")
        return `${r.type}|${String(meta.namespace ?? "")}|${meta.name}`;
    return null;
}

/** The physical name of a resource (its name input, or `metadata.name`), else its logical name. */
function physicalName(r: PlannedResource): string {
    const spec = PHYSICAL_NAMES[r.type];
    const v = spec ? r.inputs[spec.path] : undefined;
    return typeof v === "string" ? v : r.name;
}

const aliasesOf = (r: PlannedResource) => (Array.isArray(r.options.aliases) ? r.options.aliases : []);

/** True when `head` carries an alias that names `base`. */
function hasAliasFor(head: PlannedResource, base: PlannedResource): boolean {
    return aliasesOf(head).some(
        (a) =>
            a === base.urn ||
            (a !== null && typeof a === "object" && !Array.isArray(a) && a.name === base.name && (a.type ?? head.type) === base.type),
    );
}

/** Pair removed and added resources: by alias, then identical inputs, then physical name. */
export function matchRenames(removed: PlannedResource[], added: PlannedResource[]): [PlannedResource, PlannedResource][] {
    const pairs: [PlannedResource, PlannedResource][] = [];
    const used = new Set<string>();
    const take = (match: (b: PlannedResource, h: PlannedResource) => boolean) => {
        for (const b of removed) {
            if (used.has(b.urn) || b.type === "pulumi:pulumi:Stack") continue;
            const h = added.find((a) => !used.has(a.urn) && a.type === b.type && match(b, a));
            if (!h) continue;
            used.add(b.urn).add(h.urn);
            pairs.push([b, h]);
        }
    };
    take((b, h) => hasAliasFor(h, b));
    take((b, h) => JSON.stringify(b.inputs) === JSON.stringify(h.inputs));
    take((b, h) => identity(b) !== null && identity(b) === identity(h));
    return pairs;
}

/** The resource option that keeps a renamed resource: `{ name }` when only the name changed, else the old URN. */
export function aliasFor(base: PlannedResource, head: PlannedResource): string {
    const prefix = (urn: string) => urn.slice(0, urn.lastIndexOf("::"));
    return prefix(base.urn) === prefix(head.urn) && base.parent === head.parent
        ? `aliases: [{ name: "${base.name}" }]`
        : `aliases: ["${base.urn}"]`;
}

/** A renamed resource: with an alias, an update of the old one; without, a replacement (or a collision). */
function classifyRename(base: PlannedResource, head: PlannedResource): ResourceChange {
    const aliased = hasAliasFor(head, base);
    const c = classifyUpdate({ ...base, urn: head.urn }, head);
    c.renamedFrom = base.urn;
    if (aliased) {
        c.reasons.unshift({ path: "(urn)", risk: "safe", why: `moves it from ${base.urn} under its alias`, source: ALIAS_DOC });
        return c;
    }
    c.alias = aliasFor(base, head);
    c.reasons.unshift({
        path: "(urn)",
        risk: "replace",
        why: `changes from ${base.urn}: without an alias Pulumi deletes the old resource and creates a new one; add ${c.alias}`,
        source: ALIAS_DOC,
    });
    const collides = identity(base) !== null && identity(base) === identity(head) && head.options.deleteBeforeReplace !== true;
    if (collides && !c.reasons.some((r) => r.path === "(resource)")) c.reasons.push(collisionReason(physicalName(head)));
    c.op = "replace";
    c.protected = base.options.protect === true;
    c.risk = riskOf(c.reasons);
    return c;
}

const ALIAS_DOC = "https://www.pulumi.com/docs/iac/concepts/options/aliases/";

const severity = (c: ResourceChange) => RISK_CLASSES.indexOf(c.risk) * 10 + CHANGE_OPS.indexOf(c.op);

/** Sort: most severe class first, then operation, type and name. */
export function sortChanges(cs: ResourceChange[]): ResourceChange[] {
    return cs.sort(
        (a, b) => severity(a) - severity(b) || a.type.localeCompare(b.type) || a.name.localeCompare(b.name) || a.urn.localeCompare(b.urn),
    );
}

/**
 * Classify every resource change from `base` to `head`; unchanged resources are left out, except the
 * Kubernetes objects of a replaced or deleted cluster (see `cascade.ts`).
 */
export function assessChanges(base: PlanResult, head: PlanResult): ResourceChange[] {
    const baseByUrn = new Map(base.resources.map((r) => [r.urn, r]));
    const headByUrn = new Map(head.resources.map((r) => [r.urn, r]));
    const added = head.resources.filter((r) => !baseByUrn.has(r.urn));
    const removed = base.resources.filter((r) => !headByUrn.has(r.urn));
    const pairs = matchRenames(removed, added);
    const paired = new Set(pairs.flatMap(([b, h]) => [b.urn, h.urn]));
    const out: ResourceChange[] = [];
    for (const h of head.resources) {
        const b = baseByUrn.get(h.urn);
        if (!b) continue;
        const c = classifyUpdate(b, h);
        if (c.op !== "same") out.push(c);
    }
    for (const [b, h] of pairs) out.push(classifyRename(b, h));
    for (const h of added) if (!paired.has(h.urn)) out.push(classifyCreate(h));
    for (const b of removed) if (!paired.has(b.urn)) out.push(classifyDelete(b));
    return sortChanges(applyClusterCascade(out, base, head));
}

/** Count the changes per class and operation; `unchanged` is the number of resources left as they are. */
export function summarize(changes: ResourceChange[], unchanged: number): RiskSummary {
    const risk = Object.fromEntries(RISK_CLASSES.map((k) => [k, 0])) as Record<RiskClass, number>;
    const op = Object.fromEntries(CHANGE_OPS.map((k) => [k, 0])) as Record<ChangeOp, number>;
    for (const c of changes) {
        risk[c.risk]++;
        op[c.op]++;
    }
    op.same += unchanged;
    return { risk, op, protected: changes.filter((c) => c.protected).length, renamed: changes.filter((c) => c.renamedFrom).length };
}
