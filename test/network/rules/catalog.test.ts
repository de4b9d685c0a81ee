/**
 * The rule catalogue against the rule tests and the AKS network reference, and the style of every
 * message the rule tests produced.
 *
 * The rule test files are imported first so that, whichever files mocha is given, this file's
 * checks are registered after every rule test and see everything they recorded.
 */
import "./syntax.test";
import "./plugin.test";
import "./service.test";
import "./overlaps.test";
import "./dualstack.test";
import "./pools.test";
import "./windows.test";
import "./vnet.test";

import * as assert from "node:assert/strict";
import { formatPath } from "../../../lib/core/path";
import { describeNetworkPlan, hasErrors, NetworkPlan, RULES } from "../../../lib/network";
import { PLAN_KEYS } from "../../../lib/network/model";
import {
    dualStackPlan,
    fired,
    kubenetPlan,
    managedVnet,
    nodeSubnetPlan,
    overlayPlan,
    podSubnetPlan,
    secrets,
    seen,
    systemPool,
    validate,
    windowsPlan,
} from "./helpers";

/**
 * Severities of R1-R70 as the reference states them (§3, with the disagreement table's choices);
 * "warn" there is "warning" here. R69 and R70 are "out of scope but recorded": R69 is what the az CLI
 * raises (an error), R70 is a deprecation notice with a historical overlap rule.
 */
const REFERENCE_SEVERITY: Record<string, string> = {
    R1: "error",
    R2: "error",
    R3: "error",
    R4: "warning",
    R5: "error",
    R6: "error",
    R7: "error",
    R8: "error",
    R9: "error",
    R10: "error",
    R11: "error",
    R12: "error",
    R13: "error",
    R14: "error",
    R15: "warning",
    R16: "info",
    R17: "error",
    R18: "error",
    R19: "error",
    R20: "info",
    R21: "error",
    R22: "info",
    R23: "info",
    R24: "error",
    R25: "error",
    R26: "error",
    R27: "error/warning",
    R28: "error",
    R29: "error/warning",
    R30: "error",
    R31: "error",
    R32: "warning",
    R33: "error",
    R34: "warning",
    R35: "warning",
    R36: "error",
    R37: "warning",
    R38: "warning",
    R39: "warning",
    R40: "error",
    R41: "warning",
    R42: "warning",
    R43: "error",
    R44: "error",
    R45: "error",
    R46: "error",
    R47: "warning",
    R48: "error",
    R49: "info",
    R50: "error",
    R51: "error", // the reference: error/warning (D2); AKS refuses 8-13 characters too (WindowsProfilePasswordInvalid)
    R52: "info",
    R53: "error",
    R54: "error",
    R55: "error",
    R56: "warning",
    R57: "error", // the reference: warning (D25); support ended 2026-09-30 (Azure/AKS#3129)
    R58: "error/warning",
    R59: "error",
    R60: "error",
    R61: "warning",
    R62: "error",
    R63: "error",
    R64: "error/warning",
    R65: "error",
    R66: "error",
    R67: "info",
    R68: "info",
    R69: "error",
    R70: "info/warning",
};

function severitiesOf(id: string): string[] {
    const rule = RULES.find((r) => r.id === id);
    return rule ? rule.severity.split("/") : [];
}

describe("rules: catalogue and message style (after every rule test)", () => {
    it("lists R0-R81 once each, in order, each with a title and a source", () => {
        assert.deepEqual(
            RULES.map((r) => r.id),
            Array.from({ length: 82 }, (_, i) => `R${i}`),
        );
        for (const r of RULES) {
            assert.ok(r.title.length > 5, `${r.id} has no title`);
            assert.ok(r.source.length >= 3, `${r.id} has no source`);
            for (const s of r.severity.split("/")) assert.ok(["error", "warning", "info"].includes(s), `${r.id}: severity ${r.severity}`);
        }
    });

    it("gives R1-R70 the reference's severities", () => {
        for (const [id, severity] of Object.entries(REFERENCE_SEVERITY)) {
            assert.equal(RULES.find((r) => r.id === id)?.severity, severity, `${id} in the catalogue`);
        }
    });

    it("the rule tests saw diagnostics (the records below are not empty)", () => {
        assert.ok(seen.length > 300, `only ${seen.length} diagnostics recorded`);
        assert.ok(fired.size > 80, `only ${fired.size} rule/severity pairs asserted`);
    });

    it("every rule id the validator emitted is in the catalogue, with a severity the catalogue lists", () => {
        const problems = new Set<string>();
        for (const { d } of seen) {
            if (!severitiesOf(d.ruleId).includes(d.severity)) problems.add(`${d.ruleId} ${d.severity}: ${d.message}`);
        }
        assert.deepEqual([...problems], []);
    });

    it("no rule test hit an internal error (R0)", () => {
        assert.deepEqual(
            seen.filter(({ d }) => d.ruleId === "R0").map(({ d }) => d.message),
            [],
        );
    });

    it("names every plan path in a message as a path slot, never as literal text (so layers can map it)", () => {
        const keys = PLAN_KEYS.filter((key) => key !== "names");
        // A plan key standing as a word of the text (not inside a quoted value or a longer identifier).
        const pathInText = new RegExp(`(?<![\\w."/-])(?:${keys.join("|")}|names\\.(?:resourceGroup|vnet|subnet))(?![\\w"])`);
        const literal = new Set<string>();
        for (const { d } of seen) {
            assert.equal(d.message, d.template.map((part) => (typeof part === "string" ? part : formatPath(part.path))).join(""));
            for (const part of d.template) {
                if (typeof part === "string" && pathInText.test(part)) literal.add(`${d.ruleId}: ${JSON.stringify(part)}`);
            }
        }
        assert.deepEqual([...literal].sort(), []);
    });

    it("every catalogue rule except R0 has a test where it fires, for every severity it lists", () => {
        const missing: string[] = [];
        for (const r of RULES) {
            if (r.id === "R0") continue;
            for (const s of r.severity.split("/")) if (!fired.has(`${r.id}:${s}`)) missing.push(`${r.id}:${s}`);
        }
        assert.deepEqual(missing, []);
    });

    describe("message style", () => {
        it("messages start lower case (or with their path)", () => {
            const bad = new Set<string>();
            for (const { d } of seen) {
                const startsWithPath = d.path !== "" && d.message.startsWith(d.path);
                if (!startsWithPath && !/^[a-z]/.test(d.message)) bad.add(`${d.ruleId} ${d.path}: ${d.message}`);
            }
            assert.deepEqual([...bad], []);
        });

        it("messages name their path", () => {
            const bad = new Set<string>();
            for (const { d } of seen) {
                if (d.path !== "" && !d.message.includes(d.path)) bad.add(`${d.ruleId} ${d.path}: ${d.message}`);
            }
            assert.deepEqual([...bad], []);
        });

        it("errors and warnings say what to do (a fix after ':' or ';')", () => {
            const bad = new Set<string>();
            for (const { d } of seen) {
                if (d.severity !== "info" && !/[:;]/.test(d.message)) bad.add(`${d.ruleId} ${d.path}: ${d.message}`);
            }
            assert.deepEqual([...bad], []);
        });

        it("no message contains a Windows admin password given to the validator", () => {
            assert.ok(secrets.size >= 10, `only ${secrets.size} passwords were tried`);
            const leaks: string[] = [];
            for (const { plan, d } of seen) {
                const username = (plan as { windowsProfile?: { adminUsername?: unknown } } | null)?.windowsProfile?.adminUsername;
                for (const pw of secrets) {
                    // A user name that happens to equal a password is the user's own text in its own message.
                    if (d.message.includes(pw) && !(d.path === "windowsProfile.adminUsername" && username === pw))
                        leaks.push(`${d.ruleId}: ${d.message}`);
                }
            }
            assert.deepEqual(leaks, []);
        });
    });
});

/** A plan from a baseline with fields removed. */
function without(plan: NetworkPlan, ...keys: (keyof NetworkPlan)[]): NetworkPlan {
    const p = { ...plan };
    for (const k of keys) delete p[k];
    return p;
}

describe("rules: verdict classes", () => {
    /** Plans AKS rejects, shaped after the RP errors quoted in the reference (§5), with the code expected. */
    const rejected: [string, NetworkPlan, string, string | undefined][] = [
        [
            "service CIDR 10.0.0.0/16 over subnet 10.0.239.0/24",
            { ...overlayPlan(), vnetAddressSpaces: ["10.0.0.0/16"], nodeSubnets: [{ name: "aks-nodes", cidr: "10.0.239.0/24" }] },
            "R31",
            "ServiceCidrOverlapExistingSubnetsCidr",
        ],
        ["pod CIDR over a subnet", { ...overlayPlan(), podCidrs: ["10.224.100.0/24"] }, "R36", "NetworkProfileCIDROverlapVNET"],
        [
            "pod CIDR 10.240.100.0/22 for 5 nodes (1280 > 1024)",
            { ...overlayPlan(), podCidrs: ["10.240.100.0/22"], nodePools: [systemPool({ count: 5 })] },
            "R40",
            "InsufficientSubnetSize",
        ],
        [
            "3 x 111 addresses in a /24 (333 > 251)",
            {
                ...nodeSubnetPlan(),
                nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/24" }],
                nodePools: [systemPool({ count: 3, maxPods: 110 })],
            },
            "R58",
            "InsufficientSubnetSize",
        ],
        ["unparsable service CIDR", { ...overlayPlan(), serviceCidrs: ["10.0.0.0/33"] }, "R1", "CidrStringParseError"],
        [
            "Cilium dataplane with policy azure",
            { ...overlayPlan(), networkDataplane: "cilium", networkPolicy: "azure" },
            "R9",
            "CiliumDataplaneRequiresNetworkPolicyCilium",
        ],
        [
            "policy cilium on the Azure dataplane",
            { ...overlayPlan(), networkPolicy: "cilium" },
            "R8",
            "NetworkPolicyCiliumRequiresCiliumDataplane",
        ],
        ["Azure NPM on kubenet", { ...kubenetPlan(), networkPolicy: "azure" }, "R10", "NetworkPolicyAzureNotSupportedForKubenet"],
        [
            "Windows on kubenet",
            {
                ...windowsPlan(),
                networkPlugin: "kubenet",
                networkPluginMode: null,
                nodePools: [systemPool({ maxPods: 110 }), { ...windowsPlan().nodePools![1], maxPods: 110 }],
            },
            "R54",
            "AzureCNIOnlyForWindows",
        ],
        [
            "Windows pool name of 7",
            { ...windowsPlan(), nodePools: [systemPool(), { ...windowsPlan().nodePools![1], name: "winpool" }] },
            "R44",
            "WindowsAgentPoolNameTooLong",
        ],
        ["maxPods 251", { ...overlayPlan(), nodePools: [systemPool({ maxPods: 251 })] }, "R45", "InvalidParameter"],
        ["System pool of 0 nodes", { ...overlayPlan(), nodePools: [systemPool({ count: 0 })] }, "R48", undefined],
        ["service CIDR /12", { ...overlayPlan(), serviceCidrs: ["10.0.0.0/12"] }, "R13", undefined],
        ["IPv6 service CIDR /107", { ...dualStackPlan(), serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a:1::/107"] }, "R14", undefined],
        ["service CIDR with host bits", { ...overlayPlan(), serviceCidrs: ["10.0.0.1/16"] }, "R3", undefined],
        ["DNS IP at the network address", { ...overlayPlan(), dnsServiceIP: "10.0.0.0" }, "R18", undefined],
        ["pod CIDR in 172.30.0.0/16", { ...overlayPlan(), podCidrs: ["172.30.0.0/16"] }, "R24", undefined],
        ["IPv6-first families", { ...dualStackPlan(), ipFamilies: ["IPv6", "IPv4"] }, "R25", undefined],
        [
            "dual-stack on legacy Azure CNI",
            {
                ...nodeSubnetPlan(),
                ipFamilies: ["IPv4", "IPv6"],
                serviceCidrs: dualStackPlan().serviceCidrs,
                vnetAddressSpaces: dualStackPlan().vnetAddressSpaces,
                nodeSubnets: dualStackPlan().nodeSubnets,
            },
            "R27",
            undefined,
        ],
        ["managed NAT gateway on dual-stack", { ...managedVnet(dualStackPlan()), outboundType: "managedNATGateway" }, "R29", undefined],
    ];
    for (const [name, plan, ruleId, code] of rejected) {
        it(`rejects: ${name} (${ruleId})`, () => {
            const ds = validate(plan);
            assert.ok(hasErrors(ds));
            const d = ds.find((x) => x.ruleId === ruleId && x.severity === "error");
            assert.ok(d, `no ${ruleId} error among ${ds.map((x) => `${x.severity} ${x.ruleId}`).join(", ")}`);
            assert.equal(d.azureErrorCode, code);
            assert.equal(describeNetworkPlan(plan).verdict, "reject");
        });
    }

    /** Plans AKS accepts but that are unsupported or risky: warnings, no error. */
    const risky: [string, NetworkPlan, string][] = [
        ["pod CIDR with host bits", { ...overlayPlan(), podCidrs: ["10.244.0.1/16"] }, "R4"],
        ["service CIDR inside the VNet space", { ...overlayPlan(), serviceCidrs: ["10.230.0.0/16"], dnsServiceIP: "10.230.0.10" }, "R32"],
        ["service CIDR over a peered network", { ...overlayPlan(), connectedNetworks: ["10.0.0.0/24"] }, "R34"],
        ["public service CIDR", { ...overlayPlan(), serviceCidrs: ["20.0.0.0/16"], dnsServiceIP: "20.0.0.10" }, "R35"],
        ["pod CIDR inside the VNet space", { ...overlayPlan(), podCidrs: ["10.230.0.0/16"] }, "R37"],
        ["pod CIDR over an on-premises range", { ...overlayPlan(), connectedNetworks: ["10.244.1.0/24"] }, "R38"],
        ["public pod CIDR", { ...overlayPlan(), podCidrs: ["20.244.0.0/16"] }, "R39"],
        [
            "pod CIDR without room for the surge",
            { ...overlayPlan(), podCidrs: ["10.244.0.0/22"], nodePools: [systemPool({ count: 4 })] },
            "R41",
        ],
        [
            "node subnet without room for the surge",
            { ...overlayPlan(), nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/28" }], nodePools: [systemPool({ count: 11 })] },
            "R58",
        ],
        ["BYO CNI without pod CIDR", without({ ...without(overlayPlan(), "networkPluginMode"), networkPlugin: "none" }, "podCidrs"), "R42"],
        [
            "dual-stack kubenet",
            {
                ...kubenetPlan(),
                ipFamilies: ["IPv4", "IPv6"],
                podCidrs: dualStackPlan().podCidrs,
                serviceCidrs: dualStackPlan().serviceCidrs,
                vnetAddressSpaces: dualStackPlan().vnetAddressSpaces,
                nodeSubnets: dualStackPlan().nodeSubnets,
            },
            "R27",
        ],
        ["dual-stack with a user NAT gateway", { ...dualStackPlan(), outboundType: "userAssignedNATGateway" }, "R29"],
        ["Windows without windowsProfile", without(windowsPlan(), "windowsProfile"), "R56"],
        [
            "pod subnet short of 16 per node",
            {
                ...podSubnetPlan(),
                nodeSubnets: [
                    { name: "aks-nodes", cidr: "10.224.0.0/16" },
                    { name: "aks-pods", cidr: "10.225.0.0/27" },
                ],
            },
            "R61",
        ],
        ["a misspelt field", { ...overlayPlan(), serviceCidr: ["10.0.0.0/16"] } as NetworkPlan, "R72"],
    ];
    for (const [name, plan, ruleId] of risky) {
        it(`warns without error: ${name} (${ruleId})`, () => {
            const ds = validate(plan);
            assert.deepEqual(
                ds.filter((d) => d.severity === "error").map((d) => `${d.ruleId}: ${d.message}`),
                [],
            );
            assert.ok(
                ds.some((d) => d.ruleId === ruleId && d.severity === "warning"),
                `no ${ruleId} warning`,
            );
            assert.equal(describeNetworkPlan(plan).verdict, "warn");
        });
    }

    /** Defaults, recommendations and retirement notices: info only, the plan is accepted. */
    const notices: [string, NetworkPlan, string][] = [
        ["kubenet retirement", kubenetPlan(), "R16"],
        ["Azure NPM retirement", { ...overlayPlan(), networkPolicy: "azure" }, "R23"],
        ["single-stack defaults", without(overlayPlan(), "podCidrs", "serviceCidrs", "dnsServiceIP"), "R22"],
        ["dual-stack defaults", without(dualStackPlan(), "podCidrs", "serviceCidrs", "dnsServiceIP"), "R52"],
        ["default maxPods", { ...overlayPlan(), nodePools: [{ ...systemPool(), maxPods: undefined }] }, "R49"],
        ["DNS address other than .10", { ...overlayPlan(), dnsServiceIP: "10.0.0.53" }, "R20"],
        ["upper-case IPv6", { ...dualStackPlan(), podCidrs: ["10.244.0.0/16", "FD12:3456:789A::/64"] }, "R67"],
        ["Cilium on node subnet IPAM", { ...nodeSubnetPlan(), networkDataplane: "cilium" }, "R68"],
        ["docker bridge given", { ...overlayPlan(), dockerBridgeCidr: "172.17.0.1/16" }, "R70"],
        ["the empty plan", {}, "R22"],
    ];
    for (const [name, plan, ruleId] of notices) {
        it(`accepts with info: ${name} (${ruleId})`, () => {
            const ds = validate(plan);
            assert.deepEqual(
                ds.filter((d) => d.severity !== "info").map((d) => `${d.severity} ${d.ruleId}: ${d.message}`),
                [],
            );
            assert.ok(
                ds.some((d) => d.ruleId === ruleId && d.severity === "info"),
                `no ${ruleId} info`,
            );
            assert.equal(describeNetworkPlan(plan).verdict, "accept");
        });
    }

    it("the baselines are accepted with no diagnostic at all", () => {
        for (const plan of [overlayPlan(), dualStackPlan(), nodeSubnetPlan(), podSubnetPlan(), windowsPlan()]) {
            assert.deepEqual(validate(plan), []);
            assert.equal(describeNetworkPlan(plan).verdict, "accept");
        }
    });
});
