/**
 * `aks-network plan` and `validate` on the repository's own Pulumi programs: the root stack program
 * and every examples/<name>/ program, as they appear. Each stack is planned offline; a program
 * without one yet is skipped. The fixtures of a program (its existing Azure network) are passed with
 * --fixtures: examples/plans/<name>.fixtures.yaml, or a fixtures.yaml next to the program.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { AKS_CLUSTER_TYPE } from "../../lib/azure/aksCluster";
import type { PlanResult } from "../../lib/cli/plan/types";
import { SECRET_PLACEHOLDER } from "../../lib/cli/project";
import { ROOT, runCli, tempDir } from "./helpers";

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

/** The fixtures file of a program, if there is one. */
function fixturesOf(dir: string): string | undefined {
    return [
        path.join(ROOT, "examples", "plans", `${path.basename(dir)}.fixtures.yaml`),
        path.join(dir, "fixtures.yaml"),
        path.join(dir, "fixtures.json"),
    ].find((f) => dir !== ROOT && fs.existsSync(f));
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
        const stacks = fs
            .readdirSync(dir)
            .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f))
            .filter((m): m is RegExpExecArray => m !== null);
        for (const m of stacks) {
            const stackFile = path.join(dir, m[0]);
            it(`plans ${rel} stack ${m[1]} offline, nothing secret printed`, () => {
                const fixtures = fixturesOf(dir);
                const r = runCli([
                    "plan",
                    "--dir",
                    dir,
                    "--stack",
                    m[1],
                    "--format",
                    "json",
                    ...(fixtures ? ["--fixtures", fixtures] : []),
                ]);
                assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
                const result = JSON.parse(r.stdout) as PlanResult;
                assert.equal(result.kind, "aks-network-plan");
                assert.equal(result.stack, m[1]);
                assert.ok(result.resources.length > 0);
                assert.equal(result.status, "ok", result.error ?? "");
                // A program built on AksCluster exports its network plan; a raw azure-native one has none.
                const built = result.resources.some((x) => x.type === AKS_CLUSTER_TYPE);
                assert.equal(result.networkPlans.length > 0, built, `network plans found: ${result.networkPlans.length}`);
                for (const s of [...ciphertexts(stackFile), SECRET_PLACEHOLDER])
                    assert.ok(!(r.stdout + r.stderr).includes(s), `printed ${s}`);
            });
        }
    }

    const urnList = path.join(ROOT, "test", "stack", "expected-dev-urns.json");
    it("plans the root program's dev stack with exactly the checked-in URNs (the engine's form)", function () {
        if (!fs.existsSync(urnList) || !fs.existsSync(path.join(ROOT, "Pulumi.dev.yaml"))) this.skip();
        const r = runCli(["plan", "--stack", "dev", "--format", "json"]);
        assert.equal(r.status, 0, r.stderr);
        const urns = (JSON.parse(r.stdout) as PlanResult).resources
            .filter((x) => x.type !== "pulumi:pulumi:Stack")
            .map((x) => x.urn)
            .sort();
        assert.deepEqual(urns, (JSON.parse(fs.readFileSync(urnList, "utf8")) as string[]).sort());
        // Gateway mode and the probe are on in the dev stack: the plan shows the Gateway, the HTTPRoute and the Jobs.
        for (const shown of [
            "v1:Gateway::aks-ingress-gateway",
            "v1:HTTPRoute::aks-sample-httpRoute-hello",
            "Job::aks-probe-job-ipv4",
            "Job::aks-probe-job-ipv6",
        ])
            assert.ok(
                urns.some((u) => u.endsWith(shown)),
                `the plan shows ${shown}`,
            );
    });

    const byo = path.join(ROOT, "examples", "byo-vnet-hub-spoke");
    const byoFixtures = path.join(ROOT, "examples", "plans", "byo-vnet-hub-spoke.fixtures.yaml");
    it("fails the hub-and-spoke example offline when the hub's range is the pod CIDR, naming the peering", function () {
        if (!fs.existsSync(path.join(byo, "Pulumi.yaml"))) this.skip();
        const t = tempDir();
        try {
            const overlap = path.join(t.dir, "overlap.yaml");
            const text = fs.readFileSync(byoFixtures, "utf8");
            assert.match(text, /remoteAddressSpaces: \[10\.0\.0\.0\/16\]/);
            fs.writeFileSync(overlap, text.replace("remoteAddressSpaces: [10.0.0.0/16]", "remoteAddressSpaces: [100.64.0.0/16]"));
            const r = runCli(["plan", "--dir", byo, "--fixtures", overlap, "--format", "json"]);
            assert.equal(r.status, 1, r.stderr);
            const result = JSON.parse(r.stdout) as PlanResult;
            assert.equal(result.status, "failed");
            assert.match(result.error ?? "", /error R38 network\.podCidrs\[0\]: .*peering "spoke-to-hub"/);
        } finally {
            t.remove();
        }
    });
});
