import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { cidrOf, overlaps } from "../../lib/network/cidr";
import { RESERVED_RANGES } from "../../lib/network/defaults";
import { FreeRangeFinder } from "../../lib/network/suggest";

describe("FreeRangeFinder", () => {
    it("proposes the first free aligned block", () => {
        const f = new FreeRangeFinder([cidrOf("10.0.0.0/16"), cidrOf("10.1.0.0/16")]);
        assert.equal(f.find("service", "IPv4", 16)?.canonical, "10.2.0.0/16");
    });

    it("never proposes the same block twice", () => {
        const f = new FreeRangeFinder([]);
        const a = f.find("pod", "IPv4", 16);
        const b = f.find("pod", "IPv4", 16);
        assert.ok(a && b && !overlaps(a, b));
    });

    it("jumps past a large used range instead of stepping block by block", () => {
        const f = new FreeRangeFinder([cidrOf("10.0.0.0/8")]);
        assert.equal(f.find("service", "IPv4", 24)?.canonical, "172.16.0.0/24");
    });

    it("finds IPv6 ULA blocks", () => {
        const f = new FreeRangeFinder([cidrOf("fd00::/108")]);
        assert.equal(f.find("service", "IPv6", 108)?.canonical, "fd00::10:0/108");
    });

    it("never proposes a used or reserved range (property)", () => {
        // Used ranges scattered over the private blocks the finder searches.
        const net = fc
            .tuple(fc.constantFrom(10, 172, 192), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 8, max: 24 }))
            .map(([first, second, prefix]) => cidrOf(`${first}.${second}.0.0/${prefix}`));
        fc.assert(
            fc.property(fc.array(net, { maxLength: 30 }), fc.integer({ min: 12, max: 28 }), (used, prefix) => {
                const f = new FreeRangeFinder(used);
                const got = f.find("service", "IPv4", prefix);
                if (!got) return;
                assert.equal(got.prefix, prefix);
                for (const u of [...used, ...RESERVED_RANGES.map((r) => cidrOf(r.cidr))])
                    assert.ok(!overlaps(u, got), `${got.canonical} overlaps ${u.canonical}`);
            }),
            { numRuns: 300 },
        );
    });
});
