/**
 * The process in which `aks-network plan` runs a Pulumi program (started by ./isolate.ts): the
 * program can then be stopped at the deadline even when it never yields (`while (true) {}`), which no
 * timer in its own process could do. It reports over the IPC channel; progress goes to stderr.
 */
import { firstLine, UsageError } from "../errors";
import { emptyFixtures, readFixtures } from "./fixtures";
import { runProgramOffline } from "./runner";
import { PlanResult } from "./types";

/** What the command asks of the worker. */
export interface WorkerRequest {
    dir: string;
    stack?: string;
    preview: boolean;
    /** The fixtures file, read by the worker. */
    fixtures?: string;
    timeoutMs: number;
}

/** What the worker reports, in order: started, ended, then one of result, usage or internal. */
export type WorkerMessage =
    | { type: "started"; skeleton: PlanResult }
    | { type: "ended" }
    | { type: "result"; result: PlanResult }
    | { type: "usage"; message: string }
    | { type: "internal"; message: string; stack: string };

/** Run the request's program and say how it went; `send` reports progress (the program starts once "started" is out). */
export async function work(request: WorkerRequest, send: (m: WorkerMessage) => Promise<void>): Promise<WorkerMessage> {
    try {
        const result = await runProgramOffline({
            dir: request.dir,
            stack: request.stack,
            preview: request.preview,
            fixtures: request.fixtures ? readFixtures(request.fixtures) : emptyFixtures(),
            timeoutMs: request.timeoutMs,
            progress: (m) => process.stderr.write(`aks-network: ${m}\n`),
            onStart: (skeleton) => send({ type: "started", skeleton }),
            onProgramEnd: () => void send({ type: "ended" }),
        });
        return { type: "result", result };
    } catch (e) {
        if (e instanceof UsageError) return { type: "usage", message: e.message };
        return { type: "internal", message: firstLine(e), stack: e instanceof Error ? (e.stack ?? "") : "" };
    }
}

if (require.main === module) {
    const send = (m: WorkerMessage) => new Promise<void>((resolve) => process.send?.(m, undefined, {}, () => resolve()) ?? resolve());
    process.once("message", (request: WorkerRequest) => {
        // A program under mocks may leave timers behind: end once the last message is out.
        void work(request, send).then((m) => send(m).then(() => process.exit(0)));
    });
}
