/**
 * Paths as data: where a value sits in an argument, a plan, a config or a resource, as a list of
 * segments (`["nodePools", 2, "name"]`). Layers map paths segment by segment (see `PathMap`); the text
 * form (`nodePools[2].name`) is made only when a diagnostic is shown.
 *
 * Pure: no Pulumi imports.
 */

/** One step of a path: an object key or a list index. */
export type Segment = string | number;

/** A path from the root of the value it describes; `[]` is the value itself. */
export type Path = readonly Segment[];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** A stack config key, `namespace:key`, which may start a path (`aks-network:network.podCidrs[0]`). */
const CONFIG_KEY = /^[A-Za-z][\w-]*:[A-Za-z_$][\w$]*$/;

/**
 * A path as users write it: `network.podCidrs[0]`; keys that are not identifiers are quoted,
 * `labels["kubernetes.io/os"]`; a first segment may be a stack config key, `aks-network:network`.
 */
export function formatPath(path: Path): string {
    let text = "";
    path.forEach((segment, index) => {
        if (typeof segment === "number") text += `[${segment}]`;
        else if (IDENTIFIER.test(segment) || (index === 0 && CONFIG_KEY.test(segment))) text += index === 0 ? segment : `.${segment}`;
        else text += `[${JSON.stringify(segment)}]`;
    });
    return text;
}

/**
 * The segments of a path written as `formatPath` writes it; `undefined` when the text is not such a
 * path (used to read paths that arrive as text, e.g. a caller's prefix).
 */
export function parsePath(text: string): Path | undefined {
    const segments: Segment[] = [];
    const token = /^([A-Za-z][\w-]*:[A-Za-z_$][\w$]*)|(?:^|\.)([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
    let at = 0;
    while (at < text.length) {
        token.lastIndex = at;
        const match = token.exec(text);
        if (!match || (match[0].startsWith(".") && at === 0)) return undefined;
        if (match[1] !== undefined) segments.push(match[1]);
        else if (match[2] !== undefined) segments.push(match[2]);
        else if (match[3] !== undefined) segments.push(Number(match[3]));
        else segments.push(JSON.parse(match[4]) as string);
        at = token.lastIndex;
    }
    return segments;
}

/** True when `path` is `prefix` or lies under it. */
export function hasPrefix(path: Path, prefix: Path): boolean {
    return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

/** True when both paths have the same segments. */
export function samePath(a: Path, b: Path): boolean {
    return a.length === b.length && hasPrefix(a, b);
}
