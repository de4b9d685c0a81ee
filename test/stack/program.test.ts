/**
 * The root stack program under mocks: the dev stack's config in, the components out. Also the
 * checked-in URN list of the dev stack (a contract: any change needs an alias or a stated breaking
 * change). Regenerate deliberately with:
 *   WRITE_EXPECTED_URNS=1 npx mocha test/stack/program.test.ts
 */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { runStackProgram } from "../../lib/stack/program";
import { readStackConfig } from "../../lib/stack/config";
import { isPreview, isWrappedSecret, registered, resetMocks, settle, TEST_DEPLOYMENT, unwrapSecrets, valueOf } from "../helpers/mocks";
import { captureLogs, releaseLogs, useAzureOutputs } from "../azure/helpers";

const ROOT = join(__dirname, "..", "..");
const EXPECTED_URNS = join(__dirname, "expected-dev-urns.json");

/** A stack config file's values as Pulumi stores them: strings, structured values as JSON. */
export function stackValues(file: string): Record<string, string> {
    const doc = parse(readFileSync(file, "utf8")) as { config: Record<string, unknown> };
    return Object.fromEntries(Object.entries(doc.config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}

function monitorUrns(): string[] {
    const monitor = (pulumi.runtime as unknown as { getMonitor(): { getRegisteredResources(): Map<string, unknown> } }).getMonitor();
    return [...monitor.getRegisteredResources().keys()];
}

/** Run the program with a config, as `pulumi up` would. */
function runWith(values: Record<string, string>, secretKeys: string[] = []) {
    pulumi.runtime.setAllConfig(values, secretKeys);
    return runStackProgram();
}

describe("root stack program", () => {
    beforeEach(() => {
        resetMocks();
        useAzureOutputs();
        captureLogs();
    });
    afterEach(() => {
        releaseLogs();
        pulumi.runtime.setAllConfig({}, []);
    });

    it("reads the dev stack config without problems", () => {
        assert.deepEqual(readStackConfig(stackValues(join(ROOT, "Pulumi.dev.yaml")), TEST_DEPLOYMENT).problems, []);
    });

    it("deploys the dev stack: dual-stack overlay cluster, Traefik and the sample app through the cluster's provider", async () => {
        const values = stackValues(join(ROOT, "Pulumi.dev.yaml"));
        // A distinct cluster component name keeps this test's URNs apart from the URN test's.
        const out = runWith({ ...values, "aks-network:name": "devstack" });
        await settle();

        const mc = registered("azure-native:containerservice:ManagedCluster").filter((r) => r.name.startsWith("devstack"));
        assert.equal(mc.length, 1);
        const np = mc[0].inputs.networkProfile;
        assert.deepEqual(np.ipFamilies, ["IPv4", "IPv6"]);
        assert.equal(np.networkPluginMode, "overlay");
        assert.equal(np.networkDataplane, "cilium");
        assert.deepEqual(np.podCidrs, ["10.244.0.0/16", "fd12:3456:789a::/64"]);
        assert.equal(np.podCidr, "10.244.0.0/16");
        assert.equal(np.serviceCidr, "10.0.0.0/16");

        const chart = registered("kubernetes:helm.sh/v4:Chart").filter((r) => r.name.startsWith("devstack-ingress"));
        assert.equal(chart.length, 1);
        const svc = chart[0].inputs.values.service;
        assert.equal(svc.spec.externalTrafficPolicy, "Local");
        assert.deepEqual(svc.ipFamilies ?? svc.spec.ipFamilies, ["IPv4", "IPv6"]);

        const k8sResources = registered().filter((r) => r.type.startsWith("kubernetes:") && r.name.startsWith("devstack-"));
        assert.ok(k8sResources.length >= 5, `expected the controller and the sample's objects, got ${k8sResources.map((r) => r.name)}`);
        for (const r of k8sResources)
            assert.match(
                String(r.provider),
                /pulumi:providers:kubernetes::devstack-/,
                `${r.type} ${r.name} must use the cluster's provider`,
            );

        const services = registered("kubernetes:core/v1:Service").filter((r) => r.name.startsWith("devstack-sample"));
        assert.ok(
            services.some((s) => s.inputs.spec.ipFamilyPolicy === "RequireDualStack" && s.inputs.spec.externalTrafficPolicy === "Local"),
        );

        // Gateway mode: the Gateway on the controller, an HTTPRoute for the sample, no Ingress; the probe's Jobs.
        const gateway = registered("kubernetes:gateway.networking.k8s.io/v1:Gateway").filter((r) => r.name.startsWith("devstack-"));
        assert.deepEqual(
            gateway.map((r) => r.name),
            ["devstack-ingress-gateway"],
        );
        const routes = registered("kubernetes:gateway.networking.k8s.io/v1:HTTPRoute").filter((r) => r.name.startsWith("devstack-"));
        assert.deepEqual(
            routes.map((r) => r.inputs.spec.parentRefs[0].name),
            [gateway[0].inputs.metadata.name],
        );
        assert.equal(registered("kubernetes:networking.k8s.io/v1:Ingress").filter((r) => r.name.startsWith("devstack-")).length, 0);
        assert.deepEqual(
            registered("kubernetes:batch/v1:Job")
                .filter((r) => r.name.startsWith("devstack-"))
                .map((r) => r.name)
                .sort(),
            ["devstack-probe-job-ipv4", "devstack-probe-job-ipv6"],
        );
        assert.deepEqual(
            out.probeJobs?.map((n) => n.replace(/-[0-9a-f]{10}$/, "")),
            ["probe-ipv4", "probe-ipv6"],
        );
        assert.ok(out.outsideProbeCommands, "the outside probe is on in the dev stack");

        assert.equal(out.networkPlan.verdict, "accept");
        assert.equal(out.ingressKind, "traefik");
        if (!isPreview) {
            assert.ok(pulumi.isSecret(out.kubeconfig));
            assert.match(await valueOf(out.kubeconfig), /kind: Config/);
        }
    });

    it("matches the checked-in URN list of the dev stack", async () => {
        runWith(stackValues(join(ROOT, "Pulumi.dev.yaml")));
        await settle();
        const urns = monitorUrns()
            .filter((u) => /::aks(-[^:]*)?$/.test(u))
            .map((u) => u.replace(/^urn:pulumi:[^:]+::[^:]+::/, "urn:pulumi:dev::aks-network::"))
            .sort();
        if (process.env.WRITE_EXPECTED_URNS === "1") writeFileSync(EXPECTED_URNS, `${JSON.stringify(urns, null, 2)}\n`);
        assert.deepEqual(urns, JSON.parse(readFileSync(EXPECTED_URNS, "utf8")));
        assert.equal(new Set(urns).size, urns.length, "URNs are unique");
    });

    it("keeps a secret Windows password secret", async () => {
        const values = {
            ...stackValues(join(ROOT, "Pulumi.dev.yaml")),
            "aks-network:name": "winstack",
            "aks-network:network": JSON.stringify({ vnet: { subnets: [{ name: "nodes", cidr: "10.224.0.0/16" }] } }),
            "aks-network:nodePools": JSON.stringify([{ name: "win", osType: "Windows" }]),
            "aks-network:windowsAdminPassword": "Sup3r-Secret-Passw0rd-42",
            "aks-network:sampleApp": "false",
            "aks-network:probe": "false",
        };
        runWith(values, ["aks-network:windowsAdminPassword"]);
        await settle();
        const mc = registered("azure-native:containerservice:ManagedCluster").find((r) => r.name.startsWith("winstack"));
        assert.ok(mc);
        assert.ok(isWrappedSecret(mc.inputs.windowsProfile), "the Windows profile reaches the cluster as a secret");
        assert.equal((unwrapSecrets(mc.inputs.windowsProfile) as { adminPassword: string }).adminPassword, "Sup3r-Secret-Passw0rd-42");
        for (const r of registered()) {
            const plain = JSON.stringify(r.inputs, (k, v) => (isWrappedSecret(v) ? "[secret]" : v));
            assert.ok(!plain.includes("Sup3r-Secret-Passw0rd-42"), `${r.type} ${r.name} has the password in plain inputs`);
        }
    });

    it("fails on a bad config with one error listing every problem by its config path, before registering anything", () => {
        const values = {
            ...stackValues(join(ROOT, "Pulumi.dev.yaml")),
            "aks-network:netwrk": "{}",
            "aks-network:ingress": JSON.stringify({ kind: "nginx" }),
            "aks-network:network": JSON.stringify({
                ipFamilies: ["IPv4", "IPv6"],
                podCidrs: ["10.224.0.0/16", "fd12:3456:789a::/64"],
                serviceCidrs: ["10.0.0.0/11", "fd12:3456:789a:1::/108"],
                dnsServiceIP: "10.0.0.10",
            }),
            "aks-network:nodePools": JSON.stringify([{ name: "Apps_1" }]),
        };
        assert.throws(
            () => runWith(values),
            (e: Error) => {
                assert.ok(e instanceof pulumi.RunError);
                for (const fragment of [
                    "aks-network:netwrk",
                    "did you mean aks-network:network",
                    "aks-network:ingress.kind",
                    "aks-network:network.podCidrs[0]",
                    "aks-network:network.serviceCidrs[0]",
                    "aks-network:nodePools[0].name",
                ])
                    assert.ok(e.message.includes(fragment), `missing ${fragment} in:\n${e.message}`);
                return true;
            },
        );
        assert.equal(registered().length, 0);
    });
});
