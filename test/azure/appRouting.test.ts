/**
 * The application routing add-on: off and explicit by default (no drift), on when asked, and known to
 * the Kubernetes side so an app-routing IngressController fails early on a cluster without it.
 */
import * as assert from "node:assert/strict";
import { AksCluster } from "../../lib/azure/aksCluster";
import { IngressController } from "../../lib/k8s/ingressController";
import { IngressControllerKind } from "../../lib/k8s/ingressValues";
import { registered, resetMocks, settle } from "../helpers/mocks";
import { API, captureLogs, inputsOf, releaseLogs, T, thrown, useAzureOutputs } from "./helpers";

describe("AksCluster appRouting", () => {
    beforeEach(() => {
        resetMocks();
        useAzureOutputs();
        captureLogs();
    });
    afterEach(releaseLogs);

    it("writes the add-on as disabled by default, so its state never shows as drift", async () => {
        const c = new AksCluster("ar0", { apiServer: API });
        await settle();
        assert.deepEqual(inputsOf(T.cluster, "ar0")[0].ingressProfile, { webAppRouting: { enabled: false } });
        assert.equal(c.clusterFacts.appRoutingEnabled, false);
    });

    it("enables the add-on and lets an app-routing IngressController use it", async () => {
        const c = new AksCluster("ar1", { apiServer: API, appRouting: true });
        new IngressController("ar1-ingress", {
            provider: c.provider,
            clusterFacts: c.clusterFacts,
            kind: IngressControllerKind.AppRouting,
        });
        await settle();
        assert.deepEqual(inputsOf(T.cluster, "ar1")[0].ingressProfile, { webAppRouting: { enabled: true } });
        assert.equal(
            registered("kubernetes:approuting.kubernetes.azure.com/v1alpha1:NginxIngressController").filter((r) =>
                r.name.startsWith("ar1-ingress"),
            ).length,
            1,
        );
    });

    it("fails an app-routing IngressController on a cluster without the add-on, naming the fix", () => {
        const c = new AksCluster("ar2", { apiServer: API });
        const e = thrown(
            () =>
                new IngressController("ar2-ingress", {
                    provider: c.provider,
                    clusterFacts: c.clusterFacts,
                    kind: IngressControllerKind.AppRouting,
                }),
        );
        assert.match(e.message, /appRouting: true on the AksCluster/);
    });
});
