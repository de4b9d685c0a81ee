/**
 * What an `AksCluster` creates before the cluster itself: the resource group, the control plane's
 * identity, the VNet and its subnets (or nothing, on a subnet of your own) and the identity's Network
 * Contributor role on the network.
 */
import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import { AksClusterArgs } from "../clusterArgs";
import * as D from "../defaults";
import { ClusterDesign, NetworkDesign } from "../design";
import { NetworkGate } from "./ownNetwork";

/** What the cluster and its pools are built on. */
export interface ClusterBase {
    /** The resource group's name (the created group's output, or the name given). */
    resourceGroupName: pulumi.Input<string>;
    /** The location given, or the created group's. @default - the provider's */
    location?: pulumi.Input<string>;
    /** The control plane's user-assigned identity. */
    identityId: pulumi.Input<string>;
    /** The id of a subnet by name (undefined name: the default node subnet). */
    subnetId(name: string | undefined): pulumi.Input<string> | undefined;
    /** Resource ids of the created subnets by name, or of `network.nodeSubnetId` under its own name. */
    subnetIds: pulumi.Output<{ [name: string]: string }>;
    /** What the cluster waits for: the subnets and the role assignment. */
    clusterDependencies: pulumi.Resource[];
}

/** The network a cluster creates, or reads. */
interface ClusterNetwork {
    subnetId(name: string | undefined): pulumi.Input<string> | undefined;
    subnetIds: pulumi.Output<{ [name: string]: string }>;
    /** The VNet's id, or the subnet of your own's: the scope of the Network Contributor role. */
    scope: pulumi.Input<string>;
    subnets: pulumi.Resource[];
}

/** `/subscriptions/<id>/providers/Microsoft.Authorization/roleDefinitions/<role>` for the subscription of a scope. */
export function roleDefinitionId(scope: string, role: string): string {
    const sub = /^\/subscriptions\/[^/]+/i.exec(scope)?.[0] ?? "";
    return `${sub}/providers/Microsoft.Authorization/roleDefinitions/${role}`;
}

/** A value that waits for the network gate when the cluster runs on a subnet of your own. */
export function gatedBy(design: ClusterDesign, gate: pulumi.Output<NetworkGate>) {
    return <T>(v: pulumi.Input<T>): pulumi.Input<T> =>
        design.network.mode === "existing" ? (pulumi.all([gate, v]).apply(([, x]) => x) as pulumi.Output<T>) : v;
}

/** The resource group, when the component creates it. */
export function createResourceGroup(
    name: string,
    design: ClusterDesign,
    args: AksClusterArgs,
    gate: pulumi.Output<NetworkGate>,
    parent: pulumi.Resource,
): resources.ResourceGroup | undefined {
    if (!design.createResourceGroup) return undefined;
    const gated = gatedBy(design, gate);
    return new resources.ResourceGroup(
        `${name}-rg`,
        { resourceGroupName: gated(design.resourceGroupName), location: args.location, tags: args.tags },
        { parent },
    );
}

/** The control plane's identity: the one given, or a created user-assigned identity. */
export function createIdentity(
    name: string,
    design: ClusterDesign,
    args: AksClusterArgs,
    resourceGroupName: pulumi.Input<string>,
    location: pulumi.Input<string> | undefined,
    parent: pulumi.Resource,
): { identityId: pulumi.Input<string>; principalId?: pulumi.Input<string> } {
    if (args.identity?.userAssignedIdentityId !== undefined) {
        return { identityId: args.identity.userAssignedIdentityId, principalId: args.identity.principalId };
    }
    const identity = new managedidentity.UserAssignedIdentity(
        `${name}-identity`,
        {
            resourceGroupName,
            location,
            resourceName: design.identityName,
            tags: args.tags,
        },
        { parent },
    );
    return { identityId: identity.id, principalId: identity.principalId };
}

/** The VNet and its subnets, one subnet after another (Azure refuses concurrent subnet operations on a VNet). */
export function createVnet(
    name: string,
    vnetDesign: NonNullable<NetworkDesign["vnet"]>,
    args: AksClusterArgs,
    resourceGroupName: pulumi.Input<string>,
    location: pulumi.Input<string> | undefined,
    parent: pulumi.Resource,
): { vnet: network.VirtualNetwork; subnets: Map<string, network.Subnet> } {
    const vnet = new network.VirtualNetwork(
        `${name}-vnet`,
        {
            resourceGroupName,
            location,
            virtualNetworkName: vnetDesign.name,
            addressSpace: { addressPrefixes: vnetDesign.addressSpaces },
            tags: args.tags,
        },
        { parent, ignoreChanges: ["subnets"] },
    );
    const subnets = new Map<string, network.Subnet>();
    let previous: pulumi.Resource = vnet;
    for (const s of vnetDesign.subnets) {
        const subnet = new network.Subnet(
            `${name}-subnet-${s.name}`,
            {
                resourceGroupName,
                virtualNetworkName: vnet.name,
                subnetName: s.name,
                ...(s.ipv6Cidr === undefined ? { addressPrefix: s.cidr } : { addressPrefixes: [s.cidr, s.ipv6Cidr] }),
            },
            { parent, dependsOn: [previous] },
        );
        subnets.set(s.name, subnet);
        previous = subnet;
    }
    return { vnet, subnets };
}

/** The created VNet, or the subnet of your own as the gate read it. */
function createNetwork(
    name: string,
    design: ClusterDesign,
    args: AksClusterArgs,
    gate: pulumi.Output<NetworkGate>,
    resourceGroupName: pulumi.Input<string>,
    location: pulumi.Input<string> | undefined,
    parent: pulumi.Resource,
): ClusterNetwork {
    const v = design.network.vnet;
    if (design.network.mode === "existing" || !v) {
        return {
            subnetId: () => gate.apply((g) => g.subnetId),
            subnetIds: gate.apply((g) => ({ [g.subnetName]: g.subnetId })),
            scope: gate.apply((g) => g.subnetId),
            subnets: [],
        };
    }
    const { vnet, subnets } = createVnet(name, v, args, resourceGroupName, location, parent);
    const ids = new Map([...subnets].map(([n, s]) => [n, s.id]));
    return {
        subnetId: (subnetName) => ids.get(subnetName ?? v.subnets[0]?.name),
        subnetIds: pulumi.all(Object.fromEntries(ids)) as pulumi.Output<{ [name: string]: string }>,
        scope: vnet.id,
        subnets: [...subnets.values()],
    };
}

/** Network Contributor on the network for the control plane's identity. */
export function createNetworkContributor(
    name: string,
    principalId: pulumi.Input<string>,
    scope: pulumi.Input<string>,
    parent: pulumi.Resource,
): authorization.RoleAssignment {
    return new authorization.RoleAssignment(
        `${name}-networkContributor`,
        {
            principalId,
            principalType: "ServicePrincipal",
            roleDefinitionId: pulumi.output(scope).apply((s) => roleDefinitionId(s, D.NETWORK_CONTRIBUTOR_ROLE_ID)),
            scope,
        },
        { parent },
    );
}

/** The resource group, identity, network and role the cluster is built on, in that order. */
export function createClusterBase(
    name: string,
    design: ClusterDesign,
    args: AksClusterArgs,
    gate: pulumi.Output<NetworkGate>,
    parent: pulumi.Resource,
): ClusterBase {
    const rg = createResourceGroup(name, design, args, gate, parent);
    const resourceGroupName: pulumi.Input<string> = rg ? rg.name : gatedBy(design, gate)(design.resourceGroupName);
    const location = args.location ?? rg?.location;
    const { identityId, principalId } = createIdentity(name, design, args, resourceGroupName, location, parent);
    const net = createNetwork(name, design, args, gate, resourceGroupName, location, parent);
    const clusterDependencies: pulumi.Resource[] = [...net.subnets];
    if (design.network.assignNetworkContributor && principalId !== undefined) {
        clusterDependencies.push(createNetworkContributor(name, principalId, net.scope, parent));
    }
    return { resourceGroupName, location, identityId, subnetId: net.subnetId, subnetIds: net.subnetIds, clusterDependencies };
}
