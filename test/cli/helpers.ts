/**
 * Runs the `aks-network` command end to end in a child process: the command's own process, as a user
 * runs it. By default from the current sources, transpiled once per test run (no type check) into
 * node_modules/.cache, so every run starts as fast as the built command; with `AKS_NETWORK_CLI=dist`
 * the built `dist/lib/cli/main.js` (after `npx tsc -p tsconfig.json`); with `AKS_NETWORK_CLI=ts-node`
 * the sources under ts-node.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SECRET_PLACEHOLDER } from "../../lib/cli/project";

/** The repository root. */
export const ROOT = path.resolve(__dirname, "..", "..");
/** Test fixtures of the CLI. */
export const FIXTURES = path.join(__dirname, "fixtures");
/** The example network plans. */
export const PLANS = path.join(ROOT, "examples", "plans");

/** What one run of the command did. */
export interface CliRun {
    status: number | null;
    stdout: string;
    stderr: string;
}

let transpiled: string | undefined;

/** Transpile lib/ (as the build does, without the type check) into a folder inside the repository, so packages resolve. */
function transpileLib(): string {
    if (transpiled) return transpiled;
    const ts = require("typescript") as typeof import("typescript");
    const out = path.join(ROOT, "node_modules", ".cache", `aks-network-cli-test-${process.pid}`);
    const config = ts.getParsedCommandLineOfConfigFile(
        path.join(ROOT, "tsconfig.json"),
        {},
        {
            ...ts.sys,
            onUnRecoverableConfigFileDiagnostic: (d) => {
                throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
            },
        },
    );
    if (!config) throw new Error("cannot read tsconfig.json");
    const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
            const f = path.join(dir, e.name);
            return e.isDirectory() ? walk(f) : e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [f] : [];
        });
    for (const file of walk(path.join(ROOT, "lib"))) {
        const js = ts.transpileModule(fs.readFileSync(file, "utf8"), {
            compilerOptions: { ...config.options, sourceMap: false, declaration: false },
            fileName: file,
        }).outputText;
        const target = path.join(out, path.relative(ROOT, file)).replace(/\.ts$/, ".js");
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, js);
    }
    process.on("exit", () => fs.rmSync(out, { recursive: true, force: true }));
    transpiled = out;
    return out;
}

/** The node arguments that start `aks-network` (the script and its loader). */
export function command(): string[] {
    if (process.env.AKS_NETWORK_CLI === "dist") return [path.join(ROOT, "dist", "lib", "cli", "main.js")];
    if (process.env.AKS_NETWORK_CLI === "ts-node")
        return ["-r", require.resolve("ts-node/register/transpile-only"), path.join(ROOT, "lib", "cli", "main.ts")];
    return [path.join(transpileLib(), "lib", "cli", "main.js")];
}

/** Run `aks-network ...args` in `cwd` (default: the repository root). */
export function runCli(args: string[], cwd = ROOT): CliRun {
    const r = spawnSync(process.execPath, [...command(), ...args], {
        cwd,
        encoding: "utf8",
        env: { ...process.env, AKS_NETWORK_DEBUG: "" },
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error) throw r.error;
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The lines of stderr that the command wrote as errors (`aks-network: ...`). */
export function errorLines(run: CliRun): string[] {
    return run.stderr.split("\n").filter((l) => l.startsWith("aks-network: "));
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-network-cli-"));
    return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Strings that must never appear in any output: the encrypted config values, their offline stand-in, a program's literal secret. */
export const NEVER_PRINTED = [
    "v1:V3J5LZqTHRBZnl0p:wv4UmAFkqC4WbOPEtlpQyQFwAMq2I9Z6i7Lx6uY=",
    "wv4UmAFkqC4WbOPEtlpQyQFwAMq2I9Z6i7Lx6uY",
    "v1:4mzpbmUq8yoK4Hkd:5QkvZtK8jJ1TzYh1c3Jm0r5vC0U7mYqWm3kz9w==",
    SECRET_PLACEHOLDER,
    "literal-pulumi-secret-value",
];
