/**
 * What the Kubernetes-side builders need to know about a cluster. `AksCluster` exposes these as its
 * `clusterFacts` output; users of `checkService` can write them by hand. Plain types in the pure core,
 * so the Azure components and the Kubernetes builders share them without importing each other.
 */

/** An IP family as Kubernetes and AKS spell it. */
export type ServiceIpFamily = "IPv4" | "IPv6";

/** A cluster's facts, as plain values. */
export interface ClusterFacts {
    /** `["IPv4"]` or `["IPv4", "IPv6"]`. */
    ipFamilies: ServiceIpFamily[];
    /** `major.minor` or `major.minor.patch`, e.g. `"1.30"`. */
    kubernetesVersion: string;
    /** True when the cluster has (or will have) Windows node pools. */
    hasWindowsPools: boolean;
    /** The Linux node OS SKU. */
    linuxOsSku: "Ubuntu" | "AzureLinux";
    /**
     * Whether the AKS application routing add-on is enabled (needed by the app-routing controller).
     * @default - unknown: not checked
     */
    appRoutingEnabled?: boolean;
    /**
     * Taints of the Windows pools (the sample app's Windows Deployment tolerates them).
     * @default [{ key: "kubernetes.io/os", value: "windows", effect: "NoSchedule" }]
     */
    windowsTaints?: { key: string; value?: string; effect: "NoSchedule" | "PreferNoSchedule" | "NoExecute" }[];
    /**
     * The cluster's dataplane. `checkService` uses it to judge IPv6 Services with
     * `externalTrafficPolicy: Cluster` on Ubuntu nodes: the node-level workaround for Azure's
     * link-local IPv6 probes does not work with Cilium's kube-proxy replacement (cilium/cilium#31326).
     * @default - unknown: judged as the Azure dataplane
     */
    networkDataplane?: "azure" | "cilium";
}
