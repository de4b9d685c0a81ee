/**
 * The `aks-network` command line: help on every command, usage errors as one line with exit 2.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { errorLines, ROOT, runCli } from "./helpers";

describe("aks-network command line", () => {
    it("prints the overview with --help and exits 0", () => {
        const r = runCli(["--help"]);
        assert.equal(r.status, 0);
        assert.match(r.stdout, /^usage: aks-network <command>/);
        for (const c of ["validate", "plan", "diff"]) assert.match(r.stdout, new RegExp(`^  ${c} `, "m"));
        assert.equal(r.stderr, "");
    });

    for (const [command, usage] of [
        ["validate", /^usage: aks-network validate <file>/],
        ["plan", /^usage: aks-network plan \[--dir DIR\]/],
        ["diff", /^usage: aks-network diff <base\.json> <head\.json>/],
    ] as const) {
        it(`prints the help of ${command} with --help, -h and help ${command}`, () => {
            for (const args of [
                [command, "--help"],
                [command, "-h"],
                ["help", command],
            ]) {
                const r = runCli(args);
                assert.equal(r.status, 0, `${args.join(" ")}: ${r.stderr}`);
                assert.match(r.stdout, usage);
                assert.match(r.stdout, /exit status: 0 /);
            }
        });

        it(`answers --help for ${command} even with other arguments`, () => {
            const r = runCli([command, "some-file.json", "--help"]);
            assert.equal(r.status, 0);
            assert.match(r.stdout, usage);
        });
    }

    it("prints the version of package.json with --version and exits 0", () => {
        const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
        const r = runCli(["--version"]);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout, `${version}\n`);
        assert.equal(r.stderr, "");
        assert.match(runCli(["--help"]).stdout, /^ {2}--version /m);
        const extra = runCli(["--version", "now"]);
        assert.equal(extra.status, 2);
        assert.deepEqual(errorLines(extra), ['aks-network: --version takes no arguments; unexpected "now"; run aks-network --version']);
    });

    it("exits 2 with the overview on stderr when no command is given", () => {
        const r = runCli([]);
        assert.equal(r.status, 2);
        assert.equal(r.stdout, "");
        assert.match(r.stderr, /^usage: aks-network <command>/);
    });

    it("rejects an unknown command in one line, exit 2", () => {
        const r = runCli(["deploy"]);
        assert.equal(r.status, 2);
        assert.equal(r.stdout, "");
        assert.deepEqual(errorLines(r), [
            `aks-network: unknown command "deploy"; the commands are validate, plan and diff (run aks-network --help)`,
        ]);
        assert.equal(r.stderr.trim().split("\n").length, 1);
    });

    it("rejects unknown options, missing option values and bad formats in one line, exit 2", () => {
        const cases: [string[], RegExp][] = [
            [["validate", "x.json", "--colour"], /^aks-network: unknown option --colour for validate; run "aks-network validate --help"$/],
            [["plan", "--format"], /^aks-network: option --format of plan needs a value; run "aks-network plan --help"$/],
            [
                ["diff", "a.json", "b.json", "--format", "html"],
                /^aks-network: --format must be text, markdown or json, not "html"; run "aks-network diff --help"$/,
            ],
            [["validate"], /^aks-network: validate needs <file>; missing <file>; run "aks-network validate --help"$/],
            [["diff", "a.json"], /^aks-network: diff needs <base\.json> <head\.json>; missing <head\.json>/],
            [["plan", "extra"], /^aks-network: plan takes no arguments; unexpected "extra"/],
            [["plan", "--timeout", "soon"], /^aks-network: --timeout must be a number of seconds above 0, not "soon"$/],
            [["help", "deploy"], /^aks-network: unknown command "deploy"/],
        ];
        for (const [args, expected] of cases) {
            const r = runCli(args);
            assert.equal(r.status, 2, args.join(" "));
            assert.equal(r.stdout, "", args.join(" "));
            const lines = r.stderr.trim().split("\n");
            assert.equal(lines.length, 1, `${args.join(" ")}: ${r.stderr}`);
            assert.match(lines[0], expected);
        }
    });
});
