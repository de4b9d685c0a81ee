/**
 * 3. Type-check cost for consumers: `tsc --noEmit --extendedDiagnostics` of three small consumer
 * programs in bench/fixtures/ (their own tsconfig, skipLibCheck true as users have it):
 *
 * - `package`: builds a cluster, ingress controller and sample app with the package's components,
 *   importing the built package through its package.json "types" (dist .d.ts), as a consumer who
 *   installed it from npm;
 * - `submodules` (the baseline): the same kind of program written directly against the azure-native
 *   submodules it needs (`containerservice`, `network`, `resources`) and @pulumi/kubernetes;
 * - `root` (reference only): that program importing the azure-native root module.
 *
 * Interleaved fresh `tsc` processes. Budget: files checked and tsc's total time of `package` <= 1.2 ×
 * `submodules`. A single `import ... from "@pulumi/azure-native"` anywhere in the package's types
 * would pull in every service module (the `root` reference shows what that costs).
 */
import * as path from "node:path";
import { BENCH_SRC, checkExit, ChildRun, interleave, ROOT, runNode } from "./child";
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

function checked(run: ChildRun, f: Fixture): ChildRun {
    if (run.code === 0) return run;
    const hint =
        f === "package"
            ? " (the fixture uses AksCluster, IngressController and SampleApp from dist/lib: run `npm run build`; if the package's API changed, update bench/fixtures/package/index.ts)"
            : "";
    return checkExit(run, `tsc -p bench/fixtures/${f}${hint}`);
}

function once(f: Fixture): TscSample {
    const run = checked(runNode(TSC, ["-p", tsconfig(f), "--extendedDiagnostics"]), f);
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
    const run = checked(runNode(TSC, ["-p", tsconfig(f), "--listFilesOnly"]), f);
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
    const samples = interleave(
        rounds,
        Object.fromEntries(FIXTURES.map((f) => [f, () => once(f)])) as Record<Fixture, () => TscSample>,
        true,
        progress,
    );
    const med = (f: Fixture, k: keyof TscSample) => median(samples[f].map((s) => s[k] as number));
    const pair = (k: keyof TscSample, a: Fixture, b: Fixture) =>
        pairedRatio(
            samples[a].map((s) => s[k] as number),
            samples[b].map((s) => s[k] as number),
        );

    const filesRatio = med("package", "files") / med("submodules", "files");
    const timeRatio = pair("totalMs", "package", "submodules");
    const fb = budget("type-check files, package / submodules", filesRatio, "<=", BUDGET, "ratio");
    const tb = budget("type-check time, package / submodules", timeRatio, "<=", BUDGET, "ratio");

    const rows: Row[] = FIXTURES.map((f) => {
        const t = samples[f].map((s) => s.totalMs);
        return {
            figure: `tsc --noEmit, ${f === "package" ? "package consumer" : f === "submodules" ? "azure-native submodules (baseline)" : "azure-native root (reference)"}`,
            value: `${int(med(f, "files"))} files, ${int(med(f, "declarationLines"))} lines of .d.ts, ${ms(median(t))} (${ms(range(t)[0])}–${ms(range(t)[1])}), ${mb(med(f, "memoryKb"))}`,
            budget: "",
            status: "info" as Status,
        };
    });
    rows.push(
        { figure: "type-check files ratio, package / submodules", value: ratio(filesRatio), budget: `<= ${BUDGET}×`, status: fb.status },
        { figure: "type-check time ratio, package / submodules", value: ratio(timeRatio), budget: `<= ${BUDGET}×`, status: tb.status },
        {
            figure: "type-check time ratio, root import / submodules",
            value: `${ratio(pair("totalMs", "root", "submodules"))}, files ${ratio(med("root", "files") / med("submodules", "files"))}`,
            budget: "reference",
            status: "info",
        },
    );
    const notes = [
        `${rounds} interleaved rounds of fresh tsc processes after one warm-up each; time = tsc's own "Total time" (parse, bind, check), ratio = median of per-round ratios.`,
        'Fixture tsconfig: skipLibCheck true, strict, CommonJS, moduleResolution node; the package is resolved through its package.json "types" (dist/lib/index.d.ts).',
        `The package fixture reaches ${reached.package.packageFiles} package .d.ts files, ${reached.package.azureNative} azure-native files${reached.package.azureNativeRoot ? " INCLUDING the azure-native root index" : ""}, ${reached.package.kubernetes} @pulumi/kubernetes files.`,
    ];
    return {
        id: "typecheck",
        title: "Type-check cost for consumers",
        status: worst([fb.status, tb.status]),
        rows,
        budgets: [fb, tb],
        notes,
        data: { rounds, reached, samples },
    };
}
