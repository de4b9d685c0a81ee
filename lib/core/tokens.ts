/**
 * The components' type tokens. The plugin host of a multi-language component package names the
 * provider after package.json's `name` (an npm scope would become the namespace) and only constructs
 * types `<provider>:index:<Class>` (@pulumi/pulumi cmd/run-plugin/run.ts and
 * provider/experimental/provider.ts `validateResourceType`). The npm package is `pulumi-aks-network`,
 * so that is the provider name and every token's prefix.
 *
 * Up to 0.1.0 the tokens were `aks-network:index:<Class>`. A token is part of the URN of the component
 * and of every child, so each component registers an alias to its old token: existing stacks keep
 * their resources (the engine derives the children's aliases from the parent's; Pulumi docs, "Resource
 * options: aliases").
 *
 * Pure: no Pulumi imports.
 */

/** The npm package name, which is the provider name of the multi-language package. */
export const PACKAGE_NAME = "pulumi-aks-network";

/** The prefix of every component type token: `pulumi-aks-network:index:`. */
export const TYPE_TOKEN_PREFIX = `${PACKAGE_NAME}:index:`;

/** The prefix of the tokens up to 0.1.0, kept as aliases. */
export const LEGACY_TYPE_TOKEN_PREFIX = "aks-network:index:";

/** The type token of a component class, e.g. `pulumi-aks-network:index:AksCluster`. */
export function typeToken(className: string): string {
    return `${TYPE_TOKEN_PREFIX}${className}`;
}

/** A component's options with an alias to its token before 0.2.0 added to the caller's aliases. */
export function withLegacyTypeAlias<O extends { aliases?: unknown[] }>(opts: O | undefined, token: string): O {
    if (!token.startsWith(TYPE_TOKEN_PREFIX)) throw new Error(`withLegacyTypeAlias: token "${token}" is not a ${TYPE_TOKEN_PREFIX} token`);
    const legacy = { type: `${LEGACY_TYPE_TOKEN_PREFIX}${token.slice(TYPE_TOKEN_PREFIX.length)}` };
    return { ...(opts ?? ({} as O)), aliases: [...(opts?.aliases ?? []), legacy] };
}
