/**
 * Argument shapes (A22): junk arguments from JavaScript and YAML are reported, all at once, with the
 * user's path, what was given, what is allowed and a fix; the design goes on without the bad parts.
 */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { AksCluster } from "../../lib/azure/aksCluster";
import { AksClusterArgs } from "../../lib/azure/clusterArgs";
import { designCluster } from "../../lib/azure/design";
import { NodePool } from "../../lib/azure/nodePool";
import { COMPONENT_RULES } from "../../lib/azure/rules";
import { checkShape, opt, req, S, withShapeProblems } from "../../lib/azure/shape";
import { diagnostic, Diagnostic } from "../../lib/core/diagnostic";
import { formatPath } from "../../lib/core/path";
import { at, t } from "../../lib/core/text";
import { registered, resetMocks, settle, TEST_DEPLOYMENT } from "../helpers/mocks";
import { API, captureLogs, releaseLogs, T, thrown, useAzureOutputs } from "./helpers";

/** Design arguments of any shape (as JavaScript or YAML would give them). */
const design = (args: unknown) => designCluster("t", args as AksClusterArgs, TEST_DEPLOYMENT);
const errors = (args: unknown) => design(args).diagnostics.filter((d) => d.severity === "error");
const shapeErrors = (args: unknown) => errors(args).filter((d) => d.ruleId === "A22");
const only = (args: unknown): Diagnostic => {
    const found = shapeErrors(args);
    assert.equal(found.length, 1, JSON.stringify(found, null, 2));
    return found[0];
};

describe("argument shapes (A22)", () => {
    describe("the shapes that used to crash or be ignored", () => {
        it("reports nodePools: 5 instead of throwing", () => {
            const d = only({ apiServer: API, nodePools: 5 });
            assert.equal(d.path, "nodePools");
            assert.match(d.message, /^nodePools is 5 \(number\); write a list of NodePoolSpec objects such as \{ name: "apps"/);
            assert.match(d.message, /or leave it out for the default$/);
        });
        it('reports network.vnet.subnets: "a" instead of throwing', () => {
            const d = only({ apiServer: API, network: { vnet: { subnets: "a" } } });
            assert.equal(d.path, "network.vnet.subnets");
            assert.match(
                d.message,
                /^network\.vnet\.subnets is "a" \(string\); write a list of SubnetArgs objects such as \{ name: "nodes", cidr: "10\.224\.0\.0\/16" \}/,
            );
        });
        it('reports network: "x" instead of ignoring it', () => {
            const d = only({ apiServer: API, network: "x" });
            assert.equal(d.path, "network");
            assert.match(d.message, /^network is "x" \(string\); write an object \(ClusterNetworkArgs\)/);
        });
        it("reports arguments that are no object at all", () => {
            for (const junk of [5, "args", null, [], true]) {
                const d = only(junk);
                assert.equal(d.path, "args");
                assert.match(d.message, /^the arguments are .*; write an object \(AksClusterArgs\)/);
            }
        });
    });

    describe("what every message says", () => {
        it("names a wrong enum value, the allowed values, and the case slip", () => {
            const d = only({
                apiServer: API,
                nodePools: [{ name: "a" }, { name: "b" }, { name: "c", taints: [{ key: "k", effect: "noschedule" }] }],
            });
            assert.equal(d.path, "nodePools[2].taints[0].effect");
            assert.equal(
                d.message,
                `nodePools[2].taints[0].effect "noschedule" is not a valid TaintEffect (did you mean "NoSchedule"? values are case-sensitive); use "NoSchedule", "PreferNoSchedule" or "NoExecute"`,
            );
        });
        it("suggests the closest key for an unknown one, and lists the keys when none is close", () => {
            const near = only({ apiServer: API, network: { vnet: { subnet: [] } } });
            assert.equal(near.path, "network.vnet.subnet");
            assert.match(
                near.message,
                /^network\.vnet\.subnet \(given: \[\] \(list\)\) is not an argument of VnetArgs; did you mean "subnets"\? Rename it$/,
            );
            const far = only({ apiServer: API, upgrades: { whenever: 1 } });
            assert.match(
                far.message,
                /^upgrades\.whenever \(given: 1 \(number\)\) is not an argument of UpgradeArgs; remove it \(UpgradeArgs takes channel, nodeOsChannel, upgradeWindow, nodeOsUpgradeWindow, ignoreKubernetesVersionChanges\)$/,
            );
        });
        it("says what a missing required field is", () => {
            const d = only({ apiServer: API, upgrades: { upgradeWindow: { startTime: "02:00" } } });
            assert.equal(d.path, "upgrades.upgradeWindow.dayOfWeek");
            assert.match(
                d.message,
                /is missing; every MaintenanceWindowArgs needs dayOfWeek \(one of "Monday", .* or "Sunday"\), e\.g\. \{ dayOfWeek: "Sunday"/,
            );
        });
        it("shows YAML's slips: numbers for strings, quoted numbers and booleans, a single value for a list", () => {
            const found = shapeErrors({
                apiServer: { authorizedIpRanges: "20.50.60.0/24" },
                systemPool: { zones: [1, 2, 3], count: "3", labels: { tier: 1 } },
                createResourceGroup: "false",
            });
            const byPath = new Map(found.map((d) => [d.path, d.message]));
            assert.match(byPath.get("apiServer.authorizedIpRanges") ?? "", /a single entry is still a list: write \["20\.50\.60\.0\/24"\]/);
            assert.match(
                byPath.get("systemPool.zones[0]") ?? "",
                /^systemPool\.zones\[0\] is 1 \(number\); write a string \(in YAML, quote it: "1"\)$/,
            );
            assert.ok(byPath.has("systemPool.zones[1]") && byPath.has("systemPool.zones[2]"));
            assert.match(byPath.get("systemPool.count") ?? "", /write a number \(write 3 without quotes\)/);
            assert.match(byPath.get("systemPool.labels.tier") ?? "", /quote it: "1"/);
            assert.match(byPath.get("createResourceGroup") ?? "", /write true or false \(write false without quotes\)/);
            assert.equal(found.length, 7);
        });
        it("quotes keys that are not identifiers in paths", () => {
            const d = only({ apiServer: API, systemPool: { labels: { "example.com/team": false } } });
            assert.equal(d.path, `systemPool.labels["example.com/team"]`);
            assert.equal(only({ apiServer: API, "api server": {} }).path, `["api server"]`);
        });
        it("refuses null (a YAML key without a value)", () => {
            const d = only({ apiServer: API, systemPool: null });
            assert.match(d.message, /^systemPool is null; write an object \(SystemPoolArgs\)/);
        });
        it("refuses numbers that are not finite, and objects that are not plain", () => {
            assert.equal(only({ apiServer: API, systemPool: { maxPods: NaN } }).path, "systemPool.maxPods");
            assert.equal(only({ apiServer: API, network: { vnet: new Map() } }).path, "network.vnet");
            assert.equal(only({ apiServer: API, tags: new Date(0) }).path, "tags");
        });
        it("is catalogued", () => {
            const rule = COMPONENT_RULES.find((r) => r.id === "A22");
            assert.ok(rule);
            assert.equal(rule.severity, "error");
        });
    });

    describe("pulumi Inputs", () => {
        it("accepts Outputs and Promises wherever an argument is a pulumi.Input", () => {
            const args = {
                apiServer: API,
                location: Promise.resolve("westeurope"),
                tags: pulumi.output({ team: "net" }),
                entra: { tenantId: pulumi.output("t"), adminGroupObjectIds: ["g1", pulumi.output("g2"), Promise.resolve("g3")] },
                windows: { enableWindowsPools: true, adminPassword: pulumi.secret("Very-Secret-Passw0rd") },
                monitoring: { logAnalyticsWorkspaceId: pulumi.output("/w"), defender: true },
                identity: { userAssignedIdentityId: pulumi.output("/id"), principalId: Promise.resolve("p") },
            };
            assert.deepEqual(shapeErrors(args), []);
            assert.deepEqual(shapeErrors({ apiServer: API, network: { nodeSubnetId: pulumi.output("/s") } }), []);
            assert.deepEqual(shapeErrors({ apiServer: API, tags: { team: pulumi.output("net") } }), []);
        });
        it("refuses an Output where the argument must be plain, saying why", () => {
            const d = only({ apiServer: API, clusterName: pulumi.output("prod") });
            assert.match(
                d.message,
                /^clusterName is a pulumi Output, but it must be a plain value known when the program runs .*; write a string, or leave it out for the default$/,
            );
            assert.match(
                only({ apiServer: API, nodePools: [{ name: Promise.resolve("apps") }] }).message,
                /^nodePools\[0\]\.name is a Promise, but it must be a plain value/,
            );
        });
        it("still checks the plain value of an Input", () => {
            assert.equal(only({ apiServer: API, location: 5 }).path, "location");
            assert.equal(only({ apiServer: API, tags: { team: 5 } }).path, "tags.team");
        });
    });

    describe("the design goes on without the bad parts", () => {
        it("reports every problem at once: shape, component and planner findings", () => {
            const got = errors({
                apiServer: API,
                clusterName: "-bad",
                netwrok: {},
                network: { podCidrs: ["10.224.0.0/16"], networkPlugin: "Azure" },
                nodePools: [{ name: 5 }, { name: "Bad_Name", maxPods: 300 }],
            }).map((d) => `${d.ruleId} ${d.path}`);
            assert.deepEqual(got.sort(), [
                "A2 clusterName",
                "A22 network.networkPlugin",
                "A22 netwrok",
                "A22 nodePools[0].name",
                "R36 network.podCidrs[0]",
                "R43 nodePools[1].name",
                "R45 nodePools[1].maxPods",
            ]);
        });
        it("keeps the user's indexes when list entries are left out, in paths and messages", () => {
            const d = design({ apiServer: API, nodePools: [{ name: 5 }, { name: "ok" }, { name: "ok" }] });
            const dup = d.diagnostics.find((x) => x.ruleId === "R76");
            assert.ok(dup);
            assert.equal(dup.path, "nodePools[2].name");
            assert.match(dup.message, /already used by nodePools\[1\]/);
            assert.deepEqual(
                d.userPools.map((p) => formatPath(p.userPath)),
                ["nodePools[1]", "nodePools[2]"],
            );

            const nested = errors({
                apiServer: API,
                nodePools: [
                    { name: 5 },
                    {
                        name: "b",
                        taints: [
                            { key: 3, effect: "NoSchedule" },
                            { key: "bad key", effect: "NoSchedule" },
                        ],
                    },
                ],
            });
            assert.deepEqual(nested.map((x) => `${x.ruleId} ${x.path}`).sort(), [
                "A17 nodePools[1].taints[1].key",
                "A22 nodePools[0].name",
                "A22 nodePools[1].taints[0].key",
            ]);

            const subnets = errors({
                apiServer: API,
                network: {
                    vnet: {
                        addressSpaces: ["10.10.0.0/16"],
                        subnets: [
                            { name: 1, cidr: "x" },
                            { name: "a", cidr: "10.10.0.0/24" },
                            { name: "b", cidr: "10.10.0.0/25" },
                        ],
                    },
                },
            });
            const overlap = subnets.find((x) => x.ruleId === "R62");
            assert.ok(overlap);
            assert.equal(overlap.path, "network.vnet.subnets[2].cidr");
            assert.match(overlap.message, /lies inside network\.vnet\.subnets\[1\] "a"/);

            const connected = errors({
                apiServer: API,
                network: { connectedNetworks: [{ cidr: 5 }, { name: "lab", cidr: "10.244.0.0/24" }] },
            });
            assert.match(connected.find((x) => x.ruleId === "R38")?.message ?? "", /network\.connectedNetworks\[1\] "lab"/);
        });
        it("drops findings that judge the default put in place of an ill-shaped value", () => {
            // An ill-shaped authorized range would otherwise leave the API server "open" (A1).
            assert.deepEqual(
                errors({ apiServer: { authorizedIpRanges: [5] } }).map((d) => `${d.ruleId} ${d.path}`),
                ["A22 apiServer.authorizedIpRanges[0]"],
            );
            assert.deepEqual(
                errors({ apiServer: "locked" }).map((d) => `${d.ruleId} ${d.path}`),
                ["A22 apiServer"],
            );
            // A pod range written as a string: the default range's overlap with a connected network is not the user's problem.
            const d = design({ apiServer: API, network: { podCidrs: "10.10.0.0/16", connectedNetworks: [{ cidr: "10.244.0.0/24" }] } });
            assert.deepEqual(
                d.diagnostics.filter((x) => x.severity !== "info").map((x) => `${x.ruleId} ${x.path}`),
                ["A22 network.podCidrs"],
            );
        });
        it("never lets a shape problem through to the planner", () => {
            const d = design({ apiServer: API, network: { ipFamilies: "IPv4", serviceCidrs: [10], outboundType: 3 } });
            assert.deepEqual(
                d.diagnostics.filter((x) => x.severity === "error").map((x) => x.ruleId),
                ["A22", "A22", "A22"],
            );
            assert.deepEqual(d.plan.ipFamilies, ["IPv4"]);
            // A list whose every entry was ill-shaped is left out as a whole: the default applies.
            assert.equal(d.plan.serviceCidrs, undefined);
        });
    });

    describe("checkShape", () => {
        interface Inner {
            key: string;
            note?: string;
        }
        interface Outer {
            items?: Inner[];
            count?: number;
        }
        const INNER = S.object<Inner>("Inner", `{ key: "k" }`, { key: req(S.string), note: opt(S.string) });
        const OUTER = S.object<Outer>("Outer", `{ items: [] }`, { items: opt(S.list(INNER)), count: opt(S.number) });

        it("returns the value unchanged (a copy) when it fits", () => {
            const v = { items: [{ key: "a", note: "n" }], count: 2 };
            const r = checkShape(v, OUTER);
            assert.deepEqual(r.value, v);
            assert.deepEqual(r.problems, []);
            assert.deepEqual(r.renumber(["items", 0, "key"]), ["items", 0, "key"]);
        });
        it("drops bad list entries and renumbers nested paths back to the user's indexes", () => {
            const r = checkShape({ items: [{ note: "no key" }, { key: 1 }, { key: "c" }], count: "x" }, OUTER);
            assert.deepEqual(r.value, { items: [{ key: "c" }] });
            assert.deepEqual(
                r.problems.map((p) => p.path),
                ["items[0].key", "items[1].key", "count"],
            );
            assert.deepEqual(r.renumber(["items", 0, "key"]), ["items", 2, "key"]);
            assert.deepEqual(r.renumber(["items", 0]), ["items", 2]);
            assert.deepEqual(r.renumber(["count", 0]), ["count", 0], "a list that lost nothing keeps its indexes");
            assert.deepEqual([...r.kept], [["items", [2]]]);
        });
        it("keeps map keys such as __proto__ as plain keys", () => {
            const labels = JSON.parse(`{ "__proto__": "x", "a": "b" }`) as Record<string, string>;
            const r = checkShape(labels, S.map(S.string));
            assert.deepEqual(Object.keys(r.value ?? {}), ["__proto__", "a"]);
            assert.equal(Object.getPrototypeOf(r.value), Object.prototype);
        });
        it("puts the shape problems first and drops findings related to their paths", () => {
            const r = checkShape({ items: [{ key: 1 }, { key: "b" }] }, OUTER);
            const findings: Diagnostic[] = [
                diagnostic("error", "X1", ["items"], "about the list"),
                diagnostic("error", "X2", ["items", 0, "key"], t`${at("items", 0, "key")} is odd`),
                diagnostic("warning", "X3", ["count"], "elsewhere"),
            ];
            assert.deepEqual(
                withShapeProblems(r, findings).map((d) => `${d.ruleId} ${d.path} ${d.message}`),
                [
                    'A22 items[0].key items[0].key is 1 (number); write a string (in YAML, quote it: "1")',
                    "X2 items[1].key items[1].key is odd",
                    "X3 count elsewhere",
                ],
            );
        });
    });
});

describe("AksCluster and NodePool with ill-shaped arguments", () => {
    beforeEach(() => {
        resetMocks();
        useAzureOutputs();
        captureLogs();
    });
    afterEach(releaseLogs);

    it("AksCluster throws one ResourceError with every problem and creates nothing", async () => {
        const e = thrown(
            () =>
                new AksCluster("shape1", {
                    apiServer: API,
                    nodePools: [{ name: "a" }, { name: "Bad_Name" }, { name: "c", taints: [{ key: "k", effect: "noschedule" }] }],
                    network: { vnet: { subnets: "a" } },
                    netwrok: {},
                } as unknown as AksClusterArgs),
        );
        assert.ok(pulumi.ResourceError.isInstance(e));
        const lines = e.message.split("\n");
        assert.match(lines[0], /^invalid AksCluster "shape1" arguments; nothing was created \(4 problems\):$/);
        assert.deepEqual(
            lines.slice(1).map((l) => /^ {2}- error (\S+) (\S+): /.exec(l)?.slice(1, 3).join(" ")),
            ["A22 netwrok", "A22 network.vnet.subnets", "A22 nodePools[2].taints[0].effect", "R43 nodePools[1].name"],
        );
        await settle();
        assert.deepEqual(
            registered()
                .filter((r) => r.name.startsWith("shape1"))
                .map((r) => r.type),
            [T.component],
        );
    });

    it("NodePool reports the pool's shape problems as pool.<path>, with the other findings", async () => {
        const cluster = new AksCluster("shape2", { apiServer: API });
        const e = thrown(
            () =>
                new NodePool("shape2-gpu", {
                    cluster,
                    pool: { name: "Gpu", maxPods: "30", taints: [{ key: "sku", effect: "noschedule" }], size: "x" },
                } as never),
        );
        const lines = e.message.split("\n");
        assert.match(lines[0], /^invalid NodePool "shape2-gpu" arguments for AksCluster "shape2"; nothing was created/);
        assert.deepEqual(
            lines.slice(1).map((l) => /^ {2}- error (\S+) (\S+): /.exec(l)?.slice(1, 3).join(" ")),
            ["A22 pool.size", "A22 pool.maxPods", "A22 pool.taints[0].effect", "R43 pool.name"],
        );
        assert.match(lines[1], /pool\.size \(given: "x" \(string\)\) is not an argument of NodePoolSpec; did you mean "vmSize"\?/);
        await settle();
        assert.deepEqual(
            registered(T.pool).filter((r) => r.name.startsWith("shape2-gpu")),
            [],
        );
    });

    it("NodePool reports a pool it can't use and a cluster that isn't one together", () => {
        const e = thrown(() => new NodePool("shape3", { cluster: "prod", pool: 5 } as never));
        const lines = e.message.split("\n");
        assert.match(lines[0], /^invalid NodePool "shape3" arguments; nothing was created \(2 problems\):$/);
        assert.match(
            lines[1],
            /error A22 cluster: cluster is not an AksCluster created in this program \(given: "prod" \(string\)\); pass the AksCluster object/,
        );
        assert.match(lines[2], /error A22 pool: pool is 5 \(number\); write an object \(NodePoolSpec\)/);
        assert.match(
            thrown(() => new NodePool("shape4", undefined as never)).message,
            /error A22 args: the arguments are undefined; write an object \(NodePoolArgs\)/,
        );
    });
});
