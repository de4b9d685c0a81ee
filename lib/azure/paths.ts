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
 * The longest matching plan prefix wins, so one field can be mapped apart from its parent. Rows are
 * segments (`core/diagnostic.ts` `PathMap`): a diagnostic's path and the paths its message names are
 * mapped as data, never by editing text.
 * Pure: no Pulumi imports.
 */
import { PathMap, PathRow } from "../core/diagnostic";
import { Path } from "../core/path";

/** The plan's network keys that sit under `network.` in `AksClusterArgs` with the same name. */
export const NETWORK_KEYS = [
    "networkPlugin",
    "networkPluginMode",
    "networkDataplane",
    "networkPolicy",
    "ipFamilies",
    "podCidrs",
    "serviceCidrs",
    "dnsServiceIP",
    "outboundType",
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

const row = (from: Path, to: Path, more: Partial<PathRow> = {}): PathRow => ({ from, to, ...more });

/** The translation table of an `AksCluster`. */
export function clusterPathTable(ctx: ClusterPathContext): PathMap {
    const rows: PathRow[] = NETWORK_KEYS.map((key) => row([key], ["network", key]));
    rows.push(
        row(["kubernetesVersion"], ["kubernetesVersion"]),
        row(["nodePools"], ["nodePools"]),
        row(["nodePools", 0], ["systemPool"]),
        // A Windows System pool (R53) can only come from a Windows OS SKU on the System pool.
        row(["nodePools", 0, "mode"], ["systemPool", "osSku"]),
        row(["windowsProfile"], ["windows"]),
        row(["apiServerAuthorizedIpRanges"], ["apiServer", "authorizedIpRanges"]),
        row(["names", "resourceGroup"], ["resourceGroupName"]),
        row(["connectedNetworks"], ["network", "connectedNetworks"]),
    );
    for (let index = 0; index < ctx.userPools; index++) rows.push(row(["nodePools", index + 1], ["nodePools", index]));
    rows.push(...(ctx.network === "created" ? createdNetworkRows() : existingNetworkRows(ctx)));
    return new PathMap(rows);
}

function createdNetworkRows(): PathRow[] {
    return [
        row(["vnetAddressSpaces"], ["network", "vnet", "addressSpaces"]),
        row(["nodeSubnets"], ["network", "vnet", "subnets"]),
        row(["names", "vnet"], ["network", "vnet", "name"]),
    ];
}

/** A network of your own: every plan path about it is `network.nodeSubnetId`, with a note saying which part. */
function existingNetworkRows(ctx: ClusterPathContext): PathRow[] {
    const subnetId = ["network", "nodeSubnetId"];
    const vnet = ctx.existing ? `VNet "${ctx.existing.vnetName}"` : "the existing VNet";
    const rows = [
        row(["vnetAddressSpaces"], subnetId, { whole: true, note: `${vnet} address space`, inMessage: `${vnet} address space` }),
        row(["nodeSubnets"], subnetId, { whole: true }),
        row(["names", "vnet"], subnetId, { whole: true }),
        row(["names", "subnet"], subnetId, { whole: true }),
    ];
    ctx.existing?.subnets.forEach((subnet, index) =>
        rows.push(
            subnet.own
                ? row(["nodeSubnets", index], subnetId, { whole: true, inMessage: "subnet" })
                : row(["nodeSubnets", index], subnetId, {
                      whole: true,
                      note: `${vnet}, subnet "${subnet.name}"`,
                      inMessage: `${vnet} subnet`,
                  }),
        ),
    );
    ctx.existing?.peerings.forEach((peering, index) =>
        rows.push(
            row(["connectedNetworks", ctx.userConnected + index], subnetId, {
                whole: true,
                note: `${vnet}, peering "${peering}"`,
                inMessage: "peering",
            }),
        ),
    );
    return rows;
}
