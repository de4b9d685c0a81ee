/**
 * Malformed props never make the evaluator throw (a pack that throws blocks every preview): random
 * JSON, sentinels and wrong types in every field of every resource kind.
 */
import * as assert from "node:assert/strict";
import fc from "fast-check";
import { evaluatePolicies, UNKNOWN_SENTINELS } from "../../lib/policy";

const TYPES = [
    "azure-native:containerservice:ManagedCluster",
    "azure-native:containerservice/v20250901:AgentPool",
    "azure-native:network:VirtualNetwork",
    "azure-native:network:Subnet",
    "azure-native:network:VirtualNetworkPeering",
    "kubernetes:core/v1:Service",
];

const junk = fc.oneof(fc.jsonValue(), fc.constantFrom(...UNKNOWN_SENTINELS), fc.constant(undefined));
/** Props shaped like the real ones, with junk in any field. */
const props = fc.oneof(
    junk,
    fc.record(
        {
            networkProfile: fc.oneof(
                junk,
                fc.record({ podCidr: junk, serviceCidrs: junk, ipFamilies: junk, networkPlugin: junk }, { requiredKeys: [] }),
            ),
            agentPoolProfiles: fc.oneof(
                junk,
                fc.array(fc.oneof(junk, fc.record({ name: junk, vnetSubnetID: junk, osType: junk, count: junk }, { requiredKeys: [] }))),
            ),
            addressSpace: fc.oneof(junk, fc.record({ addressPrefixes: junk })),
            virtualNetworkName: junk,
            resourceName: junk,
            addressPrefix: junk,
            windowsProfile: junk,
            spec: junk,
            metadata: junk,
        },
        { requiredKeys: [] },
    ),
);
const resource = fc.record({ type: fc.constantFrom(...TYPES), name: fc.string(), urn: fc.string(), props });

describe("evaluatePolicies fuzz", () => {
    it("never throws and returns well-formed violations", () => {
        fc.assert(
            fc.property(fc.array(resource, { maxLength: 8 }), fc.oneof(fc.constant(undefined), fc.jsonValue()), (resources, config) => {
                const list = evaluatePolicies(resources, config as never);
                for (const v of list) {
                    assert.ok(v.enforcementLevel === "mandatory" || v.enforcementLevel === "advisory");
                    assert.equal(typeof v.message, "string");
                    assert.equal(typeof v.path, "string");
                    assert.notEqual(v.ruleId, "R0", v.message);
                }
            }),
            { numRuns: 300 },
        );
    });

    it("takes junk instead of a resource list", () => {
        for (const input of [null, undefined, 3, "x", [null, 1, "a", {}], { length: 2 }])
            assert.ok(Array.isArray(evaluatePolicies(input as never)));
    });
});
