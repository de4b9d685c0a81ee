/**
 * Physical (Azure) names. A name the user gives is used as is; a default one is unique per stack, as
 * Pulumi's own naming is: two stacks of one program (or two projects with the same stack names in one
 * subscription) never claim the same resource group, cluster, VNet or identity.
 *
 * The defaults are deterministic rather than azure-native's auto-names (a random suffix): they are known
 * during a preview and before anything deploys, so the plan, the kubeconfig invoke, `NodePool`s joining
 * by cluster name and the `core` output stay plain values. Their form is `${name}-${stack}-${hash}`,
 * where the hash (6 hex digits) is of the project, the stack and the component's name: it keeps the
 * names apart across projects and when a long name is cut to Azure's length limits. Renaming the stack
 * or project changes the defaults (and so replaces the resources): give the names explicitly first.
 *
 * Pure: no Pulumi runtime imports; the component passes `pulumi.getProject()` and `pulumi.getStack()`.
 */

/** Where a cluster is deployed: the Pulumi project and stack, which make default physical names unique. */
export interface Deployment {
    /** The Pulumi project (`pulumi.getProject()`). */
    project: string;
    /** The Pulumi stack (`pulumi.getStack()`). */
    stack: string;
}

/**
 * Azure's length limits on the names the component derives (source: "Naming rules and restrictions
 * for Azure resources", https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules:
 * Microsoft.ContainerService/managedClusters 1-63, Microsoft.Resources/resourceGroups 1-90,
 * Microsoft.Network/virtualNetworks 2-64, Microsoft.ManagedIdentity/userAssignedIdentities 3-128;
 * the DNS prefix 1-54, https://learn.microsoft.com/azure/aks/create-cluster-and-specify-dns-prefix).
 */
export const NAME_LIMITS = { cluster: 63, dnsPrefix: 54, resourceGroup: 90, vnet: 64, identity: 128 } as const;

/** The default physical names of a cluster, unique per stack. */
export interface DefaultNames {
    /** The cluster's name: `${name}-${stack}-${hash}`, at most 63 of [A-Za-z0-9_-]. */
    clusterName: string;
    /** The DNS prefix: the cluster's default name with `_` as `-`, at most 54 characters. */
    dnsPrefix: string;
    /** The resource group's name: the cluster's default name and `-rg`. */
    resourceGroupName: string;
}

/** 6 hex digits of the 32-bit FNV-1a hash of a text: stable, not cryptographic (it only keeps names apart). */
export function shortHash(text: string): string {
    let h = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(text)) {
        h ^= byte;
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, "0").slice(0, 6);
}

/** A text in cluster-name characters: others as "-", no runs of "-", no "-" or "_" at either end. */
function clean(text: string): string {
    return text
        .replace(/[^-_a-zA-Z0-9]/g, "-")
        .replace(/-{2,}/g, "-")
        .replace(/^[-_]+|[-_]+$/g, "");
}

/** `readable` cut so that `readable + tail` fits in `max` characters (no "-" or "_" left at the cut). */
function compose(readable: string, tail: string, max: number): string {
    const kept = readable.slice(0, Math.max(0, max - tail.length)).replace(/[-_]+$/, "");
    return kept === "" ? tail.replace(/^-/, "") : `${kept}${tail}`;
}

/** The default names of a component `name` in a deployment. */
export function defaultNames(name: string, deployment: Deployment): DefaultNames {
    const readable = [clean(name), clean(deployment.stack)].filter((x) => x !== "").join("-");
    const tail = `-${shortHash(JSON.stringify([deployment.project, deployment.stack, name]))}`;
    return {
        clusterName: compose(readable, tail, NAME_LIMITS.cluster),
        dnsPrefix: compose(readable.replace(/_/g, "-").replace(/-{2,}/g, "-"), tail, NAME_LIMITS.dnsPrefix),
        resourceGroupName: compose(readable, `${tail}-rg`, NAME_LIMITS.resourceGroup),
    };
}

/**
 * A name derived from a cluster's: `${clusterName}${suffix}` when it fits in `max` characters, else the
 * cluster name cut, with a hash of the whole name, so two long cluster names still get two names.
 */
export function derivedName(clusterName: string, suffix: string, max: number): string {
    const whole = `${clusterName}${suffix}`;
    return whole.length <= max ? whole : compose(clusterName, `-${shortHash(clusterName)}${suffix}`, max);
}
