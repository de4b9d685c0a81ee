/**
 * Node pool rules: names (R43, R76), maxPods (R45-R47, R49), counts (R48, R53), capacity of the pod
 * CIDR (R40, R41), of subnets (R58, R61) and of the cluster (R59), VM sizes (R60), subnet references
 * (R63, R75) and name lengths (R64).
 */
import { Path } from "../../core/path";
import { at, join, t, Text } from "../../core/text";
import { Capacity } from "../capacity";
import { Cidr, formatIp } from "../cidr";
import * as D from "../defaults";
import { RuleContext, subject } from "./context";
import { forEach, itemRule, rule, RuleStep } from "./entry";

type Pool = RuleContext["m"]["pools"][number];

/** R53: at least one System pool. */
function systemPoolPresent(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.poolsExplicit && m.pools.length === 0) {
        s.error(
            "R53",
            ["nodePools"],
            t`${at("nodePools")} is empty; a cluster needs at least one System pool: add { "name": "system", "mode": "System", "count": 3 }`,
        );
    } else if (!m.pools.some((p) => p.mode === "System")) {
        s.error(
            "R53",
            ["nodePools"],
            t`${at("nodePools")} has no pool with mode "System"; AKS requires at least one System pool (pools default to "User"): set mode "System" on a Linux pool`,
        );
    }
}

/** R43: name pattern (API pattern, D11). */
function poolNamePattern(ctx: RuleContext, p: Pool): void {
    if (p.name === null || D.POOL_NAME_RE.test(p.name)) return;
    const why =
        p.name.length === 0
            ? "it is empty"
            : p.name.length > 12
              ? `it has ${p.name.length} characters (at most 12)`
              : !/^[a-z]/.test(p.name)
                ? "it must start with a lowercase letter"
                : "it may contain only lowercase letters and digits";
    const fix = p.name
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "")
        .replace(/^[0-9]+/, "")
        .slice(0, p.osType === "Windows" ? 6 : 12);
    ctx.s.error(
        "R43",
        [...p.path, "name"],
        t`${at(p.path, "name")} "${p.name}" is not a valid node pool name: ${why}; use 1-12 lowercase letters and digits starting with a letter${fix ? `, e.g. "${fix}"` : ""}`,
    );
}

/** R44: Windows pools have at most 6 characters. */
function windowsPoolNameLength(ctx: RuleContext, p: Pool): void {
    if (p.osType === "Windows" && p.name !== null && p.name.length > D.WINDOWS_POOL_NAME_MAX) {
        ctx.s.error(
            "R44",
            [...p.path, "name"],
            t`${at(p.path, "name")} "${p.name}" has ${p.name.length} characters; Windows node pool names must be 1-6 characters, e.g. "${
                p.name
                    .replace(/[^a-z0-9]/gi, "")
                    .toLowerCase()
                    .slice(0, 6) || "win1"
            }"`,
            "WindowsAgentPoolNameTooLong",
        );
    }
}

const FIRST_BY_NAME = new WeakMap<RuleContext["m"], Map<string, Pool>>();

/** The first pool of the plan with each name. */
function firstByName(m: RuleContext["m"]): Map<string, Pool> {
    let first = FIRST_BY_NAME.get(m);
    if (first === undefined) {
        first = new Map();
        for (const p of m.pools) if (p.name !== null && !first.has(p.name)) first.set(p.name, p);
        FIRST_BY_NAME.set(m, first);
    }
    return first;
}

/** R76: names are unique. */
function uniquePoolName(ctx: RuleContext, p: Pool): void {
    const first = p.name === null ? undefined : firstByName(ctx.m).get(p.name);
    if (first !== undefined && first !== p) {
        ctx.s.error(
            "R76",
            [...p.path, "name"],
            t`${at(p.path, "name")} "${p.name}" is already used by ${at(first.path)}; node pool names must be unique`,
        );
    }
}

/** R45: maxPods range. */
function maxPodsRange(ctx: RuleContext, p: Pool): void {
    if (p.maxPodsExplicit && (p.maxPods < D.MAX_PODS_MIN || p.maxPods > D.MAX_PODS_MAX)) {
        ctx.s.error(
            "R45",
            [...p.path, "maxPods"],
            t`${at(p.path, "maxPods")} ${p.maxPods} is out of range; AKS allows 10 to 250 pods per node`,
            "InvalidParameter",
        );
    }
}

/** R49: default maxPods made explicit. */
function defaultMaxPods(ctx: RuleContext, p: Pool): void {
    if (!p.maxPodsExplicit) {
        ctx.s.info(
            "R49",
            [...p.path, "maxPods"],
            t`${at(p.path, "maxPods")} is omitted; pool ${p.display} gets the ${ctx.m.ipam} default of ${p.maxPods} pods per node`,
        );
    }
}

/** R46: room for 30 pods per pool. */
function podsPerPool(ctx: RuleContext, p: Pool): void {
    if (p.count >= 1 && p.maxPods >= D.MAX_PODS_MIN && p.maxPods * p.count < D.MIN_PODS_PER_POOL) {
        ctx.s.error(
            "R46",
            [...p.path, "maxPods"],
            t`${at(p.path, "maxPods")} ${p.maxPods}${p.maxPodsExplicit ? "" : " (default)"}: pool ${p.display} has room for ${p.maxPods * p.count} pods (${p.count} × maxPods ${p.maxPods}); every pool needs room for at least 30: raise maxPods to ${Math.ceil(D.MIN_PODS_PER_POOL / p.count)} or add nodes`,
        );
    }
}

/** R47: Windows overlay pods per node. */
function windowsOverlayMaxPods(ctx: RuleContext, p: Pool): void {
    if (p.osType === "Windows" && ctx.m.ipam === "overlay" && p.maxPods > 110) {
        ctx.s.warn(
            "R47",
            [...p.path, "maxPods"],
            t`${at(p.path, "maxPods")} ${p.maxPods}${p.maxPodsExplicit ? "" : " (the overlay default)"} on Windows pool ${p.display}; the recommended maximum for Windows Server containers is 110: set maxPods to 110 or less`,
        );
    }
}

/** R60: DCsv2 VMs don't support overlay. */
function overlayVmSize(ctx: RuleContext, p: Pool): void {
    if (ctx.m.ipam === "overlay" && p.vmSize !== null && /^Standard_DC\d+s?_v2$/i.test(p.vmSize)) {
        ctx.s.error(
            "R60",
            [...p.path, "vmSize"],
            t`${at(p.path, "vmSize")} "${p.vmSize}" (DCsv2) is not supported with Azure CNI Overlay; choose a DCsv3 or DCasv5 size`,
        );
    }
}

/** R40 / R41: one /24 of the IPv4 pod CIDR per node, with and without the upgrade surge. */
function podCidrCapacity(ctx: RuleContext): void {
    const { m, s, cap } = ctx;
    if (cap.podBlocks === null || !cap.podCidrV4) return;
    const pod = m.podCidrs.find((e) => e.cidr === cap.podCidrV4);
    const path: Path = pod?.path ?? ["podCidrs"];
    const label: Text | string = pod?.label ?? cap.podCidrV4.canonical;
    const need = (n: number) => {
        const prefix = Math.max(0, D.POD_BLOCK_PREFIX_V4 - Math.ceil(Math.log2(Math.max(1, n))));
        return `/${prefix} (${2 ** (D.POD_BLOCK_PREFIX_V4 - prefix)} nodes)`;
    };
    if (cap.totalNodes > cap.podBlocks) {
        s.error(
            "R40",
            path,
            t`${label} holds ${cap.podBlocks} nodes at one /24 each, but the pools reach ${cap.totalNodes} nodes (autoscaler maximums counted); use a pod CIDR of at least ${need(cap.totalWithSurge)}`,
            "InsufficientSubnetSize",
        );
    } else if (cap.totalWithSurge > cap.podBlocks) {
        s.warn(
            "R41",
            path,
            t`${label} holds ${cap.podBlocks} nodes at one /24 each; the pools reach ${cap.totalNodes} nodes and ${cap.totalWithSurge} during upgrades (surge), so upgrades will fail: use a pod CIDR of at least ${need(cap.totalWithSurge)}`,
            "InsufficientSubnetSize",
        );
    }
}

/** R42: BYO CNI without a pod CIDR. */
function byoCniPodCidr(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.ipam === "none" && !m.podCidrsExplicit) {
        s.warn(
            "R42",
            ["podCidrs"],
            t`${at("networkPlugin")} "none" without ${at("podCidrs")}; AKS needs the pod CIDR your CNI uses, or control-plane-to-pod traffic may fail: set ${at("podCidrs")} to the range your CNI assigns`,
        );
    }
}

/** R59: cluster node limits. */
function clusterNodeLimit(ctx: RuleContext): void {
    const { m, s, cap } = ctx;
    if (cap.nodeLimit !== null && cap.totalNodes > cap.nodeLimit) {
        s.error(
            "R59",
            ["nodePools"],
            t`${at("nodePools")} reach ${cap.totalNodes} nodes (autoscaler maximums counted); ${m.ipam === "kubenet" ? "kubenet is limited to 400 nodes (400 routes per route table)" : "Azure CNI Overlay clusters are limited to 5,000 nodes"}: lower maxCount or split the cluster`,
        );
    }
}

type SubnetUse = Capacity["subnetUses"][number];

/** The words R58 and R61 share about one subnet's use. */
function subnetUseWords(
    ctx: RuleContext,
    u: SubnetUse,
): { cidr: Cidr; names: Text; formula: string; label: Text; bigger: number } | undefined {
    const cidr = u.subnet.cidr.cidr;
    if (!cidr) return undefined;
    const formula =
        u.role === "pods"
            ? "16 addresses per node"
            : ctx.m.ipam === "nodeSubnet"
              ? "nodes × (maxPods + 1), as pods take subnet addresses"
              : "one address per node";
    const bigger = Math.max(0, 32 - Math.ceil(Math.log2(u.neededWithSurge + D.AZURE_RESERVED_PER_SUBNET)));
    return {
        cidr,
        names: join(
            u.pools.map((p) => p.display),
            ", ",
        ),
        formula,
        label: subject(u.subnet.cidr),
        bigger,
    };
}

/** R58: node subnet capacity (an error at create, a warning with the surge). */
function nodeSubnetCapacity(ctx: RuleContext, u: SubnetUse): void {
    const words = u.role === "nodes" ? subnetUseWords(ctx, u) : undefined;
    if (!words) return;
    if (u.needed > u.usable) {
        ctx.s.error(
            "R58",
            u.subnet.cidr.path,
            t`${words.label} has ${u.usable} usable addresses (size - 5) but pools ${words.names} need ${u.needed} (${words.formula}); use a /${words.bigger} or larger, e.g. "${formatIp(words.cidr.first, "IPv4")}/${words.bigger}" if free, or move pools to another subnet`,
            "InsufficientSubnetSize",
        );
    } else if (u.neededWithSurge > u.usable) {
        ctx.s.warn(
            "R58",
            u.subnet.cidr.path,
            t`${words.label} has ${u.usable} usable addresses; pools ${words.names} need ${u.needed} and ${u.neededWithSurge} during upgrades (${words.formula}), so upgrades will fail: use a /${words.bigger} or larger`,
            "InsufficientSubnetSize",
        );
    }
}

/** R61: pod subnet sizing; compares the nodes' batches with the subnet, without surge (reference §3.7). */
function podSubnetCapacity(ctx: RuleContext, u: SubnetUse): void {
    const words = u.role !== "nodes" && u.needed > u.usable ? subnetUseWords(ctx, u) : undefined;
    if (!words) return;
    ctx.s.warn(
        "R61",
        u.subnet.cidr.path,
        t`${words.label}, a pod subnet, has ${u.usable} usable addresses; pools ${words.names} need at least ${u.needed} (${words.formula}; ${u.neededWithSurge} during upgrades): use a /${words.bigger} or larger`,
    );
}

/** R64: names used as node labels. */
function nameLengths(ctx: RuleContext): void {
    const { m, s } = ctx;
    const severity = m.ipam === "overlay" ? "error" : "warning";
    const longNames: { path: Path; value: string }[] = [...m.names];
    for (const sn of m.subnets) if (sn.name !== null) longNames.push({ path: [...sn.path, "name"], value: sn.name });
    for (const n of longNames) {
        if (n.value.length > D.MAX_NAME_LENGTH) {
            s.add(
                severity,
                "R64",
                n.path,
                t`${at(n.path)} "${n.value.slice(0, 20)}..." has ${n.value.length} characters; subnet, VNet and resource group names become node labels and must be 63 characters or fewer: shorten it`,
            );
        }
    }
}

/** R48: counts: 0..1000 (System 1..1000), min <= count <= max. */
function poolCounts(ctx: RuleContext, p: Pool): void {
    const { s } = ctx;
    const isSystem = p.mode === "System";
    const min = isSystem ? 1 : 0;
    if (p.countExplicit && (p.count < min || p.count > D.MAX_POOL_COUNT)) {
        s.error(
            "R48",
            [...p.path, "count"],
            t`${at(p.path, "count")} ${p.count} is out of range; ${isSystem ? "System pools need 1 to 1000 nodes" : "User pools take 0 to 1000 nodes"}`,
        );
    }
    if (p.maxCount !== null) {
        if (p.maxCount > D.MAX_POOL_COUNT || p.maxCount < Math.max(1, min)) {
            s.error(
                "R48",
                [...p.path, "maxCount"],
                t`${at(p.path, "maxCount")} ${p.maxCount} is out of range; the autoscaler maximum is 1 to 1000`,
            );
        }
        if (p.minCount !== null && p.minCount > p.maxCount) {
            s.error(
                "R48",
                [...p.path, "minCount"],
                t`${at(p.path, "minCount")} ${p.minCount} is greater than maxCount ${p.maxCount}; set minCount <= maxCount`,
            );
        }
        if (p.minCount !== null && p.minCount < min) {
            s.error(
                "R48",
                [...p.path, "minCount"],
                t`${at(p.path, "minCount")} ${p.minCount} is out of range; ${isSystem ? "System pools keep at least 1 node" : "use 0 or more"}`,
            );
        }
        if (p.countExplicit && p.count > p.maxCount) {
            s.error(
                "R48",
                [...p.path, "count"],
                t`${at(p.path, "count")} ${p.count} is greater than maxCount ${p.maxCount}; count must lie between minCount and maxCount`,
            );
        } else if (p.countExplicit && p.minCount !== null && p.count < p.minCount) {
            s.error(
                "R48",
                [...p.path, "count"],
                t`${at(p.path, "count")} ${p.count} is less than minCount ${p.minCount}; count must lie between minCount and maxCount`,
            );
        }
    } else if (p.minCount !== null) {
        s.error(
            "R48",
            [...p.path, "minCount"],
            t`${at(p.path, "minCount")} is set without maxCount; set maxCount to turn the autoscaler on, or remove minCount`,
        );
    }
}

/** R63: subnet references resolve. */
function subnetReferences(ctx: RuleContext, p: Pool): void {
    const { m, s } = ctx;
    const names = m.subnets.map((x) => x.name).filter((x): x is string => x !== null);
    const known = names.length ? t`one of ${names.map((n) => `"${n}"`).join(", ")}` : t`add the subnet to ${at("nodeSubnets")}`;
    for (const key of ["subnet", "podSubnet"] as const) {
        const ref = p[key];
        if (ref !== null && !names.includes(ref)) {
            s.error("R63", [...p.path, key], t`${at(p.path, key)} "${ref}" names no entry of ${at("nodeSubnets")}; use ${known}`);
        }
    }
}

/** R75: pod subnets are an Azure CNI (non-overlay) feature and need their own subnet. */
function podSubnets(ctx: RuleContext, p: Pool): void {
    const { m, s } = ctx;
    if (p.podSubnet !== null) {
        if (m.plugin !== "azure" || m.pluginMode === "overlay") {
            s.error(
                "R75",
                [...p.path, "podSubnet"],
                t`${at(p.path, "podSubnet")} is set, but pod subnets work only with ${at("networkPlugin")} "azure" without overlay (pods here take addresses from ${m.pluginMode === "overlay" ? "the overlay pod CIDR" : `the ${m.plugin} pod CIDR`}): remove podSubnet or drop ${at("networkPluginMode")} "overlay"`,
            );
        }
        const nodeSubnet = p.subnet ?? m.subnets[0]?.name ?? null;
        if (nodeSubnet !== null && nodeSubnet === p.podSubnet) {
            s.error(
                "R75",
                [...p.path, "podSubnet"],
                t`${at(p.path, "podSubnet")} "${p.podSubnet}" is also the pool's node subnet; nodes and pods need separate subnets: add a pod subnet to ${at("nodeSubnets")}`,
            );
        }
    } else if (m.ipam === "podSubnet" && m.plugin === "azure") {
        s.error(
            "R75",
            [...p.path, "podSubnet"],
            t`${at(p.path, "podSubnet")} is missing: pool ${p.display} has no pod subnet while other pools use pod subnets; with Azure CNI pod subnet every pool needs one: set podSubnet`,
        );
    }
}

/** The node pool checks, in run order. */
export const poolEntries: readonly RuleStep[] = [
    rule(["R53"], systemPoolPresent),
    forEach("node pools", (ctx) => ctx.m.pools, [
        itemRule(["R43"], poolNamePattern),
        itemRule(["R44"], windowsPoolNameLength),
        itemRule(["R76"], uniquePoolName),
        itemRule(["R45"], maxPodsRange),
        itemRule(["R49"], defaultMaxPods),
        itemRule(["R46"], podsPerPool),
        itemRule(["R47"], windowsOverlayMaxPods),
        itemRule(["R48"], poolCounts),
        itemRule(["R60"], overlayVmSize),
        itemRule(["R63"], subnetReferences),
        itemRule(["R75"], podSubnets),
    ]),
    rule(["R40", "R41"], podCidrCapacity),
    rule(["R42"], byoCniPodCidr),
    rule(["R59"], clusterNodeLimit),
    forEach("subnet uses", (ctx) => ctx.cap.subnetUses, [itemRule(["R58"], nodeSubnetCapacity), itemRule(["R61"], podSubnetCapacity)]),
    rule(["R64"], nameLengths),
];
