/**
 * `aks-network plan`: run a Pulumi program offline under mocks and print its network plan and the
 * resources `pulumi up` would create.
 */
import * as path from "node:path";
import { choice, parseCommandArgs, positionals } from "../args";
import { UsageError } from "../errors";
import { writeKubernetesFiles } from "./k8s-out";
import { formatPlan, PlanFormat } from "./render";
import { runIsolated } from "./isolate";
import { formatViolations, policyViolations } from "./policy";
import { PlanResult } from "./types";

/** The help of `aks-network plan`. */
export const PLAN_HELP = `usage: aks-network plan [--dir DIR] [--stack NAME] [--format text|json|markdown] [--out DIR]
                        [--fixtures FILE] [--preview] [--policy] [--timeout SECONDS]

Run the Pulumi program of DIR with a stack's config in a Node.js process of its own, under Pulumi's
mock engine: no Pulumi CLI, no cloud, no credentials. Prints the network plan report (found in the
outputs of components and of the stack, e.g. an output named networkPlan) and every resource
\`pulumi up\` would create: type, name, parent and key properties.

options:
  --dir DIR          the program's folder, holding Pulumi.yaml (default: the current folder)
  --stack NAME       use Pulumi.<NAME>.yaml (default: the only stack file, else "dev")
  --format FORMAT    text (default), markdown (a PR comment) or json (the input of "aks-network diff")
  --out DIR          also write the Kubernetes objects and Helm chart values as YAML files into DIR
  --fixtures FILE    JSON or YAML describing what cannot be known offline: existing Azure networks
                     (azure.virtualNetworks, answered to getVirtualNetwork/getSubnet), other invoke
                     results (invokes), extra resource outputs (resources) and offline values for
                     encrypted config keys (secrets); see lib/cli/README.md
  --preview          run as \`pulumi preview\`: provider outputs are unknown, as on a first preview
  --policy           also run the policy pack's rules (pulumi-aks-network/policy) over the recorded
                     resources and print the violations (JSON: policyViolations); mandatory ones fail
  --timeout SECONDS  give up when the program has not finished (default 120); a program that does
                     not yield (a loop that never ends) is killed, and the plan fails
  -h, --help         show this help

Encrypted config values (secure:) cannot be decrypted offline: the program gets a placeholder and
they print as [secret], as does every Pulumi secret in resource inputs and outputs.

exit status: 0 the program ran and no network plan has errors; 1 a network plan has errors, the
program failed or (--policy) a policy violation is mandatory; 2 bad usage, or a project, stack or fixtures file that cannot be read or parsed.

JSON (--format json): { kind: "aks-network-plan", version: 1, tool, project, stack, program,
preview, status: "ok"|"failed", error, config, networkPlans: [{ owner, output, label, report }],
outputs, resources: [{ urn, type, name, parent, op, custom, provider, dependsOn, options,
keyProperties, inputs }], summary: { resources, byType }, log: [{ severity, message }] }`;

/** Options of {@link planCommand}, parsed from the command line. */
export interface PlanCommandOptions {
    dir: string;
    stack?: string;
    format: PlanFormat;
    out?: string;
    fixtures?: string;
    preview: boolean;
    timeoutMs: number;
    /** Run the policy evaluator over the recorded resources. @default false */
    policy?: boolean;
}

/** Parse `plan`'s arguments. */
export function parsePlanArgs(argv: string[]): PlanCommandOptions | "help" {
    const { values, positionals: pos } = parseCommandArgs("plan", argv, {
        dir: { type: "string" },
        stack: { type: "string" },
        format: { type: "string" },
        out: { type: "string" },
        fixtures: { type: "string" },
        preview: { type: "boolean" },
        policy: { type: "boolean" },
        timeout: { type: "string" },
    });
    if (values.help) return "help";
    positionals("plan", pos, []);
    let timeoutMs = 120_000;
    if (values.timeout !== undefined) {
        const s = Number(values.timeout);
        if (!Number.isFinite(s) || s <= 0)
            throw new UsageError(`--timeout must be a number of seconds above 0, not "${String(values.timeout)}"`);
        timeoutMs = s * 1000;
    }
    return {
        dir: path.resolve((values.dir as string | undefined) ?? "."),
        stack: values.stack as string | undefined,
        format: choice("plan", "format", values.format, ["text", "json", "markdown"] as const, "text"),
        out: values.out as string | undefined,
        fixtures: values.fixtures as string | undefined,
        preview: values.preview === true,
        policy: values.policy === true,
        timeoutMs,
    };
}

/** The exit status of a plan result: 1 when the program failed or a network plan has errors. */
export function planExitCode(result: PlanResult): number {
    const mandatory = result.policyViolations?.some((v) => v.enforcementLevel === "mandatory") ?? false;
    return result.status !== "ok" || result.networkPlans.some((p) => p.report.verdict === "reject") || mandatory ? 1 : 0;
}

/** Run `plan` with parsed options; output through `out`, progress through `err`. Returns the exit status. */
export async function planCommand(opts: PlanCommandOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
    // The program runs in a process of its own, so that it can be stopped at the deadline whatever it does.
    const result = await runIsolated(
        {
            dir: opts.dir,
            stack: opts.stack,
            preview: opts.preview,
            fixtures: opts.fixtures,
            timeoutMs: opts.timeoutMs,
        },
        err,
    );
    err(`aks-network: ${result.resources.length} resources recorded${result.status === "ok" ? "" : "; the program failed"}\n`);
    if (result.networkPlans.length === 0)
        err("aks-network: warning: no network plan report found in the component or stack outputs (e.g. an output named networkPlan)\n");
    if (opts.out) {
        const files = writeKubernetesFiles(result, opts.out);
        err(`aks-network: wrote ${files.length} file${files.length === 1 ? "" : "s"} to ${opts.out}\n`);
    }
    if (opts.policy) result.policyViolations = policyViolations(result.resources);
    out(opts.format === "json" ? `${JSON.stringify(result, null, 2)}\n` : formatPlan(result, opts.format));
    if (result.policyViolations && opts.format !== "json")
        out(`\n${formatViolations(result.policyViolations, opts.format === "markdown")}`);
    if (result.error !== null) err(`aks-network: the program failed: ${result.error.split("\n")[0]}\n`);
    return planExitCode(result);
}
