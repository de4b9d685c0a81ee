/**
 * The contract with AksCluster: its `provider` and `clusterFacts` drive IngressController and SampleApp
 * unchanged, and every Kubernetes object goes through the cluster's provider.
 */
import * as assert from "node:assert/strict";
import { AksCluster } from "../../lib/azure/aksCluster";
import { IpFamily, NetworkDataplane, NetworkPolicy } from "../../lib/azure/enums";
import { IngressController } from "../../lib/k8s/ingressController";
import { SampleApp } from "../../lib/k8s/sampleApp";
import { registered, resetMocks, settle, valueOf } from "../helpers/mocks";
import { API, useAzureOutputs } from "../azure/helpers";

describe("IngressController and SampleApp on an AksCluster", () => {
    beforeEach(() => {
        resetMocks();
        useAzureOutputs();
    });

    it("use the cluster's provider and facts on a dual-stack cluster", async () => {
        const cluster = new AksCluster("k8sds", {
            apiServer: API,
            kubernetesVersion: "1.33",
            network: {
                ipFamilies: [IpFamily.IPv4, IpFamily.IPv6],
                networkDataplane: NetworkDataplane.Azure,
                networkPolicy: NetworkPolicy.None,
            },
        });
        const ingress = new IngressController("k8sds-ingress", { provider: cluster.provider, clusterFacts: cluster.clusterFacts });
        new SampleApp("k8sds-sample", {
            provider: cluster.provider,
            clusterFacts: cluster.clusterFacts,
            ingressClassName: ingress.ingressClassName,
        });
        await settle();
        const chart = registered("kubernetes:helm.sh/v4:Chart").find((r) => r.name === "k8sds-ingress-chart");
        assert.ok(chart);
        assert.equal(
            (chart.inputs.values as { service: { spec: { ipFamilyPolicy: string } } }).service.spec.ipFamilyPolicy,
            "RequireDualStack",
        );
        const services = registered("kubernetes:core/v1:Service").filter((r) => r.name.startsWith("k8sds-sample-"));
        assert.deepStrictEqual(
            services.map((s) => [s.inputs.spec.ipFamilies, s.inputs.spec.externalTrafficPolicy]),
            [[["IPv4", "IPv6"], "Local"]],
        );
        const urn = await valueOf(cluster.provider.urn);
        const k8sObjects = registered().filter((r) => r.type.startsWith("kubernetes:"));
        assert.ok(k8sObjects.length >= 6);
        for (const r of k8sObjects) assert.ok(r.provider?.startsWith(`${urn}::`), `${r.type} ${r.name}`);
    });
});
