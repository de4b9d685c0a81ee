/**
 * `aks-network validate`, end to end: the example plans, stack config files, exit codes, the JSON
 * report, secrets, and files that can't be read or parsed.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { errorLines, FIXTURES, NEVER_PRINTED, PLANS, runCli, tempDir } from "./helpers";

const plan = (name: string) => path.join(PLANS, name);
const stackConfig = (name: string) => path.join(FIXTURES, "stack-config", name);

describe("aks-network validate", () => {
    describe("network plans", () => {
        for (const name of ["dual-stack-overlay.json", "overlay-basic.json", "byo-hub-spoke.json", "windows-dual-stack.yaml"]) {
            it(`accepts examples/plans/${name}: exit 0, verdict accept`, () => {
                const r = runCli(["validate", plan(name)]);
                assert.equal(r.status, 0, r.stdout + r.stderr);
                assert.match(r.stdout, /^AKS network plan: accept$/m);
                assert.match(r.stdout, /^Capacity$/m);
                assert.doesNotMatch(r.stdout, /^error /m);
            });
        }

        it("fails a service range shadowing the hub as AksCluster does (R34 made an error by default), and exits 0 on warnings", () => {
            const r = runCli(["validate", plan("service-range-shadows-hub.json")]);
            assert.equal(r.status, 1, r.stdout);
            assert.match(r.stdout, /^error R34 serviceCidrs\[0\]: .*"hub".*\(a warning made an error by --warnings-as-errors\)$/m);
            const lenient = runCli(["validate", plan("service-range-shadows-hub.json"), "--warnings-as-errors", "none"]);
            assert.equal(lenient.status, 0);
            assert.match(lenient.stdout, /^AKS network plan: warn$/m);
            assert.match(lenient.stdout, /^warning R34 serviceCidrs\[0\]: .*"hub"/m);
            const bad = runCli(["validate", plan("service-range-shadows-hub.json"), "--warnings-as-errors", "R34,x"]);
            assert.equal(bad.status, 2);
        });

        it("reports every problem of the broken plan at once with its path, exit 1", () => {
            const r = runCli(["validate", plan("broken-many-problems.json")]);
            assert.equal(r.status, 1);
            assert.match(r.stdout, /^AKS network plan: reject$/m);
            const errors = r.stdout.split("\n").filter((l) => l.startsWith("error "));
            const ids = errors.map((l) => l.split(" ").slice(1, 3).join(" "));
            for (const expected of [
                "R1 connectedNetworks[1]:",
                "R13 serviceCidrs[0]:",
                "R17 dnsServiceIP:",
                "R73 nodeSubnets[0].ipv6Cidr:",
                "R33 serviceCidrs[1]:",
                "R36 podCidrs[0]:",
                "R43 nodePools[0].name:",
                "R45 nodePools[0].maxPods:",
                "R44 nodePools[2].name:",
                "R58 nodeSubnets[0].cidr:",
            ]) {
                assert.ok(ids.includes(expected), `missing ${expected} in:\n${errors.join("\n")}`);
            }
            assert.ok(errors.length >= 10);
            // The capacity table is printed even when the plan is rejected.
            assert.match(r.stdout, /^subnet +cidr +role +usable/m);
        });

        it("prints the describeNetworkPlan report with --format json", () => {
            const r = runCli(["validate", plan("overlay-basic.json"), "--format", "json"]);
            assert.equal(r.status, 0);
            const report = JSON.parse(r.stdout) as Record<string, unknown>;
            assert.deepEqual(Object.keys(report).sort(), ["capacity", "diagnostics", "effective", "verdict"]);
            assert.equal(report.verdict, "accept");
            const eff = report.effective as { podCidrs: string[]; nodePools: { name: string; maxCount: number | null }[] };
            assert.deepEqual(eff.podCidrs, ["10.244.0.0/16"]);
            assert.deepEqual(
                eff.nodePools.map((p) => [p.name, p.maxCount]),
                [
                    ["system", null],
                    ["apps", 10],
                ],
            );
            const cap = report.capacity as { nodes: { count: number; max: number } };
            assert.deepEqual([cap.nodes.count, cap.nodes.max], [5, 13]);
        });

        it("exits 1 with --format json on a broken plan, diagnostics in the JSON", () => {
            const r = runCli(["validate", plan("broken-many-problems.json"), "--format", "json"]);
            assert.equal(r.status, 1);
            const report = JSON.parse(r.stdout) as { verdict: string; diagnostics: { severity: string; ruleId: string; path: string }[] };
            assert.equal(report.verdict, "reject");
            assert.ok(report.diagnostics.some((d) => d.severity === "error" && d.ruleId === "R17" && d.path === "dnsServiceIP"));
        });

        it("renders markdown tables with --format markdown", () => {
            const r = runCli(["validate", plan("broken-many-problems.json"), "--format", "markdown"]);
            assert.equal(r.status, 1);
            assert.match(r.stdout, /^## AKS network plan: reject$/m);
            assert.match(r.stdout, /^\| error \| R17 \| `dnsServiceIP` \|/m);
        });
    });

    describe("Pulumi stack config files", () => {
        it("validates the aks-network:* keys as AksClusterArgs: exit 0, secure values neither decrypted nor printed", () => {
            const r = runCli(["validate", stackConfig("Pulumi.dev.yaml")]);
            assert.equal(r.status, 0, r.stdout + r.stderr);
            assert.match(r.stdout, /^AKS network plan: accept$/m);
            assert.match(r.stdout, /dual-stack \(IPv4, IPv6\), Kubernetes 1\.33/);
            assert.match(
                r.stderr,
                /^aks-network: read aks-network:clusterName, .*aks-network:windows as AksClusterArgs of component "dev"; the program's own: aks-network:windowsAdminPassword, aks-network:name, aks-network:ingress$/m,
            );
            // The Windows pool is part of the plan.
            assert.match(r.stdout, /^win +Windows \(Windows2022\) +User/m);
            for (const s of NEVER_PRINTED) assert.ok(!(r.stdout + r.stderr).includes(s), `printed ${s}`);
        });

        it("reports the config's, the component's and the planner's problems at once by config path, exit 1", () => {
            const r = runCli(["validate", stackConfig("Pulumi.broken.yaml")]);
            assert.equal(r.status, 1);
            const errors = r.stdout
                .split("\n")
                .filter((l) => l.startsWith("error "))
                .map((l) => l.split(": ")[0]);
            assert.deepEqual(errors, [
                "error S1 aks-network:netwrk",
                "error S1 aks-network:sampleApp.replicas",
                "error A2 aks-network:clusterName",
                "error A1 aks-network:apiServer",
                "error R17 aks-network:network.dnsServiceIP",
                "error R33 aks-network:network.serviceCidrs[0]",
                "error R43 aks-network:nodePools[0].name",
                "error R45 aks-network:nodePools[0].maxPods",
            ]);
            assert.match(
                r.stdout,
                /^error S1 aks-network:netwrk: aks-network:netwrk is not a setting of this program; did you mean aks-network:network\?$/m,
            );
            for (const s of NEVER_PRINTED) assert.ok(!(r.stdout + r.stderr).includes(s), `printed ${s}`);
        });

        it("keeps secure values out of the JSON report", () => {
            const r = runCli(["validate", stackConfig("Pulumi.dev.yaml"), "--format", "json"]);
            assert.equal(r.status, 0);
            const report = JSON.parse(r.stdout) as { effective: { windowsProfile: unknown } };
            assert.deepEqual(report.effective.windowsProfile, { adminUsername: "azureuser", hasPassword: true });
            for (const s of NEVER_PRINTED) assert.ok(!r.stdout.includes(s), `printed ${s}`);
        });

        it("exits 2 for a stack config without aks-network keys, and reads another namespace with --namespace", () => {
            const t = tempDir();
            try {
                const file = path.join(t.dir, "Pulumi.other.yaml");
                fs.writeFileSync(
                    file,
                    "config:\n  other:network:\n    podCidrs: [10.244.0.0/16]\n  other:apiServer:\n    privateCluster: true\n  aks-network:network: 3\n",
                );
                fs.writeFileSync(path.join(t.dir, "Pulumi.none.yaml"), "config:\n  other:network:\n    podCidrs: [10.244.0.0/16]\n");
                const r = runCli(["validate", path.join(t.dir, "Pulumi.none.yaml")]);
                assert.equal(r.status, 2);
                assert.deepEqual(errorLines(r), [
                    `aks-network: ${path.join(t.dir, "Pulumi.none.yaml")} is a stack config file without aks-network:* keys; nothing to validate (use --namespace for another config namespace)`,
                ]);
                const wrongShape = runCli(["validate", file]);
                assert.equal(wrongShape.status, 1, "aks-network:network of the wrong kind");
                assert.match(
                    wrongShape.stdout,
                    /^error A22 aks-network:network: aks-network:network is 3 \(number\); write an object \(ClusterNetworkArgs\)/m,
                );
                const ok = runCli(["validate", file, "--namespace", "other"]);
                assert.equal(ok.status, 0, ok.stdout + ok.stderr);
                assert.match(ok.stdout, /^IPv4 +10\.244\.0\.0\/16/m);
            } finally {
                t.remove();
            }
        });
    });

    describe("unreadable and unparsable input (exit 2, one line)", () => {
        const cases: [string, (dir: string) => string, RegExp][] = [
            ["a missing file", (d) => path.join(d, "missing.json"), /^aks-network: cannot read .*missing\.json: no such file$/],
            ["a folder", (d) => d, /^aks-network: cannot read .*: it is a directory$/],
            [
                "invalid JSON",
                (d) => write(d, "bad.json", '{ "podCidrs": ["10.244.0.0/16", }'),
                /^aks-network: cannot parse .*bad\.json: .+/,
            ],
            [
                "invalid YAML",
                (d) => write(d, "bad.yaml", "podCidrs: [10.244.0.0/16\nserviceCidrs: : :\n"),
                /^aks-network: cannot parse .*bad\.yaml: .+/,
            ],
            ["an empty file", (d) => write(d, "empty.yaml", ""), /^aks-network: cannot parse .*empty\.yaml: the file is empty$/],
            [
                "a list instead of a plan",
                (d) => write(d, "list.json", "[1, 2]"),
                /^aks-network: cannot validate .*list\.json: expected a network plan .*, not a list$/,
            ],
        ];
        for (const [what, make, expected] of cases) {
            it(`exits 2 for ${what}`, () => {
                const t = tempDir();
                try {
                    const r = runCli(["validate", make(t.dir)]);
                    assert.equal(r.status, 2);
                    assert.equal(r.stdout, "");
                    const lines = r.stderr.trim().split("\n");
                    assert.equal(lines.length, 1, r.stderr);
                    assert.match(lines[0], expected);
                } finally {
                    t.remove();
                }
            });
        }
    });
});

function write(dir: string, name: string, text: string): string {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
}
