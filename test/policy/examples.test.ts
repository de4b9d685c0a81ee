/**
 * Every example program's resources, recorded under mocks as `pulumi preview` and `pulumi up` would
 * register them, through the policy evaluator: the package's own components give no mandatory
 * violation, and the raw azure-native example gives the mistakes its comment lists. The examples import
 * the package by name, which resolves to the build (`npm test` builds first).
 */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { join } from "node:path";
import { evaluatePolicies } from "../../lib/policy";
import { registered, resetMocks, settle } from "../helpers/mocks";
import { captureLogs, releaseLogs, useAzureOutputs } from "../azure/helpers";

const EXAMPLES = join(__dirname, "..", "..", "examples");

async function violationsOf(name: string) {
    const file = require.resolve(join(EXAMPLES, name, "index.ts"));
    delete require.cache[file];
    require(file);
    await settle();
    return evaluatePolicies(registered().map((r) => ({ type: r.type, name: r.name, urn: `urn:${r.type}::${r.name}`, props: r.inputs })));
}

describe("examples through the policy evaluator", function () {
    this.timeout(60_000);
    beforeEach(() => {
        resetMocks();
        useAzureOutputs();
        captureLogs();
    });
    afterEach(() => {
        releaseLogs();
        pulumi.runtime.setAllConfig({}, []);
    });

    for (const name of ["overlay-basic", "dual-stack-cilium", "windows-dual-stack"]) {
        it(`${name}: no mandatory violation`, async () => {
            const list = await violationsOf(name);
            assert.deepEqual(
                list.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.ruleId} ${v.name} ${v.path}: ${v.message}`),
                [],
            );
        });
    }

    it("raw-azure-native-policy: the mistakes its comment lists", async () => {
        const list = await violationsOf("raw-azure-native-policy");
        const got = new Set(list.map((v) => `${v.enforcementLevel} ${v.ruleId} ${v.name}`));
        for (const expected of [
            "mandatory R13 raw-aks",
            "advisory R38 raw-aks",
            "mandatory R44 raw-windows",
            "advisory R56 raw-aks",
            "advisory R34 raw-aks",
        ])
            assert.ok(got.has(expected), `${expected} in ${[...got].join(", ")}`);
    });
});
