/**
 * How classified changes read in a terminal and in a PR comment: one sentence per risky change, values
 * short (lists on one line, resource ids cut in the middle so the last segments stay).
 */
import { displayValue } from "../display";
import { RISK_CLASSES, ResourceChange, RiskReason } from "./classify";
import type { RiskSummary } from "./assess";

/** How a diff is written: markdown (a PR comment) or plain text. */
export interface Markup {
    md: boolean;
    /** The arrow between a base and a head value. */
    arrow: string;
    /** Escape text for markdown (table cells, list items). */
    esc: (s: string) => string;
    /** A name or path as inline code. */
    code: (s: string) => string;
    /** A section heading. */
    heading: (level: number, title: string) => string;
}

/** The markup of a format. */
export function markupOf(format: "text" | "markdown"): Markup {
    const md = format === "markdown";
    return {
        md,
        arrow: md ? "→" : "->",
        esc: (s) => (md ? s.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/\n/g, " ") : s),
        code: (s) => (md ? `\`${s.replace(/`/g, "'")}\`` : s),
        heading: (level, title) => (md ? `${"#".repeat(level)} ${title}` : `${title}\n${"-".repeat(title.length)}`),
    };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The one-line summary, e.g. "2 replacements (1 protected), 1 blocked, 3 safe". */
export function summaryLine(s: RiskSummary): string {
    const parts: string[] = [];
    if (s.risk.replace) parts.push(`${plural(s.risk.replace, "replacement")}${s.protected ? ` (${s.protected} protected)` : ""}`);
    if (s.risk.blocked) parts.push(`${s.risk.blocked} blocked`);
    if (s.op.delete) parts.push(plural(s.op.delete, "deletion"));
    if (s.risk.disruptive) parts.push(`${s.risk.disruptive} disruptive`);
    if (s.risk.ignored) parts.push(`${s.risk.ignored} ignored`);
    if (s.risk.safe) parts.push(`${s.risk.safe} safe`);
    if (s.renamed) parts.push(plural(s.renamed, "rename"));
    return parts.length ? parts.join(", ") : "no resource changes";
}

/** One reason as a sentence fragment. */
function sentence(r: RiskReason, c: ResourceChange, m: Markup): string {
    const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    const note = r.unconfirmed ? " (not confirmed; the safer class was chosen)" : "";
    if (r.path === "(resource)" || r.path === "(cluster)") return `${cap(m.esc(r.why))}${note}`;
    if (r.path === "(urn)") return `The URN ${r.why}`;
    if (r.path === "(parent)") return `Changing the parent ${r.why}`;
    if (r.path.startsWith("(option) ")) {
        const opt = r.path.slice(9);
        return r.risk === "safe" ? `Changing the option ${m.code(opt)} ${r.why}` : `${m.code(opt)} ${r.why}`;
    }
    const ch = c.changes.find((x) => x.path === r.path);
    const values = ch ? ` (${m.esc(displayValue(ch.base))} ${m.arrow} ${m.esc(displayValue(ch.head))})` : "";
    return `Changing ${m.code(r.path)}${values} ${m.esc(r.why)}${note}`;
}

const LABEL: Record<string, string> = {
    replace: "replace",
    blocked: "blocked",
    disruptive: "disruptive",
    ignored: "ignored",
    safe: "safe",
};

/** The head line of a change: class, operation, type, name, flags. */
function title(c: ResourceChange, m: Markup): string {
    const flags = [c.protected ? "protected" : "", c.container && (c.op === "delete" || c.op === "replace") ? "container" : ""]
        .filter((x) => x)
        .join(", ");
    const op = c.op === c.risk ? "" : ` ${c.op}`;
    const what = `${m.code(c.type)} ${m.code(c.name)}${flags ? ` (${flags})` : ""}`;
    return m.md
        ? `**${LABEL[c.risk]}**${op} ${what}`
        : `${LABEL[c.risk].toUpperCase()}${op} ${c.type} ${c.name}${flags ? ` (${flags})` : ""}`;
}

/** Each reason once: those of the resource's own class first, then the most severe. */
function orderedReasons(c: ResourceChange): RiskReason[] {
    const seen = new Set<string>();
    const rank = (r: RiskReason) => (r.risk === c.risk ? -1 : RISK_CLASSES.indexOf(r.risk));
    return [...c.reasons]
        .sort((a, b) => rank(a) - rank(b))
        .filter((r) => {
            const k = `${r.path}\u0000${r.why}`;
            if (seen.has(k)) return false;
            seen.add(k);
            return true;
        });
}

/** A change as lines: its title with the first reason, then the other reasons (at most `maxReasons`). */
export function changeLines(c: ResourceChange, m: Markup, maxReasons = 8): string[] {
    const reasons = orderedReasons(c);
    const shown = reasons.slice(0, maxReasons).map((r) => `${sentence(r, c, m)}.`);
    const more = reasons.length > maxReasons ? [`and ${reasons.length - maxReasons} more changes`] : [];
    const sources = [...new Set(reasons.slice(0, 1).map((r) => r.source))];
    if (m.md) {
        const first = `- ${title(c, m)}: ${shown[0] ?? ""}${sources.length && c.risk !== "safe" ? ` <sub>${m.esc(sources[0])}</sub>` : ""}`;
        return [first, ...[...shown.slice(1), ...more].map((s) => `  - ${s}`)];
    }
    return [title(c, m), ...[...shown, ...more].map((s) => `    ${s}`)];
}
