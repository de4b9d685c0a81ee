/**
 * An AKS cluster in an existing spoke VNet of a hub-and-spoke network. The component reads the spoke's
 * subnet, the VNet's address spaces and every peering (the hub) from Azure, adds the on-premises ranges
 * given here, and checks the pod and service CIDRs against all of them before the cluster is created:
 * a pod CIDR that shadows the hub or on-premises makes those hosts unreachable from pods, so the
 * preview fails and names the peering.
 *
 * Config: `pulumi config set nodeSubnetId /subscriptions/.../virtualNetworks/spoke/subnets/aks`.
 */
import * as pulumi from "@pulumi/pulumi";
import { AksCluster, ConnectedNetworkKind, NetworkPlugin, NetworkPluginMode, OutboundType } from "pulumi-aks-network";

const config = new pulumi.Config();

const cluster = new AksCluster("spoke", {
    resourceGroupName: config.get("resourceGroupName") ?? "rg-spoke-aks",
    createResourceGroup: false,
    kubernetesVersion: "1.34",
    network: {
        networkPlugin: NetworkPlugin.Azure,
        networkPluginMode: NetworkPluginMode.Overlay,
        // Chosen outside the hub (10.0.0.0/16), the spokes (10.1.0.0/16 ...) and on-premises (172.16.0.0/12).
        podCidrs: ["100.64.0.0/16"],
        serviceCidrs: ["100.65.0.0/16"],
        dnsServiceIP: "100.65.0.10",
        // Egress through the hub's firewall: the subnet's route table sends 0.0.0.0/0 there.
        outboundType: OutboundType.UserDefinedRouting,
        nodeSubnetId: config.require("nodeSubnetId"),
        connectedNetworks: [
            { name: "on-premises", cidr: "172.16.0.0/12", kind: ConnectedNetworkKind.OnPremises },
            { name: "branch-vpn", cidr: "192.168.100.0/22", kind: ConnectedNetworkKind.Vpn },
        ],
    },
    apiServer: { privateCluster: true },
    nodePools: [{ name: "apps", minCount: 2, maxCount: 8 }],
});

export const clusterName = cluster.clusterName;
export const kubeconfig = cluster.kubeconfig;
export const networkPlan = cluster.networkPlan;
/** The plan re-checked against what Azure says about the spoke and its peerings. */
export const deployedNetworkPlan = cluster.deployedNetworkPlan;
