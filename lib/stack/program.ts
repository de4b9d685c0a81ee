/**
 * The root stack program: an `AksCluster`, an `IngressController` on it and the `SampleApp`, from the
 * typed stack config (config.ts). `Pulumi.yaml` runs `main.ts`, which reads the config and calls
 * `deployStack`; tests and the `aks-network plan` command run the same code under mocks.
 */
import * as pulumi from "@pulumi/pulumi";
import { AksCluster } from "../azure/aksCluster";
import { formatProblems } from "../azure/design";
import { ConnectivityProbe } from "../k8s/connectivityProbe";
import { IngressController } from "../k8s/ingressController";
import { IngressControllerKind } from "../k8s/ingressValues";
import { SampleApp, ServiceAddresses } from "../k8s/sampleApp";
import { NetworkPlanReport } from "../network/types";
import { readStackConfig, STACK_NAMESPACE, StackConfig } from "./config";
import { ClusterFacts } from "../k8s/facts";

/** What the stack exports. */
export interface StackOutputs {
    clusterName: pulumi.Output<string>;
    clusterId: pulumi.Output<string>;
    resourceGroupName: string;
    nodeResourceGroup: pulumi.Output<string>;
    oidcIssuerUrl: pulumi.Output<string>;
    /** A Pulumi secret. */
    kubeconfig: pulumi.Output<string>;
    /** The network plan report (effective plan, capacity, findings), known before anything deploys. */
    networkPlan: NetworkPlanReport;
    clusterFacts: ClusterFacts;
    ingressKind: IngressControllerKind | "none";
    ingressClassName: string | undefined;
    /** External addresses of the sample's LoadBalancer Services, per family. */
    sampleServiceAddresses: pulumi.Output<ServiceAddresses[]> | undefined;
    /** The connectivity probe's Jobs (each name ends in a hash of what it tests). */
    probeJobs: string[] | undefined;
    /** `curl -4` / `curl -6` commands to run from outside the cluster (`probe.outsideProbe`). */
    outsideProbeCommands: pulumi.Output<string[]> | undefined;
}

/** Create the stack's resources from a typed config. */
export function deployStack(config: StackConfig, windowsAdminPassword?: pulumi.Output<string>): StackOutputs {
    const clusterArgs = windowsAdminPassword
        ? { ...config.cluster, windows: { ...config.cluster.windows, adminPassword: windowsAdminPassword } }
        : config.cluster;
    const cluster = new AksCluster(config.name, clusterArgs);

    let ingress: IngressController | undefined;
    if (config.ingress.enabled && config.ingress.kind !== IngressControllerKind.None) {
        const { enabled: _enabled, ...rest } = config.ingress;
        ingress = new IngressController(`${config.name}-ingress`, {
            ...rest,
            provider: cluster.provider,
            clusterFacts: cluster.clusterFacts,
        });
    }

    let sample: SampleApp | undefined;
    if (config.sampleApp.enabled) {
        const { enabled: _enabled, ...rest } = config.sampleApp;
        sample = new SampleApp(
            `${config.name}-sample`,
            {
                ...rest,
                provider: cluster.provider,
                clusterFacts: cluster.clusterFacts,
                // Gateway mode: HTTPRoutes on the controller's Gateway instead of an Ingress.
                ingressClassName: ingress?.gateway ? undefined : ingress?.ingressClassName,
                gateway: ingress?.gateway,
            },
            { dependsOn: ingress ? [ingress] : [] },
        );
    }

    let probe: ConnectivityProbe | undefined;
    if (config.probe.enabled && sample) {
        probe = new ConnectivityProbe(
            `${config.name}-probe`,
            {
                provider: cluster.provider,
                clusterFacts: cluster.clusterFacts,
                sample: sample.sampleOptions,
                ingress: ingress?.serviceNames,
                host: config.sampleApp.host,
                loadBalancerAddresses: config.probe.outsideProbe ? sample.serviceAddresses : undefined,
            },
            { dependsOn: ingress ? [sample, ingress] : [sample] },
        );
    }

    return {
        clusterName: cluster.clusterName,
        clusterId: cluster.clusterId,
        resourceGroupName: cluster.resourceGroupName,
        nodeResourceGroup: cluster.nodeResourceGroup,
        oidcIssuerUrl: cluster.oidcIssuerUrl,
        kubeconfig: cluster.kubeconfig,
        networkPlan: cluster.networkPlan,
        clusterFacts: cluster.clusterFacts,
        ingressKind: ingress ? ingress.kind : "none",
        ingressClassName: ingress?.ingressClassName,
        sampleServiceAddresses: sample?.serviceAddresses,
        probeJobs: probe?.jobNames,
        outsideProbeCommands: probe?.outsideCommands,
    };
}

/**
 * Read the stack's config (every `aks-network:` key) and deploy. A bad config fails here with one
 * error listing every problem by its config path, before any resource is registered.
 */
export function runStackProgram(): StackOutputs {
    const all = pulumi.runtime.allConfig();
    const { config, problems } = readStackConfig(all, { project: pulumi.getProject(), stack: pulumi.getStack() });
    if (problems.length > 0) {
        throw new pulumi.RunError(formatProblems(`invalid stack config for ${pulumi.getProject()}/${pulumi.getStack()}`, problems));
    }
    const password = config.hasWindowsAdminPassword ? new pulumi.Config(STACK_NAMESPACE).requireSecret("windowsAdminPassword") : undefined;
    return deployStack(config, password);
}
