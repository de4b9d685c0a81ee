/**
 * Diagnostics: one finding of any checker in this package (the network planner, the argument shapes,
 * the Service linter, stack config, the policy evaluator).
 *
 * A diagnostic keeps where and what as data: `segments` (the path) and `template` (the message with the
 * paths it names as slots). `path` and `message` are their text, rendered in the terms of the layer that
 * made or last relocated the diagnostic; `relocate` maps the data through a `PathMap` and renders again,
 * so no layer ever edits message text.
 *
 * Pure: no Pulumi imports.
 */
import { formatPath, hasPrefix, Path, Segment } from "./path";
import { MessagePart, renderParts, t, Text } from "./text";

/** How bad a finding is: `error` = AKS rejects it; `warning` = accepted but unsupported or risky; `info` = advice. */
export type Severity = "error" | "warning" | "info";

/** One finding. */
export interface Diagnostic {
    /** The rule's stable id, e.g. `"R17"`. */
    ruleId: string;
    severity: Severity;
    /** The path as text, e.g. `serviceCidrs[0]` or `nodePools[2].name` (the rendering of `segments`). */
    path: string;
    /** Names the value, the rule and a fix (the rendering of `template`). */
    message: string;
    /** The AKS resource provider's error code for this problem, where one is known. */
    azureErrorCode?: string;
    /** The path as segments. */
    segments: Path;
    /** The message as literal text and path slots. */
    template: MessagePart[];
    /** Words shown after the path, e.g. `VNet "hub" address space` for a range read from Azure. @default - none */
    note?: string;
    /** How the path reads where the layer has no path of its own for it, e.g. `NodePool "edge" pool`. @default - the path */
    label?: string;
}

/** How a diagnostic's path is shown besides its segments. */
export interface PathDisplay {
    /** See `Diagnostic.note`. */
    note?: string;
    /** See `Diagnostic.label`. */
    label?: string;
}

/** Makes a diagnostic; the only way `path` and `message` are written. */
export function diagnostic(
    severity: Severity,
    ruleId: string,
    path: Path,
    message: Text | string,
    azureErrorCode?: string,
    display: PathDisplay = {},
): Diagnostic {
    const template = typeof message === "string" ? [message] : [...message.parts];
    const shown = display.label ?? formatPath(path);
    const made: Diagnostic = {
        ruleId,
        severity,
        path: display.note ? `${shown} (${display.note})` : shown,
        message: renderParts(template),
        segments: [...path],
        template,
    };
    if (azureErrorCode !== undefined) made.azureErrorCode = azureErrorCode;
    if (display.note !== undefined) made.note = display.note;
    if (display.label !== undefined) made.label = display.label;
    return made;
}

/** Collects diagnostics while checks run. */
export class Sink {
    readonly diagnostics: Diagnostic[] = [];

    add(severity: Severity, ruleId: string, path: Path, message: Text | string, azureErrorCode?: string): void {
        this.diagnostics.push(diagnostic(severity, ruleId, path, message, azureErrorCode));
    }
    error(ruleId: string, path: Path, message: Text | string, azureErrorCode?: string): void {
        this.add("error", ruleId, path, message, azureErrorCode);
    }
    warn(ruleId: string, path: Path, message: Text | string, azureErrorCode?: string): void {
        this.add("warning", ruleId, path, message, azureErrorCode);
    }
    info(ruleId: string, path: Path, message: Text | string): void {
        this.add("info", ruleId, path, message);
    }
}

/** One diagnostic as a line: severity, rule id, path, message and the Azure error code. */
export function formatDiagnostic(d: Diagnostic): string {
    return `${d.severity} ${d.ruleId} ${d.path || "(plan)"}: ${d.message}${d.azureErrorCode ? ` [${d.azureErrorCode}]` : ""}`;
}

/** The text of an error listing problems, one per line: severity, rule id, the user's path, the message with its fix. */
export function formatProblems(title: string, problems: readonly Diagnostic[]): string {
    const n = problems.length;
    return `${title} (${n} problem${n === 1 ? "" : "s"}):\n${problems.map((d) => `  - ${formatDiagnostic(d)}`).join("\n")}`;
}

/** One row of a `PathMap`: a path prefix in one layer's terms and what it is in another's. */
export interface PathRow {
    /** The prefix, e.g. `["nodePools", 1]`. */
    from: Path;
    /** What it becomes, e.g. `["nodePools", 0]`; the rest of the path follows unless `whole`. */
    to: Path;
    /** Drop the rest of the path (the other layer has no such field, e.g. a subnet read from Azure). @default false */
    whole?: boolean;
    /** Words shown after the path where it is the diagnostic's own path, e.g. `VNet "hub" address space`. @default - none */
    note?: string;
    /** How the path reads inside a message, when not the path itself (e.g. `peering`). @default - the path */
    inMessage?: string;
    /** How the path reads as a diagnostic's own path, when not the path itself (e.g. `NodePool "edge" pool`). @default - the path */
    label?: string;
}

/** A table of path rows; the longest matching prefix wins, so one field can be mapped apart from its parent. */
export class PathMap {
    private readonly entries: PathRow[];

    constructor(rows: readonly PathRow[]) {
        this.entries = [...rows].sort((a, b) => b.from.length - a.from.length);
    }

    /** The rows, longest prefix first. */
    rows(): readonly PathRow[] {
        return this.entries;
    }

    /** The row that maps a path, and the rest of the path under it. */
    match(path: Path): { row: PathRow; rest: Path } | undefined {
        const row = this.entries.find((entry) => hasPrefix(path, entry.from));
        return row && { row, rest: path.slice(row.from.length) };
    }

    /** The path in the other layer's terms (unchanged when no row matches). */
    map(path: Path): Path {
        const found = this.match(path);
        if (!found) return path;
        return found.row.whole ? found.row.to : [...found.row.to, ...found.rest];
    }

    /** The map with every destination under `prefix` (e.g. `["cluster"]`). */
    prefixed(prefix: readonly Segment[]): PathMap {
        return new PathMap(this.entries.map((row) => ({ ...row, to: [...prefix, ...row.to] })));
    }

    /** This map plus more rows (rows given here win on equal prefixes). */
    with(rows: readonly PathRow[]): PathMap {
        const keys = new Set(rows.map((row) => formatPath(row.from)));
        return new PathMap([...rows, ...this.entries.filter((row) => !keys.has(formatPath(row.from)))]);
    }

    /** A diagnostic in the other layer's terms: its path and every path slot of its message mapped. */
    relocate(found: Diagnostic): Diagnostic {
        const match = this.match(found.segments);
        const segments = this.map(found.segments);
        const slots = found.template.map((part) => this.slot(part));
        const display: PathDisplay = match ? { note: match.row.note, label: match.row.label } : { note: found.note, label: found.label };
        return diagnostic(found.severity, found.ruleId, segments, new Text(slots), found.azureErrorCode, display);
    }

    private slot(part: MessagePart): MessagePart {
        if (typeof part === "string") return part;
        const match = this.match(part.path);
        if (match?.row.inMessage !== undefined) return match.row.inMessage;
        return { path: this.map(part.path) };
    }
}

/** A diagnostic with every path (its own and its message's) passed through `map`. */
export function mapPaths(found: Diagnostic, map: (path: Path) => Path): Diagnostic {
    const template = found.template.map((part) => (typeof part === "string" ? part : { path: map(part.path) }));
    return diagnostic(found.severity, found.ruleId, map(found.segments), new Text(template), found.azureErrorCode, {
        note: found.note,
        label: found.label,
    });
}

/**
 * The list with warnings of the given rules made errors, each saying why in its message (a team's
 * `warningsAsErrors`); other findings are returned as they are.
 */
export function escalate(list: readonly Diagnostic[], ruleIds: readonly string[], why: string): Diagnostic[] {
    return list.map((found) =>
        found.severity === "warning" && ruleIds.includes(found.ruleId)
            ? diagnostic("error", found.ruleId, found.segments, t`${new Text(found.template)} (${why})`, found.azureErrorCode, {
                  note: found.note,
                  label: found.label,
              })
            : found,
    );
}
