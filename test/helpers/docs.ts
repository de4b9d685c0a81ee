/**
 * Generates the reference sections of docs/reference.md (argument tables and rule lists) from the
 * code, so they can't drift: `test/docs/readme.test.ts` fails when the file differs, and rewrites it
 * with `WRITE_README=1`. Argument tables come from the interfaces' TSDoc (summary and `@default`), read with
 * the TypeScript parser (no type-checking).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import { RuleInfo } from "../../lib/network/catalog";

const ROOT = join(__dirname, "..", "..");

export interface ArgRow {
    name: string;
    type: string;
    optional: boolean;
    summary: string;
    default: string;
}

function jsDocOf(node: ts.Node): { summary: string; tags: Map<string, string> } {
    const docs = (node as unknown as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
    const doc = docs[docs.length - 1];
    const tags = new Map<string, string>();
    if (!doc) return { summary: "", tags };
    const text = (c: ts.JSDoc["comment"] | ts.JSDocTag["comment"]): string =>
        typeof c === "string" ? c : (c ?? []).map((p) => p.text).join("");
    for (const tag of doc.tags ?? []) tags.set(tag.tagName.text, text(tag.comment).trim());
    return { summary: text(doc.comment).trim(), tags };
}

/** First sentence of a doc comment, on one line. */
function firstSentence(s: string): string {
    // Abbreviations are not sentence ends.
    const one = s
        .replace(/\s+/g, " ")
        .trim()
        .replace(/\b(e\.g|i\.e|etc)\./g, "$1\u0000");
    const m = /^(.*?[.!?])(\s|$)/.exec(one);
    return (m ? m[1] : one).replace(/\.$/, "").replaceAll("\u0000", ".");
}

/** The properties of an exported interface in a source file, with their TSDoc. */
export function interfaceRows(file: string, name: string): ArgRow[] {
    const path = join(ROOT, file);
    const sf = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.ES2022, true);
    let found: ts.InterfaceDeclaration | undefined;
    sf.forEachChild((n) => {
        if (ts.isInterfaceDeclaration(n) && n.name.text === name) found = n;
    });
    if (!found) throw new Error(`interface ${name} not found in ${file}`);
    const rows: ArgRow[] = [];
    for (const m of found.members) {
        if (!ts.isPropertySignature(m) || !m.name) continue;
        const { summary, tags } = jsDocOf(m);
        rows.push({
            name: m.name.getText(sf),
            type: (m.type?.getText(sf) ?? "").replace(/\s+/g, " "),
            optional: m.questionToken !== undefined,
            summary: firstSentence(summary),
            default: tags.get("default") ?? "",
        });
    }
    return rows;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A markdown table of an interface's arguments. */
export function argTable(file: string, name: string): string {
    const rows = interfaceRows(file, name);
    const lines = [`**\`${name}\`**`, "", "| argument | type | default | description |", "| --- | --- | --- | --- |"];
    for (const r of rows) {
        const def = r.optional ? (r.default.startsWith("- ") ? r.default.slice(2) : r.default ? `\`${r.default}\`` : "") : "required";
        lines.push(`| \`${r.name}\` | \`${cell(r.type)}\` | ${cell(def)} | ${cell(r.summary)} |`);
    }
    return lines.join("\n");
}

/** A markdown table of a rule catalogue. */
export function ruleTable(rules: readonly RuleInfo[]): string {
    return [
        "| rule | severity | what it checks | source |",
        "| --- | --- | --- | --- |",
        ...rules.map((r) => `| ${r.id} | ${r.severity} | ${cell(r.title)} | ${cell(r.source)} |`),
    ].join("\n");
}

/** Replace the text between `<!-- generated:KEY -->` and `<!-- /generated:KEY -->`. */
export function replaceRegion(doc: string, key: string, body: string): string {
    const start = `<!-- generated:${key} -->`;
    const end = `<!-- /generated:${key} -->`;
    const i = doc.indexOf(start);
    const j = doc.indexOf(end);
    if (i < 0 || j < i) throw new Error(`no region ${key} in the document`);
    return `${doc.slice(0, i + start.length)}\n${body}\n${doc.slice(j)}`;
}

/** A markdown table of a component class's public readonly properties (its outputs). */
export function outputTable(file: string, className: string): string {
    const path = join(ROOT, file);
    const sf = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.ES2022, true);
    let found: ts.ClassDeclaration | undefined;
    sf.forEachChild((n) => {
        if (ts.isClassDeclaration(n) && n.name?.text === className) found = n;
    });
    if (!found) throw new Error(`class ${className} not found in ${file}`);
    const lines = [`**\`${className}\` outputs**`, "", "| output | type | description |", "| --- | --- | --- |"];
    for (const m of found.members) {
        if (!ts.isPropertyDeclaration(m) || !m.name) continue;
        const mods = ts.getModifiers(m) ?? [];
        if (!mods.some((x) => x.kind === ts.SyntaxKind.PublicKeyword) || !mods.some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword))
            continue;
        lines.push(
            `| \`${m.name.getText(sf)}\` | \`${cell((m.type?.getText(sf) ?? "").replace(/\s+/g, " "))}\` | ${cell(firstSentence(jsDocOf(m).summary))} |`,
        );
    }
    return lines.join("\n");
}
