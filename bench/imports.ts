/**
 * 4. Import time: `require("pulumi-aks-network")` (the built package entry, dist/lib/index.js) against
 * `require("@pulumi/pulumi")` alone, each in a fresh child process, interleaved. Every program that
 * uses the package loads @pulumi/pulumi anyway, so the ratio is what the package adds on top (its own
 * files, the azure-native submodules and @pulumi/kubernetes it imports). Budget: <= 1.3.
 */
import * as path from "node:path";
import { BENCH_DIST, checkExit, interleave, lastJson, ROOT, runNode } from "./child";
import { budget, Measurement } from "./result";
import { int, mb, median, ms, pairedRatio, range, ratio, ratioSpread } from "./stats";

const BUDGET = 1.3;

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

export function measureImports(rounds: number, progress?: (m: string) => void): Measurement {
    const entry = require.resolve(ROOT); // package.json "main": what `require("pulumi-aks-network")` loads
    const samples = interleave(rounds, { pkg: () => once(ROOT), pulumi: () => once("@pulumi/pulumi") }, true, progress);
    const pkg = samples.pkg.map((s) => s.requireMs);
    const pul = samples.pulumi.map((s) => s.requireMs);
    const r = pairedRatio(pkg, pul);
    const cpuRatio = pairedRatio(samples.pkg.map((s) => s.requireCpuMs), samples.pulumi.map((s) => s.requireCpuMs));
    const spread = ratioSpread(pkg, pul);
    const wallRatio = pairedRatio(samples.pkg.map((s) => s.wallMs), samples.pulumi.map((s) => s.wallMs));
    const b = budget("import time, package entry / @pulumi/pulumi", r, "<=", BUDGET, "ratio");
    const fmt = (xs: number[]) => `${ms(median(xs))} (${ms(range(xs)[0])}–${ms(range(xs)[1])})`;
    const pkgModules = median(samples.pkg.map((s) => s.modules));
    const pulModules = median(samples.pulumi.map((s) => s.modules));
    const rows = [
        { figure: `require("pulumi-aks-network")`, value: `${fmt(pkg)}, ${int(pkgModules)} files, RSS ${mb(median(samples.pkg.map((s) => s.maxRssKb)))}`, budget: "", status: "info" as const },
        { figure: `require("@pulumi/pulumi")`, value: `${fmt(pul)}, ${int(pulModules)} files, RSS ${mb(median(samples.pulumi.map((s) => s.maxRssKb)))}`, budget: "", status: "info" as const },
        { figure: "import time ratio, package / @pulumi/pulumi", value: `${ratio(r)} (rounds ${spread}; whole process: ${ratio(wallRatio)}; CPU time: ${ratio(cpuRatio)})`, budget: `<= ${BUDGET}×`, status: b.status },
    ];
    const notes = [
        `${rounds} interleaved rounds of fresh processes after one warm-up each; wall time of the require() call itself, median of per-round ratios ("rounds": their interquartile range); CPU time as a cross-check.`,
        `Package entry: ${path.relative(ROOT, entry)}.`,
    ];
    const loaded = samples.pkg[0].loaded;
    notes.push(
        `The package entry loads: @pulumi/pulumi ${loaded.pulumi ? "yes" : "no"}, @pulumi/kubernetes ${loaded.kubernetes ? "yes" : "no"}, ` +
            `${loaded.azureNativeFiles} azure-native files${loaded.azureNativeRoot ? " INCLUDING the azure-native root index (every service module)" : " (no azure-native root index)"}.`,
    );
    if (!loaded.pulumi) {
        notes.push("INCOMPLETE: the entry does not load @pulumi/pulumi yet (no component is exported), so the ratio is far below what it will be once they are; the budget was not judged.");
    }
    if (!loaded.pulumi) {
        // Measured, but not the thing the budget is about: do not report it as passed.
        b.status = "incomplete";
        rows[2].status = "incomplete";
        rows[2].value += " (not judged: components not exported yet)";
    }
    return { id: "imports", title: "Import time", status: b.status, rows, budgets: [b], notes, data: { rounds, samples, ratio: r, wallRatio } };
}
