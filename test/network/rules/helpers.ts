/**
 * Shared fixtures for the per-rule tests: known-good baseline plans (each with no error and no
 * warning), a validator wrapper that records every diagnostic it sees, and assertions on single
 * rules. `catalog.test.ts` reads the records to check the rule catalogue and the message style.
 */
import * as assert from "node:assert/strict";
import { Diagnostic, NetworkPlan, NodePoolPlan, validateNetworkPlan } from "../../../lib/network";

/** `ruleId:severity` pairs a test asserted to fire. */
export const fired = new Set<string>();
/** Every diagnostic the validator returned in any rule test, with the plan that produced it. */
export const seen: { plan: unknown; d: Diagnostic }[] = [];
/** Secret values handed to the validator (Windows passwords): they must never show up in a message. */
export const secrets = new Set<string>();

/** A deep copy, so a test can never change a baseline for the next one. */
function copy<T>(v: T): T {
    return JSON.parse(JSON.stringify(v)) as T;
}

const SYSTEM_POOL: NodePoolPlan = {
    name: "system",
    mode: "System",
    osType: "Linux",
    count: 3,
    maxPods: 250,
    vmSize: "Standard_D4ds_v5",
    subnet: "aks-nodes",
};

/**
 * Azure CNI Overlay, single stack, own VNet, everything explicit. VNet 10.224.0.0/12
 * (10.224.0.0-10.239.255.255), node subnet 10.224.0.0/16, pods 10.244.0.0/16, services 10.0.0.0/16.
 */
export function overlayPlan(): NetworkPlan {
    return copy({
        networkPlugin: "azure",
        networkPluginMode: "overlay",
        networkDataplane: "azure",
        ipFamilies: ["IPv4"],
        podCidrs: ["10.244.0.0/16"],
        serviceCidrs: ["10.0.0.0/16"],
        dnsServiceIP: "10.0.0.10",
        vnetAddressSpaces: ["10.224.0.0/12"],
        nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/16" }],
        kubernetesVersion: "1.33",
        outboundType: "loadBalancer",
        nodePools: [SYSTEM_POOL],
    } satisfies NetworkPlan);
}

/** The overlay baseline made dual-stack (IPv6 VNet space and subnet prefix, IPv6 pod and service CIDRs). */
export function dualStackPlan(): NetworkPlan {
    return {
        ...overlayPlan(),
        ipFamilies: ["IPv4", "IPv6"],
        podCidrs: ["10.244.0.0/16", "fd12:3456:789a::/64"],
        serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a:1::/108"],
        vnetAddressSpaces: ["10.224.0.0/12", "fd00:10::/48"],
        nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/16", ipv6Cidr: "fd00:10:0:1::/64" }],
    };
}

/** kubenet, own VNet: valid but carries the kubenet retirement notice (R16, info). */
export function kubenetPlan(): NetworkPlan {
    const p = overlayPlan();
    delete p.networkPluginMode;
    return { ...p, networkPlugin: "kubenet", nodePools: [{ ...SYSTEM_POOL, maxPods: 110 }] };
}

/** Legacy Azure CNI (node subnet): pods take node-subnet addresses, no pod CIDR. */
export function nodeSubnetPlan(): NetworkPlan {
    const p = overlayPlan();
    delete p.podCidrs;
    return { ...p, networkPlugin: "azure", networkPluginMode: null, nodePools: [{ ...SYSTEM_POOL, maxPods: 30 }] };
}

/** Azure CNI pod subnet (dynamic allocation): a node subnet and a separate pod subnet. */
export function podSubnetPlan(): NetworkPlan {
    const p = nodeSubnetPlan();
    return {
        ...p,
        nodeSubnets: [
            { name: "aks-nodes", cidr: "10.224.0.0/16" },
            { name: "aks-pods", cidr: "10.225.0.0/16" },
        ],
        nodePools: [{ ...SYSTEM_POOL, maxPods: 110, podSubnet: "aks-pods" }],
    };
}

/** A valid Windows admin password (16 characters, four classes). */
export const GOOD_PASSWORD = "Q7v!rT2#pLx9@wZk";

/** The overlay baseline with a Windows User pool and a complete windowsProfile. */
export function windowsPlan(): NetworkPlan {
    const p = overlayPlan();
    return {
        ...p,
        windowsProfile: { adminUsername: "azureuser", adminPassword: GOOD_PASSWORD },
        nodePools: [
            ...p.nodePools!,
            { name: "win", mode: "User", osType: "Windows", count: 2, maxPods: 30, vmSize: "Standard_D4ds_v5", subnet: "aks-nodes" },
        ],
    };
}

/** Validate and record. */
export function validate(plan: unknown): Diagnostic[] {
    const wp = (plan as NetworkPlan | null)?.windowsProfile;
    if (wp && typeof wp.adminPassword === "string" && wp.adminPassword.length >= 4) secrets.add(wp.adminPassword);
    const out = validateNetworkPlan(plan as NetworkPlan);
    for (const d of out) seen.push({ plan, d });
    return out;
}

function list(ds: Diagnostic[]): string {
    return ds.length === 0 ? "(none)" : ds.map((d) => `  ${d.severity} ${d.ruleId} ${d.path}: ${d.message}`).join("\n");
}

export interface Expected {
    ruleId: string;
    severity: Diagnostic["severity"];
    path: string;
    /** Fragments the message must contain (the bad value, the fix). */
    includes?: string[];
    azureErrorCode?: string;
    /** How many diagnostics of the rule at the path (each checked). @default 1 */
    count?: number;
    /** Allow the rule to report at the same path with another severity too (R70: info and warning). */
    otherSeverities?: boolean;
}

/** Exactly one (or `count`) diagnostic of the rule at the path, with that severity and those fragments. Returns it. */
export function expectFires(ds: Diagnostic[], e: Expected): Diagnostic {
    const atPath = ds.filter((d) => d.ruleId === e.ruleId && d.path === e.path);
    const hits = atPath.filter((d) => d.severity === e.severity);
    const count = e.count ?? 1;
    assert.equal(hits.length, count, `expected ${count} ${e.ruleId} ${e.severity} at ${e.path}, got ${hits.length}:\n${list(ds)}`);
    if (!e.otherSeverities) {
        const other = atPath.filter((d) => d.severity !== e.severity);
        assert.equal(other.length, 0, `${e.ruleId} at ${e.path} also has other severities:\n${list(other)}`);
    }
    for (const d of hits) {
        for (const f of e.includes ?? []) {
            assert.ok(d.message.includes(f), `${e.ruleId} message lacks ${JSON.stringify(f)}: ${d.message}`);
        }
        if (e.azureErrorCode !== undefined) assert.equal(d.azureErrorCode, e.azureErrorCode);
    }
    fired.add(`${e.ruleId}:${e.severity}`);
    return hits[0];
}

/** The rule does not fire at all (or, with a severity, not with that severity). */
export function expectSilent(ds: Diagnostic[], ruleId: string, severity?: Diagnostic["severity"]): void {
    const hits = ds.filter((d) => d.ruleId === ruleId && (severity === undefined || d.severity === severity));
    assert.equal(hits.length, 0, `expected no ${ruleId}${severity ? ` ${severity}` : ""}, got:\n${list(hits)}`);
}

/** No error and no warning (info is fine). */
export function expectClean(ds: Diagnostic[]): void {
    const bad = ds.filter((d) => d.severity !== "info");
    assert.equal(bad.length, 0, `expected no error or warning, got:\n${list(bad)}`);
}

/** Only the given rules fire with error/warning severity: the change under test and nothing else. */
export function expectOnly(ds: Diagnostic[], ruleIds: string[]): void {
    const other = ds.filter((d) => d.severity !== "info" && !ruleIds.includes(d.ruleId));
    assert.equal(other.length, 0, `expected only ${ruleIds.join(", ")} among errors and warnings, also got:\n${list(other)}`);
}

/** Pools: the baseline System pool with changes. */
export function systemPool(changes: Partial<NodePoolPlan> = {}): NodePoolPlan {
    return { ...copy(SYSTEM_POOL), ...changes };
}

/** The plan on an AKS-managed VNet: no address spaces, no subnets, pools without subnet references. */
export function managedVnet(plan: NetworkPlan): NetworkPlan {
    const p = copy(plan);
    delete p.vnetAddressSpaces;
    delete p.nodeSubnets;
    for (const pool of p.nodePools ?? []) {
        delete pool.subnet;
        delete pool.podSubnet;
    }
    return p;
}
