/**
 * The root stack program's typed configuration, read from Pulumi config values.
 *
 * Every key lives in the `aks-network` namespace. Keys named after an `AksClusterArgs` field
 * (`aks-network:network`, `aks-network:nodePools`, `aks-network:apiServer`, ...) become the cluster's
 * arguments; `name`, `ingress`, `sampleApp`, `probe` and the secret `windowsAdminPassword` are the program's own.
 *
 * `readStackConfig` is pure: it takes config values as Pulumi stores them (strings; structured values
 * as JSON), and returns the typed config and every problem at once, each with its config path
 * (`aks-network:network.podCidrs[0]`). The cluster's own rules run here too (via `designCluster`), so a
 * bad stack config fails with one message before any resource is registered.
 */
import { AKS_CLUSTER_ARGS_SHAPE, AksClusterArgs } from "../azure/clusterArgs";
import { ClusterDesign, designCluster } from "../azure/design";
import { Deployment } from "../azure/names";
import { IngressMode } from "../k8s/gatewayApi";
import { IngressControllerKind } from "../k8s/ingressValues";
import { diagnostic, mapPaths } from "../core/diagnostic";
import { Path } from "../core/path";
import { checkShape, FieldNode, opt, S, ShapeNode } from "../core/shape";
import { at, t } from "../core/text";
import { closest } from "../core/words";
import { Diagnostic } from "../network/types";

/** The config namespace of the stack program. */
export const STACK_NAMESPACE = "aks-network";

/** Rule id of stack config problems (shape, unknown keys). */
export const STACK_RULE = "S1";

/** `AksClusterArgs` fields a stack may set (every one), each read as the component reads it. */
export const CLUSTER_KEYS: Readonly<Record<keyof AksClusterArgs, true>> = Object.fromEntries(
    Object.keys(AKS_CLUSTER_ARGS_SHAPE.fields).map((key) => [key, true]),
) as Record<keyof AksClusterArgs, true>;

/** The program's own keys. */
export const PROGRAM_KEYS: Readonly<Record<keyof StackProgramArgs, true>> = {
    name: true,
    ingress: true,
    sampleApp: true,
    probe: true,
    windowsAdminPassword: true,
};

/** The ingress controller part of the stack config (`aks-network:ingress`). */
export interface StackIngressConfig {
    /** Install a controller. @default true */
    enabled: boolean;
    /** @default IngressControllerKind.Traefik */
    kind: IngressControllerKind;
    /** DNS label of the controller's public IP. @default - none */
    dnsLabel?: string;
    /** Use an internal load balancer. @default false */
    internal?: boolean;
    /** Controller replicas. @default 2 */
    replicas?: number;
    /** Traefik: serve the Gateway API too (deprecated: use `mode: gateway`). @default false */
    enableGatewayApi?: boolean;
    /** `ingress` or `gateway` (Gateway API CRDs, GatewayClass, Gateway; the sample gets HTTPRoutes). @default "ingress" */
    mode?: IngressMode;
    /** Gateway mode: apply the Gateway API CRDs. @default true */
    installGatewayApiCrds?: boolean;
}

/** The connectivity probe part of the stack config (`aks-network:probe`). */
export interface StackProbeConfig {
    /** Run the probe's Jobs after the sample (needs the sample app). @default false */
    enabled: boolean;
    /** Also export `curl -4` / `curl -6` commands for the sample's load-balancer addresses. @default false */
    outsideProbe?: boolean;
}

/** The sample app part of the stack config (`aks-network:sampleApp`). */
export interface StackSampleAppConfig {
    /** Deploy the sample app. @default true */
    enabled: boolean;
    /** Host of the sample's Ingress rule. @default - any host */
    host?: string;
    /** Namespace of the sample. @default "samples" */
    namespace?: string;
    /** Linux web replicas. @default 2 */
    replicas?: number;
    /** Prefix of the sample Services' DNS labels. @default - none */
    dnsLabelPrefix?: string;
}

/** The program's own settings as written in the config, before defaults. */
export interface StackProgramArgs {
    /** Name of the cluster component. @default "aks" */
    name?: string;
    /** The ingress controller. @default - a Traefik controller */
    ingress?: StackIngressArgs;
    /** The sample app. @default - deployed */
    sampleApp?: StackSampleAppArgs;
    /** The connectivity probe. @default - off */
    probe?: StackProbeArgs;
    /** The Windows pools' admin password (a secret). @default - generated */
    windowsAdminPassword?: string;
}

/** `aks-network:ingress` as written (see `StackIngressConfig`). */
export interface StackIngressArgs {
    enabled?: boolean;
    kind?: IngressControllerKind;
    dnsLabel?: string;
    internal?: boolean;
    replicas?: number;
    enableGatewayApi?: boolean;
    mode?: IngressMode;
    installGatewayApiCrds?: boolean;
}

/** `aks-network:probe` as written (see `StackProbeConfig`). */
export interface StackProbeArgs {
    enabled?: boolean;
    outsideProbe?: boolean;
}

/** `aks-network:sampleApp` as written (see `StackSampleAppConfig`). */
export interface StackSampleAppArgs {
    enabled?: boolean;
    host?: string;
    namespace?: string;
    replicas?: number;
    dnsLabelPrefix?: string;
}

const INGRESS_SHAPE = S.object<StackIngressArgs>("StackIngressArgs", `{ kind: "traefik", replicas: 2 }`, {
    enabled: opt(S.boolean),
    kind: opt(S.enumOf("IngressControllerKind", IngressControllerKind)),
    dnsLabel: opt(S.string),
    internal: opt(S.boolean),
    replicas: opt(S.number),
    enableGatewayApi: opt(S.boolean),
    mode: opt(S.enumOf("IngressMode", IngressMode)),
    installGatewayApiCrds: opt(S.boolean),
});
const PROBE_SHAPE = S.object<StackProbeArgs>("StackProbeArgs", `{ enabled: true }`, {
    enabled: opt(S.boolean),
    outsideProbe: opt(S.boolean),
});
const SAMPLE_APP_SHAPE = S.object<StackSampleAppArgs>("StackSampleAppArgs", `{ namespace: "samples", replicas: 2 }`, {
    enabled: opt(S.boolean),
    host: opt(S.string),
    namespace: opt(S.string),
    replicas: opt(S.number),
    dnsLabelPrefix: opt(S.string),
});
/** The shape of the program's own settings. */
export const STACK_PROGRAM_SHAPE = S.object<StackProgramArgs>("StackProgramArgs", `{ name: "aks" }`, {
    name: opt(S.string),
    ingress: opt(INGRESS_SHAPE),
    sampleApp: opt(SAMPLE_APP_SHAPE),
    probe: opt(PROBE_SHAPE),
    windowsAdminPassword: opt(S.string),
});

/** The whole typed config. */
export interface StackConfig {
    /** Name of the cluster component (and prefix of every child). @default "aks" */
    name: string;
    cluster: AksClusterArgs;
    ingress: StackIngressConfig;
    sampleApp: StackSampleAppConfig;
    probe: StackProbeConfig;
    /** True when `aks-network:windowsAdminPassword` is set (the program reads it as a secret). */
    hasWindowsAdminPassword: boolean;
}

/** A cluster finding with its path and message in config terms: `network.podCidrs[0]` becomes `aks-network:network.podCidrs[0]`. */
export function inConfigTerms(d: Diagnostic, namespace = STACK_NAMESPACE): Diagnostic {
    return mapPaths(d, (path) => configPath(path, namespace));
}

/** An argument path as a config path: its first key under the namespace (`aks-network:network`), or the namespace itself. */
export function configPath(path: Path, namespace = STACK_NAMESPACE): Path {
    const [first, ...rest] = path;
    return first === undefined ? [namespace] : [`${namespace}:${first}`, ...rest];
}

/** True when a shape takes a plain string (Pulumi stores such config values as they are, others as JSON). */
function takesString(shape: ShapeNode | undefined): boolean {
    if (shape === undefined) return false;
    if (shape.kind === "input") return takesString(shape.of);
    return shape.kind === "string" || shape.kind === "enum";
}

/** Turn a stored config string into the value the key expects: itself for strings, else its JSON. */
function decode(raw: string, shape: ShapeNode | undefined): unknown {
    if (takesString(shape)) return raw;
    try {
        return JSON.parse(raw);
    } catch {
        return raw;
    }
}

/** Every key's field: the cluster's arguments and the program's settings. */
const KEY_FIELDS: Readonly<Record<string, FieldNode>> = { ...AKS_CLUSTER_ARGS_SHAPE.fields, ...STACK_PROGRAM_SHAPE.fields };

/** The shape of a key's value, cluster or program. */
function shapeOfKey(key: string): ShapeNode | undefined {
    return Object.prototype.hasOwnProperty.call(KEY_FIELDS, key) ? KEY_FIELDS[key].shape : undefined;
}

/** The namespaced values split into the cluster's arguments and the program's settings; unknown keys are problems. */
function splitValues(
    values: Record<string, string>,
    namespace: string,
    problems: Diagnostic[],
): { cluster: Record<string, unknown>; program: Record<string, unknown> } {
    const prefix = `${namespace}:`;
    const known = [...Object.keys(CLUSTER_KEYS), ...Object.keys(PROGRAM_KEYS)];
    const cluster: Record<string, unknown> = {};
    const program: Record<string, unknown> = {};
    for (const [fullKey, raw] of Object.entries(values)) {
        if (!fullKey.startsWith(prefix)) continue;
        const key = fullKey.slice(prefix.length);
        if (!known.includes(key)) {
            const guess = closest(key, known);
            const fix = guess ? `did you mean ${prefix}${guess}?` : `use one of ${known.map((k) => prefix + k).join(", ")}`;
            problems.push(diagnostic("error", STACK_RULE, [fullKey], t`${at(fullKey)} is not a setting of this program; ${fix}`));
            continue;
        }
        const value = decode(raw, shapeOfKey(key));
        // `sampleApp: false` / `ingress: false` switch a part off.
        const switched =
            (key === "ingress" || key === "sampleApp" || key === "probe") && typeof value === "boolean" ? { enabled: value } : value;
        if (key in CLUSTER_KEYS) cluster[key] = switched;
        else program[key] = switched;
    }
    return { cluster, program };
}

/**
 * Read the stack config. `values` maps full keys (`aks-network:network`) to Pulumi's stored strings;
 * keys of other namespaces are ignored (`namespace` reads the same keys under another one). The program's settings are checked here (rule S1), the
 * cluster's arguments once, by the design, exactly as `AksCluster` checks them (A22 and the rules),
 * every path in config terms. `design` is the cluster as `AksCluster` will design it (the Windows
 * password included), undefined only when the settings could not be read at all. `deployment` is the
 * project and stack the config is for: the cluster's default Azure names are unique per stack.
 */
export function readStackConfig(
    values: Record<string, string>,
    deployment: Deployment,
    namespace = STACK_NAMESPACE,
): { config: StackConfig; problems: Diagnostic[]; design: ClusterDesign | undefined } {
    const problems: Diagnostic[] = [];
    const { cluster, program } = splitValues(values, namespace, problems);
    const checked = checkShape(program, STACK_PROGRAM_SHAPE, false, namespace, STACK_RULE);
    problems.push(...checked.problems.map((d) => inConfigTerms(d, namespace)));
    const own = checked.value ?? {};
    const config: StackConfig = {
        name: own.name ?? "aks",
        cluster: cluster as AksClusterArgs,
        ingress: { ...own.ingress, enabled: own.ingress?.enabled ?? true, kind: own.ingress?.kind ?? IngressControllerKind.Traefik },
        sampleApp: { ...own.sampleApp, enabled: own.sampleApp?.enabled ?? true },
        probe: { ...own.probe, enabled: own.probe?.enabled ?? false },
        hasWindowsAdminPassword: own.windowsAdminPassword !== undefined,
    };
    if (config.probe.enabled && !config.sampleApp.enabled)
        problems.push(
            diagnostic(
                "error",
                STACK_RULE,
                [`${namespace}:probe`, "enabled"],
                t`${at(`${namespace}:probe`, "enabled")} true needs the sample app to reach; set ${at(`${namespace}:sampleApp`, "enabled")} true or switch the probe off`,
            ),
        );
    // The cluster's own rules, with paths as written in the stack config.
    // Errors only: the cluster component logs its own warnings and notices when it runs.
    let design: ClusterDesign | undefined;
    const windows =
        typeof cluster.windows === "object" && cluster.windows !== null && !Array.isArray(cluster.windows) ? cluster.windows : {};
    const password = own.windowsAdminPassword !== undefined ? { windows: { ...windows, adminPassword: own.windowsAdminPassword } } : {};
    try {
        design = designCluster(config.name, { ...config.cluster, ...password }, deployment);
    } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        problems.push(
            diagnostic(
                "error",
                STACK_RULE,
                [`${namespace}:network`],
                t`the cluster settings could not be read (${why}); check their shape against AksClusterArgs`,
            ),
        );
    }
    for (const d of (design?.diagnostics ?? []).filter((x) => x.severity === "error")) problems.push(inConfigTerms(d, namespace));
    return { config, problems, design };
}
