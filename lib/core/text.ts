/**
 * Message templates: the words of a diagnostic with the paths it names kept as data. A message is a
 * list of parts, literal text and path slots; each layer shows the slots in its own terms (a plan path,
 * an argument path, a config key, a resource property) and the text is made last, at the edges.
 *
 *     t`${at(entry.path)} ${show(raw)} has host bits set; write "${canonical}"`
 *
 * Pure: no Pulumi imports.
 */
import { formatPath, Path, Segment } from "./path";

/** A path named inside a message. */
export interface PathSlot {
    readonly path: Path;
}

/** One part of a message: literal words, or a path. */
export type MessagePart = string | PathSlot;

/** A message being built: interpolating one `Text` into another splices its parts. */
export class Text {
    constructor(readonly parts: readonly MessagePart[]) {}

    /** The text with paths written as `formatPath` writes them. */
    toString(): string {
        return renderParts(this.parts);
    }
}

/** A path slot: segments and whole paths, joined (`at(pool.path, "name")`). */
export function at(...pieces: (Segment | Path)[]): Text {
    const path: Segment[] = [];
    for (const piece of pieces) {
        if (Array.isArray(piece)) path.push(...(piece as Path));
        else path.push(piece as Segment);
    }
    return new Text([{ path }]);
}

/** Builds a message: `Text` values (paths, labels) are spliced in as parts, anything else as its string. */
export function t(strings: TemplateStringsArray, ...values: unknown[]): Text {
    const parts: MessagePart[] = [];
    const push = (part: MessagePart) => {
        const last = parts[parts.length - 1];
        if (typeof part === "string" && typeof last === "string") parts[parts.length - 1] = last + part;
        else if (part !== "") parts.push(part);
    };
    strings.forEach((literal, index) => {
        push(literal);
        if (index >= values.length) return;
        const value = values[index];
        if (value instanceof Text) value.parts.forEach(push);
        else push(String(value));
    });
    return new Text(parts);
}

/** Joins messages with a separator (`join(names, ", ")`). */
export function join(items: readonly (Text | string)[], separator: string): Text {
    const parts: MessagePart[] = [];
    items.forEach((item, index) => {
        if (index > 0) parts.push(separator);
        if (item instanceof Text) parts.push(...item.parts);
        else parts.push(item);
    });
    return t`${new Text(parts)}`;
}

/** The parts as text, each path shown by `show`. */
export function renderParts(parts: readonly MessagePart[], show: (path: Path) => string = formatPath): string {
    return parts.map((part) => (typeof part === "string" ? part : show(part.path))).join("");
}

/** The message as a template with numbered holes and the paths that fill them, for JSON consumers. */
export function templateOf(parts: readonly MessagePart[]): { template: string; paths: Path[] } {
    const paths: Path[] = [];
    const template = parts
        .map((part) => {
            if (typeof part !== "string") return `{${paths.push(part.path) - 1}}`;
            return part.replace(/[{}]/g, (brace) => brace + brace);
        })
        .join("");
    return { template, paths };
}
