/**
 * Run a Pulumi program entirely in this process under Pulumi's mock engine and record everything it
 * would create: no Pulumi CLI, no cloud, no credentials.
 *
 * Mocks are process-global (`pulumi.runtime.setMocks`), so this runs once per process: the
 * `aks-network plan` command, or a child process started by {@link planStack} (./child.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "../errors";
import { isRecord } from "../io";
import {
    chooseStack,
    PulumiProject,
    readProject,
    readStackConfig,
    SECRET_PLACEHOLDER,
    SECRET_TEXT,
    StackConfig,
    toRuntimeConfig,
} from "../project";
import type { NetworkPlanReport } from "../../network";
import { emptyFixtures, Fixtures } from "./fixtures";
import { keyProperties } from "./key-properties";
import { resolveTypeScriptLoader } from "./loader";
import { FakeCloud } from "./mocks";
import { engineUrns, loadSdk, Recorded, Recording, runInStack, Sdk, setConfig, settle, startMocks, userAliases } from "./sdk";
import { FoundNetworkPlan, PLAN_RESULT_KIND, PLAN_RESULT_VERSION, PlanLogEntry, PlannedResource, PlanResult, PlanValue } from "./types";
import { hideStrings, joinPath, toPlanValue } from "./values";
import { PACKAGE_NAME, packageVersion } from "../version";

export { engineUrns, userAliases };

/** Options of {@link runProgramOffline}. */
export interface OfflineRunOptions {
    /** The Pulumi program's folder (holding Pulumi.yaml). */
    dir: string;
    /** @default - the only stack of the folder, else `dev` */
    stack?: string;
    /** Run as a preview (provider outputs unknown). @default false */
    preview?: boolean;
    /** @default - no fixtures: built-in offline answers only */
    fixtures?: Fixtures;
    /** Give up after this many milliseconds. @default 120000 */
    timeoutMs?: number;
    /** Progress messages (stderr in the CLI). @default - dropped */
    progress?: (message: string) => void;
    /**
     * Called when the program is about to run (its project, stack and config read), with the result
     * of a run that registered nothing: what can be shown if the run is stopped. The program starts
     * once the returned promise settles. @default - none
     */
    onStart?: (skeleton: PlanResult) => void | Promise<void>;
    /** Called when the program has finished, failed or reached the time limit, before the result is assembled. @default - none */
    onProgramEnd?: () => void;
}

/** The package and its version, for the result's `tool` field. */
export function toolVersion(): string {
    const version = packageVersion();
    return version === null ? PACKAGE_NAME : `${PACKAGE_NAME}@${version}`;
}

/**
 * The file the Pulumi Node.js runtime would load: `main` of Pulumi.yaml (a file, or a folder), else
 * the folder's package.json `exports["."]`/`main`, else its index.ts / index.js.
 */
export function resolveEntry(project: PulumiProject): string {
    const isFile = (f: string) => fs.existsSync(f) && fs.statSync(f).isFile();
    const withExt = (f: string) => [f, `${f}.ts`, `${f}.js`, path.join(f, "index.ts"), path.join(f, "index.js")].find(isFile) ?? null;
    const base = project.main ? path.resolve(project.dir, project.main) : project.dir;
    if (project.main) {
        if (isFile(base)) return base;
        if (!fs.existsSync(base) || !fs.statSync(base).isDirectory()) {
            const found = withExt(base);
            if (found) return found;
            throw new UsageError(`${project.file}: main ${project.main} does not exist`);
        }
    }
    const pkgFile = path.join(base, "package.json");
    if (isFile(pkgFile)) {
        let pkg: { main?: unknown; exports?: unknown } = {};
        try {
            pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8")) as typeof pkg;
        } catch {
            throw new UsageError(`cannot parse ${pkgFile}`);
        }
        const dot = isRecord(pkg.exports) ? pkg.exports["."] : pkg.exports;
        const target = typeof dot === "string" ? dot : isRecord(dot) ? (dot.default ?? dot.require ?? dot.import) : pkg.main;
        if (typeof target === "string") {
            const found = withExt(path.resolve(base, target));
            if (!found)
                throw new UsageError(
                    `${pkgFile} names ${target} as the program and it does not exist; build it, or set main: in ${project.file}`,
                );
            return found;
        }
    }
    const index = withExt(path.join(base, "index"));
    if (index) return index;
    throw new UsageError(`no program in ${base}: add an index.ts, or main: <file> to ${project.file}`);
}

/** The folder of the program's `@pulumi/pulumi` (as {@link loadSdk} finds it), or null. */
function pulumiDirOf(project: PulumiProject, entry: string): string | null {
    try {
        return path.dirname(require.resolve("@pulumi/pulumi", { paths: [path.dirname(entry), project.dir] }));
    } catch {
        return null;
    }
}

/** Register ts-node for a TypeScript program, the one its own Pulumi would use (see ./loader.ts). */
function registerTypeScript(project: PulumiProject, entry: string): void {
    const REGISTERED = Symbol.for("ts-node.register.instance");
    if ((process as unknown as Record<symbol, unknown>)[REGISTERED]) return;
    const loader = resolveTypeScriptLoader(pulumiDirOf(project, entry), [project.dir, __dirname]);
    if (loader === null) {
        throw new UsageError(
            `no TypeScript loader for ${project.dir}: neither its @pulumi/pulumi nor ts-node is installed there; run npm install in ${project.dir}`,
        );
    }
    const tsNode = require(loader.tsNode) as { register(opts: Record<string, unknown>): unknown };
    const tsconfig = path.join(project.dir, "tsconfig.json");
    const hasConfig = fs.existsSync(tsconfig);
    tsNode.register({
        ...(loader.typescript === null ? {} : { compiler: loader.typescript }),
        transpileOnly: true,
        project: hasConfig ? tsconfig : undefined,
        skipProject: !hasConfig,
        compilerOptions: hasConfig
            ? { module: "commonjs" }
            : { module: "commonjs", target: "es2020", esModuleInterop: true, strict: false, sourceMap: true },
    });
}

/** True for a value shaped like `describeNetworkPlan`'s report. */
export function isNetworkPlanReport(v: unknown): v is NetworkPlanReport {
    return (
        isRecord(v) &&
        (v.verdict === "accept" || v.verdict === "warn" || v.verdict === "reject") &&
        isRecord(v.effective) &&
        isRecord(v.capacity) &&
        Array.isArray(v.diagnostics)
    );
}

/** Network plan reports inside an outputs value (depth-limited), with their paths. */
export function findReports(v: PlanValue, prefix = "", depth = 0): { output: string; report: NetworkPlanReport }[] {
    if (isNetworkPlanReport(v)) return [{ output: prefix, report: v as unknown as NetworkPlanReport }];
    if (depth >= 4 || v === null || typeof v !== "object") return [];
    if (Array.isArray(v)) return v.flatMap((x, i) => findReports(x, `${prefix}[${i}]`, depth + 1));
    return Object.keys(v).flatMap((k) => findReports(v[k], joinPath(prefix, k), depth + 1));
}

/** Capture console output and pulumi.log lines while the program runs; all of it goes to stderr. */
function captureConsole(log: PlanLogEntry[], hidden: string[], progress: (m: string) => void): () => void {
    const saved = {
        log: console.log,
        info: console.info,
        warn: console.warn,
        error: console.error,
        debug: console.debug,
        write: process.stdout.write,
    };
    const forward = (args: unknown[]) => {
        const joined = args.map((a) => (typeof a === "string" ? a : a instanceof Error ? a.message : JSON.stringify(a))).join(" ");
        // Stack traces point into the SDK, not at the program's problem: keep the messages.
        const text = hideStrings(
            joined
                .split("\n")
                .filter((l) => !/^\s+at /.test(l))
                .join("\n")
                .trimEnd(),
            hidden,
        );
        const m = /^(info|warning|error): \[runtime\] ([\s\S]*)$/.exec(text);
        if (m) log.push({ severity: m[1] as PlanLogEntry["severity"], message: m[2] });
        progress(text);
    };
    console.log = console.info = console.warn = console.error = console.debug = (...args: unknown[]) => forward(args);
    process.stdout.write = ((chunk: unknown) => {
        progress(hideStrings(String(chunk).replace(/\n$/, ""), hidden));
        return true;
    }) as typeof process.stdout.write;
    return () => {
        Object.assign(console, { log: saved.log, info: saved.info, warn: saved.warn, error: saved.error, debug: saved.debug });
        process.stdout.write = saved.write;
    };
}

/**
 * The user-facing text of a program error. Pulumi's RunError and ResourceError carry it in the
 * message; every line is kept (an all-problems-at-once validation error lists one problem per line),
 * without the SDK's "error serializing property" chain of the inputs that carried it.
 */
export function errorText(e: unknown): string {
    const text = e instanceof Error ? e.message.trim() || e.name : String(e);
    return text.replace(/^(?:error serializing property "[^"]*": )+/, "");
}

/** Everything a run needs, read from the project's files before the program starts. */
interface PreparedRun {
    project: PulumiProject;
    stack: string;
    config: StackConfig;
    /** The program's file, and its path relative to the project (as shown). */
    entry: string;
    main: string;
    fixtures: Fixtures;
    preview: boolean;
    /** Strings that must never print. */
    hidden: string[];
    /** The plan's log, filled in as the run goes. */
    log: PlanLogEntry[];
}

/** Read the project, its stack config and its program (registering ts-node for a TypeScript program). */
function prepareRun(options: OfflineRunOptions): PreparedRun {
    const fixtures = options.fixtures ?? emptyFixtures();
    const project = readProject(options.dir);
    if (project.runtime !== "nodejs") {
        throw new UsageError(`${project.file}: runtime ${project.runtime} is not supported; aks-network plan runs nodejs programs`);
    }
    const { stack, file } = chooseStack(project.dir, options.stack);
    const config = readStackConfig(project, stack, file, fixtures.secrets);
    const entry = resolveEntry(project);
    const log: PlanLogEntry[] = config.notes.map((n) => ({ severity: "warning", message: n }));
    if (entry.endsWith(".ts") && project.runtimeOptions.typescript !== false) registerTypeScript(project, entry);
    return {
        project,
        stack,
        config,
        entry,
        fixtures,
        log,
        main: path.relative(project.dir, entry) || path.basename(entry),
        preview: options.preview === true,
        hidden: [SECRET_PLACEHOLDER, ...Object.values(fixtures.secrets)],
    };
}

/** Load the program's module and run what it exports (a value, or a main function). */
async function callProgram(entry: string): Promise<unknown> {
    let exported: unknown = require(entry);
    const onlyDefault = isRecord(exported) && Object.keys(exported).every((k) => k === "default" || k === "__esModule");
    if (isRecord(exported) && typeof exported.default === "function" && onlyDefault) {
        exported = exported.default;
    }
    return await (typeof exported === "function" ? (exported as () => unknown)() : exported);
}

/** Run the program in the root stack, then wait for every registration it started. */
async function runToEnd(sdk: Sdk, entry: string, onError: (e: unknown) => void): Promise<void> {
    try {
        await runInStack(sdk, () => callProgram(entry));
    } catch (e) {
        onError(e);
    }
    try {
        await settle(sdk);
    } catch (e) {
        onError(e);
    }
}

/**
 * Run the program in its folder with console output captured, and return its errors (thrown,
 * unhandled, or the time limit).
 */
async function executeProgram(sdk: Sdk, run: PreparedRun, timeoutMs: number, progress: (m: string) => void): Promise<string[]> {
    const errors: string[] = [];
    const onError = (e: unknown) => {
        errors.push(errorText(e));
        if (process.env.AKS_NETWORK_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    };
    process.on("unhandledRejection", onError);
    process.on("uncaughtException", onError);
    const restore = captureConsole(run.log, run.hidden, progress);
    const cwd = process.cwd();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
            errors.push(
                `the program did not finish within ${Math.round(timeoutMs / 1000)}s (an output that never resolves, or a pending promise)`,
            );
            resolve();
        }, timeoutMs);
    });
    try {
        process.chdir(run.project.dir);
        await Promise.race([runToEnd(sdk, run.entry, onError), deadline]);
    } finally {
        clearTimeout(timer);
        process.chdir(cwd);
        restore();
        process.off("unhandledRejection", onError);
        process.off("uncaughtException", onError);
    }
    return errors;
}

/** A recorded registration as the plan shows it: engine URNs, values printable, key properties. */
function plannedResource(r: Recorded, urn: (u: string) => string, clean: (v: unknown) => PlanValue): PlannedResource {
    const inputs = clean(r.inputs) as Record<string, PlanValue>;
    const options = clean(r.options) as Record<string, PlanValue>;
    if (Array.isArray(options.aliases)) {
        options.aliases = options.aliases.map((a) =>
            typeof a === "string"
                ? urn(a)
                : a !== null && typeof a === "object" && !Array.isArray(a) && typeof a.parent === "string"
                  ? { ...a, parent: urn(a.parent) }
                  : a,
        );
    }
    return {
        urn: urn(r.urn),
        type: r.type,
        name: r.name,
        parent: r.parent === null ? null : urn(r.parent),
        op: r.op,
        custom: r.custom,
        provider: r.provider === null ? null : urn(r.provider),
        dependsOn: [...new Set(r.dependsOn.map(urn))].sort(),
        options,
        keyProperties: keyProperties(r.type, inputs),
        inputs,
    };
}

/**
 * The network plan reports in component outputs, then in stack outputs, each report once: an output
 * named networkPlan first, so the same report under another name is the duplicate.
 */
function findNetworkPlans(
    resources: PlannedResource[],
    outputsOf: (urn: string) => PlanValue | undefined,
    stackOutputs: PlanValue,
): FoundNetworkPlan[] {
    const networkPlans: FoundNetworkPlan[] = [];
    const seen = new Set<string>();
    const rank = (o: string) => (o === "networkPlan" ? 0 : /(^|\.)networkPlan$/.test(o) ? 1 : 2);
    const add = (owner: string, label: string, found: { output: string; report: NetworkPlanReport }[]) => {
        for (const f of [...found].sort((a, b) => rank(a.output) - rank(b.output))) {
            const key = JSON.stringify(f.report);
            if (seen.has(key)) continue;
            seen.add(key);
            networkPlans.push({
                owner,
                output: f.output,
                report: f.report,
                label: owner === "stack" ? `stack output ${f.output}` : f.output === "networkPlan" ? label : `${label} ${f.output}`,
            });
        }
    };
    for (const r of resources) {
        if (r.custom || r.type === "pulumi:pulumi:Stack") continue;
        const outs = outputsOf(r.urn);
        if (outs !== undefined) add(r.urn, r.name, findReports(outs));
    }
    add("stack", "stack", findReports(stackOutputs));
    return networkPlans;
}

/** Resources per type, types sorted. */
function countByType(resources: PlannedResource[]): Record<string, number> {
    const byType: Record<string, number> = {};
    for (const r of resources) byType[r.type] = (byType[r.type] ?? 0) + 1;
    return Object.fromEntries(
        Object.keys(byType)
            .sort()
            .map((k) => [k, byType[k]]),
    );
}

/** The stack config as the program saw it, encrypted values hidden. */
function shownConfig(config: StackConfig, clean: (v: unknown) => PlanValue): Record<string, PlanValue> {
    const shown: Record<string, PlanValue> = {};
    for (const k of Object.keys(config.values).sort()) shown[k] = config.secretKeys.includes(k) ? SECRET_TEXT : clean(config.values[k]);
    return shown;
}

/** The plan result of a finished run. */
function planResult(run: PreparedRun, recording: Recording, urns: ReadonlyMap<string, string>, errors: string[]): PlanResult {
    const urn = (u: string) => urns.get(u) ?? u;
    const clean = (v: unknown) => toPlanValue(v, { hidden: run.hidden, urns });
    const resources = recording.resources
        .map((r) => plannedResource(r, urn, clean))
        .sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
    const outputsOf = new Map([...recording.outputs].map(([u, v]) => [urn(u), v]));
    const stackRes = resources.find((r) => r.type === "pulumi:pulumi:Stack");
    const stackOutputs = (stackRes ? clean(outputsOf.get(stackRes.urn) ?? {}) : {}) as Record<string, PlanValue>;
    const componentOutputs = (u: string) => (outputsOf.has(u) ? clean(outputsOf.get(u)) : undefined);
    const error = errors.length ? hideStrings([...new Set(errors)].join("\n"), run.hidden) : null;
    return {
        kind: PLAN_RESULT_KIND,
        version: PLAN_RESULT_VERSION,
        tool: toolVersion(),
        project: run.project.name,
        stack: run.stack,
        program: { runtime: run.project.runtime, main: run.main.split(path.sep).join("/") },
        preview: run.preview,
        status: error === null ? "ok" : "failed",
        error,
        config: shownConfig(run.config, clean),
        networkPlans: findNetworkPlans(resources, componentOutputs, stackOutputs),
        outputs: stackOutputs,
        resources,
        summary: { resources: resources.length, byType: countByType(resources) },
        log: run.log.map((l) => ({ severity: l.severity, message: hideStrings(l.message, run.hidden) })),
    };
}

/**
 * Run the program of `options.dir` with its stack config under mocks and return the plan.
 * Throws {@link UsageError} for problems with the project files (exit 2); a failing program is a
 * result with `status: "failed"`.
 */
export async function runProgramOffline(options: OfflineRunOptions): Promise<PlanResult> {
    const progress = options.progress ?? (() => undefined);
    const run = prepareRun(options);
    const sdk = loadSdk(run.project, run.entry);
    const cloud = new FakeCloud({ fixtures: run.fixtures, preview: run.preview });
    const recording = await startMocks(sdk, cloud, { project: run.project.name, stack: run.stack, preview: run.preview });
    setConfig(sdk, toRuntimeConfig(run.config.values), run.config.secretKeys);
    progress(`running ${run.main} of project ${run.project.name}, stack ${run.stack}${run.preview ? " (preview)" : ""}, under mocks`);
    await options.onStart?.(planResult(run, { resources: [], outputs: new Map() }, new Map(), []));
    const errors = await executeProgram(sdk, run, options.timeoutMs ?? 120_000, progress);
    options.onProgramEnd?.();
    for (const n of cloud.notes) run.log.push({ severity: "warning", message: n });
    const urns = await engineUrns(sdk, recording.resources, run.project.name, run.stack);
    return planResult(run, recording, urns, errors);
}
