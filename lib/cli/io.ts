/**
 * Reading the command's input files: JSON or YAML, with one-line reasons when that fails.
 */
import * as fs from "node:fs";
import type * as Yaml from "yaml";
import { firstLine, UsageError } from "./errors";

/**
 * True when `bytes` look like a text file: no NUL byte (what git and diff take as the mark of a
 * binary file) and valid UTF-8 throughout.
 */
export function isText(bytes: Uint8Array): boolean {
    if (bytes.includes(0)) return false;
    try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        return true;
    } catch {
        return false;
    }
}

/**
 * Read a UTF-8 text file (without a byte order mark); throws a {@link UsageError} naming the file and
 * the reason, "not a text file" for a binary file or another encoding (never its bytes).
 */
export function readText(file: string): string {
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(file);
    } catch (e) {
        const err = e as NodeJS.ErrnoException;
        const reason =
            err.code === "ENOENT"
                ? "no such file"
                : err.code === "EISDIR"
                  ? "it is a directory"
                  : err.code === "EACCES"
                    ? "permission denied"
                    : firstLine(err);
        throw new UsageError(`cannot read ${file}: ${reason}`);
    }
    if (!isText(bytes)) throw new UsageError(`cannot read ${file}: not a text file (binary, or not UTF-8); pass a JSON or YAML file`);
    return bytes.toString("utf8").replace(/^\uFEFF/, "");
}

/** The 1-based line and column of a 0-based character offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
    const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
    const lines = before.split("\n");
    return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** V8 shows this many characters of the text on each side of an unexpected token. */
const JSON_CONTEXT = 10;

/**
 * Where a JSON.parse error points, as an offset in `text`: V8 says "at position N", or quotes the
 * text around an unexpected token (`..."<10 characters before, the token, 10 after>"...`), or the
 * input ended.
 */
function jsonErrorOffset(message: string, text: string): number | null {
    const position = / at position (\d+)/.exec(message);
    if (position) return Number(position[1]);
    if (/^Unexpected end of JSON input/.test(message)) return text.length;
    const quoted = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
    if (!quoted) return null;
    const [, token, cut, context] = quoted;
    const at = text.indexOf(context);
    if (at < 0) return null;
    return cut ? at + JSON_CONTEXT : at + context.indexOf(token);
}

/** The parser's reason and where in the text it applies, from a JSON.parse or yaml error. */
function parseProblem(e: unknown, text: string): { reason: string; at: { line: number; column: number } | null } {
    const first = firstLine(e);
    const linePos = (e as { linePos?: { line: number; col: number }[] }).linePos;
    if (Array.isArray(linePos) && linePos.length > 0) {
        // yaml: "<reason> at line L, column C:" followed by an excerpt of the text.
        return { reason: first.replace(/ at line \d+, column \d+:?$/, ""), at: { line: linePos[0].line, column: linePos[0].col } };
    }
    const message = e instanceof Error ? e.message : String(e);
    const offset = e instanceof SyntaxError ? jsonErrorOffset(message, text) : null;
    // Without the position and the quoted text, which may span lines.
    const reason = first.replace(/ in JSON at position \d+.*$/, "").replace(/^(Unexpected token '[\s\S]'), .*$/, "$1");
    return { reason, at: offset === null ? null : lineAndColumn(text, offset) };
}

/**
 * Parse JSON or YAML text: `.json` files as JSON, everything else as YAML (a superset of JSON).
 * Throws a {@link UsageError} with the parser's reason and its line and column when the text is not
 * valid, and when the file holds nothing.
 */
export function parseStructured(text: string, file: string): unknown {
    let value: unknown;
    try {
        value = /\.json$/i.test(file) ? JSON.parse(text) : (require("yaml") as typeof Yaml).parse(text, { prettyErrors: true });
    } catch (e) {
        const { reason, at } = parseProblem(e, text);
        throw new UsageError(`cannot parse ${file}: ${reason}${at ? ` (line ${at.line}, column ${at.column})` : ""}`);
    }
    if (value === null || value === undefined) throw new UsageError(`cannot parse ${file}: the file is empty`);
    return value;
}

/** Read and parse a JSON or YAML file (see {@link parseStructured}). */
export function readStructuredFile(file: string): unknown {
    return parseStructured(readText(file), file);
}

/** True for a plain object (not an array, not null). */
export { isRecord } from "../core/words";
