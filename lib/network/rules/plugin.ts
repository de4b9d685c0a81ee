/**
 * Plugin, mode, dataplane and policy combinations (R5-R12, R15, R16, R23, R68), dual-stack rules
 * (R25-R30, R74) and outbound types (R65, R66).
 */
import { at, t } from "../../core/text";
import { CidrEntry, versionAtLeast } from "../model";
import { show } from "../report-sink";
import { parsed, RuleContext } from "./context";

export function pluginRules(ctx: RuleContext): void {
    const { m, s } = ctx;
    const v = m.version.text;

    // R5: overlay is an Azure CNI mode.
    if (m.pluginMode === "overlay" && m.plugin !== "azure") {
        s.error("R5", ["networkPluginMode"], t`${at("networkPluginMode")} "overlay" requires ${at("networkPlugin")} "azure", not "${m.plugin}": set ${at("networkPlugin")} to "azure" or remove ${at("networkPluginMode")}`);
    }
    // R6: pod CIDRs are for kubenet, overlay and BYO CNI.
    if (m.podCidrsExplicit && (m.ipam === "nodeSubnet" || m.ipam === "podSubnet")) {
        s.error("R6", ["podCidrs"], t`${at("podCidrs")} is set, but with ${at("networkPlugin")} "azure" and no overlay pods take addresses from the VNet (${m.ipam === "podSubnet" ? "pod subnet" : "node subnet"}); set ${at("networkPluginMode")} "overlay" or remove ${at("podCidrs")}`);
    }
    // R7: Cilium runs on Azure CNI only.
    if (m.dataplane === "cilium" && m.plugin !== "azure") {
        s.error("R7", ["networkDataplane"], t`${at("networkDataplane")} "cilium" requires ${at("networkPlugin")} "azure", not "${m.plugin}": use Azure CNI Overlay with Cilium`);
    }
    // R8: the cilium policy engine needs the cilium dataplane.
    if (m.policy === "cilium" && m.dataplane !== "cilium") {
        s.error("R8", ["networkPolicy"], t`${at("networkPolicy")} "cilium" requires ${at("networkDataplane")} "cilium": set ${at("networkDataplane")} to "cilium" or choose another policy`, "NetworkPolicyCiliumRequiresCiliumDataplane");
    }
    // R9: the cilium dataplane enforces policy itself.
    if (m.dataplane === "cilium" && m.policy !== undefined && m.policy !== "cilium") {
        s.error("R9", ["networkPolicy"], t`${at("networkPolicy")} "${m.policy}" can't be used with ${at("networkDataplane")} "cilium"; the Cilium dataplane requires network policy cilium: set ${at("networkPolicy")} to "cilium" or leave it out`, "CiliumDataplaneRequiresNetworkPolicyCilium");
    }
    // R10: Azure NPM needs Azure CNI.
    if (m.policy === "azure" && m.plugin !== "azure") {
        s.error("R10", ["networkPolicy"], t`${at("networkPolicy")} "azure" requires ${at("networkPlugin")} "azure", not "${m.plugin}": use "calico"${m.plugin === "kubenet" ? "" : " with kubenet or Azure CNI"} or move to Azure CNI`, m.plugin === "kubenet" ? "NetworkPolicyAzureNotSupportedForKubenet" : undefined);
    }
    // R11: Calico needs Azure CNI or kubenet.
    if (m.policy === "calico" && m.plugin === "none") {
        s.error("R11", ["networkPolicy"], t`${at("networkPolicy")} "calico" requires ${at("networkPlugin")} "azure" or "kubenet"; with ${at("networkPlugin")} "none" install the policy engine with your own CNI and leave ${at("networkPolicy")} out`);
    }
    // R12: Azure NPM and Calico installs are rejected before 1.30.
    if ((m.policy === "azure" || m.policy === "calico") && !versionAtLeast(m.version, 1, 30)) {
        s.error("R12", ["kubernetesVersion"], t`${at("kubernetesVersion")} "${v}" is before 1.30; AKS rejects installing ${at("networkPolicy")} "${m.policy}" on it: use 1.30 or later`);
    }
    // R68: Cilium works with every Azure CNI IPAM mode.
    if (m.dataplane === "cilium" && m.plugin === "azure") {
        const mode = m.ipam === "overlay" ? "overlay" : m.ipam === "podSubnet" ? "pod subnet" : "node subnet";
        s.info("R68", ["networkDataplane"], t`${at("networkDataplane")} "cilium" runs here on Azure CNI ${mode} IPAM (overlay, pod subnet and node subnet are all supported)`);
    }
    // R16: kubenet retirement.
    if (m.plugin === "kubenet") {
        s.info("R16", ["networkPlugin"], t`${at("networkPlugin")} "kubenet" is retired: unsupported after 2028-03-31; plan a move to Azure CNI Overlay (${at("networkPlugin")} "azure", ${at("networkPluginMode")} "overlay")`);
    }
    // R23: Azure NPM retirement.
    if (m.policy === "azure") {
        s.info("R23", ["networkPolicy"], t`${at("networkPolicy")} "azure" (Azure Network Policy Manager) for Linux ends on 2028-09-30; Cilium (${at("networkDataplane")} "cilium") is the recommended replacement`);
    }
    // R15: Azure NPM doesn't scale past 250 nodes.
    if (m.policy === "azure" && ctx.cap.totalNodes > 250) {
        s.warn("R15", ["nodePools"], t`${at("nodePools")} reach ${ctx.cap.totalNodes} nodes (autoscaler maximums counted); Azure NPM is unsupported beyond 250 nodes (it runs out of memory): use Cilium or Calico, or stay at 250 nodes`);
    }
    // R65 / R66: outbound types and BYO subnets.
    const byoSubnet = m.subnets.length > 0;
    if ((m.outboundType === "userDefinedRouting" || m.outboundType === "userAssignedNATGateway") && !byoSubnet) {
        s.error("R65", ["outboundType"], t`${at("outboundType")} "${m.outboundType}" needs your own subnet (with its route table or NAT gateway); add ${at("nodeSubnets")} and ${at("vnetAddressSpaces")}, or use "loadBalancer"`);
    }
    if (m.outboundType === "managedNATGateway" && byoSubnet) {
        s.error("R66", ["outboundType"], t`${at("outboundType")} "managedNATGateway" can't use your own subnet; with ${at("nodeSubnets")} use "userAssignedNATGateway" (attach the NAT gateway to the subnet) or "loadBalancer"`);
    }
}

export function dualStackRules(ctx: RuleContext): void {
    const { m, s } = ctx;
    // R25: ipFamilies is ["IPv4"] or ["IPv4", "IPv6"].
    if (m.familiesRaw !== null) {
        const f = m.familiesRaw;
        const ok = (f.length === 1 && f[0] === "IPv4") || (f.length === 2 && f[0] === "IPv4" && f[1] === "IPv6");
        if (!ok) {
            const why = f.length === 0 ? "it is empty"
                : f.some((x) => x !== "IPv4" && x !== "IPv6") ? `${show(f.find((x) => x !== "IPv4" && x !== "IPv6"))} is not a family (IPv4 or IPv6, case-sensitive)`
                    : f.length > 2 || new Set(f).size !== f.length ? "it repeats a family"
                        : f[0] === "IPv6" && f.length === 1 ? "IPv6-only clusters are not supported"
                            : "IPv6 must come second";
            s.error("R25", ["ipFamilies"], t`${at("ipFamilies")} ${show(f)} is not allowed: ${why}; use ["IPv4"] or ["IPv4", "IPv6"]`);
        }
    }
    // R26: one pod and one service CIDR per family, in family order.
    const lists: [string, CidrEntry[], boolean][] = [["serviceCidrs", m.serviceCidrs, m.serviceCidrsExplicit && m.serviceCidrsList]];
    if (m.ipam === "overlay" || m.ipam === "kubenet" || m.ipam === "none") lists.push(["podCidrs", m.podCidrs, m.podCidrsExplicit && m.podCidrsList]);
    for (const [key, entries, check] of lists) {
        if (!check) continue;
        if (entries.length !== m.families.length) {
            s.error("R26", [key], t`${at(key)} has ${entries.length} ${entries.length === 1 ? "entry" : "entries"} but ${at("ipFamilies")} has ${m.families.length} (${m.families.join(", ")}); give one CIDR per family in the same order`);
            continue;
        }
        entries.forEach((e, i) => {
            if (e.cidr && e.cidr.family !== m.families[i]) {
                s.error("R26", e.path, t`${e.label} is ${e.cidr.family} but ${at("ipFamilies", i)} is ${m.families[i]}; list the CIDRs in ${at("ipFamilies")} order (IPv4 first)`);
            }
        });
    }
    if (!m.dualStack) return;
    // R27: dual-stack IPAM modes.
    if (m.ipam === "nodeSubnet") {
        s.error("R27", ["ipFamilies"], t`${at("ipFamilies")} ["IPv4", "IPv6"] (dual-stack) is not supported with Azure CNI node subnet (legacy); use ${at("networkPluginMode")} "overlay"`);
    } else if (m.ipam === "kubenet" || m.ipam === "podSubnet") {
        s.warn("R27", ["ipFamilies"], t`${at("ipFamilies")} ["IPv4", "IPv6"] (dual-stack) with ${m.ipam === "kubenet" ? "kubenet" : "Azure CNI pod subnet"} is outside what AKS documents (Azure CNI Overlay is required for dual-stack): use ${at("networkPluginMode")} "overlay"`);
    }
    // R28: no Azure NPM or Calico on dual-stack.
    if (m.policy === "azure" || m.policy === "calico") {
        s.error("R28", ["networkPolicy"], t`${at("networkPolicy")} "${m.policy}" is not supported on dual-stack clusters; use the Cilium dataplane (${at("networkDataplane")} "cilium") for network policy`);
    }
    // R29: NAT gateways are IPv4-only (Standard SKU).
    if (m.outboundType === "managedNATGateway") {
        s.error("R29", ["outboundType"], t`${at("outboundType")} "managedNATGateway" is IPv4-only and not supported on dual-stack clusters; use "loadBalancer"`);
    } else if (m.outboundType === "userAssignedNATGateway") {
        s.warn("R29", ["outboundType"], t`${at("outboundType")} "userAssignedNATGateway" works on dual-stack only with a StandardV2 NAT gateway (Standard is IPv4-only); check the SKU or use "loadBalancer"`);
    }
    // R30: Kubernetes minimums.
    if (m.ipam === "overlay" && !versionAtLeast(m.version, 1, 26, 3)) {
        s.error("R30", ["kubernetesVersion"], t`${at("kubernetesVersion")} "${m.version.text}" is before 1.26.3, the first version with dual-stack Azure CNI Overlay: use 1.26.3 or later`);
    }
    if (m.dataplane === "cilium" && !versionAtLeast(m.version, 1, 29)) {
        s.error("R30", ["kubernetesVersion"], t`${at("kubernetesVersion")} "${m.version.text}" is before 1.29; dual-stack with the Cilium dataplane needs Kubernetes 1.29 or later`);
    }
    // R74: a dual-stack VNet of your own needs IPv6 space and IPv6 prefixes on the node subnets.
    if (m.byoVnet) {
        const spaces = parsed(m.vnetSpaces);
        if (spaces.length > 0 && !spaces.some((e) => e.cidr.family === "IPv6")) {
            s.error("R74", ["vnetAddressSpaces"], t`the cluster is dual-stack but ${at("vnetAddressSpaces")} has no IPv6 range; nodes get both families from a dual-stack VNet: add an IPv6 range such as "fd00:10::/48"`);
        }
        const used = new Set(m.pools.map((p) => p.subnet ?? m.subnets[0]?.name).filter((x) => x !== undefined));
        for (const sn of m.subnets) {
            if (sn.name !== null && used.has(sn.name) && sn.ipv6 === null) {
                s.error("R74", sn.path, t`${at(sn.path)} "${sn.name}" has no ipv6Cidr, but dual-stack nodes take an IPv6 address from their subnet: add a /64, e.g. ipv6Cidr "fd00:10:0:1::/64"`);
            }
        }
    }
}
