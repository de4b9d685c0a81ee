/**
 * The offline stand-in for the Pulumi engine's providers: plausible, deterministic outputs for every
 * resource (Azure resource ids and names, AKS FQDN, OIDC issuer and kubelet identity, load balancer
 * addresses, random values) and invoke results (AKS credentials, existing networks from fixtures).
 *
 * Deterministic: the same program and config give the same values on every run, so two plans can be
 * diffed.
 */
import { createHash } from "node:crypto";
import type * as Yaml from "yaml";
import { Fixtures, FixtureVirtualNetwork, matchesInput } from "./fixtures";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** What the mock monitor passes for a new resource (a subset of `MockResourceArgs`). */
export interface ResourceRequest {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    custom?: boolean;
    id?: string;
}

/** What the mock monitor passes for an invoke (a subset of `MockCallArgs`). */
export interface InvokeRequest {
    token: string;
    inputs: Record<string, unknown>;
}

/** A stable GUID made from text. */
export function fakeGuid(text: string): string {
    const h = createHash("sha256").update(text).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function shortHash(text: string, n = 7): string {
    return createHash("sha256").update(text).digest("hex").slice(0, n);
}

/** Unwrap wire-form secrets (the mock monitor passes secret inputs wrapped). */
export function unwrap(v: unknown): unknown {
    if (typeof v === "object" && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG) return unwrap((v as { value: unknown }).value);
    if (Array.isArray(v)) return v.map(unwrap);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrap(x)]));
    return v;
}

/** Remove `undefined` members recursively (the wire format has no undefined). */
export function dropUndefined(v: unknown): unknown {
    if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : dropUndefined(x)));
    if (typeof v === "object" && v !== null) {
        return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, dropUndefined(x)]));
    }
    return v;
}

/** An invoke failure as the engine reports it: the SDK shows the error's `details` to the user. */
function invokeError(message: string): Error {
    return Object.assign(new Error(message), { details: message });
}

/** A value the engine would hand back as a secret. */
export function wireSecret(value: unknown): Record<string, unknown> {
    return { [SIG_KEY]: SECRET_SIG, value };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const eqi = (a: unknown, b: unknown) => typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();

/** Azure resource types whose id path or name input does not follow the general pattern. */
const AZURE_PATHS: Record<string, { ns: string; nameKey: string; path: (i: Record<string, unknown>, name: string) => string }> = {
    "containerservice:ManagedCluster": { ns: "Microsoft.ContainerService", nameKey: "resourceName", path: (_i, n) => `managedClusters/${n}` },
    "containerservice:AgentPool": { ns: "Microsoft.ContainerService", nameKey: "agentPoolName", path: (i, n) => `managedClusters/${str(i.resourceName) ?? "cluster"}/agentPools/${n}` },
    "containerservice:MaintenanceConfiguration": { ns: "Microsoft.ContainerService", nameKey: "configName", path: (i, n) => `managedClusters/${str(i.resourceName) ?? "cluster"}/maintenanceConfigurations/${n}` },
    "network:Subnet": { ns: "Microsoft.Network", nameKey: "subnetName", path: (i, n) => `virtualNetworks/${str(i.virtualNetworkName) ?? "vnet"}/subnets/${n}` },
    "network:VirtualNetworkPeering": { ns: "Microsoft.Network", nameKey: "virtualNetworkPeeringName", path: (i, n) => `virtualNetworks/${str(i.virtualNetworkName) ?? "vnet"}/virtualNetworkPeerings/${n}` },
    "network:PublicIPAddress": { ns: "Microsoft.Network", nameKey: "publicIpAddressName", path: (_i, n) => `publicIPAddresses/${n}` },
    "managedidentity:UserAssignedIdentity": { ns: "Microsoft.ManagedIdentity", nameKey: "resourceName", path: (_i, n) => `userAssignedIdentities/${n}` },
    "operationalinsights:Workspace": { ns: "Microsoft.OperationalInsights", nameKey: "workspaceName", path: (_i, n) => `workspaces/${n}` },
};

/** Provider namespaces of azure-native modules. */
const AZURE_NAMESPACES: Record<string, string> = {
    containerservice: "Microsoft.ContainerService", network: "Microsoft.Network", resources: "Microsoft.Resources",
    managedidentity: "Microsoft.ManagedIdentity", authorization: "Microsoft.Authorization", keyvault: "Microsoft.KeyVault",
    operationalinsights: "Microsoft.OperationalInsights", compute: "Microsoft.Compute", storage: "Microsoft.Storage",
    monitor: "Microsoft.Insights", insights: "Microsoft.Insights", containerregistry: "Microsoft.ContainerRegistry",
    dashboard: "Microsoft.Dashboard", alertsmanagement: "Microsoft.AlertsManagement", kubernetesconfiguration: "Microsoft.KubernetesConfiguration",
};

const KUBECONFIG = (cluster: string, user: string) => [
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

/** The offline engine: implements pulumi's `Mocks` interface. */
export class OfflineMocks {
    /** Notes for the plan's log (charts not rendered offline, ...), each once. */
    readonly notes = new Set<string>();
    /** Output names the engine marks secret for the resource being registered (set by the runner). */
    pendingSecretOutputs: string[] = [];

    /**
     * @param fixtures what the program may look up
     * @param preview as in a first `pulumi preview`: resources get no id and no provider-computed
     *   outputs (they stay unknown); invokes are still answered
     */
    constructor(private readonly fixtures: Fixtures, private readonly preview = false) {}

    private get sub(): string {
        return `/subscriptions/${this.fixtures.azure.subscriptionId}`;
    }

    /** Fabricate a resource's id and outputs (inputs plus provider-computed values). */
    newResource(args: ResourceRequest): { id: string | undefined; state: Record<string, unknown> } {
        const secretOutputs = this.pendingSecretOutputs;
        this.pendingSecretOutputs = [];
        if (this.preview) return { id: undefined, state: dropUndefined(args.inputs ?? {}) as Record<string, unknown> };
        const inputs = unwrap(args.inputs ?? {}) as Record<string, unknown>;
        const { id, outputs } = this.fabricate(args.type, args.name, inputs, args.custom !== false, args.id || undefined);
        const extra = { ...(this.fixtures.resources[args.type] ?? {}), ...(this.fixtures.resources[`${args.type}::${args.name}`] ?? {}) };
        const state: Record<string, unknown> = { ...(args.inputs ?? {}), ...outputs, ...extra };
        for (const k of secretOutputs) if (k in state && state[k] !== undefined) state[k] = wireSecret(unwrap(state[k]));
        return { id, state: dropUndefined(state) as Record<string, unknown> };
    }

    private fabricate(type: string, name: string, inputs: Record<string, unknown>, custom: boolean, importId: string | undefined): { id: string | undefined; outputs: Record<string, unknown> } {
        const [pkg, mod, kind] = splitType(type);
        if (pkg === "azure-native" && custom) return this.azureResource(mod, kind, name, inputs, importId);
        if (pkg === "random") return { id: importId ?? `${name}-${shortHash(type + name)}`, outputs: randomOutputs(kind, name, inputs) };
        if (pkg === "kubernetes") return { id: importId ?? (custom ? `${name}-id` : undefined), outputs: this.kubernetesOutputs(mod, kind, name, inputs, custom) };
        if (!custom) return { id: undefined, outputs: {} };
        return { id: importId ?? `${name}-id`, outputs: {} };
    }

    private azureResource(mod: string, kind: string, logical: string, i: Record<string, unknown>, importId: string | undefined): { id: string; outputs: Record<string, unknown> } {
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
        const id = importId ?? (scope && !str(i.resourceGroupName)
            ? `${scope}/providers/${ns}/${rel}`
            : `${this.sub}/resourceGroups/${str(i.resourceGroupName) ?? "rg"}/providers/${ns}/${rel}`);
        const outputs: Record<string, unknown> = { name, id, type: `${ns}/${rel.split("/").filter((_, k) => k % 2 === 0).join("/")}`, provisioningState: "Succeeded" };
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
                        clientId: guid("kubelet-client"), objectId: guid("kubelet-object"),
                        resourceId: `${this.sub}/resourcegroups/MC_${rg}_${name}_${location}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}-agentpool`,
                    },
                },
                ...(identity.type === "SystemAssigned" ? { identity: { ...identity, principalId: guid("principal"), tenantId: guid("tenant") } } : {}),
                ...(api.enablePrivateCluster === true ? { privateFQDN: `${name}-${shortHash(id, 8)}.privatelink.${location}.azmk8s.io` } : {}),
            });
        } else if (mod === "managedidentity" && kind === "UserAssignedIdentity") {
            Object.assign(outputs, { clientId: guid("client"), principalId: guid("principal"), tenantId: guid("tenant") });
        } else if (mod === "network" && kind === "PublicIPAddress") {
            outputs.ipAddress = i.publicIPAddressVersion === "IPv6" ? `2603:1020:0:${shortHash(id, 4)}::1` : `20.${parseInt(shortHash(id, 2), 16)}.0.1`;
        }
        return { id, outputs };
    }

    private kubernetesOutputs(mod: string, kind: string, name: string, i: Record<string, unknown>, custom: boolean): Record<string, unknown> {
        if (mod === "helm.sh/v4" || mod.startsWith("yaml/v2") || mod.startsWith("kustomize/v2")) return { resources: [] };
        if (!custom || mod === "") return {};
        if (mod === "helm.sh/v3" && kind === "Release") {
            return { name: str(i.name) ?? `${name}-${shortHash(name)}`, status: { status: "deployed", chart: i.chart ?? null, version: i.version ?? null, namespace: i.namespace ?? "default" } };
        }
        const meta = (i.metadata ?? {}) as Record<string, unknown>;
        const outputs: Record<string, unknown> = { metadata: { ...meta, name: str(meta.name) ?? `${name}-${shortHash(name, 8)}`, namespace: meta.namespace ?? (kind === "Namespace" ? undefined : "default") } };
        if (mod === "core/v1" && kind === "Service") {
            const spec = (i.spec ?? {}) as Record<string, unknown>;
            const families = Array.isArray(spec.ipFamilies) && spec.ipFamilies.length ? spec.ipFamilies : ["IPv4"];
            const h = parseInt(shortHash(name, 2), 16);
            const clusterIPs = families.map((f) => (f === "IPv6" ? `fd12:3456:789a:1::${h.toString(16)}` : `10.0.${Math.floor(h / 2)}.${(h % 250) + 2}`));
            outputs.spec = { ...spec, clusterIP: clusterIPs[0], clusterIPs };
            if (spec.type === "LoadBalancer") {
                outputs.status = { loadBalancer: { ingress: families.map((f) => ({ ip: f === "IPv6" ? `2603:1020:${h.toString(16)}::10` : `20.61.${h}.10` })) } };
            }
        }
        return outputs;
    }

    /** Answer an invoke: fixtures first, then the built-in offline answers; an error naming the fix otherwise. */
    call(args: InvokeRequest): Record<string, unknown> {
        const inputs = unwrap(args.inputs ?? {}) as Record<string, unknown>;
        const cases = this.fixtures.invokes[args.token];
        if (cases) {
            const hit = cases.find((c) => matchesInput(c.match, inputs));
            if (hit) return dropUndefined(hit.result) as Record<string, unknown>;
        }
        const builtIn = this.builtInInvoke(args.token, inputs);
        if (builtIn) return dropUndefined(builtIn) as Record<string, unknown>;
        const shown = JSON.stringify(inputs);
        throw invokeError(`no offline result for invoke ${args.token} ${shown.length > 200 ? `${shown.slice(0, 199)}…` : shown}; describe it in a fixtures file (aks-network plan --fixtures FILE; see aks-network plan --help)`);
    }

    private builtInInvoke(token: string, i: Record<string, unknown>): Record<string, unknown> | null {
        const cluster = str(i.resourceName) ?? "cluster";
        switch (token) {
            case "azure-native:containerservice:listManagedClusterUserCredentials":
                return { kubeconfigs: [{ name: "clusterUser", value: Buffer.from(KUBECONFIG(cluster, "clusterUser")).toString("base64") }] };
            case "azure-native:containerservice:listManagedClusterAdminCredentials":
                return { kubeconfigs: [{ name: "clusterAdmin", value: Buffer.from(KUBECONFIG(cluster, "clusterAdmin")).toString("base64") }] };
            case "azure-native:containerservice:listManagedClusterMonitoringUserCredentials":
                return { kubeconfigs: [{ name: "clusterMonitoringUser", value: Buffer.from(KUBECONFIG(cluster, "clusterMonitoringUser")).toString("base64") }] };
            case "azure-native:authorization:getClientConfig":
                return { clientId: fakeGuid("client"), objectId: fakeGuid("object"), subscriptionId: this.fixtures.azure.subscriptionId, tenantId: fakeGuid("tenant") };
            case "azure-native:resources:getResourceGroup": {
                const name = str(i.resourceGroupName) ?? "rg";
                return { id: `${this.sub}/resourceGroups/${name}`, name, location: this.fixtures.azure.location, properties: { provisioningState: "Succeeded" } };
            }
            case "azure-native:network:getVirtualNetwork": {
                const vnet = this.vnet(i);
                return vnet ? this.vnetResult(vnet) : null;
            }
            case "azure-native:network:getSubnet": {
                const vnet = this.vnet(i);
                if (!vnet) return null;
                const s = (vnet.subnets ?? []).find((x) => eqi(x.name, i.subnetName));
                if (!s) throw invokeError(`the fixtures describe virtual network ${vnet.name} without a subnet named ${String(i.subnetName)}; add it to its subnets`);
                return this.subnetResult(vnet, s);
            }
            case "azure-native:network:getVirtualNetworkPeering": {
                const vnet = this.vnet(i);
                if (!vnet) return null;
                const p = (vnet.peerings ?? []).find((x) => eqi(x.name, i.virtualNetworkPeeringName));
                if (!p) throw invokeError(`the fixtures describe virtual network ${vnet.name} without a peering named ${String(i.virtualNetworkPeeringName)}; add it to its peerings`);
                return this.vnetResult(vnet).virtualNetworkPeerings.find((x) => x.name === p.name) ?? null;
            }
            case "kubernetes:yaml:decode": {
                const text = str(i.text) ?? "";
                return { result: (require("yaml") as typeof Yaml).parseAllDocuments(text).map((d) => d.toJSON()).filter((o) => o !== null) };
            }
            case "kubernetes:helm:template":
                this.notes.add("helm.v3.Chart charts are not rendered offline (that needs helm); their objects are not listed");
                return { result: [] };
            default:
                return null;
        }
    }

    private vnet(i: Record<string, unknown>): FixtureVirtualNetwork | undefined {
        return this.fixtures.azure.virtualNetworks.find((v) => eqi(v.resourceGroup, i.resourceGroupName) && eqi(v.name, i.virtualNetworkName));
    }

    private vnetId(v: FixtureVirtualNetwork): string {
        return `${this.sub}/resourceGroups/${v.resourceGroup}/providers/Microsoft.Network/virtualNetworks/${v.name}`;
    }

    private subnetResult(v: FixtureVirtualNetwork, s: { name: string; addressPrefixes: string[]; properties?: Record<string, unknown> }): Record<string, unknown> {
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
                remoteVirtualNetwork: { id: p.remoteVirtualNetworkId ?? `${this.sub}/resourceGroups/remote/providers/Microsoft.Network/virtualNetworks/${p.name}-remote` },
            })),
            provisioningState: "Succeeded",
        };
    }
}

/** `[package, module, kind]` of a type token (`kubernetes:helm.sh/v4:Chart` → `kubernetes`, `helm.sh/v4`, `Chart`). */
export function splitType(type: string): [string, string, string] {
    const first = type.indexOf(":");
    const last = type.lastIndexOf(":");
    if (first < 0) return [type, "", ""];
    if (first === last) return [type.slice(0, first), "", type.slice(first + 1)];
    return [type.slice(0, first), type.slice(first + 1, last), type.slice(last + 1)];
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
                out += set[parseInt(seed.slice((k * 2) % 62, (k * 2) % 62 + 2), 16) % set.length];
            }
            return { result: out };
        }
        case "RandomUuid":
            return { result: fakeGuid(name) };
        case "RandomId": {
            const bytes = Buffer.from(seed.slice(0, (typeof i.byteLength === "number" ? i.byteLength : 8) * 2), "hex");
            return { hex: bytes.toString("hex"), b64Url: bytes.toString("base64url"), b64Std: bytes.toString("base64"), dec: BigInt(`0x${bytes.toString("hex") || "0"}`).toString() };
        }
        case "RandomPet":
            return { id: `${str(i.prefix) ? `${String(i.prefix)}-` : ""}offline-pet` };
        case "RandomInteger":
            return { result: typeof i.min === "number" ? i.min : 0 };
        default:
            return {};
    }
}
