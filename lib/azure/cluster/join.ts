/**
 * How a `NodePool` of the same program joins an `AksCluster`: the cluster as planned when it was
 * constructed (plain, so the pool is validated before anything is created), its subnets and Azure's
 * view of a network of your own (to check the pool again at deploy time), and the pools joined so far.
 *
 * Pools join one after another: each waits for the last pool (the cluster's own last pool, then the
 * last joined one), because AKS refuses concurrent pool operations. A pool that joins through a core
 * (`AksCluster.core`, e.g. from another stack) has nothing to wait for.
 */
import * as pulumi from "@pulumi/pulumi";
import { NodePoolPlan } from "../../network/types";
import { NetworkGate } from "./ownNetwork";
import { PlannedCore } from "./core";
import { AddedPool, PoolTarget } from "../pool/plan";

/** What `ClusterJoin` is made of. */
export interface ClusterJoinParts {
    /** The cluster as planned at construction. */
    planned: PlannedCore;
    /** True on a subnet of your own. */
    ownNetwork: boolean;
    /** The network as Azure shows it (rejects when it doesn't fit the plan). */
    gate: pulumi.Output<NetworkGate>;
    /** The id of a subnet by name (undefined name: the default node subnet). */
    subnetId(name: string | undefined): pulumi.Input<string> | undefined;
    /** The cluster's tags as given. @default - none */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /** The cluster's last pool (the cluster itself without user pools). */
    lastPool: pulumi.Resource;
}

/** The join point of one `AksCluster` for the `NodePool` components of its program. */
export class ClusterJoin {
    private last: pulumi.Resource;
    private readonly added: AddedPool[] = [];

    constructor(readonly parts: ClusterJoinParts) {
        this.last = parts.lastPool;
    }

    /** What the next pool is planned against, known now. */
    target(): PoolTarget {
        const p = this.parts.planned;
        return {
            networkPlan: p.networkPlan,
            kubernetesVersion: p.clusterFacts.kubernetesVersion,
            pathRows: p.pathRows,
            warningsAsErrors: p.warningsAsErrors,
            ownNetwork: this.parts.ownNetwork,
            earlier: [...this.added],
        };
    }

    /** What the next pool is planned against once Azure's view of a network of your own is read. */
    deployedTarget(): pulumi.Output<PoolTarget> {
        const earlier = [...this.added];
        return this.parts.gate.apply((g) => ({
            ...this.target(),
            networkPlan: g.plan,
            pathRows: g.pathRows,
            ownSubnetName: g.subnetName,
            earlier,
        }));
    }

    /** The pool the next one waits for. */
    lastPool(): pulumi.Resource {
        return this.last;
    }

    /** Record a joined pool: the next one is planned with it and waits for it. */
    joined(owner: string, plan: NodePoolPlan, pool: pulumi.Resource): void {
        this.added.push({ owner, plan });
        this.last = pool;
    }
}
