/**
 * A dual-stack (IPv4 + IPv6) AKS cluster with Azure CNI Overlay on the Cilium dataplane (Cilium
 * network policy), Traefik with a dual-stack Service (RequireDualStack, externalTrafficPolicy Local)
 * and the sample app, reachable over both families.
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
    NetworkPolicy,
    SampleApp,
} from "pulumi-aks-network";

const cluster = new AksCluster("dual", {
    kubernetesVersion: "1.34",
    network: {
        networkPlugin: NetworkPlugin.Azure,
        networkPluginMode: NetworkPluginMode.Overlay,
        networkDataplane: NetworkDataplane.Cilium,
        networkPolicy: NetworkPolicy.Cilium,
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
    nodePools: [{ name: "apps", minCount: 2, maxCount: 20 }],
});

// Gateway API mode: the pinned Gateway API CRDs, a GatewayClass and a Gateway on Traefik's
// dual-stack Service; the sample attaches HTTPRoutes.
const ingress = new IngressController("dual-ingress", {
    provider: cluster.provider,
    clusterFacts: cluster.clusterFacts,
    mode: IngressMode.Gateway,
});

const sample = new SampleApp(
    "dual-sample",
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
    "dual-probe",
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
export const networkPlan = cluster.networkPlan;
export const serviceAddresses = sample.serviceAddresses;
export const probeJobs = probe.jobNames;
// Run these from outside the cluster: in-cluster Jobs never pass through the Azure load balancer.
export const outsideProbeCommands = probe.outsideCommands;
