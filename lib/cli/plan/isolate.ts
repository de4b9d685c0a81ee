/**
 * `aks-network plan` runs the program in a process of its own (./worker.ts) and stops it at the
 * deadline: a timer in the program's own process cannot fire while the program never yields
 * (`while (true) {}`), so that process is killed instead.
 */
import { fork } from "node:child_process";
import * as path from "node:path";
import { UsageError } from "../errors";
import { PlanResult } from "./types";
import type { WorkerMessage, WorkerRequest } from "./worker";

/**
 * How long after the deadline a program that has not reported its end is killed. Its own timer
 * normally fires first and ends the run with everything it registered; this is for a program whose
 * process does not get to run that timer.
 */
export const KILL_AFTER_DEADLINE_MS = 2_000;

/** How long a program that has ended may take to assemble and send its result before it is killed. */
export const RESULT_GRACE_MS = 60_000;

/** How long loading the program (its SDK, its TypeScript) may take before the run's own time limit starts. */
export const START_GRACE_MS = 120_000;

/** The error of a run stopped at the deadline. */
export function stoppedText(timeoutMs: number): string {
    return `the program did not finish within ${Math.round(timeoutMs / 1000)}s and never yielded (a loop that never ends, or long synchronous work): it was killed, and what it registered cannot be shown`;
}

/** The worker's entry and the Node.js options it needs (TypeScript under ts-node when this runs from the sources). */
function workerCommand(): { file: string; execArgv: string[] } {
    const ext = path.extname(__filename);
    const file = path.join(__dirname, `worker${ext}`);
    const hasTsNode = process.execArgv.some((a) => a.includes("ts-node"));
    const execArgv =
        ext === ".ts" && !hasTsNode ? [...process.execArgv, "-r", require.resolve("ts-node/register/transpile-only")] : process.execArgv;
    return { file, execArgv };
}

/** The skeleton of a run as a failed result. */
function failed(skeleton: PlanResult, error: string): PlanResult {
    return { ...skeleton, status: "failed", error };
}

/**
 * Run `request` in a worker process; its stdout and stderr go to `err`. Resolves with the plan result
 * (failed when the program was stopped at the deadline or ended its process); rejects with a
 * {@link UsageError} for the project's files, with an Error for anything else.
 */
export function runIsolated(request: WorkerRequest, err: (s: string) => void): Promise<PlanResult> {
    const { file, execArgv } = workerCommand();
    const child = fork(file, [], { execArgv, stdio: ["ignore", "pipe", "pipe", "ipc"], serialization: "json" });
    let skeleton: PlanResult | null = null;
    let outcome: WorkerMessage | null = null;
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    const killIn = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
            killed = true;
            child.kill("SIGKILL");
        }, ms);
    };
    killIn(START_GRACE_MS + request.timeoutMs);
    child.stdout?.on("data", (b: Buffer) => err(b.toString()));
    child.stderr?.on("data", (b: Buffer) => err(b.toString()));
    child.on("message", (m: WorkerMessage) => {
        if (m.type === "started") {
            skeleton = m.skeleton;
            killIn(request.timeoutMs + KILL_AFTER_DEADLINE_MS);
        } else if (m.type === "ended") killIn(RESULT_GRACE_MS);
        else outcome = m;
    });
    child.send(request);
    return new Promise((resolve, reject) => {
        child.on("error", reject);
        child.on("close", (code, signal) => {
            clearTimeout(timer);
            const m = outcome as WorkerMessage | null;
            if (m?.type === "result") return resolve(m.result);
            if (m?.type === "usage") return reject(new UsageError(m.message));
            if (m?.type === "internal") {
                if (process.env.AKS_NETWORK_DEBUG) err(`${m.stack}\n`);
                return reject(new Error(m.message));
            }
            const how = signal ? `signal ${signal}` : `exit status ${code}`;
            if (skeleton === null) return reject(new Error(`the process that runs the program ended (${how}) before the program started`));
            resolve(
                failed(skeleton, killed ? stoppedText(request.timeoutMs) : `the program ended its process (${how}) before it finished`),
            );
        });
    });
}
