/**
 * `aks-network plan --policy`: the evaluator over recorded resources, where `[unknown]` and `[secret]`
 * are values not known offline, and the exit status with mandatory violations.
 */
import * as assert from "node:assert/strict";
import { parsePlanArgs, planExitCode } from "../../lib/cli/plan/command";
import { formatViolations, policyViolations } from "../../lib/cli/plan/policy";
import { PlannedResource, PlanResult } from "../../lib/cli/plan/types";

function recorded(networkProfile: Record<string, unknown>): PlannedResource {
    return {
        urn: "urn:pulumi:dev::p::azure-native:containerservice:ManagedCluster::aks",
        type: "azure-native:containerservice:ManagedCluster",
        name: "aks",
        parent: null,
        op: "create",
        custom: true,
        provider: null,
        dependsOn: [],
        options: {},
        keyProperties: {},
        inputs: {
            networkProfile: { networkPlugin: "azure", networkPluginMode: "overlay", dnsServiceIP: "10.0.0.10", ...networkProfile } as never,
        },
    };
}

describe("plan --policy", () => {
    it("parses --policy", () => {
        const opts = parsePlanArgs(["--policy"]);
        assert.ok(opts !== "help" && opts.policy === true);
        const plain = parsePlanArgs([]);
        assert.ok(plain !== "help" && plain.policy === false);
    });

    it("reports the recorded resources' violations; [unknown] values skip their rules", () => {
        const bad = policyViolations([recorded({ serviceCidr: "10.0.0.0/12" })]);
        assert.ok(bad.some((v) => v.ruleId === "R13" && v.path === "networkProfile.serviceCidr"));
        const unknown = policyViolations([recorded({ serviceCidr: "[unknown]" })]);
        assert.ok(!unknown.some((v) => v.ruleId === "R13" || v.ruleId === "R31"));
        assert.ok(unknown.some((v) => v.ruleId === "P1" && v.message.includes("networkProfile.serviceCidr")));
        assert.match(formatViolations(bad, false), /^Policy pack: \d+ mandatory/);
        assert.match(formatViolations(bad, true), /^### Policy pack/);
    });

    it("fails the plan on a mandatory violation", () => {
        const result = {
            status: "ok",
            networkPlans: [],
            policyViolations: policyViolations([recorded({ serviceCidr: "10.0.0.0/12" })]),
        } as unknown as PlanResult;
        assert.equal(planExitCode(result), 1);
        assert.equal(planExitCode({ ...result, policyViolations: [] }), 0);
    });
});
