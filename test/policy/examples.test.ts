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
import { captureLogs, releaseLogs, SUBNET_ID, useAzureOutputs, useExistingNetwork } from "../azure/helpers";

const EXAMPLES = join(__dirname, "..", "..", "examples");

/** Run an example with its config (as `pulumi config set` would) and put its recorded resources through the evaluator. */
async function violationsOf(name: string, config: Record<string, string> = {}) {
    pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [`${pulumi.getProject()}:${k}`, v])), []);
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

    it("byo-vnet-hub-spoke: no mandatory violation (the spoke, its subnet and the hub peering read from Azure)", async () => {
        // The fixture the examples suite uses for this program: the spoke 10.1.0.0/16 peered with the hub 10.0.0.0/16.
        useExistingNetwork({
            vnetSpaces: ["10.1.0.0/16"],
            subnetPrefixes: ["10.1.0.0/22"],
            peerings: [{ name: "to-hub", remote: ["10.0.0.0/16"] }],
        });
        const list = await violationsOf("byo-vnet-hub-spoke", { nodeSubnetId: SUBNET_ID });
        assert.equal(registered("azure-native:containerservice:ManagedCluster").length, 1, "the cluster was recorded");
        assert.deepEqual(
            list.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.ruleId} ${v.name} ${v.path}: ${v.message}`),
            [],
        );
    });

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
