/**
 * The components constructed the way the plugin host constructs them for another language: the inputs
 * are plain JSON (enum members as their strings, a cluster's core as data) encoded as the engine's
 * protobuf Struct, decoded by the SDK's provider server (`deserializeInputs`, what its `construct` RPC
 * handler runs) and handed to `ComponentProvider.construct`. The resources registered, their inputs,
 * and the outputs the provider returns must equal a direct TypeScript construction with the same
 * arguments.
 *
 * The RPC server itself (`componentProviderHost`) needs an engine to connect to, so the test starts
 * at the step after the gRPC decoding; everything from there on is the SDK's own code under mocks.
 */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { AksCluster } from "../../lib/azure/aksCluster";
import { IpFamily, OsType } from "../../lib/azure/enums";
import { NodePool } from "../../lib/azure/nodePool";
import { typeToken } from "../../lib/core/tokens";
import { isPreview, registered, resetMocks, settle, valueOf } from "../helpers/mocks";
import { captureLogs, releaseLogs, useAzureOutputs } from "../azure/helpers";
import { componentProvider, inferredSchema } from "./helpers";

// Internal SDK modules the host runs (present in the pinned @pulumi/pulumi; no public entry).
const { deserializeInputs } = require("@pulumi/pulumi/provider/server") as {
    deserializeInputs(struct: unknown, dependencies: Map<string, unknown>): Promise<Record<string, unknown>>;
};
const { Struct } = require("google-protobuf/google/protobuf/struct_pb") as { Struct: { fromJavaScript(v: unknown): unknown } };

/** The inputs as the host hands them to `construct`: JSON through the engine's Struct, no dependencies. */
async function hostInputs(json: Record<string, unknown>): Promise<Record<string, unknown>> {
    return deserializeInputs(Struct.fromJavaScript(JSON.parse(JSON.stringify(json))), new Map());
}

/** The registrations of one run, without the component's own type token's prefix differences. */
function snapshot(): { type: string; name: string; custom: boolean; inputs: unknown }[] {
    return registered()
        .map((r) => ({ type: r.type, name: r.name, custom: r.custom ?? false, inputs: r.inputs }))
        .sort((a, b) => `${a.type}::${a.name}`.localeCompare(`${b.type}::${b.name}`));
}

/** A cluster's arguments as another language writes them: strings for enum members. */
const CLUSTER_JSON = {
    apiServer: { authorizedIpRanges: ["20.50.60.0/24"] },
    network: {
        ipFamilies: ["IPv4", "IPv6"],
        vnet: {
            addressSpaces: ["10.20.0.0/16", "fd00:20::/48"],
            subnets: [
                { name: "system", cidr: "10.20.0.0/24", ipv6Cidr: "fd00:20::/64" },
                { name: "apps", cidr: "10.20.4.0/22", ipv6Cidr: "fd00:20:0:1::/64" },
            ],
        },
    },
    nodePools: [{ name: "apps", subnet: "apps", minCount: 2, maxCount: 6 }],
};

/** The same arguments as a TypeScript program writes them. */
const CLUSTER_TS = {
    ...CLUSTER_JSON,
    network: { ...CLUSTER_JSON.network, ipFamilies: [IpFamily.IPv4, IpFamily.IPv6] },
    nodePools: [{ name: "apps", subnet: "apps", minCount: 2, maxCount: 6, osType: OsType.Linux }],
};

/** The outputs of a direct construction, for the keys the schema lists, resolved (plain ones as they are). */
async function directOutputs(component: pulumi.ComponentResource, keys: string[]): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const key of keys) {
        const value = (component as unknown as Record<string, unknown>)[key];
        out[key] = pulumi.Output.isInstance(value) ? await valueOf(value) : value;
    }
    return out;
}

describe("construct through the component provider, as for another language", function () {
    this.timeout(120_000);
    let outputKeys: Record<string, string[]>;

    before(async () => {
        const schema = await inferredSchema();
        outputKeys = Object.fromEntries(Object.entries(schema.resources).map(([t, r]) => [t, Object.keys(r.properties ?? {})]));
    });
    beforeEach(() => {
        resetMocks();
        useAzureOutputs();
        captureLogs();
    });
    afterEach(releaseLogs);

    it("AksCluster: the same resources and inputs as a direct construction", async () => {
        new AksCluster("pc", { ...CLUSTER_TS, nodePools: [{ name: "apps", subnet: "apps", minCount: 2, maxCount: 6 }] });
        await settle();
        const direct = snapshot();
        resetMocks();
        useAzureOutputs();
        const result = await componentProvider().construct("pc", typeToken("AksCluster"), await hostInputs(CLUSTER_JSON), {});
        await settle();
        assert.ok(direct.length >= 10, `the direct construction registered ${direct.length} resources`);
        assert.deepEqual(snapshot(), direct);
        assert.deepEqual(Object.keys(result.state ?? {}).sort(), [...outputKeys[typeToken("AksCluster")]].sort());
    });

    it("AksCluster: the outputs the provider returns equal the component's", async function () {
        if (isPreview) this.skip(); // provider outputs are unknown in a preview: nothing to resolve
        const direct = new AksCluster("po", CLUSTER_TS);
        const expected = await directOutputs(
            direct,
            outputKeys[typeToken("AksCluster")].filter((k) => k !== "provider"),
        );
        await settle();
        resetMocks();
        useAzureOutputs();
        // The same name (Azure names derive from it); the mocks don't refuse the second URN as an engine would.
        const result = await componentProvider().construct("po", typeToken("AksCluster"), await hostInputs(CLUSTER_JSON), {});
        const got = await directOutputs(result.state as unknown as pulumi.ComponentResource, Object.keys(expected));
        assert.ok(Object.keys(expected).length >= 10);
        for (const key of Object.keys(expected)) assert.deepEqual(got[key], expected[key], key);
        assert.equal(JSON.stringify(got).includes('"verdict"'), true, "the network plan report is among the outputs");
    });

    it("NodePool: joins through the cluster's core sent as data, with the resources of a direct construction", async function () {
        if (isPreview) this.skip(); // the core holds the cluster's id, unknown in a preview
        const cluster = new AksCluster("pj", CLUSTER_TS);
        const core = await valueOf(cluster.core);
        await settle();
        resetMocks();
        useAzureOutputs();
        new NodePool("pj-gpu", { cluster: core, pool: { name: "gpu", subnet: "apps", osType: OsType.Linux } });
        await settle();
        const direct = snapshot();
        resetMocks();
        useAzureOutputs();
        const inputs = await hostInputs({ cluster: core, pool: { name: "gpu", subnet: "apps", osType: "Linux" } });
        const result = await componentProvider().construct("pj-gpu", typeToken("NodePool"), inputs, {});
        await settle();
        assert.deepEqual(
            direct.map((r) => r.type),
            [typeToken("NodePool"), "azure-native:containerservice:AgentPool"].sort(),
        );
        assert.deepEqual(snapshot(), direct);
        const state = result.state as Record<string, unknown>;
        assert.equal(state.poolName, "gpu");
        assert.deepEqual(
            (state.networkPlan as { effective: { nodePools: { name: string }[] } }).effective.nodePools.map((p) => p.name),
            ["system", "apps", "gpu"],
        );
    });

    it("refuses a token of another provider name, as the host does", async () => {
        await assert.rejects(
            componentProvider().construct("x", "aks-network:index:AksCluster", {}, {}),
            /Invalid package name aks-network, expected 'pulumi-aks-network'/,
        );
    });
});
