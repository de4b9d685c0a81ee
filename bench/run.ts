/**
 * `npm run bench`: every performance measurement of the package, a table on stdout, JSON in
 * bench/results/latest.json, and a non-zero exit when a budget is missed. See bench/README.md.
 *
 * Options:
 *   --markdown           print the table as Markdown (for the README's Performance section)
 *   --only=a,b           run only these measurements: scale, overhead, typecheck, imports, plan
 *   --quick              fewer rounds (a smoke run; figures are noisier)
 *   --rounds=N           rounds for every measurement
 *   --allow-incomplete   exit 0 when the only problem is a measurement that cannot run yet
 *   --out=FILE           where to write the JSON (default bench/results/latest.json)
 *
 * Exit codes: 0 every budget met; 1 a budget missed or a measurement broke; 3 a measurement is
 * incomplete (its subject does not exist yet), so its budget was not checked.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BENCH_SRC, ROOT } from "./child";
import { measureDiff } from "./diff";
import { measureImports } from "./imports";
import { measureOverhead } from "./overhead";
import { measurePlan } from "./plan";
import { measurePolicy } from "./policy";
import { errored, Measurement, Status, worst } from "./result";
import { measureScale } from "./scale";
import { measureTypecheck } from "./typecheck";

interface Options {
    markdown: boolean;
    only: string[] | null;
    quick: boolean;
    rounds: number | null;
    allowIncomplete: boolean;
    out: string;
}

const ALL = ["scale", "overhead", "typecheck", "imports", "plan", "diff", "policy"];

function parseArgs(argv: string[]): Options {
    const o: Options = {
        markdown: false,
        only: null,
        quick: false,
        rounds: null,
        allowIncomplete: false,
        out: path.join(BENCH_SRC, "results", "latest.json"),
    };
    for (const a of argv) {
        const [k, v] = a.split("=", 2);
        if (k === "--markdown") o.markdown = true;
        else if (k === "--quick") o.quick = true;
        else if (k === "--allow-incomplete") o.allowIncomplete = true;
        else if (k === "--only" && v) o.only = v.split(",");
        else if (k === "--rounds" && v && Number(v) >= 1) o.rounds = Math.floor(Number(v));
        else if (k === "--out" && v) o.out = path.resolve(v);
        else throw new Error(`unknown option ${a}; see bench/README.md`);
    }
    for (const id of o.only ?? [])
        if (!ALL.includes(id)) throw new Error(`--only: unknown measurement "${id}"; choose from ${ALL.join(", ")}`);
    return o;
}

/** Default rounds per measurement (odd, so the median is a real sample), and quick ones. */
const ROUNDS: Record<string, [number, number]> = {
    scale: [9, 3],
    overhead: [9, 3],
    typecheck: [5, 3],
    imports: [15, 3],
    plan: [5, 3],
    diff: [5, 3],
    policy: [9, 3],
};

const SYMBOL: Record<Status, string> = { pass: "pass", fail: "FAIL", info: "", incomplete: "INCOMPLETE", error: "ERROR" };

function table(results: Measurement[], markdown: boolean): string {
    const header = ["Measurement", "Figure", "Value", "Budget", "Status"];
    const rows = results.flatMap((m) => m.rows.map((r) => [m.title, r.figure, r.value, r.budget, SYMBOL[r.status]]));
    if (markdown) {
        const esc = (s: string) => s.replace(/\|/g, "\\|");
        return [
            `| ${header.join(" | ")} |`,
            `|${header.map(() => "---").join("|")}|`,
            ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`),
        ].join("\n");
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (r: string[]) =>
        r
            .map((c, i) => c.padEnd(widths[i]))
            .join("  ")
            .trimEnd();
    return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function git(args: string[]): string | null {
    try {
        return execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
        return null;
    }
}

function main(): number {
    const o = parseArgs(process.argv.slice(2));
    const rounds = (id: string) => o.rounds ?? ROUNDS[id][o.quick ? 1 : 0];
    const log = (m: string) => process.stderr.write(`bench: ${m}\n`);
    const plan: [string, string, () => Measurement][] = [
        ["scale", "Validator scale", () => measureScale(rounds("scale"))],
        ["overhead", "Component overhead", () => measureOverhead(rounds("overhead"), (m) => log(`overhead ${m}`))],
        ["typecheck", "Type-check cost for consumers", () => measureTypecheck(rounds("typecheck"), (m) => log(`typecheck ${m}`))],
        ["imports", "Import time", () => measureImports(rounds("imports"), (m) => log(`imports ${m}`))],
        ["plan", "Offline plan of the dev stack", () => measurePlan(rounds("plan"), (m) => log(`plan ${m}`))],
        ["diff", "Plan diff", () => measureDiff(rounds("diff"))],
        ["policy", "Policy evaluator", () => measurePolicy(rounds("policy"))],
    ];
    const results: Measurement[] = [];
    for (const [id, title, fn] of plan) {
        if (o.only && !o.only.includes(id)) continue;
        log(`${title} (${rounds(id)} rounds)...`);
        const t0 = Date.now();
        let m: Measurement;
        try {
            m = fn();
        } catch (e) {
            m = errored(id, title, e);
        }
        log(`${title}: ${m.status} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        results.push(m);
    }

    const status = worst(results.map((m) => m.status));
    const doc = {
        date: new Date().toISOString(),
        commit: git(["rev-parse", "--short", "HEAD"]),
        dirty: (git(["status", "--porcelain", "--", "lib", "bench", "package.json"]) ?? "") !== "",
        machine: {
            node: process.version,
            platform: `${os.platform()} ${os.arch()}`,
            cpus: os.cpus().length,
            cpu: os.cpus()[0]?.model ?? "",
            memoryGb: Math.round(os.totalmem() / 2 ** 30),
        },
        typescript: require("typescript/package.json").version as string,
        options: { quick: o.quick, rounds: o.rounds, only: o.only },
        status,
        measurements: results,
    };
    mkdirSync(path.dirname(o.out), { recursive: true });
    writeFileSync(o.out, JSON.stringify(doc, null, 2) + "\n");

    process.stdout.write(table(results, o.markdown) + "\n\n");
    const notes = results.flatMap((m) => m.notes.map((n) => `${m.title}: ${n}`));
    process.stdout.write((o.markdown ? notes.map((n) => `- ${n}`) : notes.map((n) => `  ${n}`)).join("\n") + "\n\n");
    process.stdout.write(
        `${o.markdown ? "_" : ""}Node ${process.version}, ${doc.machine.cpus} cores (${doc.machine.cpu}), TypeScript ${doc.typescript}, commit ${doc.commit}${doc.dirty ? " + local changes" : ""}${o.quick ? ", --quick" : ""}${o.markdown ? "_" : ""}\n`,
    );
    process.stderr.write(`bench: overall ${status}; JSON written to ${path.relative(process.cwd(), o.out)}\n`);

    if (status === "fail" || status === "error") return 1;
    if (status === "incomplete") {
        process.stderr.write(
            `bench: some budgets were NOT checked (incomplete)${o.allowIncomplete ? "; --allow-incomplete given" : "; exit 3 (pass --allow-incomplete to accept)"}\n`,
        );
        return o.allowIncomplete ? 0 : 3;
    }
    return 0;
}

try {
    process.exitCode = main();
} catch (e) {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
}
