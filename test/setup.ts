/**
 * The one mock set-up of the test run (mocha `--require`). `setMocks` is process-global and the last
 * caller wins, so no spec file calls it; specs read what was registered through `test/helpers/mocks.ts`
 * and register per-test behaviour (invoke results, fabricated outputs) there.
 *
 * `PULUMI_TEST_PREVIEW=1` runs the whole suite as a preview, where provider outputs are unknown.
 */
import * as pulumi from "@pulumi/pulumi";
import * as fc from "fast-check";
import { mockState } from "./helpers/mocks";

pulumi.runtime.setMocks(
    {
        newResource: (args) => mockState.newResource(args),
        call: (args) => mockState.call(args),
    },
    "aks-network-test",
    "test",
    process.env.PULUMI_TEST_PREVIEW === "1",
    "acme",
);

// Property and fuzz tests explore new random inputs on every local run; CI uses one fixed seed so a
// landing never depends on luck (FC_SEED overrides both, to replay a reported failure).
const seed = process.env.FC_SEED ?? (process.env.CI ? "20261121" : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
