/**
 * A cluster written with raw azure-native resources, not the package's components, with known
 * mistakes the policy pack (lib/policy/pack, or `aks-network plan --policy`) reports:
 * - the service CIDR is a /12 (R13);
 * - the pod CIDR overlaps the spoke VNet (R38: with two VNets in the stack and subnet IDs not known
 *   until the subnet exists, the evaluator cannot tell which VNet is the cluster's, so it compares
 *   with both as connected networks);
 * - the Windows pool's name has 8 characters (R44) and the cluster has no windowsProfile (R56);
 * - the hub VNet of the same stack overlaps the service CIDR (R34).
 * Run it with `pulumi preview --policy-pack ../../lib/policy/pack` (after `npm run build`).
 */
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";

const group = new resources.ResourceGroup("raw");

const vnet = new network.VirtualNetwork("raw-vnet", {
    resourceGroupName: group.name,
    virtualNetworkName: "raw-spoke",
    addressSpace: { addressPrefixes: ["10.224.0.0/12"] },
});

new network.VirtualNetwork("raw-hub", {
    resourceGroupName: group.name,
    virtualNetworkName: "raw-hub",
    addressSpace: { addressPrefixes: ["10.8.0.0/16"] },
});

const nodes = new network.Subnet("raw-nodes", {
    resourceGroupName: group.name,
    virtualNetworkName: vnet.name,
    subnetName: "nodes",
    addressPrefix: "10.224.0.0/16",
});

const cluster = new containerservice.ManagedCluster("raw-aks", {
    resourceGroupName: group.name,
    dnsPrefix: "raw",
    kubernetesVersion: "1.34",
    identity: { type: "SystemAssigned" },
    networkProfile: {
        networkPlugin: "azure",
        networkPluginMode: "overlay",
        podCidr: "10.224.0.0/16",
        serviceCidr: "10.0.0.0/12",
        dnsServiceIP: "10.0.0.10",
    },
    agentPoolProfiles: [{ name: "system", mode: "System", count: 3, vmSize: "Standard_D4ds_v5", osType: "Linux", vnetSubnetID: nodes.id }],
});

new containerservice.AgentPool("raw-windows", {
    resourceGroupName: group.name,
    resourceName: cluster.name,
    agentPoolName: "windows1",
    osType: "Windows",
    count: 2,
    maxPods: 30,
    vmSize: "Standard_D4ds_v5",
    vnetSubnetID: nodes.id,
});
