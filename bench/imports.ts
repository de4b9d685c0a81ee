/**
 * 4. Import time: `require("pulumi-aks-network")` (the built package entry, dist/lib/index.js) against
 * `require("@pulumi/pulumi")` alone, each in a fresh child process, interleaved. Every program that
 * uses the package loads @pulumi/pulumi anyway, so the ratio is what the package adds on top (its own
 * files, the azure-native submodules and @pulumi/kubernetes it imports). Budget: <= 1.3.
 * In the same rounds, `require("pulumi-aks-network/network")`, the pure planner, against the package
 * root: it loads no Pulumi module, so it costs a fraction of the root. Budget: < 0.5.
 */
import * as path from "node:path";
import { BENCH_DIST, checkExit, interleave, lastJson, ROOT, runNode } from "./child";
import { Budget, budget, Measurement, Row, worst } from "./result";
import { int, mb, median, ms, pairedRatio, range, ratio, ratioSpread } from "./stats";

const BUDGET = 1.3;
/** The package root, resolved through the package's own `exports` (a self-reference). */
const PACKAGE = "pulumi-aks-network";
/** The pure planner's entry, resolved through the package's own `exports` (a self-reference). */
const PLANNER = "pulumi-aks-network/network";
/** The pure planner may cost at most half of the package root's import. */
const PLANNER_BUDGET = 0.5;

interface Loaded {
    pulumi: boolean;
    kubernetes: boolean;
    azureNativeFiles: number;
    azureNativeRoot: boolean;
}

interface Sample {
    requireMs: number;
    requireCpuMs: number;
    wallMs: number;
    modules: number;
    loaded: Loaded;
    maxRssKb: number;
}

function once(target: string): Sample {
    const run = checkExit(runNode(path.join(BENCH_DIST, "import-child.js"), [target]), `require(${target})`);
    const r = lastJson<Omit<Sample, "wallMs">>(run, `require(${target})`);
    return { ...r, wallMs: run.wallMs };
}

/** `median (min–max)` of a list of milliseconds. */
function spreadMs(xs: number[]): string {
    return `${ms(median(xs))} (${ms(range(xs)[0])}–${ms(range(xs)[1])})`;
}

/** The row of one required module: time, files loaded, peak RSS. */
function importRow(figure: string, samples: Sample[]): Row {
    const files = int(median(samples.map((s) => s.modules)));
    const value = `${spreadMs(samples.map((s) => s.requireMs))}, ${files} files, RSS ${mb(median(samples.map((s) => s.maxRssKb)))}`;
    return { figure, value, budget: "", status: "info" };
}

/** What a sample's require pulled in, as a note. */
function loadedNote(what: string, loaded: Loaded): string {
    const root = loaded.azureNativeRoot ? " INCLUDING the azure-native root index (every service module)" : " (no azure-native root index)";
    return (
        `${what} loads: @pulumi/pulumi ${loaded.pulumi ? "yes" : "no"}, @pulumi/kubernetes ${loaded.kubernetes ? "yes" : "no"}, ` +
        `${loaded.azureNativeFiles} azure-native files${root}.`
    );
}

/** The pure planner entry against the package root, measured in the same rounds. Budget: < 0.5. */
function plannerRows(samples: Record<string, Sample[]>): { rows: Row[]; budget: Budget; ratio: number } {
    const planner = samples.planner.map((s) => s.requireMs);
    const pkg = samples.pkg.map((s) => s.requireMs);
    const r = pairedRatio(planner, pkg);
    const b = budget("import time, pure planner entry / package root", r, "<", PLANNER_BUDGET, "ratio");
    if (samples.planner[0].loaded.pulumi) b.status = "fail"; // not the pure planner any more, whatever the time
    const rows: Row[] = [
        importRow(`require("${PLANNER}")`, samples.planner),
        {
            figure: "import time ratio, pure planner / package root",
            value: `${ratio(r)} (rounds ${ratioSpread(planner, pkg)})`,
            budget: `< ${PLANNER_BUDGET}×`,
            status: b.status,
        },
    ];
    return { rows, budget: b, ratio: r };
}

export function measureImports(rounds: number, progress?: (m: string) => void): Measurement {
    // Through package.json "exports", as `require("pulumi-aks-network")` resolves it ("main" is the plugin host's entry).
    const entry = require.resolve(PACKAGE);
    const samples = interleave(
        rounds,
        { pkg: () => once(PACKAGE), pulumi: () => once("@pulumi/pulumi"), planner: () => once(PLANNER) },
        true,
        progress,
    );
    const pkg = samples.pkg.map((s) => s.requireMs);
    const pul = samples.pulumi.map((s) => s.requireMs);
    const r = pairedRatio(pkg, pul);
    const cpuRatio = pairedRatio(
        samples.pkg.map((s) => s.requireCpuMs),
        samples.pulumi.map((s) => s.requireCpuMs),
    );
    const wallRatio = pairedRatio(
        samples.pkg.map((s) => s.wallMs),
        samples.pulumi.map((s) => s.wallMs),
    );
    const b = budget("import time, package entry / @pulumi/pulumi", r, "<=", BUDGET, "ratio");
    const planner = plannerRows(samples);
    const rows: Row[] = [
        importRow(`require("pulumi-aks-network")`, samples.pkg),
        importRow(`require("@pulumi/pulumi")`, samples.pulumi),
        {
            figure: "import time ratio, package / @pulumi/pulumi",
            value: `${ratio(r)} (rounds ${ratioSpread(pkg, pul)}; whole process: ${ratio(wallRatio)}; CPU time: ${ratio(cpuRatio)})`,
            budget: `<= ${BUDGET}×`,
            status: b.status,
        },
        ...planner.rows,
    ];
    const notes = [
        `${rounds} interleaved rounds of fresh processes after one warm-up each; wall time of the require() call itself, median of per-round ratios ("rounds": their interquartile range); CPU time as a cross-check.`,
        `Package entry: ${path.relative(ROOT, entry)}; pure planner entry: ${path.relative(ROOT, require.resolve(PLANNER))} (through package.json "exports").`,
        loadedNote("The package entry", samples.pkg[0].loaded),
        loadedNote("The pure planner entry", samples.planner[0].loaded),
    ];
    if (!samples.pkg[0].loaded.pulumi) {
        notes.push(
            "INCOMPLETE: the entry does not load @pulumi/pulumi yet (no component is exported), so the ratio is far below what it will be once they are; the budget was not judged.",
        );
        // Measured, but not the thing the budget is about: do not report it as passed.
        b.status = "incomplete";
        rows[2].status = "incomplete";
        rows[2].value += " (not judged: components not exported yet)";
    }
    const budgets = [b, planner.budget];
    const status = worst(budgets.map((x) => x.status));
    return {
        id: "imports",
        title: "Import time",
        status,
        rows,
        budgets,
        notes,
        data: { rounds, samples, ratio: r, wallRatio, plannerRatio: planner.ratio },
    };
}
