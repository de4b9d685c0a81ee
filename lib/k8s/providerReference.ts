/**
 * Decoding of Kubernetes provider references for the multi-language plugin host.
 *
 * When a Python, Go, C# or YAML program passes its Kubernetes provider to `IngressController`,
 * `SampleApp` or `ConnectivityProbe`, the engine sends the argument as a resource reference (its URN
 * and id). The SDK's decoder (`deserializeProperty` in @pulumi/pulumi runtime/rpc.js, run by the
 * provider server's `construct` through `deserializeInputs`) turns a reference to
 * `pulumi:providers:kubernetes` into a `k8s.Provider` only if a resource package named `kubernetes`
 * is registered; otherwise it yields the provider's id string, which the components refuse (IC-1,
 * SA-1, CP-1). Only the root module of @pulumi/kubernetes registers that package
 * (node_modules/@pulumi/kubernetes/index.js, `registerResourcePackage("kubernetes", ...)`), and the
 * package never loads that root (every API group and Helm v3). This module registers the same
 * decoding with the one class it needs, `@pulumi/kubernetes/provider`, which the components load
 * anyway; the plugin entry (lib/plugin.ts) calls it, the npm entries do not.
 */
import * as pulumi from "@pulumi/pulumi";
import { Provider } from "@pulumi/kubernetes/provider";

/** The type of a Kubernetes provider resource, as references name it. */
export const KUBERNETES_PROVIDER_TYPE = "pulumi:providers:kubernetes";

/**
 * Registers the `kubernetes` resource package so that a provider reference decodes to a
 * `k8s.Provider` that names the caller's provider by URN (it creates nothing: the SDK reads a
 * resource given `urn`). Idempotent: the SDK skips a second registration.
 *
 * The registration carries no version, so it matches a reference of any version. With a version
 * (as the SDK root registers it) the SDK matches only references whose minor and patch are not newer
 * than this install (`checkVersion` in runtime/rpc.js), so a program on a newer 4.x provider would
 * get the id string again. The decoded object only refers to the caller's provider; the caller's
 * provider plugin, at the caller's version, manages the resources the components create with it.
 */
export function registerKubernetesProviderReferences(): void {
    pulumi.runtime.registerResourcePackage("kubernetes", {
        version: undefined,
        constructProvider: (name: string, type: string, urn: string): pulumi.ProviderResource => {
            if (type !== KUBERNETES_PROVIDER_TYPE) {
                throw new Error(
                    `provider reference ${urn} has type ${type}; the kubernetes package decodes only ${KUBERNETES_PROVIDER_TYPE}`,
                );
            }
            return new Provider(name, undefined, { urn });
        },
    });
}
