/**
 * `describeNetworkPlan`: the effective plan (every default explicit, every CIDR canonical) and its
 * capacity table, plus text and markdown renderings. The report is plain JSON with no secrets, so it
 * can be a stack output, a PR comment or a CLI result.
 */
import { formatDiagnostic } from "../core/diagnostic";
import { formatPath } from "../core/path";
import { Capacity, computeCapacity, poolSubnet } from "./capacity";
import { Cidr, Family, formatIp, parseCidr, size } from "./cidr";
import * as D from "./defaults";
import { CidrEntry, Model, readModel } from "./model";
import { Sink } from "../core/diagnostic";
import { CapacityReport, Diagnostic, EffectiveNetworkPlan, FamilyCapacity, IpFamily, NetworkPlan, NetworkPlanReport } from "./types";
import { runRules } from "./validate";

const DEFAULT_CIDRS: Record<"pod" | "service", Record<Family, string>> = {
    pod: { IPv4: D.DEFAULT_POD_CIDR_V4, IPv6: D.DEFAULT_POD_CIDR_V6 },
    service: { IPv4: D.DEFAULT_SERVICE_CIDR_V4, IPv6: D.DEFAULT_SERVICE_CIDR_V6 },
};

function firstOfFamily(entries: CidrEntry[], family: Family): Cidr | null {
    return entries.find((e) => e.cidr?.family === family)?.cidr ?? null;
}

function perFamily(entries: CidrEntry[], families: IpFamily[], kind: "pod" | "service"): string[] {
    return families.map(
        (f) => firstOfFamily(entries, f)?.canonical ?? (parseCidr(DEFAULT_CIDRS[kind][f]) as { cidr: Cidr }).cidr.canonical,
    );
}

function canonicalList(entries: CidrEntry[]): string[] {
    return entries.flatMap((e) => (e.cidr ? [e.cidr.canonical] : []));
}

/** The effective plan of a read model. */
export function effectivePlan(m: Model): EffectiveNetworkPlan {
    const usesPodCidr = m.ipam === "overlay" || m.ipam === "kubenet" || m.ipam === "none";
    const wp = m.windowsProfile;
    return {
        networkPlugin: m.plugin,
        networkPluginMode: m.pluginMode,
        ipamMode: m.ipam,
        networkDataplane: m.dataplane,
        networkPolicy: m.policyEffective,
        networkPolicyExplicit: m.policy !== undefined,
        ipFamilies: [...m.families],
        podCidrs: usesPodCidr ? perFamily(m.podCidrs, m.families, "pod") : [],
        serviceCidrs: perFamily(m.serviceCidrs, m.families, "service"),
        dnsServiceIP: m.dns.value !== null ? formatIp(m.dns.value, "IPv4") : D.DEFAULT_DNS_SERVICE_IP,
        byoVnet: m.byoVnet,
        vnetAddressSpaces: canonicalList(m.vnetSpaces),
        nodeSubnets: m.subnets.flatMap((s) =>
            s.name !== null && s.cidr.cidr
                ? [{ name: s.name, cidr: s.cidr.cidr.canonical, ipv6Cidr: s.ipv6?.cidr?.canonical ?? null }]
                : [],
        ),
        connectedNetworks: m.connected.flatMap((c) =>
            c.entry.cidr ? [{ name: c.name ?? c.entry.cidr.canonical, cidr: c.entry.cidr.canonical, kind: c.kind }] : [],
        ),
        kubernetesVersion: m.version.text,
        outboundType: m.outboundType,
        nodePools: m.pools.map((p) => ({
            name: p.name ?? formatPath(p.path),
            path: formatPath(p.path),
            osType: p.osType,
            mode: p.mode,
            count: p.count,
            minCount: p.maxCount !== null ? (p.minCount ?? p.count) : null,
            maxCount: p.maxCount,
            nodes: p.nodes,
            surge: p.surge,
            maxPods: p.maxPods,
            maxPodsDefaulted: !p.maxPodsExplicit,
            vmSize: p.vmSize,
            subnet: poolSubnet(m, p),
            podSubnet: p.podSubnet,
            osSku: p.osSku,
        })),
        windowsProfile: wp
            ? {
                  adminUsername: typeof wp.adminUsername === "string" ? wp.adminUsername : null,
                  hasPassword: wp.adminPassword !== undefined && wp.adminPassword !== null,
              }
            : null,
        apiServerAuthorizedIpRanges: canonicalList(m.authorizedRanges),
    };
}

/** ClusterIPs the allocator can hand out: IPv4 skips network and broadcast, IPv6 the network address. */
function serviceIps(c: Cidr | null): string {
    if (!c) return "0";
    const n = size(c) - (c.family === "IPv4" ? 2n : 1n);
    return (n > 0n ? n : 0n).toString();
}

function capacityReport(m: Model, cap: Capacity, eff: EffectiveNetworkPlan): CapacityReport {
    const families: FamilyCapacity[] = eff.ipFamilies.map((family, i) => {
        const pod = eff.podCidrs[i] ?? null;
        const svc = eff.serviceCidrs[i] ?? null;
        const svcCidr = svc ? (parseCidr(svc) as { ok: true; cidr: Cidr }).cidr : null;
        return {
            family,
            podCidr: pod,
            podCidrNodeCapacity: family === "IPv4" ? cap.podBlocks : null,
            serviceCidr: svc,
            serviceIps: serviceIps(svcCidr),
        };
    });
    return {
        nodes: { count: cap.totalCount, max: cap.totalNodes, withSurge: cap.totalWithSurge, limit: cap.nodeLimit },
        families,
        subnets: cap.subnetUses.map((u) => ({
            name: u.subnet.name ?? formatPath(u.subnet.path),
            cidr: u.subnet.cidr.cidr?.canonical ?? "",
            role: u.role,
            usable: u.usable,
            needed: u.needed,
            neededWithSurge: u.neededWithSurge,
            headroom: u.usable - u.neededWithSurge,
            pools: u.pools.map((p) => p.name ?? formatPath(p.path)),
        })),
        podCidrHeadroom: cap.podBlocks === null ? null : cap.podBlocks - cap.totalWithSurge,
    };
}

/**
 * Describe a plan: the effective plan with every default explicit, the capacity table and every
 * diagnostic. Never throws. `effective.podCidrs[0]` / `serviceCidrs[0]` are the values to hand to
 * azure-native's `podCidr` / `serviceCidr`, so the SDK never injects defaults of its own beside them.
 */
export function describeNetworkPlan(plan: NetworkPlan): NetworkPlanReport {
    const { model, diagnostics } = runRules(plan);
    const m = model ?? readModel({}, new Sink());
    const eff = effectivePlan(m);
    return {
        verdict: verdictOf(diagnostics),
        effective: eff,
        capacity: capacityReport(m, computeCapacity(m), eff),
        diagnostics,
    };
}

/** `reject` if any error, `warn` if any warning, else `accept`. */
export function verdictOf(diagnostics: readonly Diagnostic[]): NetworkPlanReport["verdict"] {
    if (diagnostics.some((d) => d.severity === "error")) return "reject";
    if (diagnostics.some((d) => d.severity === "warning")) return "warn";
    return "accept";
}

// ---------------------------------------------------------------------------------------------
// Renderings

const MODE_NAMES: Record<EffectiveNetworkPlan["ipamMode"], string> = {
    overlay: "Azure CNI Overlay",
    podSubnet: "Azure CNI pod subnet",
    nodeSubnet: "Azure CNI node subnet (legacy)",
    kubenet: "kubenet",
    none: "bring-your-own CNI",
};

function summaryLine(r: NetworkPlanReport): string {
    const e = r.effective;
    const stack = e.ipFamilies.length > 1 ? "dual-stack (IPv4, IPv6)" : "IPv4";
    return `${MODE_NAMES[e.ipamMode]}, ${e.networkDataplane === "cilium" ? "Cilium" : "Azure"} dataplane, policy ${e.networkPolicy}, ${stack}, Kubernetes ${e.kubernetesVersion}, outbound ${e.outboundType}`;
}

function counts(r: NetworkPlanReport): string {
    const n = (s: Diagnostic["severity"]) => r.diagnostics.filter((d) => d.severity === s).length;
    const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? "" : "s"}`;
    return `${plural(n("error"), "error")}, ${plural(n("warning"), "warning")}, ${n("info")} info`;
}

function table(headers: string[], rows: string[][], markdown: boolean): string {
    if (markdown) {
        const esc = (c: string) => c.replace(/\|/g, "\\|");
        return [
            `| ${headers.join(" | ")} |`,
            `| ${headers.map(() => "---").join(" | ")} |`,
            ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`),
        ].join("\n");
    }
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
    const line = (cells: string[]) =>
        cells
            .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
            .join("  ")
            .trimEnd();
    return [line(headers), ...rows.map(line)].join("\n");
}

const num = (n: number | null) => (n === null ? "-" : n.toLocaleString("en-US"));
const big = (s: string) => (s.length > 15 ? `~2^${BigInt(s).toString(2).length}` : Number(s).toLocaleString("en-US"));

/** One line per diagnostic: `error R31 serviceCidrs[0]: message [ServiceCidrOverlapExistingSubnetsCidr]`. */
export { formatDiagnostic };

/** Connected networks shown in the picture; the rest are counted (a hub may list thousands). */
const DIAGRAM_CONNECTED = 12;

/**
 * The address plan as a Mermaid flowchart (GitHub renders it in a PR comment): the VNet and its
 * subnets, the pod and service ranges, and the connected networks beside the VNet.
 */
export function addressPlanDiagram(e: EffectiveNetworkPlan): string {
    const label = (text: string) => JSON.stringify(text.replace(/"/g, "'"));
    const lines = ["```mermaid", "flowchart LR"];
    const spaces = e.byoVnet ? e.vnetAddressSpaces.join(", ") || "address spaces not given" : "managed by AKS";
    lines.push(`    vnet[${label(`VNet ${spaces}`)}]`);
    e.nodeSubnets.forEach((subnet, i) => {
        const prefixes = subnet.ipv6Cidr === null ? subnet.cidr : `${subnet.cidr}, ${subnet.ipv6Cidr}`;
        lines.push(`    vnet --> subnet${i}[${label(`subnet ${subnet.name}: ${prefixes}`)}]`);
    });
    const pods = e.podCidrs.length > 0 ? `pods (${e.ipamMode}): ${e.podCidrs.join(", ")}` : `pods (${e.ipamMode}): VNet addresses`;
    lines.push(`    pods[${label(pods)}]`, `    services[${label(`services: ${e.serviceCidrs.join(", ")}; DNS ${e.dnsServiceIP}`)}]`);
    lines.push("    cluster((cluster)) --> pods", "    cluster --> services", "    cluster --> vnet");
    e.connectedNetworks.slice(0, DIAGRAM_CONNECTED).forEach((c, i) => {
        lines.push(`    vnet -.- connected${i}[${label(`${c.kind} ${c.name}: ${c.cidr}`)}]`);
    });
    const more = e.connectedNetworks.length - DIAGRAM_CONNECTED;
    if (more > 0) lines.push(`    vnet -.- connectedMore[${label(`${more} more connected networks`)}]`);
    lines.push("```");
    return lines.join("\n");
}

/** The address ranges section: the table by family, the VNet line and, in markdown, the picture. */
function addressRanges(r: NetworkPlanReport, md: boolean): string[] {
    const e = r.effective;
    const rows = r.capacity.families.map((f) => [
        f.family,
        f.podCidr ?? "(VNet)",
        num(f.podCidrNodeCapacity),
        f.serviceCidr ?? "-",
        big(f.serviceIps),
    ]);
    const vnet = e.byoVnet ? `VNet ${e.vnetAddressSpaces.join(", ") || "(address spaces not given)"}` : "AKS-managed VNet";
    const count = e.connectedNetworks.length;
    const connected = count ? `; ${count} connected network${count === 1 ? "" : "s"}` : "";
    const out = [table(["family", "pod CIDR", "nodes it holds", "service CIDR", "service IPs"], rows, md), `${vnet}${connected}`];
    if (md) out.push(addressPlanDiagram(e));
    return out;
}

/** Render a report as plain text or GitHub markdown. */
export function formatNetworkPlanReport(r: NetworkPlanReport, format: "text" | "markdown" = "text"): string {
    const md = format === "markdown";
    const e = r.effective;
    const c = r.capacity;
    const h = (t: string) => (md ? `### ${t}` : `${t}\n${"-".repeat(t.length)}`);
    const out: string[] = [];
    out.push(md ? `## AKS network plan: ${r.verdict}` : `AKS network plan: ${r.verdict}`);
    out.push(`${summaryLine(r)}\n${counts(r)}; dnsServiceIP ${e.dnsServiceIP}`);

    out.push(h("Address ranges"), ...addressRanges(r, md));

    out.push(h("Capacity"));
    const headroom = c.podCidrHeadroom === null ? "" : `; pod CIDR headroom ${num(c.podCidrHeadroom)} nodes`;
    out.push(
        `nodes: ${num(c.nodes.count)} now, ${num(c.nodes.max)} at most, ${num(c.nodes.withSurge)} during upgrades; limit ${num(c.nodes.limit)}${headroom}`,
    );
    if (c.subnets.length) {
        out.push(
            table(
                ["subnet", "cidr", "role", "usable", "needed", "with surge", "headroom", "pools"],
                c.subnets.map((s) => [
                    s.name,
                    s.cidr,
                    s.role,
                    num(s.usable),
                    num(s.needed),
                    num(s.neededWithSurge),
                    num(s.headroom),
                    s.pools.join(", ") || "-",
                ]),
                md,
            ),
        );
    }

    out.push(h("Node pools"));
    out.push(
        table(
            ["pool", "os", "mode", "count", "max", "surge", "maxPods", "subnet"],
            e.nodePools.map((p) => [
                p.name,
                p.osSku ? `${p.osType} (${p.osSku})` : p.osType,
                p.mode,
                String(p.count),
                p.maxCount === null ? "-" : String(p.maxCount),
                String(p.surge),
                `${p.maxPods}${p.maxPodsDefaulted ? " (default)" : ""}`,
                p.subnet ?? "-",
            ]),
            md,
        ),
    );

    if (r.diagnostics.length) {
        out.push(h("Diagnostics"));
        out.push(
            md
                ? table(
                      ["severity", "rule", "path", "message"],
                      r.diagnostics.map((d) => [
                          d.severity,
                          d.ruleId,
                          d.path ? `\`${d.path}\`` : "",
                          d.message + (d.azureErrorCode ? ` (${d.azureErrorCode})` : ""),
                      ]),
                      true,
                  )
                : r.diagnostics.map(formatDiagnostic).join("\n"),
        );
    }
    return out.join("\n\n") + "\n";
}
