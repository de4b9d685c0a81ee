/**
 * Command-line parsing for `aks-network`: strict options, one-line errors.
 */
import { parseArgs } from "node:util";
import { UsageError } from "./errors";

/** How a command's options are declared (a subset of `node:util` `parseArgs`). */
export interface OptionSpec {
    type: "string" | "boolean";
    short?: string;
    multiple?: boolean;
}

/** Parsed arguments: option values by name and the positional arguments. */
export interface ParsedArgs {
    values: Record<string, string | boolean | string[] | boolean[] | undefined>;
    positionals: string[];
}

/**
 * Parse `argv` for `command`; `--help`/`-h` are always accepted. Unknown options and missing values
 * become a {@link UsageError} that names the command's help.
 */
export function parseCommandArgs(command: string, argv: string[], options: Record<string, OptionSpec>): ParsedArgs {
    try {
        const { values, positionals } = parseArgs({
            args: argv,
            options: { ...options, help: { type: "boolean", short: "h" } },
            strict: true,
            allowPositionals: true,
        });
        return { values: values as ParsedArgs["values"], positionals };
    } catch (e) {
        const err = e as Error & { code?: string };
        const option = /'(-[^' ]+)/.exec(err.message)?.[1];
        const help = `run "aks-network ${command} --help"`;
        if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
            throw new UsageError(`unknown option ${option ?? ""} for ${command}; ${help}`);
        }
        if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
            throw new UsageError(`option ${option ?? ""} of ${command} needs a value; ${help}`);
        }
        throw new UsageError(`${err.message.split("\n")[0]}; ${help}`);
    }
}

/** A string option restricted to `allowed`; `fallback` when absent. */
export function choice<T extends string>(command: string, name: string, value: unknown, allowed: readonly T[], fallback: T): T {
    if (value === undefined) return fallback;
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
        throw new UsageError(
            `--${name} must be ${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]}, not "${String(value)}"; run "aks-network ${command} --help"`,
        );
    }
    return value as T;
}

/** Exactly `count` positional arguments, named in the error when they are missing or extra. */
export function positionals(command: string, got: string[], names: string[]): string[] {
    if (got.length < names.length) {
        throw new UsageError(
            `${command} needs ${names.map((n) => `<${n}>`).join(" ")}; missing <${names[got.length]}>; run "aks-network ${command} --help"`,
        );
    }
    if (got.length > names.length) {
        throw new UsageError(
            `${command} takes ${names.length === 0 ? "no arguments" : names.map((n) => `<${n}>`).join(" ")}; unexpected "${got[names.length]}"; run "aks-network ${command} --help"`,
        );
    }
    return got;
}
