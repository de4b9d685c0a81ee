/**
 * Bring your own network: Azure's view of an existing subnet and its VNet (address spaces, every subnet,
 * every peering's remote address space) folded into the cluster's plan, then validated again. Peered
 * ranges become connected networks named after their peering, beside the user's own list, so a pod CIDR
 * that shadows a peered VNet fails with the peering's name. Pure: the component feeds it invoke results.
 */
import { describeNetworkPlan, verdictOf } from "../network/report";
import { PathMap } from "../core/diagnostic";
import { ConnectedNetwork, Diagnostic, NetworkPlan, NetworkPlanReport, NodeSubnetPlan } from "../network/types";
import { ClusterDesign, escalate, sortDiagnostics } from "./design";
import { clusterPathTable } from "./paths";

/** The parts of an address space the component reads. */
export interface AddressSpaceView {
    /** @default - none */
    addressPrefixes?: string[];
}

/** The parts of a subnet the component reads (`getSubnet` result or a VNet's `subnets` entry). */
export interface SubnetView {
    /** @default - unnamed */
    name?: string;
    /** The single prefix of an IPv4-only subnet. @default - see addressPrefixes */
    addressPrefix?: string;
    /** The prefixes of a dual-stack subnet. @default - see addressPrefix */
    addressPrefixes?: string[];
}

/** The parts of a VNet peering the component reads. */
export interface PeeringView {
    /** @default - `peering #<n>` in messages */
    name?: string;
    /** The address space peered (all of the remote VNet, or the subnets chosen). @default - none */
    remoteAddressSpace?: AddressSpaceView;
    /** The remote VNet's current address space. @default - none */
    remoteVirtualNetworkAddressSpace?: AddressSpaceView;
}

/** The parts of a VNet the component reads (`getVirtualNetwork` result). */
export interface VnetView {
    /** @default - "(unnamed)" in messages */
    name?: string;
    /** @default - no address space */
    addressSpace?: AddressSpaceView;
    /** @default - only the subnet of network.nodeSubnetId */
    subnets?: SubnetView[];
    /** @default - no peerings */
    virtualNetworkPeerings?: PeeringView[];
}

/** The plan checked against Azure. */
export interface ExistingNetworkCheck {
    /** The plan with Azure's view folded in. */
    plan: NetworkPlan;
    /** Its path table. */
    paths: PathMap;
    /** Its report, in the user's terms. */
    report: NetworkPlanReport;
    /** Every finding, in the user's terms. */
    diagnostics: Diagnostic[];
    /** Findings the construction-time check did not have (to log without repeating). */
    added: Diagnostic[];
}

function prefixes(s: SubnetView): string[] {
    const list = [...(s.addressPrefixes ?? [])];
    if (s.addressPrefix && !list.includes(s.addressPrefix)) list.unshift(s.addressPrefix);
    return list;
}

function subnetPlan(name: string, s: SubnetView): NodeSubnetPlan | undefined {
    const list = prefixes(s);
    const v4 = list.find((p) => !p.includes(":"));
    const v6 = list.find((p) => p.includes(":"));
    if (v4 === undefined) return undefined;
    return v6 === undefined ? { name, cidr: v4 } : { name, cidr: v4, ipv6Cidr: v6 };
}

const key = (d: Diagnostic) => `${d.ruleId}|${d.path}|${d.message}`;

/**
 * Fold an existing subnet and VNet into the design's plan and validate it again.
 * @param subnetName the subnet of `network.nodeSubnetId`
 */
export function checkExistingNetwork(design: ClusterDesign, subnetName: string, subnet: SubnetView, vnet: VnetView): ExistingNetworkCheck {
    const vnetName = vnet.name ?? "(unnamed)";
    const subnets: { name: string; own: boolean; plan: NodeSubnetPlan }[] = [];
    let own = false;
    for (const s of vnet.subnets ?? []) {
        const name = s.name ?? "";
        const isOwn = name === subnetName;
        // The subnet's own GET is authoritative for the cluster's subnet.
        const p = subnetPlan(name, isOwn ? subnet : s);
        if (!p) continue;
        subnets.push({ name, own: isOwn, plan: p });
        own ||= isOwn;
    }
    if (!own) {
        const p = subnetPlan(subnetName, subnet);
        if (p) subnets.unshift({ name: subnetName, own: true, plan: p });
    }
    const peerings: string[] = [];
    const peered: ConnectedNetwork[] = [];
    (vnet.virtualNetworkPeerings ?? []).forEach((p, i) => {
        const name = p.name ?? `peering #${i + 1}`;
        const ranges = new Set([
            ...(p.remoteAddressSpace?.addressPrefixes ?? []),
            ...(p.remoteVirtualNetworkAddressSpace?.addressPrefixes ?? []),
        ]);
        for (const cidr of ranges) {
            peered.push({ name, cidr, kind: "peering" });
            peerings.push(name);
        }
    });

    const plan: NetworkPlan = {
        ...design.plan,
        vnetAddressSpaces: [...(vnet.addressSpace?.addressPrefixes ?? [])],
        nodeSubnets: subnets.map((s) => s.plan),
        connectedNetworks: [...(design.plan.connectedNetworks ?? []), ...peered],
        // Every pool uses the subnet of network.nodeSubnetId.
        nodePools: (design.plan.nodePools ?? []).map((p) => ({ ...p, subnet: subnetName })),
        names: { ...design.plan.names, vnet: vnetName, subnet: subnetName },
    };
    const paths = clusterPathTable({
        userPools: design.userPools.length,
        userConnected: design.network.connected.length,
        network: "existing",
        existing: { vnetName, subnets: subnets.map((s) => ({ name: s.name, own: s.own })), peerings },
    });
    const raw = describeNetworkPlan(plan);
    const componentFindings = design.diagnostics.filter((d) => d.ruleId.startsWith("A"));
    const diagnostics = sortDiagnostics([
        ...componentFindings,
        ...escalate(raw.diagnostics, design.network.warningsAsErrors).map((d) => paths.relocate(d)),
    ]);
    const before = new Set(design.diagnostics.map(key));
    return {
        plan,
        paths,
        report: { ...raw, diagnostics, verdict: verdictOf(diagnostics) },
        diagnostics,
        added: diagnostics.filter((d) => !before.has(key(d))),
    };
}
