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
import { IngressController } from "./ingressController";
import { buildProbeJobs, outsideProbeCommands, ProbeCheck, probeJobProblems } from "./probeJobs";
import { providerProblem } from "./problems";
import { SampleApp } from "./sampleApp";

/** Arguments of `ConnectivityProbe`. */
export interface ConnectivityProbeArgs {
    /** The cluster's Kubernetes provider (AksCluster's `provider`). */
    provider: Provider;
    /** The cluster's facts (AksCluster's `clusterFacts`): the families and Windows pools decide the Jobs. */
    clusterFacts: ClusterFacts;
    /** The sample app to reach; the Jobs run in its namespace. */
    sampleApp: SampleApp;
    /** The ingress controller to reach the sample through. @default - no ingress checks */
    ingressController?: IngressController;
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
     * Also give `curl -4` / `curl -6` commands for the sample's load-balancer addresses
     * (`outsideCommands`), to run from outside the cluster: in-cluster Jobs never pass through the Azure
     * load balancer, because kube-proxy short-circuits traffic to a LoadBalancer IP inside the cluster.
     * @default false
     */
    outsideProbe?: boolean;
}

/** CP-1: the component's own arguments (provider, sample app) and the builder's options, at once. */
function connectivityProbeProblems(args: ConnectivityProbeArgs): Diagnostic[] {
    const problems: Diagnostic[] = [];
    if (!Provider.isInstance(args.provider)) problems.push(providerProblem("CP-1", args.provider));
    if (!(args.sampleApp instanceof SampleApp))
        problems.push(
            diagnostic(
                "error",
                "CP-1",
                ["sampleApp"],
                t`${at("sampleApp")} must be the SampleApp to reach, got ${args.sampleApp === undefined ? "undefined" : kindOf(args.sampleApp)}`,
            ),
        );
    if (args.ingressController !== undefined && !(args.ingressController instanceof IngressController))
        problems.push(
            diagnostic(
                "error",
                "CP-1",
                ["ingressController"],
                t`${at("ingressController")} must be an IngressController, got ${kindOf(args.ingressController)}`,
            ),
        );
    problems.push(...probeJobProblems(args));
    return problems;
}

/** The type token; the component is new in 0.2.0, so it has no token of the 0.1.0 form to alias. */
export const CONNECTIVITY_PROBE_TYPE = typeToken("ConnectivityProbe");

/**
 * Jobs that reach the sample app over each of the cluster's families, by ClusterIP, pod IPs and the
 * ingress, plus a Job on a Windows node when the cluster has Windows pools. A failed check fails the
 * Job and so `pulumi up`, with a message naming the family and the path.
 */
export class ConnectivityProbe extends pulumi.ComponentResource {
    /** The Jobs' names (each ends in a hash of what it tests). */
    public readonly jobNames: string[];
    /** What each Job checks, by Job name. */
    public readonly checks: { [jobName: string]: ProbeCheck[] };
    /** `curl -4` / `curl -6` commands to run from outside the cluster. @default - none unless `outsideProbe` */
    public readonly outsideCommands: pulumi.Output<string[]> | undefined;

    constructor(name: string, args: ConnectivityProbeArgs, opts?: pulumi.ComponentResourceOptions) {
        super(CONNECTIVITY_PROBE_TYPE, name, {}, opts);
        const problems = connectivityProbeProblems(args);
        if (problems.length > 0)
            throw new pulumi.ResourceError(formatProblems(`invalid ConnectivityProbe "${name}" arguments`, problems), this, true);
        const probe = buildProbeJobs(args.clusterFacts, args.sampleApp.manifests, {
            name: args.name,
            ingress: args.ingressController?.serviceNames,
            host: args.host,
            image: args.image,
            windowsImage: args.windowsImage,
            timeoutSeconds: args.timeoutSeconds,
        });
        this.jobNames = probe.jobs.map((j) => j.metadata.name);
        this.checks = probe.checks;

        const provider = args.provider;
        const after: pulumi.Resource[] = [args.sampleApp, ...(args.ingressController ? [args.ingressController] : [])];
        const podServices = probe.podServices.map(
            (svc) =>
                new corev1.Service(`${name}-service-${svc.metadata.name}`, svc as unknown as corev1.ServiceArgs, {
                    parent: this,
                    provider,
                    dependsOn: [args.sampleApp],
                }),
        );
        for (const job of probe.jobs) {
            // The child's name is stable per family; the object's name carries the hash, so a change
            // replaces the Job (create the new one, then delete the old) and runs the checks again.
            new batchv1.Job(`${name}-job-${probe.keys[job.metadata.name]}`, job as unknown as batchv1.JobArgs, {
                parent: this,
                provider,
                dependsOn: [...after, ...podServices],
            });
        }
        this.outsideCommands = args.outsideProbe ? args.sampleApp.serviceAddresses.apply((a) => outsideProbeCommands(a)) : undefined;
        this.registerOutputs({ jobNames: this.jobNames, outsideCommands: this.outsideCommands });
    }
}
