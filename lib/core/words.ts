/**
 * Words for values in messages: how a value is shown, what kind it is, lists of allowed values, and
 * "did you mean" for misspelt keys.
 *
 * Pure: no Pulumi imports.
 */

/** True for a plain JSON object (not null, not a list). */
export function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A value as it should appear in a message: strings quoted, others as JSON, long ones cut. */
export function show(value: unknown): string {
    if (value === undefined) return "undefined";
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    let text: string;
    try {
        text = JSON.stringify(value) ?? String(value);
    } catch {
        text = Object.prototype.toString.call(value);
    }
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** What kind of value this is, for type errors. */
export function kindOf(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "an object";
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    return `a ${typeof value}`;
}

/** `a, b or c` */
export function oneOf(values: readonly string[]): string {
    const quoted = values.map((v) => JSON.stringify(v));
    return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/** The closest candidate to a misspelt key (edit distance <= 2, or same letters ignoring case). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
    let best: string | undefined;
    let bestDistance = 3;
    for (const c of candidates) {
        if (c.toLowerCase() === word.toLowerCase()) return c;
        const d = editDistance(word.toLowerCase(), c.toLowerCase());
        if (d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}

/**
 * The closest candidate, else (for words of four letters or more) the shortest candidate that starts
 * with the word less its last letter or that the word starts with: `selectr` -> `selector`, `portss` -> `ports`.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
    const near = closest(word, candidates);
    if (near !== undefined) return near;
    const lower = word.toLowerCase();
    if (lower.length < 4) return undefined;
    return [...candidates]
        .sort((a, b) => a.length - b.length)
        .find((c) => c.toLowerCase().startsWith(lower.slice(0, -1)) || lower.startsWith(c.toLowerCase()));
}

function editDistance(a: string, b: string): number {
    if (Math.abs(a.length - b.length) > 2) return 3;
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = cur;
    }
    return prev[b.length];
}
