/**
 * From an azure-native `ManagedCluster` (and the `AgentPool`s that join it) to the planner's
 * `NetworkPlan`, in the props' own terms:
 *
 *   plan path                      property (SDK input form)
 *   networkPlugin ... outboundType networkProfile.<same>
 *   podCidrs / serviceCidrs        networkProfile.podCidrs / serviceCidrs, else [podCidr] / [serviceCidr]
 *   kubernetesVersion              kubernetesVersion
 *   nodePools[i]                   agentPoolProfiles[i], then each AgentPool resource of the cluster
 *     .subnet / .podSubnet         vnetSubnetID / podSubnetID (the subnet named in the ARM ID)
 *     .maxSurge                    upgradeSettings.maxSurge
 *     .minCount / .maxCount        minCount / maxCount (read only with enableAutoScaling: true)
 *   windowsProfile                 windowsProfile
 *   apiServerAuthorizedIpRanges    apiServerAccessProfile.authorizedIPRanges
 *
 * The network around it (VNet, subnets, peerings) is read by `network.ts`.
 * Pure: no Pulumi imports.
 */
import { Path } from "../core/path";
import { PlanBuilder, Place } from "./builder";
import { field, isObject, isUnknown, UNKNOWN } from "./props";
import { azureName, parseSubnetId, resolve, StackIndex, StackResource } from "./stack";

/** The network profile keys that keep their name in the plan. */
const PROFILE_KEYS = [
    "networkPlugin",
    "networkPluginMode",
    "networkDataplane",
    "networkPolicy",
    "ipFamilies",
    "dnsServiceIP",
    "outboundType",
];

/** Pool fields that keep their name in the plan. */
const POOL_KEYS = ["osType", "mode", "count", "vmSize", "maxPods", "osSku"];

/** Where a pool's nodes (or pods) go, as its props say. */
export type SubnetRef = { vnet: string; subnet: string } | "opaque" | undefined;

/** A node pool of the plan and where it came from. */
export interface PoolSource {
    /** Its index in the plan's `nodePools`. */
    planIndex: number;
    /** Where its props sit: the cluster's `agentPoolProfiles[i]` or an `AgentPool`'s root. */
    place: Place;
    /** The pool's own props. */
    props: unknown;
    /** The props of the resource holding it (places are rooted there). */
    resourceProps: unknown;
    /** The plan's pool, filled in. */
    pool: Record<string, unknown>;
    subnet: SubnetRef;
    podSubnet: SubnetRef;
}

/** The subnet an ID names; "opaque" for an unknown ID or one that is not a subnet's ARM ID. */
function subnetRef(id: unknown): SubnetRef {
    if (id === undefined || id === null) return undefined;
    return parseSubnetId(id) ?? "opaque";
}

/** The network profile into the plan. */
export function profileInto(b: PlanBuilder, cluster: StackResource): void {
    const profile = field(cluster.props, "networkProfile");
    const at = (...path: Path): Place => ({ resource: cluster.index, path: ["networkProfile", ...path] });
    if (isUnknown(profile)) {
        b.markUnknown(["networkPlugin"], at());
        return;
    }
    for (const key of PROFILE_KEYS) b.copy(b.plan, key, [key], at(key), cluster.props);
    for (const [list, single] of [
        ["podCidrs", "podCidr"],
        ["serviceCidrs", "serviceCidr"],
    ]) {
        if (field(profile, list) !== undefined) {
            b.copy(b.plan, list, [list], at(list), cluster.props);
            continue;
        }
        const value = b.read([list], at(single), cluster.props);
        if (value === undefined) continue;
        b.plan[list] = [value];
        b.row([list], at(single), { whole: true });
    }
}

/**
 * One pool's props into a plan pool. `logicalName` is the `AgentPool` resource's logical name: without
 * `agentPoolName`, azure-native names the pool after it, as is ("for child resources ... we simply copy
 * the logical name to the physical name without any randomization": pulumi-azure-native CHANGELOG
 * 0.7.0, "Auto-naming"; `agentPoolName` is the last path parameter of the AgentPool endpoint, and it is
 * optional in the SDK, @pulumi/azure-native 3.28.0 containerservice/agentPool.d.ts). A stack-wide
 * `pulumi:autonaming` pattern would change that name; the policy cannot see it.
 */
function poolFrom(b: PlanBuilder, source: PoolSource, nameKey: string, logicalName?: string): void {
    const { planIndex, place, props, resourceProps, pool } = source;
    const planPath = (key: string): Path => ["nodePools", planIndex, key];
    const sub = (...path: Path): Place => ({ resource: place.resource, path: [...place.path, ...path] });
    b.row(["nodePools", planIndex], place);
    const name = field(props, nameKey);
    if (name === undefined && logicalName !== undefined) {
        pool.name = logicalName;
        b.row(planPath("name"), sub(nameKey));
    } else b.copy(pool, "name", planPath("name"), sub(nameKey), resourceProps);
    for (const key of POOL_KEYS) b.copy(pool, key, planPath(key), sub(key), resourceProps);
    b.copy(pool, "maxSurge", planPath("maxSurge"), sub("upgradeSettings", "maxSurge"), resourceProps);
    const autoscale = field(props, "enableAutoScaling");
    if (isUnknown(autoscale)) {
        b.markUnknown(planPath("maxCount"), sub("enableAutoScaling"));
    } else if (autoscale === true) {
        b.copy(pool, "minCount", planPath("minCount"), sub("minCount"), resourceProps);
        b.copy(pool, "maxCount", planPath("maxCount"), sub("maxCount"), resourceProps);
    }
    source.subnet = subnetRef(field(props, "vnetSubnetID"));
    source.podSubnet = subnetRef(field(props, "podSubnetID"));
    b.row(planPath("subnet"), sub("vnetSubnetID"));
    b.row(planPath("podSubnet"), sub("podSubnetID"));
}

/** The AgentPool resources that join `cluster` (by `resourceName`; an unknown name joins the only cluster). */
export function poolsOf(index: StackIndex, cluster: StackResource): StackResource[] {
    return index.byKind.agentPool.filter(
        (pool) => resolve(field(pool.props, "resourceName"), index.byKind.cluster, "resourceName") === cluster,
    );
}

/** The cluster's node pools (inline profiles first, then its AgentPools) into the plan. */
export function poolsInto(b: PlanBuilder, index: StackIndex, cluster: StackResource): PoolSource[] {
    const profiles = field(cluster.props, "agentPoolProfiles");
    const sources: PoolSource[] = [];
    const add = (place: Place, props: unknown, resourceProps: unknown, nameKey: string, logicalName?: string) => {
        const source: PoolSource = {
            planIndex: sources.length,
            place,
            props,
            resourceProps,
            pool: {},
            subnet: undefined,
            podSubnet: undefined,
        };
        poolFrom(b, source, nameKey, logicalName);
        sources.push(source);
    };
    if (profiles === UNKNOWN) b.markUnknown(["nodePools"], { resource: cluster.index, path: ["agentPoolProfiles"] });
    else if (Array.isArray(profiles))
        profiles.forEach((p, i) => add({ resource: cluster.index, path: ["agentPoolProfiles", i] }, p, cluster.props, "name"));
    else if (profiles !== undefined) {
        // Not a list: the planner reports it as an ill-shaped nodePools (R71) at agentPoolProfiles.
        b.plan.nodePools = profiles;
        b.row(["nodePools"], { resource: cluster.index, path: ["agentPoolProfiles"] });
        return [];
    }
    for (const pool of poolsOf(index, cluster)) add({ resource: pool.index, path: [] }, pool.props, pool.props, "agentPoolName", pool.name);
    b.plan.nodePools = sources.map((s) => s.pool);
    if (sources.length > 0 || profiles !== undefined) b.row(["nodePools"], { resource: cluster.index, path: ["agentPoolProfiles"] });
    return sources;
}

/** Version, Windows profile and API server ranges into the plan. */
export function clusterFieldsInto(b: PlanBuilder, cluster: StackResource): void {
    const at = (...path: Path): Place => ({ resource: cluster.index, path });
    b.copy(b.plan, "kubernetesVersion", ["kubernetesVersion"], at("kubernetesVersion"), cluster.props);
    const windows = field(cluster.props, "windowsProfile");
    if (isUnknown(windows)) b.markUnknown(["windowsProfile"], at("windowsProfile"));
    else if (isObject(windows)) {
        const profile: Record<string, unknown> = {};
        b.copy(profile, "adminUsername", ["windowsProfile", "adminUsername"], at("windowsProfile", "adminUsername"), cluster.props);
        // A password that is a secret or not known yet is still a password: it is only checked when known.
        b.copy(profile, "adminPassword", ["windowsProfile", "adminPassword"], at("windowsProfile", "adminPassword"), cluster.props);
        b.plan.windowsProfile = profile;
        b.row(["windowsProfile"], at("windowsProfile"));
    } else if (windows !== undefined) b.copy(b.plan, "windowsProfile", ["windowsProfile"], at("windowsProfile"), cluster.props);
    b.copy(
        b.plan,
        "apiServerAuthorizedIpRanges",
        ["apiServerAuthorizedIpRanges"],
        at("apiServerAccessProfile", "authorizedIPRanges"),
        cluster.props,
    );
}

/** The cluster's Azure name (for `AgentPool.resourceName` links and messages). */
export function clusterName(cluster: StackResource): string | typeof UNKNOWN {
    return azureName(cluster, "resourceName");
}
