/**
 * `aks-network validate <file>`: validate a NetworkPlan (JSON or YAML) or a Pulumi stack config file
 * of the root stack program, and print the diagnostics and the capacity table.
 * Exit 0 without errors, 1 with errors, 2 when the file can't be read or parsed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { diagnostic, escalate } from "../core/diagnostic";
import { describeNetworkPlan, formatNetworkPlanReport, NetworkPlanReport, verdictOf } from "../network";
import { DEFAULT_WARNINGS_AS_ERRORS } from "../network/defaults";
import { choice, parseCommandArgs, positionals } from "./args";
import { firstLine, UsageError } from "./errors";
import { isRecord, readStructuredFile } from "./io";
import { readProject, SECRET_PLACEHOLDER, stackConfigOf } from "./project";
import { hideStrings } from "./plan/values";
import { CONFIG_NAMESPACE, stackConfigToNetworkPlan } from "./stack-args";

/** The help of `aks-network validate`. */
export const VALIDATE_HELP = `usage: aks-network validate <file> [--format text|markdown|json] [--namespace NS]

Validate an AKS network plan before anything deploys, and print every problem (argument path,
value, rule, fix) and the capacity table.

<file> is either
  - a NetworkPlan, JSON or YAML (see examples/plans/), or
  - a Pulumi stack config file (Pulumi.<stack>.yaml, recognised by its config: key) of the
    aks-network stack program, read as the program reads it: <NS>:network, <NS>:nodePools,
    <NS>:systemPool, <NS>:windows, <NS>:apiServer, ... are AksClusterArgs, checked exactly as the
    AksCluster component checks them; <NS>:name, ingress, sampleApp and windowsAdminPassword are the
    program's; any other key is a problem. Paths are config paths (aks-network:network.podCidrs[0]).
    Encrypted (secure:) values are never decrypted or printed.

options:
  --format FORMAT  text (default), markdown or json (the describeNetworkPlan report)
  --namespace NS   the config namespace of a stack config file (default: ${CONFIG_NAMESPACE})
  --warnings-as-errors IDS
                   rule ids whose warnings fail a NetworkPlan, comma-separated, or "none"
                   (default: ${DEFAULT_WARNINGS_AS_ERRORS.join(",")}, as AksCluster's network.warningsAsErrors;
                   a stack config file uses its own network.warningsAsErrors)
  -h, --help       show this help

exit status: 0 no errors (warnings allowed); 1 the plan has errors; 2 bad usage, or a file that
cannot be read or parsed.`;

/** What a validated file was and what it said. */
export interface ValidateResult {
    /** `plan` for a NetworkPlan, `stack-config` for a Pulumi stack config file. */
    source: "plan" | "stack-config";
    report: NetworkPlanReport;
    /** Notes about the input (which keys were read), for stderr. */
    notes: string[];
}

/** Validate a parsed document (a NetworkPlan or a stack config file's content). */
export function validateDocument(
    doc: unknown,
    file: string,
    namespace = CONFIG_NAMESPACE,
    warningsAsErrors: readonly string[] = DEFAULT_WARNINGS_AS_ERRORS,
): ValidateResult {
    if (isRecord(doc) && "config" in doc) {
        const dir = path.dirname(path.resolve(file));
        const stack = /^Pulumi\.(.+)\.ya?ml$/.exec(path.basename(file))?.[1] ?? "stack";
        let project = namespace;
        if (fs.existsSync(path.join(dir, "Pulumi.yaml")) || fs.existsSync(path.join(dir, "Pulumi.yml"))) {
            try {
                project = readProject(dir).name;
            } catch {
                // an unreadable project file only loses the name of un-namespaced keys
            }
        }
        const config = stackConfigOf(doc, project, stack, file);
        const prefix = `${namespace}:`;
        if (!Object.keys(config.values).some((k) => k.startsWith(prefix))) {
            throw new UsageError(
                `${file} is a stack config file without ${prefix}* keys; nothing to validate (use --namespace for another config namespace)`,
            );
        }
        try {
            const r = stackConfigToNetworkPlan(config.values, namespace, { project, stack });
            const notes = [
                `read ${r.used.length ? r.used.join(", ") : "no cluster arguments"} as AksClusterArgs of component "${r.componentName}"${r.other.length ? `; the program's own: ${r.other.join(", ")}` : ""}`,
            ];
            return { source: "stack-config", report: r.report, notes };
        } catch (e) {
            // The program's reader and the design never throw on config of the documented shape.
            const report = describeNetworkPlan({});
            const diagnostics = [
                diagnostic(
                    "error",
                    "R0",
                    [prefix.slice(0, -1)],
                    `the ${prefix}* config could not be read as the stack program's config: ${firstLine(e)}`,
                ),
            ];
            return { source: "stack-config", report: { ...report, diagnostics, verdict: verdictOf(diagnostics) }, notes: [] };
        }
    }
    if (!isRecord(doc)) {
        throw new UsageError(
            `cannot validate ${file}: expected a network plan (a mapping of networkPlugin, podCidrs, ...) or a stack config file (config:), not ${Array.isArray(doc) ? "a list" : typeof doc}`,
        );
    }
    const report = describeNetworkPlan(doc as never);
    const diagnostics = escalate(report.diagnostics, warningsAsErrors, "a warning made an error by --warnings-as-errors");
    return { source: "plan", report: { ...report, diagnostics, verdict: verdictOf(diagnostics) }, notes: [] };
}

/** The rule ids of `--warnings-as-errors` (`R34,R38`, or `none`); the default when not given. */
function ruleIdList(text: string | undefined): readonly string[] {
    if (text === undefined) return DEFAULT_WARNINGS_AS_ERRORS;
    if (text.trim() === "none") return [];
    const ids = text
        .split(",")
        .map((id) => id.trim())
        .filter((id) => id !== "");
    const bad = ids.filter((id) => !/^R\d+$/.test(id));
    if (bad.length > 0)
        throw new UsageError(
            `validate: --warnings-as-errors ${JSON.stringify(text)} is not a list of rule ids; write e.g. R34,R38 or none`,
        );
    return ids;
}

/** Run `validate` with its arguments. */
export function validateCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
    const { values, positionals: pos } = parseCommandArgs("validate", argv, {
        format: { type: "string" },
        namespace: { type: "string" },
        "warnings-as-errors": { type: "string" },
    });
    if (values.help) {
        out(`${VALIDATE_HELP}\n`);
        return 0;
    }
    const format = choice("validate", "format", values.format, ["text", "markdown", "json"] as const, "text");
    const [file] = positionals("validate", pos, ["file"]);
    const namespace = (values.namespace as string | undefined) ?? CONFIG_NAMESPACE;
    const result = validateDocument(
        readStructuredFile(file),
        file,
        namespace,
        ruleIdList(values["warnings-as-errors"] as string | undefined),
    );
    for (const n of result.notes) err(`aks-network: ${n}\n`);
    const text = format === "json" ? `${JSON.stringify(result.report, null, 2)}\n` : formatNetworkPlanReport(result.report, format);
    out(hideStrings(text, [SECRET_PLACEHOLDER]));
    return result.report.verdict === "reject" ? 1 : 0;
}
