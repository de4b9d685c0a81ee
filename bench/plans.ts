/**
 * Deterministic, realistic network plans for the validator scale benchmark.
 *
 * A dual-stack Azure CNI Overlay cluster in its own VNet with four node subnets, `pools` node pools
 * spread over them, and `networks` connected networks: about 90% IPv4 and 10% IPv6, of the sizes
 * peered VNets, VPNs and on-premises ranges have (/16 to /28, IPv6 /48 to /64), half written as
 * plain CIDR strings and half as named entries. They are drawn from ranges the cluster does not use,
 * so they overlap each other (as real estates do) but not the cluster, except for a fixed handful
 * that overlap the pod CIDRs, the service CIDR and a subnet. The diagnostics are therefore the same
 * few at every size, and any growth in time comes from the validator, not from a growing report.
 */
import type { ConnectedNetwork, NetworkPlan, NodePoolPlan } from "../lib/network";

/** mulberry32: a tiny seeded generator, so every run validates the same plans. */
function rng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** IPv4 pools the cluster does not use: [first address, prefix length of the pool]. */
const V4_POOLS: [number, number][] = [
    [(172 << 24) | (16 << 16), 12], // 172.16.0.0/12
    [(192 << 24) | (168 << 16), 16], // 192.168.0.0/16
    [(100 << 24) | (64 << 16), 10], // 100.64.0.0/10
    [(10 << 24) | (64 << 16), 10], // 10.64.0.0/10 (the cluster uses 10.0/16, 10.224/12, 10.240/12)
];
const V4_PREFIXES = [16, 20, 22, 23, 24, 24, 24, 25, 26, 27, 28];
const KINDS: ConnectedNetwork["kind"][] = ["peering", "vpn", "expressRoute", "onPremises", "other"];

function v4(addr: number): string {
    return [addr >>> 24, (addr >>> 16) & 255, (addr >>> 8) & 255, addr & 255].join(".");
}

function randomV4(r: () => number): string {
    const [base, poolLen] = V4_POOLS[Math.floor(r() * V4_POOLS.length)];
    const len = Math.max(poolLen, V4_PREFIXES[Math.floor(r() * V4_PREFIXES.length)]);
    const blocks = 2 ** (len - poolLen);
    const block = Math.floor(r() * blocks);
    return `${v4((base + block * 2 ** (32 - len)) >>> 0)}/${len}`;
}

/** A non-zero 16-bit word, so the text is already in canonical (RFC 5952) form. */
function hex16(r: () => number): string {
    return (1 + Math.floor(r() * 0xffff)).toString(16);
}

function randomV6(r: () => number): string {
    // fdXX:....::/48-/64 with XX in 0x20-0xff: clear of the cluster's fd00:10::/48 and fd12:3456:789a::/48.
    const first = `fd${(0x20 + Math.floor(r() * 0xe0)).toString(16).padStart(2, "0")}`;
    const len = [48, 56, 64, 64][Math.floor(r() * 4)];
    const words = [first, hex16(r), hex16(r)];
    if (len === 56) words.push(((1 + Math.floor(r() * 255)) << 8).toString(16));
    if (len === 64) words.push(hex16(r));
    return `${words.join(":")}::/${len}`;
}

/** The connected networks that overlap the cluster on purpose (the same at every size). */
export const DELIBERATE_OVERLAPS: ConnectedNetwork[] = [
    { name: "legacy-dc", cidr: "10.241.16.0/24", kind: "onPremises" }, // inside the IPv4 pod CIDR
    { name: "partner-vpn", cidr: "10.0.128.0/24", kind: "vpn" }, // inside the service CIDR
    { name: "old-spoke", cidr: "10.225.0.0/24", kind: "peering" }, // inside a node subnet
    { name: "lab-v6", cidr: "fd12:3456:789a:0:1::/80", kind: "other" }, // inside the IPv6 pod CIDR
];

/** A plan with `networks` connected networks and `pools` node pools. */
export function scalePlan(networks: number, pools: number, seed = 7): NetworkPlan {
    const r = rng(seed * 1_000_003 + networks * 31 + pools);
    const connected: (string | ConnectedNetwork)[] = [...DELIBERATE_OVERLAPS];
    for (let i = connected.length; i < networks; i++) {
        const cidr = r() < 0.9 ? randomV4(r) : randomV6(r);
        connected.push(i % 2 === 0 ? cidr : { name: `net-${i}`, cidr, kind: KINDS[i % KINDS.length] });
    }
    const subnets = ["a", "b", "c", "d"].map((s, i) => ({
        name: `nodes-${s}`,
        cidr: `10.${224 + i}.0.0/16`,
        ipv6Cidr: `fd00:10:0:${i + 1}::/64`,
    }));
    const nodePools: NodePoolPlan[] = [];
    for (let i = 0; i < pools; i++) {
        const autoscaled = i % 3 === 1;
        nodePools.push({
            name: i === 0 ? "system" : `pool${String(i).padStart(4, "0")}`,
            mode: i === 0 ? "System" : "User",
            ...(autoscaled ? { minCount: 1, maxCount: 5 } : { count: i === 0 ? 3 : 2 }),
            maxPods: 110,
            vmSize: "Standard_D4ds_v5",
            subnet: subnets[i % subnets.length].name,
        });
    }
    return {
        networkPlugin: "azure",
        networkPluginMode: "overlay",
        networkDataplane: "cilium",
        ipFamilies: ["IPv4", "IPv6"],
        podCidrs: ["10.240.0.0/12", "fd12:3456:789a::/64"],
        serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a:1::/108"],
        dnsServiceIP: "10.0.0.10",
        vnetAddressSpaces: ["10.224.0.0/12", "fd00:10::/48"],
        nodeSubnets: subnets,
        connectedNetworks: connected.slice(0, Math.max(networks, 0)),
        kubernetesVersion: "1.33",
        outboundType: "loadBalancer",
        nodePools,
    };
}
