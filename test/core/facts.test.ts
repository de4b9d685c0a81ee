/**
 * The cluster facts spell two value sets again as `as const` objects with literal initializers (the
 * only form Pulumi's schema inference reads as an enum while hand-written facts keep taking plain
 * strings): the IP families and the dataplanes of `lib/core/values.ts`. They must stay the same sets.
 */
import * as assert from "node:assert/strict";
import { FactsDataplane, ServiceIpFamily } from "../../lib/core/facts";
import { IP_FAMILIES, IpFamily, NETWORK_DATAPLANES, NetworkDataplane } from "../../lib/core/values";

/** `true` only when the two types are the same set of strings. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe("cluster facts value sets", () => {
    it("are the network values: IP families and dataplanes, as types and as values", () => {
        const families: Same<ServiceIpFamily, `${IpFamily}`> = true;
        const dataplanes: Same<FactsDataplane, `${NetworkDataplane}`> = true;
        assert.ok(families && dataplanes);
        assert.deepStrictEqual(Object.values(ServiceIpFamily).sort(), [...IP_FAMILIES].sort());
        assert.deepStrictEqual(Object.values(FactsDataplane).sort(), [...NETWORK_DATAPLANES].sort());
    });
});
