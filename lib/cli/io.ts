/**
 * Reading the command's input files: JSON or YAML, with one-line reasons when that fails.
 */
import * as fs from "node:fs";
import type * as Yaml from "yaml";
import { firstLine, UsageError } from "./errors";

/** Read a text file; throws a {@link UsageError} naming the file and the reason. */
export function readText(file: string): string {
    try {
        return fs.readFileSync(file, "utf8");
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
}

/**
 * Parse JSON or YAML text: `.json` files as JSON, everything else as YAML (a superset of JSON).
 * Throws a {@link UsageError} with the parser's first line (and position) when the text is not valid,
 * and when the file holds nothing.
 */
export function parseStructured(text: string, file: string): unknown {
    let value: unknown;
    try {
        value = /\.json$/i.test(file) ? JSON.parse(text) : (require("yaml") as typeof Yaml).parse(text, { prettyErrors: false });
    } catch (e) {
        throw new UsageError(`cannot parse ${file}: ${firstLine(e)}`);
    }
    if (value === null || value === undefined) throw new UsageError(`cannot parse ${file}: the file is empty`);
    return value;
}

/** Read and parse a JSON or YAML file (see {@link parseStructured}). */
export function readStructuredFile(file: string): unknown {
    return parseStructured(readText(file), file);
}

/** True for a plain object (not an array, not null). */
export { isRecord } from "../network/report-sink";
