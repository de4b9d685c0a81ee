/**
 * The rule catalogue against the rule tests and the AKS network reference, and the style of every
 * message the rule tests produced.
 *
 * The rule test files are imported first so that, whichever files mocha is given, this file's
 * checks are registered after every rule test and see everything they recorded.
 */
import "./syntax.test";
import "./plugin.test";
import "./service.test";
import "./overlaps.test";
import "./dualstack.test";
import "./pools.test";
import "./windows.test";
import "./vnet.test";

import * as assert from "node:assert/strict";
import { RULES } from "../../../lib/network";
import { fired, seen, secrets } from "./helpers";

/**
 * Severities of R1-R70 as the reference states them (§3, with the disagreement table's choices);
 * "warn" there is "warning" here. R69 and R70 are "out of scope but recorded": R69 is what the az CLI
 * raises (an error), R70 is a deprecation notice with a historical overlap rule.
 */
const REFERENCE_SEVERITY: Record<string, string> = {
    R1: "error", R2: "error", R3: "error", R4: "warning", R5: "error", R6: "error", R7: "error", R8: "error",
    R9: "error", R10: "error", R11: "error", R12: "error", R13: "error", R14: "error", R15: "warning", R16: "info",
    R17: "error", R18: "error", R19: "error", R20: "info", R21: "error", R22: "info", R23: "info", R24: "error",
    R25: "error", R26: "error", R27: "error/warning", R28: "error", R29: "error/warning", R30: "error", R31: "error",
    R32: "warning", R33: "error", R34: "warning", R35: "warning", R36: "error", R37: "warning", R38: "warning",
    R39: "warning", R40: "error", R41: "warning", R42: "warning", R43: "error", R44: "error", R45: "error",
    R46: "error", R47: "warning", R48: "error", R49: "info", R50: "error", R51: "error/warning", R52: "info",
    R53: "error", R54: "error", R55: "error", R56: "warning", R57: "warning", R58: "error/warning", R59: "error",
    R60: "error", R61: "warning", R62: "error", R63: "error", R64: "error/warning", R65: "error", R66: "error",
    R67: "info", R68: "info", R69: "error", R70: "info/warning",
};

function severitiesOf(id: string): string[] {
    const rule = RULES.find((r) => r.id === id);
    return rule ? rule.severity.split("/") : [];
}

describe("rules: catalogue and message style (after every rule test)", () => {
    it("lists R0-R80 once each, in order, each with a title and a source", () => {
        assert.deepEqual(RULES.map((r) => r.id), Array.from({ length: 81 }, (_, i) => `R${i}`));
        for (const r of RULES) {
            assert.ok(r.title.length > 5, `${r.id} has no title`);
            assert.ok(r.source.length >= 3, `${r.id} has no source`);
            for (const s of r.severity.split("/")) assert.ok(["error", "warning", "info"].includes(s), `${r.id}: severity ${r.severity}`);
        }
    });

    it("gives R1-R70 the reference's severities", () => {
        for (const [id, severity] of Object.entries(REFERENCE_SEVERITY)) {
            assert.equal(RULES.find((r) => r.id === id)?.severity, severity, `${id} in the catalogue`);
        }
    });

    it("the rule tests saw diagnostics (the records below are not empty)", () => {
        assert.ok(seen.length > 300, `only ${seen.length} diagnostics recorded`);
        assert.ok(fired.size > 80, `only ${fired.size} rule/severity pairs asserted`);
    });

    it("every rule id the validator emitted is in the catalogue, with a severity the catalogue lists", () => {
        const problems = new Set<string>();
        for (const { d } of seen) {
            if (!severitiesOf(d.ruleId).includes(d.severity)) problems.add(`${d.ruleId} ${d.severity}: ${d.message}`);
        }
        assert.deepEqual([...problems], []);
    });

    it("no rule test hit an internal error (R0)", () => {
        assert.deepEqual(seen.filter(({ d }) => d.ruleId === "R0").map(({ d }) => d.message), []);
    });

    it("every catalogue rule except R0 has a test where it fires, for every severity it lists", () => {
        const missing: string[] = [];
        for (const r of RULES) {
            if (r.id === "R0") continue;
            for (const s of r.severity.split("/")) if (!fired.has(`${r.id}:${s}`)) missing.push(`${r.id}:${s}`);
        }
        assert.deepEqual(missing, []);
    });

    describe("message style", () => {
        it("messages start lower case (or with their path)", () => {
            const bad = new Set<string>();
            for (const { d } of seen) {
                const startsWithPath = d.path !== "" && d.message.startsWith(d.path);
                if (!startsWithPath && !/^[a-z]/.test(d.message)) bad.add(`${d.ruleId} ${d.path}: ${d.message}`);
            }
            assert.deepEqual([...bad], []);
        });

        it("messages name their path", () => {
            const bad = new Set<string>();
            for (const { d } of seen) {
                if (d.path !== "" && !d.message.includes(d.path)) bad.add(`${d.ruleId} ${d.path}: ${d.message}`);
            }
            assert.deepEqual([...bad], []);
        });

        it("errors and warnings say what to do (a fix after ':' or ';')", () => {
            const bad = new Set<string>();
            for (const { d } of seen) {
                if (d.severity !== "info" && !/[:;]/.test(d.message)) bad.add(`${d.ruleId} ${d.path}: ${d.message}`);
            }
            assert.deepEqual([...bad], []);
        });

        it("no message contains a Windows admin password given to the validator", () => {
            assert.ok(secrets.size >= 10, `only ${secrets.size} passwords were tried`);
            const leaks: string[] = [];
            for (const { plan, d } of seen) {
                const username = (plan as { windowsProfile?: { adminUsername?: unknown } } | null)?.windowsProfile?.adminUsername;
                for (const pw of secrets) {
                    // A user name that happens to equal a password is the user's own text in its own message.
                    if (d.message.includes(pw) && !(d.path === "windowsProfile.adminUsername" && username === pw)) leaks.push(`${d.ruleId}: ${d.message}`);
                }
            }
            assert.deepEqual(leaks, []);
        });
    });
});
