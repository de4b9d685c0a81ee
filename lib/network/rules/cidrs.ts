/**
 * Rules on single CIDRs and the DNS service address: canonical form (R3, R4, R67), service CIDR size
 * (R13, R14), DNS placement (R17-R21), private space (R35, R39), defaults (R22, R52), node subnet
 * families (R73), API server authorized ranges (R69) and the docker bridge (R70).
 */
import { Path } from "../../core/path";
import { at, join, t, Text } from "../../core/text";
import { Cidr, cidrOf, containsIp, formatIp, isPrivateIpv4, makeCidr, overlaps } from "../cidr";
import * as D from "../defaults";
import { CidrEntry } from "../model";
import { allRanges, parsed, rangesOf, RuleContext, subject } from "./context";
import { forEach, itemRule, rule, RuleStep } from "./entry";

type ParsedEntry = CidrEntry & { cidr: Cidr };

const RESERVED_V4 = [
    "0.0.0.0/8",
    "127.0.0.0/8",
    "169.254.0.0/16",
    "192.0.0.0/24",
    "192.0.2.0/24",
    "198.18.0.0/15",
    "198.51.100.0/24",
    "203.0.113.0/24",
    "224.0.0.0/4",
    "240.0.0.0/4",
].map(cidrOf);

/** The ranges the plan wrote (not AKS's defaults). */
function writtenRanges(ctx: RuleContext): CidrEntry[] {
    return allRanges(ctx.m).filter((e) => !e.defaulted);
}

/**
 * R3 / R4 / R81: host bits. AKS rejects an IPv4 service CIDR that is not a network address (CHANGELOG
 * 2019-04-15) and normalises its other ranges (D20); the VNet's address spaces and subnet prefixes go to
 * the Azure network resource provider, which refuses them (InvalidCIDRNotation, as reported by users;
 * not confirmed offline, so the safer error), and the components never send them rewritten.
 */
function hostBits(ctx: RuleContext): void {
    const { m, s } = ctx;
    const serviceSet = new Set(m.serviceCidrs);
    const ranges = rangesOf(m);
    const networkSet = new Set([...ranges.spaces, ...ranges.subnets]);
    // The API server's authorized ranges are sent too (in canonical form), so they are said too.
    for (const e of parsed([...writtenRanges(ctx), ...m.authorizedRanges])) {
        if (!e.cidr.hostBitsSet) continue;
        if (networkSet.has(e)) {
            s.error(
                "R81",
                e.path,
                t`${at(e.path)} ${JSON.stringify(e.raw)} has host bits set; Azure refuses a VNet address space or subnet prefix that is not a network address (InvalidCIDRNotation): write "${e.cidr.canonical}"`,
                "InvalidCIDRNotation",
            );
        } else if (serviceSet.has(e) && e.cidr.family === "IPv4") {
            s.error(
                "R3",
                e.path,
                t`${at(e.path)} ${JSON.stringify(e.raw)} has host bits set; AKS rejects a service CIDR that is not a network address: write "${e.cidr.canonical}"`,
            );
        } else {
            s.warn(
                "R4",
                e.path,
                t`${at(e.path)} ${JSON.stringify(e.raw)} has host bits set and is read as "${e.cidr.canonical}"; write "${e.cidr.canonical}" so the plan says what AKS uses`,
            );
        }
    }
}

/** R67: IPv6 written in another form is the same network; say which form the plan uses. */
function ipv6TextualForm(ctx: RuleContext): void {
    for (const e of parsed(writtenRanges(ctx))) {
        if (e.cidr.family === "IPv6" && !e.cidr.hostBitsSet && e.raw !== e.cidr.canonical) {
            ctx.s.info(
                "R67",
                e.path,
                t`${at(e.path)} ${JSON.stringify(e.raw)} is the network "${e.cidr.canonical}"; overlap and size checks use the parsed value, whatever the text`,
            );
        }
    }
}

/** R13: an IPv4 service CIDR is smaller than /12. */
function ipv4ServiceSize(ctx: RuleContext, e: ParsedEntry): void {
    if (e.cidr.family === "IPv4" && e.cidr.prefix <= D.SERVICE_PREFIX_MIN_EXCLUSIVE_V4) {
        ctx.s.error(
            "R13",
            e.path,
            t`${e.label} is /${e.cidr.prefix}; an IPv4 service CIDR must be smaller than /12 (a prefix of /13 or longer): use e.g. "${e.cidr.canonical.split("/")[0]}/16"`,
        );
    }
}

/** R14: an IPv6 service CIDR is no larger than /108. */
function ipv6ServiceSize(ctx: RuleContext, e: ParsedEntry): void {
    if (e.cidr.family === "IPv6" && e.cidr.prefix < D.SERVICE_PREFIX_MIN_V6) {
        ctx.s.error(
            "R14",
            e.path,
            t`${e.label} is /${e.cidr.prefix}; an IPv6 service CIDR can be no larger than /108: use e.g. "${e.cidr.canonical.split("/")[0]}/108"`,
        );
    }
}

/** R35: an IPv4 service CIDR outside private space. */
function privateServiceRange(ctx: RuleContext, e: ParsedEntry): void {
    if (e.cidr.family === "IPv4" && !isPrivateIpv4(e.cidr)) {
        const fix = ctx.suggest("service", e.cidr);
        ctx.s.warn(
            "R35",
            e.path,
            t`${e.label} is not private (RFC 1918) address space; AKS supports private service ranges only${fix ? `: use e.g. "${fix}"` : ""}`,
        );
    }
}

/** R39: IPv4 pod CIDR outside RFC 1918 / RFC 6598. */
function privatePodRange(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.ipam !== "overlay" && m.ipam !== "kubenet" && m.ipam !== "none") return;
    for (const e of parsed(m.podCidrs)) {
        if (e.cidr.family === "IPv4" && !isPrivateIpv4(e.cidr)) {
            s.warn(
                "R39",
                e.path,
                t`${e.label} is outside RFC 1918 and RFC 6598 space; Azure doesn't block public pod ranges but they are outside Microsoft's support: use a range in 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10`,
            );
        }
    }
}

/** R21: service CIDRs and the DNS service address are set together. */
function dnsWithServiceCidrs(ctx: RuleContext): void {
    const { m, s } = ctx;
    if (m.serviceCidrsExplicit && !m.dns.explicit) {
        const v4 = parsed(m.serviceCidrs).find((e) => e.cidr.family === "IPv4");
        const fix = v4 ? `"${formatIp(v4.cidr.first + 10n, "IPv4")}"` : "an address inside the IPv4 service CIDR";
        s.error(
            "R21",
            m.dns.path,
            t`${at(m.dns.path)} is omitted while ${at("serviceCidrs")} is set; AKS would use its default 10.0.0.10, which must lie in the service range: set ${at(m.dns.path)} as well, e.g. ${fix}`,
        );
    } else if (m.dns.explicit && !m.serviceCidrsExplicit) {
        s.error(
            "R21",
            ["serviceCidrs"],
            t`${at("serviceCidrs")} is omitted while ${at(m.dns.path)} ${JSON.stringify(m.dns.raw)} is set; set both or neither, e.g. ${at("serviceCidrs")} ["10.0.0.0/16"] with ${at(m.dns.path)} "10.0.0.10"`,
        );
    }
}

/** Where the DNS service address sits in the IPv4 service CIDR, with the words R17-R20 use. */
interface DnsPlacement {
    spot: "outside" | "network" | "broadcast" | "kubernetes" | "other";
    ip: bigint;
    net: Cidr;
    v4: ParsedEntry;
    label: Text;
    tenth: string | null;
    fix: string;
}

/** The DNS address's place, or undefined when R17-R20 don't apply (R21 fired for an omitted address, or nothing to compare). */
function dnsPlacement(ctx: RuleContext): DnsPlacement | undefined {
    const { m } = ctx;
    if (m.serviceCidrsExplicit && !m.dns.explicit) return undefined;
    if (m.dns.value === null) return undefined;
    const v4 = parsed(m.serviceCidrs).find((e) => e.cidr.family === "IPv4");
    if (!v4) return undefined;
    const ip = m.dns.value;
    const net = v4.cidr;
    const tenth = net.first + 10n <= net.last ? formatIp(net.first + 10n, "IPv4") : null;
    const fix = tenth ? `use "${tenth}"` : `use an address between the second usable and the last-but-one address of ${net.canonical}`;
    const spot = !containsIp(net, "IPv4", ip)
        ? "outside"
        : ip === net.first
          ? "network"
          : ip === net.last
            ? "broadcast"
            : ip === net.first + 1n
              ? "kubernetes"
              : "other";
    return { spot, ip, net, v4, label: t`${at(m.dns.path)} "${m.dns.text}"`, tenth, fix };
}

/** R17: the DNS service address lies inside the IPv4 service CIDR. */
function dnsInsideServiceCidr(ctx: RuleContext): void {
    const place = dnsPlacement(ctx);
    if (place?.spot !== "outside") return;
    ctx.s.error(
        "R17",
        ctx.m.dns.path,
        t`${place.label} is outside the IPv4 service CIDR ${place.v4.label}; it must lie inside it: ${place.fix}`,
    );
}

/** R18: the DNS service address is not the network or broadcast address. */
function dnsNotNetworkOrBroadcast(ctx: RuleContext): void {
    const place = dnsPlacement(ctx);
    if (place?.spot !== "network" && place?.spot !== "broadcast") return;
    ctx.s.error(
        "R18",
        ctx.m.dns.path,
        t`${place.label} is the ${place.spot === "network" ? "network" : "broadcast (last)"} address of ${place.net.canonical}; AKS rejects it: ${place.fix}`,
    );
}

/** R19: the first usable address belongs to the kubernetes API Service. */
function dnsNotFirstUsable(ctx: RuleContext): void {
    const place = dnsPlacement(ctx);
    if (place?.spot !== "kubernetes") return;
    ctx.s.error(
        "R19",
        ctx.m.dns.path,
        t`${place.label} is the first usable address of ${place.net.canonical}, which Kubernetes gives to the kubernetes.default Service: ${place.fix}`,
    );
}

/** R20: .10 is only a recommendation. */
function dnsTenthAddress(ctx: RuleContext): void {
    const place = dnsPlacement(ctx);
    if (place?.spot !== "other" || place.tenth === null || place.ip === place.net.first + 10n) return;
    ctx.s.info("R20", ctx.m.dns.path, t`${place.label} is valid; AKS recommends the .10 address of the service range ("${place.tenth}")`);
}

/** The defaults the plan relies on, each as `path value`, or undefined when it sets everything. */
function defaultsInUse(ctx: RuleContext): { path: Path; list: Text } | undefined {
    const { m } = ctx;
    const used: { path: Path; text: Text }[] = [];
    const use = (path: Path, value: string) => used.push({ path, text: t`${at(path)} ${value}` });
    if (!m.podCidrsExplicit && m.podCidrs.length > 0) use(["podCidrs"], JSON.stringify(m.podCidrs.map((e) => e.raw)));
    if (!m.serviceCidrsExplicit) use(["serviceCidrs"], JSON.stringify(m.serviceCidrs.map((e) => e.raw)));
    if (!m.dns.explicit) use(m.dns.path, `"${D.DEFAULT_DNS_SERVICE_IP}"`);
    if (used.length === 0) return undefined;
    return {
        path: used[0].path,
        list: join(
            used.map((u) => u.text),
            ", ",
        ),
    };
}

/** R22: single-stack defaults in use. */
function singleStackDefaults(ctx: RuleContext): void {
    const used = ctx.m.dualStack ? undefined : defaultsInUse(ctx);
    if (used) ctx.s.info("R22", used.path, t`defaults in use: ${used.list}`);
}

/** R52: dual-stack defaults in use. */
function dualStackDefaults(ctx: RuleContext): void {
    const used = ctx.m.dualStack ? defaultsInUse(ctx) : undefined;
    if (used) {
        ctx.s.info(
            "R52",
            used.path,
            t`dual-stack defaults in use: ${used.list}; AKS may pick random IPv6 ULA ranges instead of the documented ones (so assumed IPv6 defaults are not checked for overlaps): set ${at("podCidrs")} and ${at("serviceCidrs")} explicitly to keep the plan exact`,
        );
    }
}

/** R73: node subnets have an IPv4 prefix; an IPv6 prefix is a /64. */
function subnetFamilies(ctx: RuleContext): void {
    const { m, s } = ctx;
    for (const sn of m.subnets) {
        if (sn.cidr.cidr && sn.cidr.cidr.family !== "IPv4") {
            s.error(
                "R73",
                sn.cidr.path,
                t`${subject(sn.cidr)} is IPv6; a subnet's cidr is its IPv4 prefix (nodes always get an IPv4 address): move it to ${at(sn.path, "ipv6Cidr")} and give an IPv4 cidr`,
            );
        }
        const v6 = sn.ipv6?.cidr;
        if (sn.ipv6 && v6 && v6.family !== "IPv6") {
            s.error("R73", sn.ipv6.path, t`${subject(sn.ipv6)} is IPv4; ipv6Cidr takes the subnet's IPv6 prefix, e.g. "fd00:10:0:1::/64"`);
        } else if (sn.ipv6 && v6 && v6.prefix !== 64) {
            s.error(
                "R73",
                sn.ipv6.path,
                t`${subject(sn.ipv6)} is /${v6.prefix}; Azure IPv6 subnets must be exactly /64: use "${makeCidr("IPv6", v6.address, 64).canonical}"`,
            );
        }
    }
}

/** R69: API server authorized IP ranges are public IPv4, and 0.0.0.0/32 stands alone. */
function authorizedRanges(ctx: RuleContext): void {
    const { m, s } = ctx;
    const entries = parsed(m.authorizedRanges);
    const allowAll = entries.find((e) => e.cidr.family === "IPv4" && e.cidr.prefix === 32 && e.cidr.first === 0n);
    for (const e of entries) {
        const c: Cidr = e.cidr;
        if (c.family !== "IPv4") {
            s.error("R69", e.path, t`${e.label} is IPv6; API server authorized IP ranges are IPv4 only`);
        } else if (e === allowAll) {
            if (entries.length > 1)
                s.error("R69", e.path, t`${e.label} (no public access) can't be combined with other ranges: remove it or the others`);
        } else if (isPrivateIpv4(c) || RESERVED_V4.some((r) => overlaps(r, c))) {
            s.error(
                "R69",
                e.path,
                t`${e.label} is private or reserved address space; authorized ranges must be public IPv4 ranges the API server sees callers from: give your egress public IPs`,
            );
        }
    }
}

/** R70: dockerBridgeCidr is deprecated; overlaps with service CIDRs and subnets are warned. */
function dockerBridge(ctx: RuleContext): void {
    const { m, s } = ctx;
    const e = m.dockerBridge;
    if (!e) return;
    s.info("R70", e.path, t`${at(e.path)} is deprecated and ignored by AKS (containerd nodes have no docker bridge); remove it`);
    if (!e.cidr) return;
    const clashes = [
        ...parsed(m.serviceCidrs),
        ...m.subnets.map((x) => x.cidr).filter((x): x is CidrEntry & { cidr: Cidr } => x.cidr !== null),
    ].filter((o) => overlaps(o.cidr, e.cidr as Cidr));
    for (const o of clashes) {
        s.warn(
            "R70",
            e.path,
            t`${e.label} overlaps ${o.label}; on nodes that still run a docker bridge this range becomes unreachable: remove ${at(e.path)} or pick a free range`,
        );
    }
}

/** The checks of single CIDRs and the DNS service address, in run order. */
export const cidrEntries: readonly RuleStep[] = [
    rule(["R3", "R4", "R81"], hostBits),
    rule(["R67"], ipv6TextualForm),
    forEach("service CIDRs", (ctx) => parsed(ctx.m.serviceCidrs), [
        itemRule(["R13"], ipv4ServiceSize),
        itemRule(["R14"], ipv6ServiceSize),
        itemRule(["R35"], privateServiceRange),
    ]),
    rule(["R39"], privatePodRange),
    rule(["R21"], dnsWithServiceCidrs),
    rule(["R17"], dnsInsideServiceCidr),
    rule(["R18"], dnsNotNetworkOrBroadcast),
    rule(["R19"], dnsNotFirstUsable),
    rule(["R20"], dnsTenthAddress),
    rule(["R22"], singleStackDefaults),
    rule(["R52"], dualStackDefaults),
    rule(["R73"], subnetFamilies),
    rule(["R69"], authorizedRanges),
    rule(["R70"], dockerBridge),
];
