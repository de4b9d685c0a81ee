/**
 * The entry the Pulumi plugin host loads when another language uses the package (package.json
 * `main`). The Node language host runs the plugin by requiring its directory
 * (`run-plugin` in @pulumi/pulumi cmd/run-plugin/run.js, `require(program)` with the directory
 * pulumi-language-nodejs passes as `ProgramDirectory`), which Node resolves through `main`, not
 * `exports`; PulumiPlugin.yaml names no entry (it holds `runtime` and `packages` only). npm consumers
 * resolve the package through `exports` and load lib/index.ts, without this file.
 *
 * It re-exports the package root (the host builds its component provider from the components among
 * these exports) and registers the decoding of Kubernetes provider references, so the `provider`
 * argument another language passes arrives as a `k8s.Provider` (lib/k8s/providerReference.ts).
 */
import { registerKubernetesProviderReferences } from "./k8s/providerReference";

registerKubernetesProviderReferences();

export * from "./index";
