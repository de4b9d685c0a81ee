/**
 * Dual-stack rules: the families (R25), CIDRs per family (R26), IPAM modes (R27), policies (R28),
 * egress (R29), Kubernetes minimums (R30) and a dual-stack VNet of your own (R74).
 */
import { at, t } from "../../core/text";
import { CidrEntry, versionAtLeast } from "../model";
import { show } from "../../core/words";
import { parsed, RuleContext } from "./context";
import { rule, RuleStep } from "./entry";

/** Why a list of families is not ["IPv4"] or ["IPv4", "IPv6"], or undefined when it is one of them. */
function familiesProblem(families: unknown[]): string | undefined {
    const [first, second] = families;
    if ((families.length === 1 && first === "IPv4") || (families.length === 2 && first === "IPv4" && second === "IPv6")) return undefined;
    if (families.length === 0) return "it is empty";
    const stranger = (value: unknown) => value !== "IPv4" && value !== "IPv6";
    if (families.some(stranger)) return `${show(families.find(stranger))} is not a family (IPv4 or IPv6, case-sensitive)`;
    if (families.length > 2 || new Set(families).size !== families.length) return "it repeats a family";
    if (first === "IPv6" && families.length === 1) return "IPv6-only clusters are not supported";
    return "IPv6 must come second";
}

/** R25: ipFamilies is ["IPv4"] or ["IPv4", "IPv6"]. */
function familyList(ctx: RuleContext): void {
    const families = ctx.m.familiesRaw;
    const why = families === null ? undefined : familiesProblem(families);
    if (families === null || why === undefined) return;
    ctx.s.error("R25", ["ipFamilies"], t`${at("ipFamilies")} ${show(families)} is not allowed: ${why}; use ["IPv4"] or ["IPv4", "IPv6"]`);
}

/** R26: one pod and one service CIDR per family, in family order. */
function cidrsPerFamily(ctx: RuleContext): void {
    const { m, s } = ctx;
    const lists: [string, CidrEntry[], boolean][] = [["serviceCidrs", m.serviceCidrs, m.serviceCidrsExplicit && m.serviceCidrsList]];
    if (m.ipam === "overlay" || m.ipam === "kubenet" || m.ipam === "none")
        lists.push(["podCidrs", m.podCidrs, m.podCidrsExplicit && m.podCidrsList]);
    for (const [key, entries, check] of lists) {
        if (!check) continue;
        if (entries.length !== m.families.length) {
            s.error(
                "R26",
                [key],
                t`${at(key)} has ${entries.length} ${entries.length === 1 ? "entry" : "entries"} but ${at("ipFamilies")} has ${m.families.length} (${m.families.join(", ")}); give one CIDR per family in the same order`,
            );
            continue;
        }
        entries.forEach((e, i) => {
            if (e.cidr && e.cidr.family !== m.families[i]) {
                s.error(
                    "R26",
                    e.path,
                    t`${e.label} is ${e.cidr.family} but ${at("ipFamilies", i)} is ${m.families[i]}; list the CIDRs in ${at("ipFamilies")} order (IPv4 first)`,
                );
            }
        });
    }
}

/** R27: dual-stack IPAM modes. */
function dualStackIpam(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (!m.dualStack) return;
    if (m.ipam === "nodeSubnet") {
        s.error(
            "R27",
            ["ipFamilies"],
            t`${at("ipFamilies")} ["IPv4", "IPv6"] (dual-stack) is not supported with Azure CNI node subnet (legacy); use ${at("networkPluginMode")} "overlay"`,
        );
    } else if (m.ipam === "kubenet" || m.ipam === "podSubnet") {
        s.warn(
            "R27",
            ["ipFamilies"],
            t`${at("ipFamilies")} ["IPv4", "IPv6"] (dual-stack) with ${m.ipam === "kubenet" ? "kubenet" : "Azure CNI pod subnet"} is outside what AKS documents (Azure CNI Overlay is required for dual-stack): use ${at("networkPluginMode")} "overlay"`,
        );
    }
}

/** R28: no Azure NPM or Calico on dual-stack. */
function dualStackPolicy(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.dualStack && (m.policy === "azure" || m.policy === "calico")) {
        s.error(
            "R28",
            ["networkPolicy"],
            t`${at("networkPolicy")} "${m.policy}" is not supported on dual-stack clusters; use the Cilium dataplane (${at("networkDataplane")} "cilium") for network policy`,
        );
    }
}

/** R29: NAT gateways are IPv4-only (Standard SKU). */
function dualStackEgress(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (!m.dualStack) return;
    if (m.outboundType === "managedNATGateway") {
        s.error(
            "R29",
            ["outboundType"],
            t`${at("outboundType")} "managedNATGateway" is IPv4-only and not supported on dual-stack clusters; use "loadBalancer"`,
        );
    } else if (m.outboundType === "userAssignedNATGateway") {
        s.warn(
            "R29",
            ["outboundType"],
            t`${at("outboundType")} "userAssignedNATGateway" works on dual-stack only with a StandardV2 NAT gateway (Standard is IPv4-only); check the SKU or use "loadBalancer"`,
        );
    }
}

/** R30: Kubernetes minimums for dual-stack. */
function dualStackVersion(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (!m.dualStack) return;
    if (m.ipam === "overlay" && !versionAtLeast(m.version, 1, 26, 3)) {
        s.error(
            "R30",
            ["kubernetesVersion"],
            t`${at("kubernetesVersion")} "${m.version.text}" is before 1.26.3, the first version with dual-stack Azure CNI Overlay: use 1.26.3 or later`,
        );
    }
    if (m.dataplane === "cilium" && !versionAtLeast(m.version, 1, 29)) {
        s.error(
            "R30",
            ["kubernetesVersion"],
            t`${at("kubernetesVersion")} "${m.version.text}" is before 1.29; dual-stack with the Cilium dataplane needs Kubernetes 1.29 or later`,
        );
    }
}

/** R74: a dual-stack VNet of your own needs IPv6 space and IPv6 prefixes on the node subnets. */
function dualStackVnet(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (!m.dualStack || !m.byoVnet) return;
    const spaces = parsed(m.vnetSpaces);
    if (spaces.length > 0 && !spaces.some((e) => e.cidr.family === "IPv6")) {
        s.error(
            "R74",
            ["vnetAddressSpaces"],
            t`the cluster is dual-stack but ${at("vnetAddressSpaces")} has no IPv6 range; nodes get both families from a dual-stack VNet: add an IPv6 range such as "fd00:10::/48"`,
        );
    }
    const used = new Set(m.pools.map((p) => p.subnet ?? m.subnets[0]?.name).filter((x) => x !== undefined));
    for (const sn of m.subnets) {
        if (sn.name !== null && used.has(sn.name) && sn.ipv6 === null) {
            s.error(
                "R74",
                sn.path,
                t`${at(sn.path)} "${sn.name}" has no ipv6Cidr, but dual-stack nodes take an IPv6 address from their subnet: add a /64, e.g. ipv6Cidr "fd00:10:0:1::/64"`,
            );
        }
    }
}

/** The dual-stack checks, in run order. */
export const dualStackEntries: readonly RuleStep[] = [
    rule(["R25"], familyList),
    rule(["R26"], cidrsPerFamily),
    rule(["R27"], dualStackIpam),
    rule(["R28"], dualStackPolicy),
    rule(["R29"], dualStackEgress),
    rule(["R30"], dualStackVersion),
    rule(["R74"], dualStackVnet),
];
