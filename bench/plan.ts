/**
 * 5. Offline plan: `aks-network plan` of the dev stack (the root Pulumi program with Pulumi.dev.yaml,
 * run in-process under Pulumi's mock engine by the CLI), as a user runs it: the built CLI in a fresh
 * process. Wall time and peak RSS, median of several runs. No budget: reported for the README.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import { ChildRun, interleave, ROOT, runNode, tail } from "./child";
import { Measurement } from "./result";
import { mb, median, ms, range } from "./stats";

const CLI = path.join(ROOT, "dist", "lib", "cli", "main.js");

/** Why the plan cannot be measured yet, or null when it can. */
function missing(): string | null {
    if (!existsSync(CLI)) return "the CLI is not built (dist/lib/cli/main.js)";
    const help = runNode(CLI, ["plan", "--help"]);
    if (help.code !== 0)
        return `the CLI has no working \`plan\` command yet (\`aks-network plan --help\` exited ${help.code}: ${tail(help.stderr || help.stdout, 1)})`;
    if (!existsSync(path.join(ROOT, "Pulumi.yaml"))) return "there is no root Pulumi.yaml (stack program) yet";
    if (!existsSync(path.join(ROOT, "Pulumi.dev.yaml"))) return "there is no Pulumi.dev.yaml (dev stack config) yet";
    return null;
}

/** How the CLI loads the program: a TypeScript main goes through ts-node (transpile-only), as Pulumi does. */
function mainNote(): string {
    try {
        const main = (YAML.parse(readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as { main?: string }).main ?? "";
        return main.endsWith(".ts")
            ? `The program (Pulumi.yaml main: ${main}) is TypeScript: the CLI loads it and the package sources it imports through ts-node (transpile-only), as Pulumi would; that compilation is part of the time.`
            : `The program is Pulumi.yaml main: ${main || "(the folder's package.json main)"}.`;
    } catch {
        return "";
    }
}

export const PLAN_ARGS = ["plan", "--dir", ROOT, "--stack", "dev", "--format", "json"];

export function measurePlan(rounds: number, progress?: (m: string) => void): Measurement {
    const title = "Offline plan of the dev stack";
    const why = missing();
    if (why) {
        return {
            id: "plan",
            title,
            status: "incomplete",
            rows: [
                {
                    figure: "aks-network plan (dev stack): wall time, peak RSS",
                    value: `not measured: ${why}`,
                    budget: "none",
                    status: "incomplete",
                },
            ],
            budgets: [],
            notes: [`INCOMPLETE: ${why}.`],
            data: null,
        };
    }
    const runs = interleave(
        rounds,
        {
            plan: (): ChildRun => {
                const r = runNode(CLI, PLAN_ARGS);
                if (r.code !== 0) throw new Error(`aks-network ${PLAN_ARGS.join(" ")} exited ${r.code}: ${tail(r.stderr || r.stdout)}`);
                return r;
            },
        },
        true,
        progress,
    ).plan;
    const wall = runs.map((r) => r.wallMs);
    const rss = runs.map((r) => r.maxRssKb ?? NaN);
    let resources: number | null;
    try {
        const out = JSON.parse(runs[0].stdout) as { resources?: unknown[] };
        resources = Array.isArray(out.resources) ? out.resources.length : null;
    } catch {
        resources = null;
    }
    return {
        id: "plan",
        title,
        status: "info",
        rows: [
            {
                figure: "aks-network plan (dev stack): wall time",
                value: `${ms(median(wall))} (${ms(range(wall)[0])}–${ms(range(wall)[1])})`,
                budget: "none",
                status: "info",
            },
            {
                figure: "aks-network plan (dev stack): peak RSS",
                value: `${mb(median(rss))} (${mb(range(rss)[0])}–${mb(range(rss)[1])})`,
                budget: "none",
                status: "info",
            },
        ],
        budgets: [],
        notes: [
            `${rounds} runs after one warm-up: \`node dist/lib/cli/main.js ${PLAN_ARGS.join(" ").replace(ROOT, ".")}\`, wall time from spawn to exit, peak RSS from process.resourceUsage().maxRSS of that process.`,
            resources === null ? "" : `The plan lists ${resources} resources.`,
            mainNote(),
        ].filter(Boolean),
        data: { rounds, wallMs: wall, maxRssKb: rss, resources },
    };
}
