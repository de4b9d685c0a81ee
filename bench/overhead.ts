/**
 * 2. Component overhead: the default stack (the root Pulumi program with the dev stack's config, built
 * from AksCluster, NodePool, IngressController in Gateway API mode, SampleApp and ConnectivityProbe)
 * against programs/handwritten.ts, which registers the same azure-native and Kubernetes resources
 * directly, as a user would without the package. Each runs in a fresh child process under the same mock set-up (programs/mock-runner.ts),
 * interleaved. Budget: program wall time (loading the program's modules, running it and waiting for
 * every registration) <= 1.2 × the hand-written program's.
 *
 * The two programs must register the same resources (same types, same counts): the harness
 * checks this on every run and refuses to report a ratio otherwise, so the hand-written program
 * cannot drift into measuring less.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import { TYPE_TOKEN_PREFIX } from "../lib/core/tokens";
import { BENCH_DIST, checkExit, interleave, lastJson, ROOT, runNode } from "./child";
import { budget, Measurement, Row } from "./result";
import { int, median, ms, pairedRatio, range, ratio, ratioSpread } from "./stats";

const BUDGET = 1.2;
const RUNNER = path.join(BENCH_DIST, "programs", "mock-runner.js");
const HANDWRITTEN = path.join(BENCH_DIST, "programs", "handwritten.js");
/** What programs/handwritten.ts imports. */
const HANDWRITTEN_IMPORTS = ["authorization", "containerservice", "managedidentity", "network", "resources"]
    .map((m) => `@pulumi/azure-native/${m}`)
    .concat("@pulumi/kubernetes");

interface ProgramRun {
    programMs: number;
    /** CPU time (user + system) of the program phase: far less sensitive to other work on the machine. */
    programCpuMs: number;
    sinceStartMs: number;
    wallMs: number;
    maxRssKb: number | null;
    resources: { type: string; name: string; custom: boolean }[];
}

/** The compiled root stack program and its dev config, or why they are not there. */
export function stackProgram(): { program: string; config: string; project: string } | { missing: string } {
    const pulumiYaml = path.join(ROOT, "Pulumi.yaml");
    if (!existsSync(pulumiYaml)) return { missing: "there is no root Pulumi.yaml (stack program) yet" };
    const config = path.join(ROOT, "Pulumi.dev.yaml");
    if (!existsSync(config)) return { missing: "there is no Pulumi.dev.yaml (dev stack config) yet" };
    const project = YAML.parse(readFileSync(pulumiYaml, "utf8")) as { name?: string; main?: string };
    const main = project.main ?? ".";
    // Pulumi runs `main` (a .js file, or a folder's index); TypeScript mains are measured compiled.
    const candidates = [main, `${main}/index.js`, `dist/${main.replace(/\.ts$/, "")}.js`, `dist/${main}/index.js`].map((p) =>
        path.resolve(ROOT, p),
    );
    const program = candidates.find((c) => c.endsWith(".js") && existsSync(c) && !c.startsWith(path.join(ROOT, "dist", "lib", "index.js")));
    if (!program)
        return {
            missing: `the stack program's compiled JavaScript was not found (Pulumi.yaml main: ${JSON.stringify(project.main ?? null)})`,
        };
    return { program, config, project: project.name ?? "aks-network" };
}

function once(args: string[], what: string): ProgramRun {
    const run = checkExit(runNode(RUNNER, args), what);
    const r = lastJson<Omit<ProgramRun, "wallMs" | "maxRssKb">>(run, what);
    return { ...r, wallMs: run.wallMs, maxRssKb: run.maxRssKb };
}

/**
 * The package's own component types (`pulumi-aks-network:index:*`, lib/core/tokens.ts): the only
 * registrations the hand-written program does not make.
 */
const OWN = { test: (type: string) => type.startsWith(TYPE_TOKEN_PREFIX) };

/**
 * Registered resource types with their counts, sorted, e.g. `azure-native:network:Subnet ×2`: every
 * custom resource, provider and provider-side component (a Helm chart), but not this package's own
 * components.
 */
function inventory(r: ProgramRun): Map<string, number> {
    const m = new Map<string, number>();
    for (const x of r.resources) if (!OWN.test(x.type)) m.set(x.type, (m.get(x.type) ?? 0) + 1);
    return new Map([...m].sort(([a], [b]) => a.localeCompare(b)));
}

function differences(a: Map<string, number>, b: Map<string, number>): string[] {
    const out: string[] = [];
    for (const t of new Set([...a.keys(), ...b.keys()])) {
        if ((a.get(t) ?? 0) !== (b.get(t) ?? 0)) out.push(`${t}: stack ${a.get(t) ?? 0}, hand-written ${b.get(t) ?? 0}`);
    }
    return out;
}

export function measureOverhead(rounds: number, progress?: (m: string) => void): Measurement {
    const title = "Component overhead";
    const found = stackProgram();
    const incomplete = (why: string, data: unknown = null): Measurement => ({
        id: "overhead",
        title,
        status: "incomplete",
        rows: [
            {
                figure: "default stack / hand-written program, under mocks",
                value: `not measured: ${why}`,
                budget: `<= ${BUDGET}×`,
                status: "incomplete",
            },
        ],
        budgets: [budget("component overhead, stack / hand-written", null, "<=", BUDGET, "ratio")],
        notes: [`INCOMPLETE: ${why}.`],
        data,
    });
    if ("missing" in found) return incomplete(found.missing);
    if (!existsSync(HANDWRITTEN))
        return incomplete("the hand-written comparison program (bench/programs/handwritten.ts) is not written yet");

    const stackArgs = [found.program, found.config, found.project, "dev"];
    const handArgs = [HANDWRITTEN, found.config, found.project, "dev"];
    // The same programs with their libraries loaded before the clock starts: the package entry for
    // the stack, the SDK modules the hand-written program imports for it. Splits load from run.
    const stackPre = [`--preload=${ROOT}`, ...stackArgs];
    const handPre = [`--preload=${HANDWRITTEN_IMPORTS.join(",")}`, ...handArgs];
    const samples = interleave(
        rounds,
        {
            stack: () => once(stackArgs, "the default stack under mocks"),
            handwritten: () => once(handArgs, "the hand-written program under mocks"),
            stackRun: () => once(stackPre, "the default stack under mocks, package preloaded"),
            handwrittenRun: () => once(handPre, "the hand-written program under mocks, SDK modules preloaded"),
        },
        true,
        progress,
    );

    const invStack = inventory(samples.stack[0]);
    const invHand = inventory(samples.handwritten[0]);
    const diff = differences(invStack, invHand);
    if (diff.length > 0) {
        return incomplete(`the hand-written program does not register the same resources as the default stack (${diff.join("; ")})`, {
            samples,
        });
    }
    const r = pairedRatio(
        samples.stack.map((s) => s.programMs),
        samples.handwritten.map((s) => s.programMs),
    );
    const wallRatio = pairedRatio(
        samples.stack.map((s) => s.wallMs),
        samples.handwritten.map((s) => s.wallMs),
    );
    const cpuRatio = pairedRatio(
        samples.stack.map((s) => s.programCpuMs),
        samples.handwritten.map((s) => s.programCpuMs),
    );
    const spread = ratioSpread(
        samples.stack.map((s) => s.programMs),
        samples.handwritten.map((s) => s.programMs),
    );
    const runRatio = pairedRatio(
        samples.stackRun.map((s) => s.programMs),
        samples.handwrittenRun.map((s) => s.programMs),
    );
    const loadMs = (a: ProgramRun[], b: ProgramRun[]) => median(a.map((s) => s.programMs)) - median(b.map((s) => s.programMs));
    const b = budget("component overhead, stack / hand-written", r, "<=", BUDGET, "ratio");
    const fmt = (xs: number[]) => `${ms(median(xs))} (${ms(range(xs)[0])}–${ms(range(xs)[1])})`;
    const customs = [...invStack.values()].reduce((a, x) => a + x, 0);
    const components = samples.stack[0].resources.filter((x) => OWN.test(x.type)).length;
    const rows: Row[] = [
        {
            figure: `default stack (${customs} resources + ${components} components)`,
            value: fmt(samples.stack.map((s) => s.programMs)),
            budget: "",
            status: "info",
        },
        {
            figure: `hand-written program (${customs} resources)`,
            value: fmt(samples.handwritten.map((s) => s.programMs)),
            budget: "",
            status: "info",
        },
        {
            figure: "component overhead, stack / hand-written",
            value: `${ratio(r)} (rounds ${spread}; whole process: ${ratio(wallRatio)})`,
            budget: `<= ${BUDGET}×`,
            status: b.status,
        },
        {
            figure: "same, CPU time of the program phase",
            value: `${ratio(cpuRatio)}: ${ms(median(samples.stack.map((s) => s.programCpuMs)))} against ${ms(median(samples.handwritten.map((s) => s.programCpuMs)))}`,
            budget: "",
            status: "info",
        },
        {
            figure: "of which: running the program, libraries preloaded",
            value: `${ratio(runRatio)}: ${ms(median(samples.stackRun.map((s) => s.programMs)))} against ${ms(median(samples.handwrittenRun.map((s) => s.programMs)))}`,
            budget: "",
            status: "info",
        },
        {
            figure: "of which: loading the libraries",
            value: `${ms(loadMs(samples.stack, samples.stackRun))} against ${ms(loadMs(samples.handwritten, samples.handwrittenRun))}`,
            budget: "",
            status: "info",
        },
    ];
    return {
        id: "overhead",
        title,
        status: b.status,
        rows,
        budgets: [b],
        notes: [
            `${rounds} interleaved rounds of fresh processes after one warm-up each, same mocks and config; time from loading the program to every registration settled; ratio = median of per-round ratios.`,
            'The budget is judged on wall time; "rounds" is the interquartile range of the per-round ratios (a wide range means the machine was busy and the verdict is a close call); CPU time is shown as a steadier cross-check.',
            "The split runs each program again with its libraries required before the clock starts (the package entry for the stack; the azure-native submodules and @pulumi/kubernetes for the hand-written program); loading = median with - median without.",
            `Both register: ${[...invStack].map(([t, n]) => `${t.replace(/^azure-native:|^kubernetes:/, "")} ×${int(n)}`).join(", ")}.`,
        ],
        data: { rounds, program: path.relative(ROOT, found.program), inventory: Object.fromEntries(invStack), samples },
    };
}
