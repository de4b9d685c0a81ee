/**
 * The rule catalogue: every rule id the validator can emit, with its severity and source. R1-R70 are
 * the AKS network reference's ids; R71 and up are this package's own. The rule list of
 * docs/reference.md is generated from this table, and a test checks that every id here has a firing
 * test and that the validator emits no id missing here. Each rule check declares the ids it
 * reports (rules/entry.ts); the runner turns any id, or any severity, not listed here into R0.
 */

export interface RuleInfo {
    id: string;
    title: string;
    /** The severities the rule can report. */
    severity: string;
    /** Where the rule comes from (AKS docs page, RP error, CHANGELOG entry or disagreement id). */
    source: string;
}

const r = (id: string, severity: string, title: string, source: string): RuleInfo => ({ id, title, severity, source });

export const RULES: readonly RuleInfo[] = [
    r("R0", "error", "internal error while validating (a bug: please report it)", "this package"),
    r("R1", "error", "every CIDR is well-formed address/prefix, no white space", "API pattern; RP CidrStringParseError; D21"),
    r("R2", "error", "dnsServiceIP is a valid IPv4 address", "API pattern; terraform IPv4Address"),
    r("R3", "error", "IPv4 service CIDR has no host bits", "AKS CHANGELOG 2019-04-15"),
    r("R4", "warning", "other CIDRs with host bits are normalised", "D20"),
    r("R5", "error", "overlay requires networkPlugin azure", "terraform docs; CAPZ webhook"),
    r("R6", "error", "podCidrs only with kubenet, overlay or none", "az CLI _get_network_plugin; terraform"),
    r("R7", "error", "Cilium dataplane requires networkPlugin azure", "terraform docs"),
    r(
        "R8",
        "error",
        "networkPolicy cilium requires the Cilium dataplane",
        "API enum KnownNetworkPolicy; RP NetworkPolicyCiliumRequiresCiliumDataplane",
    ),
    r("R9", "error", "Cilium dataplane requires networkPolicy cilium or omitted", "RP CiliumDataplaneRequiresNetworkPolicyCilium; D9"),
    r(
        "R10",
        "error",
        "networkPolicy azure requires networkPlugin azure",
        "docs: network policies; RP NetworkPolicyAzureNotSupportedForKubenet",
    ),
    r("R11", "error", "networkPolicy calico requires azure or kubenet", "docs: network policies comparison"),
    r("R12", "error", "Azure NPM and Calico need Kubernetes >= 1.30", "AKS CHANGELOG 2026-05-29; checked 2026-12-03"),
    r("R13", "error", "IPv4 service CIDR smaller than /12", "docs: IP address planning; D1"),
    r("R14", "error", "IPv6 service CIDR no larger than /108", "docs: dual-stack; kube-apiserver validation"),
    r("R15", "warning", "Azure NPM beyond 250 nodes", "docs: network policies"),
    r("R16", "info", "kubenet retirement (2028-03-31)", "docs: kubenet retirement; checked 2026-12-03"),
    r("R17", "error", "dnsServiceIP inside the IPv4 service CIDR", "API description; CAPZ"),
    r("R18", "error", "dnsServiceIP not the network or broadcast address", "Azure/AKS#2579; CHANGELOG 2021-10-08"),
    r("R19", "error", "dnsServiceIP not the first usable address", "docs: legacy CNI, IP planning"),
    r("R20", "info", "the .10 address is recommended", "docs: kubenet; D10"),
    r("R21", "error", "serviceCidrs and dnsServiceIP set together", "terraform validateKubernetesCluster; CAPZ"),
    r("R22", "info", "single-stack defaults in use", "az CLI decorator; docs: overlay"),
    r("R23", "info", "Azure NPM retirement (2028-09-30)", "docs: network policies; checked 2026-12-03"),
    r("R24", "error", "no overlap with 169.254/16, 172.30/16, 172.31/16, 192.0.2/24", "docs: CNI overview; D3"),
    r("R25", "error", "ipFamilies is [IPv4] or [IPv4, IPv6]", "docs: dual-stack; terraform; D23"),
    r("R26", "error", "pod/service CIDRs match ipFamilies in count, order and family", "docs: dual-stack; API; D22"),
    r("R27", "error/warning", "dual-stack needs overlay (node subnet error; kubenet, pod subnet warning)", "docs: dual-stack; D5"),
    r("R28", "error", "dual-stack excludes Azure NPM and Calico", "docs: overlay limitations"),
    r(
        "R29",
        "error/warning",
        "dual-stack egress: no managed NAT gateway; user NAT gateway only StandardV2",
        "docs: overlay limitations; D7",
    ),
    r("R30", "error", "dual-stack minimums: overlay 1.26.3, Cilium 1.29", "docs: overlay, Cilium; D4"),
    r("R31", "error", "service CIDRs don't overlap any subnet", "API description; RP ServiceCidrOverlapExistingSubnetsCidr"),
    r("R32", "warning", "service CIDR inside the VNet space", "docs: legacy CNI FAQ; D18"),
    r("R33", "error", "service CIDRs don't overlap pod CIDRs", "docs: overlay overview"),
    r("R34", "warning", "service CIDR overlaps a connected network", "docs: IP planning"),
    r("R35", "warning", "IPv4 service CIDR outside private space", "docs: legacy CNI"),
    r("R36", "error", "pod CIDRs don't overlap any subnet", "CHANGELOG 2024-10-25; RP NetworkProfileCIDROverlapVNET"),
    r("R37", "warning", "pod CIDR inside the VNet space", "CHANGELOG 2024-10-25; D19"),
    r("R38", "warning", "pod CIDR overlaps a connected network", "docs: overlay overview"),
    r("R39", "warning", "IPv4 pod CIDR outside RFC 1918 / RFC 6598", "docs: overlay overview"),
    r("R40", "error", "IPv4 pod CIDR holds one /24 per node (autoscaler max counted)", "docs: overlay; RP InsufficientSubnetSize"),
    r("R41", "warning", "IPv4 pod CIDR holds the upgrade surge too", "docs: IP planning"),
    r("R42", "warning", "BYO CNI without a pod CIDR", "docs: BYO CNI"),
    r("R43", "error", "node pool name ^[a-z][a-z0-9]{0,11}$", "API pattern; D11"),
    r("R44", "error", "Windows node pool name <= 6 characters", "docs; RP WindowsAgentPoolNameTooLong"),
    r("R45", "error", "maxPods 10..250", "docs: IP planning; CAPZ"),
    r("R46", "error", "each pool has room for >= 30 pods", "docs: IP planning; CHANGELOG 2019-10-28"),
    r("R47", "warning", "Windows pods per node > 110 on overlay", "docs: overlay overview"),
    r("R48", "error", "node counts: 0..1000 (System 1..1000), min <= count <= max", "docs: node pools; RP; D14, D24"),
    r("R49", "info", "default maxPods per IPAM mode", "docs: IP planning; D13"),
    r("R50", "error", "windowsProfile.adminUsername rules", "API reference; az CLI help"),
    r(
        "R51",
        "error",
        "windowsProfile.adminPassword rules (14-123 characters: AKS refuses shorter ones although the API schema allows 8)",
        "API reference; az CLI help; RP WindowsProfilePasswordInvalid (D2's warning for 8-13 made an error, 2026-12)",
    ),
    r("R52", "info", "dual-stack defaults in use", "docs: dual-stack; D6"),
    r("R53", "error", "at least one System pool; System pools are Linux", "docs: system node pools; CAPZ"),
    r("R54", "error", "Windows pools require Azure CNI", "docs: kubenet; RP AzureCNIOnlyForWindows"),
    r("R55", "error", "no Windows pools with the Cilium dataplane", "docs: Cilium limitations"),
    r("R56", "warning", "Windows pools without windowsProfile", "RP WindowsProfileMissing; D17"),
    r(
        "R57",
        "error",
        "Azure NPM with Windows pools (retired 2026-09-30)",
        "docs: Azure NPM Windows retirement; D25; Azure/AKS#3129 (support ended 2026-09-30; checked 2026-12-03)",
    ),
    r("R58", "error/warning", "node subnet capacity (error at create, warning with surge)", "docs: IP planning; RP InsufficientSubnetSize"),
    r("R59", "error", "cluster node limits: kubenet 400, overlay 5,000", "docs: kubenet, overlay"),
    r("R60", "error", "DCsv2 VM sizes not supported with overlay", "docs: overlay limitations"),
    r("R61", "warning", "pod subnet sizing: 16 addresses per node", "docs: Azure CNI pod subnet"),
    r("R62", "error", "subnets inside the VNet and disjoint", "Azure VNet rules; CAPZ"),
    r("R63", "error", "subnet references resolve", "docs: node pools"),
    r("R64", "error/warning", "subnet, VNet and resource group names <= 63 characters", "docs: overlay limitations"),
    r("R65", "error", "userDefinedRouting / userAssignedNATGateway need your own subnet", "az CLI _get_outbound_type; docs: NAT gateway"),
    r("R66", "error", "managedNATGateway can't use your own subnet", "az CLI _get_outbound_type; docs: NAT gateway"),
    r("R67", "info", "IPv6 textual form is irrelevant; the canonical form is shown", "RFC 4291 / RFC 5952"),
    r("R68", "info", "Cilium works with overlay, pod subnet and node subnet IPAM", "docs: Cilium; D8"),
    r("R69", "error", "API server authorized IP ranges: public IPv4, 0.0.0.0/32 alone", "az CLI validate_ip_ranges"),
    r("R70", "info/warning", "dockerBridgeCidr is deprecated; overlaps warned", "az CLI (docker bridge removed)"),
    r("R71", "error", "plan shape: wrong type or value not allowed", "this package"),
    r("R72", "warning", "unknown plan field (probably a typo)", "this package"),
    r("R73", "error", "a subnet's cidr is IPv4 and its ipv6Cidr an IPv6 /64", "docs: Azure IPv6 for VNet (subnets are /64)"),
    r(
        "R74",
        "error",
        "a dual-stack VNet of your own has IPv6 space and IPv6 node subnets",
        "docs: dual-stack (nodes take both families from the subnet)",
    ),
    r("R75", "error", "pod subnets: Azure CNI without overlay, separate from the node subnet, on every pool", "docs: Azure CNI pod subnet"),
    r("R76", "error", "node pool names are unique", "ARM (pools are child resources keyed by name)"),
    r(
        "R77",
        "error/warning",
        "Windows OS SKU vs Kubernetes version (dated)",
        "Azure/AKS#4091, #4168; CHANGELOG 2026-05-29, 2026-06-19; checked 2026-12-03",
    ),
    r("R78", "error", "VNet address spaces don't overlap", "Azure VNet rules"),
    r("R79", "warning", "the VNet overlaps a connected network", "Azure VNet peering rules"),
    r("R80", "error", "OS SKU belongs to the pool's OS", "API enum OSSKU"),
    r(
        "R81",
        "error",
        "VNet address spaces and subnet prefixes are network addresses (no host bits)",
        "Azure network RP InvalidCIDRNotation (reported; not confirmed offline: the safer error); checked 2026-12-03",
    ),
];
