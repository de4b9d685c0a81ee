/**
 * The one mock set-up of the test run (mocha `--require`). `setMocks` is process-global and the last
 * caller wins, so spec files do not call it (the SDK contract test, which must, reinstalls these
 * after it); specs read what was registered through `test/helpers/mocks.ts` and register per-test
 * behaviour (invoke results, fabricated outputs) there.
 *
 * `PULUMI_TEST_PREVIEW=1` runs the whole suite as a preview, where provider outputs are unknown.
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

// Property and fuzz tests explore new random inputs on every local run; CI uses one fixed seed so a
// landing never depends on luck (FC_SEED overrides both, to replay a reported failure).
const seed = process.env.FC_SEED ?? (process.env.CI ? "20261121" : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
