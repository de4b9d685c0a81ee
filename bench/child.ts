/**
 * Running measured child processes: wall time, peak memory, output, and interleaved rounds.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

/** The repository root (this file runs from dist/bench/). */
export const ROOT = path.resolve(__dirname, "..", "..");
/** Compiled bench files. */
export const BENCH_DIST = __dirname;
/** The bench sources (fixtures, README). */
export const BENCH_SRC = path.join(ROOT, "bench");

export interface ChildRun {
    code: number | null;
    signal: string | null;
    wallMs: number;
    stdout: string;
    stderr: string;
    /** Peak RSS of the child in KB (node children only), else null. */
    maxRssKb: number | null;
}

export interface ChildOptions {
    cwd?: string;
    env?: Record<string, string>;
    /** Extra node flags, e.g. `--expose-gc`. */
    nodeFlags?: string[];
    timeoutMs?: number;
}

const tmp = mkdtempSync(path.join(tmpdir(), "aks-network-bench-"));
process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));
let seq = 0;

/** Runs `node [flags] script args...` to completion, timing it from spawn to exit. */
export function runNode(script: string, args: string[], opts: ChildOptions = {}): ChildRun {
    const rssFile = path.join(tmp, `rss-${process.pid}-${seq++}`);
    const argv = [...(opts.nodeFlags ?? []), "--require", path.join(BENCH_DIST, "rss-hook.js"), script, ...args];
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, argv, {
        cwd: opts.cwd ?? ROOT,
        env: { ...process.env, ...opts.env, BENCH_RSS_FILE: rssFile },
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
        timeout: opts.timeoutMs ?? 10 * 60 * 1000,
    });
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    let maxRssKb: number | null;
    try {
        maxRssKb = Number(readFileSync(rssFile, "utf8"));
        rmSync(rssFile, { force: true });
    } catch {
        maxRssKb = null;
    }
    if (r.error) throw r.error;
    return { code: r.status, signal: r.signal, wallMs, stdout: r.stdout, stderr: r.stderr, maxRssKb };
}

/** The last line of a child's stdout that is a JSON object. */
export function lastJson<T>(run: ChildRun, what: string): T {
    const lines = run.stdout.trim().split("\n").reverse();
    for (const line of lines) {
        if (line.startsWith("{")) return JSON.parse(line) as T;
    }
    throw new Error(
        `${what} printed no JSON result (exit ${run.code}${run.signal ? `, ${run.signal}` : ""}): ${tail(run.stderr || run.stdout)}`,
    );
}

/** The end of a long output, for error messages. */
export function tail(s: string, lines = 8): string {
    return s.trim().split("\n").slice(-lines).join("\n");
}

/** Fails with the child's stderr when it did not exit 0. */
export function checkExit(run: ChildRun, what: string): ChildRun {
    if (run.code !== 0)
        throw new Error(`${what} exited ${run.code}${run.signal ? ` (${run.signal})` : ""}: ${tail(run.stderr || run.stdout)}`);
    return run;
}

/**
 * Runs each variant once per round, `rounds` times, rotating the order every round (A B C, B C A,
 * C A B, ...) so no variant always goes first or last, after one untimed warm-up run of each (file
 * cache, lazy compilation). Returns the samples per variant, index-aligned by round.
 */
export function interleave<T>(
    rounds: number,
    variants: Record<string, () => T>,
    warmup = true,
    progress?: (msg: string) => void,
): Record<string, T[]> {
    const names = Object.keys(variants);
    const out: Record<string, T[]> = Object.fromEntries(names.map((n) => [n, [] as T[]]));
    if (warmup) for (const n of names) variants[n]();
    for (let r = 0; r < rounds; r++) {
        progress?.(`round ${r + 1}/${rounds}`);
        for (let i = 0; i < names.length; i++) {
            const n = names[(i + r) % names.length];
            out[n].push(variants[n]());
        }
    }
    return out;
}
