/**
 * The shape reader's options for readers with words of their own (the planner, the Service linter):
 * per-shape rule ids and words, parsers, unions, unknown keys of a rule of their own, fields that keep
 * their object, lists that stay empty, the value's own path, and builders. Pure: no mocks.
 */
import * as assert from "node:assert/strict";
import { checkShape, S, ShapeNode } from "../../lib/core/shape";
import { at, t } from "../../lib/core/text";
import { nearest } from "../../lib/core/words";

const brief = (ds: { ruleId: string; severity: string; path: string; message: string }[]) =>
    ds.map((d) => `${d.severity} ${d.ruleId} ${d.path}: ${d.message}`);

const PORT = S.parse<number>("a port", (v, path) =>
    typeof v === "number" && v > 0 && v < 65536 ? { value: v } : { problem: t`${at(path)} is no port`, rule: "P1", code: "BadPort" },
);

const THING: ShapeNode = {
    kind: "object",
    name: "thing",
    example: "{}",
    unknown: {
        rule: "U1",
        severity: "warning",
        known: ["port", "name", "tags"],
        message: (path, guess, known) => t`${at(path)} is unknown; ${guess ? `did you mean ${guess}?` : known.join("/")}`,
    },
    fields: {
        name: {
            required: true,
            keepParent: true,
            shape: { kind: "string", nonEmpty: true, rule: "N1", wrong: (path, v) => t`${at(path)} needs a name, not ${String(v)}` },
        },
        port: { required: false, shape: PORT },
        tags: { required: false, shape: { kind: "list", of: S.string, keepEmpty: true, nullIsAbsent: true } },
    },
};

describe("checkShape with a reader's own words", () => {
    it("gives each problem its shape's rule id, words and code, in the order of the fields, unknown keys first", () => {
        const checked = checkShape({ nme: 1, port: 0, name: "" }, THING, { at: [], ruleId: "X0" });
        assert.deepEqual(brief(checked.problems), [
            "warning U1 nme: nme is unknown; did you mean name?",
            "error N1 name: name needs a name, not ",
            "error P1 port: port is no port",
        ]);
        assert.equal(checked.problems[2].azureErrorCode, "BadPort");
        // keepParent: the object stays, without the bad field.
        assert.deepEqual(checked.value, {});
    });

    it("reports a missing keepParent field in its shape's words, and the object without it", () => {
        const checked = checkShape({ port: 80 }, THING, { at: [] });
        assert.deepEqual(brief(checked.problems), ["error N1 name: name needs a name, not undefined"]);
        assert.deepEqual(checked.value, { port: 80 });
    });

    it("drops a plain required field's object, as the component arguments do", () => {
        const shape: ShapeNode = { kind: "object", name: "T", example: "{ a: 1 }", fields: { a: { required: true, shape: S.number } } };
        const checked = checkShape({}, shape, { at: [] });
        assert.equal(checked.value, undefined);
        assert.match(checked.problems[0].message, /a is missing; every T needs a/);
    });

    it("starts every path at `at`, the whole value's problem too", () => {
        const checked = checkShape(5, THING, { optional: false, at: ["cluster"], ruleId: "C1" });
        assert.deepEqual(
            checked.problems.map((d) => [d.ruleId, d.path]),
            [["C1", "cluster"]],
        );
        const inner = checkShape({ name: "a", port: "x" }, THING, { at: ["cluster"] });
        assert.deepEqual(
            inner.problems.map((d) => d.path),
            ["cluster.port"],
        );
    });

    it("ignores unknown keys when told to", () => {
        const shape: ShapeNode = { kind: "object", name: "T", example: "{}", unknown: "ignore", fields: {} };
        assert.deepEqual(checkShape({ extra: 1 }, shape).problems, []);
    });

    it("reads null as left out where the shape says so, and refuses it elsewhere", () => {
        assert.deepEqual(checkShape({ name: "a", tags: null }, THING, { at: [] }).problems, []);
        const refused = checkShape({ name: null }, THING, { at: [] });
        assert.deepEqual(brief(refused.problems), ["error N1 name: name needs a name, not null"]);
    });

    it("keeps a list whose entries were all dropped when keepEmpty, and maps the kept indexes", () => {
        const checked = checkShape({ name: "a", tags: [1, 2] }, THING, { at: [] });
        assert.deepEqual(checked.value, { name: "a", tags: [] });
        assert.equal(checked.problems.length, 2);
        const plain = checkShape(
            { list: [1, 2] },
            S.object<{ list?: string[] }>("L", "{}", { list: { required: false, shape: S.list(S.string) } }),
        );
        assert.deepEqual(plain.value, {});
    });

    it("keeps a parser's value next to its problem, and drops it without one", () => {
        const keep = S.parse<string>("a word", (v, path) => ({ value: String(v), problem: t`${at(path)} kept` }));
        const checked = checkShape([1, 2], S.list(keep), { at: [] });
        assert.deepEqual(checked.value, ["1", "2"]);
        assert.deepEqual(
            checked.problems.map((d) => d.message),
            ["[0] kept", "[1] kept"],
        );
        const dropped = checkShape([1, 70000, 2], S.list(PORT), { at: [] });
        assert.deepEqual(dropped.value, [1, 2]);
        assert.deepEqual(dropped.renumber([1]), [2]);
    });

    it("reads a union with its first option that takes the value's kind, and refuses what none takes", () => {
        const entry = S.union<unknown>([THING, PORT]);
        const checked = checkShape([{ name: "a" }, 80, "x"], S.list(entry), { at: [] });
        assert.deepEqual(checked.value, [{ name: "a" }, 80]);
        assert.deepEqual(
            checked.problems.map((d) => d.ruleId),
            ["P1"],
        );
        const strict = S.union<unknown>([S.number, S.boolean], { wrong: (path) => t`${at(path)} is neither` });
        assert.deepEqual(
            checkShape({ v: "x" }, {
                kind: "object",
                name: "V",
                example: "{}",
                fields: { v: { required: false, shape: strict } },
            } as ShapeNode).problems.map((d) => d.message),
            ["v is neither"],
        );
    });

    it("builds the reader's value from the checked one, its path and the value as written", () => {
        const seen: unknown[] = [];
        const shape: ShapeNode = {
            kind: "list",
            of: { kind: "string", build: (value, path, given) => (seen.push(given), `${String(path[0])}:${String(value)}`) },
        };
        assert.deepEqual(checkShape(["a", "b"], shape, { at: [] }).value, ["0:a", "1:b"]);
        assert.deepEqual(seen, ["a", "b"]);
    });

    it("checks whole numbers and non-empty strings", () => {
        const shape = S.list<unknown>({ kind: "number", integer: "safe" } as ShapeNode);
        assert.deepEqual(checkShape([1, 1.5, 2 ** 60, -0], shape, { at: [] }).value, [1, -0]);
        const words = S.list<unknown>({ kind: "string", nonEmpty: true } as ShapeNode);
        const checked = checkShape(["a", ""], words, { at: [] });
        assert.deepEqual(checked.value, ["a"]);
        assert.match(checked.problems[0].message, /write a non-empty string/);
    });

    it("keeps the component arguments' positional form and words", () => {
        const checked = checkShape(
            { nam: "x" },
            S.object<{ name?: string }>("Args", "{}", { name: { required: false, shape: S.string } }),
            false,
            "file",
            "F1",
        );
        assert.deepEqual(brief(checked.problems), [
            'error F1 nam: nam (given: "x" (string)) is not an argument of Args; did you mean "name"? Rename it',
        ]);
        assert.deepEqual(
            checkShape(5, S.string, false, "file", "F1").problems.map((d) => d.path),
            ["file"],
        );
    });
});

describe("nearest", () => {
    it("is closest first, else the shortest candidate sharing the word's stem", () => {
        assert.equal(nearest("selectr", ["selector", "ports"]), "selector");
        assert.equal(nearest("portsList", ["ports", "selector"]), "ports");
        assert.equal(nearest("sessionAffinityCfg", ["sessionAffinity", "sessionAffinityConfig"]), "sessionAffinity");
        assert.equal(nearest("xyz", ["ports"]), undefined);
    });
});
