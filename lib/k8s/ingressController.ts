/**
 * `IngressController`: installs an ingress controller through the cluster's Kubernetes provider, with
 * a load-balancer Service that is right for IPv6 on AKS (see `ingressValues.ts` for the shape).
 */
// Submodules, not the SDK root (see sampleApp.ts); Helm v3 is loaded only for the legacy controller.
import * as apiextensions from "@pulumi/kubernetes/apiextensions";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import type * as helmv3 from "@pulumi/kubernetes/helm/v3";
import * as helmv4 from "@pulumi/kubernetes/helm/v4";
import { Provider } from "@pulumi/kubernetes/provider";
import * as yamlv2 from "@pulumi/kubernetes/yaml/v2";
import * as pulumi from "@pulumi/pulumi";
import { Diagnostic, diagnostic, formatProblems, Sink } from "../core/diagnostic";
import { JsonValue } from "../core/json";
import { at, t, Text } from "../core/text";
import { typeToken, withLegacyTypeAlias } from "../core/tokens";
import { oneOf, show } from "../core/words";
import { checkService } from "./checkService";
import { ClusterFacts } from "./facts";
import { buildGateway, buildGatewayClass, GATEWAY_API_RELEASE, GatewayReference, gatewayNames, IngressMode } from "./gatewayApi";
import {
    buildAppRoutingController,
    buildIngressNginxIpv6Service,
    buildIngressNginxValues,
    buildTraefikValues,
    ControllerSettings,
    controllerServicePreviews,
    controllerServiceShape,
    INGRESS_NGINX_CHART,
    IngressControllerKind,
    TRAEFIK_CHART,
} from "./ingressValues";
import { StringMap } from "./manifests";
import { FamilyServiceNames, serviceNamesByFamily } from "./probeJobs";
import { CLUSTER_FACTS_PATHS, providerProblem, serviceFinding } from "./problems";
import { isObj, readCluster } from "./serviceModel";

/** The type token of `IngressController` (see lib/core/tokens.ts). */
export const INGRESS_CONTROLLER_TYPE = typeToken("IngressController");

/** Arguments of `IngressController`. */
export interface IngressControllerArgs {
    /** The cluster's Kubernetes provider (AksCluster's `provider`); every object is created through it. */
    provider: Provider;
    /** The cluster's facts (AksCluster's `clusterFacts`): families, Kubernetes version, Windows pools. */
    clusterFacts: ClusterFacts;
    /**
     * Which controller to install. Traefik is the maintained default; `AppRouting` is IPv4-only and
     * supported until November 2026; `IngressNginx` is retired (both warn).
     * @default IngressControllerKind.Traefik
     */
    kind?: IngressControllerKind;
    /**
     * Namespace of the controller (not used by `AppRouting`, whose controller lives in
     * `app-routing-system`).
     * @default "traefik" for Traefik, "ingress-nginx" for IngressNginx
     */
    namespace?: string;
    /** Create the namespace. Set false when it exists already. @default true */
    createNamespace?: boolean;
    /**
     * Helm release name (Traefik, IngressNginx) or `NginxIngressController` name (AppRouting); a DNS-1123
     * label of at most 53 characters. Part of the pods' labels, so changing it replaces the controller.
     * @default "traefik", "ingress-nginx" or "approuting-nginx"
     */
    releaseName?: string;
    /** Controller replicas, at least 2 (spread across nodes and zones, with a disruption budget). @default 2 */
    replicas?: number;
    /**
     * The IngressClass the controller serves (not the cluster default class).
     * @default "traefik", "nginx" or "approuting-nginx"; with `None` - none
     */
    ingressClassName?: string;
    /**
     * Use an Azure internal load balancer (a private IP in the cluster's subnet) instead of a public one.
     * @default false
     */
    internal?: boolean;
    /**
     * DNS label of the public IP(s): `<label>.<region>.cloudapp.azure.com`, unique per region. Before
     * Kubernetes 1.27 on dual-stack clusters the separate IPv6 Service gets `<label>-ipv6`.
     * @default - no DNS label
     */
    dnsLabel?: string;
    /**
     * Extra annotations of the controller's Service (e.g. `azure-pip-name`), checked with `checkService`.
     * @default {}
     */
    serviceAnnotations?: StringMap;
    /**
     * How applications are exposed: `Ingress` objects, or the Gateway API (Traefik only): the
     * standard-channel CRDs (`GATEWAY_API_RELEASE`), a `GatewayClass` and a `Gateway` whose traffic
     * arrives on the controller's Service, dual-stack on dual-stack clusters. Traefik keeps serving
     * its IngressClass in both modes. AKS app routing's Gateway API implementation cannot be enabled
     * through the pinned azure-native API version (docs/reference.md, "Gateway API").
     * @default IngressMode.Ingress
     */
    mode?: IngressMode;
    /**
     * Gateway mode: apply the Gateway API CRDs. Set false when the cluster has them already (another
     * controller, or AKS's managed Gateway API CRDs); two owners of one CRD conflict.
     * @default true
     */
    installGatewayApiCrds?: boolean;
    /**
     * Deprecated: use `mode: IngressMode.Gateway`. True means the same.
     * @default false
     */
    enableGatewayApi?: boolean;
    /**
     * Chart version; the default is pinned and tested with these values. Change it deliberately.
     * @default "41.3.0" for Traefik, "4.15.1" for IngressNginx
     */
    chartVersion?: string;
}

const DEFAULTS: { [kind: string]: { namespace: string; releaseName: string; ingressClassName: string } } = {
    [IngressControllerKind.Traefik]: { namespace: "traefik", releaseName: "traefik", ingressClassName: "traefik" },
    [IngressControllerKind.IngressNginx]: { namespace: "ingress-nginx", releaseName: "ingress-nginx", ingressClassName: "nginx" },
    [IngressControllerKind.AppRouting]: {
        namespace: "app-routing-system",
        releaseName: "approuting-nginx",
        ingressClassName: "approuting-nginx",
    },
    [IngressControllerKind.None]: { namespace: "default", releaseName: "none", ingressClassName: "" },
};

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const AZURE_DNS_LABEL = /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/;

/** IC-1: an argument that is not allowed, at its path. */
function argumentProblem(argument: keyof IngressControllerArgs, message: Text): Diagnostic {
    return diagnostic("error", "IC-1", [argument], message);
}

/** The settings with the arguments' defaults. */
function settingsOf(args: IngressControllerArgs, kind: IngressControllerKind): ControllerSettings {
    const d = DEFAULTS[kind] ?? DEFAULTS[IngressControllerKind.Traefik];
    const settings: ControllerSettings = {
        releaseName: args.releaseName ?? d.releaseName,
        namespace: kind === IngressControllerKind.AppRouting ? d.namespace : (args.namespace ?? d.namespace),
        replicas: args.replicas ?? 2,
        ingressClassName: args.ingressClassName ?? d.ingressClassName,
        internal: args.internal ?? false,
        serviceAnnotations: args.serviceAnnotations ?? {},
        enableGatewayApi: args.mode === IngressMode.Gateway || args.enableGatewayApi === true,
    };
    if (args.dnsLabel !== undefined) settings.dnsLabel = args.dnsLabel;
    return settings;
}

/** IC-1: the settings' own problems (names, replicas, labels, annotations, chart version, kind against the cluster). */
function settingsProblems(args: IngressControllerArgs, kind: IngressControllerKind, s: ControllerSettings): Diagnostic[] {
    const problems: Diagnostic[] = [];
    const add = (argument: keyof IngressControllerArgs, message: Text) => problems.push(argumentProblem(argument, message));
    if (typeof s.namespace !== "string" || s.namespace.length > 63 || !DNS1123_LABEL.test(s.namespace))
        add("namespace", t`${at("namespace")} ${show(s.namespace)} must be a DNS-1123 label, e.g. "traefik"`);
    if (typeof s.releaseName !== "string" || s.releaseName.length > 53 || !DNS1123_LABEL.test(s.releaseName))
        add(
            "releaseName",
            t`${at("releaseName")} ${show(s.releaseName)} must be a DNS-1123 label of at most 53 characters, e.g. "traefik"`,
        );
    if (!Number.isInteger(s.replicas) || s.replicas < 2 || s.replicas > 100)
        add(
            "replicas",
            t`${at("replicas")} ${show(s.replicas)} must be a whole number from 2 to 100: with externalTrafficPolicy Local only nodes with a ready controller pod receive traffic`,
        );
    if (typeof s.ingressClassName !== "string" || s.ingressClassName.length > 253 || !DNS1123_SUBDOMAIN.test(s.ingressClassName))
        add("ingressClassName", t`${at("ingressClassName")} ${show(s.ingressClassName)} must be a DNS-1123 subdomain, e.g. "traefik"`);
    if (s.dnsLabel !== undefined && (typeof s.dnsLabel !== "string" || !AZURE_DNS_LABEL.test(`${s.dnsLabel}-ipv6`)))
        add(
            "dnsLabel",
            t`${at("dnsLabel")} ${show(s.dnsLabel)} must start with a lower-case letter and hold only lower-case letters, digits and '-', at most 58 characters (63 with "-ipv6")`,
        );
    if (!isObj(s.serviceAnnotations) || Object.values(s.serviceAnnotations).some((v) => typeof v !== "string"))
        add(
            "serviceAnnotations",
            t`${at("serviceAnnotations")} must map annotation keys to strings (quote "true" and numbers), got ${show(s.serviceAnnotations)}`,
        );
    if (
        args.chartVersion !== undefined &&
        (typeof args.chartVersion !== "string" || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(args.chartVersion))
    )
        add(
            "chartVersion",
            t`${at("chartVersion")} ${show(args.chartVersion)} must be an exact version such as "${TRAEFIK_CHART.version}" (never a range: the values are built for one chart)`,
        );
    if (kind === IngressControllerKind.AppRouting && args.clusterFacts?.appRoutingEnabled === false) {
        add(
            "kind",
            t`${at("kind")} ${show(kind)} needs the application routing add-on, which the cluster doesn't enable (${at("clusterFacts", "appRoutingEnabled")} false): set appRouting: true on the AksCluster, or use kind "traefik"`,
        );
    }
    if (args.mode !== undefined && !Object.values(IngressMode).includes(args.mode))
        add("mode", t`${at("mode")} ${show(args.mode)} is not an IngressMode; use ${oneOf(Object.values(IngressMode))}`);
    if (s.enableGatewayApi && kind !== IngressControllerKind.Traefik) {
        const argument = args.mode === IngressMode.Gateway ? "mode" : "enableGatewayApi";
        add(
            argument,
            t`${at(argument)} ${show(args[argument])} (the Gateway API) is supported with kind "traefik" only, not ${show(kind)}; use kind "traefik" or mode "ingress"`,
        );
    }
    return problems;
}

/** Notices about controllers near the end of their support (logged, not fatal). */
function kindWarnings(kind: IngressControllerKind, dual: boolean): string[] {
    const warnings: string[] = [];
    if (kind === IngressControllerKind.AppRouting) {
        warnings.push(
            "kind appRouting: Microsoft supports the application routing add-on's NGINX only until November 2026; plan a move to the Traefik default or the add-on's Gateway API implementation",
        );
        if (dual)
            warnings.push(
                "kind appRouting on a dual-stack cluster: the add-on's NginxIngressController has no IP-family fields, so its load balancer is IPv4-only and IPv6 clients cannot reach the ingress; use kind traefik for dual-stack ingress",
            );
    }
    if (kind === IngressControllerKind.IngressNginx) {
        warnings.push(
            `kind ingressNginx: upstream ingress-nginx was retired in March 2026 (chart ${INGRESS_NGINX_CHART.version} is the last; no security fixes); prefer the maintained Traefik default, which can read ingress-nginx annotations while you migrate`,
        );
    }
    return warnings;
}

/**
 * The resolved settings and every problem with the arguments (pure; exported for tests): each problem a
 * diagnostic with its rule (IC-1 for the arguments, SVC-4 for the cluster facts, and the Service
 * linter's own ids for the controller's Service) at the argument's path.
 */
export function resolveIngressControllerArgs(args: IngressControllerArgs): {
    kind: IngressControllerKind;
    settings: ControllerSettings;
    problems: Diagnostic[];
    warnings: string[];
} {
    const sink = new Sink();
    readCluster(args.clusterFacts, sink);
    const problems: Diagnostic[] = sink.diagnostics.map((d) => CLUSTER_FACTS_PATHS.relocate(d));
    if (!Provider.isInstance(args.provider)) problems.push(providerProblem("IC-1", args.provider));
    const kind = args.kind ?? IngressControllerKind.Traefik;
    if (!Object.values(IngressControllerKind).includes(kind)) {
        problems.push(
            argumentProblem(
                "kind",
                t`${at("kind")} ${show(kind)} is not an IngressControllerKind; use ${oneOf(Object.values(IngressControllerKind))}`,
            ),
        );
    }
    const settings = settingsOf(args, kind);
    if (kind === IngressControllerKind.None) return { kind, settings, problems, warnings: [] };
    problems.push(...settingsProblems(args, kind, settings));
    if (problems.length > 0) return { kind, settings, problems, warnings: [] };

    const warnings = kindWarnings(kind, args.clusterFacts.ipFamilies.length === 2);
    // The Services the chart or operator renders must pass the same linter users get.
    for (const svc of controllerServicePreviews(kind, args.clusterFacts, settings)) {
        for (const found of checkService(svc, args.clusterFacts)) {
            const inService = serviceFinding(service(svc), found);
            if (found.severity === "error") problems.push(inService);
            else if (found.severity === "warning") warnings.push(`${service(svc)}: ${found.ruleId} ${found.message}`);
        }
    }
    return { kind, settings, problems, warnings };
}

const service = (svc: { metadata: { name?: string } }) => `controller Service ${svc.metadata.name}`;

/**
 * An ingress controller on an AKS cluster, installed through the given Kubernetes provider.
 *
 * - `Traefik` (default): the `traefik` chart at a pinned version, as a `helm.v4.Chart`. Chart v4
 *   renders the chart in the provider and registers every object as its own resource, so previews and
 *   pull-request diffs show each Deployment, Service and CRD change, and policies apply to them. Its
 *   one drawback, skipping Helm hooks, costs nothing here: the Traefik chart has no hooks or jobs.
 * - `IngressNginx` (legacy): the final ingress-nginx chart as a `helm.v3.Release`, because its
 *   admission webhook's certificate is made by pre/post-install hook Jobs that Chart v4 would skip
 *   (pulumi/pulumi-kubernetes#3284). Before 1.27 on dual-stack clusters an extra IPv6 Service is added.
 * - `AppRouting`: an `NginxIngressController` object for the AKS add-on's operator (IPv4-only).
 * - `None`: nothing; `ingressClassName` passes through.
 *
 * Every controller pod runs on Linux nodes, at least 2 replicas spread across nodes and zones with a
 * disruption budget; the Service is `Local` with both families on dual-stack clusters. Arguments are
 * checked before anything is created; problems are reported together.
 */
export class IngressController extends pulumi.ComponentResource {
    /** The installed option. */
    public readonly kind: IngressControllerKind;
    /** The IngressClass Ingresses should name. Undefined with `None` unless given. */
    public readonly ingressClassName: string | undefined;
    /** The controller's namespace. */
    public readonly namespace: string;
    /** The Helm values given to the chart (Traefik, IngressNginx). @default - none for the other kinds */
    public readonly chartValues: { [key: string]: JsonValue } | undefined;
    /** The non-fatal problems found (also logged as warnings). */
    public readonly warnings: string[];
    /** How applications are exposed. */
    public readonly mode: IngressMode;
    /** The Gateway `HTTPRoute`s attach to (SampleApp's `gateway`). @default - none in Ingress mode */
    public readonly gateway: GatewayReference | undefined;
    /** The GatewayClass of the Gateway. @default - none in Ingress mode */
    public readonly gatewayClassName: string | undefined;
    /** The controller's Services by family (ConnectivityProbe's `ingress`). @default - none with `None` */
    public readonly serviceNames: FamilyServiceNames | undefined;

    constructor(name: string, args: IngressControllerArgs, opts?: pulumi.ComponentResourceOptions) {
        super(INGRESS_CONTROLLER_TYPE, name, {}, withLegacyTypeAlias(opts, INGRESS_CONTROLLER_TYPE));
        const { kind, settings, problems, warnings } = resolveIngressControllerArgs(args);
        if (problems.length > 0)
            throw new pulumi.ResourceError(formatProblems(`invalid IngressController "${name}" arguments`, problems), this, true);
        this.kind = kind;
        this.mode = settings.enableGatewayApi ? IngressMode.Gateway : IngressMode.Ingress;
        this.gateway = settings.enableGatewayApi ? gatewayNames(settings).gateway : undefined;
        this.gatewayClassName = settings.enableGatewayApi ? gatewayNames(settings).gatewayClassName : undefined;
        this.serviceNames =
            kind === IngressControllerKind.None
                ? undefined
                : serviceNamesByFamily(controllerServicePreviews(kind, args.clusterFacts, settings));
        this.namespace = settings.namespace;
        this.warnings = warnings;
        this.ingressClassName = kind === IngressControllerKind.None ? args.ingressClassName : settings.ingressClassName;
        for (const w of warnings) pulumi.log.warn(w, this);

        const provider = args.provider;
        const createNs = kind !== IngressControllerKind.AppRouting && kind !== IngressControllerKind.None && (args.createNamespace ?? true);
        const ns = createNs
            ? new corev1.Namespace(`${name}-namespace`, { metadata: { name: settings.namespace } }, { parent: this, provider })
            : undefined;
        const childOpts: pulumi.CustomResourceOptions = { parent: this, provider, dependsOn: ns ? [ns] : [] };
        const facts = args.clusterFacts;

        if (kind === IngressControllerKind.Traefik) {
            this.chartValues = buildTraefikValues(facts, settings);
            this.installTraefik(name, args, settings, childOpts);
        } else if (kind === IngressControllerKind.IngressNginx) {
            this.chartValues = buildIngressNginxValues(facts, settings);
            const release = new (require("@pulumi/kubernetes/helm/v3") as typeof helmv3).Release(
                `${name}-release`,
                {
                    chart: INGRESS_NGINX_CHART.chart,
                    version: args.chartVersion ?? INGRESS_NGINX_CHART.version,
                    repositoryOpts: { repo: INGRESS_NGINX_CHART.repo },
                    name: settings.releaseName,
                    namespace: settings.namespace,
                    createNamespace: false,
                    values: this.chartValues,
                    timeout: 900,
                },
                childOpts,
            );
            const v6 = buildIngressNginxIpv6Service(facts, settings);
            if (v6) {
                new corev1.Service(`${name}-ipv6Service`, v6 as unknown as corev1.ServiceArgs, { ...childOpts, dependsOn: [release] });
            }
        } else if (kind === IngressControllerKind.AppRouting) {
            this.chartValues = undefined;
            const cr = buildAppRoutingController(settings);
            new apiextensions.CustomResource(`${name}-controller`, cr as unknown as apiextensions.CustomResourceArgs, childOpts);
        } else {
            this.chartValues = undefined;
        }

        this.registerOutputs({
            kind: this.kind,
            mode: this.mode,
            gateway: this.gateway,
            ingressClassName: this.ingressClassName,
            namespace: this.namespace,
            serviceShape: controllerServiceShape(facts),
        });
    }

    /**
     * The Traefik chart and, in Gateway mode, the Gateway API CRDs (applied by the provider from the
     * pinned release URL, before the chart: Traefik's Gateway provider watches them from start-up), the
     * GatewayClass and the Gateway.
     */
    private installTraefik(
        name: string,
        args: IngressControllerArgs,
        settings: ControllerSettings,
        childOpts: pulumi.CustomResourceOptions,
    ): void {
        const gatewayMode = settings.enableGatewayApi;
        const crds =
            gatewayMode && (args.installGatewayApiCrds ?? true)
                ? [
                      new yamlv2.ConfigFile(
                          `${name}-gatewayApiCrds`,
                          { file: GATEWAY_API_RELEASE.url },
                          { parent: this, provider: args.provider },
                      ),
                  ]
                : [];
        const before = [...((childOpts.dependsOn as pulumi.Resource[] | undefined) ?? []), ...crds];
        const chart = new helmv4.Chart(
            `${name}-chart`,
            {
                chart: TRAEFIK_CHART.chart,
                version: args.chartVersion ?? TRAEFIK_CHART.version,
                repositoryOpts: { repo: TRAEFIK_CHART.repo },
                name: settings.releaseName,
                namespace: settings.namespace,
                values: this.chartValues,
            },
            { ...childOpts, dependsOn: before },
        );
        if (!gatewayMode) return;
        const gatewayOpts = { ...childOpts, dependsOn: [...before, chart] };
        const gatewayClass = new apiextensions.CustomResource(
            `${name}-gatewayClass`,
            buildGatewayClass(settings) as unknown as apiextensions.CustomResourceArgs,
            gatewayOpts,
        );
        new apiextensions.CustomResource(`${name}-gateway`, buildGateway(settings) as unknown as apiextensions.CustomResourceArgs, {
            ...gatewayOpts,
            dependsOn: [...before, chart, gatewayClass],
        });
    }
}
