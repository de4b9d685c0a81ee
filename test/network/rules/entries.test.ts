/**
 * The rule entries against the catalogue: every catalogued rule has exactly one check, every id a
 * check declares is catalogued, and the runner's guard turns a finding a check did not declare (or
 * a severity the catalogue does not list) into an internal error (R0).
 */
import * as assert from "node:assert/strict";
import { Sink } from "../../../lib/core/diagnostic";
import { t } from "../../../lib/core/text";
import { computeCapacity } from "../../../lib/network/capacity";
import { RULES } from "../../../lib/network/catalog";
import { READER_IDS, readModel } from "../../../lib/network/model";
import { makeContext, RuleContext } from "../../../lib/network/rules/context";
import { entriesOf, forEach, itemRule, rule, RuleStep, runEntries } from "../../../lib/network/rules/entry";
import { RULE_STEPS } from "../../../lib/network/validate";
import { overlayPlan, validate, windowsPlan } from "./helpers";

/** The ids only the plan reader reports (no check claims them). */
const READER_ONLY = ["R1", "R2", "R71", "R72"];
/**
 * Rules with two checks: R53 reports a missing System pool before the pool checks and a Windows
 * System pool with the Windows checks, so each finding keeps its place in the order.
 */
const TWO_CHECKS = ["R53"];

function claims(): Map<string, string[]> {
    const byId = new Map<string, string[]>();
    for (const entry of entriesOf(RULE_STEPS)) {
        for (const id of entry.ids) byId.set(id, [...(byId.get(id) ?? []), entry.name]);
    }
    return byId;
}

/** A context over a valid plan, with its own sink. */
function contextFor(): { ctx: RuleContext; sink: Sink } {
    const sink = new Sink();
    const model = readModel(overlayPlan(), sink);
    return { ctx: makeContext(model, sink, computeCapacity(model)), sink };
}

describe("rules: entries and the drift guard", () => {
    it("the reader reports R1, R2, R43, R71 and R72, all catalogued", () => {
        assert.deepEqual([...READER_IDS].sort(), ["R1", "R2", "R43", "R71", "R72"]);
        for (const id of READER_IDS)
            assert.ok(
                RULES.some((info) => info.id === id),
                `${id} is not catalogued`,
            );
    });

    it("every id a check declares is in the catalogue", () => {
        const catalogued = new Set(RULES.map((info) => info.id));
        const unknown = [...claims().keys()].filter((id) => !catalogued.has(id));
        assert.deepEqual(unknown, []);
    });

    it("every catalogued rule but R0 and the reader's own is claimed by exactly one check", () => {
        const byId = claims();
        const problems: string[] = [];
        for (const { id } of RULES) {
            const names = byId.get(id) ?? [];
            const expected = id === "R0" || READER_ONLY.includes(id) ? 0 : TWO_CHECKS.includes(id) ? 2 : 1;
            if (names.length !== expected) problems.push(`${id}: claimed by ${names.length} (${names.join(", ")}), expected ${expected}`);
        }
        assert.deepEqual(problems, []);
    });

    it("every check has its own function name", () => {
        const names = entriesOf(RULE_STEPS).map((entry) => entry.name);
        assert.ok(names.length > 60, `only ${names.length} checks`);
        for (const name of names) assert.match(name, /^[a-z][A-Za-z0-9]+$/, `a check named ${JSON.stringify(name)}`);
        assert.deepEqual(
            names.filter((name, index) => names.indexOf(name) !== index),
            [],
        );
    });

    it("reports an undeclared id as R0 naming the check and the id, and drops the finding", () => {
        const { ctx, sink } = contextFor();
        const before = sink.diagnostics.length;
        const steps: RuleStep[] = [
            rule(["R16"], function bogusCheck(context: RuleContext) {
                context.s.error("R17", ["dnsServiceIP"], t`not this check's rule`);
            }),
        ];
        runEntries(steps, ctx);
        const added = sink.diagnostics.slice(before);
        assert.equal(added.length, 1);
        assert.equal(added[0].ruleId, "R0");
        assert.equal(added[0].severity, "error");
        assert.equal(added[0].path, "dnsServiceIP");
        assert.match(added[0].message, /bogusCheck reported R17 as error, which it does not declare \(it declares R16\)/);
    });

    it("reports a severity the catalogue does not list as R0, and an id missing from the catalogue", () => {
        const { ctx, sink } = contextFor();
        const before = sink.diagnostics.length;
        runEntries(
            [
                rule(["R16", "R99"], function loudCheck(context: RuleContext) {
                    context.s.warn("R16", ["networkPlugin"], "a notice made a warning");
                    context.s.info("R99", [], "no such rule");
                    context.s.info("R16", ["networkPlugin"], "a notice");
                }),
            ],
            ctx,
        );
        const added = sink.diagnostics.slice(before).map((d) => `${d.severity} ${d.ruleId} ${d.message}`);
        assert.equal(added.length, 3);
        assert.match(added[0], /^error R0 .*loudCheck reported R16 as warning, but the catalogue lists R16 as info/);
        assert.match(added[1], /^error R0 .*loudCheck reported R99 as info, which is not in the rule catalogue/);
        assert.equal(added[2], "info R16 a notice");
    });

    it("guards checks inside a loop, each with its own ids", () => {
        const { ctx, sink } = contextFor();
        const before = sink.diagnostics.length;
        runEntries(
            [
                forEach("numbers", () => [1, 2], [
                    itemRule(["R16"], function firstOfLoop(context: RuleContext, item: number) {
                        context.s.info("R16", [item], "declared");
                    }),
                    itemRule(["R23"], function secondOfLoop(context: RuleContext, item: number) {
                        context.s.info("R16", [item], "declared by the other check only");
                    }),
                ]),
            ],
            ctx,
        );
        const added = sink.diagnostics.slice(before).map((d) => `${d.ruleId} ${d.path}`);
        assert.deepEqual(added, ["R16 [1]", "R0 [1]", "R16 [2]", "R0 [2]"]);
        assert.match(sink.diagnostics[before + 1].message, /secondOfLoop reported R16/);
    });

    it("runs the pool checks pool by pool, so findings keep the pools' order", () => {
        const plan = windowsPlan();
        plan.nodePools = [
            ...plan.nodePools!,
            { name: "Windows_Pool", mode: "System", osType: "Windows", count: 2, maxPods: 5, subnet: "aks-nodes" },
            { name: "win", mode: "User", osType: "Windows", count: 2, maxPods: 30, subnet: "nowhere" },
        ];
        const errors = validate(plan)
            .filter((d) => d.severity === "error")
            .map((d) => `${d.ruleId} ${d.path}`);
        assert.deepEqual(errors, [
            "R43 nodePools[2].name",
            "R44 nodePools[2].name",
            "R45 nodePools[2].maxPods",
            "R76 nodePools[3].name",
            "R63 nodePools[3].subnet",
            "R53 nodePools[2].mode",
        ]);
    });
});
