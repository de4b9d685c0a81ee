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
import { UsageError } from "../errors";
import { isRecord, readStructuredFile } from "../io";

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

function stringList(v: unknown, where: string, file: string): string[] {
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw new UsageError(`${file}: ${where} must be a list of strings`);
    return v as string[];
}

function str(v: unknown, where: string, file: string): string {
    if (typeof v !== "string" || v === "") throw new UsageError(`${file}: ${where} must be a non-empty string`);
    return v;
}

/** Check and normalise a parsed fixtures document; a one-line {@link UsageError} naming the path otherwise. */
export function parseFixtures(doc: unknown, file: string): Fixtures {
    const f = emptyFixtures();
    if (!isRecord(doc)) throw new UsageError(`${file}: expected a mapping with version: 1`);
    const known = ["version", "azure", "invokes", "resources", "secrets"];
    const unknown = Object.keys(doc).filter((k) => !known.includes(k));
    if (unknown.length) throw new UsageError(`${file}: unknown key ${unknown[0]}; allowed: ${known.join(", ")}`);
    if (doc.version !== 1) throw new UsageError(`${file}: version must be 1, not ${JSON.stringify(doc.version)}`);
    if (doc.azure !== undefined) {
        if (!isRecord(doc.azure)) throw new UsageError(`${file}: azure must be a mapping`);
        const a = doc.azure;
        if (a.location !== undefined) f.azure.location = str(a.location, "azure.location", file);
        if (a.subscriptionId !== undefined) f.azure.subscriptionId = str(a.subscriptionId, "azure.subscriptionId", file);
        if (a.virtualNetworks !== undefined) {
            if (!Array.isArray(a.virtualNetworks)) throw new UsageError(`${file}: azure.virtualNetworks must be a list`);
            f.azure.virtualNetworks = a.virtualNetworks.map((v, i) => {
                const w = `azure.virtualNetworks[${i}]`;
                if (!isRecord(v)) throw new UsageError(`${file}: ${w} must be a mapping`);
                const subnets = v.subnets === undefined ? [] : Array.isArray(v.subnets) ? v.subnets : null;
                if (!subnets) throw new UsageError(`${file}: ${w}.subnets must be a list`);
                const peerings = v.peerings === undefined ? [] : Array.isArray(v.peerings) ? v.peerings : null;
                if (!peerings) throw new UsageError(`${file}: ${w}.peerings must be a list`);
                return {
                    resourceGroup: str(v.resourceGroup, `${w}.resourceGroup`, file),
                    name: str(v.name, `${w}.name`, file),
                    addressSpaces: stringList(v.addressSpaces, `${w}.addressSpaces`, file),
                    location: v.location === undefined ? undefined : str(v.location, `${w}.location`, file),
                    subnets: subnets.map((s, j) => {
                        if (!isRecord(s)) throw new UsageError(`${file}: ${w}.subnets[${j}] must be a mapping`);
                        const prefixes = s.addressPrefixes !== undefined ? stringList(s.addressPrefixes, `${w}.subnets[${j}].addressPrefixes`, file)
                            : [str(s.addressPrefix, `${w}.subnets[${j}].addressPrefix`, file)];
                        if (s.properties !== undefined && !isRecord(s.properties)) throw new UsageError(`${file}: ${w}.subnets[${j}].properties must be a mapping`);
                        return { name: str(s.name, `${w}.subnets[${j}].name`, file), addressPrefixes: prefixes, properties: s.properties as Record<string, unknown> | undefined };
                    }),
                    peerings: peerings.map((p, j) => {
                        if (!isRecord(p)) throw new UsageError(`${file}: ${w}.peerings[${j}] must be a mapping`);
                        return {
                            name: str(p.name, `${w}.peerings[${j}].name`, file),
                            remoteAddressSpaces: stringList(p.remoteAddressSpaces, `${w}.peerings[${j}].remoteAddressSpaces`, file),
                            remoteVirtualNetworkId: p.remoteVirtualNetworkId === undefined ? undefined : str(p.remoteVirtualNetworkId, `${w}.peerings[${j}].remoteVirtualNetworkId`, file),
                            peeringState: p.peeringState === undefined ? undefined : str(p.peeringState, `${w}.peerings[${j}].peeringState`, file),
                        };
                    }),
                };
            });
        }
    }
    if (doc.invokes !== undefined) {
        if (!isRecord(doc.invokes)) throw new UsageError(`${file}: invokes must be a mapping of invoke tokens to results`);
        for (const [token, v] of Object.entries(doc.invokes)) {
            const cases = Array.isArray(v) ? v : [{ result: v }];
            f.invokes[token] = cases.map((c, i) => {
                if (!isRecord(c) || !isRecord(c.result)) throw new UsageError(`${file}: invokes["${token}"][${i}] must be { match?, result } with result a mapping`);
                if (c.match !== undefined && !isRecord(c.match)) throw new UsageError(`${file}: invokes["${token}"][${i}].match must be a mapping`);
                return { match: c.match as Record<string, unknown> | undefined, result: c.result };
            });
        }
    }
    if (doc.resources !== undefined) {
        if (!isRecord(doc.resources)) throw new UsageError(`${file}: resources must be a mapping of types to outputs`);
        for (const [k, v] of Object.entries(doc.resources)) {
            if (!isRecord(v)) throw new UsageError(`${file}: resources["${k}"] must be a mapping of output names to values`);
            f.resources[k] = v;
        }
    }
    if (doc.secrets !== undefined) {
        if (!isRecord(doc.secrets)) throw new UsageError(`${file}: secrets must be a mapping of config keys to strings`);
        for (const [k, v] of Object.entries(doc.secrets)) f.secrets[k] = str(v, `secrets["${k}"]`, file);
    }
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
