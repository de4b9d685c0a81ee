/**
 * Finds a free range to propose in a fix: an aligned block of the wanted size, inside private (or
 * ULA) space, that overlaps nothing the plan already uses and no reserved range.
 *
 * The search jumps past whatever a candidate hits instead of stepping block by block, so it costs
 * O(k log n) for k ranges in the way, whatever the block size.
 */
import { BITS, Cidr, cidrOf, Family, makeCidr, size } from "./cidr";
import { RESERVED_RANGES } from "./defaults";
import { NetworkIndex } from "./intervals";

const SEARCH_SPACES: Record<"service" | "pod" | "subnet", Record<Family, string[]>> = {
    service: { IPv4: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], IPv6: ["fd00::/8"] },
    pod: { IPv4: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"], IPv6: ["fd00::/8"] },
    subnet: { IPv4: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], IPv6: ["fd00::/8"] },
};
const RESERVED = RESERVED_RANGES.map((r) => cidrOf(r.cidr));
const MAX_STEPS = 10_000;

export class FreeRangeFinder {
    private readonly index: NetworkIndex<null>;
    private readonly taken: Cidr[] = [];

    constructor(used: Iterable<Cidr>) {
        this.index = new NetworkIndex([...used, ...RESERVED].map((net) => ({ net, item: null })));
    }

    /**
     * A free block of `prefix` for the role, or undefined when none is found. Blocks handed out are
     * remembered so two fixes in one report never propose the same range.
     */
    find(role: "service" | "pod" | "subnet", family: Family, prefix: number, within?: Cidr[]): Cidr | undefined {
        const spaces = within ?? SEARCH_SPACES[role][family].map(cidrOf);
        for (const space of spaces) {
            if (space.family !== family || prefix < space.prefix || prefix > BITS[family]) continue;
            const found = this.searchIn(space, prefix);
            if (found) {
                this.taken.push(found);
                return found;
            }
        }
        return undefined;
    }

    private searchIn(space: Cidr, prefix: number): Cidr | undefined {
        const blockSize = size({ family: space.family, prefix });
        let start = space.first;
        for (let step = 0; step < MAX_STEPS; step++) {
            const aligned = ((start + blockSize - 1n) / blockSize) * blockSize;
            if (aligned + blockSize - 1n > space.last) return undefined;
            const candidate = makeCidr(space.family, aligned, prefix);
            let blockedUntil = -1n;
            for (const hit of this.index.overlapping(candidate)) if (hit.net.last > blockedUntil) blockedUntil = hit.net.last;
            for (const t of this.taken) {
                if (t.family === candidate.family && t.first <= candidate.last && candidate.first <= t.last && t.last > blockedUntil)
                    blockedUntil = t.last;
            }
            if (blockedUntil < 0n) return candidate;
            start = blockedUntil + 1n;
        }
        return undefined;
    }
}
