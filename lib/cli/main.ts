#!/usr/bin/env node
/**
 * The `aks-network` command: validate network plans, plan Pulumi programs offline, diff plans.
 *
 * Results go to stdout, progress and errors to stderr. Exit status: 0 success, 1 the plan has errors
 * (or the program failed), 2 bad usage or an input that cannot be read or parsed.
 */
import { choice, parseCommandArgs, positionals } from "./args";
import { firstLine, UsageError } from "./errors";
import { packageVersion } from "./version";

/** The overview printed by `aks-network --help`. */
export const HELP = `usage: aks-network <command> [options]

Offline tools for AKS networking with pulumi-aks-network: no Pulumi CLI, no cloud, no credentials.

commands:
  validate <file>              validate a network plan (JSON/YAML) or a Pulumi stack config file
  plan [--dir DIR] [--stack S] run a Pulumi program under mocks: network plan and resources to create
  diff <base.json> <head.json> compare two "plan --format json" results (a PR comment with --format markdown)
  help [command]               show help

options:
  --version                    print the version of pulumi-aks-network

run "aks-network <command> --help" for a command's options.
exit status: 0 success; 1 the plan has errors; 2 bad usage or unreadable input; 3 an internal error (a bug);
4 (diff --fail-on) a change of a failing risk class.`;

const COMMANDS = ["validate", "plan", "diff"];

type Write = (s: string) => void;

// Commands load their modules when run, so that help and small commands start quickly.

async function diffCommand(argv: string[], out: Write): Promise<number> {
    const { DIFF_HELP, diffExitStatus, diffPlans, formatPlanDiff, parseFailOn, readPlanResult } = await import("./diff");
    const { values, positionals: pos } = parseCommandArgs("diff", argv, {
        format: { type: "string" },
        "fail-on": { type: "string" },
        "max-chars": { type: "string" },
    });
    if (values.help) {
        out(`${DIFF_HELP}\n`);
        return 0;
    }
    const format = choice("diff", "format", values.format, ["text", "markdown", "json"] as const, "text");
    const failOn = parseFailOn(values["fail-on"]);
    const maxChars = values["max-chars"] === undefined ? undefined : Number(values["max-chars"]);
    if (maxChars !== undefined && !(Number.isInteger(maxChars) && maxChars >= 1000))
        throw new UsageError(
            `diff --max-chars: "${String(values["max-chars"])}" is not a whole number of at least 1000; e.g. --max-chars 60000`,
        );
    const [baseFile, headFile] = positionals("diff", pos, ["base.json", "head.json"]);
    const head = readPlanResult(headFile);
    const d = diffPlans(readPlanResult(baseFile), head);
    out(format === "json" ? `${JSON.stringify(d, null, 2)}\n` : formatPlanDiff(d, format, { maxChars }));
    return diffExitStatus(d, failOn, head);
}

/**
 * Run the command line `argv` (without `node` and the script). Resolves to the exit status.
 * `plan` runs the program in a process of its own, so this may be called more than once.
 */
export async function main(
    argv: string[],
    out: Write = (s) => process.stdout.write(s),
    err: Write = (s) => process.stderr.write(s),
): Promise<number> {
    const [command, ...rest] = argv;
    try {
        if (command === undefined) {
            err(`${HELP}\n`);
            return 2;
        }
        if (command === "--help" || command === "-h") {
            out(`${HELP}\n`);
            return 0;
        }
        if (command === "--version") {
            if (rest.length > 0) throw new UsageError(`--version takes no arguments; unexpected "${rest[0]}"; run aks-network --version`);
            out(`${packageVersion() ?? "unknown"}\n`);
            return 0;
        }
        if (command === "help") {
            const topic = rest[0];
            if (topic === undefined) out(`${HELP}\n`);
            else if (COMMANDS.includes(topic)) return main([topic, "--help"], out, err);
            else throw new UsageError(`unknown command "${topic}"; run aks-network --help`);
            return 0;
        }
        switch (command) {
            case "validate":
                return (await import("./validate")).validateCommand(rest, out, err);
            case "plan": {
                const { parsePlanArgs, PLAN_HELP, planCommand } = await import("./plan/command");
                const opts = parsePlanArgs(rest);
                if (opts === "help") {
                    out(`${PLAN_HELP}\n`);
                    return 0;
                }
                return await planCommand(opts, out, err);
            }
            case "diff":
                return await diffCommand(rest, out);
            default:
                throw new UsageError(`unknown command "${command}"; the commands are validate, plan and diff (run aks-network --help)`);
        }
    } catch (e) {
        if (e instanceof UsageError) {
            err(`aks-network: ${e.message}\n`);
            return 2;
        }
        err(`aks-network: internal error: ${firstLine(e)}\n`);
        if (process.env.AKS_NETWORK_DEBUG) err(`${(e as Error).stack ?? ""}\n`);
        return 3;
    }
}

if (require.main === module) {
    void main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
        // A program under mocks may leave timers behind; finish once the output is flushed.
        process.stdout.write("", () => process.exit(code));
    });
}
