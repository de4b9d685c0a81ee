/**
 * The catalogue of `checkService` rules: every rule id the Service linter can emit, with its
 * severities and source.
 *
 * Ids:
 * - `K8S-n`: the Kubernetes API server's own Service validation and allocation, numbered as in the
 *   Kubernetes/ingress reference (§1.2, §1.3). Update-only rules (K8S-27 to K8S-32) need the stored
 *   object and are not checked on a single manifest.
 * - `AZ-1`, `WIN-3`: the reference's Azure load-balancer and Windows rules.
 * - `LB-n`: Azure load-balancer behaviour (cloud-provider-azure) the reference describes without an id.
 * - `SVC-n`: this package's own checks: input shape, fields the reference does not number, and advice.
 *
 * A test checks that every id here has a firing test and that the linter emits no id missing here.
 */
import { RuleInfo } from "../network/catalog";

const r = (id: string, severity: string, title: string, source: string): RuleInfo => ({ id, title, severity, source });

const VALIDATION = "kubernetes pkg/apis/core/validation/validation.go";
const ALLOC = "kubernetes pkg/registry/core/service/storage/alloc.go";
const CCM = "cloud-provider-azure";

/** Every rule `checkService` can report. */
export const SERVICE_RULES: readonly RuleInfo[] = [
    r("SVC-0", "error", "internal error while checking (a bug: please report it)", "this package"),
    r("SVC-1", "error", "the input is a v1 Service object", "API decoder"),
    r("SVC-2", "error", "every field has the JSON type the API expects", "API decoder"),
    r("SVC-3", "warning", "unknown field (probably a typo); strict field validation rejects it, others drop it", "API decoder"),
    r("SVC-4", "error", "the cluster facts are well-formed", "this package"),
    r("SVC-5", "error", "spec.type is ClusterIP, NodePort, LoadBalancer or ExternalName (case-sensitive)", VALIDATION),
    r("SVC-6", "error", "ports[].port is 1-65535; targetPort a port number or IANA service name", VALIDATION),
    r("SVC-7", "error", "ExternalName Services name a DNS-1123 subdomain", VALIDATION),
    r("SVC-8", "error", "sessionAffinity is None or ClientIP", VALIDATION),
    r("SVC-9", "error", "externalIPs are valid IP addresses", VALIDATION),
    r("SVC-10", "error", "requested node ports lie in the node-port range 30000-32767", `${ALLOC}; AKS default range`),
    r("SVC-11", "error", "a requested node port is used by one Service port number only", ALLOC),
    r("SVC-12", "warning/info", "ipFamilyPolicy and ipFamilies are both explicit (D2, ING-1)", "Kubernetes/ingress reference D2, §3.1.3"),
    r("K8S-1", "error", "metadata.name is a DNS-1035 label", VALIDATION),
    r("K8S-2", "error", "ports are required (except headless and ExternalName)", VALIDATION),
    r("K8S-3", "error", "port names: required when several, unique, DNS-1123 labels", VALIDATION),
    r("K8S-4", "error", "no duplicate (protocol, port) or (protocol, nodePort)", VALIDATION),
    r("K8S-5", "error", "protocol is TCP, UDP or SCTP (case-sensitive)", VALIDATION),
    r("K8S-6", "error", "LoadBalancer and NodePort Services are not headless", VALIDATION),
    r("K8S-7", "error", "no nodePort on a ClusterIP Service", VALIDATION),
    r("K8S-8", "error", "ipFamilies entries are IPv4 or IPv6 (case-sensitive), not repeated", VALIDATION),
    r("K8S-9", "error", "ipFamilyPolicy is SingleStack, PreferDualStack or RequireDualStack (case-sensitive)", VALIDATION),
    r("K8S-10", "error", "clusterIP and clusterIPs agree", `${VALIDATION}; strategy.go NormalizeClusterIPs`),
    r("K8S-11", "error", "clusterIPs: at most 2, one per family, None alone, valid IPs", VALIDATION),
    r("K8S-12", "error", "clusterIPs[i] is of family ipFamilies[i]", VALIDATION),
    r("K8S-13", "error", "ExternalName Services have no clusterIPs, ipFamilies or ipFamilyPolicy", VALIDATION),
    r("K8S-14", "error", "externalTrafficPolicy only on externally-accessible Services", VALIDATION),
    r("K8S-15", "error", "externalTrafficPolicy is Cluster or Local (case-sensitive)", VALIDATION),
    r("K8S-16", "error", "healthCheckNodePort only with LoadBalancer and Local", VALIDATION),
    r("K8S-17", "error", "healthCheckNodePort is a free port in the node-port range", `${VALIDATION}; ${ALLOC}`),
    r("K8S-18", "error", "allocateLoadBalancerNodePorts only on LoadBalancer Services", VALIDATION),
    r("K8S-19", "error", "loadBalancerSourceRanges (field or annotation) only on LoadBalancer, valid CIDRs", VALIDATION),
    r("K8S-20", "error", "loadBalancerClass only on LoadBalancer, a qualified name", VALIDATION),
    r("K8S-21", "error", "internalTrafficPolicy is Cluster or Local", VALIDATION),
    r("K8S-22", "error", "trafficDistribution is a value this Kubernetes version knows", VALIDATION),
    r("K8S-23", "error", "SingleStack with two clusterIPs", ALLOC),
    r("K8S-24", "error", "SingleStack with two ipFamilies", ALLOC),
    r("K8S-25", "error", "RequireDualStack on a single-stack cluster", ALLOC),
    r("K8S-26", "error", "a requested family or cluster IP family is configured on the cluster", ALLOC),
    r(
        "AZ-1",
        "error/warning",
        "IPv6 LoadBalancer Services use externalTrafficPolicy Local (error on Azure Linux or Cilium, warning on Ubuntu)",
        "AKS docs: Azure CNI Overlay; Azure/AgentBaker#2393, #2810; cilium/cilium#25242, #31326",
    ),
    r(
        "LB-1",
        "error/warning",
        "AKS before 1.27 provisions only the first family of a dual-stack LoadBalancer",
        "AKS docs: configure dual-stack",
    ),
    r("LB-2", "warning", "health-probe annotations that externalTrafficPolicy Local ignores", `${CCM} azure_loadbalancer_healthprobe.go`),
    r(
        "LB-3",
        "error",
        "probe interval >= 5, num-of-probe >= 2, integers, interval x num < 120",
        `${CCM} azure_loadbalancer_healthprobe.go`,
    ),
    r(
        "LB-4",
        "warning",
        "a per-port probe port replaces the node's health check on an IPv6 Local Service",
        `${CCM} azure_loadbalancer_healthprobe.go [inferred]`,
    ),
    r(
        "LB-5",
        "error/warning",
        "allocateLoadBalancerNodePorts false only where Azure needs no node ports",
        `${CCM} site doc; azure_loadbalancer.go`,
    ),
    r(
        "LB-6",
        "warning",
        'boolean Azure annotations are "true" or "false" (any case); other values count as false',
        `${CCM} consts/helpers.go`,
    ),
    r("LB-7", "warning", "probe protocol is Tcp, Http or Https; other values fall back to TCP", `${CCM} azure_loadbalancer_healthprobe.go`),
    r("LB-8", "error", "TCP idle timeout is an integer 4-100 (minutes)", `${CCM} site doc`),
    r("LB-9", "warning", "spec.loadBalancerIP is deprecated and single-family", "Kubernetes API docs; cloud-provider-azure site doc"),
    r("LB-10", "error/warning", "Private Link Service has no IPv6", `${CCM} azure_privatelinkservice.go`),
    r(
        "LB-11",
        "warning",
        "a loadBalancerClass Service is not provisioned by the Azure cloud provider",
        "k8s cloud-provider service controller [inferred]",
    ),
    r("LB-12", "warning", "per-family IP annotations for a family the Service does not have are ignored", `${CCM} azure_utils.go`),
    r(
        "WIN-3",
        "warning",
        "Services selecting Windows pods: an IPv6 load balancer has no working traffic policy, and Local is unsupported",
        "Kubernetes docs: Windows networking; AKS Windows FAQ; AKS CHANGELOG 2026-07-17 (Windows overlay dual-stack GA, Azure/AKS#4477); checked 2026-12-03",
    ),
];

/**
 * The Kubernetes components' own checks (`IngressController`, `SampleApp`, `buildSampleApp`,
 * `ConnectivityProbe`, `buildProbeJobs`), beside the
 * Service linter's rules they also report for the Services they render.
 */
export const K8S_COMPONENT_RULES: readonly RuleInfo[] = [
    r(
        "IC-1",
        "error",
        "IngressController arguments: provider, kind, names, replicas, DNS label, annotations, chart version and kind against the cluster",
        "this package; Kubernetes object names",
    ),
    r(
        "SA-1",
        "error",
        "SampleApp and buildSampleApp options: provider, name, namespace, replicas, port, DNS label prefix, images and host",
        "this package; Kubernetes object names",
    ),
    r(
        "CP-1",
        "error",
        "ConnectivityProbe and buildProbeJobs options: provider, name, host, images and timeout",
        "this package; Kubernetes object names; pulumi-kubernetes Job await (10-minute default)",
    ),
];
