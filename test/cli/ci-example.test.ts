/**
 * The example CI workflow's commands (examples/ci/aks-network-diff.sh) on two plans of the fixture
 * program, as the workflow runs them (not GitHub itself).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import { command, FIXTURES, ROOT, tempDir } from "./helpers";

const SCRIPT = path.join(ROOT, "examples", "ci", "aks-network-diff.sh");

function runScript(env: Record<string, string>): { status: number | null; out: string; stderr: string } {
    // The script splits AKS_NETWORK on spaces, as a workflow's "npx --no-install aks-network".
    const cli = [process.execPath, ...command()].join(" ");
    const r = spawnSync("bash", [SCRIPT], { env: { ...process.env, AKS_NETWORK: cli, ...env }, encoding: "utf8", timeout: 240_000 });
    return { status: r.status, out: env.OUT, stderr: r.stderr };
}

describe("examples/ci", () => {
    let t: { dir: string; remove: () => void };
    before(() => (t = tempDir()));
    after(() => t.remove());

    it("plans base and head, writes the comment and the report, and exits 4 on a failing class", function () {
        this.timeout(300_000);
        const out = path.join(t.dir, "gate");
        const r = runScript({
            BASE_DIR: path.join(FIXTURES, "mini-stack"),
            HEAD_DIR: path.join(FIXTURES, "mini-stack-pr"),
            FAIL_ON: "replace,blocked",
            OUT: out,
        });
        assert.equal(r.status, 4, r.stderr);
        assert.equal(fs.readFileSync(path.join(out, "exit-code"), "utf8").trim(), "4");
        const comment = fs.readFileSync(path.join(out, "comment.md"), "utf8");
        assert.match(comment, /^\*\*aks-network diff mini-aks\/dev: 6 replacements, 1 blocked, 2 safe\*\*$/m);
        assert.match(comment, /^<!-- aks-network-diff:mini-aks\/dev -->$/m);
        assert.ok(fs.readFileSync(path.join(out, "report.md"), "utf8").length >= comment.length);
        for (const f of ["base.json", "head.json"])
            assert.equal(JSON.parse(fs.readFileSync(path.join(out, f), "utf8")).kind, "aks-network-plan");
    });

    it("exits 0 when the label lifts the gate (no FAIL_ON)", function () {
        this.timeout(300_000);
        const out = path.join(t.dir, "allowed");
        const r = runScript({
            BASE_DIR: path.join(FIXTURES, "mini-stack"),
            HEAD_DIR: path.join(FIXTURES, "mini-stack-pr"),
            FAIL_ON: "",
            OUT: out,
        });
        assert.equal(r.status, 0, r.stderr);
    });

    it("the workflow runs the script, finds its comment by the marker and gates on the exit code", () => {
        const wf = YAML.parse(fs.readFileSync(path.join(ROOT, "examples", "ci", "aks-network-diff.yml"), "utf8")) as {
            env: Record<string, string>;
            jobs: { diff: { steps: { run?: string; with?: { script?: string } }[] } };
        };
        assert.equal(wf.env.FAIL_ON, "replace,blocked");
        const steps = wf.jobs.diff.steps;
        assert.ok(steps.some((s) => s.run?.includes("aks-network-diff.sh")));
        assert.ok(steps.some((s) => s.with?.script?.includes("<!-- aks-network-diff:")));
        assert.ok(steps.some((s) => s.run?.includes("GITHUB_STEP_SUMMARY")));
        assert.ok(steps.some((s) => s.run?.includes("4)")));
    });
});
