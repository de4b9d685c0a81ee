/**
 * A stack config file of the root stack program, read as the program reads it: the `aks-network`
 * config namespace holds `AksClusterArgs` keys (`aks-network:network`, `aks-network:nodePools`,
 * `aks-network:apiServer`, ...). `aks-network validate Pulumi.<stack>.yaml` maps it to the cluster's
 * arguments and designs the cluster exactly as `AksCluster` would, so it reports the same problems
 * with the same argument paths before any program runs.
 */
import { AksClusterArgs } from "../azure/clusterArgs";
import { designCluster } from "../azure/design";
import type { NetworkPlan, NetworkPlanReport } from "../network";
import { isRecord } from "./io";

/** The config namespace of the root stack program. */
export const CONFIG_NAMESPACE = "aks-network";

/** The `AksClusterArgs` keys a stack config may set (each as `<namespace>:<key>`). */
export const CLUSTER_ARG_KEYS: readonly (keyof AksClusterArgs)[] = [
    "resourceGroupName", "createResourceGroup", "location", "clusterName", "dnsPrefix", "kubernetesVersion", "network",
    "systemPool", "nodePools", "windows", "apiServer", "entra", "upgrades", "monitoring", "identity", "kubeconfigLogin",
    "nodeResourceGroup", "skuTier", "azurePolicy", "keyVaultSecretsProvider", "imageCleaner", "deletionProtection", "tags",
];

/** The cluster arguments found in a stack's config. */
export interface StackClusterArgs {
    /** The arguments, as `AksClusterArgs`. */
    args: AksClusterArgs;
    /** The config keys that became arguments, e.g. `aks-network:network`. */
    used: string[];
    /** Other keys of the namespace (the program's own settings, e.g. ingress), not cluster arguments. */
    other: string[];
}

/**
 * Map a stack's config values (namespaced keys, values parsed) to `AksClusterArgs`: every
 * `<namespace>:<AksClusterArgs key>` becomes that argument; an object under `<namespace>:cluster`
 * is taken as a whole set of arguments, with the single keys over it.
 */
export function stackConfigToClusterArgs(values: Record<string, unknown>, namespace = CONFIG_NAMESPACE): StackClusterArgs {
    const prefix = `${namespace}:`;
    const args: Record<string, unknown> = {};
    const used: string[] = [];
    const other: string[] = [];
    const nested = values[`${prefix}cluster`];
    if (isRecord(nested)) {
        Object.assign(args, nested);
        used.push(`${prefix}cluster`);
    }
    for (const [key, value] of Object.entries(values)) {
        if (!key.startsWith(prefix) || key === `${prefix}cluster`) continue;
        const name = key.slice(prefix.length);
        if ((CLUSTER_ARG_KEYS as readonly string[]).includes(name)) {
            args[name] = value;
            used.push(key);
        } else {
            other.push(key);
        }
    }
    return { args: args as AksClusterArgs, used, other };
}

/** The network plan and report of a stack's cluster, as `AksCluster` designs it (paths in `AksClusterArgs` terms). */
export function stackConfigToNetworkPlan(values: Record<string, unknown>, componentName: string, namespace = CONFIG_NAMESPACE): { plan: NetworkPlan; report: NetworkPlanReport; used: string[]; other: string[] } {
    const { args, used, other } = stackConfigToClusterArgs(values, namespace);
    const design = designCluster(componentName, args);
    return { plan: design.plan, report: design.report, used, other };
}
