/**
 * Values on one line, shared by the plan and diff outputs: lists as `1, 2, 3`, Azure resource ids and
 * URNs cut in the middle so the first and the last segments (the names that matter) stay.
 */
import type { PlanValue } from "./plan/types";

/** An Azure resource id or URN longer than `max`, cut in the middle: the first segment, `…`, the last segments. */
export function shortId(s: string, max = 60): string {
    if (s.length <= max) return s;
    const sep = s.startsWith("urn:pulumi:") ? "::" : "/";
    const parts = s.split(sep);
    let tail = parts[parts.length - 1];
    for (let i = parts.length - 2; i > 1; i--) {
        const next = `${parts[i]}${sep}${tail}`;
        if (next.length + parts[0].length + parts[1].length + 4 > max) break;
        tail = next;
    }
    return `${parts[0]}${sep}${parts[1]}${sep}…${sep}${tail}`;
}

/** A value on one line: lists as `1, 2, 3`, ids cut in the middle, long text cut at the end. */
export function displayValue(v: PlanValue | undefined, max = 60): string {
    if (v === undefined || v === null) return "(none)";
    if (Array.isArray(v) && v.every((x) => x === null || typeof x !== "object"))
        return v.length ? v.map((x) => displayValue(x, max)).join(", ") : "(empty)";
    if (typeof v === "string") {
        if (/^(\/subscriptions\/|urn:pulumi:)/i.test(v)) return shortId(v, max);
        return v.length > max ? `${v.slice(0, max - 1)}…` : v;
    }
    if (typeof v === "object" && !Array.isArray(v) && typeof v.$ref === "string") return shortId(v.$ref, max);
    const s = JSON.stringify(v);
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
