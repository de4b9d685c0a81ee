/**
 * The change-risk model: what applying the head plan over the base plan does to each resource, as one
 * risk class with reasons. Pure: it reads two plan results and the table in `facts.ts`.
 *
 * - `replace`: the engine deletes and recreates the resource (a replace-forcing property or the
 *   physical name changed, or its URN changed without an alias);
 * - `blocked`: `pulumi up` fails: Azure or Kubernetes refuses the change in place, a replacement
 *   collides with the resource it replaces (same physical name, no `deleteBeforeReplace`), or a
 *   protected resource would be deleted;
 * - `disruptive`: applied in place, but nodes or pods restart or are re-imaged, or a resource is deleted;
 * - `ignored`: the change hits an `ignoreChanges` path and is not applied;
 * - `safe`: everything else, including creates.
 */
import type { PlannedResource, PlanValue } from "../plan/types";
import { ChangeContext, CONTAINERS, factFor, genericPath, IN_PLACE_DEFAULT, PHYSICAL_NAMES } from "./facts";

/** A risk class, most severe first in {@link RISK_CLASSES}. */
export type RiskClass = "replace" | "blocked" | "disruptive" | "ignored" | "safe";
/** The risk classes, most severe first. */
export const RISK_CLASSES: readonly RiskClass[] = ["replace", "blocked", "disruptive", "ignored", "safe"];
/** What the engine does to a resource. */
export type ChangeOp = "create" | "delete" | "update" | "replace" | "same";
/** The operations, in report order. */
export const CHANGE_OPS: readonly ChangeOp[] = ["replace", "delete", "update", "create", "same"];

/** Why a change has its class. */
export interface RiskReason {
    /** The property path (`networkProfile.podCidr`), `(option) NAME`, `(parent)`, `(urn)` or `(resource)`. */
    path: string;
    risk: RiskClass;
    /** What happens, completing "changing PATH ...". */
    why: string;
    source: string;
    /** True when the fact behind it was not confirmed (the safer class was chosen). */
    unconfirmed?: boolean;
}

/** One changed input. */
export interface PropertyChange {
    path: string;
    base: PlanValue | undefined;
    head: PlanValue | undefined;
}

/** A resource as the diff reports it. */
export interface ResourceChange {
    urn: string;
    type: string;
    name: string;
    op: ChangeOp;
    risk: RiskClass;
    /** A replaced or deleted resource with `protect` set: `pulumi up` fails until it is unprotected. */
    protected: boolean;
    /** For a deleted or replaced container: what goes with it. */
    container: string | null;
    reasons: RiskReason[];
    changes: PropertyChange[];
    /** For a rename: the URN in the base plan. */
    renamedFrom?: string;
    /** For a rename without an alias: the resource option that keeps the resource. */
    alias?: string;
}

/** The more severe of two classes. */
export const worse = (a: RiskClass, b: RiskClass): RiskClass => (RISK_CLASSES.indexOf(a) <= RISK_CLASSES.indexOf(b) ? a : b);

/** `prefix.key`, quoting keys that are not plain identifiers (as `aks-network plan` prints paths). */
function joinPath(prefix: string, key: string): string {
    if (/^[A-Za-z_$][\w$-]*$/.test(key)) return prefix ? `${prefix}.${key}` : key;
    return `${prefix}[${JSON.stringify(key)}]`;
}

/** Flatten a value to `path: leaf` pairs; a list of plain values is one leaf, so `zones: 1, 2, 3` is one change. */
export function flattenForDiff(v: PlanValue, prefix = "", out: Record<string, PlanValue> = {}): Record<string, PlanValue> {
    if (Array.isArray(v)) {
        if (v.every((x) => x === null || typeof x !== "object")) out[prefix] = v;
        else v.forEach((x, i) => flattenForDiff(x, `${prefix}[${i}]`, out));
    } else if (v !== null && typeof v === "object" && Object.keys(v).length > 0 && !("$ref" in v)) {
        for (const k of Object.keys(v)) flattenForDiff(v[k], joinPath(prefix, k), out);
    } else {
        out[prefix] = v;
    }
    return out;
}

/** The changed inputs of two versions of a resource, sorted by path. */
export function propertyChanges(base: PlannedResource, head: PlannedResource): PropertyChange[] {
    const fb = flattenForDiff(base.inputs);
    const fh = flattenForDiff(head.inputs);
    return [...new Set([...Object.keys(fb), ...Object.keys(fh)])]
        .sort()
        .filter((p) => JSON.stringify(fb[p]) !== JSON.stringify(fh[p]))
        .map((p) => ({ path: p, base: fb[p], head: fh[p] }));
}

const optionList = (r: PlannedResource, option: string): string[] => {
    const v = r.options[option];
    return Array.isArray(v) ? v.map(String) : [];
};

/** True when `path` is at or below one of the option paths (`[n]` and `[*]` match any item). */
function coveredBy(path: string, optionPaths: string[]): string | undefined {
    const p = genericPath(path);
    return optionPaths.find((o) => {
        const g = genericPath(o).replace(/\[\*\]/g, "[]");
        return [path, p].some((x) => x === o || x === g || x.startsWith(`${g}.`) || x.startsWith(`${g}[`));
    });
}

const AN_CRUD = "pulumi/pulumi-azure-native provider/pkg/provider/crud/crud.go (create checks that the resource does not exist)";
const PROTECT = "https://www.pulumi.com/docs/iac/concepts/options/protect/";

/** The reason of one changed property. */
function propertyReason(
    type: string,
    c: PropertyChange,
    base: PlannedResource,
    head: PlannedResource,
): RiskReason & { pathParameter: boolean } {
    const ignored = coveredBy(c.path, optionList(head, "ignoreChanges"));
    if (ignored)
        return {
            path: c.path,
            risk: "ignored",
            why: `is not applied (ignoreChanges "${ignored}"); the deployed value stays`,
            source: "https://www.pulumi.com/docs/iac/concepts/options/ignorechanges/",
            pathParameter: false,
        };
    const forced = coveredBy(c.path, optionList(head, "replaceOnChanges"));
    if (forced)
        return {
            path: c.path,
            risk: "replace",
            why: `replaces the resource (replaceOnChanges "${forced}")`,
            source: "https://www.pulumi.com/docs/iac/concepts/options/replaceonchanges/",
            pathParameter: false,
        };
    const ctx: ChangeContext = { path: c.path, base: c.base, head: c.head, baseInputs: base.inputs, headInputs: head.inputs };
    const f = factFor(type, ctx);
    if (!f) return { path: c.path, risk: "safe", why: IN_PLACE_DEFAULT.effect, source: IN_PLACE_DEFAULT.source, pathParameter: false };
    const risk =
        f.engine === "replace" ? "replace" : f.inPlace === "refused" ? "blocked" : f.inPlace === "disruptive" ? "disruptive" : "safe";
    return {
        path: c.path,
        risk,
        why: f.effect,
        source: f.source,
        ...(f.confidence === "unconfirmed" ? { unconfirmed: true } : {}),
        pathParameter: f.pathParameter === true,
    };
}

/** The physical name a replacement would reuse, or null when the new resource gets a new one. */
export function reusedName(base: PlannedResource, head: PlannedResource): string | null {
    if (head.options.deleteBeforeReplace === true) return null;
    const spec = PHYSICAL_NAMES[head.type];
    if (!spec) return null;
    const b = base.inputs[spec.path];
    const h = head.inputs[spec.path];
    if (typeof h === "string" && h === b && h !== "[unknown]") return h;
    if (h === undefined && b === undefined && spec.auto === "logical" && base.name === head.name) return head.name;
    return null;
}

/** The reason a replacement fails: create-before-delete of a resource that keeps its physical name. */
export function collisionReason(name: string): RiskReason {
    return {
        path: "(resource)",
        risk: "blocked",
        why: `the replacement is create-before-delete, and the new resource keeps the name "${name}": the create fails with "already exists"; set deleteBeforeReplace: true or change the name`,
        source: `${AN_CRUD}; pulumi/pulumi-azure-native CHANGELOG 0.7.0 (child resources take the logical name)`,
    };
}

/** Reasons of the resource options and the parent (reviewed, never risky on their own). */
function optionReasons(base: PlannedResource, head: PlannedResource): RiskReason[] {
    const out: RiskReason[] = [];
    for (const opt of [...new Set([...Object.keys(base.options), ...Object.keys(head.options)])].sort()) {
        if (JSON.stringify(base.options[opt]) === JSON.stringify(head.options[opt])) continue;
        out.push({
            path: `(option) ${opt}`,
            risk: "safe",
            why: "changes a resource option; nothing is sent to the cloud",
            source: PROTECT,
        });
    }
    if (base.parent !== head.parent)
        out.push({ path: "(parent)", risk: "safe", why: "changes the parent within the same URN", source: PROTECT });
    return out;
}

/** Classify a resource present in both plans (or renamed: `base` under its old URN). */
export function classifyUpdate(base: PlannedResource, head: PlannedResource): ResourceChange {
    const changes = propertyChanges(base, head);
    const scored = changes.map((c) => propertyReason(head.type, c, base, head));
    const reasons: RiskReason[] = scored.map(({ pathParameter: _, ...r }) => r);
    reasons.push(...optionReasons(base, head));
    const replaced = scored.some((r) => r.risk === "replace");
    const isProtected = replaced && (base.options.protect === true || head.options.protect === true);
    const name = replaced && !scored.some((r) => r.risk === "replace" && r.pathParameter) ? reusedName(base, head) : null;
    if (name !== null) reasons.push(collisionReason(name));
    if (isProtected) reasons.push(protectReason("replace"));
    return {
        urn: head.urn,
        type: head.type,
        name: head.name,
        op: replaced ? "replace" : reasons.length ? "update" : "same",
        risk: riskOf(reasons),
        protected: isProtected,
        container: replaced ? (CONTAINERS[head.type] ?? null) : null,
        reasons,
        changes,
    };
}

/**
 * The class of a resource from its reasons: the most severe, except that a replacement that cannot
 * be carried out (a name collision) is `blocked`.
 */
export function riskOf(reasons: RiskReason[]): RiskClass {
    if (reasons.some((r) => r.path === "(resource)" && r.risk === "blocked")) return "blocked";
    return reasons.reduce<RiskClass>((acc, r) => worse(acc, r.risk), "safe");
}

/** `protect` on a replaced (`replace`) or deleted (`blocked`) resource. */
const protectReason = (risk: RiskClass): RiskReason => ({
    path: "(option) protect",
    risk,
    why: "is set, so pulumi up refuses to delete the resource until protect is removed",
    source: PROTECT,
});

/** A resource only in the head plan. */
export function classifyCreate(head: PlannedResource): ResourceChange {
    return {
        urn: head.urn,
        type: head.type,
        name: head.name,
        op: "create",
        risk: "safe",
        protected: false,
        container: null,
        reasons: [{ path: "(resource)", risk: "safe", why: "the resource is created", source: IN_PLACE_DEFAULT.source }],
        changes: [],
    };
}

/** A resource only in the base plan. */
export function classifyDelete(base: PlannedResource): ResourceChange {
    const isProtected = base.options.protect === true;
    const container = CONTAINERS[base.type] ?? null;
    const reasons: RiskReason[] = [
        {
            path: "(resource)",
            risk: "disruptive",
            why: container ? `the resource is deleted, and with it ${container}` : "the resource is deleted",
            source: "https://www.pulumi.com/docs/iac/concepts/how-pulumi-works/",
        },
    ];
    if (isProtected) reasons.push(protectReason("blocked"));
    return {
        urn: base.urn,
        type: base.type,
        name: base.name,
        op: "delete",
        risk: isProtected ? "blocked" : "disruptive",
        protected: isProtected,
        container,
        reasons,
        changes: [],
    };
}
