/**
 * The core of an `AksCluster`: what a `NodePool` needs to join the cluster, as plain data (names, ids,
 * the network plan as the planner reads it, the cluster's facts), so it can be exported from one stack
 * and read in another (`StackReference`), or written by a program in another language.
 */
import * as pulumi from "@pulumi/pulumi";
import { PathRow } from "../../core/diagnostic";
import { ClusterFacts } from "../../core/facts";
import { JsonValue } from "../../core/json";
import { Path } from "../../core/path";
import { NetworkPlan } from "../../network/types";
import { checkShape, isOutput, ObjectShape, opt, req, S, Shape, ShapeCheck } from "../shape";

/**
 * The core of an `AksCluster` (its `core` output): plain data that crosses a stack or language
 * boundary. Pass it as `NodePoolArgs.cluster` to add a pool from another stack.
 */
export interface ClusterCore {
    /** The `AksCluster` component's name; messages name the cluster by it. */
    componentName: string;
    /** The cluster's Azure name. */
    clusterName: string;
    /** The resource group of the cluster. */
    resourceGroupName: string;
    /** The cluster's resource id. */
    clusterId: string;
    /** The cluster's Azure region ("" when Azure reported none). */
    location: string;
    /**
     * The cluster's network plan as the planner reads it (every default explicit), with Azure's view of
     * a network of your own. A pool that joins is validated against it. A `NetworkPlan` (a JSON value
     * in the multi-language schema: see lib/core/json.ts).
     */
    networkPlan: JsonValue;
    /** The cluster's facts (see `AksCluster.clusterFacts`). */
    clusterFacts: ClusterFacts;
    /** Resource ids of the cluster's subnets by name (a network of your own: the subnet of `network.nodeSubnetId`). */
    subnetIds: { [name: string]: string };
    /** The subnet every pool uses on a network of your own. @default - none: a created VNet, where pools name their subnet */
    ownSubnetName?: string;
    /** The names of the cluster's pools (System and `nodePools`; pools added by `NodePool` are not listed). */
    nodePoolNames: string[];
    /** Plan warnings that fail (the cluster's `network.warningsAsErrors`); they fail a joining pool too. */
    warningsAsErrors: string[];
    /** How the plan's paths read in the cluster's arguments (opaque `PathRow`s, for messages in the user's terms). */
    pathRows: JsonValue[];
    /** The cluster's tags, given to joining pools too. @default - none */
    tags?: { [key: string]: string };
}

const isObject = (v: unknown): boolean => typeof v === "object" && v !== null && !Array.isArray(v) && !isOutput(v);

const SEGMENTS_SHAPE = S.list(
    S.opaque<string | number>(
        "string | number",
        "a path segment (a key or an index)",
        "write a string or a number",
        (v) => typeof v === "string" || typeof v === "number",
    ),
) as unknown as Shape<Path>;
const PATH_ROW_SHAPE: ObjectShape<PathRow> = S.object<PathRow>("PathRow", `{ from: ["podCidrs"], to: ["network", "podCidrs"] }`, {
    from: req(SEGMENTS_SHAPE),
    to: req(SEGMENTS_SHAPE),
    whole: opt(S.boolean),
    note: opt(S.string),
    inMessage: opt(S.string),
    label: opt(S.string),
});

/** The shape of a `ClusterCore`: a core read from another stack is checked against it. */
export const CLUSTER_CORE_SHAPE: ObjectShape<ClusterCore> = S.object<ClusterCore>(
    "ClusterCore",
    "the core output of an AksCluster (AksCluster.core)",
    {
        componentName: req(S.string),
        clusterName: req(S.string),
        resourceGroupName: req(S.string),
        clusterId: req(S.string),
        location: req(S.string),
        networkPlan: req(
            S.opaque<NetworkPlan>("NetworkPlan", "a network plan object", "pass the cluster's core as AksCluster.core gives it", isObject),
        ),
        clusterFacts: req(
            S.opaque<ClusterFacts>(
                "ClusterFacts",
                "a ClusterFacts object with its kubernetesVersion",
                "pass the cluster's core as AksCluster.core gives it",
                (v) => isObject(v) && typeof (v as { kubernetesVersion?: unknown }).kubernetesVersion === "string",
            ),
        ),
        subnetIds: req(S.map(S.string)),
        ownSubnetName: opt(S.string),
        nodePoolNames: req(S.list(S.string)),
        warningsAsErrors: req(S.list(S.string)),
        pathRows: req(S.list(PATH_ROW_SHAPE)),
        tags: opt(S.map(S.string)),
    },
);

const CORE_KEYS = Object.keys(CLUSTER_CORE_SHAPE.fields);

/** True for an object that means to be a core: a plain object with at least one `ClusterCore` field. */
export function looksLikeCore(v: unknown): boolean {
    return isObject(v) && Object.getPrototypeOf(v) === Object.prototype && CORE_KEYS.some((k) => k in (v as object));
}

/** The NodePool arguments' view of a core: problems are named `cluster.<field>`. */
const CORE_ARG_SHAPE = S.object<{ cluster: ClusterCore }>("NodePoolArgs", "{ cluster: AksCluster.core }", {
    cluster: req(CLUSTER_CORE_SHAPE),
});

/**
 * Check a core given as `NodePoolArgs.cluster`: every missing or ill-typed field is a problem (A22)
 * named `cluster.<field>`. Fields this version doesn't know are ignored (a core from a newer version).
 */
export function checkClusterCore(value: unknown): ShapeCheck<ClusterCore> {
    const known = isObject(value)
        ? Object.fromEntries(CORE_KEYS.filter((k) => k in (value as object)).map((k) => [k, (value as Record<string, unknown>)[k]]))
        : value;
    const shape = checkShape<{ cluster: ClusterCore }>({ cluster: known }, CORE_ARG_SHAPE, false);
    return { ...shape, value: shape.value?.cluster };
}

/** The plain parts of a core, known when the cluster is constructed. */
export type PlannedCore = Pick<
    ClusterCore,
    | "componentName"
    | "clusterName"
    | "resourceGroupName"
    | "networkPlan"
    | "clusterFacts"
    | "nodePoolNames"
    | "warningsAsErrors"
    | "pathRows"
>;

/** The parts of a core known once the cluster is deployed (a network of your own, read from Azure, changes the plan). */
export interface DeployedCore {
    /** The cluster's resource id. */
    clusterId: pulumi.Input<string>;
    /** The cluster's region. */
    location: pulumi.Input<string | undefined>;
    /** Subnet ids by name. */
    subnetIds: pulumi.Input<{ [name: string]: string }>;
    /** The plan and its path rows with Azure's view, and the subnet of your own (""). */
    network: pulumi.Input<{ plan: NetworkPlan; pathRows: PathRow[]; subnetName: string }>;
    /** The tags as given. */
    tags: pulumi.Input<{ [key: string]: pulumi.Input<string> }> | undefined;
}

/** A cluster's core, once deployed. */
export function coreOutput(planned: PlannedCore, deployed: DeployedCore): pulumi.Output<ClusterCore> {
    return pulumi
        .all([deployed.clusterId, deployed.location, deployed.subnetIds, deployed.network, pulumi.output(deployed.tags)])
        .apply(([clusterId, location, subnetIds, network, tags]) => {
            const core: ClusterCore = {
                ...planned,
                clusterId,
                location: location ?? "",
                subnetIds,
                networkPlan: network.plan,
                pathRows: network.pathRows,
            };
            if (network.subnetName !== "") core.ownSubnetName = network.subnetName;
            if (tags !== undefined) core.tags = tags as { [key: string]: string };
            return core;
        });
}

/** The kubelet's managed identity (for ACR pull and Key Vault role assignments). */
export interface KubeletIdentity {
    /** The identity's client (application) id. */
    clientId: string;
    /** The identity's object (principal) id, for role assignments. */
    objectId: string;
    /** The identity's resource id. */
    resourceId: string;
}
