/**
 * A value of the wrong type (R71) is read as a stand-in (the default, or nothing); the rules must not
 * also judge the stand-in at that path, as if the user had written it or left it out.
 */
import assert from "node:assert/strict";
import { validateNetworkPlan } from "../../lib/network";
import { withoutFindingsOnStandIns } from "../../lib/network/validate";
import { diagnostic } from "../../lib/core/diagnostic";
import { NetworkPlan } from "../../lib/network/types";

const pool = (changes: Record<string, unknown>) => ({ name: "system", mode: "System", osType: "Linux", count: 3, ...changes });
const findings = (plan: unknown, path: string) =>
    validateNetworkPlan(plan as NetworkPlan)
        .filter((d) => d.path === path)
        .map((d) => d.ruleId);

describe("network plan: findings on stand-ins of ill-shaped values", () => {
    it("rejects maxPods: true once (R71), without also saying maxPods is omitted (R49)", () => {
        for (const maxPods of [true, "30", 12.5, { value: 30 }]) {
            const plan = { nodePools: [pool({ maxPods })] };
            assert.deepEqual(findings(plan, "nodePools[0].maxPods"), ["R71"], JSON.stringify(maxPods));
        }
        // Left out, R49 still explains the default.
        assert.deepEqual(findings({ nodePools: [pool({})] }, "nodePools[0].maxPods"), ["R49"]);
    });

    it("keeps the findings about other fields of the same pool, and about the plan", () => {
        const plan = { nodePools: [pool({ maxPods: true, name: "Bad_Name" })], serviceCidrs: ["10.0.0.0/12"] };
        const ids = validateNetworkPlan(plan as unknown as NetworkPlan).map((d) => `${d.ruleId} ${d.path}`);
        assert.ok(ids.includes("R71 nodePools[0].maxPods"), ids.join(", "));
        assert.ok(ids.includes("R43 nodePools[0].name"), ids.join(", "));
        assert.ok(ids.includes("R13 serviceCidrs[0]"), ids.join(", "));
    });

    it("drops findings at an R71 path and below it, never the R71 itself nor findings above it", () => {
        const d = (ruleId: string, segments: (string | number)[], severity: "error" | "info" = "error") =>
            diagnostic(severity, ruleId, segments, ruleId);
        const list = [
            d("R71", ["nodePools", 0, "maxPods"]),
            d("R49", ["nodePools", 0, "maxPods"], "info"),
            d("R99", ["nodePools", 0, "maxPods", "x"]),
            d("R46", ["nodePools", 0]),
            d("R71", []),
            d("R13", ["serviceCidrs", 0]),
        ];
        assert.deepEqual(
            withoutFindingsOnStandIns(list).map((x) => `${x.ruleId} ${x.path}`),
            ["R71 nodePools[0].maxPods", "R46 nodePools[0]", "R71 ", "R13 serviceCidrs[0]"],
        );
    });
});
