/**
 * Plugin, mode, dataplane and policy combinations (R5-R12, R15, R16, R23, R68) and outbound types
 * (R65, R66).
 */
import { at, t } from "../../core/text";
import { versionAtLeast } from "../model";
import { RuleContext } from "./context";
import { rule, RuleStep } from "./entry";

/** R5: overlay is an Azure CNI mode. */
function overlayNeedsAzure(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.pluginMode === "overlay" && m.plugin !== "azure") {
        s.error(
            "R5",
            ["networkPluginMode"],
            t`${at("networkPluginMode")} "overlay" requires ${at("networkPlugin")} "azure", not "${m.plugin}": set ${at("networkPlugin")} to "azure" or remove ${at("networkPluginMode")}`,
        );
    }
}

/** R6: pod CIDRs are for kubenet, overlay and BYO CNI. */
function podCidrsNeedPodCidrMode(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.podCidrsExplicit && (m.ipam === "nodeSubnet" || m.ipam === "podSubnet")) {
        s.error(
            "R6",
            ["podCidrs"],
            t`${at("podCidrs")} is set, but with ${at("networkPlugin")} "azure" and no overlay pods take addresses from the VNet (${m.ipam === "podSubnet" ? "pod subnet" : "node subnet"}); set ${at("networkPluginMode")} "overlay" or remove ${at("podCidrs")}`,
        );
    }
}

/** R7: Cilium runs on Azure CNI only. */
function ciliumNeedsAzure(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.dataplane === "cilium" && m.plugin !== "azure") {
        s.error(
            "R7",
            ["networkDataplane"],
            t`${at("networkDataplane")} "cilium" requires ${at("networkPlugin")} "azure", not "${m.plugin}": use Azure CNI Overlay with Cilium`,
        );
    }
}

/** R8: the cilium policy engine needs the cilium dataplane. */
function ciliumPolicyNeedsCiliumDataplane(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.policy === "cilium" && m.dataplane !== "cilium") {
        s.error(
            "R8",
            ["networkPolicy"],
            t`${at("networkPolicy")} "cilium" requires ${at("networkDataplane")} "cilium": set ${at("networkDataplane")} to "cilium" or choose another policy`,
            "NetworkPolicyCiliumRequiresCiliumDataplane",
        );
    }
}

/** R9: the cilium dataplane enforces policy itself. */
function ciliumDataplaneNeedsCiliumPolicy(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.dataplane === "cilium" && m.policy !== undefined && m.policy !== "cilium") {
        s.error(
            "R9",
            ["networkPolicy"],
            t`${at("networkPolicy")} "${m.policy}" can't be used with ${at("networkDataplane")} "cilium"; the Cilium dataplane requires network policy cilium: set ${at("networkPolicy")} to "cilium" or leave it out`,
            "CiliumDataplaneRequiresNetworkPolicyCilium",
        );
    }
}

/** R10: Azure NPM needs Azure CNI. */
function azurePolicyNeedsAzure(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.policy === "azure" && m.plugin !== "azure") {
        s.error(
            "R10",
            ["networkPolicy"],
            t`${at("networkPolicy")} "azure" requires ${at("networkPlugin")} "azure", not "${m.plugin}": use "calico"${m.plugin === "kubenet" ? "" : " with kubenet or Azure CNI"} or move to Azure CNI`,
            m.plugin === "kubenet" ? "NetworkPolicyAzureNotSupportedForKubenet" : undefined,
        );
    }
}

/** R11: Calico needs Azure CNI or kubenet. */
function calicoNeedsAzureOrKubenet(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.policy === "calico" && m.plugin === "none") {
        s.error(
            "R11",
            ["networkPolicy"],
            t`${at("networkPolicy")} "calico" requires ${at("networkPlugin")} "azure" or "kubenet"; with ${at("networkPlugin")} "none" install the policy engine with your own CNI and leave ${at("networkPolicy")} out`,
        );
    }
}

/** R12: Azure NPM and Calico installs are rejected before 1.30. */
function policyEngineVersion(ctx: RuleContext): void {
    const { m, s } = ctx;
    if ((m.policy === "azure" || m.policy === "calico") && !versionAtLeast(m.version, 1, 30)) {
        s.error(
            "R12",
            ["kubernetesVersion"],
            t`${at("kubernetesVersion")} "${m.version.text}" is before 1.30; AKS rejects installing ${at("networkPolicy")} "${m.policy}" on it: use 1.30 or later`,
        );
    }
}

/** R68: Cilium works with every Azure CNI IPAM mode. */
function ciliumIpamModes(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.dataplane === "cilium" && m.plugin === "azure") {
        const mode = m.ipam === "overlay" ? "overlay" : m.ipam === "podSubnet" ? "pod subnet" : "node subnet";
        s.info(
            "R68",
            ["networkDataplane"],
            t`${at("networkDataplane")} "cilium" runs here on Azure CNI ${mode} IPAM (overlay, pod subnet and node subnet are all supported)`,
        );
    }
}

/** R16: kubenet retirement. */
function kubenetRetirement(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.plugin === "kubenet") {
        s.info(
            "R16",
            ["networkPlugin"],
            t`${at("networkPlugin")} "kubenet" is retired: unsupported after 2028-03-31; plan a move to Azure CNI Overlay (${at("networkPlugin")} "azure", ${at("networkPluginMode")} "overlay")`,
        );
    }
}

/** R23: Azure NPM retirement. */
function azurePolicyRetirement(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.policy === "azure") {
        s.info(
            "R23",
            ["networkPolicy"],
            t`${at("networkPolicy")} "azure" (Azure Network Policy Manager) for Linux ends on 2028-09-30; Cilium (${at("networkDataplane")} "cilium") is the recommended replacement`,
        );
    }
}

/** R15: Azure NPM doesn't scale past 250 nodes. */
function azurePolicyScale(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.policy === "azure" && ctx.cap.totalNodes > 250) {
        s.warn(
            "R15",
            ["nodePools"],
            t`${at("nodePools")} reach ${ctx.cap.totalNodes} nodes (autoscaler maximums counted); Azure NPM is unsupported beyond 250 nodes (it runs out of memory): use Cilium or Calico, or stay at 250 nodes`,
        );
    }
}

/** R65: userDefinedRouting and userAssignedNATGateway need your own subnet. */
function outboundNeedsOwnSubnet(ctx: RuleContext): void {
    const { m, s } = ctx;
    if ((m.outboundType === "userDefinedRouting" || m.outboundType === "userAssignedNATGateway") && m.subnets.length === 0) {
        s.error(
            "R65",
            ["outboundType"],
            t`${at("outboundType")} "${m.outboundType}" needs your own subnet (with its route table or NAT gateway); add ${at("nodeSubnets")} and ${at("vnetAddressSpaces")}, or use "loadBalancer"`,
        );
    }
}

/** R66: managedNATGateway can't use your own subnet. */
function managedNatWithoutOwnSubnet(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.outboundType === "managedNATGateway" && m.subnets.length > 0) {
        s.error(
            "R66",
            ["outboundType"],
            t`${at("outboundType")} "managedNATGateway" can't use your own subnet; with ${at("nodeSubnets")} use "userAssignedNATGateway" (attach the NAT gateway to the subnet) or "loadBalancer"`,
        );
    }
}

/** The checks of plugin, dataplane, policy and outbound type, in run order. */
export const pluginEntries: readonly RuleStep[] = [
    rule(["R5"], overlayNeedsAzure),
    rule(["R6"], podCidrsNeedPodCidrMode),
    rule(["R7"], ciliumNeedsAzure),
    rule(["R8"], ciliumPolicyNeedsCiliumDataplane),
    rule(["R9"], ciliumDataplaneNeedsCiliumPolicy),
    rule(["R10"], azurePolicyNeedsAzure),
    rule(["R11"], calicoNeedsAzureOrKubenet),
    rule(["R12"], policyEngineVersion),
    rule(["R68"], ciliumIpamModes),
    rule(["R16"], kubenetRetirement),
    rule(["R23"], azurePolicyRetirement),
    rule(["R15"], azurePolicyScale),
    rule(["R65"], outboundNeedsOwnSubnet),
    rule(["R66"], managedNatWithoutOwnSubnet),
];
