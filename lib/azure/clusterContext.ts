/**
 * What a `NodePool` needs from the `AksCluster` it joins, kept out of the cluster's public surface.
 */
import * as pulumi from "@pulumi/pulumi";
import { NetworkPlan, NodePoolPlan } from "../network/types";
import { ClusterDesign } from "./design";
import { PathEntry } from "./paths";

/** A pool added to a cluster by a `NodePool` component. */
export interface AddedPool {
    /** The `NodePool` component's name. */
    owner: string;
    /** The pool in the planner's terms. */
    plan: NodePoolPlan;
}

/** The internals of one `AksCluster`. */
export interface ClusterContext {
    /** The component's name. */
    componentName: string;
    /** The cluster's design. */
    design: ClusterDesign;
    /** The ManagedCluster resource. */
    cluster: pulumi.Resource;
    /**
     * The plan including Azure's view of a network of your own, the rows of its path table (plain data: class instances don't travel through outputs) and the subnet every
     * pool uses there (the design's plan and table, and "", for a created VNet). Rejects when that
     * network doesn't fit the plan.
     */
    resolved: pulumi.Output<{ plan: NetworkPlan; pathRows: PathEntry[]; subnetName: string }>;
    /** The id of a subnet by name (undefined name: the default node subnet). */
    subnetId(name: string | undefined): pulumi.Input<string> | undefined;
    /** The cluster's location. @default - the resource group's */
    location?: pulumi.Input<string>;
    /** The cluster's tags. @default - none */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /** The last pool created: the next one waits for it (AKS refuses concurrent pool operations). */
    lastPool: pulumi.Resource;
    /** Pools added by `NodePool` components, in creation order. */
    added: AddedPool[];
}

const contexts = new WeakMap<object, ClusterContext>();

/** Remember a cluster's internals. */
export function setClusterContext(cluster: object, ctx: ClusterContext): void {
    contexts.set(cluster, ctx);
}

/** A cluster's internals, or undefined for an object that isn't a constructed `AksCluster`. */
export function getClusterContext(cluster: object): ClusterContext | undefined {
    return contexts.get(cluster);
}
