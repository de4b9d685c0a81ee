/**
 * What every rule group receives: the read model, the sink, the capacity figures and a lazily built
 * free-range finder for fixes.
 */
import { Capacity } from "../capacity";
import { Cidr } from "../cidr";
import { CidrEntry, Model } from "../model";
import { Sink } from "../report-sink";
import { FreeRangeFinder } from "../suggest";

export interface RuleContext {
    m: Model;
    s: Sink;
    cap: Capacity;
    /** Proposes a free range for a fix (built on first use: most plans need none). */
    suggest(role: "service" | "pod" | "subnet", like: Cidr, within?: Cidr[]): string | undefined;
}

export type RuleGroup = (ctx: RuleContext) => void;

/** Every parsed network of the plan, for the free-range finder. */
function usedNetworks(m: Model): Cidr[] {
    const out: Cidr[] = [];
    const add = (e: CidrEntry | null) => { if (e?.cidr) out.push(e.cidr); };
    m.podCidrs.forEach(add);
    m.serviceCidrs.forEach(add);
    m.vnetSpaces.forEach(add);
    for (const s of m.subnets) { add(s.cidr); add(s.ipv6); }
    for (const c of m.connected) add(c.entry);
    return out;
}

export function makeContext(m: Model, s: Sink, cap: Capacity): RuleContext {
    let finder: FreeRangeFinder | undefined;
    return {
        m,
        s,
        cap,
        suggest(role, like, within) {
            finder ??= new FreeRangeFinder(usedNetworks(m));
            return finder.find(role, like.family, like.prefix, within)?.canonical;
        },
    };
}

/** The parsed entries of a list. */
export function parsed(entries: CidrEntry[]): (CidrEntry & { cidr: Cidr })[] {
    return entries.filter((e): e is CidrEntry & { cidr: Cidr } => e.cidr !== null);
}

/** How a message about the entry itself names it: starting with its full path. */
export function subject(e: CidrEntry): string {
    return e.subject ?? e.label;
}
