import * as assert from "node:assert/strict";
import { validateNetworkPlan } from "../../lib/network/validate";
import {
    contains,
    containsIp,
    formatIp,
    makeCidr,
    nthBlock,
    overlaps,
    parseCidr,
    parseIp,
    size,
    isPrivateIpv4,
    cidrOf,
} from "../../lib/network/cidr";

function ok(text: string) {
    const r = parseCidr(text);
    assert.ok(r.ok, `${text} should parse: ${!r.ok ? r.reason : ""}`);
    return r.cidr;
}
function bad(text: unknown): string {
    const r = parseCidr(text);
    assert.ok(!r.ok, `${JSON.stringify(text)} should not parse`);
    return r.reason;
}

describe("parseCidr", () => {
    it("parses IPv4 networks with their first and last addresses", () => {
        const c = ok("10.224.0.0/16");
        assert.equal(c.family, "IPv4");
        assert.equal(c.first, 0x0ae00000n);
        assert.equal(c.last, 0x0ae0ffffn);
        assert.equal(c.canonical, "10.224.0.0/16");
        assert.equal(c.hostBitsSet, false);
    });

    it("flags host bits and normalises them", () => {
        const c = ok("10.0.0.1/16");
        assert.equal(c.hostBitsSet, true);
        assert.equal(c.canonical, "10.0.0.0/16");
        assert.equal(c.address, 0x0a000001n);
    });

    it("reads every textual form of one IPv6 network as the same network", () => {
        const forms = [
            "fd12:3456:789a::/64",
            "FD12:3456:789A::/64",
            "fd12:3456:789a:0000:0000:0000:0000:0000/64",
            "fd12:3456:789a:0:0:0:0:0/64",
            "fd12:3456:789a:0::/64",
        ];
        const parsed = forms.map(ok);
        for (const c of parsed) {
            assert.equal(c.first, parsed[0].first);
            assert.equal(c.last, parsed[0].last);
            assert.equal(c.canonical, "fd12:3456:789a::/64");
        }
    });

    it("reads an embedded IPv4 tail", () => {
        assert.equal(ok("64:ff9b::10.0.0.0/120").canonical, "64:ff9b::a00:0/120");
    });

    describe("IPv4-mapped IPv6 (::ffff:0:0/96, which Kubernetes reads as IPv4)", () => {
        for (const text of ["::ffff:10.244.0.0/112", "::FFFF:AF4:0/112", "0:0:0:0:0:ffff:0af4:0000/112", "::ffff:10.244.0.1/112"]) {
            it(`rejects ${text} in every textual form, suggesting the IPv4 network`, () => {
                const r = parseCidr(text);
                assert.ok(!r.ok);
                assert.match(
                    r.reason,
                    /IPv4-mapped IPv6 form of 10\.244\.0\.[01] \(inside ::ffff:0:0\/96\), which Kubernetes reads as IPv4/,
                );
                assert.equal(r.suggestion, "10.244.0.0/16");
            });
        }
        it("suggests no IPv4 network for a prefix shorter than /96", () => {
            const r = parseCidr("::ffff:0:0/80");
            assert.ok(!r.ok && r.suggestion === undefined);
        });
        it("rejects a mapped address, suggesting the IPv4 one", () => {
            const r = parseIp("::ffff:10.0.0.10");
            assert.ok(!r.ok);
            assert.match(r.reason, /IPv4-mapped/);
            assert.equal(r.suggestion, "10.0.0.10");
        });
        it("is reported by R1 at the field's path, e.g. as a dual-stack cluster's IPv6 pod range", () => {
            const found = validateNetworkPlan({
                ipFamilies: ["IPv4", "IPv6"],
                podCidrs: ["10.244.0.0/16", "::ffff:10.245.0.0/112"],
                serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a:1::/108"],
            }).filter((d) => d.ruleId === "R1");
            assert.deepEqual(
                found.map((d) => d.path),
                ["podCidrs[1]"],
            );
            assert.match(found[0].message, /IPv4-mapped IPv6 form of 10\.245\.0\.0 .*; write it as "10\.245\.0\.0\/16"$/);
        });
        it("accepts the neighbours of the mapped range, and networks that merely contain it", () => {
            assert.equal(ok("::fffe:ffff:ffff/128").family, "IPv6");
            assert.equal(ok("::1:0:0:0/128").family, "IPv6");
            assert.equal(ok("::/64").family, "IPv6");
        });
    });

    it("accepts the boundaries /0, /32 and /128", () => {
        assert.equal(size(ok("0.0.0.0/0")), 1n << 32n);
        assert.equal(size(ok("10.0.0.1/32")), 1n);
        assert.equal(size(ok("::/0")), 1n << 128n);
        assert.equal(size(ok("fd00::1/128")), 1n);
    });

    const rejected: [unknown, RegExp][] = [
        ["", /empty/],
        [" 10.0.0.0/16", /white space/],
        ["10.0.0.0/16 ", /white space/],
        ["10.0.0.0", /no prefix/],
        ["10.0.0.0/33", /longer than 32/],
        ["fd00::/129", /longer than 128/],
        ["300.1.1.1/8", /greater than 255/],
        ["01.2.3.4/8", /leading zero/],
        ["10.0.0/8", /four dot-separated/],
        ["10.0.0.0/08", /not a whole number/],
        ["10.0.0.0/-1", /not a whole number/],
        ["10.0.0.0/", /not a whole number/],
        ["fd00::1::/64", /only once/],
        ["fd00:12345::/64", /1-4 hexadecimal/],
        ["1:2:3:4:5:6:7:8:9/64", /9 groups/],
        ["1:2:3:4:5:6:7/64", /7 groups/],
        ["fe80::1%eth0/64", /zone index/],
        ["hello/8", /neither/],
        [null, /got null/],
        [7, /got a number/],
        [["10.0.0.0/8"], /got a list/],
        [{}, /got a object|got an object/],
    ];
    for (const [input, reason] of rejected) {
        it(`rejects ${JSON.stringify(input)}`, () => {
            assert.match(bad(input), reason);
        });
    }

    it("suggests the trimmed form for white space", () => {
        const r = parseCidr(" 10.0.0.1/16");
        assert.ok(!r.ok);
        assert.equal(r.suggestion, "10.0.0.0/16");
    });
});

describe("parseIp", () => {
    it("parses both families", () => {
        assert.deepEqual(parseIp("10.0.0.10"), { ok: true, family: "IPv4", value: 0x0a00000an });
        const v6 = parseIp("fd00::a");
        assert.ok(v6.ok && v6.family === "IPv6" && v6.value === (0xfd00n << 112n) + 10n);
    });
    it("rejects prefixes and junk", () => {
        assert.equal(parseIp("10.0.0.10/32").ok, false);
        assert.equal(parseIp(undefined).ok, false);
    });
});

describe("formatIp", () => {
    const cases: [string, string][] = [
        ["0:0:0:0:0:0:0:0", "::"],
        ["0:0:0:0:0:0:0:1", "::1"],
        ["fd12:3456:789a:1:0:0:0:0", "fd12:3456:789a:1::"],
        ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
        ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
        ["2001:0:0:1:0:0:0:1", "2001:0:0:1::1"],
    ];
    for (const [input, expected] of cases) {
        it(`writes ${input} as ${expected} (RFC 5952)`, () => {
            const p = parseIp(input);
            assert.ok(p.ok);
            assert.equal(formatIp(p.value, "IPv6"), expected);
        });
    }
});

describe("relations", () => {
    const a = cidrOf("10.0.0.0/16");
    it("contains is inclusive and family-aware", () => {
        assert.ok(contains(a, cidrOf("10.0.1.0/24")));
        assert.ok(contains(a, a));
        assert.ok(!contains(cidrOf("10.0.1.0/24"), a));
        assert.ok(!contains(cidrOf("::/0"), a));
    });
    it("overlaps never crosses families", () => {
        assert.ok(overlaps(a, cidrOf("10.0.255.0/24")));
        assert.ok(!overlaps(a, cidrOf("10.1.0.0/16")));
        assert.ok(!overlaps(a, cidrOf("::/0")), "ip-num compares bare numbers; we must not");
    });
    it("containsIp checks the family", () => {
        assert.ok(containsIp(a, "IPv4", 0x0a000005n));
        assert.ok(!containsIp(a, "IPv6", 0x0a000005n));
    });
    it("isPrivateIpv4 covers RFC 1918 and RFC 6598 only", () => {
        assert.ok(isPrivateIpv4(cidrOf("100.64.0.0/10")));
        assert.ok(isPrivateIpv4(cidrOf("172.31.0.0/16")));
        assert.ok(!isPrivateIpv4(cidrOf("172.32.0.0/16")));
        assert.ok(!isPrivateIpv4(cidrOf("8.0.0.0/8")));
    });
});

describe("nthBlock", () => {
    it("computes the n-th aligned block without enumerating", () => {
        const parent = cidrOf("10.0.0.0/8");
        assert.equal(nthBlock(parent, 24, 0n)?.canonical, "10.0.0.0/24");
        assert.equal(nthBlock(parent, 24, 65535n)?.canonical, "10.255.255.0/24");
        assert.equal(nthBlock(parent, 24, 65536n), undefined);
        assert.equal(nthBlock(parent, 7, 0n), undefined);
        assert.equal(nthBlock(cidrOf("fd00::/8"), 64, 3n)?.canonical, "fd00:0:0:3::/64");
    });
    it("makeCidr masks the address", () => {
        assert.equal(makeCidr("IPv4", 0x0a0000ffn, 24).canonical, "10.0.0.0/24");
    });
});
