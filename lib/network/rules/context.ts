/**
 * What every rule check receives: the read model, the sink, the capacity figures and a lazily built
 * free-range finder for fixes.
 */
import { Text } from "../../core/text";
import { Capacity } from "../capacity";
import { Cidr } from "../cidr";
import { CidrEntry, Model } from "../model";
import { Sink } from "../../core/diagnostic";
import { FreeRangeFinder } from "../suggest";

export interface RuleContext {
    m: Model;
    s: Sink;
    cap: Capacity;
    /** Proposes a free range for a fix (built on first use: most plans need none). */
    suggest(role: "service" | "pod" | "subnet", like: Cidr, within?: Cidr[]): string | undefined;
}

/** The plan's address ranges by role, in plan order (subnets: each IPv4 prefix, then its IPv6 prefix). */
export function rangesOf(m: Model): {
    pods: CidrEntry[];
    services: CidrEntry[];
    spaces: CidrEntry[];
    subnets: CidrEntry[];
    connected: CidrEntry[];
} {
    return {
        pods: m.podCidrs,
        services: m.serviceCidrs,
        spaces: m.vnetSpaces,
        subnets: m.subnets.flatMap((s) => (s.ipv6 ? [s.cidr, s.ipv6] : [s.cidr])),
        connected: m.connected.map((c) => c.entry),
    };
}

/** Every address range of the plan, in one list. */
export function allRanges(m: Model): CidrEntry[] {
    const r = rangesOf(m);
    return [...r.pods, ...r.services, ...r.spaces, ...r.subnets, ...r.connected];
}

export function makeContext(m: Model, s: Sink, cap: Capacity): RuleContext {
    let finder: FreeRangeFinder | undefined;
    return {
        m,
        s,
        cap,
        suggest(role, like, within) {
            finder ??= new FreeRangeFinder(parsed(allRanges(m)).map((e) => e.cidr));
            return finder.find(role, like.family, like.prefix, within)?.canonical;
        },
    };
}

/** The parsed entries of a list. */
export function parsed(entries: CidrEntry[]): (CidrEntry & { cidr: Cidr })[] {
    return entries.filter((e): e is CidrEntry & { cidr: Cidr } => e.cidr !== null);
}

/** How a message about the entry itself names it: starting with its full path. */
export function subject(e: CidrEntry): Text {
    return e.subject ?? e.label;
}
