/**
 * Capacity arithmetic shared by the rules (R40, R41, R58, R59, R61) and the report.
 *
 *   nodes(pool)   = maxCount with the autoscaler, else count
 *   surge(pool)   = the pool's maxSurge in nodes (default 1, D15)
 *   usable(subnet)= size - 5 (Azure reserves the first four and the last address)
 *   podBlocks     = 2^(24 - prefix) for an IPv4 pod CIDR of /24 or shorter, else 0
 *   node subnet need: Σ nodes, or Σ nodes × (maxPods + 1) with legacy Azure CNI (pods take subnet addresses)
 *   pod subnet need:  16 × Σ nodes (dynamic allocation hands out 16 addresses at a time)
 */
import { Cidr, size } from "./cidr";
import * as D from "./defaults";
import { Model, PoolModel, SubnetModel } from "./model";
import { IpamMode } from "./types";

export interface SubnetUse {
    subnet: SubnetModel;
    role: "nodes" | "pods";
    usable: number;
    needed: number;
    neededWithSurge: number;
    pools: PoolModel[];
}

export interface Capacity {
    totalCount: number;
    totalNodes: number;
    totalWithSurge: number;
    nodeLimit: number | null;
    /** Nodes the IPv4 pod CIDR holds; null when the mode gives no per-node pod blocks or it did not parse. */
    podBlocks: number | null;
    podCidrV4: Cidr | null;
    subnetUses: SubnetUse[];
}

/** The subnet a pool's nodes use: its own, or the first of the VNet. */
export function poolSubnet(m: Model, p: PoolModel): string | null {
    if (p.subnet !== null) return p.subnet;
    return m.subnets[0]?.name ?? null;
}

/** Addresses of an IPv4 subnet the cluster can use. */
export function usableAddresses(c: Cidr): number {
    return Math.max(0, Number(size(c)) - D.AZURE_RESERVED_PER_SUBNET);
}

/** Nodes an IPv4 pod CIDR can hold at one /24 per node. */
export function podBlocksOf(c: Cidr): number {
    return c.prefix <= D.POD_BLOCK_PREFIX_V4 ? 2 ** (D.POD_BLOCK_PREFIX_V4 - c.prefix) : 0;
}

/** True when the mode gives every node a /24 of the IPv4 pod CIDR. */
export function hasPodBlocks(mode: IpamMode): boolean {
    return mode === "overlay" || mode === "kubenet";
}

export function computeCapacity(m: Model): Capacity {
    let totalCount = 0;
    let totalNodes = 0;
    let totalWithSurge = 0;
    for (const p of m.pools) {
        totalCount += p.count;
        totalNodes += p.nodes;
        totalWithSurge += p.nodes + p.surge;
    }
    const podCidrV4 = m.podCidrs.find((e) => e.cidr?.family === "IPv4")?.cidr ?? null;
    const podBlocks = hasPodBlocks(m.ipam) && podCidrV4 ? podBlocksOf(podCidrV4) : null;

    const subnetUses: SubnetUse[] = [];
    for (const s of m.subnets) {
        if (s.name === null || s.cidr.cidr === null || s.cidr.cidr.family !== "IPv4") continue;
        const usable = usableAddresses(s.cidr.cidr);
        const nodePools = m.pools.filter((p) => poolSubnet(m, p) === s.name);
        if (nodePools.length > 0 || m.pools.every((p) => p.podSubnet !== s.name)) {
            const perNode = (p: PoolModel) => (m.ipam === "nodeSubnet" ? p.maxPods + 1 : 1);
            subnetUses.push({
                subnet: s,
                role: "nodes",
                usable,
                needed: nodePools.reduce((a, p) => a + p.nodes * perNode(p), 0),
                neededWithSurge: nodePools.reduce((a, p) => a + (p.nodes + p.surge) * perNode(p), 0),
                pools: nodePools,
            });
        }
        const podPools = m.pools.filter((p) => p.podSubnet === s.name);
        if (podPools.length > 0) {
            subnetUses.push({
                subnet: s,
                role: "pods",
                usable,
                needed: podPools.reduce((a, p) => a + p.nodes * D.POD_SUBNET_BATCH, 0),
                neededWithSurge: podPools.reduce((a, p) => a + (p.nodes + p.surge) * D.POD_SUBNET_BATCH, 0),
                pools: podPools,
            });
        }
    }
    return {
        totalCount,
        totalNodes,
        totalWithSurge,
        nodeLimit: D.NODE_LIMIT[m.ipam] ?? null,
        podBlocks,
        podCidrV4,
        subnetUses,
    };
}
