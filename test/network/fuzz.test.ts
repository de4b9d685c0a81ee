/**
 * Thousands of random and malformed plans: the validator and the report never throw, and always
 * return well-formed diagnostics with known rule ids and no internal error.
 */
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { describeNetworkPlan, formatNetworkPlanReport, RULES, validateNetworkPlan } from "../../lib/network";

const KNOWN = new Set(RULES.map((r) => r.id));
const SEVERITIES = new Set(["error", "warning", "info"]);

const cidrish = fc.oneof(
    fc.constantFrom(
        "10.0.0.0/16",
        "10.224.0.0/12",
        "fd12:3456:789a::/64",
        "FD00::/108",
        "10.0.0.1/16",
        " 10.0.0.0/16",
        "10.0.0.0/33",
        "fd00::/129",
        "",
        "0.0.0.0/0",
        "::/0",
        "172.30.0.0/16",
        "169.254.0.0/16",
        "10.0.0.0",
        "192.0.2.0/24",
    ),
    fc
        .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: -1, max: 40 }))
        .map(([a, b, p]) => `${a}.${b}.0.0/${p}`),
    fc.string(),
);
const junk = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.string(),
    fc.constant([]),
    fc.constant({}),
    fc.constant(NaN),
    fc.array(fc.integer(), { maxLength: 3 }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, junk);

const pool = fc.record(
    {
        name: maybe(fc.constantFrom("system", "apps", "win", "Bad_Name", "a-very-long-pool-name", "")),
        osType: maybe(fc.constantFrom("Linux", "Windows", "linux")),
        mode: maybe(fc.constantFrom("System", "User")),
        count: maybe(fc.integer({ min: -2, max: 1200 })),
        minCount: maybe(fc.integer({ min: -1, max: 20 })),
        maxCount: maybe(fc.integer({ min: -1, max: 1200 })),
        maxPods: maybe(fc.integer({ min: 0, max: 300 })),
        vmSize: maybe(fc.constantFrom("Standard_D4ds_v5", "Standard_DC2s_v2")),
        subnet: maybe(fc.constantFrom("nodes", "pods", "missing")),
        podSubnet: maybe(fc.constantFrom("pods", "missing")),
        osSku: maybe(fc.constantFrom("Ubuntu", "AzureLinux", "Windows2019", "Windows2022", "Windows2025", "Nope")),
        maxSurge: maybe(fc.constantFrom("1", "33%", "0", "200%", 2)),
    },
    { requiredKeys: [] },
);

const plan = fc.record(
    {
        networkPlugin: maybe(fc.constantFrom("azure", "kubenet", "none", "Azure")),
        networkPluginMode: maybe(fc.constantFrom("overlay", null, "Overlay")),
        networkDataplane: maybe(fc.constantFrom("azure", "cilium")),
        networkPolicy: maybe(fc.constantFrom("none", "azure", "calico", "cilium")),
        ipFamilies: maybe(fc.array(fc.oneof(fc.constantFrom("IPv4", "IPv6"), junk), { maxLength: 4 })),
        podCidrs: maybe(fc.array(maybe(cidrish), { maxLength: 3 })),
        serviceCidrs: maybe(fc.array(maybe(cidrish), { maxLength: 3 })),
        dnsServiceIP: maybe(fc.constantFrom("10.0.0.10", "10.0.0.0", "10.0.0.1", "10.0.255.255", "fd00::10", "10.0.0.10/32", "x")),
        vnetAddressSpaces: maybe(fc.array(maybe(cidrish), { maxLength: 3 })),
        nodeSubnets: maybe(
            fc.array(
                maybe(
                    fc.record(
                        { name: maybe(fc.constantFrom("nodes", "pods")), cidr: maybe(cidrish), ipv6Cidr: maybe(cidrish) },
                        { requiredKeys: [] },
                    ),
                ),
                { maxLength: 3 },
            ),
        ),
        connectedNetworks: maybe(
            fc.array(
                fc.oneof(
                    cidrish,
                    junk,
                    fc.record(
                        { name: maybe(fc.string()), cidr: maybe(cidrish), kind: maybe(fc.constantFrom("peering", "vpn", "x")) },
                        { requiredKeys: [] },
                    ),
                ),
                { maxLength: 6 },
            ),
        ),
        kubernetesVersion: maybe(fc.constantFrom("1.25", "1.26.3", "1.29", "1.30", "1.33", "1.37", "v1.30", "1")),
        outboundType: maybe(fc.constantFrom("loadBalancer", "managedNATGateway", "userAssignedNATGateway", "userDefinedRouting", "nat")),
        nodePools: maybe(fc.array(maybe(pool), { maxLength: 4 })),
        windowsProfile: maybe(
            fc.record(
                { adminUsername: maybe(fc.constantFrom("azureuser", "admin", "x".repeat(25))), adminPassword: maybe(fc.string()) },
                { requiredKeys: [] },
            ),
        ),
        names: maybe(
            fc.record(
                { resourceGroup: maybe(fc.string()), vnet: maybe(fc.string({ maxLength: 80 })), subnet: maybe(fc.string()) },
                { requiredKeys: [] },
            ),
        ),
        apiServerAuthorizedIpRanges: maybe(fc.array(maybe(cidrish), { maxLength: 3 })),
        dockerBridgeCidr: maybe(cidrish),
        extra: maybe(fc.string()),
    },
    { requiredKeys: [] },
);

function checkWellFormed(diagnostics: unknown): void {
    assert.ok(Array.isArray(diagnostics));
    for (const d of diagnostics) {
        assert.ok(KNOWN.has(d.ruleId), `unknown rule id ${d.ruleId}`);
        assert.notEqual(d.ruleId, "R0", `internal error: ${d.message}`);
        assert.ok(SEVERITIES.has(d.severity));
        assert.equal(typeof d.path, "string");
        assert.equal(typeof d.message, "string");
        assert.ok(d.message.length > 10);
        if (d.azureErrorCode !== undefined) assert.equal(typeof d.azureErrorCode, "string");
    }
}

describe("validateNetworkPlan (fuzz)", () => {
    it("never throws on random, malformed plans and returns well-formed diagnostics", () => {
        fc.assert(
            fc.property(plan, (p) => {
                checkWellFormed(validateNetworkPlan(p as never));
            }),
            { numRuns: 3000 },
        );
    });

    it("never throws on arbitrary JSON values", () => {
        fc.assert(
            fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }), (v) => {
                checkWellFormed(validateNetworkPlan(v as never));
            }),
            { numRuns: 2000 },
        );
    });

    it("describes and renders any plan without throwing, as JSON-safe data", () => {
        fc.assert(
            fc.property(plan, (p) => {
                const report = describeNetworkPlan(p as never);
                checkWellFormed(report.diagnostics);
                assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
                assert.equal(
                    report.effective.podCidrs.length === 0 || report.effective.podCidrs.length === report.effective.ipFamilies.length,
                    true,
                );
                assert.equal(report.effective.serviceCidrs.length, report.effective.ipFamilies.length);
                formatNetworkPlanReport(report, "text");
                formatNetworkPlanReport(report, "markdown");
            }),
            { numRuns: 1000 },
        );
    });

    it("rejects a plan whenever it reports an error, and never the other way round", () => {
        fc.assert(
            fc.property(plan, (p) => {
                const report = describeNetworkPlan(p as never);
                const hasError = report.diagnostics.some((d) => d.severity === "error");
                assert.equal(report.verdict === "reject", hasError);
            }),
            { numRuns: 500 },
        );
    });

    // Counterexamples the fuzz found once, kept as fixed cases.
    for (const p of [{ nodePools: [{ maxPods: -0 }] }, { nodePools: [{ count: 5.44755495412823e306, maxSurge: "33%" }] }]) {
        it(`round-trips the report of ${JSON.stringify(p)}`, () => {
            const report = describeNetworkPlan(p as never);
            checkWellFormed(report.diagnostics);
            assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
        });
    }
});
