/**
 * Reading resource properties as the Pulumi engine hands them to policies: SDK input form (camelCase),
 * where a value not known during preview is one of the engine's unknown sentinels, and any field may
 * hold anything. Every read here is total: it never throws, whatever the props are (a proxy whose
 * getter throws included), and says `UNKNOWN` for a value the engine has not computed yet.
 *
 * Pure: no Pulumi imports.
 */
import { Path } from "../core/path";

/**
 * The engine's unknown-value sentinels, one per kind of value (@pulumi/policy 1.21.0 `proxy.js`,
 * `unknownBooleanValue` ... `unknownObjectValue`; the string one is also the Node SDK's
 * `runtime.unknownValue`). A policy sees them in place of an output that is not known during preview.
 */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/** A value the engine does not know yet (preview). */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type Unknown = typeof UNKNOWN;

/** True for an unknown sentinel (or the `UNKNOWN` marker). */
export function isUnknown(value: unknown): value is Unknown {
    return value === UNKNOWN || (typeof value === "string" && UNKNOWN_SENTINELS.has(value));
}

/** A plain object (not a list). */
export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A Pulumi secret on the wire: `{ [SECRET_SIG_KEY]: SECRET_SIG, value }` (pulumi/pulumi
 * sdk/nodejs/runtime/rpc.ts `specialSigKey`, `specialSecretSig`). Mock monitors and recorded inputs
 * hold them; a policy reads the value inside.
 */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** The value inside a wire secret; any other value as it is. */
function unsecret(value: unknown): unknown {
    try {
        if (typeof value === "object" && value !== null && (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG) {
            return (value as { value?: unknown }).value;
        }
    } catch {
        return UNKNOWN;
    }
    return value;
}

/** One field of a value; `UNKNOWN` for a sentinel, `undefined` when the value has no such field or reading it throws. */
export function field(value: unknown, key: string | number): unknown {
    if (isUnknown(value)) return UNKNOWN;
    const plain = unsecret(value);
    if (typeof plain !== "object" || plain === null) return undefined;
    let found: unknown;
    try {
        found = unsecret((plain as Record<string | number, unknown>)[key]);
    } catch {
        // @pulumi/policy's unknownCheckingProxy throws on reading an unknown value.
        return UNKNOWN;
    }
    return isUnknown(found) ? UNKNOWN : found;
}

/** The value at `path`, through `field`: `UNKNOWN` as soon as a step is unknown. */
export function valueAt(value: unknown, path: Path): unknown {
    let current = value;
    for (const segment of path) {
        current = field(current, segment);
        if (current === UNKNOWN) return UNKNOWN;
    }
    return current;
}

/** The elements of a list; `UNKNOWN` for an unknown list, `undefined` for anything else that is not a list. */
export function listOf(value: unknown): unknown[] | Unknown | undefined {
    if (isUnknown(value)) return UNKNOWN;
    if (!Array.isArray(value)) return undefined;
    try {
        return Array.from(value as unknown[], (item) => (isUnknown(item) ? UNKNOWN : item));
    } catch {
        return UNKNOWN;
    }
}

/**
 * The props without the policy SDK's unknown-checking proxy, so reads see sentinels instead of
 * exceptions (@pulumi/policy 1.21.0 `proxy.js`: the proxy answers `__getSpecialProxyTarget` with its
 * target). Plain objects are returned as they are.
 */
export function unwrapProps(props: unknown): unknown {
    try {
        const target = (props as { __getSpecialProxyTarget?: unknown } | null | undefined)?.__getSpecialProxyTarget;
        return target !== undefined && target !== null ? target : props;
    } catch {
        return props;
    }
}
