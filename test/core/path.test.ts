import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { formatPath, hasPrefix, parsePath, samePath } from "../../lib/core/path";

const key = fc.oneof(
    fc.stringMatching(/^[A-Za-z_$][\w$]{0,8}$/),
    fc.string({ maxLength: 8 }),
    fc.constantFrom("kubernetes.io/os", "a b", 'x"y', "", "0"),
);
const segment = fc.oneof(key, fc.nat({ max: 1000 }));
const path = fc.array(segment, { maxLength: 6 }).filter((p) => p.length === 0 || typeof p[0] === "string");

describe("core/path", () => {
    it("writes paths as users write them", () => {
        assert.equal(formatPath(["nodePools", 2, "name"]), "nodePools[2].name");
        assert.equal(formatPath(["network", "podCidrs", 0]), "network.podCidrs[0]");
        assert.equal(formatPath(["labels", "kubernetes.io/os"]), `labels["kubernetes.io/os"]`);
        assert.equal(formatPath(["aks-network:network", "podCidrs", 0]), "aks-network:network.podCidrs[0]");
        assert.equal(formatPath(["a", "aks-network:x"]), `a["aks-network:x"]`);
        assert.equal(formatPath([]), "");
    });

    it("reads back every path it writes (property)", () => {
        fc.assert(
            fc.property(path, (p) => {
                const text = formatPath(p);
                const back = parsePath(text);
                assert.ok(back !== undefined, `did not read ${JSON.stringify(text)}`);
                assert.equal(formatPath(back), text);
            }),
        );
    });

    it("refuses text that is not a path", () => {
        for (const text of [".a", "a..b", "a[x]", "a[1", "x.aks-network:y", "a b"]) assert.equal(parsePath(text), undefined, text);
    });

    it("compares by segments", () => {
        assert.ok(hasPrefix(["nodePools", 1, "name"], ["nodePools", 1]));
        assert.ok(!hasPrefix(["nodePools", 10], ["nodePools", 1, "name"]));
        assert.ok(!hasPrefix(["nodePools", "1"], ["nodePools", 1]), "an index is not a key");
        assert.ok(samePath(["a", 0], ["a", 0]));
        assert.ok(!samePath(["a"], ["a", 0]));
    });
});
