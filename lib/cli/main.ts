#!/usr/bin/env node
/**
 * The `aks-network` command.
 */
import { runValidate, UsageError } from "./validate";

const HELP = `usage: aks-network <command> [options]

commands:
  validate <file> [--format text|markdown|json]   validate a network plan (JSON or YAML)

run "aks-network <command> --help" for a command's options`;

export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
    const [command, ...rest] = argv;
    try {
        if (!command || command === "--help" || command === "-h") {
            out(HELP + "\n");
            return command ? 0 : 2;
        }
        if (command === "validate") {
            if (rest.includes("--help")) {
                out("usage: aks-network validate <file> [--format text|markdown|json]\n");
                return 0;
            }
            const fi = rest.indexOf("--format");
            const format = fi >= 0 ? rest[fi + 1] : "text";
            if (format !== "text" && format !== "markdown" && format !== "json") throw new UsageError(`--format must be text, markdown or json, not ${format}`);
            const files = rest.filter((a, i) => !a.startsWith("--") && (fi < 0 || i !== fi + 1));
            if (files.length !== 1) throw new UsageError("validate takes one file");
            return runValidate(files[0], format, out);
        }
        throw new UsageError(`unknown command "${command}"; run aks-network --help`);
    } catch (e) {
        if (e instanceof UsageError) {
            err(`aks-network: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}
