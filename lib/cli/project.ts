/**
 * Pulumi project and stack files, read the way the Pulumi CLI reads them, without the Pulumi CLI:
 * `Pulumi.yaml` (name, runtime, main, project-level config) and `Pulumi.<stack>.yaml` (config).
 *
 * Encrypted values (`secure:` entries) cannot be decrypted offline: each one is replaced by a
 * placeholder and its key is marked secret, so programs run and nothing secret is ever printed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./errors";
import { isRecord, readStructuredFile } from "./io";

/**
 * What an encrypted config value becomes offline. It meets common password rules (length, four
 * character classes) so programs that check a password still run; every printed string that contains
 * it is shown as `[secret]`.
 */
export const SECRET_PLACEHOLDER = "Offline-Secret-Placeholder-0";

/** How secrets and other hidden values are shown. */
export const SECRET_TEXT = "[secret]";

/** A Pulumi project file. */
export interface PulumiProject {
    /** The folder holding `Pulumi.yaml`. */
    dir: string;
    /** The `Pulumi.yaml` (or `Pulumi.yml`) path. */
    file: string;
    name: string;
    /** `runtime` or `runtime.name`, e.g. `nodejs`. */
    runtime: string;
    /** `runtime.options`, e.g. `{ typescript: true }`. */
    runtimeOptions: Record<string, unknown>;
    /** `main`, as written (relative to `dir`). @default - none: the folder's package.json `main` or index */
    main: string | null;
    /** Project-level config values (`config: { key: { default: v } | { value: v } | v }`), keys namespaced. */
    config: Record<string, unknown>;
}

/** A stack's config, namespaced (`ns:key`) with values as written (objects stay objects). */
export interface StackConfig {
    stack: string;
    /** The stack file, or null when the stack has none. */
    file: string | null;
    values: Record<string, unknown>;
    /** Keys holding at least one `secure:` value. */
    secretKeys: string[];
    /** Things worth a warning (ignored `environment:` imports, for example). */
    notes: string[];
}

function projectFile(dir: string): string | null {
    for (const name of ["Pulumi.yaml", "Pulumi.yml"]) {
        const f = path.join(dir, name);
        if (fs.existsSync(f)) return f;
    }
    return null;
}

/** Prefix a config key with the project name when it has no namespace, as Pulumi does. */
export function namespacedKey(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

/** Read `Pulumi.yaml` of `dir`; a {@link UsageError} when it is missing or malformed. */
export function readProject(dir: string): PulumiProject {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
    const file = projectFile(dir);
    if (!file) throw new UsageError(`no Pulumi.yaml in ${dir}; pass the program's folder with --dir`);
    const doc = readStructuredFile(file);
    if (!isRecord(doc)) throw new UsageError(`cannot parse ${file}: expected a mapping with name and runtime`);
    if (typeof doc.name !== "string" || doc.name === "") throw new UsageError(`${file} has no project name (name: <project>)`);
    const rt = doc.runtime;
    const runtime = typeof rt === "string" ? rt : isRecord(rt) && typeof rt.name === "string" ? rt.name : null;
    if (!runtime) throw new UsageError(`${file} has no runtime (runtime: nodejs)`);
    const runtimeOptions = isRecord(rt) && isRecord(rt.options) ? rt.options : {};
    if (doc.main !== undefined && typeof doc.main !== "string")
        throw new UsageError(`${file}: main must be a path, not ${JSON.stringify(doc.main)}`);
    const config: Record<string, unknown> = {};
    if (isRecord(doc.config)) {
        for (const [k, v] of Object.entries(doc.config)) {
            // Project config: a bare value, or a declaration with `default` (or `value`); declarations
            // without either only describe a key the stack must set.
            const value =
                isRecord(v) && ("default" in v || "value" in v)
                    ? (v.value ?? v.default)
                    : isRecord(v) && ("type" in v || "description" in v || "secret" in v || "items" in v)
                      ? undefined
                      : v;
            if (value !== undefined) config[namespacedKey(k, doc.name)] = value;
        }
    }
    return {
        dir: path.resolve(dir),
        file,
        name: doc.name,
        runtime,
        runtimeOptions,
        main: (doc.main as string | undefined) ?? null,
        config,
    };
}

/** The stack names that have a `Pulumi.<stack>.yaml` in `dir`, sorted. */
export function stackNames(dir: string): string[] {
    return fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/**
 * The stack to use: `requested` when given (its file must exist), else the only stack, else `dev`.
 * A {@link UsageError} when several stacks exist and none is called `dev`.
 */
export function chooseStack(dir: string, requested: string | undefined): { stack: string; file: string | null } {
    const names = stackNames(dir);
    const fileOf = (s: string) => [".yaml", ".yml"].map((e) => path.join(dir, `Pulumi.${s}${e}`)).find((f) => fs.existsSync(f)) ?? null;
    if (requested !== undefined) {
        const file = fileOf(requested);
        if (!file) {
            throw new UsageError(
                `no stack config Pulumi.${requested}.yaml in ${dir}${names.length ? ` (stacks: ${names.join(", ")})` : ""}`,
            );
        }
        return { stack: requested, file };
    }
    if (names.length === 1) return { stack: names[0], file: fileOf(names[0]) };
    if (names.includes("dev")) return { stack: "dev", file: fileOf("dev") };
    if (names.length === 0) return { stack: "dev", file: null };
    throw new UsageError(`${dir} has several stacks (${names.join(", ")}) and none is "dev"; choose one with --stack`);
}

/** True for a `secure:` entry. */
function isSecure(v: unknown): v is { secure: string } {
    return isRecord(v) && Object.keys(v).length === 1 && typeof v.secure === "string";
}

/**
 * Replace every `secure:` entry of a config value by `placeholder(key)`; reports whether it found one.
 */
export function replaceSecure(v: unknown, placeholder: string): { value: unknown; secret: boolean } {
    if (isSecure(v)) return { value: placeholder, secret: true };
    if (Array.isArray(v)) {
        const items = v.map((x) => replaceSecure(x, placeholder));
        return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
    }
    if (isRecord(v)) {
        let secret = false;
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) {
            const r = replaceSecure(x, placeholder);
            out[k] = r.value;
            secret ||= r.secret;
        }
        return { value: out, secret };
    }
    return { value: v, secret: false };
}

/**
 * The config of a stack file document (already parsed): keys namespaced with `project`, `secure:`
 * values replaced by `secrets[key]` or {@link SECRET_PLACEHOLDER}.
 */
export function stackConfigOf(
    doc: Record<string, unknown>,
    project: string,
    stack: string,
    file: string | null,
    secrets: Record<string, string> = {},
): StackConfig {
    const values: Record<string, unknown> = {};
    const secretKeys: string[] = [];
    const notes: string[] = [];
    const config = doc.config;
    if (config !== undefined && config !== null && !isRecord(config)) {
        throw new UsageError(`cannot read the config of ${file ?? stack}: config must be a mapping of keys to values`);
    }
    for (const [k, v] of Object.entries(config ?? {})) {
        const key = namespacedKey(k, project);
        const r = replaceSecure(v, secrets[key] ?? SECRET_PLACEHOLDER);
        values[key] = r.value;
        if (r.secret) secretKeys.push(key);
    }
    if (doc.environment !== undefined) notes.push(`${file}: environment imports (Pulumi ESC) are not available offline and were ignored`);
    return { stack, file, values, secretKeys, notes };
}

/** Read the config of a stack of `project` (project-level config first, the stack's over it). */
export function readStackConfig(
    project: PulumiProject,
    stack: string,
    file: string | null,
    secrets: Record<string, string> = {},
): StackConfig {
    const doc = file ? readStructuredFile(file) : {};
    if (!isRecord(doc)) throw new UsageError(`cannot parse ${file}: expected a mapping with a config: key`);
    const own = stackConfigOf(doc, project.name, stack, file, secrets);
    return { ...own, values: { ...project.config, ...own.values } };
}

/** Config values as the Pulumi runtime holds them: strings, with objects, lists, numbers and booleans as JSON. */
export function toRuntimeConfig(values: Record<string, unknown>): Record<string, string> {
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}
