/**
 * Turning the engine's serialized property values into printable plain JSON, with secrets hidden.
 *
 * The values come from the resource monitor's requests in their wire form, where a secret is
 * `{ <sig>: <secret sig>, value }`, a resource reference `{ <sig>: <resource sig>, urn, id }`, an
 * unknown (preview) a fixed sentinel string, and assets/archives `{ <sig>: <asset sig>, ... }`.
 */
import { SECRET_TEXT } from "../project";
import { isWireSecret, WIRE } from "./sdk";
import type { PlanValue } from "./types";

export { isWireSecret };

/** The engine's sentinel for a value unknown during a preview. */
export const UNKNOWN_SENTINEL = WIRE.unknown;
/** How unknown values are shown. */
export const UNKNOWN_TEXT = "[unknown]";

/** Options of {@link toPlanValue}. */
export interface CleanOptions {
    /** Strings that must never print (offline stand-ins for encrypted config); a string containing one prints as `[secret]`. */
    hidden: readonly string[];
    /** URNs to rewrite in resource references (the mock monitor's form to the engine's). @default - none */
    urns?: ReadonlyMap<string, string>;
}

/** Convert a wire-form value to printable JSON: secrets and hidden strings as `[secret]`. */
export function toPlanValue(v: unknown, opts: CleanOptions): PlanValue {
    if (v === null || v === undefined) return null;
    if (typeof v === "string") {
        if (v === UNKNOWN_SENTINEL) return UNKNOWN_TEXT;
        return opts.hidden.some((h) => h !== "" && v.includes(h)) ? SECRET_TEXT : v;
    }
    if (typeof v === "number" || typeof v === "boolean") return v;
    if (Array.isArray(v)) return v.map((x) => toPlanValue(x, opts));
    if (typeof v === "object") {
        const o = v as Record<string, unknown>;
        switch (o[WIRE.sigKey]) {
            case WIRE.secret:
                return SECRET_TEXT;
            case WIRE.resource:
                return { $ref: typeof o.urn === "string" ? (opts.urns?.get(o.urn) ?? o.urn) : UNKNOWN_TEXT };
            case WIRE.outputValue:
                if (o.secret === true) return SECRET_TEXT;
                return "value" in o ? toPlanValue(o.value, opts) : UNKNOWN_TEXT;
            case WIRE.asset:
            case WIRE.archive:
                return typeof o.path === "string" ? `[file ${o.path}]` : typeof o.uri === "string" ? `[uri ${o.uri}]` : "[asset]";
            default:
                return Object.fromEntries(
                    Object.keys(o)
                        .sort()
                        .map((k) => [k, toPlanValue(o[k], opts)]),
                );
        }
    }
    return String(v);
}

/** Hide strings in an already plain value (program errors, log lines, outputs of plain JS). */
export function hideStrings(text: string, hidden: readonly string[]): string {
    let out = text;
    for (const h of hidden) if (h !== "") out = out.split(h).join(SECRET_TEXT);
    return out;
}

/**
 * Flatten a value to `path: leaf` pairs (`a.b[0].c`); empty objects and lists are leaves.
 * Keys that are not identifiers are quoted: `metadata.annotations["service.beta.kubernetes.io/x"]`.
 */
export function flatten(v: PlanValue, prefix = "", out: Record<string, PlanValue> = {}): Record<string, PlanValue> {
    if (Array.isArray(v)) {
        if (v.length === 0) out[prefix] = [];
        v.forEach((x, i) => flatten(x, `${prefix}[${i}]`, out));
    } else if (v !== null && typeof v === "object") {
        const keys = Object.keys(v);
        if (keys.length === 0 || "$ref" in v) {
            out[prefix] = v;
        } else {
            for (const k of keys) flatten(v[k], joinPath(prefix, k), out);
        }
    } else {
        out[prefix] = v;
    }
    return out;
}

/** `prefix.key`, quoting keys that are not plain identifiers. */
export function joinPath(prefix: string, key: string): string {
    if (/^[A-Za-z_$][\w$-]*$/.test(key)) return prefix ? `${prefix}.${key}` : key;
    return `${prefix}[${JSON.stringify(key)}]`;
}

/** A value at a dotted path (`networkProfile.podCidrs`, `metadata.name`, `agentPoolProfiles[0].name`). */
export function at(v: PlanValue | undefined, pathText: string): PlanValue | undefined {
    let cur: PlanValue | undefined = v;
    for (const part of pathText.split(/\.|(?=\[)/)) {
        if (cur === undefined || cur === null) return undefined;
        const idx = /^\[(\d+)\]$/.exec(part);
        if (idx) {
            cur = Array.isArray(cur) ? cur[Number(idx[1])] : undefined;
        } else if (typeof cur === "object" && !Array.isArray(cur)) {
            cur = (cur as Record<string, PlanValue>)[part];
        } else {
            return undefined;
        }
    }
    return cur;
}
