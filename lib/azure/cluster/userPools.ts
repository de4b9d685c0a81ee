/**
 * The user pools of an `AksCluster`, one at a time (AKS refuses concurrent pool operations) and keyed
 * by name, then the maintenance windows after the last pool.
 */
import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { AksClusterArgs, MaintenanceWindowArgs } from "../clusterArgs";
import * as D from "../defaults";
import { ClusterDesign } from "../design";
import { UpgradeChannel } from "../enums";
import { agentPoolProperties, isAutoscaled } from "../pools";
import { ClusterBase } from "./base";
import { effectivePool } from "./managedCluster";

/** The user pools created, and the last pool (the cluster itself without user pools). */
export interface UserPools {
    /** The `AgentPool` resources, in the order written. */
    pools: containerservice.AgentPool[];
    /** What the next pool operation waits for. */
    last: pulumi.Resource;
}

/** The user pools, one after another, after the cluster. */
export function createUserPools(
    name: string,
    design: ClusterDesign,
    args: AksClusterArgs,
    base: ClusterBase,
    cluster: pulumi.Resource,
    parent: pulumi.Resource,
): UserPools {
    let previous: pulumi.Resource = cluster;
    const pools: containerservice.AgentPool[] = [];
    for (const p of design.userPools) {
        const eff = effectivePool(design, p);
        const pool = new containerservice.AgentPool(
            `${name}-pool-${p.name}`,
            {
                resourceGroupName: base.resourceGroupName,
                resourceName: design.clusterName,
                agentPoolName: p.name,
                ...agentPoolProperties(p, eff, base.subnetId(p.subnet), p.podSubnet ? base.subnetId(p.podSubnet) : undefined),
                tags: args.tags,
            },
            {
                parent,
                dependsOn: [previous],
                ignoreChanges: isAutoscaled(eff) ? ["count"] : [],
                customTimeouts: D.POOL_TIMEOUTS,
            },
        );
        pools.push(pool);
        previous = pool;
    }
    return { pools, last: previous };
}

function maintenanceWindow(w: Required<MaintenanceWindowArgs>): containerservice.MaintenanceConfigurationArgs["maintenanceWindow"] {
    return {
        schedule: { weekly: { dayOfWeek: w.dayOfWeek, intervalWeeks: 1 } },
        durationHours: w.durationHours,
        startTime: w.startTime,
        utcOffset: w.utcOffset,
    };
}

/** The upgrade windows of the channels that are on, after the last pool. */
export function createMaintenanceWindows(
    name: string,
    design: ClusterDesign,
    resourceGroupName: pulumi.Input<string>,
    after: pulumi.Resource,
    parent: pulumi.Resource,
): void {
    if (design.upgrades.channel !== UpgradeChannel.None) {
        new containerservice.MaintenanceConfiguration(
            `${name}-upgradeWindow`,
            {
                resourceGroupName,
                resourceName: design.clusterName,
                configName: "aksManagedAutoUpgradeSchedule",
                maintenanceWindow: maintenanceWindow(design.upgrades.upgradeWindow),
            },
            { parent, dependsOn: [after] },
        );
    }
    if (design.upgrades.nodeOsChannel !== "None") {
        new containerservice.MaintenanceConfiguration(
            `${name}-nodeOsUpgradeWindow`,
            {
                resourceGroupName,
                resourceName: design.clusterName,
                configName: "aksManagedNodeOSUpgradeSchedule",
                maintenanceWindow: maintenanceWindow(design.upgrades.nodeOsUpgradeWindow),
            },
            { parent, dependsOn: [after] },
        );
    }
}
