/**
 * The one mock set-up of the test run (mocha `--require`). `setMocks` is process-global and the last
 * caller wins, so no spec file calls it; specs read what was registered through `test/helpers/mocks.ts`
 * and register per-test behaviour (invoke results, fabricated outputs) there.
 *
 * `PULUMI_TEST_PREVIEW=1` runs the whole suite as a preview, where provider outputs are unknown.
 */
import * as pulumi from "@pulumi/pulumi";
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
