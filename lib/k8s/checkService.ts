/**
 * `checkService`: the Service linter. It runs the Kubernetes API server's Service validation and the
 * AKS / Azure load-balancer rules on a plain Service object (as in YAML), for a given cluster.
 */
import { Diagnostic, Sink } from "../core/diagnostic";
import { t } from "../core/text";
import { ClusterFacts } from "./facts";
import { azureRules, windowsRules } from "./serviceAzureRules";
import { explicitFamilyAdvice, familyRules, metadataRules, portRules, RuleContext, trafficRules, typeRules } from "./serviceApiRules";
import { effectiveManifest, effectiveOf, isObj, Obj, readCluster, readService } from "./serviceModel";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Lint a Kubernetes Service for an AKS cluster.
 *
 * The Service is first defaulted the way the API server does before it validates (`type` ClusterIP,
 * `externalTrafficPolicy` Cluster when externally accessible, `ipFamilyPolicy` SingleStack, or
 * RequireDualStack for headless selectorless Services, `ipFamilies` from the cluster with a dual-stack
 * policy's second family appended on dual-stack clusters), then checked against:
 * - the API server's Service validation and allocation: names, ports, families, policies, cluster IPs,
 *   traffic policies, health-check node ports and node-port allocation (`K8S-n`, `SVC-n`);
 * - AKS and Azure load-balancer behaviour: IPv6 needs `externalTrafficPolicy: Local` (AZ-1), dual-stack
 *   frontends before 1.27 (LB-1), probe annotations and limits (LB-2 to LB-8) and more (`LB-n`);
 * - Windows backends (WIN-3): IPv6 ClusterIPs are fine since Windows dual-stack went GA (2026-07-17); an
 *   IPv6 load balancer or `Local` in front of Windows pods is warned about. A Service targets Windows pods
 *   when the cluster has Windows pools and its selector has `kubernetes.io/os: windows`.
 *
 * Severity: `error` means the API server or Azure's load balancer rejects the Service or it cannot
 * work on AKS; `warning` means it works but is risky or silently not what was meant; `info` is advice.
 * Errors come first, then warnings, then info, each in manifest order. See `SERVICE_RULES`.
 *
 * Never throws: junk (null, numbers, lists, wrong field types, malformed facts) becomes diagnostics.
 * Update-only API rules (changing the primary family or cluster IP of a stored Service) need the
 * stored object and are not checked.
 *
 * @param service a Service manifest: `{ apiVersion: "v1", kind: "Service", metadata, spec }`
 * @param cluster the cluster's facts, e.g. `{ ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.30",
 *   hasWindowsPools: false, linuxOsSku: "AzureLinux" }` (AksCluster's `clusterFacts`)
 * @example
 * checkService({ metadata: { name: "web" }, spec: { type: "LoadBalancer", ipFamilyPolicy: "RequireDualStack",
 *     ipFamilies: ["IPv4", "IPv6"], selector: { app: "web" }, ports: [{ name: "http", port: 80 }] } },
 *   { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.30", hasWindowsPools: false, linuxOsSku: "AzureLinux" })
 * // [{ ruleId: "AZ-1", severity: "error", path: "spec.externalTrafficPolicy", message: "spec.externalTrafficPolicy Cluster on an IPv6 LoadBalancer ..." }]
 */
export function checkService(service: unknown, cluster: ClusterFacts): Diagnostic[] {
    return lintService(service, cluster).diagnostics;
}

/**
 * The Service as the API server would hold it after defaulting (every default explicit), with the
 * diagnostics of `checkService`. `effective` is null when the input is not an object.
 */
export function describeService(service: unknown, cluster: ClusterFacts): { effective: Obj | null; diagnostics: Diagnostic[] } {
    return lintService(service, cluster);
}

function lintService(service: unknown, cluster: unknown): { effective: Obj | null; diagnostics: Diagnostic[] } {
    const sink = new Sink();
    let effective: Obj | null = null;
    try {
        const clusterModel = readCluster(cluster, sink);
        const svc = readService(service, sink);
        if (svc !== null && isObj(service)) {
            const eff = effectiveOf(svc, clusterModel);
            const ctx: RuleContext = { svc, eff, cluster: clusterModel, sink };
            metadataRules(ctx);
            typeRules(ctx);
            portRules(ctx);
            familyRules(ctx);
            trafficRules(ctx);
            explicitFamilyAdvice(ctx);
            azureRules(ctx);
            windowsRules(ctx);
            effective = effectiveManifest(service, eff);
        }
    } catch (e) {
        // A bug must not hide the findings so far, nor crash a preview: report it as a finding.
        sink.error(
            "SVC-0",
            [],
            t`internal error while checking the Service (${e instanceof Error ? e.message : String(e)}); please report it with the manifest`,
        );
    }
    const diagnostics = sink.diagnostics
        .map((d, i) => ({ d, i }))
        .sort((a, b) => SEVERITY_ORDER[a.d.severity] - SEVERITY_ORDER[b.d.severity] || a.i - b.i)
        .map((x) => x.d);
    return { effective, diagnostics };
}
