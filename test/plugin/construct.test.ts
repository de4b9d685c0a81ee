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
import { Provider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { AksCluster } from "../../lib/azure/aksCluster";
import { IpFamily, OsType } from "../../lib/azure/enums";
import { NodePool } from "../../lib/azure/nodePool";
import { typeToken } from "../../lib/core/tokens";
import { ClusterFacts } from "../../lib/k8s/facts";
import { IngressController } from "../../lib/k8s/ingressController";
import { KUBERNETES_PROVIDER_TYPE, registerKubernetesProviderReferences } from "../../lib/k8s/providerReference";
import { SampleApp } from "../../lib/k8s/sampleApp";
import { isPreview, registered, resetMocks, settle, valueOf } from "../helpers/mocks";
import { captureLogs, releaseLogs, useAzureOutputs } from "../azure/helpers";
import { componentProvider, inferredSchema } from "./helpers";

// Internal SDK modules the host runs (present in the pinned @pulumi/pulumi; no public entry).
const { deserializeInputs } = require("@pulumi/pulumi/provider/server") as {
    deserializeInputs(struct: unknown, dependencies: Map<string, unknown>): Promise<Record<string, unknown>>;
};
const { Struct } = require("google-protobuf/google/protobuf/struct_pb") as { Struct: { fromJavaScript(v: unknown): unknown } };
const { ConstructRequest } = require("@pulumi/pulumi/proto/provider_pb") as {
    ConstructRequest: { PropertyDependencies: new () => { setUrnsList(urns: string[]): unknown } };
};
const rpc = require("@pulumi/pulumi/runtime/rpc") as { specialSigKey: string; specialResourceSig: string };
const state = require("@pulumi/pulumi/runtime/state") as { getResourcePackages(): Map<string, unknown[]> };

/**
 * The inputs as the host hands them to `construct`: JSON through the engine's Struct, with the
 * dependencies the engine sends per input (a resource reference's input depends on that resource).
 */
async function hostInputs(json: Record<string, unknown>, dependencies: Record<string, string[]> = {}): Promise<Record<string, unknown>> {
    const deps = new Map<string, unknown>();
    for (const [key, urns] of Object.entries(dependencies)) {
        const d = new ConstructRequest.PropertyDependencies();
        d.setUrnsList(urns);
        deps.set(key, d);
    }
    return deserializeInputs(Struct.fromJavaScript(JSON.parse(JSON.stringify(json))), deps);
}

/** A Kubernetes provider of the calling program and its reference as the engine encodes it (runtime/rpc.js `specialResourceSig`). */
async function providerReference(name: string, packageVersion = ""): Promise<{ provider: Provider; urn: string; reference: unknown }> {
    const provider = new Provider(name, { kubeconfig: "fake" });
    const [urn, id] = await Promise.all([valueOf(provider.urn), valueOf(provider.id).catch(() => "")]);
    const reference = {
        [rpc.specialSigKey]: rpc.specialResourceSig,
        urn,
        id: id ?? "",
        type: KUBERNETES_PROVIDER_TYPE,
        name,
        packageVersion,
    };
    return { provider, urn, reference };
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

/** Cluster facts, the same in every language (plain strings and booleans). */
const FACTS_JSON: ClusterFacts = {
    ipFamilies: ["IPv4", "IPv6"],
    kubernetesVersion: "1.31",
    hasWindowsPools: false,
    linuxOsSku: "AzureLinux",
};

/** The plugin entry, loaded afresh (its registration runs on load). */
function loadPluginEntry(): Record<string, unknown> {
    const entry = require.resolve("../../lib/plugin");
    delete require.cache[entry];
    return require(entry) as Record<string, unknown>;
}

describe("Kubernetes components through the component provider, the provider sent as a reference", function () {
    this.timeout(120_000);
    const packages = state.getResourcePackages();
    // Other test files load the @pulumi/kubernetes root, which registers the decoding as well: it is
    // set aside so that these tests see only what the plugin entry registers.
    let aside: unknown[] | undefined;
    let outputKeys: Record<string, string[]>;

    before(async () => {
        aside = packages.get("kubernetes");
        const schema = await inferredSchema();
        outputKeys = Object.fromEntries(Object.entries(schema.resources).map(([t, r]) => [t, Object.keys(r.properties ?? {})]));
    });
    beforeEach(() => {
        packages.delete("kubernetes");
        resetMocks();
        captureLogs();
    });
    afterEach(releaseLogs);
    after(() => {
        packages.delete("kubernetes");
        if (aside) packages.set("kubernetes", aside);
    });

    /**
     * Constructs `type` directly with a provider, then through the component provider with the same
     * provider sent as a reference; returns both runs' registrations and outputs.
     */
    async function bothWays(
        type: "IngressController" | "SampleApp",
        name: string,
        json: Record<string, unknown>,
        direct: (provider: Provider) => pulumi.ComponentResource,
    ): Promise<{
        direct: ReturnType<typeof snapshot>;
        hosted: ReturnType<typeof snapshot>;
        outputs: [Record<string, unknown>, Record<string, unknown>];
    }> {
        const keys = outputKeys[typeToken(type)];
        const first = await providerReference(`${name}-k8s`);
        const component = direct(first.provider);
        await settle();
        const directOut = isPreview ? {} : await directOutputs(component, keys);
        const directRun = snapshot();
        resetMocks();
        // The calling program's provider, registered again for this run (the mocks answer reads of it by URN).
        const { urn, reference } = await providerReference(`${name}-k8s`);
        const inputs = await hostInputs({ ...json, provider: reference }, { provider: [urn] });
        const result = await componentProvider().construct(name, typeToken(type), inputs, {});
        await settle();
        const hostedOut = isPreview ? {} : await directOutputs(result.state as unknown as pulumi.ComponentResource, keys);
        const children = registered().filter((r) => r.type.startsWith("kubernetes:"));
        assert.ok(children.length >= 2, `${children.length} Kubernetes objects`);
        for (const r of children) assert.ok(r.provider?.startsWith(`${urn}::`), `${r.type} ${r.name} uses provider ${String(r.provider)}`);
        return { direct: directRun, hosted: snapshot(), outputs: [hostedOut, directOut] };
    }

    it("without the registration the reference arrives as the provider's id, which the component refuses", async () => {
        const { urn, reference } = await providerReference("bare-k8s");
        const inputs = await hostInputs({ clusterFacts: FACTS_JSON, provider: reference }, { provider: [urn] });
        assert.equal(Provider.isInstance(inputs.provider), false);
        await assert.rejects(
            componentProvider().construct("bare", typeToken("IngressController"), inputs, {}),
            /IC-1[\s\S]*must be the cluster's k8s\.Provider/,
        );
    });

    it("the plugin entry registers the decoding and exports the components the host serves", async () => {
        assert.equal(pulumi.runtime.getResourcePackage("kubernetes", undefined), undefined);
        const entry = loadPluginEntry();
        for (const name of ["AksCluster", "NodePool", "IngressController", "SampleApp", "ConnectivityProbe"])
            assert.equal(typeof entry[name], "function", name);
        const { urn, reference } = await providerReference("entry-k8s");
        const inputs = await hostInputs({ provider: reference }, { provider: [urn] });
        assert.ok(Provider.isInstance(inputs.provider), `decoded as ${typeof inputs.provider}`);
        assert.equal(await valueOf((inputs.provider as Provider).urn), urn);
    });

    it("decodes a reference from a newer 4.x provider too (the registration carries no version)", async () => {
        registerKubernetesProviderReferences();
        registerKubernetesProviderReferences(); // idempotent
        assert.equal(packages.get("kubernetes")?.length, 1);
        const { urn, reference } = await providerReference("newer-k8s", "4.99.0");
        const inputs = await hostInputs({ provider: reference }, { provider: [urn] });
        assert.ok(Provider.isInstance(inputs.provider), `decoded as ${typeof inputs.provider}`);
    });

    it("IngressController: the resources and outputs of a direct construction", async () => {
        registerKubernetesProviderReferences();
        const run = await bothWays("IngressController", "pic", { clusterFacts: FACTS_JSON }, (provider) => {
            return new IngressController("pic", { provider, clusterFacts: FACTS_JSON });
        });
        assert.ok(run.direct.some((r) => r.type === "kubernetes:helm.sh/v4:Chart"));
        assert.deepEqual(run.hosted, run.direct);
        assert.deepEqual(run.outputs[0], run.outputs[1]);
    });

    it("SampleApp: the resources and outputs of a direct construction", async () => {
        registerKubernetesProviderReferences();
        const json = { clusterFacts: FACTS_JSON, ingressClassName: "traefik", host: "hello.example.com" };
        const run = await bothWays("SampleApp", "psa", json, (provider) => {
            return new SampleApp("psa", { ...json, provider, clusterFacts: FACTS_JSON });
        });
        assert.ok(run.direct.some((r) => r.type === "kubernetes:apps/v1:Deployment"));
        assert.deepEqual(run.hosted, run.direct);
        assert.deepEqual(run.outputs[0], run.outputs[1]);
    });
});
