/**
 * Problems the Kubernetes components share: the cluster facts' paths as their arguments name them, a
 * `provider` that is not a Kubernetes provider, and a Service linter finding about a Service a component
 * renders. Pure: no Pulumi imports.
 */
import { Diagnostic, diagnostic, PathMap } from "../core/diagnostic";
import { at, t, Text } from "../core/text";
import { kindOf } from "../core/words";

/** The cluster facts' paths (`cluster.*` to the linter) as the components' arguments name them (`clusterFacts.*`). */
export const CLUSTER_FACTS_PATHS = new PathMap([{ from: ["cluster"], to: ["clusterFacts"] }]);

/**
 * A component's `provider` that is not a Kubernetes provider (IC-1 for `IngressController`, SA-1 for
 * `SampleApp`): the value's kind and the fix.
 */
export function providerProblem(ruleId: string, provider: unknown): Diagnostic {
    const given = provider === undefined || provider === null ? String(provider) : kindOf(provider);
    return diagnostic(
        "error",
        ruleId,
        ["provider"],
        t`${at("provider")} must be the cluster's k8s.Provider (AksCluster's \`provider\`), got ${given}; pass it so nothing falls back to the ambient kubeconfig`,
    );
}

/** A Service linter finding about a Service the component renders, its path prefixed by the Service (`controller Service traefik spec.ports[0]`). */
export function serviceFinding(service: string, found: Diagnostic): Diagnostic {
    return diagnostic(found.severity, found.ruleId, found.segments, new Text(found.template), found.azureErrorCode, {
        label: `${service} ${found.path}`,
    });
}
