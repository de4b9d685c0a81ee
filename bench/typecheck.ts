/**
 * 3. Type-check cost for consumers: `tsc --noEmit --extendedDiagnostics` of three small consumer
 * programs in bench/fixtures/ (their own tsconfig, skipLibCheck true as users have it):
 *
 * - `package`: imports the built package through its package.json "types" (dist .d.ts), as a
 *   consumer who installed it from npm;
 * - `submodules` (the baseline): the same kind of program written directly against the azure-native
 *   submodules it needs (`containerservice`, `network`, `resources`) and @pulumi/kubernetes;
 * - `root` (reference only): that program importing the azure-native root module.
 *
 * Interleaved fresh `tsc` processes. Budget: files checked and tsc's total time of `package` <= 1.2 ×
 * `submodules`. A single `import ... from "@pulumi/azure-native"` anywhere in the package's types
 * pulls in every service module and roughly quadruples the files.
 */
import * as path from "node:path";
import { BENCH_SRC, checkExit, interleave, ROOT, runNode } from "./child";
import { budget, Measurement, Row, Status, worst } from "./result";
import { int, mb, median, ms, pairedRatio, range, ratio } from "./stats";

const BUDGET = 1.2;
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
const FIXTURES = ["package", "submodules", "root"] as const;
type Fixture = (typeof FIXTURES)[number];

interface TscSample {
    files: number;
    declarationLines: number;
    memoryKb: number;
    checkMs: number;
    totalMs: number;
    wallMs: number;
    maxRssKb: number | null;
}

function tsconfig(f: Fixture): string {
    return path.join(BENCH_SRC, "fixtures", f, "tsconfig.json");
}

function field(out: string, name: string): number {
    const m = new RegExp(`^${name}:\\s+([\\d.]+)(s|K)?\\s*$`, "m").exec(out);
    if (!m) throw new Error(`tsc --extendedDiagnostics printed no "${name}"`);
    return m[2] === "s" ? Number(m[1]) * 1000 : Number(m[1]);
}

function once(f: Fixture): TscSample {
    const run = checkExit(runNode(TSC, ["-p", tsconfig(f), "--extendedDiagnostics"]), `tsc -p bench/fixtures/${f}`);
    const out = run.stdout;
    return {
        files: field(out, "Files"),
        declarationLines: field(out, "Lines of Definitions"),
        memoryKb: field(out, "Memory used"),
        checkMs: field(out, "Check time"),
        totalMs: field(out, "Total time"),
        wallMs: run.wallMs,
        maxRssKb: run.maxRssKb,
    };
}

/** What a fixture's program reaches, from `tsc --listFilesOnly` (not timed). */
function reach(f: Fixture): { files: number; azureNative: number; azureNativeRoot: boolean; kubernetes: number; packageFiles: number } {
    const run = checkExit(runNode(TSC, ["-p", tsconfig(f), "--listFilesOnly"]), `tsc --listFilesOnly bench/fixtures/${f}`);
    const files = run.stdout.trim().split("\n").filter(Boolean);
    const az = files.filter((x) => x.includes("/node_modules/@pulumi/azure-native/"));
    return {
        files: files.length,
        azureNative: az.length,
        azureNativeRoot: az.some((x) => x.endsWith("/node_modules/@pulumi/azure-native/index.d.ts")),
        kubernetes: files.filter((x) => x.includes("/node_modules/@pulumi/kubernetes/")).length,
        packageFiles: files.filter((x) => x.startsWith(path.join(ROOT, "dist") + path.sep)).length,
    };
}

export function measureTypecheck(rounds: number, progress?: (m: string) => void): Measurement {
    const reached = Object.fromEntries(FIXTURES.map((f) => [f, reach(f)])) as Record<Fixture, ReturnType<typeof reach>>;
    const samples = interleave(rounds, Object.fromEntries(FIXTURES.map((f) => [f, () => once(f)])) as Record<Fixture, () => TscSample>, true, progress);
    const med = (f: Fixture, k: keyof TscSample) => median(samples[f].map((s) => s[k] as number));
    const pair = (k: keyof TscSample, a: Fixture, b: Fixture) => pairedRatio(samples[a].map((s) => s[k] as number), samples[b].map((s) => s[k] as number));

    // The package fixture measures the components only once the package's types reach azure-native.
    const complete = reached.package.azureNative > 0;
    const filesRatio = med("package", "files") / med("submodules", "files");
    const timeRatio = pair("totalMs", "package", "submodules");
    const fb = budget("type-check files, package / submodules", complete ? filesRatio : null, "<=", BUDGET, "ratio");
    const tb = budget("type-check time, package / submodules", complete ? timeRatio : null, "<=", BUDGET, "ratio");

    const rows: Row[] = FIXTURES.map((f) => {
        const t = samples[f].map((s) => s.totalMs);
        return {
            figure: `tsc --noEmit, ${f === "package" ? "package consumer" : f === "submodules" ? "azure-native submodules (baseline)" : "azure-native root (reference)"}`,
            value: `${int(med(f, "files"))} files, ${int(med(f, "declarationLines"))} lines of .d.ts, ${ms(median(t))} (${ms(range(t)[0])}–${ms(range(t)[1])}), ${mb(med(f, "memoryKb"))}`,
            budget: "",
            status: "info" as Status,
        };
    });
    const note = complete ? "" : " (not judged: components not exported yet)";
    rows.push(
        { figure: "type-check files ratio, package / submodules", value: ratio(filesRatio) + note, budget: `<= ${BUDGET}×`, status: fb.status },
        { figure: "type-check time ratio, package / submodules", value: ratio(timeRatio) + note, budget: `<= ${BUDGET}×`, status: tb.status },
        { figure: "type-check time ratio, root import / submodules", value: `${ratio(pair("totalMs", "root", "submodules"))}, files ${ratio(med("root", "files") / med("submodules", "files"))}`, budget: "reference", status: "info" },
    );
    const notes = [
        `${rounds} interleaved rounds of fresh tsc processes after one warm-up each; time = tsc's own "Total time" (parse, bind, check), ratio = median of per-round ratios.`,
        "Fixture tsconfig: skipLibCheck true, strict, CommonJS, moduleResolution node; the package is resolved through its package.json \"types\" (dist/lib/index.d.ts).",
        `The package fixture reaches ${reached.package.packageFiles} package .d.ts files, ${reached.package.azureNative} azure-native files${reached.package.azureNativeRoot ? " INCLUDING the azure-native root index" : ""}, ${reached.package.kubernetes} @pulumi/kubernetes files.`,
    ];
    if (!complete) notes.push("INCOMPLETE: the package's types do not reach azure-native yet (no component exported), so the budget was not judged.");
    return {
        id: "typecheck",
        title: "Type-check cost for consumers",
        status: complete ? worst([fb.status, tb.status]) : "incomplete",
        rows,
        budgets: [fb, tb],
        notes,
        data: { rounds, reached, samples },
    };
}
