/**
 * Every pairwise relation between the plan's address ranges, per family: pod CIDRs, service CIDRs,
 * VNet address spaces, subnets, connected networks and reserved ranges.
 *
 * Each list is indexed once (see intervals.ts), and the smaller side queries the larger, so 100,000
 * connected networks cost one sort, not 100,000 × (pods + services + subnets) comparisons.
 */
import { at, t } from "../../core/text";
import { Cidr, cidrOf, contains } from "../cidr";
import { RESERVED_RANGES } from "../defaults";
import { NetworkIndex } from "../intervals";
import { CidrEntry, Model } from "../model";
import { parsed, rangesOf, RuleContext, subject } from "./context";
import { forEach, itemRule, rule, RuleStep } from "./entry";

type Parsed = CidrEntry & { cidr: Cidr };

const RESERVED = RESERVED_RANGES.map((r) => ({ ...r, net: cidrOf(r.cidr) }));

function indexOf(entries: Parsed[]): NetworkIndex<Parsed> {
    return new NetworkIndex(entries.map((e) => ({ net: e.cidr, item: e })));
}

function hits(index: NetworkIndex<Parsed>, e: Parsed): Parsed[] {
    return index.overlapping(e.cidr).map((h) => h.item);
}

function relation(a: Cidr, b: Cidr): string {
    if (a.first === b.first && a.last === b.last) return "is the same range as";
    if (contains(b, a)) return "lies inside";
    if (contains(a, b)) return "contains";
    return "overlaps";
}

/** The plan's ranges for overlap checks, parsed and indexed once per model. */
interface OverlapView {
    pods: Parsed[];
    services: Parsed[];
    spaces: Parsed[];
    subnets: Parsed[];
    subnetIndex: NetworkIndex<Parsed>;
    spaceIndex: NetworkIndex<Parsed>;
    connectedIndex: NetworkIndex<Parsed>;
    podIndex: NetworkIndex<Parsed>;
    /** True when `a` comes after `b` among the subnets, then the address spaces. */
    later(a: Parsed, b: Parsed): boolean;
}

const VIEWS = new WeakMap<Model, OverlapView>();

/** The overlap view of the context's model (built on first use). */
function viewOf(ctx: RuleContext): OverlapView {
    let view = VIEWS.get(ctx.m);
    if (view === undefined) {
        view = buildView(ctx.m);
        VIEWS.set(ctx.m, view);
    }
    return view;
}

function buildView(m: Model): OverlapView {
    // D6: when IPv6 ranges are omitted the RP may pick random ULA ranges instead of the documented
    // defaults, so assumed IPv6 defaults take part in no overlap check (R52 says to set them).
    const known = (e: Parsed) => !(e.defaulted && e.cidr.family === "IPv6");
    const ranges = rangesOf(m);
    const pods = parsed(ranges.pods).filter(known);
    const subnets = parsed(ranges.subnets);
    const spaces = parsed(ranges.spaces);
    const order = new Map<Parsed, number>([...subnets, ...spaces].map((e, i) => [e, i]));
    return {
        pods,
        services: parsed(ranges.services).filter(known),
        spaces,
        subnets,
        subnetIndex: indexOf(subnets),
        spaceIndex: indexOf(spaces),
        connectedIndex: indexOf(parsed(ranges.connected)),
        podIndex: indexOf(pods),
        later: (a, b) => (order.get(a) ?? 0) > (order.get(b) ?? 0),
    };
}

/** R24: reserved ranges, for pod CIDRs, service CIDRs and VNet address spaces. */
function reservedRanges(ctx: RuleContext): void {
    const { pods, services, spaces } = viewOf(ctx);
    for (const [what, list] of [
        ["pod CIDR", pods],
        ["service CIDR", services],
        ["VNet address space", spaces],
    ] as const) {
        for (const e of list) {
            for (const r of RESERVED) {
                if (r.net.family !== e.cidr.family || r.net.first > e.cidr.last || e.cidr.first > r.net.last) continue;
                const fix = ctx.suggest(what === "VNet address space" ? "subnet" : what === "pod CIDR" ? "pod" : "service", e.cidr);
                ctx.s.error(
                    "R24",
                    e.path,
                    t`${e.label} ${relation(e.cidr, r.net)} ${r.cidr} (${r.why}); AKS rejects a ${what} that overlaps 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 or 192.0.2.0/24${fix ? `; use e.g. "${fix}"` : ""}`,
                );
            }
        }
    }
}

/** R31: a service CIDR vs every subnet of the VNet. */
function serviceVersusSubnets(ctx: RuleContext, svc: Parsed): void {
    for (const sn of hits(viewOf(ctx).subnetIndex, svc)) {
        const fix = ctx.suggest("service", svc.cidr);
        ctx.s.error(
            "R31",
            svc.path,
            t`${svc.label} ${relation(svc.cidr, sn.cidr)} ${sn.label}; choose a range outside every subnet of the VNet${fix ? `, e.g. "${fix}"` : ""}`,
            "ServiceCidrOverlapExistingSubnetsCidr",
        );
    }
}

/** R32: inside the VNet's address space without hitting a subnet: accepted, but a later subnet collides. */
function serviceInsideVnet(ctx: RuleContext, svc: Parsed): void {
    const view = viewOf(ctx);
    if (hits(view.subnetIndex, svc).length > 0) return;
    for (const sp of hits(view.spaceIndex, svc)) {
        const fix = ctx.suggest("service", svc.cidr);
        ctx.s.warn(
            "R32",
            svc.path,
            t`${svc.label} ${relation(svc.cidr, sp.cidr)} VNet address space ${sp.label}; AKS accepts it, but any subnet added there later breaks Services: choose a range outside the VNet${fix ? `, e.g. "${fix}"` : ""}`,
        );
    }
}

/** R33: a service CIDR vs the pod CIDR of the same family. */
function serviceVersusPods(ctx: RuleContext, svc: Parsed): void {
    for (const pod of hits(viewOf(ctx).podIndex, svc)) {
        const fix = ctx.suggest("service", svc.cidr);
        ctx.s.error(
            "R33",
            svc.path,
            t`${svc.label} ${relation(svc.cidr, pod.cidr)} ${pod.label}; service and pod CIDRs must not overlap${fix ? `: use e.g. "${fix}" for the services` : ""}`,
        );
    }
}

/** R34: connected networks in a service CIDR become unreachable from pods. */
function serviceVersusConnected(ctx: RuleContext, svc: Parsed): void {
    for (const c of hits(viewOf(ctx).connectedIndex, svc)) {
        ctx.s.warn(
            "R34",
            svc.path,
            t`${svc.label} ${relation(svc.cidr, c.cidr)} ${c.label}; pods can't reach addresses there because they resolve to Services: choose a service range no connected network uses`,
        );
    }
}

/** The pod CIDRs the pod checks look at: only where pods take addresses from a pod CIDR. */
function podCidrsChecked(ctx: RuleContext): Parsed[] {
    const { ipam } = ctx.m;
    return ipam === "overlay" || ipam === "kubenet" || ipam === "none" ? viewOf(ctx).pods : [];
}

/** R36: a pod CIDR vs every subnet. */
function podVersusSubnets(ctx: RuleContext, pod: Parsed): void {
    for (const sn of hits(viewOf(ctx).subnetIndex, pod)) {
        const fix = ctx.suggest("pod", pod.cidr);
        ctx.s.error(
            "R36",
            pod.path,
            t`${pod.label} ${relation(pod.cidr, sn.cidr)} ${sn.label}; the pod CIDR must not overlap any subnet of the VNet${fix ? `: use e.g. "${fix}"` : ""}`,
            "NetworkProfileCIDROverlapVNET",
        );
    }
}

/** R37: inside the VNet space but no subnet (allowed since 2024-10, D19). */
function podInsideVnet(ctx: RuleContext, pod: Parsed): void {
    const view = viewOf(ctx);
    if (ctx.m.ipam === "none" || hits(view.subnetIndex, pod).length > 0) return;
    for (const sp of hits(view.spaceIndex, pod)) {
        ctx.s.warn(
            "R37",
            pod.path,
            t`${pod.label} ${relation(pod.cidr, sp.cidr)} VNet address space ${sp.label}; AKS accepts it, but a subnet added there later collides with pods: choose a range outside the VNet`,
        );
    }
}

/** R38: external hosts in the pod range become unreachable. */
function podVersusConnected(ctx: RuleContext, pod: Parsed): void {
    if (ctx.m.ipam === "none") return;
    for (const c of hits(viewOf(ctx).connectedIndex, pod)) {
        ctx.s.warn(
            "R38",
            pod.path,
            t`${pod.label} ${relation(pod.cidr, c.cidr)} ${c.label}; traffic to hosts there is routed into the overlay and they become unreachable from the cluster: choose a pod range no connected network uses`,
        );
    }
}

/** R62: every subnet inside one VNet address space, and subnets disjoint. */
function subnetsInVnet(ctx: RuleContext): void {
    subnetsInsideSpaces(ctx);
    subnetsDisjoint(ctx);
}

function subnetsInsideSpaces(ctx: RuleContext): void {
    const { spaces, subnets, spaceIndex } = viewOf(ctx);
    if (spaces.length === 0) return;
    for (const sn of subnets) {
        if (hits(spaceIndex, sn).some((sp) => contains(sp.cidr, sn.cidr))) continue;
        const sameFamily = spaces.filter((sp) => sp.cidr.family === sn.cidr.family).map((sp) => sp.cidr.canonical);
        ctx.s.error(
            "R62",
            sn.path,
            t`${subject(sn)} is not inside any VNet address space (${sameFamily.length ? sameFamily.join(", ") : `none of ${sn.cidr.family}`}); put the subnet inside the VNet or add its range to ${at("vnetAddressSpaces")}`,
        );
    }
}

function subnetsDisjoint(ctx: RuleContext): void {
    const { subnets, subnetIndex, later } = viewOf(ctx);
    for (const sn of subnets) {
        for (const other of hits(subnetIndex, sn)) {
            if (!later(other, sn)) continue;
            ctx.s.error(
                "R62",
                other.path,
                t`${subject(other)} ${relation(other.cidr, sn.cidr)} ${sn.label}; subnets of one VNet must not overlap: give each its own range`,
            );
        }
    }
}

/** R78: address spaces of one VNet must not overlap. */
function spacesDisjoint(ctx: RuleContext): void {
    const { spaces, spaceIndex, later } = viewOf(ctx);
    for (const sp of spaces) {
        for (const other of hits(spaceIndex, sp)) {
            if (!later(other, sp)) continue;
            ctx.s.error(
                "R78",
                other.path,
                t`${other.label} ${relation(other.cidr, sp.cidr)} ${sp.label}; Azure rejects overlapping address spaces in one VNet: remove one or make them disjoint`,
            );
        }
    }
}

/** R79: the VNet (or, without address spaces, its subnets) vs connected networks. */
function vnetVersusConnected(ctx: RuleContext): void {
    const { spaces, subnets, connectedIndex } = viewOf(ctx);
    for (const own of spaces.length > 0 ? spaces : subnets) {
        for (const c of hits(connectedIndex, own)) {
            ctx.s.warn(
                "R79",
                c.path,
                t`${subject(c)} ${relation(c.cidr, own.cidr)} ${spaces.length > 0 ? "VNet address space " : ""}${own.label}; traffic between them is ambiguous and Azure refuses to peer overlapping VNets: renumber one side`,
            );
        }
    }
}

/** The overlap checks, in run order. */
export const overlapEntries: readonly RuleStep[] = [
    rule(["R24"], reservedRanges),
    forEach("service CIDRs", (ctx) => viewOf(ctx).services, [
        itemRule(["R31"], serviceVersusSubnets),
        itemRule(["R32"], serviceInsideVnet),
        itemRule(["R33"], serviceVersusPods),
        itemRule(["R34"], serviceVersusConnected),
    ]),
    forEach("pod CIDRs", podCidrsChecked, [
        itemRule(["R36"], podVersusSubnets),
        itemRule(["R37"], podInsideVnet),
        itemRule(["R38"], podVersusConnected),
    ]),
    rule(["R62"], subnetsInVnet),
    rule(["R78"], spacesDisjoint),
    rule(["R79"], vnetVersusConnected),
];
