/**
 * Property tests of the CIDR maths against brute-force BigInt references written independently of
 * lib/network: masks by division, overlap and containment by enumerating addresses, IPv6 text by
 * the WHATWG URL serializer (RFC 5952 compression), syntax by ip-num's own validator.
 */
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { IPv4, IPv4CidrRange, Validator } from "ip-num";
import { podBlocksOf, usableAddresses } from "../../lib/network/capacity";
import { Cidr, contains, formatIp, overlaps, parseCidr, parseIp } from "../../lib/network/cidr";
import { NetworkIndex } from "../../lib/network/intervals";

const RUNS = 500;
const BITS = { IPv4: 32, IPv6: 128 } as const;

/** Reference: first address by integer division, no bit masks. */
function refFirst(value: bigint, prefix: number, bits: number): bigint {
    const block = 2n ** BigInt(bits - prefix);
    return (value / block) * block;
}

function v4text(v: bigint): string {
    return [3, 2, 1, 0].map((i) => ((v / 256n ** BigInt(i)) % 256n).toString()).join(".");
}
function v6expanded(v: bigint): string {
    return v.toString(16).padStart(32, "0").match(/.{4}/g)!.join(":");
}

const v4 = fc.bigInt({ min: 0n, max: 2n ** 32n - 1n });
/** Inside ::ffff:0:0/96: IPv4-mapped, refused by the parser (Kubernetes reads it as IPv4). */
const mapped = (v: bigint) => v >> 32n === 0xffffn;
const v6 = fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }).filter((v) => !mapped(v));

function parse(text: string): Cidr {
    const r = parseCidr(text);
    if (!r.ok) throw new Error(`${text}: ${r.reason}`);
    return r.cidr;
}

/** Small networks whose addresses can be enumerated: IPv4 /22../32, IPv6 /118../128 under one /96. */
const smallV4 = fc
    .tuple(fc.bigInt({ min: 0n, max: 4095n }), fc.integer({ min: 22, max: 32 }))
    .map(([off, p]) => parse(`${v4text(0x0a000000n + off)}/${p}`));
const smallV6 = fc
    .tuple(fc.bigInt({ min: 0n, max: 4095n }), fc.integer({ min: 118, max: 128 }))
    .map(([off, p]) => parse(`${v6expanded((0xfd00n << 112n) + off)}/${p}`));

function addresses(c: Cidr): Set<bigint> {
    const out = new Set<bigint>();
    for (let a = refFirst(c.address, c.prefix, BITS[c.family]); out.size < 2 ** (BITS[c.family] - c.prefix); a++) out.add(a);
    return out;
}

describe("CIDR maths (property tests)", () => {
    it("IPv4: first/last/size match integer division for any address and prefix", () => {
        fc.assert(
            fc.property(v4, fc.integer({ min: 0, max: 32 }), (v, p) => {
                const c = parse(`${v4text(v)}/${p}`);
                const block = 2n ** BigInt(32 - p);
                assert.equal(c.first, refFirst(v, p, 32));
                assert.equal(c.last, refFirst(v, p, 32) + block - 1n);
                assert.equal(c.hostBitsSet, v % block !== 0n);
            }),
            { numRuns: RUNS },
        );
    });

    it("IPv6: every textual form parses to the same network as the reference", () => {
        fc.assert(
            fc.property(v6, fc.integer({ min: 0, max: 128 }), fc.boolean(), (v, p, upper) => {
                const expanded = v6expanded(v);
                const compressed = new URL(`http://[${expanded}]/`).hostname.slice(1, -1);
                for (const text of [expanded, compressed]) {
                    const c = parse(`${upper ? text.toUpperCase() : text}/${p}`);
                    assert.equal(c.first, refFirst(v, p, 128));
                    assert.equal(c.last, refFirst(v, p, 128) + 2n ** BigInt(128 - p) - 1n);
                }
            }),
            { numRuns: RUNS },
        );
    });

    it("IPv6: every IPv4-mapped value is refused in every textual form, with its IPv4 network as the fix", () => {
        const inMapped = fc.bigInt({ min: 0n, max: 2n ** 32n - 1n }).map((x) => (0xffffn << 32n) + x);
        fc.assert(
            fc.property(inMapped, fc.integer({ min: 96, max: 128 }), (v, p) => {
                const expanded = v6expanded(v);
                const compressed = new URL(`http://[${expanded}]/`).hostname.slice(1, -1);
                for (const text of [expanded, compressed, `::ffff:${v4text(v - (0xffffn << 32n))}`]) {
                    const r = parseCidr(`${text}/${p}`);
                    assert.ok(!r.ok, text);
                    assert.equal(r.suggestion, `${v4text(refFirst(v - (0xffffn << 32n), p - 96, 32))}/${p - 96}`);
                }
            }),
            { numRuns: RUNS },
        );
    });

    it("IPv6 formatting is RFC 5952 (as the WHATWG URL serializer writes it) and round-trips", () => {
        // Bias towards zero groups so compression is exercised.
        const groups = fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })), {
            minLength: 8,
            maxLength: 8,
        });
        fc.assert(
            fc.property(groups, (g) => {
                const value = g.reduce((acc, x) => (acc << 16n) + BigInt(x), 0n);
                fc.pre(!mapped(value));
                const text = formatIp(value, "IPv6");
                assert.equal(text, new URL(`http://[${v6expanded(value)}]/`).hostname.slice(1, -1));
                const back = parseIp(text);
                assert.ok(back.ok && back.value === value);
            }),
            { numRuns: RUNS },
        );
    });

    it("IPv4 syntax and values agree with ip-num on strings near the grammar", () => {
        const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom("01", "00", "", "a"));
        const text = fc
            .tuple(octet, octet, octet, octet, fc.integer({ min: 0, max: 40 }))
            .map(([a, b, c, d, p]) => `${a}.${b}.${c}.${d}/${p}`);
        fc.assert(
            fc.property(text, (t) => {
                const ours = parseCidr(t);
                const theirs = Validator.isValidIPv4CidrNotation(t)[0];
                assert.equal(ours.ok, theirs, t);
                if (ours.ok) {
                    const range = IPv4CidrRange.fromCidr(t);
                    assert.equal(ours.cidr.address, new IPv4(t.split("/")[0]).getValue());
                    assert.equal(ours.cidr.first, range.getFirst().getValue());
                    assert.equal(ours.cidr.last, range.getLast().getValue());
                }
            }),
            { numRuns: RUNS },
        );
    });

    for (const [name, gen] of [
        ["IPv4", smallV4],
        ["IPv6", smallV6],
    ] as const) {
        it(`${name}: overlaps and contains agree with address enumeration`, () => {
            fc.assert(
                fc.property(gen, gen, (a, b) => {
                    const sa = addresses(a);
                    const sb = addresses(b);
                    const shared = [...sa].some((x) => sb.has(x));
                    const inside = [...sb].every((x) => sa.has(x));
                    assert.equal(overlaps(a, b), shared);
                    assert.equal(contains(a, b), inside);
                }),
                { numRuns: RUNS },
            );
        });

        it(`${name}: NetworkIndex finds exactly the overlaps a nested loop finds`, () => {
            fc.assert(
                fc.property(fc.array(gen, { maxLength: 40 }), fc.array(gen, { maxLength: 10 }), (stored, queries) => {
                    const index = new NetworkIndex(stored.map((net, i) => ({ net, item: i })));
                    for (const q of queries) {
                        const qs = addresses(q);
                        const got = index
                            .overlapping(q)
                            .map((h) => h.item)
                            .sort((x, y) => x - y);
                        const want = stored
                            .map((s, i) => [s, i] as const)
                            .filter(([s]) => [...addresses(s)].some((x) => qs.has(x)))
                            .map(([, i]) => i);
                        assert.deepEqual(got, want);
                    }
                }),
                { numRuns: 200 },
            );
        });
    }

    it("NetworkIndex never mixes families", () => {
        fc.assert(
            fc.property(fc.array(fc.oneof(smallV4, smallV6), { maxLength: 30 }), fc.oneof(smallV4, smallV6), (stored, q) => {
                const index = new NetworkIndex(stored.map((net, i) => ({ net, item: i })));
                for (const h of index.overlapping(q)) assert.equal(h.net.family, q.family);
            }),
            { numRuns: 200 },
        );
    });

    it("podBlocksOf counts the /24 blocks a pod CIDR holds", () => {
        fc.assert(
            fc.property(fc.integer({ min: 8, max: 30 }), (p) => {
                const c = parse(`10.0.0.0/${p}`);
                // Reference: step through the range in /24 strides.
                let blocks = 0;
                if (p <= 24) for (let a = c.first; a + 255n <= c.last; a += 256n) blocks++;
                assert.equal(podBlocksOf(c), blocks);
            }),
            { numRuns: 100 },
        );
    });

    it("usableAddresses is the subnet size minus Azure's five reserved addresses", () => {
        fc.assert(
            fc.property(fc.integer({ min: 20, max: 32 }), (p) => {
                const c = parse(`10.1.0.0/${p}`);
                const all = [...addresses(c)];
                const reserved = new Set([...all.slice(0, 4), all[all.length - 1]]);
                assert.equal(usableAddresses(c), all.filter((a) => !reserved.has(a)).length);
            }),
            { numRuns: 60 },
        );
    });
});
