/**
 * `planStack`: the offline plan as a library function. Pulumi's mocks are process-global, so the
 * program runs in a child process of its own (the `aks-network plan` command) and this process is
 * left untouched, whatever mocks it has set up.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { PlanResult } from "./types";

/** Options of {@link planStack}. */
export interface PlanStackOptions {
    /** The program's folder (holding Pulumi.yaml). */
    dir: string;
    /** @default - the only stack of the folder, else `dev` */
    stack?: string;
    /** Run as a preview. @default false */
    preview?: boolean;
    /** A fixtures file (see `aks-network plan --help`). @default - none */
    fixtures?: string;
    /** @default 120 */
    timeoutSeconds?: number;
    /** Receives the child's progress lines (stderr). @default - dropped */
    progress?: (line: string) => void;
}

/** The command line that runs `aks-network` from this installation (compiled, or TypeScript under ts-node). */
export function cliCommand(): { command: string; args: string[] } {
    const ext = path.extname(__filename);
    const main = path.join(__dirname, "..", `main${ext}`);
    return { command: process.execPath, args: ext === ".ts" ? ["-r", require.resolve("ts-node/register/transpile-only"), main] : [main] };
}

/**
 * Run a Pulumi program offline under mocks in a child process and return its plan result (the
 * `plan --format json` shape). Rejects with the command's one-line reason when the project, stack or
 * fixtures cannot be read; a failing program resolves with `status: "failed"`.
 */
export function planStack(options: PlanStackOptions): Promise<PlanResult> {
    const { command, args } = cliCommand();
    const argv = [...args, "plan", "--format", "json", "--dir", path.resolve(options.dir)];
    if (options.stack !== undefined) argv.push("--stack", options.stack);
    if (options.preview) argv.push("--preview");
    if (options.fixtures !== undefined) argv.push("--fixtures", path.resolve(options.fixtures));
    if (options.timeoutSeconds !== undefined) argv.push("--timeout", String(options.timeoutSeconds));
    return new Promise((resolve, reject) => {
        const child = spawn(command, argv, { cwd: path.resolve(options.dir), stdio: ["ignore", "pipe", "pipe"] });
        const out: Buffer[] = [];
        let err = "";
        child.stdout.on("data", (b: Buffer) => out.push(b));
        child.stderr.on("data", (b: Buffer) => {
            err += b.toString();
            if (options.progress)
                for (const line of b
                    .toString()
                    .split("\n")
                    .filter((l) => l))
                    options.progress(line);
        });
        child.on("error", reject);
        child.on("close", (code) => {
            if (code === 0 || code === 1) {
                try {
                    resolve(JSON.parse(Buffer.concat(out).toString()) as PlanResult);
                } catch (e) {
                    reject(new Error(`aks-network plan printed no plan result (exit ${code}): ${(e as Error).message}`));
                }
                return;
            }
            const reason =
                err
                    .split("\n")
                    .filter((l) => l.startsWith("aks-network: "))
                    .pop()
                    ?.slice("aks-network: ".length) ?? `exit status ${code}`;
            reject(new Error(reason));
        });
    });
}
