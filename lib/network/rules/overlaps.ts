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
import { CidrEntry } from "../model";
import { parsed, rangesOf, RuleContext, subject } from "./context";

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

export function overlapRules(ctx: RuleContext): void {
    const { m, s } = ctx;
    // D6: when IPv6 ranges are omitted the RP may pick random ULA ranges instead of the documented
    // defaults, so assumed IPv6 defaults take part in no overlap check (R52 says to set them).
    const known = (e: Parsed) => !(e.defaulted && e.cidr.family === "IPv6");
    const ranges = rangesOf(m);
    const pods = parsed(ranges.pods).filter(known);
    const services = parsed(ranges.services).filter(known);
    const spaces = parsed(ranges.spaces);
    const subnets = parsed(ranges.subnets);
    const connected = parsed(ranges.connected);
    const subnetIndex = indexOf(subnets);
    const spaceIndex = indexOf(spaces);
    const connectedIndex = indexOf(connected);
    const podIndex = indexOf(pods);
    const podModes = m.ipam === "overlay" || m.ipam === "kubenet" || m.ipam === "none";

    // R24: reserved ranges, for pod CIDRs, service CIDRs and VNet address spaces.
    for (const [what, list] of [["pod CIDR", pods], ["service CIDR", services], ["VNet address space", spaces]] as const) {
        for (const e of list) {
            for (const r of RESERVED) {
                if (r.net.family !== e.cidr.family || r.net.first > e.cidr.last || e.cidr.first > r.net.last) continue;
                const fix = ctx.suggest(what === "VNet address space" ? "subnet" : what === "pod CIDR" ? "pod" : "service", e.cidr);
                s.error("R24", e.path, t`${e.label} ${relation(e.cidr, r.net)} ${r.cidr} (${r.why}); AKS rejects a ${what} that overlaps 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 or 192.0.2.0/24${fix ? `; use e.g. "${fix}"` : ""}`);
            }
        }
    }

    for (const svc of services) {
        // R31: service CIDR vs every subnet of the VNet.
        const subnetHits = hits(subnetIndex, svc);
        for (const sn of subnetHits) {
            const fix = ctx.suggest("service", svc.cidr);
            s.error("R31", svc.path, t`${svc.label} ${relation(svc.cidr, sn.cidr)} ${sn.label}; choose a range outside every subnet of the VNet${fix ? `, e.g. "${fix}"` : ""}`, "ServiceCidrOverlapExistingSubnetsCidr");
        }
        // R32: inside the VNet's address space without hitting a subnet: accepted, but a later subnet collides.
        if (subnetHits.length === 0) {
            for (const sp of hits(spaceIndex, svc)) {
                const fix = ctx.suggest("service", svc.cidr);
                s.warn("R32", svc.path, t`${svc.label} ${relation(svc.cidr, sp.cidr)} VNet address space ${sp.label}; AKS accepts it, but any subnet added there later breaks Services: choose a range outside the VNet${fix ? `, e.g. "${fix}"` : ""}`);
            }
        }
        // R33: service vs pod CIDR of the same family.
        for (const pod of hits(podIndex, svc)) {
            const fix = ctx.suggest("service", svc.cidr);
            s.error("R33", svc.path, t`${svc.label} ${relation(svc.cidr, pod.cidr)} ${pod.label}; service and pod CIDRs must not overlap${fix ? `: use e.g. "${fix}" for the services` : ""}`);
        }
        // R34: connected networks become unreachable from pods.
        for (const c of hits(connectedIndex, svc)) {
            s.warn("R34", svc.path, t`${svc.label} ${relation(svc.cidr, c.cidr)} ${c.label}; pods can't reach addresses there because they resolve to Services: choose a service range no connected network uses`);
        }
    }

    if (podModes) {
        for (const pod of pods) {
            // R36: pod CIDR vs every subnet.
            const subnetHits = hits(subnetIndex, pod);
            for (const sn of subnetHits) {
                const fix = ctx.suggest("pod", pod.cidr);
                s.error("R36", pod.path, t`${pod.label} ${relation(pod.cidr, sn.cidr)} ${sn.label}; the pod CIDR must not overlap any subnet of the VNet${fix ? `: use e.g. "${fix}"` : ""}`, "NetworkProfileCIDROverlapVNET");
            }
            if (m.ipam === "none") continue;
            // R37: inside the VNet space but no subnet (allowed since 2024-10, D19).
            if (subnetHits.length === 0) {
                for (const sp of hits(spaceIndex, pod)) {
                    s.warn("R37", pod.path, t`${pod.label} ${relation(pod.cidr, sp.cidr)} VNet address space ${sp.label}; AKS accepts it, but a subnet added there later collides with pods: choose a range outside the VNet`);
                }
            }
            // R38: external hosts in the pod range become unreachable.
            for (const c of hits(connectedIndex, pod)) {
                s.warn("R38", pod.path, t`${pod.label} ${relation(pod.cidr, c.cidr)} ${c.label}; traffic to hosts there is routed into the overlay and they become unreachable from the cluster: choose a pod range no connected network uses`);
            }
        }
    }

    // R62: every subnet inside one VNet address space, and subnets disjoint.
    if (spaces.length > 0) {
        for (const sn of subnets) {
            const inSpace = hits(spaceIndex, sn).some((sp) => contains(sp.cidr, sn.cidr));
            if (!inSpace) {
                const sameFamily = spaces.filter((sp) => sp.cidr.family === sn.cidr.family).map((sp) => sp.cidr.canonical);
                s.error("R62", sn.path, t`${subject(sn)} is not inside any VNet address space (${sameFamily.length ? sameFamily.join(", ") : `none of ${sn.cidr.family}`}); put the subnet inside the VNet or add its range to ${at("vnetAddressSpaces")}`);
            }
        }
    }
    const order = new Map<Parsed, number>([...subnets, ...spaces].map((e, i) => [e, i]));
    const later = (a: Parsed, b: Parsed) => (order.get(a) ?? 0) > (order.get(b) ?? 0);
    for (const sn of subnets) {
        for (const other of hits(subnetIndex, sn)) {
            if (!later(other, sn)) continue;
            s.error("R62", other.path, t`${subject(other)} ${relation(other.cidr, sn.cidr)} ${sn.label}; subnets of one VNet must not overlap: give each its own range`);
        }
    }

    // R78: address spaces of one VNet must not overlap.
    for (const sp of spaces) {
        for (const other of hits(spaceIndex, sp)) {
            if (!later(other, sp)) continue;
            s.error("R78", other.path, t`${other.label} ${relation(other.cidr, sp.cidr)} ${sp.label}; Azure rejects overlapping address spaces in one VNet: remove one or make them disjoint`);
        }
    }

    // R79: the VNet (or, without address spaces, its subnets) vs connected networks.
    for (const own of spaces.length > 0 ? spaces : subnets) {
        for (const c of hits(connectedIndex, own)) {
            s.warn("R79", c.path, t`${subject(c)} ${relation(c.cidr, own.cidr)} ${spaces.length > 0 ? "VNet address space " : ""}${own.label}; traffic between them is ambiguous and Azure refuses to peer overlapping VNets: renumber one side`);
        }
    }
}
