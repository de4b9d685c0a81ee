/**
 * The network values, defined once: each is a TypeScript string enum (what component arguments take,
 * and what Pulumi's schema inference understands), and from it the list of allowed values (what the
 * readers check against) and the string type of the same values (what plans written as JSON or YAML
 * use: `` `${NetworkPlugin}` `` is `"azure" | "kubenet" | "none"`). Every value is spelled exactly as
 * AKS spells it, so an enum member is accepted wherever its string is.
 *
 * Pure: no Pulumi imports.
 */

/** The CNI plugin. @see https://learn.microsoft.com/azure/aks/concepts-network-cni-overview */
export enum NetworkPlugin {
    /** Azure CNI (with `networkPluginMode` overlay: Azure CNI Overlay). */
    Azure = "azure",
    /** kubenet (retires 2028-03-31; no Windows pools, no dual-stack). */
    Kubenet = "kubenet",
    /** Bring your own CNI. */
    None = "none",
}

/** The Azure CNI mode. Only overlay exists; leaving it out means the plugin's flat mode. */
export enum NetworkPluginMode {
    /** Azure CNI Overlay: pods take addresses from a private pod CIDR, not from the VNet. */
    Overlay = "overlay",
}

/** The dataplane. */
export enum NetworkDataplane {
    /** Azure's own dataplane. */
    Azure = "azure",
    /** Azure CNI Powered by Cilium (Linux only: no Windows pools). */
    Cilium = "cilium",
}

/** The network policy engine. */
export enum NetworkPolicy {
    /** No network policy enforcement. */
    None = "none",
    /** Azure Network Policy Manager (Linux retires 2028-09-30, Windows 2026-09-30). */
    Azure = "azure",
    /** Calico (Linux and Windows; not on dual-stack). */
    Calico = "calico",
    /** Cilium's own enforcement (needs the Cilium dataplane). */
    Cilium = "cilium",
}

/** An IP family. */
export enum IpFamily {
    IPv4 = "IPv4",
    IPv6 = "IPv6",
}

/** How the cluster's traffic leaves the VNet. */
export enum OutboundType {
    /** Through the cluster's Standard load balancer with managed outbound IPs. */
    LoadBalancer = "loadBalancer",
    /** Through an AKS-managed NAT gateway (not with a subnet of your own, not dual-stack). */
    ManagedNatGateway = "managedNATGateway",
    /** Through a NAT gateway you associate with the node subnet. */
    UserAssignedNatGateway = "userAssignedNATGateway",
    /** Through your own route table (e.g. to a firewall). */
    UserDefinedRouting = "userDefinedRouting",
}

/** A node pool's operating system. */
export enum OsType {
    Linux = "Linux",
    Windows = "Windows",
}

/** Where a network connected to the cluster's VNet comes from; only used to word messages. */
export enum ConnectedNetworkKind {
    Peering = "peering",
    Vpn = "vpn",
    ExpressRoute = "expressRoute",
    OnPremises = "onPremises",
    Other = "other",
}

/** A node pool's mode: System pools run the cluster's own add-ons. */
export enum AgentPoolMode {
    System = "System",
    User = "User",
}

/** The values of a string enum, in declaration order, typed as their strings. */
export function valuesOf<E extends string>(values: { [key: string]: E }): readonly `${E}`[] {
    return Object.freeze(Object.values(values)) as readonly `${E}`[];
}

/** The allowed values of each network field, in the enums' order. */
export const NETWORK_PLUGINS = valuesOf(NetworkPlugin);
export const NETWORK_DATAPLANES = valuesOf(NetworkDataplane);
export const NETWORK_POLICIES = valuesOf(NetworkPolicy);
export const IP_FAMILIES = valuesOf(IpFamily);
export const OUTBOUND_TYPES = valuesOf(OutboundType);
export const OS_TYPES = valuesOf(OsType);
export const AGENT_POOL_MODES = valuesOf(AgentPoolMode);
export const CONNECTED_NETWORK_KINDS = valuesOf(ConnectedNetworkKind);
