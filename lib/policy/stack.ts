/**
 * The resources of one stack the policy reads, sorted by kind and linked to each other: subnets to
 * their VNet, peerings to their VNet, `AgentPool`s to their cluster, node pools to their subnets.
 *
 * Links use the names in the props (`virtualNetworkName`, `resourceName`, the subnet's ARM ID). During
 * preview a name that is another resource's output is unknown; then a stack with one VNet (or one
 * cluster) links to it, and otherwise the link is left out and the rules that need it are skipped.
 *
 * Pure: no Pulumi imports.
 */
import { field, isUnknown, listOf, unwrapProps, UNKNOWN } from "./props";
import { PolicyResource } from "./types";

/** The kinds of resource the policy reads. */
export type Kind = "cluster" | "agentPool" | "maintenance" | "vnet" | "subnet" | "peering" | "service";

/**
 * Type tokens by kind. azure-native registers each resource under its default module and under
 * versioned modules (`azure-native:containerservice/v20250901:ManagedCluster`); both are read.
 */
const TOKENS: readonly [Kind, RegExp][] = [
    ["cluster", /^azure-native:containerservice(\/v[0-9a-z]+)?:ManagedCluster$/],
    ["agentPool", /^azure-native:containerservice(\/v[0-9a-z]+)?:AgentPool$/],
    ["maintenance", /^azure-native:containerservice(\/v[0-9a-z]+)?:MaintenanceConfiguration$/],
    ["vnet", /^azure-native:network(\/v[0-9a-z]+)?:VirtualNetwork$/],
    ["subnet", /^azure-native:network(\/v[0-9a-z]+)?:Subnet$/],
    ["peering", /^azure-native:network(\/v[0-9a-z]+)?:VirtualNetworkPeering$/],
    ["service", /^kubernetes:core\/v1:Service$/],
];

/** The kind of a type token, or undefined for a resource the policy does not read. */
export function kindOf(type: unknown): Kind | undefined {
    if (typeof type !== "string") return undefined;
    return TOKENS.find(([, pattern]) => pattern.test(type))?.[0];
}

/** One resource of the stack, props unwrapped. */
export interface StackResource {
    /** Its index in the stack's list (the first segment of every mapped path). */
    index: number;
    kind: Kind;
    /** A short type name for messages, e.g. `Subnet`. */
    shortType: string;
    name: string;
    urn: string;
    props: unknown;
}

/** The resources by kind, and the links between them. */
export interface StackIndex {
    resources: StackResource[];
    byKind: { [K in Kind]: StackResource[] };
}

/** Index the stack's resources; anything malformed (a resource that is not an object) is left out. */
export function indexStack(resources: readonly unknown[]): StackIndex {
    const byKind: StackIndex["byKind"] = { cluster: [], agentPool: [], maintenance: [], vnet: [], subnet: [], peering: [], service: [] };
    const list: StackResource[] = [];
    for (const raw of Array.isArray(resources) ? resources : []) {
        const r = raw as Partial<PolicyResource> | null | undefined;
        const kind = kindOf(field(r, "type"));
        if (kind === undefined) continue;
        const type = String(field(r, "type"));
        const name = field(r, "name");
        const urn = field(r, "urn");
        const found: StackResource = {
            index: list.length,
            kind,
            shortType: type.slice(type.lastIndexOf(":") + 1),
            name: typeof name === "string" ? name : "(unnamed)",
            urn: typeof urn === "string" ? urn : "",
            props: unwrapProps(field(r, "props")),
        };
        list.push(found);
        byKind[kind].push(found);
    }
    return { resources: list, byKind };
}

/** A name prop as a string; `UNKNOWN` when not known yet; undefined when absent or not a string. */
export function nameProp(r: StackResource, key: string): string | typeof UNKNOWN | undefined {
    const value = field(r.props, key);
    if (isUnknown(value)) return UNKNOWN;
    return typeof value === "string" ? value : undefined;
}

/** The Azure name of a resource: its name prop, else its logical name (azure-native auto-names from it). */
export function azureName(r: StackResource, key: string): string | typeof UNKNOWN {
    return nameProp(r, key) ?? r.name;
}

/** The first candidate of each Azure name (under one name prop) and of each logical name. */
interface NameTable {
    size: number;
    byAzureName: Map<string, StackResource>;
    byName: Map<string, StackResource>;
}

/**
 * Name tables per candidate list and name prop. Every resource that names another is resolved against
 * the same few lists (the index's `byKind`), so each list's names are read once instead of once per
 * reference; a list whose length changed is read again.
 */
const NAME_TABLES = new WeakMap<readonly StackResource[], Map<string, NameTable>>();

function nameTable(candidates: readonly StackResource[], key: string): NameTable {
    const tables = NAME_TABLES.get(candidates) ?? new Map<string, NameTable>();
    NAME_TABLES.set(candidates, tables);
    const cached = tables.get(key);
    if (cached !== undefined && cached.size === candidates.length) return cached;
    const table: NameTable = { size: candidates.length, byAzureName: new Map(), byName: new Map() };
    for (const c of candidates) {
        const name = azureName(c, key);
        if (typeof name === "string" && !table.byAzureName.has(name)) table.byAzureName.set(name, c);
        if (!table.byName.has(c.name)) table.byName.set(c.name, c);
    }
    tables.set(key, table);
    return table;
}

/**
 * The resources of `candidates` that `reference` (a name read from another resource) points to: the
 * first whose Azure name is it, else the first whose logical name is it; when the reference is
 * unknown, the only candidate if there is one.
 */
export function resolve(reference: unknown, candidates: readonly StackResource[], key: string): StackResource | undefined {
    if (isUnknown(reference)) return candidates.length === 1 ? candidates[0] : undefined;
    if (typeof reference !== "string") return undefined;
    const table = nameTable(candidates, key);
    return table.byAzureName.get(reference) ?? table.byName.get(reference);
}

/** The VNet of a subnet or peering (its `virtualNetworkName`). */
export function vnetOf(index: StackIndex, r: StackResource): StackResource | undefined {
    return resolve(field(r.props, "virtualNetworkName"), index.byKind.vnet, "virtualNetworkName");
}

/** The names in a subnet's ARM ID: `.../virtualNetworks/<vnet>/subnets/<subnet>`; undefined for anything else. */
export function parseSubnetId(id: unknown): { vnet: string; subnet: string } | undefined {
    if (typeof id !== "string") return undefined;
    const match = /\/virtualNetworks\/([^/]+)\/subnets\/([^/]+)\/?$/i.exec(id);
    return match ? { vnet: match[1], subnet: match[2] } : undefined;
}

/** A list prop's elements, `UNKNOWN`, or undefined (absent or not a list). */
export function listProp(value: unknown): unknown[] | typeof UNKNOWN | undefined {
    return listOf(value);
}
