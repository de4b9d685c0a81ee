/**
 * The network around a cluster, from the stack's `VirtualNetwork`, `Subnet` and `VirtualNetworkPeering`
 * resources:
 *
 *   plan path                     property
 *   vnetAddressSpaces             the cluster's VNet: addressSpace.addressPrefixes
 *   nodeSubnets[k].cidr           a Subnet: addressPrefix, else addressPrefixes[0]
 *                                 (or the VNet's inline subnets[m], same fields under properties or not)
 *   nodeSubnets[k].ipv6Cidr       a Subnet: addressPrefixes[1]
 *   nodeSubnets[k].name           a Subnet: subnetName (else its logical name)
 *   connectedNetworks[c]          another VNet's addressSpace.addressPrefixes[j], a subnet of a VNet not
 *                                 in the stack, or a peering's remoteAddressSpace /
 *                                 remoteVirtualNetworkAddressSpace addressPrefixes[j]
 *
 * The cluster's VNet is the one its pools' subnet IDs name; when the IDs are unknown (preview) or not
 * ARM IDs, the only VNet of the stack. Every other range of the stack is a connected network, so pod
 * and service CIDRs are compared with all of them, except ranges inside `allowedRanges`.
 *
 * Pure: no Pulumi imports.
 */
import { Path } from "../core/path";
import { contains, parseCidr } from "../network/cidr";
import { PlanBuilder, Place } from "./builder";
import { PoolSource } from "./cluster";
import { field, isUnknown, listOf } from "./props";
import { azureName, StackIndex, StackResource, vnetOf } from "./stack";

/** A subnet of a VNet: a Subnet resource, or an entry of the VNet's inline `subnets`. */
interface SubnetSource {
    name: string | undefined;
    /** Where the subnet's fields sit (`addressPrefix`, `addressPrefixes`). */
    place: Place;
    /** The name's place. */
    namePlace: Place;
    /** The props of the resource holding it (places are rooted there). */
    resourceProps: unknown;
}

/** The VNet the cluster's pools use, or undefined (AKS-managed, or not in this stack). */
export function ownVnet(index: StackIndex, pools: readonly PoolSource[]): StackResource | undefined {
    const refs = pools.flatMap((p) => [p.subnet, p.podSubnet]).filter((r) => r !== undefined);
    const named = refs.find((r) => r !== "opaque");
    if (named !== undefined) return index.byKind.vnet.find((v) => azureName(v, "virtualNetworkName") === named.vnet);
    return refs.length > 0 && index.byKind.vnet.length === 1 ? index.byKind.vnet[0] : undefined;
}

/** The subnets of a VNet: its Subnet resources, then inline entries of other names. */
function subnetsOf(index: StackIndex, vnet: StackResource): SubnetSource[] {
    const found: SubnetSource[] = index.byKind.subnet
        .filter((s) => vnetOf(index, s) === vnet)
        .map((s) => {
            const name = azureName(s, "subnetName");
            return {
                name: isUnknown(name) ? undefined : name,
                place: { resource: s.index, path: [] },
                namePlace: { resource: s.index, path: ["subnetName"] },
                resourceProps: s.props,
            };
        });
    const inline = listOf(field(vnet.props, "subnets"));
    if (Array.isArray(inline)) {
        inline.forEach((entry, i) => {
            const name = field(entry, "name");
            if (typeof name !== "string" || found.some((s) => s.name === name)) return;
            const path: Path = field(entry, "properties") !== undefined ? ["subnets", i, "properties"] : ["subnets", i];
            const namePlace = { resource: vnet.index, path: ["subnets", i, "name"] };
            found.push({ name, place: { resource: vnet.index, path }, namePlace, resourceProps: vnet.props });
        });
    }
    return found;
}

/** One subnet into the plan's `nodeSubnets[k]`. */
function subnetInto(b: PlanBuilder, s: SubnetSource, k: number): Record<string, unknown> {
    const plan: Record<string, unknown> = {};
    const inPlan = (key: string): Path => ["nodeSubnets", k, key];
    const at = (...path: Path): Place => ({ resource: s.place.resource, path: [...s.place.path, ...path] });
    b.row(["nodeSubnets", k], s.place);
    if (s.name === undefined) b.markUnknown(inPlan("name"), s.namePlace);
    else plan.name = s.name;
    b.row(inPlan("name"), s.namePlace);
    if (field(valueAtPlace(s), "addressPrefix") !== undefined) b.copy(plan, "cidr", inPlan("cidr"), at("addressPrefix"), s.resourceProps);
    else {
        b.copy(plan, "cidr", inPlan("cidr"), at("addressPrefixes", 0), s.resourceProps);
        b.copy(plan, "ipv6Cidr", inPlan("ipv6Cidr"), at("addressPrefixes", 1), s.resourceProps);
    }
    return plan;
}

/** The subnet's own fields (a Subnet's props, or the inline entry). */
function valueAtPlace(s: SubnetSource): unknown {
    return s.place.path.reduce<unknown>((value, segment) => field(value, segment), s.resourceProps);
}

/** True when a CIDR lies inside one of the allowed ranges. */
function allowed(cidr: unknown, ranges: readonly string[]): boolean {
    if (ranges.length === 0) return false;
    const parsed = parseCidr(cidr);
    if (!parsed.ok) return false;
    return ranges.some((range) => {
        const outer = parseCidr(range);
        return outer.ok && contains(outer.cidr, parsed.cidr);
    });
}

/** One range into `connectedNetworks`, unless allowed. */
function connectedOne(b: PlanBuilder, place: Place, cidr: unknown, label: string, kind: string, ranges: readonly string[]): void {
    if (allowed(cidr, ranges)) return;
    const connected = (b.plan.connectedNetworks ??= []) as unknown[];
    b.row(["connectedNetworks", connected.length], place);
    connected.push({ name: label, cidr, kind });
}

/** Every range of a list prop into `connectedNetworks`, one entry per prefix. */
function connectedInto(b: PlanBuilder, list: Place, label: string, kind: string, props: unknown, ranges: readonly string[]): void {
    const value = b.read(["connectedNetworks"], list, props);
    if (Array.isArray(value)) value.forEach((cidr, j) => connectedOne(b, { ...list, path: [...list.path, j] }, cidr, label, kind, ranges));
}

/** The VNet, its subnets, and every other range of the stack into the plan. */
export function networkInto(
    b: PlanBuilder,
    index: StackIndex,
    pools: readonly PoolSource[],
    ranges: readonly string[],
): StackResource | undefined {
    const vnet = ownVnet(index, pools);
    if (vnet !== undefined) {
        b.copy(
            b.plan,
            "vnetAddressSpaces",
            ["vnetAddressSpaces"],
            { resource: vnet.index, path: ["addressSpace", "addressPrefixes"] },
            vnet.props,
        );
        const subnets = subnetsOf(index, vnet);
        b.plan.nodeSubnets = subnets.map((s, k) => subnetInto(b, s, k));
        poolSubnetsInto(b, pools, subnets, vnet);
    }
    for (const other of index.byKind.vnet.filter((v) => v !== vnet)) {
        const label = `VirtualNetwork "${other.name}"`;
        connectedInto(b, { resource: other.index, path: ["addressSpace", "addressPrefixes"] }, label, "other", other.props, ranges);
    }
    for (const s of index.byKind.subnet.filter((s) => vnetOf(index, s) === undefined && index.byKind.vnet.length !== 1)) {
        const single = b.read(["connectedNetworks"], { resource: s.index, path: ["addressPrefix"] }, s.props);
        if (single !== undefined)
            connectedOne(b, { resource: s.index, path: ["addressPrefix"] }, single, `Subnet "${s.name}"`, "other", ranges);
        else connectedInto(b, { resource: s.index, path: ["addressPrefixes"] }, `Subnet "${s.name}"`, "other", s.props, ranges);
    }
    for (const p of index.byKind.peering.filter((p) => vnetOf(index, p) === vnet || vnet === undefined)) {
        for (const key of ["remoteAddressSpace", "remoteVirtualNetworkAddressSpace"])
            connectedInto(b, { resource: p.index, path: [key, "addressPrefixes"] }, `peering "${p.name}"`, "peering", p.props, ranges);
    }
    return vnet;
}

/** The pools' subnet names, where their IDs name a subnet of the cluster's VNet; unknown where they cannot be told. */
function poolSubnetsInto(b: PlanBuilder, pools: readonly PoolSource[], subnets: readonly SubnetSource[], vnet: StackResource): void {
    const vnetName = azureName(vnet, "virtualNetworkName");
    for (const source of pools) {
        for (const [key, ref] of [
            ["subnet", source.subnet],
            ["podSubnet", source.podSubnet],
        ] as const) {
            if (ref === undefined) continue;
            const place = {
                resource: source.place.resource,
                path: [...source.place.path, key === "subnet" ? "vnetSubnetID" : "podSubnetID"],
            };
            if (ref === "opaque" || ref.vnet !== vnetName || !subnets.some((s) => s.name === ref.subnet))
                b.markUnknown(["nodePools", source.planIndex, key], place);
            else source.pool[key] = ref.subnet;
        }
    }
}
