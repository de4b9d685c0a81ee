/**
 * A stack config file of the root stack program, read as the program reads it. The one mapping is
 * the program's own `readStackConfig` (lib/stack/config.ts): every `aks-network:<AksClusterArgs key>`
 * is a cluster argument, `name`, `ingress`, `sampleApp` and `windowsAdminPassword` are the program's,
 * anything else is a problem. `aks-network validate Pulumi.<stack>.yaml` then designs the cluster
 * exactly as `AksCluster` would, so it reports the same problems before any program runs, with the
 * config paths the user edits (`aks-network:network.podCidrs[0]`).
 */
import { AksClusterArgs } from "../azure/clusterArgs";
import { ClusterDesign, designCluster } from "../azure/design";
import { Deployment } from "../azure/names";
import { verdictOf } from "../network/report";
import type { Diagnostic, NetworkPlan, NetworkPlanReport } from "../network/types";
import { CLUSTER_KEYS, inConfigTerms, PROGRAM_KEYS, readStackConfig, STACK_NAMESPACE, STACK_RULE, StackConfig } from "../stack/config";
import { toRuntimeConfig } from "./project";

/** The config namespace of the root stack program. */
export const CONFIG_NAMESPACE = STACK_NAMESPACE;

/** The deployment a stack's config is read for when none is given: the cluster's default Azure names are then examples. */
export const EXAMPLE_DEPLOYMENT: Deployment = { project: "project", stack: "stack" };

/** The cluster arguments found in a stack's config. */
export interface StackClusterArgs {
    /** The cluster's arguments (with the Windows password of `windowsAdminPassword`, when set). */
    args: AksClusterArgs;
    /** The name of the program's cluster component (`<namespace>:name`, default `aks`). */
    componentName: string;
    /** The whole typed config, as the program reads it. */
    config: StackConfig;
    /** Problems with the config itself (rule S1: unknown keys, values of the wrong kind), by config path. */
    problems: Diagnostic[];
    /** The config keys that became cluster arguments, e.g. `aks-network:network`. */
    used: string[];
    /** The program's own keys that were set (`name`, `ingress`, `sampleApp`, `windowsAdminPassword`). */
    other: string[];
    /** The cluster as `AksCluster` designs it from `args`, when the config could be read. */
    design: ClusterDesign | undefined;
}

/**
 * Read a stack's config values (namespaced keys, values as parsed from the stack file) the way the
 * stack program does. `namespace` reads the same keys under another namespace; `deployment` is the
 * project and stack the config is for (the cluster's default Azure names are unique per stack).
 */
export function stackConfigToClusterArgs(
    values: Record<string, unknown>,
    namespace = CONFIG_NAMESPACE,
    deployment: Deployment = EXAMPLE_DEPLOYMENT,
): StackClusterArgs {
    const prefix = `${namespace}:`;
    const keys = Object.keys(values).filter((k) => k.startsWith(prefix));
    const own = Object.fromEntries(keys.map((k) => [k, values[k]]));
    const { config, problems, design } = readStackConfig(toRuntimeConfig(own), deployment, namespace);
    const pw = own[`${prefix}windowsAdminPassword`];
    const password = config.hasWindowsAdminPassword && typeof pw === "string" ? pw : undefined;
    const args: AksClusterArgs =
        password === undefined ? config.cluster : { ...config.cluster, windows: { ...config.cluster.windows, adminPassword: password } };
    return {
        args,
        componentName: config.name,
        config,
        problems: problems.filter((p) => p.ruleId === STACK_RULE),
        used: keys.filter((k) => k.slice(prefix.length) in CLUSTER_KEYS),
        other: keys.filter((k) => k.slice(prefix.length) in PROGRAM_KEYS),
        design,
    };
}

/**
 * The network plan and report of a stack's cluster, as `AksCluster` designs it: the capacity, every
 * finding (errors, warnings, info) with its config path (`aks-network:network.podCidrs[0]`), and the
 * config's own problems first.
 */
export function stackConfigToNetworkPlan(
    values: Record<string, unknown>,
    namespace = CONFIG_NAMESPACE,
    deployment: Deployment = EXAMPLE_DEPLOYMENT,
): { plan: NetworkPlan; report: NetworkPlanReport; used: string[]; other: string[]; componentName: string } {
    const r = stackConfigToClusterArgs(values, namespace, deployment);
    // The design the config reader made; designing again only if it couldn't (it then reports why).
    const design = r.design ?? designCluster(r.componentName, r.args, deployment);
    const order = { error: 0, warning: 1, info: 2 } as const;
    const diagnostics = [...r.problems, ...design.report.diagnostics.map((d) => inConfigTerms(d, namespace))]
        .map((d, i) => ({ d, i }))
        .sort((a, b) => order[a.d.severity] - order[b.d.severity] || a.i - b.i)
        .map((x) => x.d);
    return {
        plan: design.plan,
        report: { ...design.report, diagnostics, verdict: verdictOf(diagnostics) },
        used: r.used,
        other: r.other,
        componentName: r.componentName,
    };
}
