/**
 * The provider cascade on hand-made plan pairs: a replaced or deleted cluster takes the Kubernetes
 * provider built from it and every object applied through that provider with it.
 */
import assert from "node:assert/strict";
import type { PlannedResource } from "../../../lib/cli/plan/types";
import { assessChanges, clusterOfProvider, resourcesInCluster } from "../../../lib/cli/risk";
import { diffPlans, formatPlanDiff } from "../../../lib/cli/diff";
import { planResult, resource, URN } from "./plans";

const MC = "azure-native:containerservice:ManagedCluster";
const PROVIDER = "pulumi:providers:kubernetes";
const COMPONENT = "aks-network:index:AksCluster";
const SERVICE = "kubernetes:core/v1:Service";
const CHART = "kubernetes:helm.sh/v4:Chart";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** A component `aks` holding a cluster and its provider, a Service through the provider, a chart whose child inherits it, and an unrelated Service. */
function stack(cluster: PlannedResource["inputs"], options: { dependsOn?: boolean; parentOnly?: boolean } = {}): PlannedResource[] {
    const component = { ...resource(COMPONENT, "aks", {}), custom: false };
    const mc = { ...resource(MC, "aks-cluster", cluster, { protect: false }), parent: component.urn };
    const provider: PlannedResource = {
        ...resource(PROVIDER, "aks-k8s", { kubeconfig: "[secret]", clusterIdentifier: "[unknown]", deleteUnreachable: true }),
        parent: component.urn,
        dependsOn: options.parentOnly ? [] : [mc.urn],
    };
    const svc = { ...resource(SERVICE, "web", { metadata: { name: "web", namespace: "demo" } }), provider: provider.urn };
    const chart = { ...resource(CHART, "ingress", { chart: "ingress-nginx" }), custom: false, provider: provider.urn };
    const inChart = {
        ...resource(DEPLOYMENT, "ingress-controller", { metadata: { name: "ctl", namespace: "ingress" } }),
        parent: chart.urn,
    };
    const elsewhere = resource(SERVICE, "other", { metadata: { name: "other", namespace: "demo" } });
    return [component, mc, provider, svc, chart, inChart, elsewhere];
}

const CLUSTER = { resourceGroupName: "rg", resourceName: "aks", networkProfile: { networkPlugin: "azure", podCidr: "10.244.0.0/16" } };
const REPLACED = clone(CLUSTER);
REPLACED.networkProfile.podCidr = "10.240.0.0/14";

describe("change-risk model: the provider cascade", () => {
    it("ties a provider to its cluster by dependsOn, by a reference, or by the component that holds both", () => {
        const plan = planResult(stack(CLUSTER));
        const provider = plan.resources.find((r) => r.type === PROVIDER)!;
        const cluster = plan.resources.find((r) => r.type === MC)!;
        assert.equal(clusterOfProvider(provider, plan), cluster.urn);
        const byParent = planResult(stack(CLUSTER, { parentOnly: true }));
        assert.equal(
            clusterOfProvider(
                byParent.resources.find((r) => r.type === PROVIDER)!,
                byParent,
            ),
            cluster.urn,
        );
        const byRef = { ...provider, dependsOn: [], parent: URN("pulumi:pulumi:Stack", "p-dev"), inputs: { id: { $ref: cluster.urn } } };
        assert.equal(clusterOfProvider(byRef, plan), cluster.urn);
        const loose = { ...byRef, inputs: {} };
        assert.equal(clusterOfProvider(loose, plan), null);
        assert.deepEqual(
            resourcesInCluster(cluster.urn, plan).map((r) => r.name),
            ["aks-k8s", "web", "ingress", "ingress-controller"],
        );
    });

    it("marks the provider and every object of a replaced cluster replace, even when their own inputs are unchanged", () => {
        const changes = assessChanges(planResult(stack(CLUSTER)), planResult(stack(REPLACED)));
        const by = new Map(changes.map((c) => [c.name, c]));
        assert.equal(by.get("aks-cluster")?.op, "replace");
        assert.match(by.get("aks-cluster")?.container ?? "", /4 Kubernetes resources/);
        for (const name of ["aks-k8s", "web", "ingress", "ingress-controller"]) {
            const c = by.get(name);
            assert.ok(c, `${name} is listed`);
            assert.equal(c.risk, "replace", name);
            assert.equal(c.op, "replace", name);
            assert.ok(
                c.reasons.some(
                    (r) =>
                        r.path === "(cluster)" && /the cluster they run in is replaced/.test(r.why) && /clusterIdentifier/.test(r.source),
                ),
            );
        }
        assert.equal(by.get("other"), undefined, "a Service through the default provider is not tied to the cluster");
    });

    it("keeps a more severe own class and adds the cluster's reason once", () => {
        const base = stack(CLUSTER);
        const head = stack(REPLACED);
        const svc = head.find((r) => r.name === "web")!;
        svc.inputs = { metadata: { name: "web", namespace: "demo" }, spec: { clusterIP: "10.0.0.20" } };
        const c = assessChanges(planResult(base), planResult(head)).find((x) => x.name === "web")!;
        assert.equal(c.risk, "replace");
        assert.equal(c.reasons.filter((r) => r.path === "(cluster)").length, 1);
        assert.ok(c.changes.some((x) => x.path === "spec.clusterIP"));
    });

    it("leaves the objects alone when the cluster is only updated", () => {
        const tagged = { ...clone(CLUSTER), tags: { env: "prod" } };
        const changes = assessChanges(planResult(stack(CLUSTER)), planResult(stack(tagged)));
        assert.deepEqual(
            changes.map((c) => c.name),
            ["aks-cluster"],
        );
    });

    it("marks the objects of a deleted cluster as deleted with it (container deletion)", () => {
        const base = stack(CLUSTER);
        const head = base.filter((r) => r.name === "other");
        const changes = assessChanges(planResult(base), planResult(head));
        const by = new Map(changes.map((c) => [c.name, c]));
        assert.equal(by.get("aks-cluster")?.op, "delete");
        assert.match(by.get("aks-cluster")?.container ?? "", /every workload of the cluster \(4 Kubernetes resources/);
        for (const name of ["aks-k8s", "web", "ingress", "ingress-controller"]) {
            const c = by.get(name)!;
            assert.equal(c.op, "delete", name);
            assert.ok(
                c.reasons.some((r) => r.path === "(cluster)" && /the cluster they run in is deleted/.test(r.why)),
                name,
            );
        }
    });

    it("says why in the diff and counts the cascaded objects out of the unchanged ones", () => {
        const d = diffPlans(planResult(stack(CLUSTER)), planResult(stack(REPLACED)));
        assert.equal(d.summary.risk.replace, 4);
        assert.equal(d.summary.risk.blocked, 1, "the cluster keeps its name without deleteBeforeReplace");
        assert.equal(d.summary.op.same, 2, "the component and the unrelated Service");
        const text = formatPlanDiff(d, "text");
        assert.match(text, /REPLACE kubernetes:core\/v1:Service web\n {4}The cluster they run in is replaced \(aks-cluster\)/);
    });
});
