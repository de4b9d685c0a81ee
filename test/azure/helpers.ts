/**
 * Shared set-up of the Azure component tests: fabricated outputs and invoke results that a real
 * deployment would have, registered per test on top of `test/helpers/mocks.ts`.
 */
import * as pulumi from "@pulumi/pulumi";
import { isWrappedSecret, mockState, registered, ResourceRecord, unwrapSecrets } from "../helpers/mocks";
import { AKS_CLUSTER_TYPE } from "../../lib/azure/aksCluster";
import { NODE_POOL_TYPE } from "../../lib/azure/nodePool";

export const T = {
    cluster: "azure-native:containerservice:ManagedCluster",
    pool: "azure-native:containerservice:AgentPool",
    maintenance: "azure-native:containerservice:MaintenanceConfiguration",
    vnet: "azure-native:network:VirtualNetwork",
    subnet: "azure-native:network:Subnet",
    rg: "azure-native:resources:ResourceGroup",
    identity: "azure-native:managedidentity:UserAssignedIdentity",
    role: "azure-native:authorization:RoleAssignment",
    password: "random:index/randomPassword:RandomPassword",
    provider: "pulumi:providers:kubernetes",
    component: AKS_CLUSTER_TYPE,
    nodePool: NODE_POOL_TYPE,
    getSubnet: "azure-native:network:getSubnet",
    getVnet: "azure-native:network:getVirtualNetwork",
    credentials: "azure-native:containerservice:listManagedClusterUserCredentials",
};

/** The password a generated RandomPassword "returns" under mocks. */
export const GENERATED_PASSWORD = "Gen3rated-Passw0rd!forWindowsNodes";

/** Outputs Azure would compute for the component's resources. */
export function useAzureOutputs(): void {
    mockState.outputs.set(T.password, () => ({ result: GENERATED_PASSWORD }));
    mockState.outputs.set(T.identity, (a) => ({ principalId: `${a.name}-principal`, clientId: `${a.name}-client` }));
}

/** Plain inputs of registered resources of a type whose name starts with a component's name. */
export function inputsOf(type: string, component: string): Record<string, unknown>[] {
    return registered(type)
        .filter((r) => r.name.startsWith(`${component}-`))
        .map((r) => unwrapSecrets(r.inputs) as Record<string, unknown>);
}

/** The one resource of a type belonging to a component. */
export function theOne(type: string, component: string): ResourceRecord {
    const found = registered(type).filter((r) => r.name.startsWith(`${component}-`) || r.name === component);
    if (found.length !== 1)
        throw new Error(`expected one ${type} of ${component}, found ${found.length}: ${found.map((r) => r.name).join(", ")}`);
    return found[0];
}

/** An existing VNet "spoke" in resource group "net" with subnet "aks", as the Azure invokes return it. */
export interface ExistingNetworkFixture {
    vnetSpaces?: string[];
    subnetPrefixes?: string[];
    otherSubnets?: { name: string; addressPrefix: string }[];
    peerings?: { name: string; remote: string[] }[];
}

export const SUBNET_ID =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/spoke/subnets/aks";

export function useExistingNetwork(f: ExistingNetworkFixture = {}): void {
    const subnetPrefixes = f.subnetPrefixes ?? ["10.1.0.0/22"];
    mockState.invokes.set(T.getSubnet, () => ({ name: "aks", addressPrefixes: subnetPrefixes, id: SUBNET_ID }));
    mockState.invokes.set(T.getVnet, () => ({
        name: "spoke",
        addressSpace: { addressPrefixes: f.vnetSpaces ?? ["10.1.0.0/16"] },
        subnets: [{ name: "aks", addressPrefixes: subnetPrefixes }, ...(f.otherSubnets ?? [])],
        virtualNetworkPeerings: (f.peerings ?? []).map((p) => ({
            name: p.name,
            remoteAddressSpace: { addressPrefixes: p.remote },
            remoteVirtualNetworkAddressSpace: { addressPrefixes: p.remote },
        })),
    }));
}

/** The promise of an output, rejecting when the output fails (internal API, present in the pinned SDK). */
export function settled<T>(o: pulumi.Output<T>): Promise<T> {
    return (o as unknown as { promise(): Promise<T> }).promise();
}

/** Minimal valid arguments: the API server must be restricted. */
export const API = { authorizedIpRanges: ["20.50.60.0/24"] };

/** Messages the components logged (warnings and info), captured instead of printed. */
export const logs = { warn: [] as string[], info: [] as string[] };
const original = { warn: pulumi.log.warn, info: pulumi.log.info };

/** Capture `pulumi.log.warn` / `info` for the current test (call in beforeEach; `releaseLogs` in afterEach). */
export function captureLogs(): void {
    logs.warn.length = 0;
    logs.info.length = 0;
    (pulumi.log as { warn: typeof pulumi.log.warn }).warn = async (msg: string) => {
        logs.warn.push(msg);
    };
    (pulumi.log as { info: typeof pulumi.log.info }).info = async (msg: string) => {
        logs.info.push(msg);
    };
}

/** Put the real logging back. */
export function releaseLogs(): void {
    (pulumi.log as { warn: typeof pulumi.log.warn }).warn = original.warn;
    (pulumi.log as { info: typeof pulumi.log.info }).info = original.info;
}

/** The error a constructor throws (fails the test when it throws none). */
export function thrown(f: () => unknown): Error {
    try {
        f();
    } catch (e) {
        return e as Error;
    }
    throw new Error("expected the constructor to throw");
}

/** Resource options as the component set them, captured by a legacy transformation (run client-side, also under mocks). */
export interface CapturedOptions {
    type: string;
    name: string;
    opts: pulumi.CustomResourceOptions;
}

/** A transformation recording every child's options; pass `{ transformations: [t.transformation] }` to the component. */
export function optionsRecorder(): {
    transformation: pulumi.ResourceTransformation;
    of(type: string, name: string): pulumi.CustomResourceOptions;
    all: CapturedOptions[];
} {
    const all: CapturedOptions[] = [];
    return {
        all,
        transformation: (a) => {
            all.push({ type: a.type, name: a.name, opts: a.opts as pulumi.CustomResourceOptions });
            return undefined;
        },
        of(type: string, name: string) {
            const found = all.find((c) => c.type === type && c.name === name);
            if (!found) throw new Error(`no options recorded for ${type} ${name}`);
            return found.opts;
        },
    };
}

/** The names of resources an option list depends on. */
export async function dependencyNames(opts: pulumi.CustomResourceOptions): Promise<string[]> {
    const deps = await Promise.resolve(
        opts.dependsOn as pulumi.Input<pulumi.Input<pulumi.Resource>[]> | pulumi.Input<pulumi.Resource> | undefined,
    );
    const list = (Array.isArray(deps) ? deps : deps === undefined ? [] : [deps]) as pulumi.Resource[];
    const urns: string[] = await Promise.all(list.map((d) => settled(d.urn)));
    return urns.map((u) => u.split("::").pop() as string);
}

/** Every value of an input tree outside wrapped secrets, as JSON (to prove a secret never appears in plain). */
export function plainJson(v: unknown): string {
    const strip = (x: unknown): unknown => {
        if (isWrappedSecret(x)) return "[secret]";
        if (Array.isArray(x)) return x.map(strip);
        if (typeof x === "object" && x !== null) return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, strip(y)]));
        return x;
    };
    return JSON.stringify(strip(v));
}
