/**
 * The one mock set-up of the test run (mocha `--require`). `setMocks` is process-global and the last
 * caller wins, so spec files do not call it (the SDK contract test, which must, reinstalls these
 * after it); specs read what was registered through `test/helpers/mocks.ts` and register per-test
 * behaviour (invoke results, fabricated outputs) there.
 *
 * `PULUMI_TEST_PREVIEW=1` runs the whole suite as a preview, where provider outputs are unknown.
 *
 * Without an engine, `pulumi.log` prints to the console ("warning: [runtime] ..."), which would land
 * among the reporter's dots. The suite keeps those lines per test instead and prints them under a
 * test that fails (errors still print at once). Tests that assert on logs replace `pulumi.log.warn`
 * and `info` themselves (test/azure/helpers.ts `captureLogs`) and put these back afterwards.
 */
import * as pulumi from "@pulumi/pulumi";
import * as fc from "fast-check";
import { mockState, TEST_DEPLOYMENT } from "./helpers/mocks";

/** Install the suite's mocks (again, after a spec that needed its own, such as the SDK contract test). */
export function installSuiteMocks(): void {
    void pulumi.runtime.setMocks(
        mockState,
        TEST_DEPLOYMENT.project,
        TEST_DEPLOYMENT.stack,
        process.env.PULUMI_TEST_PREVIEW === "1",
        "acme",
    );
}

installSuiteMocks();

/** The runtime log lines of the running test. */
const runtimeLog: string[] = [];

type LogFunction = (msg: string, resource?: pulumi.Resource, streamId?: number, ephemeral?: boolean) => Promise<void>;

/** Keep `pulumi.log.<level>` lines instead of printing them (as the SDK prints them without an engine). */
function keepLog(level: "debug" | "info" | "warn", prefix: string): void {
    (pulumi.log as unknown as Record<string, LogFunction>)[level] = async (msg: string) => {
        runtimeLog.push(`${prefix}: [runtime] ${msg}`);
    };
}

keepLog("debug", "debug");
keepLog("info", "info");
keepLog("warn", "warning");

/** Root hooks (mocha reads them from a --require'd file): a failing test shows the runtime log it wrote. */
export const mochaHooks = {
    beforeEach(): void {
        runtimeLog.length = 0;
    },
    afterEach(this: Mocha.Context): void {
        if (this.currentTest?.state === "failed" && runtimeLog.length > 0) {
            process.stderr.write(`\nruntime log of "${this.currentTest.fullTitle()}":\n${runtimeLog.map((l) => `  ${l}`).join("\n")}\n`);
        }
        runtimeLog.length = 0;
    },
};

// Property and fuzz tests explore new random inputs on every local run; CI uses one fixed seed so a
// landing never depends on luck (FC_SEED overrides both, to replay a reported failure).
const seed = process.env.FC_SEED ?? (process.env.CI ? "20261121" : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
