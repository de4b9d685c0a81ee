/**
 * A dual-stack Azure CNI Overlay cluster on the Azure dataplane (Cilium is Linux-only) with a Windows
 * node pool. The Windows admin password is generated once and kept secret; Windows nodes are tainted
 * so Linux workloads never land there. The sample app adds a Windows Deployment (IPv4 Service) next
 * to the dual-stack Linux one.
 */
import {
    AksCluster,
    ConnectivityProbe,
    IngressController,
    IngressMode,
    IpFamily,
    NetworkDataplane,
    NetworkPlugin,
    NetworkPluginMode,
    OsSku,
    OsType,
    SampleApp,
} from "pulumi-aks-network";

const cluster = new AksCluster("win", {
    kubernetesVersion: "1.34",
    network: {
        networkPlugin: NetworkPlugin.Azure,
        networkPluginMode: NetworkPluginMode.Overlay,
        networkDataplane: NetworkDataplane.Azure,
        ipFamilies: [IpFamily.IPv4, IpFamily.IPv6],
        podCidrs: ["10.244.0.0/16", "fd12:3456:789a::/64"],
        serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a:1::/108"],
        dnsServiceIP: "10.0.0.10",
        vnet: {
            addressSpaces: ["10.224.0.0/12", "fd10:224::/56"],
            subnets: [{ name: "nodes", cidr: "10.224.0.0/16", ipv6Cidr: "fd10:224::/64" }],
        },
    },
    apiServer: { authorizedIpRanges: ["20.61.0.0/24"] },
    nodePools: [
        { name: "linux", minCount: 2, maxCount: 10 },
        // Windows pool names have at most 6 characters (R44).
        { name: "win", osType: OsType.Windows, osSku: OsSku.Windows2022, count: 2, maxPods: 60 },
    ],
});

// Gateway API mode: the pinned Gateway API CRDs, a GatewayClass and a Gateway on Traefik's
// dual-stack Service; the sample attaches HTTPRoutes.
const ingress = new IngressController("win-ingress", {
    provider: cluster.provider,
    clusterFacts: cluster.clusterFacts,
    mode: IngressMode.Gateway,
});

const sample = new SampleApp(
    "win-sample",
    {
        provider: cluster.provider,
        clusterFacts: cluster.clusterFacts,
        gateway: ingress.gateway,
    },
    { dependsOn: [ingress] },
);

// After everything is up: Jobs that reach the sample over each family (and from a Windows node when
// there is one); a broken family fails `pulumi up`.
const probe = new ConnectivityProbe(
    "win-probe",
    {
        provider: cluster.provider,
        clusterFacts: cluster.clusterFacts,
        sample: sample.sampleOptions,
        ingress: ingress.serviceNames,
        loadBalancerAddresses: sample.serviceAddresses,
    },
    { dependsOn: [sample, ingress] },
);

export const clusterName = cluster.clusterName;
export const kubeconfig = cluster.kubeconfig;
export const windowsAdminPassword = cluster.windowsAdminPassword;
export const networkPlan = cluster.networkPlan;
export const serviceAddresses = sample.serviceAddresses;
export const probeJobs = probe.jobNames;
// Run these from outside the cluster: in-cluster Jobs never pass through the Azure load balancer.
export const outsideProbeCommands = probe.outsideCommands;
