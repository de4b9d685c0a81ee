/**
 * Recording mocks shared by every component test. `test/setup.ts` installs them once; tests call
 * `resetMocks()` and read `registered(...)` after `settle()`.
 */
import * as pulumi from "@pulumi/pulumi";

/** The signature the engine puts around a secret value inside mock inputs. */
export const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

export type ResourceRecord = pulumi.runtime.MockResourceArgs;
type OutputsFn = (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown>;
type CallFn = (args: pulumi.runtime.MockCallArgs) => Record<string, unknown>;

const defaultKubeconfig = [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- cluster:",
    "    server: https://aks.example.test:443",
    "  name: aks",
    "contexts:",
    "- context:",
    "    cluster: aks",
    "    user: clusterUser_aks",
    "  name: aks",
    "current-context: aks",
    "users:",
    "- name: clusterUser_aks",
    "  user:",
    "    exec:",
    "      apiVersion: client.authentication.k8s.io/v1beta1",
    "      command: kubelogin",
    "      args: [get-token, --environment, AzurePublicCloud, --server-id, 6dae42f8-4368-4678-94ff-3960e28e3630, --login, devicecode]",
    "",
].join("\n");

/** Mutable mock behaviour; reset between tests. */
class MockState {
    readonly resources: ResourceRecord[] = [];
    readonly calls: pulumi.runtime.MockCallArgs[] = [];
    /** Extra outputs per resource type (merged over the inputs). */
    readonly outputs = new Map<string, OutputsFn>();
    /** Invoke results per token. */
    readonly invokes = new Map<string, CallFn>();

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
        this.resources.push(args);
        const extra = this.outputs.get(args.type)?.(args) ?? defaultOutputs(args);
        return { id: args.custom ? `${args.name}-id` : undefined, state: { ...args.inputs, ...extra } };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        this.calls.push(args);
        const fn = this.invokes.get(args.token) ?? defaultInvokes[args.token];
        if (!fn) throw new Error(`unmocked invoke ${args.token}`);
        return fn(args);
    }

    reset(): void {
        this.resources.length = 0;
        this.calls.length = 0;
        this.outputs.clear();
        this.invokes.clear();
    }
}

/** Provider-computed outputs a real deployment would have. */
function defaultOutputs(args: pulumi.runtime.MockResourceArgs): Record<string, unknown> {
    const rg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg";
    switch (args.type) {
        case "azure-native:containerservice:ManagedCluster":
            return {
                name: args.inputs.resourceName ?? args.name,
                id: `${rg}/providers/Microsoft.ContainerService/managedClusters/${args.inputs.resourceName ?? args.name}`,
                nodeResourceGroup: args.inputs.nodeResourceGroup ?? `MC_rg_${args.inputs.resourceName ?? args.name}`,
                oidcIssuerProfile: { enabled: true, issuerURL: "https://oidc.example.test/issuer/" },
                identityProfile: {
                    kubeletidentity: { clientId: "kubelet-client-id", objectId: "kubelet-object-id", resourceId: `${rg}/kubelet` },
                },
                fqdn: "aks.example.test",
            };
        case "azure-native:resources:ResourceGroup":
            return { name: args.inputs.resourceGroupName ?? args.name };
        case "azure-native:network:VirtualNetwork":
            return { name: args.inputs.virtualNetworkName ?? args.name };
        case "azure-native:network:Subnet":
            return { name: args.inputs.subnetName ?? args.name };
        default:
            return {};
    }
}

const defaultInvokes: Record<string, CallFn> = {
    "azure-native:containerservice:listManagedClusterUserCredentials": () => ({
        kubeconfigs: [{ name: "clusterUser", value: Buffer.from(defaultKubeconfig).toString("base64") }],
    }),
    "azure-native:containerservice:listManagedClusterAdminCredentials": () => ({
        kubeconfigs: [{ name: "clusterAdmin", value: Buffer.from(defaultKubeconfig).toString("base64") }],
    }),
};

export const mockState = new MockState();

/** Forget everything recorded and every per-test override. */
export function resetMocks(): void {
    mockState.reset();
}

/** Wait until every pending registration has reached the mocks. */
export async function settle(): Promise<void> {
    // An internal export (present in the pinned SDK); the component's own urn resolving does not mean
    // its children have registered.
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

/** Registered resources, optionally of one type. */
export function registered(type?: string): ResourceRecord[] {
    return mockState.resources.filter((r) => type === undefined || r.type === type);
}

/** The one registered resource of a type (and name, if given); fails when there is not exactly one. */
export function one(type: string, name?: string): ResourceRecord {
    const found = registered(type).filter((r) => name === undefined || r.name === name);
    if (found.length !== 1) {
        throw new Error(`expected one ${type}${name ? ` named ${name}` : ""}, found ${found.length}: ${found.map((r) => r.name).join(", ")}`);
    }
    return found[0];
}

/** The value of an output (only for outputs known in the current mode). */
export function valueOf<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise<T>((resolve) => o.apply((v) => { resolve(v); return v; }));
}

/** True when a mock input value is a wrapped secret. */
export function isWrappedSecret(v: unknown): boolean {
    return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SECRET_SIG] === SECRET_VALUE;
}

/** Replace wrapped secrets by their values, recursively. */
export function unwrapSecrets(v: unknown): unknown {
    if (isWrappedSecret(v)) return unwrapSecrets((v as { value: unknown }).value);
    if (Array.isArray(v)) return v.map(unwrapSecrets);
    if (typeof v === "object" && v !== null) {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapSecrets(x)]));
    }
    return v;
}

/** True when the suite runs as a preview (`PULUMI_TEST_PREVIEW=1`). */
export const isPreview = process.env.PULUMI_TEST_PREVIEW === "1";
