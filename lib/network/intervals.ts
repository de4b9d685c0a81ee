/**
 * Overlap queries over many networks without pairwise comparison.
 *
 * The entries of one family are sorted by first address, with a running maximum of last addresses.
 * A query for [first, last] binary-searches the entries that start at or before `last`; of those,
 * the ones starting at or after `first` all overlap, and the ones starting before it are walked
 * backwards only while the running maximum still reaches `first`. Building costs O(n log n); a query
 * costs O(log n + k) for k overlaps in the usual (laminar or disjoint) case.
 */
import { Cidr, Family } from "./cidr";

export interface Indexed<T> {
    net: Pick<Cidr, "family" | "first" | "last">;
    item: T;
}

class FamilyIndex<T> {
    private readonly firsts: bigint[];
    private readonly maxLast: bigint[];
    constructor(private readonly entries: Indexed<T>[]) {
        entries.sort((a, b) => (a.net.first < b.net.first ? -1 : a.net.first > b.net.first ? 1 : 0));
        this.firsts = entries.map((e) => e.net.first);
        this.maxLast = [];
        let max = -1n;
        for (const e of entries) {
            if (e.net.last > max) max = e.net.last;
            this.maxLast.push(max);
        }
    }

    query(first: bigint, last: bigint): Indexed<T>[] {
        // hi = number of entries whose first <= last
        let lo = 0;
        let hi = this.firsts.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (this.firsts[mid] <= last) lo = mid + 1;
            else hi = mid;
        }
        const out: Indexed<T>[] = [];
        for (let j = lo - 1; j >= 0 && this.maxLast[j] >= first; j--) {
            if (this.entries[j].net.last >= first) out.push(this.entries[j]);
        }
        return out.reverse();
    }
}

/** A static index of networks, queried for everything overlapping a network. */
export class NetworkIndex<T> {
    private readonly byFamily = new Map<Family, FamilyIndex<T>>();
    readonly size: number;

    constructor(entries: Iterable<Indexed<T>>) {
        const groups = new Map<Family, Indexed<T>[]>();
        let n = 0;
        for (const e of entries) {
            const list = groups.get(e.net.family) ?? [];
            list.push(e);
            groups.set(e.net.family, list);
            n++;
        }
        this.size = n;
        for (const [family, list] of groups) this.byFamily.set(family, new FamilyIndex(list));
    }

    /** Every entry of the same family that shares an address with `net`, in address order. */
    overlapping(net: Pick<Cidr, "family" | "first" | "last">): Indexed<T>[] {
        return this.byFamily.get(net.family)?.query(net.first, net.last) ?? [];
    }
}
