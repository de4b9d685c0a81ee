/**
 * Reading the command's input files: parse errors keep their line and column, and a file that is not
 * text is named as such instead of being parsed (and its bytes printed).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "../../lib/cli/errors";
import { isText, lineAndColumn, parseStructured, readStructuredFile } from "../../lib/cli/io";
import { tempDir } from "./helpers";

/** The message of the UsageError that `f` throws. */
function usageError(f: () => unknown): string {
    try {
        f();
    } catch (e) {
        assert.ok(e instanceof UsageError, `not a UsageError: ${String(e)}`);
        return e.message;
    }
    assert.fail("no error was thrown");
}

describe("cli input files", () => {
    it("keeps the line and column of a YAML syntax error", () => {
        const text = "network:\n  podCidrs: [10.244.0.0/16\n  serviceCidrs: [10.0.0.0/16]\nname: x\n";
        const message = usageError(() => parseStructured(text, "Pulumi.dev.yaml"));
        assert.match(message, /^cannot parse Pulumi\.dev\.yaml: .+ \(line \d+, column \d+\)$/);
        assert.doesNotMatch(message, /\n/, "one line, without the excerpt of the text");
        const nested = usageError(() => parseStructured("a: 1\n  b: 2\n", "plan.yaml"));
        assert.equal(nested, "cannot parse plan.yaml: Nested mappings are not allowed in compact mappings (line 1, column 4)");
    });

    it("gives the line and column of a JSON syntax error, from its position", () => {
        const message = usageError(() => parseStructured('{\n  "a": 1,\n  "b": ]\n}', "plan.json"));
        assert.equal(message, "cannot parse plan.json: Unexpected token ']' (line 3, column 8)");
        const long = `{\n  "name": "a value long enough to be cut",\n  "other": "also long enough", "x": }`;
        assert.equal(
            usageError(() => parseStructured(long, "plan.json")),
            "cannot parse plan.json: Unexpected token '}' (line 3, column 37)",
        );
        assert.equal(
            usageError(() => parseStructured('{\n  "a" 1\n}', "plan.json")),
            "cannot parse plan.json: Expected ':' after property name (line 2, column 7)",
        );
        assert.match(
            usageError(() => parseStructured('{\n  "a": 1', "plan.json")),
            /\(line 2, column 9\)$/,
        );
        assert.deepEqual(lineAndColumn("ab\ncd", 0), { line: 1, column: 1 });
        assert.deepEqual(lineAndColumn("ab\ncd", 4), { line: 2, column: 2 });
    });

    it("says a binary file is not a text file, without printing its bytes", () => {
        const t = tempDir();
        try {
            const png = path.join(t.dir, "plan.yaml");
            fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
            assert.equal(
                usageError(() => readStructuredFile(png)),
                `cannot read ${png}: not a text file (binary, or not UTF-8); pass a JSON or YAML file`,
            );
            const latin1 = path.join(t.dir, "plan.json");
            fs.writeFileSync(latin1, Buffer.from('{"name": "caf\xe9"}', "latin1"));
            assert.match(
                usageError(() => readStructuredFile(latin1)),
                /: not a text file /,
            );
            const bom = path.join(t.dir, "bom.json");
            fs.writeFileSync(bom, `\uFEFF{"a": 1}`);
            assert.deepEqual(readStructuredFile(bom), { a: 1 }, "a UTF-8 byte order mark is not part of the JSON");
        } finally {
            t.remove();
        }
        assert.equal(isText(Buffer.from("plain: text\n")), true);
        assert.equal(isText(Buffer.from("naïve: ✓\n")), true);
        assert.equal(isText(Buffer.from([0x61, 0x00, 0x62])), false);
    });
});
