/**
 * Pure builders for the Gateway API mode of the ingress: the pinned CRD release, the Traefik
 * `GatewayClass` and `Gateway`, the sample's `HTTPRoute`s, and the Service that carries the Gateway's
 * traffic (Traefik's own Service, so it has the same dual-stack shape as in Ingress mode).
 *
 * Sources:
 * - Gateway API CRDs: standard channel v1.5.1, the release the pinned Traefik chart (41.3.0) names in
 *   its README ("Gateway API CRDs ... are no longer shipped with this chart"; chart 40.2.0 removed them,
 *   traefik-helm-chart Changelog) and NOTES.txt:
 *   https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.5.1/standard-install.yaml
 * - GatewayClass `controllerName: traefik.io/gateway-controller`: traefik-helm-chart
 *   traefik/templates/gatewayclass.yaml (41.3.0).
 * - Listener port 8000: a Traefik Gateway listener's port must be one of the chart's entry-point
 *   ports (`ports.web.port: 8000` in traefik/values.yaml; templates/gateway.yaml fails otherwise), not
 *   the Service port 80.
 */
import { ClusterFacts } from "./facts";
import { ControllerSettings, controllerServicePreviews, IngressControllerKind } from "./ingressValues";
import { KubeManifest, SampleAppManifests } from "./manifests";

/** How `IngressController` exposes applications. */
export enum IngressMode {
    /** `Ingress` objects through the controller's IngressClass (the default). */
    Ingress = "ingress",
    /**
     * The Gateway API: the standard-channel CRDs (`GATEWAY_API_RELEASE`), a `GatewayClass` and a
     * `Gateway`; applications attach `HTTPRoute`s. The controller still serves its IngressClass too,
     * so existing Ingresses keep working while they move.
     */
    Gateway = "gateway",
}

/** A pinned Gateway API release. */
export interface GatewayApiRelease {
    /** Release tag, e.g. `v1.5.1`. */
    version: string;
    /** `standard` (GA resources only) or `experimental`. */
    channel: string;
    /** The release's install manifest (the CRDs), applied by the Kubernetes provider. */
    url: string;
}

/** The Gateway API CRDs the package installs: standard channel v1.5.1 (the Traefik chart's pairing). */
export const GATEWAY_API_RELEASE: GatewayApiRelease = {
    version: "v1.5.1",
    channel: "standard",
    url: "https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.5.1/standard-install.yaml",
};

/** The Gateway API group and version of the objects built here (GA since Gateway API v1.0). */
export const GATEWAY_API_VERSION = "gateway.networking.k8s.io/v1";
/** Traefik's Gateway controller name (chart templates/gatewayclass.yaml). */
export const TRAEFIK_GATEWAY_CONTROLLER = "traefik.io/gateway-controller";
/** Traefik's `web` entry point port inside the pod (chart values.yaml `ports.web.port`). */
export const TRAEFIK_WEB_ENTRY_POINT_PORT = 8000;
/** The Gateway listener applications attach to. */
export const GATEWAY_HTTP_LISTENER = "web";

/** Where an `HTTPRoute` attaches. */
export interface GatewayReference {
    /** The Gateway's name. */
    name: string;
    /** The Gateway's namespace. */
    namespace: string;
    /** The listener to attach to. @default "web" */
    sectionName?: string;
}

/** Options of `buildSampleHttpRoutes`. */
export interface SampleHttpRouteOptions {
    /** The Gateway the routes attach to. */
    gateway: GatewayReference;
    /**
     * Host name of the Linux app; the Windows app is then served on `windows.<host>`.
     * @default - any host, Linux app only
     */
    host?: string;
}

/** The GatewayClass and Gateway names for a controller: the class is the IngressClass name, the Gateway `<release>-gateway`. */
export function gatewayNames(s: ControllerSettings): { gatewayClassName: string; gateway: GatewayReference } {
    return {
        gatewayClassName: s.ingressClassName,
        gateway: { name: `${s.releaseName}-gateway`, namespace: s.namespace, sectionName: GATEWAY_HTTP_LISTENER },
    };
}

/** The cluster-scoped `GatewayClass` Traefik's Gateway provider serves. */
export function buildGatewayClass(s: ControllerSettings): KubeManifest {
    return {
        apiVersion: GATEWAY_API_VERSION,
        kind: "GatewayClass",
        metadata: { name: gatewayNames(s).gatewayClassName, labels: { "app.kubernetes.io/managed-by": "pulumi-aks-network" } },
        spec: { controllerName: TRAEFIK_GATEWAY_CONTROLLER },
    };
}

/**
 * The `Gateway`: one HTTP listener on Traefik's `web` entry point. Routes may attach from every
 * namespace, as any namespace may use an IngressClass in Ingress mode. Traefik copies its Service's
 * load-balancer addresses (both families on dual-stack clusters) into the Gateway's status
 * (`providers.kubernetesGateway.statusAddress.service`, on by default in the chart).
 */
export function buildGateway(s: ControllerSettings): KubeManifest {
    const { gatewayClassName, gateway } = gatewayNames(s);
    return {
        apiVersion: GATEWAY_API_VERSION,
        kind: "Gateway",
        metadata: { name: gateway.name, namespace: gateway.namespace, labels: { "app.kubernetes.io/managed-by": "pulumi-aks-network" } },
        spec: {
            gatewayClassName,
            listeners: [
                {
                    name: GATEWAY_HTTP_LISTENER,
                    port: TRAEFIK_WEB_ENTRY_POINT_PORT,
                    protocol: "HTTP",
                    allowedRoutes: { namespaces: { from: "All" } },
                },
            ],
        },
    };
}

/**
 * The Services that carry the Gateway's traffic: Traefik's own (chart-rendered), whose shape follows
 * the cluster (`RequireDualStack` `[IPv4, IPv6]` with `Local` on dual-stack 1.27+, a separate IPv6
 * Service before 1.27, IPv4 `SingleStack` otherwise). Previews for `checkService`.
 */
export function gatewayServicePreviews(facts: ClusterFacts, s: ControllerSettings): KubeManifest[] {
    return controllerServicePreviews(IngressControllerKind.Traefik, facts, { ...s, enableGatewayApi: true });
}

/**
 * The sample's `HTTPRoute`s: `/` to the Linux app and, when a host is given and the sample has a
 * Windows part, a second route for `windows.<host>` (a route's host names apply to all its rules).
 * IPv6 clients reach the Windows app this way only (its own Service is IPv4).
 */
export function buildSampleHttpRoutes(app: SampleAppManifests, options: SampleHttpRouteOptions): KubeManifest[] {
    const namespace = app.services[0].metadata.namespace;
    const name = app.deployments[0].metadata.name;
    const parentRef = {
        group: "gateway.networking.k8s.io",
        kind: "Gateway",
        name: options.gateway.name,
        namespace: options.gateway.namespace,
        sectionName: options.gateway.sectionName ?? GATEWAY_HTTP_LISTENER,
    };
    const route = (routeName: string, host: string | undefined, serviceName: string): KubeManifest => {
        const spec: { [key: string]: unknown } = {
            parentRefs: [parentRef],
            rules: [
                {
                    matches: [{ path: { type: "PathPrefix", value: "/" } }],
                    backendRefs: [{ group: "", kind: "Service", name: serviceName, port: 80 }],
                },
            ],
        };
        if (host !== undefined) spec.hostnames = [host];
        return {
            apiVersion: GATEWAY_API_VERSION,
            kind: "HTTPRoute",
            metadata: { name: routeName, namespace, labels: { "app.kubernetes.io/name": name } },
            spec,
        };
    };
    const routes = [route(name, options.host, app.linuxServiceName)];
    if (options.host !== undefined && app.windowsServiceName !== undefined)
        routes.push(route(`${name}-windows`, `windows.${options.host}`, app.windowsServiceName));
    return routes;
}
