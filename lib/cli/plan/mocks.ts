/**
 * The fake cloud: the one stand-in for the Pulumi engine's providers, shared by `aks-network plan` and
 * the component tests. It implements the SDK's public `Mocks` interface: plausible, deterministic
 * outputs for every resource (Azure resource ids and names, AKS FQDN, OIDC issuer and kubelet identity,
 * load balancer addresses, random values) and invoke results (AKS credentials, existing networks from
 * fixtures). It records what it was asked, and takes per-type outputs and per-token invoke results
 * that override its own answers.
 *
 * Two sets of values: `azure` (the plan's: ARM ids, values hashed from them) and `examples` (the
 * component tests': ids `<name>-id` and short fixed example values). Deterministic: the same program
 * and config give the same values on every run, so two plans can be diffed.
 */
import { createHash } from "node:crypto";
import type * as Pulumi from "@pulumi/pulumi";
import type * as Yaml from "yaml";
import { emptyFixtures, Fixtures, FixtureVirtualNetwork, matchesInput } from "./fixtures";
import { splitType, unwrapWireSecrets } from "./sdk";

export { splitType };

/** What the mock monitor passes for a new resource or a read (the SDK's `MockResourceArgs`). */
export type ResourceRequest = Pulumi.runtime.MockResourceArgs;

/** What the mock monitor passes for an invoke (the SDK's `MockCallArgs`). */
export type InvokeRequest = Pulumi.runtime.MockCallArgs;

/** Outputs for a resource type, merged over its inputs in place of the fake cloud's own. */
export type OutputsFn = (args: ResourceRequest) => Record<string, unknown>;

/** An invoke's result, in place of the fake cloud's own answer. */
export type InvokeFn = (args: InvokeRequest) => Record<string, unknown>;

/** Which values the fake cloud makes: see the module's description. */
export type FakeValues = "azure" | "examples";

/** Options of {@link FakeCloud}. */
export interface FakeCloudOptions {
    /** What the program may look up, and extra outputs. @default - no fixtures */
    fixtures?: Fixtures;
    /**
     * As in a first `pulumi preview`: resources get no id and no provider-computed outputs (they stay
     * unknown); invokes are still answered. @default false
     */
    preview?: boolean;
    /** @default "azure" */
    values?: FakeValues;
}

/** Unwrap wire-form secrets (the mock monitor passes secret inputs wrapped). */
export const unwrap = unwrapWireSecrets;

/** A stable GUID made from text. */
export function fakeGuid(text: string): string {
    const h = createHash("sha256").update(text).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function shortHash(text: string, n = 7): string {
    return createHash("sha256").update(text).digest("hex").slice(0, n);
}

/** Remove `undefined` members recursively (the wire format has no undefined). */
export function dropUndefined(v: unknown): unknown {
    if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : dropUndefined(x)));
    if (typeof v === "object" && v !== null) {
        return Object.fromEntries(
            Object.entries(v)
                .filter(([, x]) => x !== undefined)
                .map(([k, x]) => [k, dropUndefined(x)]),
        );
    }
    return v;
}

/** An invoke failure as the engine reports it: the SDK shows the error's `details` to the user. */
function invokeError(message: string): Error {
    return Object.assign(new Error(message), { details: message });
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const eqi = (a: unknown, b: unknown) => typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();

/** Azure resource types whose id path or name input does not follow the general pattern. */
const AZURE_PATHS: Record<string, { ns: string; nameKey: string; path: (i: Record<string, unknown>, name: string) => string }> = {
    "containerservice:ManagedCluster": {
        ns: "Microsoft.ContainerService",
        nameKey: "resourceName",
        path: (_i, n) => `managedClusters/${n}`,
    },
    "containerservice:AgentPool": {
        ns: "Microsoft.ContainerService",
        nameKey: "agentPoolName",
        path: (i, n) => `managedClusters/${str(i.resourceName) ?? "cluster"}/agentPools/${n}`,
    },
    "containerservice:MaintenanceConfiguration": {
        ns: "Microsoft.ContainerService",
        nameKey: "configName",
        path: (i, n) => `managedClusters/${str(i.resourceName) ?? "cluster"}/maintenanceConfigurations/${n}`,
    },
    "network:Subnet": {
        ns: "Microsoft.Network",
        nameKey: "subnetName",
        path: (i, n) => `virtualNetworks/${str(i.virtualNetworkName) ?? "vnet"}/subnets/${n}`,
    },
    "network:VirtualNetworkPeering": {
        ns: "Microsoft.Network",
        nameKey: "virtualNetworkPeeringName",
        path: (i, n) => `virtualNetworks/${str(i.virtualNetworkName) ?? "vnet"}/virtualNetworkPeerings/${n}`,
    },
    "network:PublicIPAddress": { ns: "Microsoft.Network", nameKey: "publicIpAddressName", path: (_i, n) => `publicIPAddresses/${n}` },
    "managedidentity:UserAssignedIdentity": {
        ns: "Microsoft.ManagedIdentity",
        nameKey: "resourceName",
        path: (_i, n) => `userAssignedIdentities/${n}`,
    },
    "operationalinsights:Workspace": { ns: "Microsoft.OperationalInsights", nameKey: "workspaceName", path: (_i, n) => `workspaces/${n}` },
};

/** Provider namespaces of azure-native modules. */
const AZURE_NAMESPACES: Record<string, string> = {
    containerservice: "Microsoft.ContainerService",
    network: "Microsoft.Network",
    resources: "Microsoft.Resources",
    managedidentity: "Microsoft.ManagedIdentity",
    authorization: "Microsoft.Authorization",
    keyvault: "Microsoft.KeyVault",
    operationalinsights: "Microsoft.OperationalInsights",
    compute: "Microsoft.Compute",
    storage: "Microsoft.Storage",
    monitor: "Microsoft.Insights",
    insights: "Microsoft.Insights",
    containerregistry: "Microsoft.ContainerRegistry",
    dashboard: "Microsoft.Dashboard",
    alertsmanagement: "Microsoft.AlertsManagement",
    kubernetesconfiguration: "Microsoft.KubernetesConfiguration",
};

const KUBECONFIG = (cluster: string, user: string) =>
    [
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- cluster:",
        "    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCm9mZmxpbmUKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=",
        `    server: https://${cluster}-dns.hcp.offline.azmk8s.io:443`,
        `  name: ${cluster}`,
        "contexts:",
        "- context:",
        `    cluster: ${cluster}`,
        `    user: ${user}_${cluster}`,
        `  name: ${cluster}`,
        `current-context: ${cluster}`,
        "users:",
        `- name: ${user}_${cluster}`,
        "  user:",
        "    exec:",
        "      apiVersion: client.authentication.k8s.io/v1beta1",
        "      command: kubelogin",
        "      args: [get-token, --environment, AzurePublicCloud, --server-id, 6dae42f8-4368-4678-94ff-3960e28e3630, --login, devicecode]",
        "      interactiveMode: IfAvailable",
        "",
    ].join("\n");

/** The fake cloud: implements the SDK's `Mocks` interface (install it with `pulumi.runtime.setMocks`). */
export class FakeCloud implements Pulumi.runtime.Mocks {
    /** Every resource registered or read, as the mock monitor passed it. */
    readonly resources: ResourceRequest[] = [];
    /** Every invoke, as the mock monitor passed it. */
    readonly calls: InvokeRequest[] = [];
    /** Outputs by resource type, in place of the fake cloud's own (cleared by {@link reset}). */
    readonly outputs = new Map<string, OutputsFn>();
    /** Invoke results by token, before fixtures and built-in answers (cleared by {@link reset}). */
    readonly invokes = new Map<string, InvokeFn>();
    /** Notes for the plan's log (charts not rendered offline, ...), each once. */
    readonly notes = new Set<string>();
    private readonly fixtures: Fixtures;
    private readonly preview: boolean;
    private readonly values: FakeValues;

    constructor(options: FakeCloudOptions = {}) {
        this.fixtures = options.fixtures ?? emptyFixtures();
        this.preview = options.preview === true;
        this.values = options.values ?? "azure";
    }

    private get sub(): string {
        return `/subscriptions/${this.fixtures.azure.subscriptionId}`;
    }

    /** Forget everything recorded and every override. */
    reset(): void {
        this.resources.length = 0;
        this.calls.length = 0;
        this.outputs.clear();
        this.invokes.clear();
        this.notes.clear();
    }

    /** A resource's id and outputs: its inputs plus provider-computed values, overrides and fixtures. */
    newResource(args: ResourceRequest): { id: string | undefined; state: Record<string, unknown> } {
        this.resources.push(args);
        if (this.preview) return { id: undefined, state: dropUndefined(args.inputs ?? {}) as Record<string, unknown> };
        const inputs = unwrap(args.inputs ?? {}) as Record<string, unknown>;
        const importId = args.id || undefined;
        const { id, outputs } =
            this.values === "examples"
                ? {
                      id: importId ?? (args.custom ? `${args.name}-id` : undefined),
                      outputs: this.exampleOutputs(args.type, args.name, inputs),
                  }
                : this.fabricate(args.type, args.name, inputs, args.custom !== false, importId);
        const override = this.outputs.get(args.type);
        const extra = { ...(this.fixtures.resources[args.type] ?? {}), ...(this.fixtures.resources[`${args.type}::${args.name}`] ?? {}) };
        const state: Record<string, unknown> = { ...(args.inputs ?? {}), ...(override ? override(args) : outputs), ...extra };
        return { id, state: dropUndefined(state) as Record<string, unknown> };
    }

    private fabricate(
        type: string,
        name: string,
        inputs: Record<string, unknown>,
        custom: boolean,
        importId: string | undefined,
    ): { id: string | undefined; outputs: Record<string, unknown> } {
        const [pkg, mod, kind] = splitType(type);
        if (pkg === "azure-native" && custom) return this.azureResource(mod, kind, name, inputs, importId);
        if (pkg === "random") return { id: importId ?? `${name}-${shortHash(type + name)}`, outputs: randomOutputs(kind, name, inputs) };
        if (pkg === "kubernetes")
            return {
                id: importId ?? (custom ? `${name}-id` : undefined),
                outputs: this.kubernetesOutputs(mod, kind, name, inputs, custom),
            };
        if (!custom) return { id: undefined, outputs: {} };
        return { id: importId ?? `${name}-id`, outputs: {} };
    }

    /** The component tests' values: names for groups and networks, short fixed values for a cluster. */
    private exampleOutputs(type: string, logical: string, i: Record<string, unknown>): Record<string, unknown> {
        const rg = `${this.sub}/resourceGroups/rg`;
        switch (type) {
            case "azure-native:containerservice:ManagedCluster": {
                const name = i.resourceName ?? logical;
                return {
                    name,
                    id: `${rg}/providers/Microsoft.ContainerService/managedClusters/${String(name)}`,
                    nodeResourceGroup: i.nodeResourceGroup ?? `MC_rg_${String(name)}`,
                    oidcIssuerProfile: { enabled: true, issuerURL: "https://oidc.example.test/issuer/" },
                    identityProfile: {
                        kubeletidentity: { clientId: "kubelet-client-id", objectId: "kubelet-object-id", resourceId: `${rg}/kubelet` },
                    },
                    fqdn: "aks.example.test",
                };
            }
            case "azure-native:resources:ResourceGroup":
                return { name: i.resourceGroupName ?? logical };
            case "azure-native:network:VirtualNetwork":
                return { name: i.virtualNetworkName ?? logical };
            case "azure-native:network:Subnet":
                return { name: i.subnetName ?? logical };
            default:
                return {};
        }
    }

    private azureResource(
        mod: string,
        kind: string,
        logical: string,
        i: Record<string, unknown>,
        importId: string | undefined,
    ): { id: string; outputs: Record<string, unknown> } {
        const location = str(i.location) ?? this.fixtures.azure.location;
        if (mod === "resources" && kind === "ResourceGroup") {
            const name = str(i.resourceGroupName) ?? logical;
            return { id: importId ?? `${this.sub}/resourceGroups/${name}`, outputs: { name, location, provisioningState: "Succeeded" } };
        }
        const known = AZURE_PATHS[`${mod}:${kind}`];
        const nameKey = known?.nameKey ?? Object.keys(i).find((k) => k.toLowerCase() === `${kind}name`.toLowerCase()) ?? "resourceName";
        const name = str(i[nameKey]) ?? logical;
        const ns = known?.ns ?? AZURE_NAMESPACES[mod] ?? `Microsoft.${mod.charAt(0).toUpperCase()}${mod.slice(1)}`;
        const rel = known ? known.path(i, name) : `${lowerFirst(kind)}s/${name}`;
        const scope = str(i.scope);
        const id =
            importId ??
            (scope && !str(i.resourceGroupName)
                ? `${scope}/providers/${ns}/${rel}`
                : `${this.sub}/resourceGroups/${str(i.resourceGroupName) ?? "rg"}/providers/${ns}/${rel}`);
        const outputs: Record<string, unknown> = {
            name,
            id,
            type: `${ns}/${rel
                .split("/")
                .filter((_, k) => k % 2 === 0)
                .join("/")}`,
            provisioningState: "Succeeded",
        };
        if (i.location !== undefined || ["containerservice", "network", "managedidentity"].includes(mod)) outputs.location = location;
        const guid = (what: string) => fakeGuid(`${id}#${what}`);
        if (mod === "containerservice" && kind === "ManagedCluster") {
            const rg = str(i.resourceGroupName) ?? "rg";
            const oidc = (i.oidcIssuerProfile ?? {}) as Record<string, unknown>;
            const identity = (i.identity ?? {}) as Record<string, unknown>;
            const api = (i.apiServerAccessProfile ?? {}) as Record<string, unknown>;
            Object.assign(outputs, {
                fqdn: `${name}-dns-${shortHash(id, 8)}.hcp.${location}.azmk8s.io`,
                azurePortalFQDN: `${name}-dns-${shortHash(id, 8)}.portal.hcp.${location}.azmk8s.io`,
                nodeResourceGroup: str(i.nodeResourceGroup) ?? `MC_${rg}_${name}_${location}`,
                currentKubernetesVersion: str(i.kubernetesVersion) ?? "1.33.0",
                powerState: { code: "Running" },
                oidcIssuerProfile: { ...oidc, issuerURL: `https://${location}.oic.prod-aks.azure.com/${guid("tenant")}/${guid("oidc")}/` },
                identityProfile: {
                    kubeletidentity: {
                        clientId: guid("kubelet-client"),
                        objectId: guid("kubelet-object"),
                        resourceId: `${this.sub}/resourcegroups/MC_${rg}_${name}_${location}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}-agentpool`,
                    },
                },
                ...(identity.type === "SystemAssigned"
                    ? { identity: { ...identity, principalId: guid("principal"), tenantId: guid("tenant") } }
                    : {}),
                ...(api.enablePrivateCluster === true
                    ? { privateFQDN: `${name}-${shortHash(id, 8)}.privatelink.${location}.azmk8s.io` }
                    : {}),
            });
        } else if (mod === "managedidentity" && kind === "UserAssignedIdentity") {
            Object.assign(outputs, { clientId: guid("client"), principalId: guid("principal"), tenantId: guid("tenant") });
        } else if (mod === "network" && kind === "PublicIPAddress") {
            outputs.ipAddress =
                i.publicIPAddressVersion === "IPv6" ? `2603:1020:0:${shortHash(id, 4)}::1` : `20.${parseInt(shortHash(id, 2), 16)}.0.1`;
        }
        return { id, outputs };
    }

    private kubernetesOutputs(
        mod: string,
        kind: string,
        name: string,
        i: Record<string, unknown>,
        custom: boolean,
    ): Record<string, unknown> {
        if (mod === "helm.sh/v4" || mod.startsWith("yaml/v2") || mod.startsWith("kustomize/v2")) return { resources: [] };
        if (!custom || mod === "") return {};
        if (mod === "helm.sh/v3" && kind === "Release") {
            return {
                name: str(i.name) ?? `${name}-${shortHash(name)}`,
                status: { status: "deployed", chart: i.chart ?? null, version: i.version ?? null, namespace: i.namespace ?? "default" },
            };
        }
        const meta = (i.metadata ?? {}) as Record<string, unknown>;
        const outputs: Record<string, unknown> = {
            metadata: {
                ...meta,
                name: str(meta.name) ?? `${name}-${shortHash(name, 8)}`,
                namespace: meta.namespace ?? (kind === "Namespace" ? undefined : "default"),
            },
        };
        if (mod === "core/v1" && kind === "Service") {
            const spec = (i.spec ?? {}) as Record<string, unknown>;
            const families = Array.isArray(spec.ipFamilies) && spec.ipFamilies.length ? spec.ipFamilies : ["IPv4"];
            const h = parseInt(shortHash(name, 2), 16);
            const clusterIPs = families.map((f) =>
                f === "IPv6" ? `fd12:3456:789a:1::${h.toString(16)}` : `10.0.${Math.floor(h / 2)}.${(h % 250) + 2}`,
            );
            outputs.spec = { ...spec, clusterIP: clusterIPs[0], clusterIPs };
            if (spec.type === "LoadBalancer") {
                outputs.status = {
                    loadBalancer: {
                        ingress: families.map((f) => ({ ip: f === "IPv6" ? `2603:1020:${h.toString(16)}::10` : `20.61.${h}.10` })),
                    },
                };
            }
        }
        return outputs;
    }

    /** Answer an invoke: overrides, then fixtures, then the built-in offline answers; an error naming the fix otherwise. */
    call(args: InvokeRequest): Record<string, unknown> {
        this.calls.push(args);
        const override = this.invokes.get(args.token);
        if (override) return override(args);
        const inputs = unwrap(args.inputs ?? {}) as Record<string, unknown>;
        const cases = this.fixtures.invokes[args.token];
        const hit = cases?.find((c) => matchesInput(c.match, inputs));
        if (hit) return dropUndefined(hit.result) as Record<string, unknown>;
        const builtIn = this.builtInInvoke(args.token, inputs);
        if (builtIn) return dropUndefined(builtIn) as Record<string, unknown>;
        const shown = JSON.stringify(inputs);
        throw invokeError(
            `no offline result for invoke ${args.token} ${shown.length > 200 ? `${shown.slice(0, 199)}…` : shown}; describe it in a fixtures file (aks-network plan --fixtures FILE; see aks-network plan --help)`,
        );
    }

    private builtInInvoke(token: string, i: Record<string, unknown>): Record<string, unknown> | null {
        const cluster = str(i.resourceName) ?? "cluster";
        switch (token) {
            case "azure-native:containerservice:listManagedClusterUserCredentials":
                return {
                    kubeconfigs: [{ name: "clusterUser", value: Buffer.from(KUBECONFIG(cluster, "clusterUser")).toString("base64") }],
                };
            case "azure-native:containerservice:listManagedClusterAdminCredentials":
                return {
                    kubeconfigs: [{ name: "clusterAdmin", value: Buffer.from(KUBECONFIG(cluster, "clusterAdmin")).toString("base64") }],
                };
            case "azure-native:containerservice:listManagedClusterMonitoringUserCredentials":
                return {
                    kubeconfigs: [
                        {
                            name: "clusterMonitoringUser",
                            value: Buffer.from(KUBECONFIG(cluster, "clusterMonitoringUser")).toString("base64"),
                        },
                    ],
                };
            case "azure-native:authorization:getClientConfig":
                return {
                    clientId: fakeGuid("client"),
                    objectId: fakeGuid("object"),
                    subscriptionId: this.fixtures.azure.subscriptionId,
                    tenantId: fakeGuid("tenant"),
                };
            case "azure-native:resources:getResourceGroup": {
                const name = str(i.resourceGroupName) ?? "rg";
                return {
                    id: `${this.sub}/resourceGroups/${name}`,
                    name,
                    location: this.fixtures.azure.location,
                    properties: { provisioningState: "Succeeded" },
                };
            }
            case "azure-native:network:getVirtualNetwork": {
                const vnet = this.vnet(i);
                return vnet ? this.vnetResult(vnet) : null;
            }
            case "azure-native:network:getSubnet": {
                const vnet = this.vnet(i);
                if (!vnet) return null;
                const s = (vnet.subnets ?? []).find((x) => eqi(x.name, i.subnetName));
                if (!s)
                    throw invokeError(
                        `the fixtures describe virtual network ${vnet.name} without a subnet named ${String(i.subnetName)}; add it to its subnets`,
                    );
                return this.subnetResult(vnet, s);
            }
            case "azure-native:network:getVirtualNetworkPeering": {
                const vnet = this.vnet(i);
                if (!vnet) return null;
                const p = (vnet.peerings ?? []).find((x) => eqi(x.name, i.virtualNetworkPeeringName));
                if (!p)
                    throw invokeError(
                        `the fixtures describe virtual network ${vnet.name} without a peering named ${String(i.virtualNetworkPeeringName)}; add it to its peerings`,
                    );
                return this.vnetResult(vnet).virtualNetworkPeerings.find((x) => x.name === p.name) ?? null;
            }
            case "kubernetes:yaml:decode": {
                const text = str(i.text) ?? "";
                return {
                    result: (require("yaml") as typeof Yaml)
                        .parseAllDocuments(text)
                        .map((d) => d.toJSON())
                        .filter((o) => o !== null),
                };
            }
            case "kubernetes:helm:template":
                this.notes.add("helm.v3.Chart charts are not rendered offline (that needs helm); their objects are not listed");
                return { result: [] };
            default:
                return null;
        }
    }

    private vnet(i: Record<string, unknown>): FixtureVirtualNetwork | undefined {
        return this.fixtures.azure.virtualNetworks.find(
            (v) => eqi(v.resourceGroup, i.resourceGroupName) && eqi(v.name, i.virtualNetworkName),
        );
    }

    private vnetId(v: FixtureVirtualNetwork): string {
        return `${this.sub}/resourceGroups/${v.resourceGroup}/providers/Microsoft.Network/virtualNetworks/${v.name}`;
    }

    private subnetResult(
        v: FixtureVirtualNetwork,
        s: { name: string; addressPrefixes: string[]; properties?: Record<string, unknown> },
    ): Record<string, unknown> {
        return {
            id: `${this.vnetId(v)}/subnets/${s.name}`,
            name: s.name,
            type: "Microsoft.Network/virtualNetworks/subnets",
            addressPrefix: s.addressPrefixes[0],
            addressPrefixes: s.addressPrefixes,
            provisioningState: "Succeeded",
            ...(s.properties ?? {}),
        };
    }

    private vnetResult(v: FixtureVirtualNetwork): Record<string, unknown> & { virtualNetworkPeerings: Record<string, unknown>[] } {
        return {
            id: this.vnetId(v),
            name: v.name,
            type: "Microsoft.Network/virtualNetworks",
            location: v.location ?? this.fixtures.azure.location,
            addressSpace: { addressPrefixes: v.addressSpaces },
            subnets: (v.subnets ?? []).map((s) => this.subnetResult(v, s)),
            virtualNetworkPeerings: (v.peerings ?? []).map((p) => ({
                id: `${this.vnetId(v)}/virtualNetworkPeerings/${p.name}`,
                name: p.name,
                peeringState: p.peeringState ?? "Connected",
                remoteAddressSpace: { addressPrefixes: p.remoteAddressSpaces },
                remoteVirtualNetworkAddressSpace: { addressPrefixes: p.remoteAddressSpaces },
                remoteVirtualNetwork: {
                    id:
                        p.remoteVirtualNetworkId ??
                        `${this.sub}/resourceGroups/remote/providers/Microsoft.Network/virtualNetworks/${p.name}-remote`,
                },
            })),
            provisioningState: "Succeeded",
        };
    }
}

/** Deterministic stand-ins for `@pulumi/random` results that honour their character rules. */
function randomOutputs(kind: string, name: string, i: Record<string, unknown>): Record<string, unknown> {
    const seed = createHash("sha256").update(`${kind}:${name}`).digest("hex");
    switch (kind) {
        case "RandomPassword":
        case "RandomString": {
            const length = typeof i.length === "number" ? i.length : 16;
            const classes = [
                i.upper !== false ? "ABCDEFGHJKLMNPQRSTUVWXYZ" : "",
                i.lower !== false ? "abcdefghijkmnopqrstuvwxyz" : "",
                i.numeric !== false && i.number !== false ? "23456789" : "",
                i.special !== false ? (str(i.overrideSpecial) ?? "!#%*-_=+") : "",
            ].filter((c) => c !== "");
            let out = "";
            for (let k = 0; k < length; k++) {
                const set = classes[k % classes.length] ?? "x";
                out += set[parseInt(seed.slice((k * 2) % 62, ((k * 2) % 62) + 2), 16) % set.length];
            }
            return { result: out };
        }
        case "RandomUuid":
            return { result: fakeGuid(name) };
        case "RandomId": {
            const bytes = Buffer.from(seed.slice(0, (typeof i.byteLength === "number" ? i.byteLength : 8) * 2), "hex");
            return {
                hex: bytes.toString("hex"),
                b64Url: bytes.toString("base64url"),
                b64Std: bytes.toString("base64"),
                dec: BigInt(`0x${bytes.toString("hex") || "0"}`).toString(),
            };
        }
        case "RandomPet":
            return { id: `${str(i.prefix) ? `${String(i.prefix)}-` : ""}offline-pet` };
        case "RandomInteger":
            return { result: typeof i.min === "number" ? i.min : 0 };
        default:
            return {};
    }
}
