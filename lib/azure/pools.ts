/**
 * A designed pool as azure-native agent pool properties, shared by the inline System pool profile, the
 * `AgentPool` resources of `AksCluster` and the `NodePool` component, so all three write the same
 * explicit values. Pure apart from the `pulumi.Input` type.
 */
import type * as pulumi from "@pulumi/pulumi";
import { EffectiveNodePool } from "../network/types";
import { PoolDesign } from "./design";
import { NodeTaint } from "./nodePoolArgs";

/** A taint as AKS writes it: `key=value:Effect` (or `key:Effect`). */
export function taintText(t: NodeTaint): string {
    return t.value === undefined || t.value === "" ? `${t.key}:${t.effect}` : `${t.key}=${t.value}:${t.effect}`;
}

/** The properties every agent pool shape has in common (the `ManagedClusterAgentPoolProfileArgs` / `AgentPoolArgs` intersection). */
export interface AgentPoolProperties {
    /** System or User. */
    mode: string;
    /** Linux or Windows. */
    osType: string;
    /** The OS SKU. */
    osSKU: string;
    /** The VM size. */
    vmSize: string;
    /** Nodes at creation. */
    count: number;
    /** The cluster autoscaler. */
    enableAutoScaling: boolean;
    /** Autoscaler minimum. @default - no autoscaler */
    minCount?: number;
    /** Autoscaler maximum. @default - no autoscaler */
    maxCount?: number;
    /** Pods per node. */
    maxPods: number;
    /** Zones. @default - none */
    availabilityZones?: string[];
    /** Labels. @default - none */
    nodeLabels?: { [key: string]: string };
    /** Taints. @default - none */
    nodeTaints?: string[];
    /** Upgrade surge. */
    upgradeSettings: { maxSurge: string };
    /** Always VirtualMachineScaleSets. */
    type: string;
    /** Always false. */
    enableNodePublicIP: boolean;
    /** Where the OS disk lives. */
    osDiskType: string;
    /** OS disk size. @default - AKS's default */
    osDiskSizeGB?: number;
    /** Encryption at host. */
    enableEncryptionAtHost: boolean;
    /** FIPS images. */
    enableFIPS: boolean;
    /** The node subnet. @default - none (AKS-managed VNet) */
    vnetSubnetID?: pulumi.Input<string>;
    /** The pod subnet. @default - none */
    podSubnetID?: pulumi.Input<string>;
}

/**
 * The properties of a pool. Counts come from the planner's effective pool (the autoscaler's starting
 * count is `minCount`: AKS requires `count` even with the autoscaler, pulumi-azure-native#2943).
 */
export function agentPoolProperties(
    p: PoolDesign,
    eff: EffectiveNodePool,
    subnetId?: pulumi.Input<string>,
    podSubnetId?: pulumi.Input<string>,
): AgentPoolProperties {
    const autoscale = eff.maxCount !== null;
    const out: AgentPoolProperties = {
        mode: p.mode,
        osType: p.osType,
        osSKU: p.osSku,
        vmSize: p.vmSize,
        count: eff.count,
        enableAutoScaling: autoscale,
        maxPods: p.maxPods,
        upgradeSettings: { maxSurge: p.maxSurge },
        type: "VirtualMachineScaleSets",
        enableNodePublicIP: false,
        osDiskType: p.osDiskType,
        enableEncryptionAtHost: p.enableEncryptionAtHost,
        enableFIPS: p.enableFips,
    };
    if (autoscale) {
        out.minCount = eff.minCount ?? eff.count;
        out.maxCount = eff.maxCount as number;
    }
    if (p.zones.length > 0) out.availabilityZones = [...p.zones];
    if (Object.keys(p.labels).length > 0) out.nodeLabels = { ...p.labels };
    if (p.taints.length > 0) out.nodeTaints = p.taints.map(taintText);
    if (p.osDiskSizeGb !== undefined) out.osDiskSizeGB = p.osDiskSizeGb;
    if (subnetId !== undefined) out.vnetSubnetID = subnetId;
    if (podSubnetId !== undefined) out.podSubnetID = podSubnetId;
    return out;
}

/** True when the pool runs the cluster autoscaler (its count then belongs to AKS). */
export function isAutoscaled(eff: EffectiveNodePool): boolean {
    return eff.maxCount !== null;
}
