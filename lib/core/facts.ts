/**
 * What the Kubernetes-side builders need to know about a cluster. `AksCluster` exposes these as its
 * `clusterFacts` output; users of `checkService` can write them by hand. Plain types in the pure core,
 * so the Azure components and the Kubernetes builders share them without importing each other.
 *
 * The value sets are `as const` objects with a type of the same name (the type is the union of the
 * strings, so facts written by hand take plain strings and enum members alike): Pulumi's schema
 * inference reads this pattern as an enum, where it refuses an inline union
 * (@pulumi/pulumi provider/experimental/analyzer.ts, `extractEnumMembers`).
 */

/** An IP family as Kubernetes and AKS spell it. */
export const ServiceIpFamily = {
    IPv4: "IPv4",
    IPv6: "IPv6",
} as const;
/** An IP family as Kubernetes and AKS spell it. */
export type ServiceIpFamily = (typeof ServiceIpFamily)[keyof typeof ServiceIpFamily];

/** The Linux node OS SKU the Service checks judge. */
export const LinuxOsSku = {
    Ubuntu: "Ubuntu",
    AzureLinux: "AzureLinux",
} as const;
/** The Linux node OS SKU the Service checks judge. */
export type LinuxOsSku = (typeof LinuxOsSku)[keyof typeof LinuxOsSku];

/** The dataplane, as the Service checks judge it. */
export const FactsDataplane = {
    Azure: "azure",
    Cilium: "cilium",
} as const;
/** The dataplane, as the Service checks judge it. */
export type FactsDataplane = (typeof FactsDataplane)[keyof typeof FactsDataplane];

/** A Kubernetes taint effect. */
export const FactsTaintEffect = {
    NoSchedule: "NoSchedule",
    PreferNoSchedule: "PreferNoSchedule",
    NoExecute: "NoExecute",
} as const;
/** A Kubernetes taint effect. */
export type FactsTaintEffect = (typeof FactsTaintEffect)[keyof typeof FactsTaintEffect];

/** A taint of a cluster's Windows pools. */
export interface WindowsTaint {
    /** The taint's key, e.g. `"kubernetes.io/os"`. */
    key: string;
    /** The taint's value. @default - none */
    value?: string;
    /** The taint's effect. */
    effect: FactsTaintEffect;
}

/** A cluster's facts, as plain values. */
export interface ClusterFacts {
    /** `["IPv4"]` or `["IPv4", "IPv6"]`. */
    ipFamilies: ServiceIpFamily[];
    /** `major.minor` or `major.minor.patch`, e.g. `"1.30"`. */
    kubernetesVersion: string;
    /** True when the cluster has (or will have) Windows node pools. */
    hasWindowsPools: boolean;
    /** The Linux node OS SKU. */
    linuxOsSku: LinuxOsSku;
    /**
     * Whether the AKS application routing add-on is enabled (needed by the app-routing controller).
     * @default - unknown: not checked
     */
    appRoutingEnabled?: boolean;
    /**
     * Taints of the Windows pools (the sample app's Windows Deployment tolerates them).
     * @default [{ key: "kubernetes.io/os", value: "windows", effect: "NoSchedule" }]
     */
    windowsTaints?: WindowsTaint[];
    /**
     * The cluster's dataplane. `checkService` uses it to judge IPv6 Services with
     * `externalTrafficPolicy: Cluster` on Ubuntu nodes: the node-level workaround for Azure's
     * link-local IPv6 probes does not work with Cilium's kube-proxy replacement (cilium/cilium#31326).
     * @default - unknown: judged as the Azure dataplane
     */
    networkDataplane?: FactsDataplane;
}
