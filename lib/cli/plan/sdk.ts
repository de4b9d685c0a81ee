/**
 * The offline engine's one contact with the loaded `@pulumi/pulumi`. Every call into the SDK's runtime
 * made by `aks-network plan` and by the component tests goes through this module, and nothing else in
 * the package knows how the SDK talks to its engine.
 *
 * Public SDK surface used: `runtime.setMocks`, `runtime.setAllConfig`, `runtime.runInPulumiStack`,
 * `runtime.disconnect` (waits for outstanding registrations), `runtime.getMonitor`, `createUrn` and
 * `Output.apply`. The wire signatures below equal the SDK's public `runtime.specialSigKey`,
 * `runtime.specialSecretSig`, ... constants; they are copied here so that the pure modules reading plan
 * values never load the SDK.
 *
 * One reach beyond the public surface, kept to {@link recordRegistrations}: the mock monitor's
 * requests are observed (their `get...()` accessors are read, never changed), because `Mocks` sees
 * neither a resource's parent, dependencies and options nor the outputs a component registers, and
 * receives inputs already deserialized (resource references as objects, unknowns as sentinels) rather
 * than in the printable wire form. The engine's marking of `additionalSecretOutputs` is reproduced on
 * the monitor's response. test/cli/plan/sdk.test.ts checks each of these assumptions against the
 * installed SDK.
 */
import * as path from "node:path";
import type * as Pulumi from "@pulumi/pulumi";
import { UsageError } from "../errors";
import { isRecord } from "../io";
import type { PulumiProject } from "../project";

/** The loaded `@pulumi/pulumi` module (the program's own copy in the CLI, the test run's in tests). */
export type Sdk = typeof Pulumi;

/** The special-signature keys and values of the engine's wire format (`pulumi.runtime.special*Sig`). */
export const WIRE = {
    /** The key naming a special value's kind. */
    sigKey: "4dabf18193072939515e22adb298388d",
    /** A secret: `{ [sigKey]: secret, value }`. */
    secret: "1b47061264138c4ac30d75fd1eb44270",
    /** A resource reference: `{ [sigKey]: resource, urn, id }`. */
    resource: "5cf8f73096256a8f31e491e813e4eb8e",
    /** An output value: `{ [sigKey]: outputValue, value?, secret?, dependencies? }`. */
    outputValue: "d0e6a833031e9bbcd3f4e8bde6ca49a4",
    /** An asset: `{ [sigKey]: asset, path | uri | text }`. */
    asset: "c44067f5952c0a294b673a41bacd8c17",
    /** An archive: `{ [sigKey]: archive, path | uri | assets }`. */
    archive: "0def7320c3a5731c473e5ecbe6d01bc7",
    /** The string standing for a value unknown during a preview (`pulumi.runtime.unknownValue`). */
    unknown: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
} as const;

/** The special-signature kind of a wire value (`WIRE.secret`, `WIRE.resource`, ...), or undefined. */
export function wireKind(v: unknown): string | undefined {
    const kind = isRecord(v) ? v[WIRE.sigKey] : undefined;
    return typeof kind === "string" ? kind : undefined;
}

/** True for a wire-form secret. */
export function isWireSecret(v: unknown): boolean {
    return wireKind(v) === WIRE.secret;
}

/** A value the engine would hand back as a secret. */
export function wireSecret(value: unknown): Record<string, unknown> {
    return { [WIRE.sigKey]: WIRE.secret, value };
}

/** Replace wire-form secrets by their values, recursively. */
export function unwrapWireSecrets(v: unknown): unknown {
    if (isWireSecret(v)) return unwrapWireSecrets((v as { value: unknown }).value);
    if (Array.isArray(v)) return v.map(unwrapWireSecrets);
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapWireSecrets(x)]));
    return v;
}

/** Load the `@pulumi/pulumi` the program itself would load (its own installation, not this package's). */
export function loadSdk(project: PulumiProject, entry: string): Sdk {
    let file: string;
    try {
        file = require.resolve("@pulumi/pulumi", { paths: [path.dirname(entry), project.dir] });
    } catch {
        throw new UsageError(`@pulumi/pulumi is not installed for ${project.dir}; run npm install there`);
    }
    return require(file) as Sdk;
}

/** The value of an output, through the public `apply` (only for outputs known in the current mode). */
export function outputValue<T>(o: Pulumi.Output<T>): Promise<T> {
    return new Promise<T>((resolve) =>
        o.apply((v) => {
            resolve(v);
            return v;
        }),
    );
}

/**
 * Wait until every registration the program started has reached the mocks. Uses the public
 * `runtime.disconnect`, which drains the SDK's queue of outstanding requests first; under mocks the
 * monitor stays usable afterwards, so tests may call this between cases.
 */
export async function settle(sdk: Sdk): Promise<void> {
    await sdk.runtime.disconnect();
}

/** A resource as the engine would name it. */
export interface UrnParts {
    /** The mock monitor's URN, which qualifies a type with its direct parent's type only. */
    urn: string;
    type: string;
    name: string;
    /** The parent's mock URN; null for the root stack. */
    parent: string | null;
}

/**
 * The URNs the Pulumi engine gives, by the mock monitor's URN, made with the SDK's public `createUrn`:
 * every ancestor's type but the root stack's (`a:b:Parent$c:d:Child`, plain `c:d:Top` under the
 * stack). Plans report the engine's form, the one in state, previews and aliases.
 */
export async function engineUrns(sdk: Sdk, records: readonly UrnParts[], project: string, stack: string): Promise<Map<string, string>> {
    const byMock = new Map(records.map((r) => [r.urn, r]));
    const made = new Map<string, Promise<string>>();
    const engineUrn = (r: UrnParts, depth: number): Promise<string> => {
        const known = made.get(r.urn);
        if (known !== undefined) return known;
        const parent = r.parent !== null && depth < 100 ? byMock.get(r.parent) : undefined;
        const urn = (async () => {
            const parentUrn = parent ? await engineUrn(parent, depth + 1) : undefined;
            return outputValue(sdk.createUrn(r.name, r.type, parentUrn, project, stack));
        })();
        made.set(r.urn, urn);
        return urn;
    };
    const pairs = await Promise.all(records.map(async (r) => [r.urn, await engineUrn(r, 0)] as const));
    return new Map(pairs);
}

/** A registration as the mock monitor saw it, inputs and options still in their wire form. */
export interface Recorded extends UrnParts {
    /** `create` for registered resources, `read` for `.get` lookups. */
    op: "create" | "read";
    custom: boolean;
    /** The explicit provider's mock URN, or null for the default provider. */
    provider: string | null;
    /** Mock URNs of the registration's dependencies. */
    dependsOn: string[];
    /** Resource options worth reviewing, when set (`protect`, `ignoreChanges`, `aliases`, `id`, ...). */
    options: Record<string, unknown>;
    inputs: unknown;
}

/** What a program registered under {@link startMocks}, filled in as it runs. */
export interface Recording {
    resources: Recorded[];
    /** The outputs each component (and the stack) registered, by mock URN, in wire form. */
    outputs: Map<string, unknown>;
}

/** Where the program runs. */
export interface MockTarget {
    project: string;
    stack: string;
    preview: boolean;
    /** @default "organization" */
    organization?: string;
}

/**
 * Install `mocks` as the engine (public `runtime.setMocks`) and record every registration, read and
 * registered output the program makes from now on.
 */
export async function startMocks(sdk: Sdk, mocks: Pulumi.runtime.Mocks, target: MockTarget): Promise<Recording> {
    await sdk.runtime.setMocks(mocks, target.project, target.stack, target.preview, target.organization ?? "organization");
    const recording: Recording = { resources: [], outputs: new Map() };
    recordRegistrations(sdk.runtime.getMonitor() as unknown as MonitorLike, recording);
    return recording;
}

/** Hand the program's stack config to the runtime (public `runtime.setAllConfig`). */
export function setConfig(sdk: Sdk, values: Record<string, string>, secretKeys: string[]): void {
    sdk.runtime.setAllConfig(values, secretKeys);
}

/** Run a program's main function inside the root stack (public `runtime.runInPulumiStack`). */
export async function runInStack(sdk: Sdk, main: () => Promise<unknown>): Promise<void> {
    await sdk.runtime.runInPulumiStack(main);
}

// ---- The one reach beyond the public surface: the mock monitor's requests ----

/** A protobuf `Struct` as the SDK's requests carry it. */
interface ProtoStruct {
    toJavaScript(): Record<string, unknown>;
}

/** The accessors of the SDK's `RegisterResourceRequest` this module reads (optional ones came later). */
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getProvider(): string;
    getObject(): ProtoStruct | undefined;
    getDependenciesList(): string[];
    getProtect?(): boolean | undefined;
    getIgnorechangesList?(): string[];
    getReplaceonchangesList?(): string[];
    getDeletebeforereplace?(): boolean;
    getAdditionalsecretoutputsList?(): string[];
    getAliasesList?(): { toObject(): unknown }[];
    getAliasurnsList?(): string[];
    getImportid?(): string;
}

interface ReadRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getProvider(): string;
    getId(): string;
    getProperties(): ProtoStruct | undefined;
}

interface OutputsRequest {
    getUrn(): string;
    getOutputs(): ProtoStruct | undefined;
}

interface RegisterResponse {
    getUrn(): string;
    getObject?(): ProtoStruct | undefined;
    setObject?(s: ProtoStruct): void;
}

type Callback = (err: unknown, resp: RegisterResponse | undefined) => void;

/** The mock monitor's methods this module wraps. */
interface MonitorLike {
    registerResource(req: RegisterRequest, cb: Callback): unknown;
    readResource(req: ReadRequest, cb: Callback): unknown;
    registerResourceOutputs(req: OutputsRequest, cb: (err: unknown, resp: unknown) => void): unknown;
}

/** Observe the monitor: each answered request is recorded; the requests themselves are left as they are. */
function recordRegistrations(monitor: MonitorLike, recording: Recording): void {
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) => {
        const rec = registration(req);
        const secretOutputs = req.getAdditionalsecretoutputsList?.() ?? [];
        return register(req, (err, resp) => {
            if (!err && resp) {
                markSecretOutputs(resp, secretOutputs);
                recording.resources.push({ ...rec, urn: resp.getUrn() });
            }
            cb(err, resp);
        });
    };
    const read = monitor.readResource.bind(monitor);
    monitor.readResource = (req, cb) => {
        const rec = lookup(req);
        return read(req, (err, resp) => {
            if (!err && resp) recording.resources.push({ ...rec, urn: resp.getUrn() });
            cb(err, resp);
        });
    };
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req, cb) => {
        recording.outputs.set(req.getUrn(), req.getOutputs()?.toJavaScript() ?? {});
        return registerOutputs(req, cb);
    };
}

/** The URN part of a provider reference (`urn::id`). */
export function providerUrn(ref: string): string | null {
    return ref ? ref.split("::").slice(0, -1).join("::") || ref : null;
}

function registration(req: RegisterRequest): Omit<Recorded, "urn"> {
    return {
        type: req.getType(),
        name: req.getName(),
        parent: req.getParent() || null,
        op: "create",
        custom: req.getCustom(),
        provider: providerUrn(req.getProvider()),
        dependsOn: [...req.getDependenciesList()],
        options: registrationOptions(req),
        inputs: req.getObject()?.toJavaScript() ?? {},
    };
}

function registrationOptions(req: RegisterRequest): Record<string, unknown> {
    const options: Record<string, unknown> = {};
    if (req.getProtect?.()) options.protect = true;
    const ignore = req.getIgnorechangesList?.() ?? [];
    if (ignore.length) options.ignoreChanges = ignore;
    const replaceOnChanges = req.getReplaceonchangesList?.() ?? [];
    if (replaceOnChanges.length) options.replaceOnChanges = replaceOnChanges;
    if (req.getDeletebeforereplace?.()) options.deleteBeforeReplace = true;
    const specs = (req.getAliasesList?.() ?? []).map((a) => a.toObject());
    const aliases = [...(req.getAliasurnsList?.() ?? []), ...userAliases(req.getType(), specs)];
    if (aliases.length) options.aliases = aliases;
    const importId = req.getImportid?.() ?? "";
    if (importId) options.import = importId;
    return options;
}

function lookup(req: ReadRequest): Omit<Recorded, "urn"> {
    return {
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
}

/**
 * Mark `names` of a registration's outputs secret, as the engine does for `additionalSecretOutputs`
 * (`RandomPassword.result`); the mock monitor does not. The response's object is replaced by one of
 * the same protobuf class.
 */
function markSecretOutputs(resp: RegisterResponse, names: readonly string[]): void {
    const struct = resp.getObject?.();
    if (names.length === 0 || !struct || !resp.setObject) return;
    const state = struct.toJavaScript();
    const marked = names.filter((k) => k in state && !isWireSecret(state[k]));
    if (marked.length === 0) return;
    for (const k of marked) state[k] = wireSecret(state[k]);
    const structClass = struct.constructor as unknown as { fromJavaScript(v: Record<string, unknown>): ProtoStruct };
    resp.setObject(structClass.fromJavaScript(state));
}

/**
 * The aliases a program gave, compactly (`{ name, type, parent, project, stack }` fields that are set,
 * or the URN), from the requests' alias specs. Provider SDKs alias every resource to the type tokens of
 * older API versions (`azure-native:network/v20230401:VirtualNetwork`); those carry no intent and are
 * left out.
 */
export function userAliases(type: string, aliases: unknown[]): unknown[] {
    const out: unknown[] = [];
    for (const alias of aliases) {
        if (!isRecord(alias)) continue;
        if (typeof alias.urn === "string" && alias.urn !== "") {
            out.push(alias.urn);
            continue;
        }
        const spec = isRecord(alias.spec) ? alias.spec : {};
        const set = Object.fromEntries(
            Object.entries({
                name: spec.name,
                type: spec.type,
                parent: spec.parenturn,
                project: spec.project,
                stack: spec.stack,
                noParent: spec.noparent,
            }).filter(([, v]) => v !== "" && v !== null && v !== undefined && v !== false),
        );
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
    const [aliasPkg, aliasMod, aliasKind] = splitType(alias);
    const versioned = (m: string) => /(^|\/)v\d+[a-z0-9]*$/.test(m);
    return (
        aliasPkg === pkg &&
        aliasKind === kind &&
        alias !== type &&
        (aliasMod.startsWith(`${mod}/`) || (versioned(aliasMod) && versioned(mod)))
    );
}

/** `[package, module, kind]` of a type token (`kubernetes:helm.sh/v4:Chart` → `kubernetes`, `helm.sh/v4`, `Chart`). */
export function splitType(type: string): [string, string, string] {
    const first = type.indexOf(":");
    const last = type.lastIndexOf(":");
    if (first < 0) return [type, "", ""];
    if (first === last) return [type.slice(0, first), "", type.slice(first + 1)];
    return [type.slice(0, first), type.slice(first + 1, last), type.slice(last + 1)];
}
