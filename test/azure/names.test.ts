import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { defaultNames, derivedName, NAME_LIMITS, shortHash } from "../../lib/azure/names";
import { TEST_DEPLOYMENT } from "../helpers/mocks";

// Azure's name rules (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
const CLUSTER = /^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$/;
const DNS_PREFIX = /^[a-zA-Z0-9]$|^[a-zA-Z0-9][-a-zA-Z0-9]{0,52}[a-zA-Z0-9]$/;
const RESOURCE_GROUP = /^[-\w.()]{0,89}[-\w()]$/;
const VNET = /^[a-zA-Z0-9][-\w.]{0,62}\w$/;
const IDENTITY = /^[a-zA-Z0-9][-\w]{2,127}$/;

const all = (n: ReturnType<typeof defaultNames>) => [
    n.clusterName,
    n.resourceGroupName,
    derivedName(n.clusterName, "-vnet", NAME_LIMITS.vnet),
    derivedName(n.clusterName, "-identity", NAME_LIMITS.identity),
];

describe("physical names", () => {
    it("are the component's name, the stack and a hash, pinned: a changed hash would rename every default resource", () => {
        assert.deepEqual(defaultNames("prod", TEST_DEPLOYMENT), {
            clusterName: "prod-test-b6aa47",
            dnsPrefix: "prod-test-b6aa47",
            resourceGroupName: "prod-test-b6aa47-rg",
        });
        assert.equal(shortHash(""), "811c9d", "FNV-1a of nothing is its offset basis");
    });
    it("differ between two stacks of one project, and between two projects with the same stack", () => {
        const dev = all(defaultNames("aks", { project: "p", stack: "dev" }));
        const prod = all(defaultNames("aks", { project: "p", stack: "prod" }));
        const other = all(defaultNames("aks", { project: "q", stack: "dev" }));
        assert.deepEqual(
            dev.filter((x) => prod.includes(x) || other.includes(x)),
            [],
        );
    });
    it("cut long names to Azure's limits and keep them apart by the hash", () => {
        const long = "c".repeat(70);
        const a = defaultNames(`${long}a`, { project: "p", stack: "dev" });
        const b = defaultNames(`${long}b`, { project: "p", stack: "dev" });
        assert.equal(a.clusterName.length, NAME_LIMITS.cluster);
        assert.equal(a.dnsPrefix.length, NAME_LIMITS.dnsPrefix);
        assert.notEqual(a.clusterName, b.clusterName);
        assert.notEqual(a.dnsPrefix, b.dnsPrefix);
    });
    it("replace characters Azure refuses, and never leave a name empty", () => {
        assert.equal(defaultNames("my.cluster_", { project: "p", stack: "eu.west_1" }).clusterName, "my-cluster-eu-west_1-51380b");
        assert.equal(defaultNames("my.cluster_", { project: "p", stack: "eu.west_1" }).dnsPrefix, "my-cluster-eu-west-1-51380b");
        assert.equal(defaultNames("...", { project: "p", stack: "..." }).clusterName, "a3f1c3");
    });
    it("derive a VNet name that fits 64 characters from a cluster name of 63", () => {
        assert.equal(derivedName("prod", "-vnet", NAME_LIMITS.vnet), "prod-vnet");
        const a = derivedName(`${"a".repeat(62)}1`, "-vnet", NAME_LIMITS.vnet);
        const b = derivedName(`${"a".repeat(62)}2`, "-vnet", NAME_LIMITS.vnet);
        assert.equal(a.length, NAME_LIMITS.vnet);
        assert.notEqual(a, b);
    });
    it("always follow Azure's rules, whatever the component, project and stack are called", () => {
        fc.assert(
            fc.property(
                fc.string({ maxLength: 120 }),
                fc.string({ maxLength: 100 }),
                fc.string({ maxLength: 100 }),
                (name, project, stack) => {
                    const n = defaultNames(name, { project, stack });
                    assert.match(n.clusterName, CLUSTER);
                    assert.match(n.dnsPrefix, DNS_PREFIX);
                    assert.match(n.resourceGroupName, RESOURCE_GROUP);
                    assert.match(derivedName(n.clusterName, "-vnet", NAME_LIMITS.vnet), VNET);
                    assert.match(derivedName(n.clusterName, "-identity", NAME_LIMITS.identity), IDENTITY);
                },
            ),
        );
    });
});
