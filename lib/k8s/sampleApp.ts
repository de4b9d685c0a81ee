/**
 * `SampleApp`: applies `buildSampleApp`'s objects (and an Ingress) through the cluster's provider and
 * reports each Service's external addresses per family.
 */
// Submodules, not the SDK root: the root loads every API group and Helm v3 (tens of ms per import).
import * as appsv1 from "@pulumi/kubernetes/apps/v1";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as apiextensions from "@pulumi/kubernetes/apiextensions";
import * as networkingv1 from "@pulumi/kubernetes/networking/v1";
import * as policyv1 from "@pulumi/kubernetes/policy/v1";
import { Provider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { Diagnostic, diagnostic, formatProblems } from "../core/diagnostic";
import { at, t } from "../core/text";
import { typeToken, withLegacyTypeAlias } from "../core/tokens";
import { show } from "../core/words";
import { checkService } from "./checkService";
import { providerProblem, serviceFinding } from "./problems";
import { ClusterFacts } from "./facts";
import { buildSampleHttpRoutes, GatewayReference } from "./gatewayApi";
import {
    buildSampleApp,
    buildSampleIngress,
    KubeManifest,
    pickSampleAppOptions,
    SampleAppManifests,
    SampleAppOptions,
    sampleAppProblems,
} from "./manifests";
import { familyOfIp, isObj } from "./serviceModel";

/** The type token of `SampleApp` (see lib/core/tokens.ts). */
export const SAMPLE_APP_TYPE = typeToken("SampleApp");

/** SA-1: the arguments' own problems (provider, host) and the sample's options, at once. */
function sampleAppArgsProblems(args: SampleAppArgs): Diagnostic[] {
    const problems = sampleAppProblems(args.clusterFacts, args);
    if (!Provider.isInstance(args.provider)) {
        problems.unshift(providerProblem("SA-1", args.provider));
    }
    const host = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
    if (args.host !== undefined && (typeof args.host !== "string" || !host.test(args.host))) {
        problems.push(
            diagnostic(
                "error",
                "SA-1",
                ["host"],
                t`${at("host")} ${show(args.host)} must be a lower-case DNS name such as "hello.example.com"`,
            ),
        );
    }
    problems.push(...gatewayProblems(args));
    return problems;
}

/** SA-1: a `gateway` that is not a Gateway reference, or given together with `ingressClassName`. */
function gatewayProblems(args: SampleAppArgs): Diagnostic[] {
    if (args.gateway === undefined) return [];
    const problem = (segments: string[], message: ReturnType<typeof t>) => diagnostic("error", "SA-1", segments, message);
    if (args.ingressClassName !== undefined)
        return [
            problem(
                ["gateway"],
                t`${at("gateway")} and ${at("ingressClassName")} are both given; the sample is exposed either by an HTTPRoute or by an Ingress, so give one`,
            ),
        ];
    const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
    const out: Diagnostic[] = [];
    for (const key of ["name", "namespace"] as const) {
        const v = isObj(args.gateway) ? args.gateway[key] : undefined;
        if (typeof v !== "string" || v.length > 63 || !label.test(v))
            out.push(
                problem(
                    ["gateway", key],
                    t`${at("gateway", key)} ${show(v)} must be a DNS-1123 label (the IngressController's \`gateway\`)`,
                ),
            );
    }
    return out;
}

/** Arguments of `SampleApp`: the builder's options plus where to apply them. */
export interface SampleAppArgs extends SampleAppOptions {
    /** The cluster's Kubernetes provider (AksCluster's `provider`); every object is created through it. */
    provider: Provider;
    /** The cluster's facts (AksCluster's `clusterFacts`). */
    clusterFacts: ClusterFacts;
    /** Create the namespace. Set false when it exists already. @default true */
    createNamespace?: boolean;
    /**
     * IngressClass of the controller that exposes the sample (e.g. an `IngressController`'s
     * `ingressClassName`).
     * @default - no Ingress
     */
    ingressClassName?: string;
    /**
     * The Gateway to attach `HTTPRoute`s to instead of an Ingress (an `IngressController`'s `gateway`
     * in Gateway mode). Not together with `ingressClassName`.
     * @default - no HTTPRoute
     */
    gateway?: GatewayReference;
    /** Host of the Ingress rule or HTTPRoute; the Windows app is then served on `windows.<host>`. @default - any host */
    host?: string;
    /**
     * Resources the Windows Deployment waits for, typically the Windows node pool, so Pulumi does not
     * time out on pods that cannot schedule yet.
     * @default - none
     */
    windowsDependsOn?: pulumi.Resource[];
}

/** External addresses of one LoadBalancer Service, split by family. */
export interface ServiceAddresses {
    /** The Service's name (its family set is part of it). */
    serviceName: string;
    /** The Service's `ipFamilies`. */
    ipFamilies: string[];
    /** IPv4 addresses in `status.loadBalancer.ingress`. */
    ipv4: string[];
    /** IPv6 addresses in `status.loadBalancer.ingress`. */
    ipv6: string[];
}

/** Split a Service status's load-balancer addresses by family (pure; unknown shapes give none). */
export function addressesByFamily(serviceName: string, ipFamilies: string[], status: unknown): ServiceAddresses {
    const out: ServiceAddresses = { serviceName, ipFamilies, ipv4: [], ipv6: [] };
    const lb = isObj(status) ? status.loadBalancer : undefined;
    const ingress = isObj(lb) && Array.isArray(lb.ingress) ? lb.ingress : [];
    for (const entry of ingress) {
        const ip = isObj(entry) && typeof entry.ip === "string" ? entry.ip : undefined;
        const fam = ip === undefined ? null : familyOfIp(ip);
        if (fam === "IPv4") out.ipv4.push(ip!);
        else if (fam === "IPv6") out.ipv6.push(ip!);
    }
    return out;
}

/**
 * The sample app of `buildSampleApp` on a cluster: Linux web Deployment, its disruption budget, the
 * LoadBalancer Services the cluster's families and version call for, the Windows sample on clusters
 * with Windows pools, and (with `ingressClassName`) an Ingress through the ingress controller.
 *
 * Child resources are named after the objects (`<name>-service-hello-dual`), so a new family set makes
 * a new Service instead of an in-place change the API server would reject. The Services are checked
 * with `checkService` first: errors stop the deployment (except AZ-1 when the IPv6 traffic-policy
 * opt-out is set), warnings are logged.
 */
export class SampleApp extends pulumi.ComponentResource {
    /** The objects applied, as plain manifests. */
    public readonly manifests: SampleAppManifests;
    /** The Ingress applied. @default - none without `ingressClassName` */
    public readonly ingress: KubeManifest | undefined;
    /** The HTTPRoutes applied. @default - none without `gateway` */
    public readonly httpRoutes: KubeManifest[];
    /** External addresses of each Service, per family (unknown during preview). */
    public readonly serviceAddresses: pulumi.Output<ServiceAddresses[]>;
    /** The non-fatal problems found (also logged as warnings). */
    public readonly warnings: string[];
    /** The sample's options as given (plain data): pass them to ConnectivityProbe's `sample`. */
    public readonly sampleOptions: SampleAppOptions;

    constructor(name: string, args: SampleAppArgs, opts?: pulumi.ComponentResourceOptions) {
        super(SAMPLE_APP_TYPE, name, {}, withLegacyTypeAlias(opts, SAMPLE_APP_TYPE));
        const problems = sampleAppArgsProblems(args);
        const manifests = problems.length === 0 ? buildSampleApp(args.clusterFacts, args) : undefined;
        const warnings = [...(manifests?.warnings ?? [])];
        for (const svc of manifests?.services ?? []) {
            for (const found of checkService(svc, args.clusterFacts)) {
                const tolerated = found.ruleId === "AZ-1" && args.allowClusterTrafficPolicyOnIpv6;
                if (found.severity === "error" && !tolerated) problems.push(serviceFinding(`Service ${svc.metadata.name}`, found));
                else if (found.severity !== "info") warnings.push(`Service ${svc.metadata.name}: ${found.ruleId} ${found.message}`);
            }
        }
        if (problems.length > 0 || manifests === undefined) {
            throw new pulumi.ResourceError(formatProblems(`invalid SampleApp "${name}" arguments`, problems), this, true);
        }
        this.manifests = manifests;
        this.warnings = warnings;
        this.sampleOptions = pickSampleAppOptions(args);
        for (const w of warnings) pulumi.log.warn(w, this);

        const provider = args.provider;
        const namespaceName = manifests.services[0].metadata.namespace!;
        const ns =
            (args.createNamespace ?? true)
                ? new corev1.Namespace(`${name}-namespace`, { metadata: { name: namespaceName } }, { parent: this, provider })
                : undefined;
        const base: pulumi.Resource[] = ns ? [ns] : [];
        const isWindows = (m: KubeManifest) => m.metadata.labels?.["kubernetes.io/os"] === "windows";

        for (const d of manifests.deployments) {
            const dependsOn = isWindows(d) ? [...base, ...(args.windowsDependsOn ?? [])] : base;
            new appsv1.Deployment(`${name}-deployment-${d.metadata.name}`, d as unknown as appsv1.DeploymentArgs, {
                parent: this,
                provider,
                dependsOn,
            });
        }
        for (const p of manifests.podDisruptionBudgets) {
            new policyv1.PodDisruptionBudget(`${name}-pdb-${p.metadata.name}`, p as unknown as policyv1.PodDisruptionBudgetArgs, {
                parent: this,
                provider,
                dependsOn: base,
            });
        }
        const addresses = manifests.services.map((m) => {
            const svc = new corev1.Service(`${name}-service-${m.metadata.name}`, m as unknown as corev1.ServiceArgs, {
                parent: this,
                provider,
                dependsOn: base,
            });
            return svc.status.apply((status) => addressesByFamily(m.metadata.name, m.spec.ipFamilies as string[], status));
        });
        this.serviceAddresses = pulumi.all(addresses);

        this.ingress =
            args.ingressClassName === undefined
                ? undefined
                : buildSampleIngress(manifests, { ingressClassName: args.ingressClassName, host: args.host });
        if (this.ingress) {
            new networkingv1.Ingress(`${name}-ingress`, this.ingress as unknown as networkingv1.IngressArgs, {
                parent: this,
                provider,
                dependsOn: base,
            });
        }

        this.httpRoutes = args.gateway === undefined ? [] : buildSampleHttpRoutes(manifests, { gateway: args.gateway, host: args.host });
        for (const route of this.httpRoutes) {
            new apiextensions.CustomResource(
                `${name}-httpRoute-${route.metadata.name}`,
                route as unknown as apiextensions.CustomResourceArgs,
                {
                    parent: this,
                    provider,
                    dependsOn: base,
                },
            );
        }

        this.registerOutputs({ serviceAddresses: this.serviceAddresses, warnings: this.warnings });
    }
}
