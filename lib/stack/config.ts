/**
 * The root stack program's typed configuration, read from Pulumi config values.
 *
 * Every key lives in the `aks-network` namespace. Keys named after an `AksClusterArgs` field
 * (`aks-network:network`, `aks-network:nodePools`, `aks-network:apiServer`, ...) become the cluster's
 * arguments; `name`, `ingress`, `sampleApp` and the secret `windowsAdminPassword` are the program's own.
 *
 * `readStackConfig` is pure: it takes config values as Pulumi stores them (strings; structured values
 * as JSON), and returns the typed config and every problem at once, each with its config path
 * (`aks-network:network.podCidrs[0]`). The cluster's own rules run here too (via `designCluster`), so a
 * bad stack config fails with one message before any resource is registered.
 */
import { AksClusterArgs } from "../azure/clusterArgs";
import { ClusterDesign, designCluster } from "../azure/design";
import { IngressControllerKind } from "../k8s/ingressValues";
import { closest, kindOf, show } from "../network/report-sink";
import { Diagnostic } from "../network/types";

/** The config namespace of the stack program. */
export const STACK_NAMESPACE = "aks-network";

/** Rule id of stack config problems (shape, unknown keys). */
export const STACK_RULE = "S1";

type Kind = "string" | "boolean" | "number" | "object" | "list";

/** `AksClusterArgs` fields a stack may set, with the JSON type of their config value. */
export const CLUSTER_KEYS: Readonly<Record<keyof AksClusterArgs, Kind>> = {
    resourceGroupName: "string",
    createResourceGroup: "boolean",
    location: "string",
    clusterName: "string",
    dnsPrefix: "string",
    kubernetesVersion: "string",
    network: "object",
    systemPool: "object",
    nodePools: "list",
    windows: "object",
    apiServer: "object",
    entra: "object",
    upgrades: "object",
    monitoring: "object",
    identity: "object",
    kubeconfigLogin: "object",
    nodeResourceGroup: "string",
    skuTier: "string",
    azurePolicy: "boolean",
    keyVaultSecretsProvider: "boolean",
    imageCleaner: "boolean",
    appRouting: "boolean",
    deletionProtection: "boolean",
    tags: "object",
};

/** The program's own keys. */
export const PROGRAM_KEYS: Readonly<Record<string, Kind>> = {
    name: "string",
    ingress: "object",
    sampleApp: "object",
    windowsAdminPassword: "string",
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
    /** Traefik: serve the Gateway API too. @default false */
    enableGatewayApi?: boolean;
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

/** The whole typed config. */
export interface StackConfig {
    /** Name of the cluster component (and prefix of every child). @default "aks" */
    name: string;
    cluster: AksClusterArgs;
    ingress: StackIngressConfig;
    sampleApp: StackSampleAppConfig;
    /** True when `aks-network:windowsAdminPassword` is set (the program reads it as a secret). */
    hasWindowsAdminPassword: boolean;
}

/** A cluster finding with its path and message in config terms: `network.podCidrs[0]` becomes `aks-network:network.podCidrs[0]`. */
export function inConfigTerms(d: Diagnostic, namespace = STACK_NAMESPACE): Diagnostic {
    const prefix = `${namespace}:`;
    return { ...d, path: d.path ? `${prefix}${d.path}` : namespace, message: d.path && d.message.startsWith(d.path) ? `${prefix}${d.message}` : d.message };
}

const INGRESS_FIELDS: Record<string, Kind> = { enabled: "boolean", kind: "string", dnsLabel: "string", internal: "boolean", replicas: "number", enableGatewayApi: "boolean" };
const SAMPLE_FIELDS: Record<string, Kind> = { enabled: "boolean", host: "string", namespace: "string", replicas: "number", dnsLabelPrefix: "string" };

function isKind(value: unknown, kind: Kind): boolean {
    switch (kind) {
        case "list": return Array.isArray(value);
        case "object": return typeof value === "object" && value !== null && !Array.isArray(value);
        case "number": return typeof value === "number" && Number.isFinite(value);
        default: return typeof value === kind;
    }
}

const KIND_WORDS: Record<Kind, string> = { string: "a string", boolean: "true or false", number: "a number", object: "an object (a YAML mapping)", list: "a list" };

/** Turn a stored config string into the value of the kind the key expects. */
function decode(raw: string, kind: Kind): unknown {
    if (kind === "string") return raw;
    try {
        return JSON.parse(raw);
    } catch {
        return raw;
    }
}

/**
 * Read the stack config. `values` maps full keys (`aks-network:network`) to Pulumi's stored strings;
 * keys of other namespaces are ignored. `design` is the cluster as `AksCluster` will design it (the
 * Windows password included), undefined only when the settings could not be read at all.
 */
export function readStackConfig(values: Record<string, string>): { config: StackConfig; problems: Diagnostic[]; design: ClusterDesign | undefined } {
    const problems: Diagnostic[] = [];
    const prefix = `${STACK_NAMESPACE}:`;
    const cluster: Record<string, unknown> = {};
    const program: Record<string, unknown> = {};
    const known = [...Object.keys(CLUSTER_KEYS), ...Object.keys(PROGRAM_KEYS)];
    const problem = (path: string, message: string) => problems.push({ ruleId: STACK_RULE, severity: "error", path, message });

    for (const [fullKey, raw] of Object.entries(values)) {
        if (!fullKey.startsWith(prefix)) continue;
        const key = fullKey.slice(prefix.length);
        const kind = (CLUSTER_KEYS as Record<string, Kind>)[key] ?? PROGRAM_KEYS[key];
        if (!kind) {
            const guess = closest(key, known);
            problem(fullKey, `${fullKey} is not a setting of this program; ${guess ? `did you mean ${prefix}${guess}?` : `use one of ${known.map((k) => prefix + k).join(", ")}`}`);
            continue;
        }
        const value = decode(raw, kind);
        // `sampleApp: false` / `ingress: false` switch a part off.
        if ((key === "ingress" || key === "sampleApp") && typeof value === "boolean") {
            program[key] = { enabled: value };
            continue;
        }
        if (!isKind(value, kind)) {
            problem(fullKey, `${fullKey} ${show(value)} is ${kindOf(value)}; it must be ${KIND_WORDS[kind]}`);
            continue;
        }
        if (key in CLUSTER_KEYS) cluster[key] = value;
        else program[key] = value;
    }

    const ingress = readPart(program.ingress, `${prefix}ingress`, INGRESS_FIELDS, problem) as Partial<StackIngressConfig>;
    const kinds = Object.values(IngressControllerKind) as string[];
    if (ingress.kind !== undefined && !kinds.includes(ingress.kind)) {
        problem(`${prefix}ingress.kind`, `${prefix}ingress.kind ${show(ingress.kind)} is not a controller; use ${kinds.map((k) => JSON.stringify(k)).join(", ")}`);
        delete ingress.kind;
    }
    const sampleApp = readPart(program.sampleApp, `${prefix}sampleApp`, SAMPLE_FIELDS, problem) as Partial<StackSampleAppConfig>;

    const hasWindowsAdminPassword = typeof program.windowsAdminPassword === "string";
    const config: StackConfig = {
        name: typeof program.name === "string" ? program.name : "aks",
        cluster: cluster as AksClusterArgs,
        ingress: { ...ingress, enabled: ingress.enabled ?? true, kind: (ingress.kind ?? IngressControllerKind.Traefik) as IngressControllerKind },
        sampleApp: { ...sampleApp, enabled: sampleApp.enabled ?? true },
        hasWindowsAdminPassword,
    };

    // The cluster's own rules, with paths as written in the stack config.
    // Errors only: the cluster component logs its own warnings and notices when it runs.
    let design: ClusterDesign | undefined;
    const password = hasWindowsAdminPassword ? { windows: { ...(isKind(cluster.windows, "object") ? cluster.windows as object : {}), adminPassword: program.windowsAdminPassword as string } } : {};
    try {
        design = designCluster(config.name, { ...config.cluster, ...password });
    } catch (e) {
        problem(`${prefix}network`, `the cluster settings could not be read (${e instanceof Error ? e.message : String(e)}); check their shape against AksClusterArgs`);
    }
    for (const d of (design?.diagnostics ?? []).filter((x) => x.severity === "error")) problems.push(inConfigTerms(d));
    return { config, problems, design };
}

function readPart(value: unknown, path: string, fields: Record<string, Kind>, problem: (p: string, m: string) => void): Record<string, unknown> {
    if (value === undefined) return {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const kind = fields[k];
        if (!kind) {
            const guess = closest(k, Object.keys(fields));
            problem(`${path}.${k}`, `${path}.${k} is not a setting; ${guess ? `did you mean "${guess}"?` : `use ${Object.keys(fields).join(", ")}`}`);
        } else if (!isKind(v, kind)) {
            problem(`${path}.${k}`, `${path}.${k} ${show(v)} is ${kindOf(v)}; it must be ${KIND_WORDS[kind]}`);
        } else {
            out[k] = v;
        }
    }
    return out;
}
