import * as assert from "node:assert/strict";
import { validateNetworkPlan } from "../../lib";

describe("validateNetworkPlan (smoke)", () => {
    it("accepts the empty plan with info only", () => {
        const d = validateNetworkPlan({});
        assert.ok(d.length > 0);
        assert.ok(d.every((x) => x.severity === "info"));
    });
});
