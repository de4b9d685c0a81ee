/**
 * `aks-network plan` and `validate` on the repository's own Pulumi programs: the root stack program
 * and every examples/<name>/ program, as they appear. Each stack is planned offline; a program
 * without one yet is skipped. A fixtures.yaml (or fixtures.json) next to a program is passed with
 * --fixtures.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import type { PlanResult } from "../../lib/cli/plan/types";
import { SECRET_PLACEHOLDER } from "../../lib/cli/project";
import { ROOT, runCli } from "./helpers";

/** The `secure:` ciphertexts of a stack file, which must never be printed. */
function ciphertexts(file: string): string[] {
    const found: string[] = [];
    const walk = (v: unknown) => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === "object") {
            const o = v as Record<string, unknown>;
            if (typeof o.secure === "string") found.push(o.secure);
            else Object.values(o).forEach(walk);
        }
    };
    walk(parseYaml(fs.readFileSync(file, "utf8")));
    return found;
}

function programs(): string[] {
    const dirs = [ROOT];
    const examples = path.join(ROOT, "examples");
    if (fs.existsSync(examples)) {
        for (const e of fs.readdirSync(examples, { withFileTypes: true })) if (e.isDirectory()) dirs.push(path.join(examples, e.name));
    }
    return dirs.filter((d) => fs.existsSync(path.join(d, "Pulumi.yaml")));
}

describe("aks-network on the repository's programs", () => {
    const found = programs();
    if (found.length === 0) {
        it("has no Pulumi program yet (skipped)", function () {
            this.skip();
        });
    }
    for (const dir of found) {
        const rel = path.relative(ROOT, dir) || ".";
        const stacks = fs.readdirSync(dir).map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)).filter((m): m is RegExpExecArray => m !== null);
        for (const m of stacks) {
            const stackFile = path.join(dir, m[0]);
            it(`plans ${rel} stack ${m[1]} offline, nothing secret printed`, () => {
                const fixtures = ["fixtures.yaml", "fixtures.json"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
                const r = runCli(["plan", "--dir", dir, "--stack", m[1], "--format", "json", ...(fixtures ? ["--fixtures", fixtures] : [])]);
                assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
                const result = JSON.parse(r.stdout) as PlanResult;
                assert.equal(result.kind, "aks-network-plan");
                assert.equal(result.stack, m[1]);
                assert.ok(result.resources.length > 0);
                if (result.status === "ok") assert.ok(result.networkPlans.length > 0, "a network plan is found in the outputs");
                for (const s of [...ciphertexts(stackFile), SECRET_PLACEHOLDER]) assert.ok(!(r.stdout + r.stderr).includes(s), `printed ${s}`);
            });
        }
    }
});
