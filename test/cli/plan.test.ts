/**
 * `aks-network plan`, end to end in child processes on a small Pulumi program
 * (test/cli/fixtures/mini-stack): the JSON shape, every resource with its parent and provider, the
 * network plan found in the outputs, secrets never printed, --out, failures and exit codes.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parse as parseYaml } from "yaml";
import { planStack } from "../../lib/cli/plan/child";
import { KILL_AFTER_DEADLINE_MS, stoppedText } from "../../lib/cli/plan/isolate";
import type { PlannedResource, PlanResult } from "../../lib/cli/plan/types";
import { CliRun, errorLines, FIXTURES, NEVER_PRINTED, runCli, tempDir } from "./helpers";

const MINI = path.join(FIXTURES, "mini-stack");

function planJson(args: string[], expectStatus = 0): { run: CliRun; result: PlanResult } {
    const run = runCli(["plan", "--format", "json", ...args]);
    assert.equal(run.status, expectStatus, run.stderr);
    return { run, result: JSON.parse(run.stdout) as PlanResult };
}

function assertNothingSecret(text: string): void {
    for (const s of NEVER_PRINTED) assert.ok(!text.includes(s), `printed ${s}`);
}

const byType = (r: PlanResult, type: string): PlannedResource[] => r.resources.filter((x) => x.type === type);
const oneOf = (r: PlanResult, type: string, name?: string): PlannedResource => {
    const found = byType(r, type).filter((x) => name === undefined || x.name === name);
    assert.equal(found.length, 1, `${type} ${name ?? ""}: ${found.map((x) => x.name).join(", ")}`);
    return found[0];
};

describe("aks-network plan", () => {
    let dev: { run: CliRun; result: PlanResult };
    before(() => {
        dev = planJson(["--dir", MINI]);
    });

    describe("the dev stack of the fixture program", () => {
        it("has the documented JSON shape (version 1)", () => {
            const r = dev.result;
            assert.deepEqual(Object.keys(r).sort(), [
                "config",
                "error",
                "kind",
                "log",
                "networkPlans",
                "outputs",
                "preview",
                "program",
                "project",
                "resources",
                "stack",
                "status",
                "summary",
                "tool",
                "version",
            ]);
            assert.equal(r.kind, "aks-network-plan");
            assert.equal(r.version, 1);
            assert.match(r.tool, /^pulumi-aks-network@\d+\.\d+\.\d+/);
            assert.deepEqual([r.project, r.stack, r.status, r.error, r.preview], ["mini-aks", "dev", "ok", null, false]);
            assert.deepEqual(r.program, { runtime: "nodejs", main: "index.ts" });
            for (const res of r.resources) {
                assert.deepEqual(Object.keys(res).sort(), [
                    "custom",
                    "dependsOn",
                    "inputs",
                    "keyProperties",
                    "name",
                    "op",
                    "options",
                    "parent",
                    "provider",
                    "type",
                    "urn",
                ]);
            }
            const urns = r.resources.map((x) => x.urn);
            assert.deepEqual(urns, [...urns].sort(), "resources are sorted by URN");
            assert.equal(r.summary.resources, r.resources.length);
            assert.equal(
                Object.values(r.summary.byType).reduce((a, b) => a + b, 0),
                r.resources.length,
            );
        });

        it("lists every resource pulumi up would create, with parents and providers", () => {
            const r = dev.result;
            assert.deepEqual(r.resources.map((x) => `${x.type} ${x.name}`).sort(), [
                "azure-native:containerservice:AgentPool mini-dev-apps",
                "azure-native:containerservice:ManagedCluster mini-dev-aks",
                "azure-native:network:Subnet mini-dev-aks-nodes",
                "azure-native:network:VirtualNetwork mini-dev-vnet",
                "azure-native:resources:ResourceGroup mini-dev-rg",
                "fixture:index:MiniCluster mini-dev",
                "kubernetes:apps/v1:Deployment hello",
                "kubernetes:core/v1:Namespace demo",
                "kubernetes:core/v1:Secret hello-token",
                "kubernetes:core/v1:Service hello",
                "kubernetes:helm.sh/v4:Chart ingress",
                "pulumi:providers:kubernetes mini-dev-k8s",
                "pulumi:pulumi:Stack mini-aks-dev",
                "random:index/randomPassword:RandomPassword grafana-admin",
            ]);
            const stack = oneOf(r, "pulumi:pulumi:Stack");
            const component = oneOf(r, "fixture:index:MiniCluster");
            const cluster = oneOf(r, "azure-native:containerservice:ManagedCluster");
            const provider = oneOf(r, "pulumi:providers:kubernetes");
            assert.equal(stack.parent, null);
            assert.equal(component.parent, stack.urn);
            assert.equal(cluster.parent, component.urn);
            assert.equal(oneOf(r, "azure-native:containerservice:AgentPool").parent, cluster.urn);
            // The engine's URNs: every ancestor's type but the stack's.
            assert.equal(stack.urn, "urn:pulumi:dev::mini-aks::pulumi:pulumi:Stack::mini-aks-dev");
            assert.equal(
                cluster.urn,
                "urn:pulumi:dev::mini-aks::fixture:index:MiniCluster$azure-native:containerservice:ManagedCluster::mini-dev-aks",
            );
            assert.equal(
                oneOf(r, "azure-native:containerservice:AgentPool").urn,
                "urn:pulumi:dev::mini-aks::fixture:index:MiniCluster$azure-native:containerservice:ManagedCluster$azure-native:containerservice:AgentPool::mini-dev-apps",
            );
            assert.equal(oneOf(r, "kubernetes:core/v1:Service").urn, "urn:pulumi:dev::mini-aks::kubernetes:core/v1:Service::hello");
            for (const t of [
                "kubernetes:apps/v1:Deployment",
                "kubernetes:core/v1:Service",
                "kubernetes:core/v1:Secret",
                "kubernetes:helm.sh/v4:Chart",
            ]) {
                const res = oneOf(r, t);
                assert.equal(res.provider, provider.urn, t);
                assert.equal(res.parent, stack.urn, t);
            }
            assert.equal(component.custom, false);
            assert.equal(oneOf(r, "kubernetes:helm.sh/v4:Chart").custom, false);
            assert.equal(cluster.custom, true);
            assert.ok(r.resources.every((x) => x.op === "create"));
        });

        it("shows key properties and resource options", () => {
            const cluster = oneOf(dev.result, "azure-native:containerservice:ManagedCluster");
            assert.deepEqual(cluster.keyProperties["networkProfile.podCidrs"], ["10.244.0.0/16", "fd12:3456:789a::/64"]);
            assert.deepEqual(cluster.keyProperties["networkProfile.ipFamilies"], ["IPv4", "IPv6"]);
            assert.equal(cluster.keyProperties["networkProfile.networkDataplane"], "cilium");
            assert.equal(cluster.keyProperties["agentPoolProfiles[0].name"], "system");
            assert.deepEqual(cluster.options, { ignoreChanges: ["kubernetesVersion"] });
            const service = oneOf(dev.result, "kubernetes:core/v1:Service");
            assert.equal(service.keyProperties["spec.ipFamilyPolicy"], "RequireDualStack");
            assert.equal(service.keyProperties["spec.externalTrafficPolicy"], "Local");
            const pool = oneOf(dev.result, "azure-native:containerservice:AgentPool");
            assert.equal(pool.keyProperties.maxCount, 10);
        });

        it("fabricates provider outputs: ids, names, load balancer addresses, the AKS credentials", () => {
            const r = dev.result;
            const pool = oneOf(r, "azure-native:containerservice:AgentPool");
            assert.equal(
                pool.inputs.vnetSubnetID,
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mini-dev/providers/Microsoft.Network/virtualNetworks/vnet-mini-dev/subnets/aks-nodes",
            );
            assert.equal(pool.inputs.resourceName, "mini-dev");
            const provider = oneOf(r, "pulumi:providers:kubernetes");
            assert.equal(
                provider.inputs.clusterIdentifier,
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mini-dev/providers/Microsoft.ContainerService/managedClusters/mini-dev",
            );
            const addresses = r.outputs.serviceAddresses as string[];
            assert.equal(addresses.length, 2);
            assert.match(addresses[0], /^\d+\.\d+\.\d+\.\d+$/);
            assert.match(addresses[1], /:/);
        });

        it("finds the network plan report in the component's outputs (the identical stack output only once)", () => {
            const plans = dev.result.networkPlans;
            assert.equal(plans.length, 1);
            assert.equal(plans[0].label, "mini-dev");
            assert.equal(plans[0].output, "networkPlan");
            assert.equal(plans[0].owner, oneOf(dev.result, "fixture:index:MiniCluster").urn);
            assert.equal(plans[0].report.verdict, "accept");
            assert.deepEqual(plans[0].report.effective.serviceCidrs, ["10.0.0.0/16", "fd12:3456:789a:1::/108"]);
            assert.deepEqual(dev.result.outputs.networkPlan, plans[0].report as unknown);
        });

        it("shows encrypted config and every Pulumi secret as [secret] and never prints them", () => {
            const r = dev.result;
            assert.equal(r.config["mini-aks:windowsAdminPassword"], "[secret]");
            assert.equal(r.config["mini-aks:clusterName"], "mini-dev");
            assert.equal(r.config["mini-aks:location"], "westeurope", "project-level default");
            const cluster = oneOf(r, "azure-native:containerservice:ManagedCluster");
            assert.deepEqual(cluster.inputs.windowsProfile, { adminPassword: "[secret]", adminUsername: "azureuser" });
            assert.equal(oneOf(r, "kubernetes:core/v1:Secret").inputs.stringData, "[secret]");
            assert.equal(oneOf(r, "pulumi:providers:kubernetes").inputs.kubeconfig, "[secret]");
            // RandomPassword.result is an engine-marked secret output (additionalSecretOutputs).
            assert.equal((oneOf(r, "kubernetes:helm.sh/v4:Chart").inputs.values as Record<string, unknown>).adminPassword, "[secret]");
            assert.equal(r.outputs.kubeconfig, "[secret]");
            assertNothingSecret(dev.run.stdout + dev.run.stderr);
        });

        it("gives the same JSON on every run (stable input for diff)", () => {
            const again = planJson(["--dir", MINI]);
            assert.equal(again.run.stdout, dev.run.stdout);
        });

        it("prints the report and the resource tree as text, progress on stderr", () => {
            const run = runCli(["plan", "--dir", MINI]);
            assert.equal(run.status, 0, run.stderr);
            assert.match(run.stdout, /^aks-network plan: project mini-aks, stack dev \(index\.ts\), offline update under mocks$/m);
            assert.match(run.stdout, /^AKS network plan \(mini-dev\): accept$/m);
            assert.match(run.stdout, /^Resources \(14; \+ create, > read\)$/m);
            assert.match(run.stdout, /^ {4}\+ azure-native:containerservice:ManagedCluster {2}mini-dev-aks$/m);
            assert.match(run.stdout, /^ {6}\+ azure-native:containerservice:AgentPool {2}mini-dev-apps$/m);
            assert.match(run.stdout, /^ {2}\+ kubernetes:core\/v1:Service {2}hello {2}\[provider mini-dev-k8s\]$/m);
            assert.match(run.stdout, /^ {10}windowsProfile\.adminPassword: \[secret\]$/m);
            assert.match(run.stderr, /^aks-network: running index\.ts of project mini-aks, stack dev, under mocks$/m);
            assert.doesNotMatch(run.stdout, /^aks-network: /m);
            assertNothingSecret(run.stdout + run.stderr);
        });

        it("renders a PR comment with --format markdown", () => {
            const run = runCli(["plan", "--dir", MINI, "--format", "markdown"]);
            assert.equal(run.status, 0);
            assert.match(run.stdout, /^## aks-network plan: mini-aks\/dev$/m);
            assert.match(run.stdout, /^## AKS network plan \(mini-dev\): accept$/m);
            assert.match(run.stdout, /^<details><summary>Resources to create \(14\)<\/summary>$/m);
            assert.match(
                run.stdout,
                /^\| \+ \| &nbsp;&nbsp;&nbsp;&nbsp;`azure-native:containerservice:ManagedCluster` \| `mini-dev-aks` \| mini-dev \|/m,
            );
            assertNothingSecret(run.stdout + run.stderr);
        });

        it("uses the current folder without --dir", () => {
            const run = runCli(["plan", "--format", "json"], MINI);
            assert.equal(run.status, 0, run.stderr);
            assert.equal((JSON.parse(run.stdout) as PlanResult).resources.length, 14);
        });
    });

    describe("--out", () => {
        it("writes the Kubernetes objects and Helm chart values as YAML, secrets hidden", () => {
            const t = tempDir();
            try {
                const out = path.join(t.dir, "k8s");
                const run = runCli(["plan", "--dir", MINI, "--out", out]);
                assert.equal(run.status, 0, run.stderr);
                assert.match(run.stderr, /^aks-network: wrote 5 files to /m);
                assert.deepEqual(fs.readdirSync(out).sort(), [
                    "deployment-demo-hello.yaml",
                    "helm-ingress.values.yaml",
                    "namespace-demo.yaml",
                    "secret-demo-hello-token.yaml",
                    "service-demo-hello.yaml",
                ]);
                const text = (f: string) => fs.readFileSync(path.join(out, f), "utf8");
                const service = parseYaml(text("service-demo-hello.yaml")) as {
                    apiVersion: string;
                    kind: string;
                    metadata: { name: string };
                    spec: Record<string, unknown>;
                };
                assert.deepEqual([service.apiVersion, service.kind, service.metadata.name], ["v1", "Service", "hello"]);
                assert.deepEqual(service.spec.ipFamilies, ["IPv4", "IPv6"]);
                assert.equal(service.spec.externalTrafficPolicy, "Local");
                assert.match(text("service-demo-hello.yaml"), /^# urn:pulumi:dev::mini-aks::kubernetes:core\/v1:Service::hello$/m);
                assert.equal((parseYaml(text("secret-demo-hello-token.yaml")) as { stringData: unknown }).stringData, "[secret]");
                const values = text("helm-ingress.values.yaml");
                assert.match(values, /^# chart: oci:\/\/ghcr\.io\/example\/charts\/ingress$/m);
                assert.match(values, /^# version: 1\.2\.3$/m);
                assert.deepEqual((parseYaml(values) as { controller: unknown }).controller, {
                    replicaCount: 2,
                    service: { externalTrafficPolicy: "Local", ipFamilyPolicy: "RequireDualStack" },
                });
                for (const f of fs.readdirSync(out)) assertNothingSecret(text(f));
            } finally {
                t.remove();
            }
        });
    });

    describe("other stacks", () => {
        it("exits 1 when the network plan has errors (the program still completes)", () => {
            const { result } = planJson(["--dir", MINI, "--stack", "broken"], 1);
            assert.equal(result.status, "ok");
            assert.equal(result.networkPlans[0].report.verdict, "reject");
            const errors = result.networkPlans[0].report.diagnostics
                .filter((d) => d.severity === "error")
                .map((d) => `${d.ruleId} ${d.path}`);
            assert.ok(errors.includes("R13 serviceCidrs[0]"), errors.join(", "));
            assert.ok(errors.includes("R36 podCidrs[0]"), errors.join(", "));
        });

        it("exits 1 with status failed and the program's error when it throws", () => {
            const { run, result } = planJson(["--dir", MINI, "--stack", "throws"], 1);
            assert.equal(result.status, "failed");
            assert.equal(result.error, "cluster name mini-throws is reserved; choose another clusterName");
            assert.deepEqual(
                result.resources.map((r) => r.type),
                ["pulumi:pulumi:Stack"],
            );
            assert.ok(
                errorLines(run).includes(
                    "aks-network: the program failed: cluster name mini-throws is reserved; choose another clusterName",
                ),
            );
        });

        it("answers existing-network lookups from --fixtures (peerings become connected networks)", () => {
            const { result } = planJson(["--dir", MINI, "--stack", "byo", "--fixtures", path.join(MINI, "fixtures.yaml")]);
            assert.equal(result.status, "ok");
            const report = result.networkPlans[0].report;
            assert.deepEqual(report.effective.vnetAddressSpaces, ["10.224.0.0/12"]);
            assert.deepEqual(report.effective.connectedNetworks, [{ name: "to-hub", cidr: "10.100.0.0/16", kind: "peering" }]);
            assert.ok(report.diagnostics.some((d) => d.ruleId === "R38" && d.path === "podCidrs[0]"));
            assert.equal(byType(result, "azure-native:network:VirtualNetwork").length, 0, "an existing network is not created");
            const cluster = oneOf(result, "azure-native:containerservice:ManagedCluster");
            assert.equal(
                cluster.keyProperties["agentPoolProfiles[0].vnetSubnetID"],
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/aks-nodes",
            );
        });

        it("fails naming --fixtures when a lookup has no offline answer", () => {
            const { result } = planJson(["--dir", MINI, "--stack", "byo"], 1);
            assert.equal(result.status, "failed");
            assert.match(
                result.error ?? "",
                /no offline result for invoke azure-native:network:get(VirtualNetwork|Subnet) .*describe it in a fixtures file \(aks-network plan --fixtures FILE/,
            );
        });

        it("gives up on a program that never finishes after --timeout, exit 1, its console output on stderr", () => {
            const started = Date.now();
            const { run, result } = planJson(["--dir", path.join(FIXTURES, "hangs"), "--timeout", "1"], 1);
            assert.ok(Date.now() - started < 30_000);
            assert.equal(result.status, "failed");
            assert.equal(result.error, "the program did not finish within 1s (an output that never resolves, or a pending promise)");
            assert.deepEqual(
                result.resources.map((r) => r.type),
                ["fixture:index:Waiting", "pulumi:pulumi:Stack"],
            );
            assert.match(run.stderr, /^aks-network: waiting for ever$/m);
        });

        it("kills a program that never yields at --timeout, exit 1 with a clear error, its console output on stderr", () => {
            const started = Date.now();
            const { run, result } = planJson(["--dir", path.join(FIXTURES, "spins"), "--timeout", "1"], 1);
            assert.ok(Date.now() - started < 1_000 + KILL_AFTER_DEADLINE_MS + 20_000, `took ${Date.now() - started} ms`);
            assert.equal(result.status, "failed");
            assert.equal(result.error, stoppedText(1_000));
            assert.match(result.error ?? "", /^the program did not finish within 1s and never yielded .*: it was killed/);
            assert.equal(result.project, "spins");
            assert.equal(result.stack, "dev");
            assert.deepEqual(result.program, { runtime: "nodejs", main: "index.js" });
            assert.deepEqual(result.resources, []);
            assert.match(run.stderr, /^aks-network: spinning for ever$/m);
            assert.match(run.stderr, /^aks-network: the program failed: the program did not finish within 1s and never yielded/m);
        });

        it("fails, exit 1, when the program ends its own process before it finishes", () => {
            const { run, result } = planJson(["--dir", path.join(FIXTURES, "exits")], 1);
            assert.equal(result.status, "failed");
            assert.equal(result.error, "the program ended its process (exit status 7) before it finished");
            assert.match(run.stderr, /^aks-network: leaving early$/m);
        });

        it("runs as a preview with --preview: provider outputs unknown", () => {
            const { result } = planJson(["--dir", MINI, "--preview"]);
            assert.equal(result.preview, true);
            assert.equal(oneOf(result, "azure-native:containerservice:AgentPool").inputs.vnetSubnetID, "[unknown]");
            assert.equal(oneOf(result, "azure-native:network:VirtualNetwork").inputs.resourceGroupName, "[unknown]");
            assert.equal(result.resources.length, 14);
        });
    });

    describe("project, stack and fixtures files that can't be used (exit 2, one line)", () => {
        const cases: [string, () => { args: string[]; cleanup?: () => void }, RegExp][] = [
            [
                "a folder without Pulumi.yaml",
                () => ({ args: ["--dir", FIXTURES] }),
                /^aks-network: no Pulumi\.yaml in .*fixtures; pass the program's folder with --dir$/,
            ],
            ["a missing folder", () => ({ args: ["--dir", path.join(FIXTURES, "nope")] }), /^aks-network: .*nope is not a folder$/],
            [
                "an unknown stack",
                () => ({ args: ["--dir", MINI, "--stack", "prod"] }),
                /^aks-network: no stack config Pulumi\.prod\.yaml in .*mini-stack \(stacks: broken, byo, dev, throws\)$/,
            ],
            [
                "a missing fixtures file",
                () => ({ args: ["--dir", MINI, "--fixtures", path.join(MINI, "missing.yaml")] }),
                /^aks-network: cannot read .*missing\.yaml: no such file$/,
            ],
            [
                "a fixtures file of another version",
                () => {
                    const t = tempDir();
                    const f = path.join(t.dir, "fx.json");
                    fs.writeFileSync(f, JSON.stringify({ version: 2 }));
                    return { args: ["--dir", MINI, "--fixtures", f], cleanup: t.remove };
                },
                /^aks-network: .*fx\.json: version must be 1, not 2$/,
            ],
            [
                "a project of another runtime",
                () => {
                    const t = tempDir();
                    fs.writeFileSync(path.join(t.dir, "Pulumi.yaml"), "name: py\nruntime: python\n");
                    return { args: ["--dir", t.dir], cleanup: t.remove };
                },
                /^aks-network: .*Pulumi\.yaml: runtime python is not supported; aks-network plan runs nodejs programs$/,
            ],
            [
                "several stacks and none is dev",
                () => {
                    const t = tempDir();
                    fs.writeFileSync(path.join(t.dir, "Pulumi.yaml"), "name: two\nruntime: nodejs\n");
                    fs.writeFileSync(path.join(t.dir, "Pulumi.staging.yaml"), "config: {}\n");
                    fs.writeFileSync(path.join(t.dir, "Pulumi.prod.yaml"), "config: {}\n");
                    return { args: ["--dir", t.dir], cleanup: t.remove };
                },
                /^aks-network: .* has several stacks \(prod, staging\) and none is "dev"; choose one with --stack$/,
            ],
            [
                "an unparsable stack file",
                () => {
                    const t = tempDir();
                    fs.writeFileSync(path.join(t.dir, "Pulumi.yaml"), "name: bad\nruntime: nodejs\n");
                    fs.writeFileSync(path.join(t.dir, "Pulumi.dev.yaml"), "config:\n  bad:key: [unclosed\n");
                    return { args: ["--dir", t.dir], cleanup: t.remove };
                },
                /^aks-network: cannot parse .*Pulumi\.dev\.yaml: .+/,
            ],
        ];
        for (const [what, setup, expected] of cases) {
            it(`exits 2 for ${what}`, () => {
                const { args, cleanup } = setup();
                try {
                    const run = runCli(["plan", ...args]);
                    assert.equal(run.status, 2, run.stderr);
                    assert.equal(run.stdout, "");
                    const lines = run.stderr.trim().split("\n");
                    assert.equal(lines.length, 1, run.stderr);
                    assert.match(lines[0], expected);
                } finally {
                    cleanup?.();
                }
            });
        }
    });

    describe("planStack (library function)", () => {
        it("runs the program in a child process and leaves this process's mocks alone", async () => {
            const monitor = pulumi.runtime.getMonitor();
            const result = await planStack({ dir: MINI });
            assert.equal(result.status, "ok");
            assert.equal(result.resources.length, 14);
            assert.equal(pulumi.runtime.getMonitor(), monitor);
            assert.equal(pulumi.getStack(), "test", "the test run's own mock settings");
        });

        it("rejects with the one-line reason for a stack that does not exist", async () => {
            await assert.rejects(planStack({ dir: MINI, stack: "prod" }), /^Error: no stack config Pulumi\.prod\.yaml in /);
        });
    });
});
