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
import { allRanges, parsed, RuleContext, subject } from "./context";

const RESERVED_V4 = ["0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "192.0.0.0/24", "192.0.2.0/24", "198.18.0.0/15",
    "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4"].map(cidrOf);

/** The ranges the plan wrote (not AKS's defaults). */
function writtenRanges(ctx: RuleContext): CidrEntry[] {
    return allRanges(ctx.m).filter((e) => !e.defaulted);
}

export function cidrRules(ctx: RuleContext): void {
    const { m, s } = ctx;

    // R3 / R4: host bits. Only an IPv4 service CIDR is rejected (CHANGELOG 2019-04-15); the rest is normalised (D20).
    const serviceSet = new Set(m.serviceCidrs);
    for (const e of parsed(writtenRanges(ctx))) {
        if (!e.cidr.hostBitsSet) continue;
        if (serviceSet.has(e) && e.cidr.family === "IPv4") {
            s.error("R3", e.path, t`${at(e.path)} ${JSON.stringify(e.raw)} has host bits set; AKS rejects a service CIDR that is not a network address: write "${e.cidr.canonical}"`);
        } else {
            s.warn("R4", e.path, t`${at(e.path)} ${JSON.stringify(e.raw)} has host bits set and is read as "${e.cidr.canonical}"; write "${e.cidr.canonical}" so the plan says what AKS uses`);
        }
    }
    // R67: IPv6 written in another form is the same network; say which form the plan uses.
    for (const e of parsed(writtenRanges(ctx))) {
        if (e.cidr.family === "IPv6" && !e.cidr.hostBitsSet && e.raw !== e.cidr.canonical) {
            s.info("R67", e.path, t`${at(e.path)} ${JSON.stringify(e.raw)} is the network "${e.cidr.canonical}"; overlap and size checks use the parsed value, whatever the text`);
        }
    }

    // R13 / R14: service CIDR sizes.
    for (const e of parsed(m.serviceCidrs)) {
        if (e.cidr.family === "IPv4" && e.cidr.prefix <= D.SERVICE_PREFIX_MIN_EXCLUSIVE_V4) {
            s.error("R13", e.path, t`${e.label} is /${e.cidr.prefix}; an IPv4 service CIDR must be smaller than /12 (a prefix of /13 or longer): use e.g. "${e.cidr.canonical.split("/")[0]}/16"`);
        }
        if (e.cidr.family === "IPv6" && e.cidr.prefix < D.SERVICE_PREFIX_MIN_V6) {
            s.error("R14", e.path, t`${e.label} is /${e.cidr.prefix}; an IPv6 service CIDR can be no larger than /108: use e.g. "${e.cidr.canonical.split("/")[0]}/108"`);
        }
        // R35: outside private space.
        if (e.cidr.family === "IPv4" && !isPrivateIpv4(e.cidr)) {
            const fix = ctx.suggest("service", e.cidr);
            s.warn("R35", e.path, t`${e.label} is not private (RFC 1918) address space; AKS supports private service ranges only${fix ? `: use e.g. "${fix}"` : ""}`);
        }
    }

    // R39: IPv4 pod CIDR outside RFC 1918 / RFC 6598.
    if (m.ipam === "overlay" || m.ipam === "kubenet" || m.ipam === "none") {
        for (const e of parsed(m.podCidrs)) {
            if (e.cidr.family === "IPv4" && !isPrivateIpv4(e.cidr)) {
                s.warn("R39", e.path, t`${e.label} is outside RFC 1918 and RFC 6598 space; Azure doesn't block public pod ranges but they are outside Microsoft's support: use a range in 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10`);
            }
        }
    }

    dnsRules(ctx);
    defaultsInfo(ctx);
    subnetFamilies(ctx);
    authorizedRanges(ctx);
    dockerBridge(ctx);
}

function dnsRules(ctx: RuleContext): void {
    const { m, s } = ctx;
    // R21: service CIDRs and DNS IP go together.
    if (m.serviceCidrsExplicit && !m.dns.explicit) {
        const v4 = parsed(m.serviceCidrs).find((e) => e.cidr.family === "IPv4");
        const fix = v4 ? `"${formatIp(v4.cidr.first + 10n, "IPv4")}"` : "an address inside the IPv4 service CIDR";
        s.error("R21", m.dns.path, t`${at(m.dns.path)} is omitted while ${at("serviceCidrs")} is set; AKS would use its default 10.0.0.10, which must lie in the service range: set ${at(m.dns.path)} as well, e.g. ${fix}`);
        return;
    }
    if (m.dns.explicit && !m.serviceCidrsExplicit) {
        s.error("R21", ["serviceCidrs"], t`${at("serviceCidrs")} is omitted while ${at(m.dns.path)} ${JSON.stringify(m.dns.raw)} is set; set both or neither, e.g. ${at("serviceCidrs")} ["10.0.0.0/16"] with ${at(m.dns.path)} "10.0.0.10"`);
    }
    if (m.dns.value === null) return;
    const v4 = parsed(m.serviceCidrs).find((e) => e.cidr.family === "IPv4");
    if (!v4) return;
    const ip = m.dns.value;
    const net = v4.cidr;
    const dnsLabel = t`${at(m.dns.path)} "${m.dns.text}"`;
    const tenth = net.first + 10n <= net.last ? formatIp(net.first + 10n, "IPv4") : null;
    const fix = tenth ? `use "${tenth}"` : `use an address between the second usable and the last-but-one address of ${net.canonical}`;
    // R17: inside the IPv4 service CIDR.
    if (!containsIp(net, "IPv4", ip)) {
        s.error("R17", m.dns.path, t`${dnsLabel} is outside the IPv4 service CIDR ${v4.label}; it must lie inside it: ${fix}`);
        return;
    }
    // R18: not the network or broadcast address.
    if (ip === net.first || ip === net.last) {
        s.error("R18", m.dns.path, t`${dnsLabel} is the ${ip === net.first ? "network" : "broadcast (last)"} address of ${net.canonical}; AKS rejects it: ${fix}`);
        return;
    }
    // R19: the first usable address belongs to the kubernetes API Service.
    if (ip === net.first + 1n) {
        s.error("R19", m.dns.path, t`${dnsLabel} is the first usable address of ${net.canonical}, which Kubernetes gives to the kubernetes.default Service: ${fix}`);
        return;
    }
    // R20: .10 is only a recommendation.
    if (tenth !== null && ip !== net.first + 10n) {
        s.info("R20", m.dns.path, t`${dnsLabel} is valid; AKS recommends the .10 address of the service range ("${tenth}")`);
    }
}

function defaultsInfo(ctx: RuleContext): void {
    const { m, s } = ctx;
    const used: { path: Path; text: Text }[] = [];
    const use = (path: Path, value: string) => used.push({ path, text: t`${at(path)} ${value}` });
    if (!m.podCidrsExplicit && m.podCidrs.length > 0) use(["podCidrs"], JSON.stringify(m.podCidrs.map((e) => e.raw)));
    if (!m.serviceCidrsExplicit) use(["serviceCidrs"], JSON.stringify(m.serviceCidrs.map((e) => e.raw)));
    if (!m.dns.explicit) use(m.dns.path, `"${D.DEFAULT_DNS_SERVICE_IP}"`);
    if (used.length === 0) return;
    const list = join(used.map((u) => u.text), ", ");
    if (m.dualStack) {
        // R52
        s.info("R52", used[0].path, t`dual-stack defaults in use: ${list}; AKS may pick random IPv6 ULA ranges instead of the documented ones (so assumed IPv6 defaults are not checked for overlaps): set ${at("podCidrs")} and ${at("serviceCidrs")} explicitly to keep the plan exact`);
    } else {
        // R22
        s.info("R22", used[0].path, t`defaults in use: ${list}`);
    }
}

function subnetFamilies(ctx: RuleContext): void {
    const { m, s } = ctx;
    // R73: node subnets have an IPv4 prefix; an IPv6 prefix is a /64.
    for (const sn of m.subnets) {
        if (sn.cidr.cidr && sn.cidr.cidr.family !== "IPv4") {
            s.error("R73", sn.cidr.path, t`${subject(sn.cidr)} is IPv6; a subnet's cidr is its IPv4 prefix (nodes always get an IPv4 address): move it to ${at(sn.path, "ipv6Cidr")} and give an IPv4 cidr`);
        }
        const v6 = sn.ipv6?.cidr;
        if (sn.ipv6 && v6 && v6.family !== "IPv6") {
            s.error("R73", sn.ipv6.path, t`${subject(sn.ipv6)} is IPv4; ipv6Cidr takes the subnet's IPv6 prefix, e.g. "fd00:10:0:1::/64"`);
        } else if (sn.ipv6 && v6 && v6.prefix !== 64) {
            s.error("R73", sn.ipv6.path, t`${subject(sn.ipv6)} is /${v6.prefix}; Azure IPv6 subnets must be exactly /64: use "${makeCidr("IPv6", v6.address, 64).canonical}"`);
        }
    }
}

function authorizedRanges(ctx: RuleContext): void {
    const { m, s } = ctx;
    const entries = parsed(m.authorizedRanges);
    const allowAll = entries.find((e) => e.cidr.family === "IPv4" && e.cidr.prefix === 32 && e.cidr.first === 0n);
    for (const e of entries) {
        const c: Cidr = e.cidr;
        if (c.family !== "IPv4") {
            s.error("R69", e.path, t`${e.label} is IPv6; API server authorized IP ranges are IPv4 only`);
        } else if (e === allowAll) {
            if (entries.length > 1) s.error("R69", e.path, t`${e.label} (no public access) can't be combined with other ranges: remove it or the others`);
        } else if (isPrivateIpv4(c) || RESERVED_V4.some((r) => overlaps(r, c))) {
            s.error("R69", e.path, t`${e.label} is private or reserved address space; authorized ranges must be public IPv4 ranges the API server sees callers from: give your egress public IPs`);
        }
    }
}

function dockerBridge(ctx: RuleContext): void {
    const { m, s } = ctx;
    const e = m.dockerBridge;
    if (!e) return;
    s.info("R70", e.path, t`${at(e.path)} is deprecated and ignored by AKS (containerd nodes have no docker bridge); remove it`);
    if (!e.cidr) return;
    const clashes = [...parsed(m.serviceCidrs), ...m.subnets.map((x) => x.cidr).filter((x): x is CidrEntry & { cidr: Cidr } => x.cidr !== null)]
        .filter((o) => overlaps(o.cidr, e.cidr as Cidr));
    for (const o of clashes) {
        s.warn("R70", e.path, t`${e.label} overlaps ${o.label}; on nodes that still run a docker bridge this range becomes unreachable: remove ${at(e.path)} or pick a free range`);
    }
}
