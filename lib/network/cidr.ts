/**
 * CIDR parsing and set maths, exact for IPv4 and IPv6.
 *
 * Parsing is strict (what the AKS API accepts): `address/prefix`, no surrounding white space, IPv4
 * octets 0-255 without leading zeros, prefixes 0-32 or 0-128 written without leading zeros. IPv6
 * may be written in any RFC 4291 form (compressed, expanded, upper case, embedded IPv4): it is the
 * parsed value that counts, never the text. Addresses are turned into numbers by ip-num; this module
 * adds the strict grammar, reasons a user can act on, host-bit detection and RFC 5952 formatting.
 *
 * IPv4-mapped IPv6 addresses (`::ffff:a.b.c.d`, inside ::ffff:0:0/96, in any textual form) are
 * refused, as addresses and as networks: Kubernetes reads them as IPv4 (k8s.io/utils/net `IsIPv4` is
 * `ip.To4() != nil`, and Go's `net.IP.To4` returns the IPv4 form of a mapped address), so one value
 * would be IPv6 to this package and Azure's field and IPv4 to the cluster. The suggestion is the IPv4
 * form; an IPv6 range has to lie outside ::ffff:0:0/96.
 *
 * Nothing here throws on bad input: parse functions return `{ ok: false, reason }`.
 */
import type * as IpNum from "ip-num";

/** ip-num, loaded on the first IPv6 address (IPv4 needs no parser beyond the grammar here). */
let ipNum: typeof IpNum | undefined;
function ipv6Value(text: string): bigint {
    ipNum ??= require("ip-num") as typeof IpNum;
    return new ipNum.IPv6(text).getValue();
}

export type Family = "IPv4" | "IPv6";

/** A parsed network. `first`/`last` are inclusive; `address` is what was written (host bits included). */
export interface Cidr {
    family: Family;
    /** The address as written, as a number. */
    address: bigint;
    prefix: number;
    first: bigint;
    last: bigint;
    /** True when the written address had bits set beyond the prefix (`10.0.0.1/16`). */
    hostBitsSet: boolean;
    /** `first/prefix` in canonical text (RFC 5952 for IPv6). */
    readonly canonical: string;
}

export type CidrParse = { ok: true; cidr: Cidr } | { ok: false; reason: string; suggestion?: string };
/** An address, or why not; `ipv4Mapped` holds the IPv4 value of a refused IPv4-mapped IPv6 address. */
export type IpParse = { ok: true; family: Family; value: bigint } | { ok: false; reason: string; suggestion?: string; ipv4Mapped?: bigint };

export const BITS: Record<Family, number> = { IPv4: 32, IPv6: 128 };

const IPV4_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEXTET_RE = /^[0-9a-fA-F]{1,4}$/;
const PREFIX_RE = /^(0|[1-9]\d{0,2})$/;

function describe(input: unknown): string {
    if (input === null) return "null";
    if (Array.isArray(input)) return "a list";
    return typeof input === "string" ? "a string" : `a ${typeof input}`;
}

/** Parse an IPv4 or IPv6 address (no prefix). */
export function parseIp(input: unknown): IpParse {
    if (typeof input !== "string") return { ok: false, reason: `expected an IP address string, got ${describe(input)}` };
    if (input.length === 0) return { ok: false, reason: "the value is empty" };
    if (input.trim() !== input) {
        return { ok: false, reason: "it has leading or trailing white space", suggestion: input.trim() };
    }
    if (input.includes(":")) return parseIpv6(input);
    if (/^[0-9.]+$/.test(input)) return parseIpv4(input);
    return { ok: false, reason: "it is neither an IPv4 nor an IPv6 address" };
}

function parseIpv4(text: string): IpParse {
    const m = IPV4_RE.exec(text);
    if (!m) return { ok: false, reason: "an IPv4 address has four dot-separated numbers" };
    for (let i = 1; i <= 4; i++) {
        const octet = m[i];
        if (octet.length > 1 && octet.startsWith("0")) {
            return { ok: false, reason: `octet "${octet}" has a leading zero`, suggestion: fixIpv4(m) };
        }
        if (Number(octet) > 255) return { ok: false, reason: `octet ${octet} is greater than 255` };
    }
    // The grammar above already split and bounded the octets, so the value is plain arithmetic
    // (ip-num's IPv4 parser agrees: test/network/property.test.ts; it costs ten times more here).
    const value = ((Number(m[1]) * 256 + Number(m[2])) * 256 + Number(m[3])) * 256 + Number(m[4]);
    return { ok: true, family: "IPv4", value: BigInt(value) };
}

function fixIpv4(m: RegExpExecArray): string | undefined {
    const octets = m.slice(1, 5).map(Number);
    return octets.every((o) => o <= 255) ? octets.join(".") : undefined;
}

function parseIpv6(text: string): IpParse {
    if (text.includes("%")) return { ok: false, reason: "a zone index (%) is not allowed in a network address" };
    let body = text;
    // An embedded IPv4 tail (::ffff:10.0.0.1) becomes two hextets.
    const lastColon = body.lastIndexOf(":");
    const tail = body.slice(lastColon + 1);
    if (tail.includes(".")) {
        const v4 = parseIpv4(tail);
        if (!v4.ok) return { ok: false, reason: `its embedded IPv4 part is invalid: ${v4.reason}` };
        body = `${body.slice(0, lastColon + 1)}${(v4.value >> 16n).toString(16)}:${(v4.value & 0xffffn).toString(16)}`;
    }
    const doubles = body.split("::").length - 1;
    if (doubles > 1) return { ok: false, reason: `"::" may appear only once` };
    const [head, rest] = doubles === 1 ? body.split("::") : [body, undefined];
    const headGroups = head === "" ? [] : head.split(":");
    const restGroups = rest === undefined || rest === "" ? [] : rest.split(":");
    for (const g of [...headGroups, ...restGroups]) {
        if (!HEXTET_RE.test(g)) {
            return {
                ok: false,
                reason:
                    g === "" ? 'it has an empty group (a single ":" where "::" was meant?)' : `group "${g}" is not 1-4 hexadecimal digits`,
            };
        }
    }
    const count = headGroups.length + restGroups.length;
    if (doubles === 0 && count !== 8) return { ok: false, reason: `it has ${count} groups; an IPv6 address has 8 (or "::" for zeros)` };
    if (doubles === 1 && count > 7) return { ok: false, reason: `it has ${count} groups beside "::"; at most 7 are allowed` };
    const zeros = new Array(8 - count).fill("0");
    const full = doubles === 1 ? [...headGroups, ...zeros, ...restGroups] : headGroups;
    const value = ipv6Value(full.join(":"));
    return isIpv4Mapped(value) ? mappedProblem(value & 0xffffffffn) : { ok: true, family: "IPv6", value };
}

/** True when an IPv6 value lies in ::ffff:0:0/96, the IPv4-mapped addresses. */
export function isIpv4Mapped(value: bigint): boolean {
    return value >> 32n === 0xffffn;
}

function mappedProblem(ipv4: bigint): IpParse {
    const text = formatIp(ipv4, "IPv4");
    return {
        ok: false,
        reason: `it is the IPv4-mapped IPv6 form of ${text} (inside ::ffff:0:0/96), which Kubernetes reads as IPv4; write the IPv4 value, or for IPv6 a range outside ::ffff:0:0/96 such as "fd12:3456:789a::/64"`,
        suggestion: text,
        ipv4Mapped: ipv4,
    };
}

/** Parse `address/prefix`. */
export function parseCidr(input: unknown): CidrParse {
    if (typeof input !== "string") return { ok: false, reason: `expected a CIDR string such as "10.0.0.0/16", got ${describe(input)}` };
    if (input.length === 0) return { ok: false, reason: "the value is empty" };
    if (input.trim() !== input) {
        const trimmed = parseCidr(input.trim());
        return {
            ok: false,
            reason: "it has leading or trailing white space",
            suggestion: trimmed.ok ? trimmed.cidr.canonical : input.trim(),
        };
    }
    const slash = input.indexOf("/");
    if (slash < 0) {
        const ip = parseIp(input);
        return {
            ok: false,
            reason: "it has no prefix length",
            suggestion: ip.ok ? `${formatIp(ip.value, ip.family)}/${ip.family === "IPv4" ? 16 : 64}` : undefined,
        };
    }
    const ip = parseIp(input.slice(0, slash));
    const prefixText = input.slice(slash + 1);
    if (!ip.ok && ip.ipv4Mapped !== undefined)
        return { ok: false, reason: ip.reason, suggestion: mappedSuggestion(ip.ipv4Mapped, prefixText) };
    if (!ip.ok) return { ok: false, reason: ip.reason, suggestion: ip.suggestion ? `${ip.suggestion}${input.slice(slash)}` : undefined };
    const bits = BITS[ip.family];
    if (!PREFIX_RE.test(prefixText)) {
        return { ok: false, reason: `prefix "${prefixText}" is not a whole number between 0 and ${bits}` };
    }
    const prefix = Number(prefixText);
    if (prefix > bits) return { ok: false, reason: `prefix /${prefix} is longer than ${bits} bits` };
    return { ok: true, cidr: makeCidr(ip.family, ip.value, prefix) };
}

/** The IPv4 network of an IPv4-mapped one (`::ffff:10.0.0.0/104` is 10.0.0.0/8), when its prefix is /96 or longer. */
function mappedSuggestion(ipv4: bigint, prefixText: string): string | undefined {
    const prefix = Number(prefixText);
    if (!PREFIX_RE.test(prefixText) || prefix < 96 || prefix > 128) return undefined;
    return makeCidr("IPv4", ipv4, prefix - 96).canonical;
}

/** Build a network from an address and a prefix. */
export function makeCidr(family: Family, address: bigint, prefix: number): Cidr {
    const hostBits = BigInt(BITS[family] - prefix);
    const hostMask = (1n << hostBits) - 1n;
    const first = address & ~hostMask;
    return new ParsedCidr(family, address, prefix, first, first | hostMask);
}

/** A network whose canonical text is only formatted when asked for (most never are). */
class ParsedCidr implements Cidr {
    private text: string | undefined;
    readonly hostBitsSet: boolean;
    constructor(
        readonly family: Family,
        readonly address: bigint,
        readonly prefix: number,
        readonly first: bigint,
        readonly last: bigint,
    ) {
        this.hostBitsSet = first !== address;
    }
    get canonical(): string {
        return (this.text ??= `${formatIp(this.first, this.family)}/${this.prefix}`);
    }
    toJSON(): string {
        return this.canonical;
    }
}

/** Format an address: dotted quad, or RFC 5952 (lower case, longest zero run compressed). */
export function formatIp(value: bigint, family: Family): string {
    if (family === "IPv4") {
        return [24n, 16n, 8n, 0n].map((s) => ((value >> s) & 0xffn).toString()).join(".");
    }
    const groups: number[] = [];
    for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
    let bestStart = -1;
    let bestLen = 0;
    for (let i = 0; i < 8;) {
        if (groups[i] !== 0) {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && groups[j] === 0) j++;
        if (j - i > bestLen) {
            bestStart = i;
            bestLen = j - i;
        }
        i = j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (bestLen < 2) return hex.join(":");
    return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLen).join(":")}`;
}

/** Number of addresses in a network. */
export function size(c: Pick<Cidr, "family" | "prefix">): bigint {
    return 1n << BigInt(BITS[c.family] - c.prefix);
}

/** True when the two networks share at least one address (same family only). */
export function overlaps(a: Pick<Cidr, "family" | "first" | "last">, b: Pick<Cidr, "family" | "first" | "last">): boolean {
    return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

/** True when `inner` lies entirely inside `outer` (same family only; a network contains itself). */
export function contains(outer: Pick<Cidr, "family" | "first" | "last">, inner: Pick<Cidr, "family" | "first" | "last">): boolean {
    return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}

/** True when the address lies in the network. */
export function containsIp(net: Pick<Cidr, "family" | "first" | "last">, family: Family, value: bigint): boolean {
    return net.family === family && net.first <= value && value <= net.last;
}

/** Parse a well-known constant; throws only on a programming error. */
export function cidrOf(text: string): Cidr {
    const r = parseCidr(text);
    if (!r.ok) throw new Error(`internal: bad constant CIDR ${text}: ${r.reason}`);
    return r.cidr;
}

/** The `index`-th aligned block of `prefix` inside `parent` (no enumeration of blocks). */
export function nthBlock(parent: Cidr, prefix: number, index: bigint): Cidr | undefined {
    if (prefix < parent.prefix || prefix > BITS[parent.family]) return undefined;
    const blockSize = size({ family: parent.family, prefix });
    const start = parent.first + blockSize * index;
    if (index < 0n || start + blockSize - 1n > parent.last) return undefined;
    return makeCidr(parent.family, start, prefix);
}

/** RFC 1918 and RFC 6598 space: where AKS supports pod and service CIDRs. */
export const PRIVATE_IPV4: readonly Cidr[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].map(cidrOf);

/** True when an IPv4 network lies entirely inside private space. */
export function isPrivateIpv4(c: Cidr): boolean {
    return c.family === "IPv4" && PRIVATE_IPV4.some((p) => contains(p, c));
}
