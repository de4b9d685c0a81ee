/**
 * Pure builders for the sample workloads: plain Kubernetes objects (as in YAML), no Pulumi.
 *
 * Service shape by cluster (Kubernetes/ingress reference §8):
 *
 *     cluster families   Kubernetes   Linux Services                                    Windows (if pools)
 *     IPv4               any          <name>-ipv4  SingleStack [IPv4]         Cluster    <name>-win-ipv4
 *     IPv4 + IPv6        >= 1.27      <name>-dual  RequireDualStack [IPv4,IPv6] Local    SingleStack [IPv4]
 *     IPv4 + IPv6        <  1.27      <name>-ipv4  SingleStack [IPv4]         Cluster    Cluster
 *                                     <name>-ipv6  SingleStack [IPv6]         Local
 *
 * `ipFamilyPolicy` and `ipFamilies` are always explicit (defaults depend on the cluster), and the family
 * set is part of each Service's name: the first family of a Service can never change in place, so a
 * new family set is a new Service rather than a rejected update.
 */
import { Diagnostic, diagnostic, formatProblems, Sink } from "../core/diagnostic";
import { at, t, Text } from "../core/text";
import { show } from "../core/words";
import { JsonValue } from "../core/json";
import { ClusterFacts, ServiceIpFamily } from "./facts";
import { CLUSTER_FACTS_PATHS } from "./problems";
import { atLeast, readCluster } from "./serviceModel";

/** Labels or annotations. */
export interface StringMap {
    [key: string]: string;
}

/** `metadata` of a built object. */
export interface ManifestMetadata {
    /** The object's name. */
    name: string;
    /** The object's namespace. @default - cluster-scoped object, or the provider's default namespace */
    namespace?: string;
    /** The object's labels. @default - no labels */
    labels?: StringMap;
    /** The object's annotations. @default - no annotations */
    annotations?: StringMap;
}

/** A plain Kubernetes object as the builders return it. */
export interface KubeManifest {
    /** E.g. `"v1"`, `"apps/v1"`. */
    apiVersion: string;
    /** E.g. `"Service"`. */
    kind: string;
    /** Name, namespace, labels, annotations. */
    metadata: ManifestMetadata;
    /** The kind's spec, as in YAML (JSON values: see lib/core/json.ts). */
    spec: { [key: string]: JsonValue };
}

/** Options of `buildSampleApp`. */
export interface SampleAppOptions {
    /**
     * Base name of every object; Services append their family (`-ipv4`, `-ipv6`, `-dual`). A DNS-1035
     * label of at most 54 characters.
     * @default "hello"
     */
    name?: string;
    /** Namespace of every object. @default "samples" */
    namespace?: string;
    /**
     * Linux web replicas (at least 2: with `externalTrafficPolicy: Local` only nodes with a ready pod
     * receive traffic, so one pod is one node's outage away from an outage).
     * @default 2
     */
    replicas?: number;
    /**
     * Linux web image. It must listen on IPv6 (`[::]`) as well as IPv4; the official nginx image adds
     * an IPv6 listener at start-up.
     * @default "docker.io/library/nginx:1.28-alpine"
     */
    image?: string;
    /** Port the Linux web container listens on. @default 80 */
    containerPort?: number;
    /**
     * Windows sample image; its tag must match the Windows pools' OS build (`ltsc2022` for
     * Windows2022 pools, `ltsc2025` for Windows2025).
     * @default "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022"
     */
    windowsImage?: string;
    /**
     * Opt out of `externalTrafficPolicy: Local` on Services with an IPv6 family. Azure Load Balancer
     * probes IPv6 frontends from a link-local address that `Cluster` cannot route to a pod: AKS
     * documents the failure on Azure Linux nodes, and it also fails with Cilium. Setting this produces
     * a warning; use it only to reproduce the failure or on a node image you have tested.
     * @default false
     */
    allowClusterTrafficPolicyOnIpv6?: boolean;
    /**
     * Prefix of the `azure-dns-label-name` of each LoadBalancer Service
     * (`<prefix>-<family>.<region>.cloudapp.azure.com`); labels are unique per region.
     * @default - no DNS labels
     */
    dnsLabelPrefix?: string;
}

/** The keys of `SampleAppOptions`, in declaration order. */
const SAMPLE_APP_OPTION_KEYS = [
    "name",
    "namespace",
    "replicas",
    "image",
    "containerPort",
    "windowsImage",
    "allowClusterTrafficPolicyOnIpv6",
    "dnsLabelPrefix",
] as const satisfies readonly (keyof SampleAppOptions)[];

/**
 * Only the `SampleAppOptions` of a larger object (e.g. a SampleApp's arguments), without the keys left
 * undefined: the plain value SampleApp exposes as `sampleOptions` and ConnectivityProbe takes as `sample`.
 */
export function pickSampleAppOptions(from: SampleAppOptions): SampleAppOptions {
    const out: { [key: string]: unknown } = {};
    for (const key of SAMPLE_APP_OPTION_KEYS) if (from[key] !== undefined) out[key] = from[key];
    return out as SampleAppOptions;
}

/** What `buildSampleApp` returns. */
export interface SampleAppManifests {
    /** The Linux web Deployment, then the Windows one (with Windows pools). */
    deployments: KubeManifest[];
    /** The LoadBalancer Services: Linux first (per the decision table), then Windows. */
    services: KubeManifest[];
    /** The Linux web app's disruption budget. */
    podDisruptionBudgets: KubeManifest[];
    /** The Service an ingress should route to for the Linux app. */
    linuxServiceName: string;
    /** The Windows sample's Service, when the cluster has Windows pools. @default - none */
    windowsServiceName?: string;
    /** Non-fatal problems (the traffic-policy opt-out). */
    warnings: string[];
}

/** Options of `buildSampleIngress`. */
export interface SampleIngressOptions {
    /** The IngressClass of the controller that serves the Ingress. */
    ingressClassName: string;
    /**
     * Host name of the Linux app; the Windows app is then served on `windows.<host>`.
     * @default - any host, Linux app only
     */
    host?: string;
}

/** The Linux sample image (listens on IPv4 and IPv6). */
export const DEFAULT_SAMPLE_IMAGE = "docker.io/library/nginx:1.28-alpine";
/** The Windows sample image, for Windows Server 2022 nodes. */
export const DEFAULT_WINDOWS_IMAGE = "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022";
/** The Windows taint assumed when the facts list none (see `ClusterFacts.windowsTaints`). */
export const DEFAULT_WINDOWS_TAINTS = [{ key: "kubernetes.io/os", value: "windows", effect: "NoSchedule" as const }];
const DNS_LABEL_ANNOTATION = "service.beta.kubernetes.io/azure-dns-label-name";
/** Seconds a terminating pod keeps serving: more than the default probe interval (5 s) x 2 probes. */
const PRE_STOP_SECONDS = 15;

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const AZURE_DNS_LABEL = /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/;

/** SA-1: an option that is not allowed, at its path. */
function optionProblem(option: keyof SampleAppOptions, message: Text): Diagnostic {
    return diagnostic("error", "SA-1", [option], message);
}

/**
 * Every problem of the cluster facts (SVC-4, at `clusterFacts.<field>`) and of the sample app's options
 * (SA-1, at the option's name), at once.
 */
export function sampleAppProblems(facts: ClusterFacts, o: SampleAppOptions): Diagnostic[] {
    const sink = new Sink();
    readCluster(facts, sink);
    const problems = sink.diagnostics.map((d) => CLUSTER_FACTS_PATHS.relocate(d));
    const add = (option: keyof SampleAppOptions, message: Text) => problems.push(optionProblem(option, message));
    const name = o.name ?? "hello";
    if (typeof name !== "string" || name.length > 54 || !DNS1035.test(name)) {
        add(
            "name",
            t`${at("name")} ${show(name)} must be a DNS-1035 label of at most 54 characters (lower-case letters, digits and '-', starting with a letter), e.g. "hello"`,
        );
    }
    const ns = o.namespace ?? "samples";
    if (typeof ns !== "string" || ns.length > 63 || !DNS1123.test(ns))
        add("namespace", t`${at("namespace")} ${show(ns)} must be a DNS-1123 label, e.g. "samples"`);
    const replicas = o.replicas ?? 2;
    if (!Number.isInteger(replicas) || replicas < 2)
        add(
            "replicas",
            t`${at("replicas")} ${show(replicas)} must be a whole number of at least 2: with externalTrafficPolicy Local only nodes with a ready pod receive traffic`,
        );
    const port = o.containerPort ?? 80;
    if (!Number.isInteger(port) || port < 1 || port > 65535)
        add("containerPort", t`${at("containerPort")} ${show(port)} must be a port number between 1 and 65535`);
    if (o.dnsLabelPrefix !== undefined && (typeof o.dnsLabelPrefix !== "string" || !AZURE_DNS_LABEL.test(`${o.dnsLabelPrefix}-win-ipv4`))) {
        add(
            "dnsLabelPrefix",
            t`${at("dnsLabelPrefix")} ${show(o.dnsLabelPrefix)} must start with a lower-case letter and hold only lower-case letters, digits and '-'; with the longest suffix ("-win-ipv4") at most 63 characters`,
        );
    }
    for (const key of ["image", "windowsImage"] as const) {
        const v = o[key];
        if (v !== undefined && (typeof v !== "string" || v.trim() === "" || /\s/.test(v)))
            add(key, t`${at(key)} ${show(v)} must be an image reference without spaces`);
    }
    return problems;
}

/** Throws one error listing every problem of the facts and options. */
function checkInputs(facts: ClusterFacts, o: SampleAppOptions): void {
    const problems = sampleAppProblems(facts, o);
    if (problems.length > 0) throw new Error(formatProblems("invalid sample app", problems));
}

function service(
    name: string,
    ns: string,
    selector: StringMap,
    families: ServiceIpFamily[],
    policy: string,
    etp: string,
    dnsLabel: string | undefined,
): KubeManifest {
    const metadata: ManifestMetadata = { name, namespace: ns, labels: { ...selector } };
    if (dnsLabel !== undefined) metadata.annotations = { [DNS_LABEL_ANNOTATION]: dnsLabel };
    return {
        apiVersion: "v1",
        kind: "Service",
        metadata,
        spec: {
            type: "LoadBalancer",
            ipFamilyPolicy: policy,
            ipFamilies: families,
            externalTrafficPolicy: etp,
            selector: { ...selector },
            ports: [{ name: "http", protocol: "TCP", port: 80, targetPort: "http" }],
        },
    };
}

/**
 * Build the sample app for a cluster: a Linux web Deployment (>= 2 replicas spread across nodes and
 * zones, Linux nodes only, with a disruption budget) behind LoadBalancer Services chosen by the
 * decision table above, plus, when the cluster has Windows pools, a Windows Deployment (Windows nodes,
 * tolerating the pools' taints) behind an IPv4 SingleStack Service.
 *
 * Every Service with an IPv6 family uses `externalTrafficPolicy: Local`, unless
 * `allowClusterTrafficPolicyOnIpv6` is set (then `warnings` says why that is risky). Pure: no Pulumi,
 * same input, same objects.
 *
 * @throws Error listing every invalid option or cluster fact
 */
export function buildSampleApp(facts: ClusterFacts, options: SampleAppOptions = {}): SampleAppManifests {
    checkInputs(facts, options);
    const name = options.name ?? "hello";
    const ns = options.namespace ?? "samples";
    const replicas = options.replicas ?? 2;
    const dual = facts.ipFamilies.length === 2;
    const version = readCluster(facts, new Sink()).version;
    const oneDualService = dual && version !== null && atLeast(version, 1, 27);
    const warnings: string[] = [];
    const v6Policy = options.allowClusterTrafficPolicyOnIpv6 ? "Cluster" : "Local";
    const label = (suffix: string): string | undefined =>
        options.dnsLabelPrefix === undefined ? undefined : `${options.dnsLabelPrefix}-${suffix}`;

    const linuxLabels: StringMap = { "app.kubernetes.io/name": name, "app.kubernetes.io/component": "web" };
    const services: KubeManifest[] = [];
    if (oneDualService) {
        services.push(service(`${name}-dual`, ns, linuxLabels, ["IPv4", "IPv6"], "RequireDualStack", v6Policy, label("dual")));
    } else {
        services.push(service(`${name}-ipv4`, ns, linuxLabels, ["IPv4"], "SingleStack", "Cluster", label("ipv4")));
        if (dual) services.push(service(`${name}-ipv6`, ns, linuxLabels, ["IPv6"], "SingleStack", v6Policy, label("ipv6")));
    }
    if (options.allowClusterTrafficPolicyOnIpv6 && dual) {
        warnings.push(
            `allowClusterTrafficPolicyOnIpv6: ${services
                .filter((s) => (s.spec.ipFamilies as string[]).includes("IPv6"))
                .map((s) => s.metadata.name)
                .join(
                    ", ",
                )} use externalTrafficPolicy Cluster on IPv6. Azure Load Balancer probes IPv6 from a link-local address that Cluster cannot route to a pod; AKS documents the failure on Azure Linux nodes (this cluster: ${facts.linuxOsSku}), and it also fails with Cilium. Expect IPv6 traffic to be dropped unless you have tested this node image`,
        );
    }

    const deployments: KubeManifest[] = [linuxDeployment(name, ns, replicas, linuxLabels, options)];
    const podDisruptionBudgets: KubeManifest[] = [
        {
            apiVersion: "policy/v1",
            kind: "PodDisruptionBudget",
            metadata: { name, namespace: ns, labels: { ...linuxLabels } },
            spec: { minAvailable: 1, selector: { matchLabels: { ...linuxLabels } } },
        },
    ];
    let windowsServiceName: string | undefined;
    if (facts.hasWindowsPools) {
        // The selector carries kubernetes.io/os so that checkService (WIN-3) and readers can tell the
        // backends are Windows pods.
        const winLabels: StringMap = {
            "app.kubernetes.io/name": `${name}-win`,
            "app.kubernetes.io/component": "web",
            "kubernetes.io/os": "windows",
        };
        deployments.push(windowsDeployment(`${name}-win`, ns, winLabels, facts, options));
        windowsServiceName = `${name}-win-ipv4`;
        services.push(service(windowsServiceName, ns, winLabels, ["IPv4"], "SingleStack", "Cluster", label("win-ipv4")));
    }
    const result: SampleAppManifests = {
        deployments,
        services,
        podDisruptionBudgets,
        linuxServiceName: services[0].metadata.name,
        warnings,
    };
    if (windowsServiceName !== undefined) result.windowsServiceName = windowsServiceName;
    return result;
}

function linuxDeployment(name: string, ns: string, replicas: number, labels: StringMap, o: SampleAppOptions): KubeManifest {
    const spread = (topologyKey: string, whenUnsatisfiable: string) => ({
        maxSkew: 1,
        topologyKey,
        whenUnsatisfiable,
        labelSelector: { matchLabels: { ...labels } },
    });
    return {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name, namespace: ns, labels: { ...labels } },
        spec: {
            replicas,
            selector: { matchLabels: { ...labels } },
            template: {
                metadata: { labels: { ...labels } },
                spec: {
                    nodeSelector: { "kubernetes.io/os": "linux" },
                    // Nodes first (hard), zones best effort: non-zonal pools must still schedule.
                    topologySpreadConstraints: [
                        spread("kubernetes.io/hostname", "DoNotSchedule"),
                        spread("topology.kubernetes.io/zone", "ScheduleAnyway"),
                    ],
                    containers: [
                        {
                            name: "web",
                            image: o.image ?? DEFAULT_SAMPLE_IMAGE,
                            ports: [{ name: "http", containerPort: o.containerPort ?? 80, protocol: "TCP" }],
                            readinessProbe: { httpGet: { path: "/", port: "http" }, periodSeconds: 5 },
                            resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } },
                            // Keep serving while the load balancer's probes mark the node down (AZ-2).
                            lifecycle: { preStop: { exec: { command: ["sleep", String(PRE_STOP_SECONDS)] } } },
                        },
                    ],
                },
            },
        },
    };
}

function windowsDeployment(name: string, ns: string, labels: StringMap, facts: ClusterFacts, o: SampleAppOptions): KubeManifest {
    const taints = facts.windowsTaints ?? DEFAULT_WINDOWS_TAINTS;
    const tolerations = taints.map((t) =>
        t.value === undefined
            ? { key: t.key, operator: "Exists", effect: t.effect }
            : { key: t.key, operator: "Equal", value: t.value, effect: t.effect },
    );
    return {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name, namespace: ns, labels: { ...labels } },
        spec: {
            replicas: 1,
            selector: { matchLabels: { ...labels } },
            template: {
                metadata: { labels: { ...labels } },
                spec: {
                    nodeSelector: { "kubernetes.io/os": "windows" },
                    tolerations,
                    containers: [
                        {
                            name: "iis",
                            image: o.windowsImage ?? DEFAULT_WINDOWS_IMAGE,
                            ports: [{ name: "http", containerPort: 80, protocol: "TCP" }],
                            resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "1Gi" } },
                        },
                    ],
                },
            },
        },
    };
}

/**
 * An Ingress exposing the sample through an ingress controller: `/` to the Linux app and, when a host
 * is given and the sample has a Windows part, `windows.<host>` to the Windows app. IPv6 clients reach
 * the Windows app this way only (its own Service is IPv4).
 */
export function buildSampleIngress(app: SampleAppManifests, options: SampleIngressOptions): KubeManifest {
    const first = app.services[0].metadata;
    const rule = (host: string | undefined, serviceName: string) => {
        const r: { [key: string]: unknown } = {
            http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: serviceName, port: { name: "http" } } } }] },
        };
        if (host !== undefined) r.host = host;
        return r;
    };
    const rules = [rule(options.host, app.linuxServiceName)];
    if (options.host !== undefined && app.windowsServiceName !== undefined)
        rules.push(rule(`windows.${options.host}`, app.windowsServiceName));
    const name = app.deployments[0].metadata.name;
    return {
        apiVersion: "networking.k8s.io/v1",
        kind: "Ingress",
        metadata: { name, namespace: first.namespace, labels: { "app.kubernetes.io/name": name } },
        spec: { ingressClassName: options.ingressClassName, rules },
    };
}
