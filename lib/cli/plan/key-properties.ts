/**
 * The inputs a reviewer looks at first, per resource type. Everything else is still in `inputs`.
 */
import { at, flatten } from "./values";
import type { PlanValue } from "./types";

/** Key property paths by type token; a `*` in a token matches any text. */
export const KEY_PROPERTIES: ReadonlyArray<readonly [string, readonly string[]]> = [
    ["azure-native:resources:ResourceGroup", ["resourceGroupName", "location"]],
    ["azure-native:network:VirtualNetwork", ["virtualNetworkName", "resourceGroupName", "location", "addressSpace.addressPrefixes"]],
    [
        "azure-native:network:Subnet",
        [
            "subnetName",
            "virtualNetworkName",
            "addressPrefix",
            "addressPrefixes",
            "delegations",
            "natGateway",
            "networkSecurityGroup",
            "routeTable",
        ],
    ],
    [
        "azure-native:network:VirtualNetworkPeering",
        [
            "virtualNetworkPeeringName",
            "virtualNetworkName",
            "remoteVirtualNetwork",
            "allowForwardedTraffic",
            "allowGatewayTransit",
            "useRemoteGateways",
        ],
    ],
    ["azure-native:network:PublicIPAddress", ["publicIpAddressName", "publicIPAddressVersion", "publicIPAllocationMethod", "sku.name"]],
    ["azure-native:network:NatGateway", ["natGatewayName", "sku.name", "publicIpAddresses"]],
    ["azure-native:network:RouteTable", ["routeTableName", "routes"]],
    ["azure-native:network:NetworkSecurityGroup", ["networkSecurityGroupName", "securityRules"]],
    [
        "azure-native:containerservice:ManagedCluster",
        [
            "resourceName",
            "resourceGroupName",
            "location",
            "kubernetesVersion",
            "sku.tier",
            "networkProfile.networkPlugin",
            "networkProfile.networkPluginMode",
            "networkProfile.networkDataplane",
            "networkProfile.networkPolicy",
            "networkProfile.ipFamilies",
            "networkProfile.podCidr",
            "networkProfile.podCidrs",
            "networkProfile.serviceCidr",
            "networkProfile.serviceCidrs",
            "networkProfile.dnsServiceIP",
            "networkProfile.outboundType",
            "networkProfile.loadBalancerProfile",
            "apiServerAccessProfile",
            "agentPoolProfiles",
            "windowsProfile.adminUsername",
            "windowsProfile.adminPassword",
            "autoUpgradeProfile",
            "aadProfile.enableAzureRBAC",
            "disableLocalAccounts",
            "enableRBAC",
        ],
    ],
    [
        "azure-native:containerservice:AgentPool",
        [
            "agentPoolName",
            "resourceName",
            "mode",
            "osType",
            "osSKU",
            "vmSize",
            "count",
            "enableAutoScaling",
            "minCount",
            "maxCount",
            "maxPods",
            "vnetSubnetID",
            "podSubnetID",
            "availabilityZones",
            "orchestratorVersion",
            "nodeLabels",
            "nodeTaints",
            "upgradeSettings.maxSurge",
        ],
    ],
    ["azure-native:*", ["resourceName", "name", "location"]],
    ["pulumi:providers:*", ["clusterIdentifier", "context", "namespace", "deleteUnreachable", "enableServerSideApply", "kubeconfig"]],
    ["kubernetes:helm.sh/v4:Chart", ["chart", "version", "namespace", "repositoryOpts.repo", "values"]],
    ["kubernetes:helm.sh/v3:Release", ["chart", "version", "namespace", "repositoryOpts.repo", "values"]],
    [
        "kubernetes:core/v1:Service",
        [
            "metadata.namespace",
            "metadata.name",
            "metadata.annotations",
            "spec.type",
            "spec.ipFamilies",
            "spec.ipFamilyPolicy",
            "spec.externalTrafficPolicy",
            "spec.selector",
            "spec.ports",
        ],
    ],
    [
        "kubernetes:apps/v1:*",
        [
            "metadata.namespace",
            "metadata.name",
            "spec.replicas",
            "spec.template.spec.nodeSelector",
            "spec.template.spec.tolerations",
            "spec.template.spec.containers[0].image",
        ],
    ],
    ["kubernetes:networking.k8s.io/v1:Ingress", ["metadata.namespace", "metadata.name", "spec.ingressClassName", "spec.rules"]],
    ["kubernetes:gateway.networking.k8s.io/*", ["metadata.namespace", "metadata.name", "spec"]],
    ["kubernetes:*", ["metadata.namespace", "metadata.name"]],
    ["random:*", ["length", "special", "keepers"]],
];

function matches(pattern: string, type: string): boolean {
    if (!pattern.includes("*")) return pattern === type;
    const re = new RegExp(
        `^${pattern
            .split("*")
            .map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
            .join(".*")}$`,
    );
    return re.test(type);
}

/** The key property paths of a type (the first matching entry of {@link KEY_PROPERTIES}). */
export function keyPathsOf(type: string): readonly string[] {
    return KEY_PROPERTIES.find(([p]) => matches(p, type))?.[1] ?? [];
}

/**
 * The key properties of a resource as flattened `path: value` pairs. Small lists and objects are
 * flattened one level further (e.g. `agentPoolProfiles[0].name`) only when they hold objects;
 * lists of scalars stay whole.
 */
export function keyProperties(type: string, inputs: Record<string, PlanValue>): Record<string, PlanValue> {
    const out: Record<string, PlanValue> = {};
    for (const p of keyPathsOf(type)) {
        const v = at(inputs, p);
        if (v === undefined || v === null) continue;
        if (
            typeof v === "object" &&
            !Array.isArray(v) &&
            !("$ref" in v) &&
            type !== "kubernetes:helm.sh/v4:Chart" &&
            type !== "kubernetes:helm.sh/v3:Release"
        ) {
            Object.assign(out, flatten(v, p));
        } else if (Array.isArray(v) && v.some((x) => x !== null && typeof x === "object")) {
            Object.assign(out, flatten(v, p));
        } else {
            out[p] = v;
        }
    }
    return out;
}
