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
import { chooseStack, PulumiProject, readProject, readStackConfig, SECRET_PLACEHOLDER, SECRET_TEXT, toRuntimeConfig } from "../project";
import type { NetworkPlanReport } from "../../network";
import { emptyFixtures, Fixtures } from "./fixtures";
import { keyProperties } from "./key-properties";
import { OfflineMocks, splitType } from "./mocks";
import { FoundNetworkPlan, PLAN_RESULT_KIND, PLAN_RESULT_VERSION, PlanLogEntry, PlannedResource, PlanResult, PlanValue } from "./types";
import { hideStrings, joinPath, toPlanValue } from "./values";

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
}

/** A registration as the mock monitor saw it: a `PlannedResource` before its values are made printable. */
interface Recorded extends Omit<PlannedResource, "options" | "keyProperties" | "inputs"> {
    options: Record<string, unknown>;
    inputs: unknown;
}

/** The package version, for the result's `tool` field. */
export function toolVersion(): string {
    let dir = __dirname;
    for (let k = 0; k < 8; k++) {
        const f = path.join(dir, "package.json");
        if (fs.existsSync(f)) {
            try {
                const pkg = JSON.parse(fs.readFileSync(f, "utf8")) as { name?: string; version?: string };
                if (pkg.name === "pulumi-aks-network") return `pulumi-aks-network@${pkg.version ?? "0.0.0"}`;
            } catch {
                // keep looking
            }
        }
        dir = path.dirname(dir);
    }
    return "pulumi-aks-network";
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
        const target = typeof dot === "string" ? dot
            : isRecord(dot) ? (dot.default ?? dot.require ?? dot.import)
            : pkg.main;
        if (typeof target === "string") {
            const found = withExt(path.resolve(base, target));
            if (!found) throw new UsageError(`${pkgFile} names ${target} as the program and it does not exist; build it, or set main: in ${project.file}`);
            return found;
        }
    }
    const index = withExt(path.join(base, "index"));
    if (index) return index;
    throw new UsageError(`no program in ${base}: add an index.ts, or main: <file> to ${project.file}`);
}

function registerTypeScript(project: PulumiProject): void {
    const REGISTERED = Symbol.for("ts-node.register.instance");
    if ((process as unknown as Record<symbol, unknown>)[REGISTERED]) return;
    let tsNode: { register(opts: Record<string, unknown>): unknown };
    try {
        tsNode = require(require.resolve("ts-node", { paths: [project.dir, __dirname] })) as typeof tsNode;
    } catch {
        throw new UsageError(`ts-node is not installed for ${project.dir}; it is needed to run TypeScript programs (npm install --save-dev ts-node typescript)`);
    }
    const tsconfig = path.join(project.dir, "tsconfig.json");
    const hasConfig = fs.existsSync(tsconfig);
    tsNode.register({
        transpileOnly: true,
        project: hasConfig ? tsconfig : undefined,
        skipProject: !hasConfig,
        compilerOptions: hasConfig ? { module: "commonjs" } : { module: "commonjs", target: "es2020", esModuleInterop: true, strict: false, sourceMap: true },
    });
}

type PulumiModule = typeof import("@pulumi/pulumi");

function loadPulumi(project: PulumiProject, entry: string): PulumiModule {
    let file: string;
    try {
        file = require.resolve("@pulumi/pulumi", { paths: [path.dirname(entry), project.dir] });
    } catch {
        throw new UsageError(`@pulumi/pulumi is not installed for ${project.dir}; run npm install there`);
    }
    return require(file) as PulumiModule;
}

interface ProtoStruct { toJavaScript(): unknown }
interface RegisterRequest {
    getType(): string; getName(): string; getParent(): string; getCustom(): boolean; getProvider(): string;
    getObject(): ProtoStruct | undefined; getDependenciesList(): string[];
    getProtect?(): boolean | undefined; getIgnorechangesList?(): string[]; getReplaceonchangesList?(): string[];
    getDeletebeforereplace?(): boolean; getAdditionalsecretoutputsList?(): string[];
    getAliasesList?(): { toObject(): unknown }[]; getAliasurnsList?(): string[]; getImportid?(): string;
}
interface ReadRequest { getType(): string; getName(): string; getParent(): string; getProvider(): string; getId(): string; getProperties(): ProtoStruct | undefined }
interface OutputsRequest { getUrn(): string; getOutputs(): ProtoStruct | undefined }
type Callback = (err: unknown, resp: { getUrn(): string } | undefined) => void;
interface MonitorLike {
    registerResource(req: RegisterRequest, cb: Callback): unknown;
    readResource(req: ReadRequest, cb: Callback): unknown;
    registerResourceOutputs(req: OutputsRequest, cb: (err: unknown, resp: unknown) => void): unknown;
}

/**
 * The aliases a program gave, compactly (`{ name, type, parent, project, stack }` fields that are set,
 * or the URN). Provider SDKs alias every resource to the type tokens of older API versions
 * (`azure-native:network/v20230401:VirtualNetwork`); those carry no intent and are left out.
 */
export function userAliases(type: string, aliases: unknown[]): unknown[] {
    const out: unknown[] = [];
    for (const a of aliases) {
        if (!isRecord(a)) continue;
        if (typeof a.urn === "string" && a.urn !== "") {
            out.push(a.urn);
            continue;
        }
        const spec = isRecord(a.spec) ? a.spec : {};
        const set = Object.fromEntries(Object.entries({
            name: spec.name, type: spec.type, parent: spec.parenturn, project: spec.project, stack: spec.stack, noParent: spec.noparent,
        }).filter(([, v]) => v !== "" && v !== null && v !== undefined && v !== false));
        const keys = Object.keys(set).filter((k) => k !== "parent");
        if (keys.length === 0) continue;
        if (keys.length === 1 && keys[0] === "type" && typeof set.type === "string" && isSdkVersionAlias(type, set.type)) continue;
        out.push(set);
    }
    return out;
}

/** True for an alias a provider SDK adds: the same package and kind under another API version's module. */
function isSdkVersionAlias(type: string, alias: string): boolean {
    const [pkg, mod, kind] = splitType(type);
    const [apkg, amod, akind] = splitType(alias);
    const versioned = (m: string) => /(^|\/)v\d+[a-z0-9]*$/.test(m);
    return apkg === pkg && akind === kind && alias !== type && (amod.startsWith(`${mod}/`) || (versioned(amod) && versioned(mod)));
}

const providerUrn = (ref: string): string | null => (ref ? ref.split("::").slice(0, -1).join("::") || ref : null);

/** Record every registration by wrapping the mock monitor. */
function instrument(monitor: MonitorLike, mocks: OfflineMocks, records: Recorded[], outputs: Map<string, unknown>): void {
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) => {
        const options: Record<string, unknown> = {};
        if (req.getProtect?.()) options.protect = true;
        const ignore = req.getIgnorechangesList?.() ?? [];
        if (ignore.length) options.ignoreChanges = ignore;
        const roc = req.getReplaceonchangesList?.() ?? [];
        if (roc.length) options.replaceOnChanges = roc;
        if (req.getDeletebeforereplace?.()) options.deleteBeforeReplace = true;
        const aliases = [...(req.getAliasurnsList?.() ?? []), ...userAliases(req.getType(), (req.getAliasesList?.() ?? []).map((a) => a.toObject()))];
        if (aliases.length) options.aliases = aliases;
        const importId = req.getImportid?.() ?? "";
        if (importId) options.import = importId;
        const rec: Omit<Recorded, "urn"> = {
            type: req.getType(),
            name: req.getName(),
            parent: req.getParent() || null,
            op: "create",
            custom: req.getCustom(),
            provider: providerUrn(req.getProvider()),
            dependsOn: [...req.getDependenciesList()],
            options,
            inputs: req.getObject()?.toJavaScript() ?? {},
        };
        // The mock monitor calls newResource synchronously from here: hand it the outputs the engine
        // would mark secret (e.g. RandomPassword.result).
        mocks.pendingSecretOutputs = req.getAdditionalsecretoutputsList?.() ?? [];
        return register(req, (err, resp) => {
            if (!err && resp) records.push({ ...rec, urn: resp.getUrn() });
            cb(err, resp);
        });
    };
    const read = monitor.readResource.bind(monitor);
    monitor.readResource = (req, cb) => {
        const rec: Omit<Recorded, "urn"> = {
            type: req.getType(),
            name: req.getName(),
            parent: req.getParent() || null,
            op: "read",
            custom: true,
            provider: providerUrn(req.getProvider()),
            dependsOn: [],
            options: { id: req.getId() },
            inputs: req.getProperties()?.toJavaScript() ?? {},
        };
        return read(req, (err, resp) => {
            if (!err && resp) records.push({ ...rec, urn: resp.getUrn() });
            cb(err, resp);
        });
    };
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req, cb) => {
        outputs.set(req.getUrn(), req.getOutputs()?.toJavaScript() ?? {});
        return registerOutputs(req, cb);
    };
}

/**
 * The URNs the Pulumi engine gives, by the mock monitor's URN. The engine qualifies a type with every
 * ancestor's type except the root stack's (`a:b:Parent$c:d:Child`, and plain `c:d:Top` under the
 * stack); the mock monitor only with the direct parent's type, stack included. Plans report the
 * engine's form, the one in state, previews and aliases.
 */
export function engineUrns(records: readonly { urn: string; type: string; name: string; parent: string | null }[], project: string, stack: string): Map<string, string> {
    const byMock = new Map(records.map((r) => [r.urn, r]));
    const qualified = new Map<string, string>();
    const qualify = (mockUrn: string, depth = 0): string => {
        const known = qualified.get(mockUrn);
        if (known !== undefined) return known;
        const r = byMock.get(mockUrn);
        if (!r) return "";
        const parent = r.parent !== null && depth < 100 ? byMock.get(r.parent) : undefined;
        const q = !parent || parent.type === "pulumi:pulumi:Stack" ? r.type : `${qualify(parent.urn, depth + 1)}$${r.type}`;
        qualified.set(mockUrn, q);
        return q;
    };
    return new Map(records.map((r) => [r.urn, `urn:pulumi:${stack}::${project}::${qualify(r.urn)}::${r.name}`]));
}

/** True for a value shaped like `describeNetworkPlan`'s report. */
export function isNetworkPlanReport(v: unknown): v is NetworkPlanReport {
    return isRecord(v) && (v.verdict === "accept" || v.verdict === "warn" || v.verdict === "reject")
        && isRecord(v.effective) && isRecord(v.capacity) && Array.isArray(v.diagnostics);
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
    const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug, write: process.stdout.write };
    const forward = (args: unknown[]) => {
        const joined = args.map((a) => (typeof a === "string" ? a : a instanceof Error ? a.message : JSON.stringify(a))).join(" ");
        // Stack traces point into the SDK, not at the program's problem: keep the messages.
        const text = hideStrings(joined.split("\n").filter((l) => !/^\s+at /.test(l)).join("\n").trimEnd(), hidden);
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
    const text = e instanceof Error ? (e.message.trim() || e.name) : String(e);
    return text.replace(/^(?:error serializing property "[^"]*": )+/, "");
}

/**
 * Run the program of `options.dir` with its stack config under mocks and return the plan.
 * Throws {@link UsageError} for problems with the project files (exit 2); a failing program is a
 * result with `status: "failed"`.
 */
export async function runProgramOffline(options: OfflineRunOptions): Promise<PlanResult> {
    const progress = options.progress ?? (() => undefined);
    const fixtures = options.fixtures ?? emptyFixtures();
    const project = readProject(options.dir);
    if (project.runtime !== "nodejs") throw new UsageError(`${project.file}: runtime ${project.runtime} is not supported; aks-network plan runs nodejs programs`);
    const { stack, file } = chooseStack(project.dir, options.stack);
    const config = readStackConfig(project, stack, file, fixtures.secrets);
    const entry = resolveEntry(project);
    const hidden = [SECRET_PLACEHOLDER, ...Object.values(fixtures.secrets)];
    const log: PlanLogEntry[] = [];
    for (const n of config.notes) log.push({ severity: "warning", message: n });
    if (entry.endsWith(".ts") && project.runtimeOptions.typescript !== false) registerTypeScript(project);
    const pulumi = loadPulumi(project, entry);

    const mocks = new OfflineMocks(fixtures, options.preview === true);
    const records: Recorded[] = [];
    const registeredOutputs = new Map<string, unknown>();
    await pulumi.runtime.setMocks(mocks, project.name, stack, options.preview === true, "organization");
    pulumi.runtime.setAllConfig(toRuntimeConfig(config.values), config.secretKeys);
    instrument(pulumi.runtime.getMonitor() as unknown as MonitorLike, mocks, records, registeredOutputs);

    const mainRel = path.relative(project.dir, entry) || path.basename(entry);
    progress(`running ${mainRel} of project ${project.name}, stack ${stack}${options.preview ? " (preview)" : ""}, under mocks`);
    const errors: string[] = [];
    const onError = (e: unknown) => {
        errors.push(errorText(e));
        if (process.env.AKS_NETWORK_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    };
    process.on("unhandledRejection", onError);
    process.on("uncaughtException", onError);
    const restore = captureConsole(log, hidden, progress);
    const cwd = process.cwd();
    let timer: NodeJS.Timeout | undefined;
    try {
        process.chdir(project.dir);
        const run = (async () => {
            try {
                await pulumi.runtime.runInPulumiStack(async () => {
                    let exported: unknown = require(entry);
                    if (isRecord(exported) && typeof exported.default === "function" && Object.keys(exported).filter((k) => k !== "default" && k !== "__esModule").length === 0) {
                        exported = exported.default;
                    }
                    return await (typeof exported === "function" ? (exported as () => unknown)() : exported);
                });
            } catch (e) {
                onError(e);
            }
            try {
                await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
            } catch (e) {
                onError(e);
            }
        })();
        const timeoutMs = options.timeoutMs ?? 120_000;
        await Promise.race([run, new Promise<void>((resolve) => {
            timer = setTimeout(() => {
                errors.push(`the program did not finish within ${Math.round(timeoutMs / 1000)}s (an output that never resolves, or a pending promise)`);
                resolve();
            }, timeoutMs);
        })]);
    } finally {
        if (timer) clearTimeout(timer);
        process.chdir(cwd);
        restore();
        process.off("unhandledRejection", onError);
        process.off("uncaughtException", onError);
    }
    for (const n of mocks.notes) log.push({ severity: "warning", message: n });

    const urns = engineUrns(records, project.name, stack);
    const urn = (u: string) => urns.get(u) ?? u;
    const clean = (v: unknown) => toPlanValue(v, { hidden, urns });
    const resources: PlannedResource[] = records
        .map((r) => {
            const inputs = clean(r.inputs) as Record<string, PlanValue>;
            const options = clean(r.options) as Record<string, PlanValue>;
            if (Array.isArray(options.aliases)) {
                options.aliases = options.aliases.map((a) => (typeof a === "string" ? urn(a)
                    : a !== null && typeof a === "object" && !Array.isArray(a) && typeof a.parent === "string" ? { ...a, parent: urn(a.parent) } : a));
            }
            return {
                urn: urn(r.urn), type: r.type, name: r.name, parent: r.parent === null ? null : urn(r.parent), op: r.op, custom: r.custom,
                provider: r.provider === null ? null : urn(r.provider),
                dependsOn: [...new Set(r.dependsOn.map(urn))].sort(),
                options,
                keyProperties: keyProperties(r.type, inputs),
                inputs,
            };
        })
        .sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
    const stackRes = resources.find((r) => r.type === "pulumi:pulumi:Stack");
    const outputsOf = new Map([...registeredOutputs].map(([u, v]) => [urn(u), v]));
    const stackOutputs = (stackRes ? clean(outputsOf.get(stackRes.urn) ?? {}) : {}) as Record<string, PlanValue>;

    const networkPlans: FoundNetworkPlan[] = [];
    const seen = new Set<string>();
    const add = (owner: string, label: string, found: { output: string; report: NetworkPlanReport }[]) => {
        // An output named networkPlan first: the same report under another name is then the duplicate.
        const rank = (o: string) => (o === "networkPlan" ? 0 : /(^|\.)networkPlan$/.test(o) ? 1 : 2);
        for (const f of [...found].sort((a, b) => rank(a.output) - rank(b.output))) {
            const key = JSON.stringify(f.report);
            if (seen.has(key)) continue;
            seen.add(key);
            networkPlans.push({
                owner, output: f.output, report: f.report,
                label: owner === "stack" ? `stack output ${f.output}` : f.output === "networkPlan" ? label : `${label} ${f.output}`,
            });
        }
    };
    for (const r of resources) {
        if (r.custom || r.type === "pulumi:pulumi:Stack") continue;
        const outs = outputsOf.get(r.urn);
        if (outs !== undefined) add(r.urn, r.name, findReports(clean(outs)));
    }
    add("stack", "stack", findReports(stackOutputs));

    const byType: Record<string, number> = {};
    for (const r of resources) byType[r.type] = (byType[r.type] ?? 0) + 1;
    const error = errors.length ? hideStrings([...new Set(errors)].join("\n"), hidden) : null;
    const configShown: Record<string, PlanValue> = {};
    for (const k of Object.keys(config.values).sort()) {
        configShown[k] = config.secretKeys.includes(k) ? SECRET_TEXT : clean(config.values[k]);
    }
    return {
        kind: PLAN_RESULT_KIND,
        version: PLAN_RESULT_VERSION,
        tool: toolVersion(),
        project: project.name,
        stack,
        program: { runtime: project.runtime, main: mainRel.split(path.sep).join("/") },
        preview: options.preview === true,
        status: error === null ? "ok" : "failed",
        error,
        config: configShown,
        networkPlans,
        outputs: stackOutputs,
        resources,
        summary: { resources: resources.length, byType: Object.fromEntries(Object.keys(byType).sort().map((k) => [k, byType[k]])) },
        log: log.map((l) => ({ severity: l.severity, message: hideStrings(l.message, hidden) })),
    };
}

