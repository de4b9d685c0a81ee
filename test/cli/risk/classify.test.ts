/**
 * The change-risk model on hand-made plan pairs: every class for every resource type the package
 * creates, with the reason's path and source.
 */
import assert from "node:assert/strict";
import type { PlannedResource } from "../../../lib/cli/plan/types";
import { assessChanges, RiskClass } from "../../../lib/cli/risk";
import { planResult, resource } from "./plans";

const MC = "azure-native:containerservice:ManagedCluster";
const AP = "azure-native:containerservice:AgentPool";
const VNET = "azure-native:network:VirtualNetwork";
const SUBNET = "azure-native:network:Subnet";
const RA = "azure-native:authorization:RoleAssignment";
const UAI = "azure-native:managedidentity:UserAssignedIdentity";
const RG = "azure-native:resources:ResourceGroup";
const SERVICE = "kubernetes:core/v1:Service";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

type Inputs = PlannedResource["inputs"];
type Options = PlannedResource["options"];

/** One case: the class expected when `base` becomes `head` (null: the resource is deleted), and the path of its main reason. */
interface Case {
    type: string;
    risk: RiskClass;
    what: string;
    base: Inputs;
    head: Inputs | null;
    options?: Options;
    path: string;
    because?: RegExp;
}

const mc: Inputs = {
    resourceGroupName: "rg",
    kubernetesVersion: "1.31.2",
    networkProfile: { networkPlugin: "azure", networkPluginMode: "overlay", podCidr: "10.244.0.0/16" },
    tags: { env: "dev" },
};
const pool: Inputs = { resourceGroupName: "rg", resourceName: "aks", vmSize: "Standard_D4ds_v5", maxPods: 110, count: 3, osSKU: "Ubuntu" };
const vnet: Inputs = { resourceGroupName: "rg", location: "westeurope", addressSpace: { addressPrefixes: ["10.0.0.0/16"] } };
const subnet: Inputs = { resourceGroupName: "rg", virtualNetworkName: "vnet", subnetName: "nodes", addressPrefix: "10.0.0.0/20" };
const ra: Inputs = {
    scope: "/subscriptions/s/resourceGroups/rg",
    principalId: "p1",
    roleDefinitionId: "/r/1",
    principalType: "ServicePrincipal",
};
const uai: Inputs = { resourceGroupName: "rg", location: "westeurope", tags: { a: "1" } };
const rg: Inputs = { location: "westeurope", tags: { a: "1" } };
const svc: Inputs = {
    metadata: { name: "web", namespace: "demo" },
    spec: { type: "ClusterIP", ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack", ports: [{ port: 80 }] },
};
const deploy: Inputs = {
    metadata: { name: "web", namespace: "demo" },
    spec: {
        selector: { matchLabels: { app: "web" } },
        replicas: 2,
        template: { spec: { containers: [{ name: "web", image: "nginx:1.27" }] } },
    },
};

const w = (o: Inputs, patch: Inputs): Inputs => JSON.parse(JSON.stringify({ ...o, ...patch })) as Inputs;
const spec = (o: Inputs, patch: Inputs): Inputs => w(o, { spec: { ...(o.spec as Record<string, never>), ...patch } });

const CASES: Case[] = [
    // ManagedCluster
    {
        type: MC,
        risk: "replace",
        what: "pod CIDR",
        base: mc,
        head: w(mc, { networkProfile: { ...(mc.networkProfile as object), podCidr: "10.240.0.0/14" } }),
        path: "networkProfile.podCidr",
        because: /replaces the cluster; pods lose their addresses/,
    },
    {
        type: MC,
        risk: "blocked",
        what: "Kubernetes downgrade",
        base: mc,
        head: w(mc, { kubernetesVersion: "1.30.5" }),
        path: "kubernetesVersion",
        because: /Downgrading/,
    },
    {
        type: MC,
        risk: "disruptive",
        what: "Kubernetes upgrade",
        base: mc,
        head: w(mc, { kubernetesVersion: "1.32.0" }),
        path: "kubernetesVersion",
    },
    {
        type: MC,
        risk: "ignored",
        what: "ignored Kubernetes version",
        base: mc,
        head: w(mc, { kubernetesVersion: "1.30.5" }),
        options: { ignoreChanges: ["kubernetesVersion"] },
        path: "kubernetesVersion",
    },
    { type: MC, risk: "safe", what: "tags", base: mc, head: w(mc, { tags: { env: "prod" } }), path: "tags.env" },
    // AgentPool
    {
        type: AP,
        risk: "replace",
        what: "vmSize with deleteBeforeReplace",
        base: pool,
        head: w(pool, { vmSize: "Standard_D8ds_v5" }),
        options: { deleteBeforeReplace: true },
        path: "vmSize",
    },
    {
        type: AP,
        risk: "blocked",
        what: "vmSize keeping the pool name",
        base: pool,
        head: w(pool, { vmSize: "Standard_D8ds_v5" }),
        path: "(resource)",
        because: /already exists/,
    },
    { type: AP, risk: "blocked", what: "maxPods", base: pool, head: w(pool, { maxPods: 50 }), path: "maxPods", because: /AKS refuses/ },
    {
        type: AP,
        risk: "disruptive",
        what: "OS SKU",
        base: pool,
        head: w(pool, { osSKU: "AzureLinux" }),
        path: "osSKU",
        because: /re-images/,
    },
    {
        type: AP,
        risk: "ignored",
        what: "autoscaled count",
        base: pool,
        head: w(pool, { count: 5 }),
        options: { ignoreChanges: ["count"] },
        path: "count",
    },
    { type: AP, risk: "safe", what: "count", base: pool, head: w(pool, { count: 5 }), path: "count" },
    // VirtualNetwork
    { type: VNET, risk: "replace", what: "location", base: vnet, head: w(vnet, { location: "northeurope" }), path: "location" },
    {
        type: VNET,
        risk: "blocked",
        what: "a removed address prefix",
        base: vnet,
        head: w(vnet, { addressSpace: { addressPrefixes: ["10.1.0.0/16"] } }),
        path: "addressSpace.addressPrefixes",
    },
    { type: VNET, risk: "disruptive", what: "deletion", base: vnet, head: null, path: "(resource)", because: /deleted/ },
    {
        type: VNET,
        risk: "ignored",
        what: "inline subnets",
        base: vnet,
        head: w(vnet, { subnets: [{ name: "x" }] }),
        options: { ignoreChanges: ["subnets"] },
        path: "subnets[0].name",
    },
    {
        type: VNET,
        risk: "safe",
        what: "an added address prefix",
        base: vnet,
        head: w(vnet, { addressSpace: { addressPrefixes: ["10.0.0.0/16", "10.1.0.0/16"] } }),
        path: "addressSpace.addressPrefixes",
    },
    // Subnet
    { type: SUBNET, risk: "replace", what: "subnet name", base: subnet, head: w(subnet, { subnetName: "nodes2" }), path: "subnetName" },
    {
        type: SUBNET,
        risk: "blocked",
        what: "address prefix",
        base: subnet,
        head: w(subnet, { addressPrefix: "10.0.0.0/19" }),
        path: "addressPrefix",
        because: /InUseSubnetCannotBeUpdated/,
    },
    {
        type: SUBNET,
        risk: "disruptive",
        what: "route table",
        base: subnet,
        head: w(subnet, { routeTable: { id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt" } }),
        path: "routeTable.id",
    },
    {
        type: SUBNET,
        risk: "ignored",
        what: "ignored prefix",
        base: subnet,
        head: w(subnet, { addressPrefix: "10.0.0.0/19" }),
        options: { ignoreChanges: ["addressPrefix"] },
        path: "addressPrefix",
    },
    {
        type: SUBNET,
        risk: "safe",
        what: "service endpoints",
        base: subnet,
        head: w(subnet, { serviceEndpoints: [{ service: "Microsoft.Storage" }] }),
        path: "serviceEndpoints[0].service",
    },
    // RoleAssignment
    { type: RA, risk: "replace", what: "principal", base: ra, head: w(ra, { principalId: "p2" }), path: "principalId" },
    { type: RA, risk: "blocked", what: "role definition", base: ra, head: w(ra, { roleDefinitionId: "/r/2" }), path: "roleDefinitionId" },
    { type: RA, risk: "disruptive", what: "deletion", base: ra, head: null, path: "(resource)" },
    {
        type: RA,
        risk: "ignored",
        what: "ignored principal type",
        base: ra,
        head: w(ra, { principalType: "User" }),
        options: { ignoreChanges: ["principalType"] },
        path: "principalType",
    },
    { type: RA, risk: "safe", what: "description", base: ra, head: w(ra, { description: "kubelet" }), path: "description" },
    // UserAssignedIdentity
    {
        type: UAI,
        risk: "replace",
        what: "location",
        base: uai,
        head: w(uai, { location: "northeurope" }),
        path: "location",
        because: /role assignments go too/,
    },
    {
        type: UAI,
        risk: "blocked",
        what: "a protected deletion",
        base: uai,
        head: null,
        options: { protect: true },
        path: "(option) protect",
    },
    { type: UAI, risk: "disruptive", what: "deletion", base: uai, head: null, path: "(resource)" },
    {
        type: UAI,
        risk: "ignored",
        what: "ignored tags",
        base: uai,
        head: w(uai, { tags: { a: "2" } }),
        options: { ignoreChanges: ["tags"] },
        path: "tags.a",
    },
    { type: UAI, risk: "safe", what: "tags", base: uai, head: w(uai, { tags: { a: "2" } }), path: "tags.a" },
    // ResourceGroup
    {
        type: RG,
        risk: "replace",
        what: "location",
        base: rg,
        head: w(rg, { location: "northeurope" }),
        path: "location",
        because: /deletes everything in it/,
    },
    {
        type: RG,
        risk: "blocked",
        what: "location of a named group",
        base: w(rg, { resourceGroupName: "rg-a" }),
        head: w(rg, { resourceGroupName: "rg-a", location: "northeurope" }),
        path: "(resource)",
    },
    { type: RG, risk: "disruptive", what: "deletion", base: rg, head: null, path: "(resource)", because: /every resource in the group/ },
    {
        type: RG,
        risk: "ignored",
        what: "ignored tags",
        base: rg,
        head: w(rg, { tags: { a: "2" } }),
        options: { ignoreChanges: ["tags"] },
        path: "tags.a",
    },
    { type: RG, risk: "safe", what: "tags", base: rg, head: w(rg, { tags: { a: "2" } }), path: "tags.a" },
    // Service
    { type: SERVICE, risk: "replace", what: "cluster IP", base: svc, head: spec(svc, { clusterIP: "10.0.0.20" }), path: "spec.clusterIP" },
    {
        type: SERVICE,
        risk: "blocked",
        what: "primary IP family",
        base: svc,
        head: spec(svc, { ipFamilies: ["IPv6"] }),
        path: "spec.ipFamilies",
    },
    {
        type: SERVICE,
        risk: "blocked",
        what: "a second family with SingleStack",
        base: svc,
        head: spec(svc, { ipFamilies: ["IPv4", "IPv6"] }),
        path: "spec.ipFamilies",
    },
    { type: SERVICE, risk: "disruptive", what: "type", base: svc, head: spec(svc, { type: "LoadBalancer" }), path: "spec.type" },
    {
        type: SERVICE,
        risk: "ignored",
        what: "ignored ports",
        base: svc,
        head: spec(svc, { ports: [{ port: 8080 }] }),
        options: { ignoreChanges: ["spec.ports"] },
        path: "spec.ports[0].port",
    },
    {
        type: SERVICE,
        risk: "safe",
        what: "a second family with PreferDualStack",
        base: svc,
        head: spec(svc, { ipFamilies: ["IPv4", "IPv6"], ipFamilyPolicy: "PreferDualStack" }),
        path: "spec.ipFamilies",
    },
    // Deployment
    {
        type: DEPLOYMENT,
        risk: "replace",
        what: "selector",
        base: deploy,
        head: spec(deploy, { selector: { matchLabels: { app: "web2" } } }),
        path: "spec.selector.matchLabels.app",
    },
    {
        type: DEPLOYMENT,
        risk: "blocked",
        what: "a protected deletion",
        base: deploy,
        head: null,
        options: { protect: true },
        path: "(option) protect",
    },
    {
        type: DEPLOYMENT,
        risk: "disruptive",
        what: "image",
        base: deploy,
        head: spec(deploy, { template: { spec: { containers: [{ name: "web", image: "nginx:1.28" }] } } }),
        path: "spec.template.spec.containers[0].image",
        because: /rolls every pod/,
    },
    {
        type: DEPLOYMENT,
        risk: "ignored",
        what: "ignored replicas",
        base: deploy,
        head: spec(deploy, { replicas: 5 }),
        options: { ignoreChanges: ["spec.replicas"] },
        path: "spec.replicas",
    },
    { type: DEPLOYMENT, risk: "safe", what: "replicas", base: deploy, head: spec(deploy, { replicas: 5 }), path: "spec.replicas" },
];

describe("change-risk model", () => {
    for (const c of CASES) {
        it(`${c.type.split(":").pop() ?? c.type}: ${c.what} is ${c.risk}`, () => {
            const base = resource(c.type, "r", c.base, c.options);
            const heads = c.head === null ? [] : [resource(c.type, "r", c.head, c.options)];
            const changes = assessChanges(planResult([base]), planResult(heads));
            assert.equal(changes.length, 1);
            const [change] = changes;
            assert.equal(change.risk, c.risk, JSON.stringify(change.reasons, null, 1));
            const reason = change.reasons.find((r) => r.path === c.path && r.risk === c.risk);
            assert.ok(reason, `no ${c.risk} reason at ${c.path}: ${JSON.stringify(change.reasons)}`);
            assert.ok(reason.source.length > 10, "every reason has a source");
            if (c.because) assert.match(reason.why, c.because);
        });
    }

    it("marks a protected replacement and a container", () => {
        const base = resource(RG, "rg", rg, { protect: true });
        const [c] = assessChanges(
            planResult([base]),
            planResult([resource(RG, "rg", w(rg, { location: "northeurope" }), { protect: true })]),
        );
        assert.deepEqual([c.op, c.risk, c.protected, c.container], ["replace", "replace", true, "every resource in the group"]);
        const [d] = assessChanges(planResult([base]), planResult([]));
        assert.deepEqual([d.op, d.risk, d.protected], ["delete", "blocked", true]);
    });

    it("matches a renamed cluster and shows the alias that keeps it", () => {
        const base = resource(MC, "aks", mc, { protect: true });
        const head = resource(MC, "cluster", mc, { protect: true });
        const [c] = assessChanges(planResult([base]), planResult([head]));
        assert.deepEqual(
            [c.op, c.risk, c.protected, c.renamedFrom, c.alias],
            ["replace", "replace", true, base.urn, 'aliases: [{ name: "aks" }]'],
        );
        const aliased = { ...head, options: { ...head.options, aliases: [{ name: "aks" }] } };
        const [a] = assessChanges(planResult([base]), planResult([aliased]));
        assert.deepEqual([a.op, a.risk, a.renamedFrom, a.alias], ["update", "safe", base.urn, undefined]);
    });

    it("matches a renamed resource group by its physical name even when its inputs changed", () => {
        const base = resource(RG, "rg", w(rg, { resourceGroupName: "rg-prod" }));
        const head = resource(RG, "group", w(rg, { resourceGroupName: "rg-prod", tags: { a: "2" } }));
        const changes = assessChanges(planResult([base]), planResult([head]));
        assert.equal(changes.length, 1);
        assert.equal(changes[0].risk, "blocked", "the new group keeps the name, so its create fails");
        assert.match(changes[0].alias ?? "", /name: "rg"/);
    });

    it("treats an inline pool like a node pool, but never replaces the cluster for it", () => {
        const withPool = (vmSize: string, n = 1): Inputs =>
            w(mc, { agentPoolProfiles: Array.from({ length: n }, (_, i) => ({ name: `p${i}`, vmSize })) });
        const [c] = assessChanges(planResult([resource(MC, "aks", withPool("a"))]), planResult([resource(MC, "aks", withPool("b"))]));
        assert.deepEqual([c.op, c.risk], ["update", "blocked"]);
        const [added] = assessChanges(
            planResult([resource(MC, "aks", withPool("a"))]),
            planResult([resource(MC, "aks", withPool("a", 2))]),
        );
        assert.equal(added.risk, "blocked");
        assert.match(added.reasons[0].why, /A new agent pool was introduced/);
    });

    it("groups list items into one change and sorts the most severe first", () => {
        const zones = (z: string[]) => resource(AP, "p", w(pool, { availabilityZones: z }));
        const changes = assessChanges(
            planResult([zones(["1"]), resource(RG, "rg", rg)]),
            planResult([zones(["1", "2", "3"]), resource(RG, "rg", w(rg, { tags: { a: "2" } })), resource(SUBNET, "s", subnet)]),
        );
        assert.deepEqual(
            changes.map((c) => [c.type, c.risk, c.op]),
            [
                [AP, "blocked", "update"],
                [RG, "safe", "update"],
                [SUBNET, "safe", "create"],
            ],
        );
        assert.deepEqual(changes[0].changes, [{ path: "availabilityZones", base: ["1"], head: ["1", "2", "3"] }]);
    });
});
