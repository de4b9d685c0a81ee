/**
 * Every example program runs under mocks as `pulumi up` would run it (its module is evaluated with
 * the mocks installed) and registers what its comment promises. The examples import the package by
 * name, which resolves to the build (`npm test` builds first).
 */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { join } from "node:path";
import { isPreview, registered, resetMocks, settle, valueOf } from "../helpers/mocks";
import { captureLogs, releaseLogs, settled, SUBNET_ID, useAzureOutputs, useExistingNetwork } from "../azure/helpers";

const EXAMPLES = join(__dirname, "..", "..", "examples");

/** Evaluate an example program afresh and return its exports (the stack outputs). */
function runExample(name: string, config: Record<string, string> = {}): Record<string, unknown> {
    pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [`${pulumi.getProject()}:${k}`, v])), []);
    const file = require.resolve(join(EXAMPLES, name, "index.ts"));
    delete require.cache[file];
    return require(file);
}

function clusterOf(prefix: string) {
    const found = registered("azure-native:containerservice:ManagedCluster").filter((r) => r.name.startsWith(prefix));
    assert.equal(found.length, 1, `one cluster named ${prefix}-...`);
    return found[0].inputs;
}

describe("examples", () => {
    beforeEach(() => {
        resetMocks();
        useAzureOutputs();
        captureLogs();
    });
    afterEach(() => {
        releaseLogs();
        pulumi.runtime.setAllConfig({}, []);
    });

    it("overlay-basic: IPv4 overlay cluster, an autoscaled pool and Traefik", async () => {
        const out = runExample("overlay-basic");
        await settle();
        const mc = clusterOf("basic");
        assert.deepEqual(mc.networkProfile.ipFamilies, ["IPv4"]);
        assert.equal(mc.networkProfile.networkPluginMode, "overlay");
        assert.equal(mc.networkProfile.podCidr, "10.244.0.0/16");
        const pool = registered("azure-native:containerservice:AgentPool").find((r) => r.name === "basic-pool-apps");
        assert.ok(pool);
        assert.equal(pool.inputs.enableAutoScaling, true);
        assert.equal(pool.inputs.maxCount, 10);
        assert.equal(registered("kubernetes:helm.sh/v4:Chart").filter((r) => r.name.startsWith("basic-ingress")).length, 1);
        assert.equal((out.networkPlan as { verdict: string }).verdict, "accept");
    });

    it("dual-stack-cilium: dual-stack on Cilium with a dual-stack Local ingress and sample Service", async () => {
        runExample("dual-stack-cilium");
        await settle();
        const mc = clusterOf("dual");
        assert.deepEqual(mc.networkProfile.ipFamilies, ["IPv4", "IPv6"]);
        assert.equal(mc.networkProfile.networkDataplane, "cilium");
        assert.equal(mc.networkProfile.networkPolicy, "cilium");
        const svc = registered("kubernetes:core/v1:Service").filter((r) => r.name.startsWith("dual-sample"));
        assert.ok(svc.length >= 1);
        for (const s of svc) {
            assert.ok(Array.isArray(s.inputs.spec.ipFamilies) && s.inputs.spec.ipFamilyPolicy, "families are explicit");
            if (s.inputs.spec.ipFamilies.includes("IPv6")) assert.equal(s.inputs.spec.externalTrafficPolicy, "Local");
        }
        // Gateway API mode and the probe, one Job per family.
        assert.equal(
            registered("kubernetes:gateway.networking.k8s.io/v1:Gateway").filter((r) => r.name.startsWith("dual-ingress")).length,
            1,
        );
        assert.equal(
            registered("kubernetes:gateway.networking.k8s.io/v1:HTTPRoute").filter((r) => r.name.startsWith("dual-sample")).length,
            1,
        );
        assert.equal(registered("kubernetes:networking.k8s.io/v1:Ingress").length, 0);
        assert.deepEqual(
            registered("kubernetes:batch/v1:Job")
                .map((r) => r.name)
                .sort(),
            ["dual-probe-job-ipv4", "dual-probe-job-ipv6"],
        );
    });

    it("windows-dual-stack: a Windows pool with a secret generated password and the Windows sample", async () => {
        const out = runExample("windows-dual-stack");
        await settle();
        const mc = clusterOf("win");
        assert.equal(mc.networkProfile.networkDataplane, "azure");
        assert.ok(mc.windowsProfile, "the Windows profile is set at creation");
        const win = registered("azure-native:containerservice:AgentPool").find((r) => r.name === "win-pool-win");
        assert.ok(win);
        assert.equal(win.inputs.osType, "Windows");
        assert.ok((win.inputs.nodeTaints as string[]).some((t) => t.startsWith("kubernetes.io/os=windows")));
        const deployments = registered("kubernetes:apps/v1:Deployment").filter((r) => r.name.startsWith("win-sample"));
        assert.ok(deployments.some((d) => d.inputs.spec.template.spec.nodeSelector["kubernetes.io/os"] === "windows"));
        const jobs = registered("kubernetes:batch/v1:Job").filter((r) => r.name.startsWith("win-probe"));
        assert.deepEqual(jobs.map((r) => r.name).sort(), ["win-probe-job-ipv4", "win-probe-job-ipv6", "win-probe-job-win-ipv4"]);
        const onWindows = jobs.find((r) => r.name === "win-probe-job-win-ipv4")!.inputs.spec.template.spec;
        assert.equal(onWindows.nodeSelector["kubernetes.io/os"], "windows");
        assert.ok(onWindows.tolerations.some((t: { key: string }) => t.key === "kubernetes.io/os"));
        if (!isPreview) assert.ok(pulumi.isSecret(out.windowsAdminPassword as pulumi.Output<string>));
    });

    it("byo-vnet-hub-spoke: reads the spoke and its hub peering and deploys into the existing subnet", async () => {
        useExistingNetwork({
            vnetSpaces: ["10.1.0.0/16"],
            subnetPrefixes: ["10.1.0.0/22"],
            peerings: [{ name: "to-hub", remote: ["10.0.0.0/16"] }],
        });
        const out = runExample("byo-vnet-hub-spoke", { nodeSubnetId: SUBNET_ID });
        await settle();
        const mc = clusterOf("spoke");
        assert.equal(mc.agentPoolProfiles[0].vnetSubnetID, SUBNET_ID);
        assert.equal(mc.networkProfile.outboundType, "userDefinedRouting");
        assert.equal(mc.apiServerAccessProfile.enablePrivateCluster, true);
        if (!isPreview) {
            const deployed = await valueOf(
                out.deployedNetworkPlan as pulumi.Output<{ effective: { connectedNetworks: { name: string }[] } }>,
            );
            assert.ok(
                deployed.effective.connectedNetworks.some((c) => c.name.includes("to-hub")),
                "the hub peering counts as a connected network",
            );
        }
    });

    it("byo-vnet-hub-spoke: fails before creating the cluster when the hub peering overlaps the pod CIDR (in previews too)", async () => {
        useExistingNetwork({
            vnetSpaces: ["10.1.0.0/16"],
            subnetPrefixes: ["10.1.0.0/22"],
            peerings: [{ name: "to-hub", remote: ["100.64.0.0/12"] }],
        });
        const out = runExample("byo-vnet-hub-spoke", { nodeSubnetId: SUBNET_ID });
        await assert.rejects(
            settled(out.deployedNetworkPlan as pulumi.Output<unknown>),
            /to-hub[\s\S]*100\.64\.0\.0\/16|100\.64\.0\.0\/16[\s\S]*to-hub/,
        );
        await settle().catch(() => undefined);
        assert.equal(registered("azure-native:containerservice:ManagedCluster").filter((r) => r.name.startsWith("spoke")).length, 0);
    });
});
