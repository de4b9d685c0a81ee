import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { AksCluster } from "../../lib/azure/aksCluster";
import { ClusterCore } from "../../lib/azure/cluster/core";
import { AksClusterArgs } from "../../lib/azure/clusterArgs";
import { IpFamily, NetworkDataplane, NetworkPlugin, NetworkPolicy, OsDiskType, OsSku, OsType, TaintEffect } from "../../lib/azure/enums";
import { NodePool } from "../../lib/azure/nodePool";
import { NodePoolSpec } from "../../lib/azure/nodePoolArgs";
import { NetworkPlan, NetworkPlanReport } from "../../lib/network/types";
import { isPreview, isWrappedSecret, registered, resetMocks, settle } from "../helpers/mocks";
import {
    API,
    captureLogs,
    dependencyNames,
    GENERATED_PASSWORD,
    inputsOf,
    logs,
    optionsRecorder,
    plainJson,
    releaseLogs,
    settled,
    SUBNET_ID,
    T,
    theOne,
    thrown,
    useAzureOutputs,
    useExistingNetwork,
} from "./helpers";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- resource inputs from the mocks are untyped
const poolInputs = (component: string, pool: string): Json => {
    const r = registered(T.pool).find((x) => x.name === `${component}-pool-${pool}`);
    if (!r) throw new Error(`no pool ${pool} of ${component}`);
    return r.inputs as Json;
};

describe("node pools", () => {
    beforeEach(() => {
        resetMocks();
        useAzureOutputs();
        captureLogs();
    });
    afterEach(releaseLogs);

    describe("Linux pools", () => {
        it("creates an autoscaled pool with count = minCount on create and ignores count afterwards", async () => {
            const rec = optionsRecorder();
            new AksCluster(
                "lx",
                {
                    apiServer: API,
                    nodePools: [
                        {
                            name: "apps",
                            minCount: 2,
                            maxCount: 12,
                            vmSize: "Standard_D8ds_v5",
                            maxPods: 60,
                            maxSurge: "2",
                            zones: ["1", "2"],
                            osSku: OsSku.AzureLinux,
                            labels: { team: "web" },
                            taints: [{ key: "dedicated", value: "web", effect: TaintEffect.NoSchedule }],
                        },
                    ],
                },
                { transformations: [rec.transformation] },
            );
            await settle();
            const p = poolInputs("lx", "apps");
            assert.deepEqual(
                [p.agentPoolName, p.resourceName, p.resourceGroupName, p.mode, p.osType, p.osSKU, p.vmSize],
                ["apps", "lx-test-f3c7ec", "lx-test-f3c7ec-rg", "User", "Linux", "AzureLinux", "Standard_D8ds_v5"],
            );
            assert.deepEqual([p.enableAutoScaling, p.count, p.minCount, p.maxCount], [true, 2, 2, 12]);
            assert.deepEqual([p.maxPods, p.upgradeSettings, p.availabilityZones], [60, { maxSurge: "2" }, ["1", "2"]]);
            assert.deepEqual([p.nodeLabels, p.nodeTaints], [{ team: "web" }, ["dedicated=web:NoSchedule"]]);
            assert.deepEqual(rec.of(T.pool, "lx-pool-apps").ignoreChanges, ["count"]);
        });
        it("writes a fixed-count pool's count and watches it", async () => {
            const rec = optionsRecorder();
            new AksCluster("lx2", { apiServer: API, nodePools: [{ name: "fixed", count: 4 }] }, { transformations: [rec.transformation] });
            await settle();
            const p = poolInputs("lx2", "fixed");
            assert.deepEqual([p.count, p.enableAutoScaling, p.minCount, p.maxCount], [4, false, undefined, undefined]);
            assert.deepEqual(rec.of(T.pool, "lx2-pool-fixed").ignoreChanges, []);
        });
        it("ignores the autoscaled System pool's count on the cluster, and the version with an upgrade channel", async () => {
            const rec = optionsRecorder();
            new AksCluster(
                "lx3",
                { apiServer: API, kubernetesVersion: "1.33", systemPool: { minCount: 3, maxCount: 5 } },
                { transformations: [rec.transformation] },
            );
            await settle();
            assert.deepEqual(rec.of(T.cluster, "lx3-aks").ignoreChanges, ["kubernetesVersion", "agentPoolProfiles[0].count"]);
            assert.equal(theOne(T.cluster, "lx3").inputs.kubernetesVersion, "1.33");
            assert.equal(rec.of(T.cluster, "lx3-aks").protect, true);
        });
        it("puts pods in a pod subnet (Azure CNI without overlay)", async () => {
            new AksCluster("lx4", {
                apiServer: API,
                network: {
                    vnet: {
                        addressSpaces: ["10.10.0.0/16"],
                        subnets: [
                            { name: "nodes", cidr: "10.10.0.0/22" },
                            { name: "pods", cidr: "10.10.64.0/18" },
                        ],
                    },
                },
                systemPool: { podSubnet: "pods" },
                nodePools: [{ name: "apps", podSubnet: "pods" }],
            });
            await settle();
            const p = poolInputs("lx4", "apps");
            assert.deepEqual([p.vnetSubnetID, p.podSubnetID], ["lx4-subnet-nodes-id", "lx4-subnet-pods-id"]);
            const np = (theOne(T.cluster, "lx4").inputs as Json).networkProfile;
            // No overlay and no pod CIDRs from the component (the SDK itself still writes the API's podCidr default).
            assert.deepEqual([np.networkPlugin, np.networkPluginMode, np.podCidrs], ["azure", undefined, undefined]);
        });
        it("counts every pool's maximum against the pod CIDR (R40) and names the pool-independent path", () => {
            const e = thrown(
                () =>
                    new AksCluster("lx5", {
                        apiServer: API,
                        network: { podCidrs: ["10.244.0.0/22"] },
                        nodePools: [{ name: "apps", maxCount: 10 }],
                    }),
            );
            assert.match(e.message, /error R40 network\.podCidrs\[0\]: .*13 nodes/);
        });
    });

    describe("Windows pools", () => {
        it("runs a Windows pool on dual-stack overlay, tainted and labelled, with the windowsProfile set at creation", async () => {
            const c = new AksCluster("win", {
                apiServer: API,
                network: { ipFamilies: [IpFamily.IPv4, IpFamily.IPv6] },
                nodePools: [{ name: "win", osType: OsType.Windows }],
            });
            await settle();
            const p = poolInputs("win", "win");
            assert.deepEqual([p.osType, p.osSKU, p.enableFIPS], ["Windows", "Windows2022", false]);
            assert.deepEqual(p.nodeTaints, ["kubernetes.io/os=windows:NoSchedule"]);
            assert.deepEqual(p.nodeLabels, { "aks-network.io/os": "windows" });
            const cluster = theOne(T.cluster, "win").inputs as Json;
            assert.deepEqual(
                [cluster.networkProfile.networkPluginMode, cluster.networkProfile.networkDataplane, cluster.networkProfile.networkPolicy],
                ["overlay", "azure", "none"],
            );
            assert.deepEqual(cluster.networkProfile.ipFamilies, ["IPv4", "IPv6"]);
            const wp = cluster.windowsProfile;
            assert.ok(isWrappedSecret(wp), "windowsProfile travels as a secret");
            assert.equal(wp.value.adminUsername, "azureuser");
            assert.ok(logs.warn.some((w) => w.startsWith("warning A20 network.networkPolicy")));
            assert.equal(c.clusterFacts.hasWindowsPools, true);
        });
        it("sets FIPS on Windows2025 pools", async () => {
            new AksCluster("w25", { apiServer: API, kubernetesVersion: "1.35", nodePools: [{ name: "w25", osType: OsType.Windows }] });
            await settle();
            const p = poolInputs("w25", "w25");
            assert.deepEqual([p.osSKU, p.enableFIPS], ["Windows2025", true]);
        });
        it("sets the windowsProfile when Windows pools will come later, and ignores password changes", async () => {
            const rec = optionsRecorder();
            new AksCluster(
                "wl",
                { apiServer: API, windows: { enableWindowsPools: true, adminUsername: "opsadmin" } },
                { transformations: [rec.transformation] },
            );
            await settle();
            const opts = rec.of(T.cluster, "wl-aks");
            assert.ok(opts.ignoreChanges?.includes("windowsProfile.adminPassword"));
            assert.deepEqual(opts.additionalSecretOutputs, ["windowsProfile"]);
            assert.equal((theOne(T.cluster, "wl").inputs as Json).windowsProfile.value.adminUsername, "opsadmin");
            assert.deepEqual(inputsOf(T.pool, "wl"), []);
        });
        it("generates the password once with RandomPassword meeting AKS's rules", async () => {
            const rec = optionsRecorder();
            const c = new AksCluster(
                "wpw",
                { apiServer: API, nodePools: [{ name: "win", osType: OsType.Windows }] },
                { transformations: [rec.transformation] },
            );
            await settle();
            const rp = theOne(T.password, "wpw").inputs as Json;
            assert.ok(rp.length >= 14 && rp.length <= 123);
            assert.deepEqual(
                [rp.special, rp.minLower >= 1, rp.minUpper >= 1, rp.minNumeric >= 1, rp.minSpecial >= 1],
                [true, true, true, true, true],
            );
            assert.equal(await pulumi.isSecret(c.windowsAdminPassword as pulumi.Output<string>), true);
            if (!isPreview) assert.equal(await settled(c.windowsAdminPassword as pulumi.Output<string>), GENERATED_PASSWORD);
            for (const r of registered())
                assert.ok(!plainJson(r.inputs).includes(GENERATED_PASSWORD), `${r.type} ${r.name} has the password in plain`);
        });
        it("keeps a plain string password secret too", async () => {
            new AksCluster("wps", { apiServer: API, windows: { enableWindowsPools: true, adminPassword: "Plain-But-Hidden-42" } });
            await settle();
            for (const r of registered()) assert.ok(!plainJson(r.inputs).includes("Plain-But-Hidden-42"), `${r.type} ${r.name}`);
            assert.ok(
                JSON.stringify(registered(T.cluster).map((r) => r.inputs)).includes("Plain-But-Hidden-42"),
                "the password reaches the cluster",
            );
        });
        it("checks a secret password at deploy time and creates no cluster when AKS would refuse it (R51)", async () => {
            const c = new AksCluster("wpo", {
                apiServer: API,
                windows: { enableWindowsPools: true, adminPassword: pulumi.secret("alllowercase") },
            });
            const e = await settled(c.windowsAdminPassword as pulumi.Output<string>).then(
                () => undefined,
                (x: Error) => x,
            );
            assert.ok(e);
            assert.match(e.message, /error R51 windows\.adminPassword: windows\.adminPassword \(hidden\)/);
            assert.ok(!e.message.includes("alllowercase"));
            await settle();
            assert.deepEqual(
                registered(T.cluster).filter((r) => r.name.startsWith("wpo-")),
                [],
            );
        });

        // Every Windows rule, failing with the path the user wrote.
        const win = (extra: Partial<NodePoolSpec> = {}): NodePoolSpec => ({ name: "win", osType: OsType.Windows, ...extra });
        const cases: [string, AksClusterArgs, string][] = [
            [
                "R44 a name longer than 6",
                { apiServer: API, nodePools: [{ name: "apps" }, win({ name: "winpool1" })] },
                "R44 nodePools[1].name",
            ],
            [
                "R54 without Azure CNI",
                { apiServer: API, network: { networkPlugin: NetworkPlugin.Kubenet }, nodePools: [win()] },
                "R54 nodePools[0].osType",
            ],
            [
                "R55 with the Cilium dataplane",
                { apiServer: API, network: { networkDataplane: NetworkDataplane.Cilium }, nodePools: [win()] },
                "R55 nodePools[0].osType",
            ],
            [
                "R77 Windows2019 on 1.33",
                { apiServer: API, kubernetesVersion: "1.33", nodePools: [win({ osSku: OsSku.Windows2019 })] },
                "R77 nodePools[0].osSku",
            ],
            [
                "R77 Windows2022 on 1.37",
                { apiServer: API, kubernetesVersion: "1.37", nodePools: [win({ osSku: OsSku.Windows2022 })] },
                "R77 nodePools[0].osSku",
            ],
            [
                "R77 Windows2025 on 1.31",
                { apiServer: API, kubernetesVersion: "1.31", nodePools: [win({ osSku: OsSku.Windows2025 })] },
                "R77 nodePools[0].osSku",
            ],
            [
                "R80 a Windows SKU on a Linux pool",
                { apiServer: API, nodePools: [{ name: "lin", osSku: OsSku.Windows2022 }] },
                "R80 nodePools[0].osSku",
            ],
            ["R80 a Windows SKU on the System pool", { apiServer: API, systemPool: { osSku: OsSku.Windows2022 } }, "R80 systemPool.osSku"],
            [
                "R50 a refused user name",
                { apiServer: API, windows: { adminUsername: "administrator" }, nodePools: [win()] },
                "R50 windows.adminUsername",
            ],
            [
                "R50 a name ending in a dot",
                { apiServer: API, windows: { adminUsername: "ops." }, nodePools: [win()] },
                "R50 windows.adminUsername",
            ],
            [
                "R51 a short password",
                { apiServer: API, windows: { adminPassword: "Sh0rt!" }, nodePools: [win()] },
                "R51 windows.adminPassword",
            ],
            [
                "R51 a refused password",
                { apiServer: API, windows: { adminPassword: "P@ssw0rd" }, nodePools: [win()] },
                "R51 windows.adminPassword",
            ],
            [
                "A7 Windows pools with enableWindowsPools false",
                { apiServer: API, windows: { enableWindowsPools: false }, nodePools: [win()] },
                "A7 windows.enableWindowsPools",
            ],
            [
                "R57 Azure NPM on Windows (support ended 2026-09-30)",
                { apiServer: API, network: { networkPolicy: NetworkPolicy.Azure }, nodePools: [win()] },
                "R57 network.networkPolicy",
            ],
            [
                "A8 Windows2025 without FIPS",
                { apiServer: API, kubernetesVersion: "1.35", nodePools: [win({ osSku: OsSku.Windows2025, enableFips: false })] },
                "A8 nodePools[0].enableFips",
            ],
        ];
        for (const [title, args, expected] of cases) {
            it(`fails ${title}`, async () => {
                const e = thrown(() => new AksCluster(`wr-${expected.replace(/\W+/g, "").toLowerCase()}-${title.length}`, args));
                const listed = e.message
                    .split("\n")
                    .slice(1)
                    .map((l) => /^ {2}- error (\S+) (\S+): /.exec(l)?.slice(1, 3).join(" "));
                assert.deepEqual(listed, [expected], e.message);
            });
        }
        it("warns about more than 110 pods on a Windows overlay pool (R47)", () => {
            new AksCluster("wwarn", { apiServer: API, nodePools: [win({ maxPods: 200 })] });
            assert.ok(
                logs.warn.some((w) => w.startsWith("warning R47 nodePools[0].maxPods: ")),
                logs.warn.join("\n"),
            );
        });
    });

    describe("creation order and keys", () => {
        it("creates pools one after another, after the cluster, and maintenance windows after the last pool", async () => {
            const rec = optionsRecorder();
            new AksCluster(
                "ser",
                { apiServer: API, nodePools: [{ name: "a" }, { name: "b" }, { name: "c" }] },
                { transformations: [rec.transformation] },
            );
            await settle();
            assert.deepEqual(await dependencyNames(rec.of(T.pool, "ser-pool-a")), ["ser-aks"]);
            assert.deepEqual(await dependencyNames(rec.of(T.pool, "ser-pool-b")), ["ser-pool-a"]);
            assert.deepEqual(await dependencyNames(rec.of(T.pool, "ser-pool-c")), ["ser-pool-b"]);
            assert.deepEqual(await dependencyNames(rec.of(T.maintenance, "ser-upgradeWindow")), ["ser-pool-c"]);
            assert.deepEqual(await dependencyNames(rec.of(T.maintenance, "ser-nodeOsUpgradeWindow")), ["ser-pool-c"]);
        });
        it("keys pools by name: reordering them changes no child name and no input", async () => {
            const pools: NodePoolSpec[] = [
                { name: "a", maxCount: 5 },
                { name: "win", osType: OsType.Windows },
                { name: "c", vmSize: "Standard_E4ds_v5" },
            ];
            new AksCluster("ro1", { apiServer: API, clusterName: "same", resourceGroupName: "rg", nodePools: pools });
            new AksCluster("ro2", {
                apiServer: API,
                clusterName: "same",
                resourceGroupName: "rg",
                nodePools: [pools[2], pools[0], pools[1]],
            });
            await settle();
            // Subnet ids carry the component's name; everything else must be equal.
            const byName = (c: string) =>
                Object.fromEntries(
                    registered(T.pool)
                        .filter((r) => r.name.startsWith(`${c}-`))
                        .map((r) => [r.name.slice(c.length), JSON.parse(JSON.stringify(r.inputs).split(`${c}-subnet`).join("SUBNET"))]),
                );
            const one = byName("ro1");
            const two = byName("ro2");
            assert.deepEqual(Object.keys(one).sort(), ["-pool-a", "-pool-c", "-pool-win"]);
            assert.deepEqual(two, one);
        });
    });

    describe("NodePool", () => {
        it("adds a pool to an existing cluster after its last pool, validated against its plan", async () => {
            const rec = optionsRecorder();
            const cluster = new AksCluster(
                "np1",
                { apiServer: API, nodePools: [{ name: "apps" }] },
                { transformations: [rec.transformation] },
            );
            const gpu = new NodePool(
                "np1-gpu",
                {
                    cluster,
                    pool: {
                        name: "gpu",
                        vmSize: "Standard_NC6s_v3",
                        taints: [{ key: "sku", value: "gpu", effect: TaintEffect.NoSchedule }],
                    },
                },
                { transformations: [rec.transformation] },
            );
            const more = new NodePool(
                "np1-more",
                { cluster, pool: { name: "more", minCount: 1, maxCount: 4, osDiskType: OsDiskType.Managed } },
                { transformations: [rec.transformation] },
            );
            await settle();
            const p = theOne(T.pool, "np1-gpu").inputs as Json;
            assert.deepEqual(
                [p.agentPoolName, p.resourceName, p.resourceGroupName, p.vnetSubnetID, p.nodeTaints],
                ["gpu", "np1-test-c77ccd", "np1-test-c77ccd-rg", "np1-subnet-nodes-id", ["sku=gpu:NoSchedule"]],
            );
            assert.deepEqual(await dependencyNames(rec.of(T.pool, "np1-gpu-agentPool")), ["np1-pool-apps"]);
            assert.deepEqual(await dependencyNames(rec.of(T.pool, "np1-more-agentPool")), ["np1-gpu-agentPool"]);
            assert.deepEqual(rec.of(T.pool, "np1-more-agentPool").ignoreChanges, ["count"]);
            assert.deepEqual(
                (gpu.networkPlan as NetworkPlanReport | undefined)?.effective.nodePools.map((x) => x.name),
                ["system", "apps", "gpu"],
            );
            assert.deepEqual(
                (more.networkPlan as NetworkPlanReport | undefined)?.effective.nodePools.map((x) => x.name),
                ["system", "apps", "gpu", "more"],
            );
            assert.equal(gpu.poolName, "gpu");
            assert.equal(
                registered(T.nodePool)
                    .filter((r) => r.name.startsWith("np1-"))
                    .every((r) => JSON.stringify(r.inputs) === "{}"),
                true,
            );
        });
        it("reports the pool's own problems as pool.<field> and the cluster's as cluster.<path>", async () => {
            const cluster = new AksCluster("np2", { apiServer: API, network: { podCidrs: ["10.244.0.0/22"] } });
            const e = thrown(() => new NodePool("np2-big", { cluster, pool: { name: "Big", maxPods: 5, maxCount: 20 } }));
            assert.match(e.message, /^invalid NodePool "np2-big" arguments for AksCluster "np2"; nothing was created/);
            const listed = e.message
                .split("\n")
                .slice(1)
                .map((l) => /^ {2}- error (\S+) (\S+): /.exec(l)?.slice(1, 3).join(" "));
            assert.deepEqual(listed.sort(), ["R40 cluster.network.podCidrs[0]", "R43 pool.name", "R45 pool.maxPods"]);
            await settle();
            assert.deepEqual(
                registered(T.pool).filter((r) => r.name.startsWith("np2-big")),
                [],
            );
        });
        it("refuses a Windows pool on a cluster created without Windows support (R56)", () => {
            const cluster = new AksCluster("np3", { apiServer: API });
            const e = thrown(() => new NodePool("np3-win", { cluster, pool: { name: "win", osType: OsType.Windows } }));
            const lines = e.message.split("\n").slice(1);
            assert.ok(
                lines.some((l) => /^ {2}- error R56 cluster\.windows: .*can't add later/.test(l)),
                e.message,
            );
            assert.ok(
                lines.some((l) => /^ {2}- error R55 pool\.osType: /.test(l)),
                "the cluster's Cilium dataplane refuses Windows too",
            );
        });
        it("adds a Windows pool to a cluster prepared for it", async () => {
            const cluster = new AksCluster("np4", { apiServer: API, windows: { enableWindowsPools: true } });
            new NodePool("np4-win", { cluster, pool: { name: "win", osType: OsType.Windows } });
            await settle();
            const p = theOne(T.pool, "np4-win").inputs as Json;
            assert.deepEqual([p.osType, p.osSKU, p.nodeTaints], ["Windows", "Windows2022", ["kubernetes.io/os=windows:NoSchedule"]]);
        });
        it("refuses a duplicate pool name, naming the cluster's pool", () => {
            const cluster = new AksCluster("np5", { apiServer: API, nodePools: [{ name: "apps" }] });
            const e = thrown(() => new NodePool("np5-dup", { cluster, pool: { name: "apps" } }));
            assert.match(e.message, /error R76 pool\.name: pool\.name "apps" is already used by cluster\.nodePools\[0\]/);
        });
        it("refuses an object that is not an AksCluster", () => {
            const e = thrown(() => new NodePool("np6", { cluster: {} as AksCluster, pool: { name: "x" } }));
            assert.match(e.message, /cluster is not an AksCluster/);
        });
        it("refuses a core missing required fields, naming each path", async () => {
            const partial = {
                componentName: "far",
                clusterName: 5,
                resourceGroupName: "far-rg",
                subnetIds: {},
                nodePoolNames: ["system"],
                warningsAsErrors: [],
                pathRows: [],
            };
            const e = thrown(() => new NodePool("np8", { cluster: partial as never, pool: { name: "x" } }));
            const lines = e.message.split("\n");
            assert.match(lines[0], /^invalid NodePool "np8" arguments for AksCluster "far"; nothing was created \(5 problems\):$/);
            assert.deepEqual(
                lines.slice(1).map((l) => /^ {2}- error (\S+) (\S+): /.exec(l)?.slice(1, 3).join(" ")),
                [
                    "A22 cluster.clusterName",
                    "A22 cluster.clusterId",
                    "A22 cluster.location",
                    "A22 cluster.networkPlan",
                    "A22 cluster.clusterFacts",
                ],
            );
            assert.match(e.message, /cluster\.networkPlan is missing; every ClusterCore needs networkPlan \(a network plan object\)/);
            const both = thrown(() => new NodePool("np8b", { cluster: partial as never, pool: { vmSize: "x" } as never }));
            assert.match(
                both.message,
                /\(6 problems\):\n {2}- error A22 pool\.name: .*\n(.*\n){3} {2}- error A22 cluster\.networkPlan: /,
                "the pool's and the core's problems together",
            );
            await settle();
            assert.deepEqual(
                registered(T.pool).filter((r) => r.name.startsWith("np8")),
                [],
            );
        });
        it("refuses an Output of a core missing required fields when it resolves, naming each path", async () => {
            const pool = new NodePool("np9", {
                cluster: pulumi.output({ componentName: "far", clusterName: "far" }) as never,
                pool: { name: "x" },
            });
            const e = await settled(pool.agentPoolId).then(
                () => undefined,
                (x: Error) => x,
            );
            assert.ok(e, "the pool can't join an incomplete core");
            assert.match(e.message, /invalid NodePool "np9" arguments for AksCluster "far"; the pool was not created/);
            assert.match(e.message, /error A22 cluster\.networkPlan: cluster\.networkPlan is missing/);
            assert.match(e.message, /error A22 cluster\.pathRows: /);
        });
        it("checks the pool against a network of your own at deploy time", async () => {
            useExistingNetwork({ subnetPrefixes: ["10.1.0.0/28"] });
            const byo = new AksCluster("np7b", {
                apiServer: API,
                resourceGroupName: "apps",
                network: { nodeSubnetId: SUBNET_ID },
                systemPool: { count: 2, maxSurge: "1" },
            });
            const pool = new NodePool("np7-big", { cluster: byo, pool: { name: "big", count: 20 } });
            const e = await settled(pool.agentPoolId).then(
                () => undefined,
                (x: Error) => x,
            );
            assert.ok(e, "the pool doesn't fit the /28");
            assert.match(
                e.message,
                /error R58 cluster\.network\.nodeSubnetId: subnet "10\.1\.0\.0\/28" \(subnet "aks"\) has 11 usable addresses .* pools "system", "big" need 22/,
            );
            await settle();
            assert.deepEqual(
                registered(T.pool).filter((r) => r.name.startsWith("np7-big")),
                [],
            );
        });
    });

    describe("NodePool through a cluster's core", () => {
        /** The core as another stack reads it: plain JSON, as a StackReference output is. */
        async function readCore(cluster: AksCluster): Promise<ClusterCore> {
            return JSON.parse(JSON.stringify(await settled(cluster.core))) as ClusterCore;
        }
        const poolOf = (component: string): Json => theOne(T.pool, component).inputs as Json;
        const twoSubnets: AksClusterArgs = {
            apiServer: API,
            tags: { team: "platform" },
            network: {
                vnet: {
                    subnets: [
                        { name: "nodes", cidr: "10.224.0.0/20" },
                        { name: "batch", cidr: "10.224.16.0/20" },
                    ],
                },
            },
            nodePools: [{ name: "apps" }],
        };

        it("gives the core as plain data: names, ids, the plan, the facts, subnets and pools", async function () {
            if (isPreview) this.skip();
            const cluster = new AksCluster("cc1", { ...twoSubnets, location: "westeurope" });
            const core = await readCore(cluster);
            assert.deepEqual(
                [
                    core.componentName,
                    core.clusterName,
                    core.resourceGroupName,
                    core.clusterId,
                    core.location,
                    core.nodePoolNames,
                    core.ownSubnetName,
                    core.tags,
                ],
                [
                    "cc1",
                    "cc1-test-7563a7",
                    "cc1-test-7563a7-rg",
                    "cc1-aks-id",
                    "westeurope",
                    ["system", "apps"],
                    undefined,
                    { team: "platform" },
                ],
            );
            assert.deepEqual(core.subnetIds, { nodes: "cc1-subnet-nodes-id", batch: "cc1-subnet-batch-id" });
            assert.deepEqual(core.clusterFacts, cluster.clusterFacts);
            assert.deepEqual(
                (core.networkPlan as NetworkPlan).nodePools?.map((p) => p.name),
                ["system", "apps"],
            );
            assert.deepEqual(core.networkPlan.podCidrs, cluster.networkPlan.effective.podCidrs);
            assert.ok(
                core.pathRows.some((r) => JSON.stringify(r.from) === `["nodePools",1]` && JSON.stringify(r.to) === `["nodePools",0]`),
            );
        });
        it("gives the same AgentPool inputs through a plain core, or an Output of one, as through the AksCluster", async function () {
            if (isPreview) this.skip();
            const rec = optionsRecorder();
            const cluster = new AksCluster("cc2", twoSubnets);
            const spec = { name: "gpu", subnet: "batch", minCount: 1, maxCount: 3, labels: { sku: "gpu" } };
            new NodePool("cc2-direct", { cluster, pool: spec });
            const core = await readCore(cluster);
            const plain = new NodePool("cc2-plain", { cluster: core, pool: spec }, { transformations: [rec.transformation] });
            new NodePool("cc2-output", { cluster: pulumi.output(core), pool: spec }, { transformations: [rec.transformation] });
            await settle();
            const direct = poolOf("cc2-direct");
            assert.deepEqual(
                [direct.resourceGroupName, direct.resourceName, direct.vnetSubnetID, direct.tags],
                ["cc2-test-cbde7d-rg", "cc2-test-cbde7d", "cc2-subnet-batch-id", { team: "platform" }],
            );
            assert.deepEqual(poolOf("cc2-plain"), direct);
            assert.deepEqual(poolOf("cc2-output"), direct);
            assert.deepEqual(rec.of(T.pool, "cc2-output-agentPool").ignoreChanges, ["count"]);
            assert.deepEqual(await dependencyNames(rec.of(T.pool, "cc2-plain-agentPool")), [], "a core has no pool to wait for");
            assert.deepEqual(
                (plain.networkPlan as NetworkPlanReport | undefined)?.effective.nodePools.map((x) => x.name),
                ["system", "apps", "gpu"],
            );
        });
        it("validates a pool joining through a core against the cluster's plan, in the cluster's terms", async function () {
            if (isPreview) this.skip();
            const core = await readCore(new AksCluster("cc3", twoSubnets));
            const e = thrown(() => new NodePool("cc3-dup", { cluster: core, pool: { name: "apps" } }));
            assert.match(e.message, /^invalid NodePool "cc3-dup" arguments for AksCluster "cc3"; nothing was created/);
            assert.match(e.message, /error R76 pool\.name: pool\.name "apps" is already used by cluster\.nodePools\[0\]/);
            const late = new NodePool("cc3-late", { cluster: pulumi.output(core), pool: { name: "apps" } });
            const rejected = await settled(late.agentPoolId).then(
                () => undefined,
                (x: Error) => x,
            );
            assert.match(rejected?.message ?? "", /error R76 pool\.name: pool\.name "apps" is already used by cluster\.nodePools\[0\]/);
        });
        it("carries Azure's view of a network of your own: the subnet every pool uses and its capacity", async function () {
            if (isPreview) this.skip();
            useExistingNetwork({ subnetPrefixes: ["10.1.0.0/28"] });
            const byo = new AksCluster("cc4", {
                apiServer: API,
                resourceGroupName: "apps",
                network: { nodeSubnetId: SUBNET_ID },
                systemPool: { count: 2, maxSurge: "1" },
            });
            const core = await readCore(byo);
            assert.deepEqual([core.ownSubnetName, core.subnetIds], ["aks", { aks: SUBNET_ID }]);
            const e = thrown(() => new NodePool("cc4-big", { cluster: core, pool: { name: "big", count: 20 } }));
            assert.match(
                e.message,
                /error R58 cluster\.network\.nodeSubnetId: subnet "10\.1\.0\.0\/28" \(subnet "aks"\) has 11 usable addresses .* pools "system", "big" need 22/,
            );
            new NodePool("cc4-one", { cluster: core, pool: { name: "one", count: 1, maxSurge: "1" } });
            await settle();
            assert.equal(poolOf("cc4-one").vnetSubnetID, SUBNET_ID);
        });
    });
});
