/**
 * Thousands of random and malformed AksClusterArgs (as JavaScript callers and YAML stack config can
 * give them): `designCluster` never throws, and always returns well-formed findings with catalogued
 * rule ids, in the user's paths.
 */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { AKS_CLUSTER_ARGS_SHAPE, AksClusterArgs } from "../../lib/azure/clusterArgs";
import { designCluster } from "../../lib/azure/design";
import { COMPONENT_RULES } from "../../lib/azure/rules";
import { RULES } from "../../lib/network/catalog";
import { Diagnostic } from "../../lib/network/types";
import { TEST_DEPLOYMENT } from "../helpers/mocks";

const KNOWN = new Set([...RULES, ...COMPONENT_RULES].map((r) => r.id));
const SEVERITIES = ["error", "warning", "info"];
const TOP_KEYS = new Set([...Object.keys(AKS_CLUSTER_ARGS_SHAPE.fields), "args"]);

const anOutput = pulumi.output("/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/s");
const aPromise = Promise.resolve("westeurope");
const junk = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.string({ maxLength: 8 }),
    fc.constant([]),
    fc.constant({}),
    fc.constant(NaN),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.constant(anOutput),
    fc.constant(aPromise),
    fc.constant(new Date(0)),
    fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);
/** Mostly the right kind of value, sometimes junk, so both the shape check and the design behind it run. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 4 }, { arbitrary: junk, weight: 1 });
/** An object of some of `fields`, sometimes with a misspelt or unknown key. */
const record = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) =>
    fc
        .tuple(
            fc.record(fields, { requiredKeys: [] }),
            fc.option(fc.tuple(fc.constantFrom("nmae", "subnet", "ipFamily", "extra", "Network", "__proto__"), junk), { freq: 6 }),
        )
        .map(([r, extra]) => {
            if (extra) Object.defineProperty(r, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
            return r;
        });
const listOf = <T>(arb: fc.Arbitrary<T>, maxLength = 3) => fc.array(maybe(arb), { maxLength });

const cidr = fc.oneof(
    fc.constantFrom(
        "10.0.0.0/16",
        "10.224.0.0/12",
        "10.224.0.0/16",
        "10.244.0.0/16",
        "fd12:3456:789a::/64",
        "fd10:224::/64",
        "10.0.0.1/16",
        "10.0.0.0/33",
        "",
        "0.0.0.0/0",
        "172.30.0.0/16",
        "20.50.60.0/24",
        "192.168.0.0/16",
        "x",
    ),
    fc
        .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: -1, max: 40 }))
        .map(([a, b, p]) => `${a}.${b}.0.0/${p}`),
);
const poolName = fc.constantFrom("system", "apps", "win", "gpu", "Bad_Name", "a-very-long-pool-name", "");
const taint = record({
    key: maybe(fc.constantFrom("sku", "kubernetes.io/os", "bad key", "")),
    value: maybe(fc.constantFrom("gpu", "windows", "bad value!", "")),
    effect: maybe(fc.constantFrom("NoSchedule", "PreferNoSchedule", "NoExecute", "noschedule")),
});
const poolFields = {
    osSku: maybe(fc.constantFrom("Ubuntu", "AzureLinux", "Windows2019", "Windows2022", "Windows2025", "ubuntu")),
    vmSize: maybe(fc.constantFrom("Standard_D4ds_v5", "Standard_DC2s_v2")),
    count: maybe(fc.integer({ min: -1, max: 1200 })),
    minCount: maybe(fc.integer({ min: -1, max: 20 })),
    maxCount: maybe(fc.integer({ min: -1, max: 1200 })),
    maxPods: maybe(fc.integer({ min: 0, max: 300 })),
    maxSurge: maybe(fc.constantFrom("1", "33%", "0", "200%", "x")),
    zones: maybe(fc.array(maybe(fc.constantFrom("1", "2", "3", "4")), { maxLength: 4 })),
    subnet: maybe(fc.constantFrom("nodes", "pods", "missing")),
    podSubnet: maybe(fc.constantFrom("pods", "missing")),
    labels: maybe(
        fc.dictionary(fc.constantFrom("team", "example.com/tier", "bad key"), maybe(fc.constantFrom("a", "b c", "")), { maxKeys: 2 }),
    ),
    taints: maybe(listOf(taint, 2)),
    osDiskType: maybe(fc.constantFrom("Ephemeral", "Managed", "ephemeral")),
    osDiskSizeGb: maybe(fc.integer({ min: 0, max: 3000 })),
    enableEncryptionAtHost: maybe(fc.boolean()),
    enableFips: maybe(fc.boolean()),
};
const nodePool = record({ name: maybe(poolName), osType: maybe(fc.constantFrom("Linux", "Windows", "windows")), ...poolFields });
const systemPool = record({ name: maybe(poolName), ...poolFields });
const subnet = record({ name: maybe(fc.constantFrom("nodes", "pods", "other")), cidr: maybe(cidr), ipv6Cidr: maybe(cidr) });
const window = record({
    dayOfWeek: maybe(fc.constantFrom("Monday", "Sunday", "sunday")),
    startTime: maybe(fc.constantFrom("00:00", "02:30", "25:00")),
    durationHours: maybe(fc.integer({ min: 0, max: 30 })),
    utcOffset: maybe(fc.constantFrom("+00:00", "-05:00", "+1")),
});
const network = record({
    networkPlugin: maybe(fc.constantFrom("azure", "kubenet", "none", "Azure")),
    networkPluginMode: maybe(fc.constantFrom("overlay", "Overlay")),
    networkDataplane: maybe(fc.constantFrom("azure", "cilium")),
    networkPolicy: maybe(fc.constantFrom("none", "azure", "calico", "cilium")),
    ipFamilies: maybe(fc.array(maybe(fc.constantFrom("IPv4", "IPv6", "ipv6")), { maxLength: 3 })),
    podCidrs: maybe(listOf(cidr)),
    serviceCidrs: maybe(listOf(cidr)),
    dnsServiceIP: maybe(fc.constantFrom("10.0.0.10", "10.0.0.0", "fd00::10", "x")),
    outboundType: maybe(fc.constantFrom("loadBalancer", "managedNATGateway", "userAssignedNATGateway", "userDefinedRouting", "nat")),
    loadBalancerBackendPoolType: maybe(fc.constantFrom("NodeIPConfiguration", "NodeIP", "nodeip")),
    managedOutboundIpCount: maybe(fc.integer({ min: -1, max: 120 })),
    managedOutboundIpv6Count: maybe(fc.integer({ min: -1, max: 120 })),
    vnet: maybe(
        record({
            name: maybe(fc.constantFrom("vnet", "x".repeat(70))),
            addressSpaces: maybe(listOf(cidr)),
            subnets: maybe(listOf(subnet)),
        }),
    ),
    nodeSubnetId: maybe(
        fc.constantFrom("/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/s", "aks-subnet"),
    ),
    connectedNetworks: maybe(
        listOf(
            record({ name: maybe(fc.constantFrom("office", "")), cidr: maybe(cidr), kind: maybe(fc.constantFrom("peering", "vpn", "x")) }),
        ),
    ),
    assignNetworkContributor: maybe(fc.boolean()),
    warningsAsErrors: maybe(listOf(fc.constantFrom("R34", "R38", "R41", "A4"))),
});
const args = record({
    resourceGroupName: maybe(fc.constantFrom("rg", "x".repeat(70))),
    createResourceGroup: maybe(fc.boolean()),
    location: maybe(fc.constantFrom("westeurope")),
    clusterName: maybe(fc.constantFrom("prod", "-bad", "a_b", "")),
    dnsPrefix: maybe(fc.constantFrom("prod", "a_b", "")),
    kubernetesVersion: maybe(fc.constantFrom("1.28", "1.33", "1.33.2", "1.35", "1.37", "v1.30", "")),
    network: maybe(network),
    systemPool: maybe(systemPool),
    nodePools: maybe(listOf(nodePool, 4)),
    windows: maybe(
        record({
            enableWindowsPools: maybe(fc.boolean()),
            adminUsername: maybe(fc.constantFrom("azureuser", "admin", "x.")),
            adminPassword: maybe(fc.constantFrom("short", "Very-Secret-Passw0rd")),
        }),
    ),
    apiServer: maybe(
        record({
            authorizedIpRanges: maybe(listOf(cidr)),
            privateCluster: maybe(fc.boolean()),
            allowPublicAccess: maybe(fc.boolean()),
            disableRunCommand: maybe(fc.boolean()),
        }),
    ),
    entra: maybe(
        record({
            azureRbac: maybe(fc.boolean()),
            tenantId: maybe(fc.constant("t")),
            adminGroupObjectIds: maybe(listOf(fc.constant("g"))),
            disableLocalAccounts: maybe(fc.boolean()),
        }),
    ),
    upgrades: maybe(
        record({
            channel: maybe(fc.constantFrom("none", "patch", "stable", "rapid", "node-image", "Patch")),
            nodeOsChannel: maybe(fc.constantFrom("None", "Unmanaged", "SecurityPatch", "NodeImage")),
            upgradeWindow: maybe(window),
            nodeOsUpgradeWindow: maybe(window),
            ignoreKubernetesVersionChanges: maybe(fc.boolean()),
        }),
    ),
    monitoring: maybe(record({ logAnalyticsWorkspaceId: maybe(fc.constant("/w")), defender: maybe(fc.boolean()) })),
    identity: maybe(record({ userAssignedIdentityId: maybe(fc.constant("/id")), principalId: maybe(fc.constant("p")) })),
    kubeconfigLogin: maybe(
        record({ mode: maybe(fc.constantFrom("azurecli", "spn", "msi", "SPN")), clientId: maybe(fc.constantFrom("c", "")) }),
    ),
    nodeResourceGroup: maybe(fc.constant("MC_rg")),
    skuTier: maybe(fc.constantFrom("Free", "Standard", "Premium", "standard")),
    azurePolicy: maybe(fc.boolean()),
    keyVaultSecretsProvider: maybe(fc.boolean()),
    imageCleaner: maybe(fc.boolean()),
    deletionProtection: maybe(fc.boolean()),
    tags: maybe(fc.dictionary(fc.constantFrom("team", "env"), maybe(fc.constantFrom("net", "prod")), { maxKeys: 2 })),
});

/** The value at a user path (`nodePools[1].taints[0]`, `systemPool.labels["a/b"]`) of the arguments, or a miss. */
function at(root: unknown, path: string): { found: boolean; value?: unknown } {
    let cur: unknown = root;
    for (const m of path.matchAll(/^([A-Za-z_$][\w$]*)|\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
        const key = m[1] ?? m[2] ?? m[3] ?? JSON.parse(m[4]);
        if (typeof cur !== "object" || cur === null || !Object.prototype.hasOwnProperty.call(cur, key)) return { found: false };
        cur = (cur as Record<string, unknown>)[key];
    }
    return { found: true, value: cur };
}

function checkWellFormed(diagnostics: Diagnostic[], input: unknown): void {
    assert.ok(Array.isArray(diagnostics));
    let severity = 0;
    for (const d of diagnostics) {
        assert.ok(KNOWN.has(d.ruleId), `unknown rule id ${d.ruleId}`);
        assert.notEqual(d.ruleId, "R0", `internal error: ${d.message}`);
        const rank = SEVERITIES.indexOf(d.severity);
        assert.ok(rank >= 0, d.severity);
        assert.ok(rank >= severity, "errors first, then warnings, then info");
        severity = rank;
        assert.equal(typeof d.path, "string");
        assert.equal(typeof d.message, "string");
        assert.ok(d.message.length > 10, d.message);
        // Every path is the user's: it starts with an argument (or an unknown key the user wrote, A22),
        // and a pool path names a pool the user wrote.
        const head = /^[A-Za-z]+/.exec(d.path)?.[0] ?? "";
        if (d.ruleId !== "A22")
            assert.ok(TOP_KEYS.has(head), `path ${JSON.stringify(d.path)} of ${d.ruleId} is not an AksClusterArgs path`);
        const pool = /^nodePools\[\d+\]/.exec(d.path)?.[0];
        if (pool !== undefined) {
            const written = at(input, pool);
            assert.ok(written.found, `${d.ruleId} ${d.path}: no such pool in the arguments`);
            if (d.ruleId !== "A22")
                assert.equal(
                    typeof (written.value as { name?: unknown }).name,
                    "string",
                    `${d.ruleId} ${d.path} names a pool that was left out`,
                );
        }
        // A shape problem points at something the user wrote (or, when missing, into an object they wrote).
        if (d.ruleId === "A22" && d.path !== "args") {
            const parent = d.path.replace(/(\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/, "");
            const where = parent === d.path ? { found: true, value: input } : at(input, parent);
            assert.ok(where.found, `A22 ${d.path}: ${parent} is not in the arguments`);
        }
    }
}

describe("designCluster (fuzz)", () => {
    it("never throws on random, malformed arguments and returns well-formed findings in the user's paths", () => {
        fc.assert(
            fc.property(args, (a) => {
                const d = designCluster("fuzz", a as AksClusterArgs, TEST_DEPLOYMENT);
                checkWellFormed(d.diagnostics, a);
                assert.equal(
                    d.report.verdict === "reject",
                    d.diagnostics.some((x) => x.severity === "error"),
                );
                assert.deepEqual(JSON.parse(JSON.stringify(d.report)), d.report);
            }),
            { numRuns: 2500 },
        );
    });

    it("never throws on arbitrary values", () => {
        fc.assert(
            fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true }), (v) => {
                checkWellFormed(designCluster("fuzz", v as AksClusterArgs, TEST_DEPLOYMENT).diagnostics, v);
            }),
            { numRuns: 1500 },
        );
    });

    it("reports no shape problem for arguments of the right shape", () => {
        const wellShaped = fc.record(
            {
                clusterName: fc.constantFrom("prod", "-bad"),
                kubernetesVersion: fc.constantFrom("1.33", "1.33.2", "1.37"),
                network: fc.record(
                    {
                        ipFamilies: fc.constantFrom(["IPv4"], ["IPv4", "IPv6"]),
                        podCidrs: fc.array(cidr, { maxLength: 2 }),
                        networkDataplane: fc.constantFrom("azure", "cilium"),
                        nodeSubnetId: fc.constantFrom(anOutput, "aks-subnet"),
                    },
                    { requiredKeys: [] },
                ),
                nodePools: fc.array(
                    fc.record(
                        {
                            name: poolName,
                            osType: fc.constantFrom("Linux", "Windows"),
                            maxPods: fc.integer({ min: 0, max: 300 }),
                            zones: fc.constantFrom(["1"], ["4"]),
                        },
                        { requiredKeys: ["name"] },
                    ),
                    { maxLength: 3 },
                ),
                apiServer: fc.record(
                    { authorizedIpRanges: fc.array(cidr, { maxLength: 2 }), privateCluster: fc.boolean() },
                    { requiredKeys: [] },
                ),
                tags: fc.constantFrom({ team: "net" }, pulumi.output({ team: "net" })),
            },
            { requiredKeys: [] },
        );
        fc.assert(
            fc.property(wellShaped, (a) => {
                const d = designCluster("fuzz", a as AksClusterArgs, TEST_DEPLOYMENT);
                checkWellFormed(d.diagnostics, a);
                assert.deepEqual(
                    d.diagnostics.filter((x) => x.ruleId === "A22"),
                    [],
                );
            }),
            { numRuns: 500 },
        );
    });
});
