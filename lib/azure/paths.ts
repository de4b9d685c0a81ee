/**
 * Path translation: the network planner names problems by the plan's own paths (`podCidrs[0]`,
 * `nodePools[2].name`); users wrote `AksClusterArgs`, so every diagnostic is shown with the path the
 * user wrote (`network.podCidrs[0]`, `nodePools[1].name`). A small explicit table does it:
 *
 *   plan path                     AksClusterArgs path
 *   networkPlugin ... outboundType  network.<same>
 *   vnetAddressSpaces             network.vnet.addressSpaces     (your own network: the existing VNet)
 *   nodeSubnets                   network.vnet.subnets           (your own network: network.nodeSubnetId)
 *   connectedNetworks[i]          network.connectedNetworks[i]   (beyond the user's list: a VNet peering)
 *   nodePools[0]                  systemPool
 *   nodePools[i + 1]              nodePools[i]
 *   windowsProfile                windows
 *   apiServerAuthorizedIpRanges   apiServer.authorizedIpRanges
 *   names.resourceGroup           resourceGroupName
 *   names.vnet                    network.vnet.name
 *
 * The longest matching plan prefix wins, so one field can be mapped apart from its parent.
 * Pure: no Pulumi imports.
 */
import { Diagnostic } from "../network/types";

/** One row of the table. */
export interface PathEntry {
    /** A plan path prefix, e.g. `nodePools[1]` or `podCidrs`. */
    plan: string;
    /** What the user wrote instead, e.g. `nodePools[0]`. */
    user: string;
    /**
     * How the entry reads inside a message, when not `user` (e.g. `peering` before the peering's name,
     * which the planner's message quotes next).
     * @default - `user`
     */
    inMessage?: string;
    /** Drop the rest of the plan path (the user wrote no such field, e.g. the `.cidr` of a subnet read from Azure). @default false */
    whole?: boolean;
}

/** The plan's top-level keys; message text is translated only where one of them starts a path. */
const PLAN_KEYS = [
    "networkPlugin", "networkPluginMode", "networkDataplane", "networkPolicy", "ipFamilies", "podCidrs", "serviceCidrs",
    "dnsServiceIP", "vnetAddressSpaces", "nodeSubnets", "connectedNetworks", "kubernetesVersion", "outboundType",
    "nodePools", "windowsProfile", "apiServerAuthorizedIpRanges", "dockerBridgeCidr",
];
/** A path in free text: a plan key, then indexes and fields (`nodePools[2].maxPods`); `names.` needs its field. */
const PATH_IN_TEXT = new RegExp(`(?<![\\w.\\]])(?:(?:${PLAN_KEYS.join("|")})|names(?=\\.))(?:\\[\\d+\\]|\\.[A-Za-z][A-Za-z0-9]*)*`, "g");

/** A path-translation table. */
export class PathTable {
    private readonly entries: PathEntry[];

    constructor(entries: PathEntry[]) {
        // Longest prefix first.
        this.entries = [...entries].sort((a, b) => b.plan.length - a.plan.length);
    }

    /** The rows, longest plan prefix first. */
    rows(): readonly PathEntry[] {
        return this.entries;
    }

    private match(planPath: string): { entry: PathEntry; rest: string } | undefined {
        for (const entry of this.entries) {
            if (planPath === entry.plan) return { entry, rest: "" };
            if (planPath.startsWith(entry.plan)) {
                const next = planPath[entry.plan.length];
                if (next === "." || next === "[") return { entry, rest: planPath.slice(entry.plan.length) };
            }
        }
        return undefined;
    }

    /** The user's path for a plan path (unchanged when no row matches). */
    path(planPath: string): string {
        const m = this.match(planPath);
        if (!m) return planPath;
        return m.entry.whole ? m.entry.user : m.entry.user + m.rest;
    }

    /** Rewrites every plan path inside a message. */
    message(text: string): string {
        return text.replace(PATH_IN_TEXT, (token) => {
            const m = this.match(token);
            if (!m) return token;
            const head = m.entry.inMessage ?? m.entry.user;
            return m.entry.whole ? head : head + m.rest;
        });
    }

    /** A diagnostic with its path and message in the user's terms. */
    diagnostic(d: Diagnostic): Diagnostic {
        return { ...d, path: this.path(d.path), message: this.message(d.message) };
    }

    /** This table with every user path (and in-message form) prefixed, e.g. by `cluster.`. */
    prefixed(prefix: string): PathTable {
        return new PathTable(this.entries.map((e) => ({
            ...e,
            user: prefix + e.user,
            inMessage: e.inMessage === undefined ? undefined : e.inMessage,
        })));
    }

    /** This table plus more rows (rows given here win on equal prefixes). */
    with(rows: PathEntry[]): PathTable {
        const keys = new Set(rows.map((r) => r.plan));
        return new PathTable([...rows, ...this.entries.filter((e) => !keys.has(e.plan))]);
    }
}

/** The plan's network keys that sit under `network.` in `AksClusterArgs` with the same name. */
export const NETWORK_KEYS = [
    "networkPlugin", "networkPluginMode", "networkDataplane", "networkPolicy", "ipFamilies", "podCidrs", "serviceCidrs",
    "dnsServiceIP", "outboundType",
];

/** What shapes an `AksCluster`'s table. */
export interface ClusterPathContext {
    /** Entries of `nodePools` (the plan has the System pool first). */
    userPools: number;
    /** Entries of `network.connectedNetworks` (the plan appends peerings after them). */
    userConnected: number;
    /** How the network is provided. */
    network: "created" | "existing";
    /** Your own network, once read from Azure. @default - not read yet (construction time) */
    existing?: {
        vnetName: string;
        /** The plan's `nodeSubnets` in order: the VNet's subnets. */
        subnets: { name: string; own: boolean }[];
        /** Peering names of the plan's connected networks beyond the user's, in order. */
        peerings: string[];
    };
}

/** The translation table of an `AksCluster`. */
export function clusterPathTable(ctx: ClusterPathContext): PathTable {
    const rows: PathEntry[] = NETWORK_KEYS.map((k) => ({ plan: k, user: `network.${k}` }));
    rows.push(
        { plan: "kubernetesVersion", user: "kubernetesVersion" },
        { plan: "nodePools", user: "nodePools" },
        { plan: "nodePools[0]", user: "systemPool" },
        // A Windows System pool (R53) can only come from a Windows OS SKU on the System pool.
        { plan: "nodePools[0].mode", user: "systemPool.osSku" },
        { plan: "windowsProfile", user: "windows" },
        { plan: "apiServerAuthorizedIpRanges", user: "apiServer.authorizedIpRanges" },
        { plan: "names.resourceGroup", user: "resourceGroupName" },
        { plan: "connectedNetworks", user: "network.connectedNetworks" },
    );
    for (let i = 0; i < ctx.userPools; i++) rows.push({ plan: `nodePools[${i + 1}]`, user: `nodePools[${i}]` });
    if (ctx.network === "created") {
        rows.push(
            { plan: "vnetAddressSpaces", user: "network.vnet.addressSpaces" },
            { plan: "nodeSubnets", user: "network.vnet.subnets" },
            { plan: "names.vnet", user: "network.vnet.name" },
        );
    } else {
        const vnet = ctx.existing ? `VNet "${ctx.existing.vnetName}"` : "the existing VNet";
        rows.push(
            { plan: "vnetAddressSpaces", user: `network.nodeSubnetId (${vnet} address space)`, inMessage: `${vnet} address space`, whole: true },
            { plan: "nodeSubnets", user: "network.nodeSubnetId", whole: true },
            { plan: "names.vnet", user: "network.nodeSubnetId", whole: true },
            { plan: "names.subnet", user: "network.nodeSubnetId", whole: true },
        );
        ctx.existing?.subnets.forEach((s, i) => rows.push(s.own
            ? { plan: `nodeSubnets[${i}]`, user: "network.nodeSubnetId", inMessage: `subnet`, whole: true }
            : { plan: `nodeSubnets[${i}]`, user: `network.nodeSubnetId (${vnet}, subnet "${s.name}")`, inMessage: `${vnet} subnet`, whole: true }));
        ctx.existing?.peerings.forEach((p, i) => rows.push({
            plan: `connectedNetworks[${ctx.userConnected + i}]`,
            user: `network.nodeSubnetId (${vnet}, peering "${p}")`,
            inMessage: "peering",
            whole: true,
        }));
    }
    return new PathTable(rows);
}
