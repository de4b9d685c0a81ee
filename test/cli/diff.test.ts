/**
 * `aks-network diff`: the comparison itself on hand-made plan results, and end to end on two plans of
 * the fixture program (main and a pull request's config).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { AKS_CLUSTER_TYPE } from "../../lib/azure/aksCluster";
import { diffExitStatus, diffPlans, formatPlanDiff, MAX_COMMENT, parseFailOn, PlanDiff } from "../../lib/cli/diff";
import type { PlannedResource, PlanResult } from "../../lib/cli/plan/types";
import { describeNetworkPlan, NetworkPlan } from "../../lib/network";
import { FIXTURES, PLANS, runCli, tempDir } from "./helpers";
import { planResult as basePlanResult, resource as plannedResource, URN } from "./risk/plans";

function resource(type: string, name: string, inputs: PlannedResource["inputs"], extra: Partial<PlannedResource> = {}): PlannedResource {
    return { ...plannedResource(type, name, inputs), ...extra };
}

function planResult(resources: PlannedResource[], plans: NetworkPlan[] = [], extra: Partial<PlanResult> = {}): PlanResult {
    const networkPlans = plans.map((p, i) => ({
        owner: URN(AKS_CLUSTER_TYPE, `c${i}`),
        output: "networkPlan",
        label: `c${i}`,
        report: describeNetworkPlan(p),
    }));
    return basePlanResult(resources, { networkPlans, ...extra });
}

const readPlan = (name: string) => JSON.parse(fs.readFileSync(path.join(PLANS, name), "utf8")) as NetworkPlan;

describe("aks-network diff", () => {
    describe("diffPlans", () => {
        const pool = (name: string, maxCount: number) =>
            resource("azure-native:containerservice:AgentPool", name, {
                agentPoolName: name,
                maxCount,
                vmSize: "Standard_D8ds_v5",
                nodeLabels: { team: "a" },
            });

        it("pairs resources by URN: added, removed, changed (key properties first), unchanged", () => {
            const base = planResult([
                pool("apps", 10),
                pool("old", 3),
                resource("kubernetes:core/v1:Namespace", "demo", { metadata: { name: "demo" } }),
            ]);
            const head = planResult([
                { ...pool("apps", 20), inputs: { ...pool("apps", 20).inputs, nodeLabels: { team: "b" } } },
                pool("gpu", 4),
                resource("kubernetes:core/v1:Namespace", "demo", { metadata: { name: "demo" } }),
            ]);
            const d = diffPlans(base, head);
            assert.deepEqual(
                d.resources.added.map((r) => r.name),
                ["gpu"],
            );
            assert.deepEqual(
                d.resources.removed.map((r) => r.name),
                ["old"],
            );
            assert.equal(d.resources.unchanged, 1);
            assert.equal(d.resources.changed.length, 1);
            assert.deepEqual(d.resources.changed[0].changes, [
                { path: "maxCount", base: 10, head: 20, key: true },
                { path: "nodeLabels.team", base: "a", head: "b", key: true },
            ]);
            assert.deepEqual(d.resources.renamed, []);
        });

        it("flags a resource removed and added with the same inputs as a rename that needs an alias", () => {
            const base = planResult([
                resource("azure-native:network:Subnet", "aks-nodes", { subnetName: "nodes", addressPrefix: "10.224.0.0/16" }),
            ]);
            const head = planResult([
                resource("azure-native:network:Subnet", "cluster-nodes", { subnetName: "nodes", addressPrefix: "10.224.0.0/16" }),
            ]);
            const d = diffPlans(base, head);
            assert.deepEqual(d.resources.renamed, [
                {
                    from: URN("azure-native:network:Subnet", "aks-nodes"),
                    to: URN("azure-native:network:Subnet", "cluster-nodes"),
                    type: "azure-native:network:Subnet",
                },
            ]);
            const md = formatPlanDiff(d, "markdown");
            // Same subnet name, no deleteBeforeReplace: the new subnet's create collides with the old one.
            assert.match(
                md,
                /^- \*\*blocked\*\* replace `azure-native:network:Subnet` `cluster-nodes`: The replacement is create-before-delete, and the new resource keeps the name "nodes": the create fails with "already exists"; set deleteBeforeReplace: true or change the name\. <sub>.*<\/sub>\n {2}- The URN changes from urn:pulumi:dev::p::azure-native:network:Subnet::aks-nodes: without an alias Pulumi deletes the old resource and creates a new one; add aliases: \[\{ name: "aks-nodes" \}\]\.$/m,
            );
        });

        it("reports option and parent changes as key changes", () => {
            const b = resource("azure-native:containerservice:ManagedCluster", "aks", { resourceName: "aks" });
            const h = { ...b, options: { protect: true }, parent: URN(AKS_CLUSTER_TYPE, "aks") };
            const changes = diffPlans(planResult([b]), planResult([h])).resources.changed[0].changes;
            assert.deepEqual(
                changes.map((c) => [c.path, c.key]),
                [
                    ["(option) protect", true],
                    ["(parent)", true],
                ],
            );
        });

        it("compares the network plans: address ranges, capacity and findings", () => {
            const basePlan = readPlan("overlay-basic.json");
            const headPlan = {
                ...basePlan,
                podCidrs: ["10.0.0.0/16"],
                nodePools: [...(basePlan.nodePools ?? []), { name: "batch", count: 3, maxPods: 110 }],
            };
            const d = diffPlans(planResult([], [basePlan]), planResult([], [headPlan]));
            assert.equal(d.networkPlans.length, 1);
            const p = d.networkPlans[0];
            assert.equal(p.change, "changed");
            assert.deepEqual(p.verdict, { base: "accept", head: "reject" });
            const changed = p.addressRanges.filter((r) => r.changed).map((r) => [r.what, r.base, r.head]);
            assert.deepEqual(changed, [
                ["pod CIDRs", "10.244.0.0/16", "10.0.0.0/16"],
                ["pool batch", "-", "Linux User, 3 nodes, maxPods 110, subnet nodes"],
            ]);
            assert.deepEqual(
                p.capacity.find((r) => r.what === "nodes now"),
                { what: "nodes now", base: "5", head: "8", changed: true },
            );
            // The pod CIDR now equals the service CIDR: a new error finding, nothing resolved.
            assert.ok(p.diagnostics.added.some((x) => x.ruleId === "R33" && x.severity === "error"));
            assert.deepEqual(p.diagnostics.removed, []);
            const text = formatPlanDiff(d, "text");
            assert.match(text, /^network plan: c0 accept -> reject$/m);
            assert.match(text, /^ {2}pod CIDRs: 10\.244\.0\.0\/16 -> 10\.0\.0\.0\/16$/m);
            assert.match(text, /^New findings:\n {2}error R33 /m);
        });

        it("marks an unchanged network plan and lists plans added and removed", () => {
            const same = diffPlans(planResult([], [readPlan("overlay-basic.json")]), planResult([], [readPlan("overlay-basic.json")]));
            assert.equal(same.networkPlans[0].change, "unchanged");
            const a = planResult([], [readPlan("overlay-basic.json"), readPlan("byo-hub-spoke.json")]);
            const b = planResult([], [readPlan("overlay-basic.json")]);
            assert.deepEqual(
                diffPlans(b, a).networkPlans.map((p) => [p.label, p.change]),
                [
                    ["c0", "unchanged"],
                    ["c1", "added"],
                ],
            );
            assert.deepEqual(
                diffPlans(a, b).networkPlans.map((p) => [p.label, p.change]),
                [
                    ["c0", "unchanged"],
                    ["c1", "removed"],
                ],
            );
        });

        it("shows a failed program on either side", () => {
            const head = planResult([], [], { status: "failed", error: 'AksCluster "aks": invalid arguments' });
            const md = formatPlanDiff(diffPlans(planResult([]), head), "markdown");
            assert.match(md, /^\*\*The head program failed:\*\*\n\n```\nAksCluster "aks": invalid arguments\n```$/m);
        });

        it("keeps the markdown comment under GitHub's limit", () => {
            const many = Array.from({ length: 3000 }, (_, i) =>
                resource("kubernetes:core/v1:ConfigMap", `cm-${i}`, { metadata: { name: `cm-${i}` }, data: { key: "x".repeat(40) } }),
            );
            const d: PlanDiff = diffPlans(planResult([]), planResult(many));
            const md = formatPlanDiff(d, "markdown");
            assert.ok(md.length <= MAX_COMMENT, `${md.length}`);
            assert.match(
                md,
                /_\d+ more items left out to fit a PR comment of 60,000 characters; run aks-network diff locally for all of them\._/,
            );
            assert.ok(formatPlanDiff(d, "text").length > MAX_COMMENT, "text is never cut");
        });
    });

    describe("end to end", () => {
        let t: { dir: string; remove: () => void };
        let base: string;
        let head: string;
        before(() => {
            t = tempDir();
            base = path.join(t.dir, "base.json");
            head = path.join(t.dir, "head.json");
            for (const [dir, file] of [
                ["mini-stack", base],
                ["mini-stack-pr", head],
            ]) {
                const r = runCli(["plan", "--dir", path.join(FIXTURES, dir), "--format", "json"]);
                assert.equal(r.status, 0, r.stderr);
                fs.writeFileSync(file, r.stdout);
            }
        });
        after(() => t.remove());

        it("compares main and a pull request as text", () => {
            const r = runCli(["diff", base, head]);
            assert.equal(r.status, 0, r.stderr);
            assert.match(r.stdout, /^aks-network plan diff: mini-aks\/dev$/m);
            assert.match(r.stdout, /^resources: 1 to add, 0 to delete, 2 to change, 12 unchanged$/m);
            assert.match(r.stdout, /^6 replacements, 1 blocked, 2 safe$/m);
            // The cluster's replacement takes its Kubernetes provider and every object applied through it.
            assert.match(
                r.stdout,
                /^REPLACE pulumi:providers:kubernetes mini-dev-k8s\n {4}The cluster they run in is replaced \(mini-dev-aks\): the provider built from its kubeconfig is replaced, and with it every object it manages\.$/m,
            );
            assert.match(r.stdout, /^REPLACE kubernetes:core\/v1:Service hello\n {4}The cluster they run in is replaced \(mini-dev-aks\)/m);
            assert.match(r.stdout, /^SAFE create azure-native:containerservice:AgentPool mini-dev-batch\n {4}The resource is created\.$/m);
            assert.match(
                r.stdout,
                /^SAFE update azure-native:containerservice:AgentPool mini-dev-apps\n {4}Changing maxCount \(10 -> 20\) updates it in place\.$/m,
            );
            assert.match(
                r.stdout,
                /^BLOCKED replace azure-native:containerservice:ManagedCluster mini-dev-aks \(container\)\n {4}The replacement is create-before-delete, and the new resource keeps the name "mini-dev": the create fails with "already exists"; set deleteBeforeReplace: true or change the name\.\n {4}Changing networkProfile\.podCidrs \(10\.244\.0\.0\/16, fd12:3456:789a::\/64 -> 10\.240\.0\.0\/14, fd12:3456:789a::\/64\) replaces the cluster; pods lose their addresses\.$/m,
            );
            // Risky changes come before the others.
            assert.ok(r.stdout.indexOf("BLOCKED") < r.stdout.indexOf("SAFE"));
            assert.match(r.stdout, /^ {2}IPv4 pod CIDR: nodes it holds: 256 -> 1,024$/m);
        });

        it("writes a PR comment with --format markdown", () => {
            const r = runCli(["diff", base, head, "--format", "markdown"]);
            assert.equal(r.status, 0, r.stderr);
            assert.match(r.stdout.split("\n")[0], /^\*\*aks-network diff mini-aks\/dev: 6 replacements, 1 blocked, 2 safe\*\*$/);
            assert.match(r.stdout, /^<!-- aks-network-diff:mini-aks\/dev -->$/m);
            assert.ok(!r.stdout.includes("\u001b"), "no ANSI escapes");
            assert.match(r.stdout, /^### Network plan mini-dev: changed$/m);
            assert.match(
                r.stdout,
                /^\| \*\*pod CIDRs\*\* \| 10\.244\.0\.0\/16, fd12:3456:789a::\/64 \| \*\*10\.240\.0\.0\/14, fd12:3456:789a::\/64\*\* \|$/m,
            );
            // Only the rows that changed.
            assert.doesNotMatch(r.stdout, /DNS service IP/);
            assert.match(
                r.stdout,
                /^- \*\*blocked\*\* replace `azure-native:containerservice:ManagedCluster` `mini-dev-aks` \(container\): The replacement is create-before-delete.*\n {2}- Changing `networkProfile\.podCidrs`/m,
            );
            assert.match(
                r.stdout,
                /^<details><summary>Other changes \(2\)<\/summary>\n\n- \*\*safe\*\* update `azure-native:containerservice:AgentPool` `mini-dev-apps`: Changing `maxCount` \(10 → 20\) updates it in place\.$/m,
            );
        });

        it("prints the comparison as JSON with --format json", () => {
            const r = runCli(["diff", base, head, "--format", "json"]);
            assert.equal(r.status, 0);
            const d = JSON.parse(r.stdout) as PlanDiff;
            assert.equal(d.kind, "aks-network-plan-diff");
            assert.equal(d.version, 1);
            assert.deepEqual(
                d.resources.added.map((x) => x.urn),
                [
                    "urn:pulumi:dev::mini-aks::fixture:index:MiniCluster$azure-native:containerservice:ManagedCluster$azure-native:containerservice:AgentPool::mini-dev-batch",
                ],
            );
            assert.deepEqual(
                d.resources.changed.map((c) => [c.name, c.changes.map((x) => x.path)]),
                [
                    ["mini-dev-apps", ["maxCount"]],
                    ["mini-dev-aks", ["networkProfile.podCidrs[0]"]],
                ],
            );
        });

        it("says there is nothing to change for the same plan", () => {
            const r = runCli(["diff", base, base]);
            assert.equal(r.status, 0);
            assert.match(r.stdout, /^network plan: mini-dev accept -> accept \(unchanged\)$/m);
            assert.match(r.stdout, /^No resource changes\.$/m);
        });

        it("exits 2 in one line for files that are not plan results", () => {
            const bad = path.join(t.dir, "v2.json");
            fs.writeFileSync(bad, JSON.stringify({ ...JSON.parse(fs.readFileSync(base, "utf8")), version: 2 }));
            const broken = path.join(t.dir, "broken.json");
            fs.writeFileSync(broken, '{ "kind": ');
            const cases: [string[], RegExp][] = [
                [[path.join(t.dir, "missing.json"), head], /^aks-network: cannot read .*missing\.json: no such file$/],
                [
                    [path.join(PLANS, "overlay-basic.json"), head],
                    /^aks-network: .*overlay-basic\.json is not an aks-network plan result \(expected "kind": "aks-network-plan" from aks-network plan --format json\)$/,
                ],
                [[base, bad], /^aks-network: .*v2\.json is a version 2 plan result; this aks-network reads version 1$/],
                [[base, broken], /^aks-network: cannot parse .*broken\.json: .+/],
            ];
            for (const [args, expected] of cases) {
                const r = runCli(["diff", ...args]);
                assert.equal(r.status, 2, r.stderr);
                assert.equal(r.stdout, "");
                const lines = r.stderr.trim().split("\n");
                assert.equal(lines.length, 1, r.stderr);
                assert.match(lines[0], expected);
            }
        });
    });
});

describe("aks-network diff: risk output", () => {
    const MC = "azure-native:containerservice:ManagedCluster";
    const cluster = (podCidr: string) =>
        resource(MC, "aks", { resourceGroupName: "rg", networkProfile: { podCidr } }, { options: { protect: true } });
    const maps = (n: number, v: string) =>
        Array.from({ length: n }, (_, i) =>
            resource("kubernetes:core/v1:ConfigMap", `cm-${i}`, { metadata: { name: `cm-${i}` }, data: { v } }),
        );

    it("fits a 200-resource change in the budget with the replacements first", () => {
        const d = diffPlans(
            planResult([cluster("10.244.0.0/16"), ...maps(199, "a")]),
            planResult([cluster("10.240.0.0/14"), ...maps(199, "b".repeat(300))]),
        );
        assert.equal(d.changes.length, 200);
        assert.equal(d.changes[0].risk, "replace");
        const md = formatPlanDiff(d, "markdown", { maxChars: 20_000 });
        assert.ok(md.length <= 20_000, `${md.length}`);
        assert.match(md.split("\n")[0], /^\*\*aks-network diff p\/dev: 1 replacement \(1 protected\), 199 safe\*\*$/);
        assert.ok(md.indexOf("networkProfile.podCidr") < md.indexOf("cm-0"));
        assert.match(md, /_\d+ more items left out to fit a PR comment of 20,000 characters/);
        assert.match(md, /<\/details>\n\n_\d+ more items/);
        assert.match(md, /<!-- aks-network-diff:p\/dev -->\n$/);
        assert.ok(formatPlanDiff(d, "markdown").length <= MAX_COMMENT);
        assert.equal(formatPlanDiff(d, "markdown"), formatPlanDiff(d, "markdown"), "deterministic");
    });

    it("never diffs a failed head as deletions", () => {
        const head = planResult([], [], { status: "failed", error: "boom: invalid arguments" });
        const d = diffPlans(planResult([cluster("10.244.0.0/16")]), head);
        assert.equal(d.status, "head-failed");
        assert.deepEqual(d.changes, []);
        assert.deepEqual(d.resources.removed, []);
        const text = formatPlanDiff(d, "text");
        assert.match(text, /^not compared: the head program failed$/m);
        assert.match(text, /^boom: invalid arguments$/m);
        assert.doesNotMatch(text, /delet/i);
        assert.equal(diffExitStatus(d, [], head), 1);
    });

    it("exits 4 for a --fail-on class, 1 for a failed side, 0 otherwise", () => {
        const base = planResult([cluster("10.244.0.0/16")]);
        const head = planResult([cluster("10.240.0.0/14")]);
        const d = diffPlans(base, head);
        assert.equal(diffExitStatus(d, parseFailOn("replace,blocked"), head), 4);
        assert.equal(diffExitStatus(d, parseFailOn("blocked"), head), 0);
        assert.equal(diffExitStatus(d, parseFailOn(undefined), head), 0);
        assert.throws(
            () => parseFailOn("replace,oops"),
            /--fail-on: "replace,oops" is not a list of risk classes; use a comma-separated list of replace, blocked/,
        );
    });

    it("runs end to end: exit 1 and no deletions for a failed head, exit 4 with --fail-on", () => {
        const t = tempDir();
        try {
            const write = (name: string, p: PlanResult) => {
                const file = path.join(t.dir, name);
                fs.writeFileSync(file, JSON.stringify(p));
                return file;
            };
            const base = write("base.json", planResult([cluster("10.244.0.0/16")]));
            const failed = write("failed.json", planResult([], [], { status: "failed", error: "the program threw" }));
            const head = write("head.json", planResult([cluster("10.240.0.0/14")]));
            const f = runCli(["diff", base, failed, "--format", "json"]);
            assert.equal(f.status, 1, f.stderr);
            const j = JSON.parse(f.stdout) as PlanDiff;
            assert.deepEqual([j.status, j.changes, j.resources.removed], ["head-failed", [], []]);
            const r = runCli(["diff", base, head, "--format", "markdown", "--fail-on", "replace,blocked"]);
            assert.equal(r.status, 4, r.stderr);
            assert.match(
                r.stdout,
                /\*\*replace\*\* `azure-native:containerservice:ManagedCluster` `aks` \(protected, container\): Changing `networkProfile\.podCidr` \(10\.244\.0\.0\/16 → 10\.240\.0\.0\/14\) replaces the cluster; pods lose their addresses\./,
            );
            assert.equal(runCli(["diff", base, head, "--fail-on", "everything"]).status, 2);
        } finally {
            t.remove();
        }
    });
});
