/**
 * The Azure components' own checks (ids `A1`...), beside the network planner's `R` rules: things the
 * planner doesn't model (API server access, names, upgrade settings, pool options of the component),
 * and the shape of the arguments themselves (A22, checked first; see `shape.ts`).
 * Pure: no Pulumi imports.
 */
import { RuleInfo } from "../network/catalog";

const r = (id: string, severity: string, title: string, source: string): RuleInfo => ({ id, title, severity, source });

/** Every check id `AksCluster` and `NodePool` can report besides the planner's. */
export const COMPONENT_RULES: readonly RuleInfo[] = [
    r(
        "A1",
        "error",
        "the API server is restricted: authorized IP ranges, a private cluster, or public access accepted explicitly",
        "CKV_AZURE_6/115, CIS 5.4.1-5.4.2",
    ),
    r(
        "A2",
        "error",
        "cluster name: 1-63 letters, digits, - and _, starting and ending with a letter or digit",
        "ARM resource name rules for managedClusters",
    ),
    r(
        "A3",
        "error",
        "dnsPrefix: 1-54 letters, digits and -, starting and ending with a letter or digit",
        "API reference; Azure.AKS.DNSPrefix",
    ),
    r(
        "A4",
        "warning",
        "kubernetesVersion with a patch while an upgrade channel is on is pinned to major.minor",
        "pulumi-azure-native#2059; Azure/AKS#4127",
    ),
    r("A5", "error", "network.vnet and network.nodeSubnetId exclude each other", "this package"),
    r("A6", "error", "with network.nodeSubnetId, pools don't name subnets", "this package"),
    r("A7", "error", "windows.enableWindowsPools false while Windows pools are declared", "docs: windowsProfile only at creation"),
    r("A8", "error", "Windows2025 pools need enableFips", "AKS CHANGELOG 2026-05-29"),
    r(
        "A9",
        "error",
        "a user-assigned identity of your own needs its principalId for the Network Contributor assignment",
        "docs: custom VNet permissions",
    ),
    r("A10", "error", 'availability zones are "1", "2" or "3", each at most once', "API reference"),
    r("A11", "error", "network.nodeSubnetId is a subnet resource id", "ARM resource id format"),
    r("A12", "error", "upgrade channel node-image needs the node OS channel NodeImage", "docs: auto-upgrade-node-os-image"),
    r(
        "A13",
        "error",
        "apiServer.privateCluster excludes apiServer.authorizedIpRanges (they only apply to a public endpoint)",
        "docs: private-clusters",
    ),
    r("A14", "error", "maintenance windows: HH:mm start, 4-24 hours, +HH:mm offset", "API reference; Azure.AKS.MaintenanceWindow"),
    r("A15", "error", "managed outbound IP counts: IPv4 1-100, IPv6 0-100, IPv6 only on dual-stack", "API reference"),
    r("A16", "error", "monitoring.defender needs monitoring.logAnalyticsWorkspaceId", "API reference"),
    r("A17", "error", "labels and taints are valid Kubernetes keys and values", "Kubernetes object names and labels"),
    r("A18", "error", "osDiskSizeGb is 30-2048", "API reference"),
    r("A19", "error", "kubeconfigLogin spn needs clientId", "kubelogin login modes"),
    r(
        "A20",
        "warning",
        "no network policy engine on the default settings (Windows on dual-stack, or bring-your-own CNI)",
        "docs: network policies",
    ),
    r("A21", "info", "dual-stack ranges not given are sent as the documented defaults, explicitly", "docs: dual-stack; D6"),
    r(
        "A22",
        "error",
        "argument shape: known keys, and values of the documented type (objects, lists, strings, numbers, booleans, enum values; Outputs only where an argument is a pulumi.Input)",
        "this package (AksClusterArgs, NodePoolArgs)",
    ),
    r(
        "A23",
        "error",
        "a created VNet has at least one subnet (without one, AKS puts the nodes in a VNet of its own)",
        "API reference: ManagedClusterAgentPoolProfile.vnetSubnetID",
    ),
];
