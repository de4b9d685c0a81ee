/**
 * `--fixtures FILE`: what the offline run cannot know, described once in JSON or YAML.
 *
 * ```yaml
 * version: 1
 * azure:
 *   location: westeurope                  # used for looked-up resource groups
 *   virtualNetworks:                      # existing networks: getVirtualNetwork / getSubnet / getVirtualNetworkPeering
 *     - resourceGroup: rg-spoke
 *       name: vnet-spoke
 *       addressSpaces: [10.224.0.0/12, "fd00:10::/48"]
 *       subnets:
 *         - { name: aks-nodes, addressPrefixes: [10.224.0.0/16, "fd00:10:0:1::/64"] }
 *       peerings:
 *         - { name: to-hub, remoteAddressSpaces: [10.100.0.0/16], remoteVirtualNetworkId: /subscriptions/.../vnet-hub }
 * invokes:                                # any other invoke: a result, or a list of { match, result }
 *   azure-native:compute:getSshPublicKey: { publicKey: ssh-rsa AAAA... }
 * resources:                              # extra outputs by type, or by "type::name"
 *   azure-native:containerservice:ManagedCluster: { fqdn: aks.example.test }
 * secrets:                                # offline values for encrypted config keys (never printed)
 *   aks-network:windowsAdminPassword: Str0ng-Example-Passw0rd
 * ```
 */
import { Diagnostic, diagnostic, mapPaths } from "../../core/diagnostic";
import { checkShape, opt, req, S } from "../../core/shape";
import { at, t } from "../../core/text";
import { UsageError } from "../errors";
import { readStructuredFile } from "../io";

/** Rule id of fixtures-file problems. */
export const FIXTURES_RULE = "F1";

/** An existing subnet. */
export interface FixtureSubnet {
    name: string;
    /** IPv4 (and IPv6) prefixes; `addressPrefix` is the first. */
    addressPrefixes: string[];
    /** Extra properties merged into the lookup result (delegations, NAT gateway, ...). */
    properties?: Record<string, unknown>;
}

/** A peering of an existing VNet. */
export interface FixturePeering {
    name: string;
    remoteAddressSpaces: string[];
    remoteVirtualNetworkId?: string;
    /** @default "Connected" */
    peeringState?: string;
}

/** An existing virtual network. */
export interface FixtureVirtualNetwork {
    resourceGroup: string;
    name: string;
    addressSpaces: string[];
    /** @default [] */
    subnets?: FixtureSubnet[];
    /** @default [] */
    peerings?: FixturePeering[];
    /** @default the fixtures' `azure.location` */
    location?: string;
}

/** One canned invoke result, used when every `match` entry equals the invoke's input. */
export interface FixtureInvokeCase {
    match?: Record<string, unknown>;
    result: Record<string, unknown>;
}

/** The fixtures file. */
export interface Fixtures {
    version: 1;
    azure: {
        /** @default "westeurope" */
        location: string;
        /** @default "00000000-0000-0000-0000-000000000000" */
        subscriptionId: string;
        virtualNetworks: FixtureVirtualNetwork[];
    };
    /** By invoke token. */
    invokes: Record<string, FixtureInvokeCase[]>;
    /** Extra outputs by `type` or `type::name` (the latter wins). */
    resources: Record<string, Record<string, unknown>>;
    /** Offline values of encrypted config keys, by namespaced key. */
    secrets: Record<string, string>;
}

/** Fixtures of a run without `--fixtures`. */
export function emptyFixtures(): Fixtures {
    return {
        version: 1,
        azure: { location: "westeurope", subscriptionId: "00000000-0000-0000-0000-000000000000", virtualNetworks: [] },
        invokes: {},
        resources: {},
        secrets: {},
    };
}

/** A subnet as written: `addressPrefixes`, or the single `addressPrefix`. */
interface SubnetInput {
    name: string;
    addressPrefixes?: string[];
    addressPrefix?: string;
    properties?: { [key: string]: unknown };
}

/** A virtual network as written. */
interface VirtualNetworkInput {
    resourceGroup: string;
    name: string;
    addressSpaces: string[];
    subnets?: SubnetInput[];
    peerings?: FixturePeering[];
    location?: string;
}

/** An invoke's result: one result, or cases by input. */
type InvokeInput = { [key: string]: unknown } | FixtureInvokeCase[];

/** The fixtures file as written. */
interface FixturesInput {
    version: number;
    azure?: { location?: string; subscriptionId?: string; virtualNetworks?: VirtualNetworkInput[] };
    invokes?: { [token: string]: InvokeInput };
    resources?: { [key: string]: { [key: string]: unknown } };
    secrets?: { [key: string]: string };
}

const ANY = S.opaque<unknown>("unknown", "anything", "", () => true);
const MAPPING = S.map(ANY);
const SUBNET_SHAPE = S.object<SubnetInput>("FixtureSubnet", `{ name: aks-nodes, addressPrefixes: [10.224.0.0/16] }`, {
    name: req(S.string),
    addressPrefixes: opt(S.list(S.string)),
    addressPrefix: opt(S.string),
    properties: opt(MAPPING),
});
const PEERING_SHAPE = S.object<FixturePeering>("FixturePeering", `{ name: to-hub, remoteAddressSpaces: [10.100.0.0/16] }`, {
    name: req(S.string),
    remoteAddressSpaces: req(S.list(S.string)),
    remoteVirtualNetworkId: opt(S.string),
    peeringState: opt(S.string),
});
const VNET_SHAPE = S.object<VirtualNetworkInput>(
    "FixtureVirtualNetwork",
    `{ resourceGroup: rg, name: vnet, addressSpaces: [10.224.0.0/12] }`,
    {
        resourceGroup: req(S.string),
        name: req(S.string),
        addressSpaces: req(S.list(S.string)),
        subnets: opt(S.list(SUBNET_SHAPE)),
        peerings: opt(S.list(PEERING_SHAPE)),
        location: opt(S.string),
    },
);
const CASE_SHAPE = S.object<FixtureInvokeCase>("FixtureInvokeCase", `{ match: { name: a }, result: { id: x } }`, {
    match: opt(MAPPING),
    result: req(MAPPING),
});
const INVOKE_SHAPE = S.opaque<InvokeInput>(
    "InvokeInput",
    "a result mapping or a list of { match?, result } cases",
    "write { ... } or [{ match: { ... }, result: { ... } }]",
    (v) => Array.isArray(v) || (typeof v === "object" && v !== null),
);
const FIXTURES_SHAPE = S.object<FixturesInput>("Fixtures", "{ version: 1 }", {
    version: req(S.number),
    azure: opt(
        S.object<NonNullable<FixturesInput["azure"]>>("FixtureAzure", "{ location: westeurope }", {
            location: opt(S.string),
            subscriptionId: opt(S.string),
            virtualNetworks: opt(S.list(VNET_SHAPE)),
        }),
    ),
    invokes: opt(S.map(INVOKE_SHAPE)),
    resources: opt(S.map(MAPPING)),
    secrets: opt(S.map(S.string)),
});

/** Every problem of a fixtures document, each with its path (the one reader, then what a shape can't say). */
function fixturesProblems(doc: unknown): { value: FixturesInput | undefined; problems: Diagnostic[] } {
    const checked = checkShape(doc, FIXTURES_SHAPE, false, "file", FIXTURES_RULE);
    const problems = [...checked.problems];
    const value = checked.value;
    if (value !== undefined && value.version !== 1) {
        problems.unshift(
            diagnostic("error", FIXTURES_RULE, ["version"], t`${at("version")} must be 1, not ${JSON.stringify(value.version)}`),
        );
    }
    value?.azure?.virtualNetworks?.forEach((vnet, i) =>
        vnet.subnets?.forEach((subnet, j) => {
            if (subnet.addressPrefixes === undefined && subnet.addressPrefix === undefined) {
                const path = ["azure", "virtualNetworks", i, "subnets", j];
                problems.push(
                    diagnostic(
                        "error",
                        FIXTURES_RULE,
                        [...path, "addressPrefixes"],
                        t`${at(path)} has no address prefix; write addressPrefixes: [10.224.0.0/16]`,
                    ),
                );
            }
        }),
    );
    for (const [token, given] of Object.entries(value?.invokes ?? {})) {
        if (!Array.isArray(given)) continue;
        given.forEach((c, i) =>
            problems.push(
                ...checkShape(c, CASE_SHAPE, false, "case", FIXTURES_RULE).problems.map((d) =>
                    mapPaths(d, (p) => ["invokes", token, i, ...p]),
                ),
            ),
        );
    }
    return { value, problems };
}

/** Check and normalise a parsed fixtures document; a {@link UsageError} naming every problem's path otherwise. */
export function parseFixtures(doc: unknown, file: string): Fixtures {
    const { value, problems } = fixturesProblems(doc);
    if (problems.length > 0 || value === undefined) {
        throw new UsageError(`${file}: ${problems.map((d) => d.message).join("; ")}`);
    }
    const f = emptyFixtures();
    f.azure.location = value.azure?.location ?? f.azure.location;
    f.azure.subscriptionId = value.azure?.subscriptionId ?? f.azure.subscriptionId;
    f.azure.virtualNetworks = (value.azure?.virtualNetworks ?? []).map((v) => ({
        resourceGroup: v.resourceGroup,
        name: v.name,
        addressSpaces: v.addressSpaces,
        location: v.location,
        subnets: (v.subnets ?? []).map((s) => ({
            name: s.name,
            addressPrefixes: s.addressPrefixes ?? [s.addressPrefix as string],
            properties: s.properties,
        })),
        peerings: v.peerings ?? [],
    }));
    for (const [token, given] of Object.entries(value.invokes ?? {})) {
        f.invokes[token] = (Array.isArray(given) ? given : [{ result: given }]).map((c) => ({ match: c.match, result: c.result }));
    }
    f.resources = { ...value.resources };
    f.secrets = { ...value.secrets };
    return f;
}

/** Read a fixtures file (JSON or YAML). */
export function readFixtures(file: string): Fixtures {
    return parseFixtures(readStructuredFile(file), file);
}

/** True when every `match` entry deep-equals the input's value. */
export function matchesInput(match: Record<string, unknown> | undefined, inputs: Record<string, unknown>): boolean {
    if (!match) return true;
    return Object.entries(match).every(([k, v]) => JSON.stringify(v) === JSON.stringify(inputs[k]));
}
