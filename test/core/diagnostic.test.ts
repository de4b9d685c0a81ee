import * as assert from "node:assert/strict";
import { diagnostic, escalate, mapPaths, PathMap, Sink } from "../../lib/core/diagnostic";
import { formatPath, Path } from "../../lib/core/path";
import { at, join, renderParts, t, templateOf } from "../../lib/core/text";

describe("core/text", () => {
    it("keeps the paths a message names as slots and renders them last", () => {
        const message = t`${at("podCidrs", 0)} "10.244.1.0/16" has host bits set; compare ${at(["serviceCidrs"])}`;
        assert.equal(String(message), `podCidrs[0] "10.244.1.0/16" has host bits set; compare serviceCidrs`);
        assert.deepEqual(
            message.parts.filter((p) => typeof p !== "string"),
            [{ path: ["podCidrs", 0] }, { path: ["serviceCidrs"] }],
        );
        assert.equal(
            renderParts(message.parts, (p) => `<${formatPath(p)}>`),
            `<podCidrs[0]> "10.244.1.0/16" has host bits set; compare <serviceCidrs>`,
        );
    });

    it("splices messages into messages and joins them", () => {
        const label = t`${at("nodePools", 1)} "user"`;
        const joined = join([label, "x", at("a")], ", ");
        assert.equal(String(t`pools ${joined} are short`), `pools nodePools[1] "user", x, a are short`);
        assert.equal(t`a${1}b${"c"}`.parts.length, 1, "adjacent text merges into one part");
    });

    it("gives JSON consumers a template with numbered holes, braces escaped", () => {
        const { template, paths } = templateOf(t`${at("a")} {x} ${at("b", 2)}`.parts);
        assert.equal(template, "{0} {{x}} {1}");
        assert.deepEqual(paths, [["a"], ["b", 2]]);
    });
});

describe("core/diagnostic", () => {
    it("renders path and message from the segments and the template", () => {
        const sink = new Sink();
        sink.error("R1", ["podCidrs", 0], t`${at("podCidrs", 0)} is bad`, "CidrStringParseError");
        sink.warn("R2", [], "whole plan");
        const [first, second] = sink.diagnostics;
        assert.deepEqual(
            { ...first },
            {
                ruleId: "R1",
                severity: "error",
                path: "podCidrs[0]",
                message: "podCidrs[0] is bad",
                segments: ["podCidrs", 0],
                template: [{ path: ["podCidrs", 0] }, " is bad"],
                azureErrorCode: "CidrStringParseError",
            },
        );
        assert.equal(second.path, "");
        assert.equal(second.severity, "warning");
    });

    it("relocates a diagnostic and every path its message names through a table of segments", () => {
        const table = new PathMap([
            { from: ["podCidrs"], to: ["network", "podCidrs"] },
            { from: ["nodePools", 0], to: ["systemPool"] },
            { from: ["nodePools", 1], to: ["nodePools", 0] },
            {
                from: ["vnetAddressSpaces"],
                to: ["network", "nodeSubnetId"],
                whole: true,
                note: `VNet "hub" address space`,
                inMessage: `VNet "hub" address space`,
            },
        ]);
        const found = diagnostic(
            "error",
            "R9",
            ["nodePools", 1, "maxPods"],
            t`${at("nodePools", 1, "maxPods")} clashes with ${at("nodePools", 0)} and ${at("podCidrs", 1)}`,
        );
        const moved = table.relocate(found);
        assert.equal(moved.path, "nodePools[0].maxPods");
        assert.equal(moved.message, "nodePools[0].maxPods clashes with systemPool and network.podCidrs[1]");
        const azure = table.relocate(diagnostic("warning", "R8", ["vnetAddressSpaces", 0], t`${at("vnetAddressSpaces", 0)} overlaps`));
        assert.equal(azure.path, `network.nodeSubnetId (VNet "hub" address space)`);
        assert.equal(azure.message, `VNet "hub" address space overlaps`);
        assert.deepEqual(azure.segments, ["network", "nodeSubnetId"]);
    });

    it("a message worded any way is relocated alike: the path is never looked for in the text", () => {
        const table = new PathMap([{ from: ["podCidrs"], to: ["network", "podCidrs"] }]);
        for (const words of [t`see ${at("podCidrs")}`, t`${at("podCidrs")}: see`, t`(${at("podCidrs")})`]) {
            assert.ok(table.relocate(diagnostic("info", "R1", [], words)).message.includes("network.podCidrs"));
        }
        // A literal mention is words, not a path: it stays as written.
        assert.equal(table.relocate(diagnostic("info", "R1", [], "podCidrs")).message, "podCidrs");
    });

    it("keeps a note or label through a later mapping, and prefixes with mapPaths", () => {
        const table = new PathMap([{ from: ["nodePools", 3], to: ["pool"], whole: true, label: `NodePool "edge" pool` }]);
        const labelled = table.relocate(diagnostic("error", "R43", ["nodePools", 3, "name"], t`${at("nodePools", 3, "name")} is bad`));
        assert.equal(labelled.path, `NodePool "edge" pool`);
        const config = mapPaths(labelled, (p: Path) => ["cfg", ...p]);
        assert.equal(config.path, `NodePool "edge" pool`);
        assert.deepEqual(config.segments, ["cfg", "pool"]);
    });

    it("escalates only the named warnings, saying why", () => {
        const list = [
            diagnostic("warning", "R34", ["a"], t`${at("a")} shadows`),
            diagnostic("warning", "R35", ["b"], "x"),
            diagnostic("info", "R34", ["c"], "y"),
        ];
        const out = escalate(list, ["R34"], "made an error");
        assert.deepEqual(
            out.map((d) => d.severity),
            ["error", "warning", "info"],
        );
        assert.equal(out[0].message, "a shadows (made an error)");
        assert.deepEqual(out[0].template[0], { path: ["a"] });
    });
});
