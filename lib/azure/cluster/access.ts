/**
 * How to reach an `AksCluster`: its kubelet identity, the user kubeconfig (rewritten to a
 * non-interactive kubelogin) and a Kubernetes provider that waits for every pool.
 */
import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { Provider } from "@pulumi/kubernetes/provider";
import { ClusterDesign } from "../design";
import { KubeloginMode } from "../enums";
import { toNonInteractiveKubeconfig } from "../kubeconfig";
import { KubeletIdentity } from "./core";

export { KubeletIdentity };

/** The kubelet identity of a cluster ("" for what AKS hasn't reported). */
export function kubeletIdentityOf(cluster: containerservice.ManagedCluster): pulumi.Output<KubeletIdentity> {
    return cluster.identityProfile.apply((p) => {
        const k = p?.kubeletidentity;
        return { clientId: k?.clientId ?? "", objectId: k?.objectId ?? "", resourceId: k?.resourceId ?? "" };
    });
}

/**
 * The user kubeconfig (a secret). Plain, known names: the invoke runs during previews of an existing
 * cluster, so the provider's kubeconfig stays known and never forces a replacement of the Kubernetes resources.
 */
export function createKubeconfig(
    name: string,
    design: ClusterDesign,
    cluster: pulumi.Resource,
    parent: pulumi.Resource,
): pulumi.Output<string> {
    const creds = containerservice.listManagedClusterUserCredentialsOutput(
        {
            resourceGroupName: design.resourceGroupName,
            resourceName: design.clusterName,
            format: "exec",
        },
        { parent, dependsOn: [cluster] },
    );
    const login = { mode: design.kubeloginMode, clientId: design.kubeloginClientId };
    return pulumi.secret(
        creds.kubeconfigs.apply((list) => {
            const first = list[0];
            if (!first) throw new pulumi.ResourceError(`AksCluster "${name}": AKS returned no user kubeconfig`, parent);
            const text = Buffer.from(first.value, "base64").toString("utf8");
            return login.mode === KubeloginMode.DeviceCode ? text : toNonInteractiveKubeconfig(text, login);
        }),
    );
}

/** The Kubernetes provider: keyed by the cluster id, waiting for every pool, able to finish a destroy after the cluster is gone. */
export function createProvider(
    name: string,
    kubeconfig: pulumi.Output<string>,
    cluster: containerservice.ManagedCluster,
    pools: pulumi.Resource[],
    parent: pulumi.Resource,
): Provider {
    return new Provider(
        `${name}-k8s`,
        {
            kubeconfig,
            clusterIdentifier: cluster.id,
            deleteUnreachable: true,
        },
        { parent, dependsOn: [cluster, ...pools] },
    );
}
