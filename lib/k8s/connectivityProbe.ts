/**
 * `ConnectivityProbe`: after the cluster, the ingress and the sample are up, Jobs that prove each
 * address family works in the cluster (see `probeJobs.ts` for what they check and why).
 *
 * Await behaviour: Pulumi's Kubernetes provider waits for each Job to complete and fails the update
 * when the Job fails, after 10 minutes by default (pulumi-kubernetes Job resource docs,
 * https://www.pulumi.com/registry/packages/kubernetes/api-docs/batch/v1/job/). So `pulumi up` fails
 * when a family is broken, with the Job's log naming the family and the path. A Job whose checks have
 * not changed keeps its name and is not run again; run it again with `pulumi up --replace <job URN>`.
 * During a preview nothing runs.
 *
 * Links: the probe takes plain data, never the other components (so the multi-language package's
 * schema can describe its arguments): the sample's options (SampleApp's `sampleOptions`, rebuilt here
 * with the pure `buildSampleApp` to know the sample's namespace, Services and pods), the ingress Services
 * by family (IngressController's `serviceNames`) and the sample's load-balancer addresses (SampleApp's
 * `serviceAddresses`). Ordering comes from the resource options: pass the SampleApp and the
 * IngressController in `dependsOn`, and the probe passes that `dependsOn` on to its pod Services and
 * Jobs. It has to: a component's own `dependsOn` does not hold back the children it creates
 * (pulumi/pulumi#8721 shows a component's dependencies not reaching its dependents), while depending on
 * a component waits for all of its children (pulumi/pulumi#7542, the Node.js SDK's behaviour).
 */
import * as batchv1 from "@pulumi/kubernetes/batch/v1";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { Provider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { Diagnostic, diagnostic, formatProblems } from "../core/diagnostic";
import { at, t } from "../core/text";
import { typeToken } from "../core/tokens";
import { kindOf } from "../core/words";
import { ClusterFacts } from "./facts";
import { buildSampleApp, SampleAppOptions } from "./manifests";
import { buildProbeJobs, FamilyServiceNames, outsideProbeCommands, ProbeCheck, probeJobProblems, probeTargetProblems } from "./probeJobs";
import { providerProblem } from "./problems";
import { ServiceAddresses } from "./sampleApp";

/** Arguments of `ConnectivityProbe`. */
export interface ConnectivityProbeArgs {
    /** The cluster's Kubernetes provider (AksCluster's `provider`). */
    provider: Provider;
    /** The cluster's facts (AksCluster's `clusterFacts`): the families and Windows pools decide the Jobs. */
    clusterFacts: ClusterFacts;
    /**
     * The sample app's options, the same the SampleApp was given (SampleApp's `sampleOptions`): the probe
     * rebuilds the sample's objects from them to find its namespace, Services and pods. The Jobs run in
     * the sample's namespace.
     * @default - the SampleApp defaults (`{}`)
     */
    sample?: SampleAppOptions;
    /** The ingress controller's Services by family (IngressController's `serviceNames`). @default - no ingress checks */
    ingress?: FamilyServiceNames;
    /** Host the Ingress or HTTPRoute serves the sample on (sent as the Host header). @default - any host */
    host?: string;
    /** Prefix of the Jobs' names, a DNS-1123 label of at most 40 characters. @default "probe" */
    name?: string;
    /** Linux probe image (`/bin/sh` and `curl`). @default CURL_IMAGE */
    image?: string;
    /** Windows probe image (`cmd` and `curl.exe`), matching the Windows nodes' OS build. @default WINDOWS_PROBE_IMAGE */
    windowsImage?: string;
    /** Seconds a Job may run before it fails, 30-540. @default 300 */
    timeoutSeconds?: number;
    /**
     * The sample's load-balancer addresses (SampleApp's `serviceAddresses`): given, the probe also gives
     * `curl -4` / `curl -6` commands for them (`outsideCommands`), to run from outside the cluster:
     * in-cluster Jobs never pass through the Azure load balancer, because kube-proxy short-circuits
     * traffic to a LoadBalancer IP inside the cluster.
     * @default - no outside commands
     */
    loadBalancerAddresses?: pulumi.Input<ServiceAddresses[]>;
}

/** CP-1: the component's own arguments (provider, addresses), the sample and ingress, and the builder's options, at once. */
function connectivityProbeProblems(args: ConnectivityProbeArgs): Diagnostic[] {
    const problems: Diagnostic[] = [];
    if (!Provider.isInstance(args.provider)) problems.push(providerProblem("CP-1", args.provider));
    problems.push(...probeTargetProblems(args.clusterFacts, args.sample, args.ingress));
    const addresses: unknown = args.loadBalancerAddresses;
    if (addresses !== undefined && !Array.isArray(addresses) && !pulumi.Output.isInstance(addresses) && !(addresses instanceof Promise))
        problems.push(
            diagnostic(
                "error",
                "CP-1",
                ["loadBalancerAddresses"],
                t`${at("loadBalancerAddresses")} must be the sample's load-balancer addresses (SampleApp's \`serviceAddresses\`), got ${kindOf(addresses)}`,
            ),
        );
    problems.push(...probeJobProblems(args));
    return problems;
}

/**
 * The explicit resources of a `dependsOn` option as a list, so more can be added; `undefined` when it
 * is an Output or a Promise, whose resources are known only later.
 */
function dependsOnList(dependsOn: pulumi.ResourceOptions["dependsOn"]): pulumi.Input<pulumi.Resource>[] | undefined {
    if (dependsOn === undefined) return [];
    if (Array.isArray(dependsOn)) return dependsOn;
    return pulumi.Resource.isInstance(dependsOn) ? [dependsOn] : undefined;
}

/** The type token; the component is new in 0.2.0, so it has no token of the 0.1.0 form to alias. */
export const CONNECTIVITY_PROBE_TYPE = typeToken("ConnectivityProbe");

/**
 * Jobs that reach the sample app over each of the cluster's families, by ClusterIP, pod IPs and the
 * ingress, plus a Job on a Windows node when the cluster has Windows pools. A failed check fails the
 * Job and so `pulumi up`, with a message naming the family and the path.
 *
 * Give the SampleApp and the IngressController in the resource options' `dependsOn`: the pod Services
 * and the Jobs are created with that `dependsOn` (the Jobs also wait for the pod Services), so the checks
 * start only once the sample and the ingress are up.
 */
export class ConnectivityProbe extends pulumi.ComponentResource {
    /** The Jobs' names (each ends in a hash of what it tests). */
    public readonly jobNames: string[];
    /** What each Job checks, by Job name. */
    public readonly checks: { [jobName: string]: ProbeCheck[] };
    /** `curl -4` / `curl -6` commands to run from outside the cluster. @default - none without `loadBalancerAddresses` */
    public readonly outsideCommands: pulumi.Output<string[]> | undefined;

    constructor(name: string, args: ConnectivityProbeArgs, opts?: pulumi.ComponentResourceOptions) {
        super(CONNECTIVITY_PROBE_TYPE, name, {}, opts);
        const problems = connectivityProbeProblems(args);
        if (problems.length > 0)
            throw new pulumi.ResourceError(formatProblems(`invalid ConnectivityProbe "${name}" arguments`, problems), this, true);
        const probe = buildProbeJobs(args.clusterFacts, buildSampleApp(args.clusterFacts, args.sample ?? {}), {
            name: args.name,
            ingress: args.ingress,
            host: args.host,
            image: args.image,
            windowsImage: args.windowsImage,
            timeoutSeconds: args.timeoutSeconds,
        });
        this.jobNames = probe.jobs.map((j) => j.metadata.name);
        this.checks = probe.checks;

        const provider = args.provider;
        const podServices = probe.podServices.map(
            (svc) =>
                new corev1.Service(`${name}-service-${svc.metadata.name}`, svc as unknown as corev1.ServiceArgs, {
                    parent: this,
                    provider,
                    dependsOn: opts?.dependsOn,
                }),
        );
        // An Output or Promise `dependsOn` reaches the Jobs through the pod Services they wait for.
        const after = dependsOnList(opts?.dependsOn) ?? [];
        for (const job of probe.jobs) {
            // The child's name is stable per family; the object's name carries the hash, so a change
            // replaces the Job (create the new one, then delete the old) and runs the checks again.
            new batchv1.Job(`${name}-job-${probe.keys[job.metadata.name]}`, job as unknown as batchv1.JobArgs, {
                parent: this,
                provider,
                dependsOn: [...after, ...podServices],
            });
        }
        this.outsideCommands =
            args.loadBalancerAddresses === undefined
                ? undefined
                : pulumi.output(args.loadBalancerAddresses).apply((a) => outsideProbeCommands(a));
        this.registerOutputs({ jobNames: this.jobNames, outsideCommands: this.outsideCommands });
    }
}
