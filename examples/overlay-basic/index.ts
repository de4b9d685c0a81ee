/**
 * An IPv4 AKS cluster with Azure CNI Overlay in a VNet the component creates, one autoscaled Linux
 * user pool and Traefik as the ingress controller. The smallest production-shaped cluster.
 */
import * as pulumi from "@pulumi/pulumi";
import { AksCluster, IngressController, NetworkPlugin, NetworkPluginMode } from "pulumi-aks-network";

const config = new pulumi.Config();

const cluster = new AksCluster("basic", {
    kubernetesVersion: "1.34",
    network: {
        networkPlugin: NetworkPlugin.Azure,
        networkPluginMode: NetworkPluginMode.Overlay,
        podCidrs: ["10.244.0.0/16"],
        serviceCidrs: ["10.0.0.0/16"],
        dnsServiceIP: "10.0.0.10",
        vnet: {
            addressSpaces: ["10.224.0.0/12"],
            subnets: [{ name: "nodes", cidr: "10.224.0.0/16" }],
        },
    },
    // The API server only answers these public ranges (your CI runners and offices).
    apiServer: { authorizedIpRanges: config.getObject<string[]>("authorizedIpRanges") ?? ["20.61.0.0/24"] },
    nodePools: [{ name: "apps", vmSize: "Standard_D4ds_v5", minCount: 2, maxCount: 10 }],
});

const ingress = new IngressController("basic-ingress", {
    provider: cluster.provider,
    clusterFacts: cluster.clusterFacts,
});

export const clusterName = cluster.clusterName;
export const kubeconfig = cluster.kubeconfig;
export const networkPlan = cluster.networkPlan;
export const ingressClassName = ingress.ingressClassName;
