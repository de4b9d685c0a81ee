/**
 * The policy evaluator at stack scale: 1,000 resources (50 clusters, each with a VNet, two subnets,
 * two AgentPools and 14 Services) evaluated in one call, as the pack's stack policy does in a preview.
 * Budget: under 200 ms (median of the rounds, in this process after one warm-up call).
 */
import { evaluatePolicies, PolicyResource } from "../lib/policy";
import { budget, Measurement } from "./result";
import { median, ms, range } from "./stats";

const BUDGET_MS = 200;
const CLUSTERS = 50;

/** One cluster's 20 resources; cluster `i` uses 10.<i>.0.0/16 for its VNet. */
function clusterResources(i: number): PolicyResource[] {
    const urn = (type: string, name: string) => `urn:pulumi:bench::p::${type}::${name}`;
    const r = (type: string, name: string, props: unknown): PolicyResource => ({ type, name, urn: urn(type, name), props });
    const vnetName = `vnet${i}`;
    const subnetId = (s: string) =>
        `/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/${vnetName}/subnets/${s}`;
    const list: PolicyResource[] = [
        r("azure-native:network:VirtualNetwork", vnetName, {
            virtualNetworkName: vnetName,
            addressSpace: { addressPrefixes: [`10.${i}.0.0/16`] },
        }),
        r("azure-native:network:Subnet", `nodes${i}`, {
            virtualNetworkName: vnetName,
            subnetName: "nodes",
            addressPrefix: `10.${i}.0.0/20`,
        }),
        r("azure-native:network:Subnet", `apps${i}`, {
            virtualNetworkName: vnetName,
            subnetName: "apps",
            addressPrefix: `10.${i}.16.0/20`,
        }),
        r("azure-native:containerservice:ManagedCluster", `aks${i}`, {
            resourceName: `aks${i}`,
            kubernetesVersion: "1.33",
            networkProfile: {
                networkPlugin: "azure",
                networkPluginMode: "overlay",
                podCidr: "172.16.0.0/16",
                serviceCidr: "192.168.0.0/16",
                dnsServiceIP: "192.168.0.10",
            },
            agentPoolProfiles: [{ name: "system", mode: "System", count: 3, vmSize: "Standard_D4ds_v5", vnetSubnetID: subnetId("nodes") }],
        }),
    ];
    for (const [k, subnet] of ["nodes", "apps"].entries())
        list.push(
            r("azure-native:containerservice:AgentPool", `pool${i}-${k}`, {
                resourceName: `aks${i}`,
                agentPoolName: `user${k}`,
                count: 5,
                maxPods: 110,
                vnetSubnetID: subnetId(subnet),
            }),
        );
    for (let s = 0; s < 14; s++)
        list.push(
            r("kubernetes:core/v1:Service", `svc${i}-${s}`, {
                apiVersion: "v1",
                kind: "Service",
                metadata: { name: `svc${s}` },
                spec: {
                    type: s % 2 === 0 ? "LoadBalancer" : "ClusterIP",
                    selector: { app: `a${s}` },
                    ports: [{ name: "http", port: 80, targetPort: 8080 }],
                },
            }),
        );
    return list;
}

/** The stack of the measurement. */
export function policyStack(): PolicyResource[] {
    return Array.from({ length: CLUSTERS }, (_, i) => clusterResources(i)).flat();
}

/** Evaluate the stack `rounds` times and judge the median. */
export function measurePolicy(rounds: number): Measurement {
    const stack = policyStack();
    evaluatePolicies(stack);
    const samples: number[] = [];
    let violations = 0;
    for (let round = 0; round < rounds; round++) {
        const t0 = process.hrtime.bigint();
        violations = evaluatePolicies(stack).length;
        samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const value = median(samples);
    const b = budget("policy evaluation, 1,000 resources", value, "<", BUDGET_MS, "ms");
    const [low, high] = range(samples);
    return {
        id: "policy",
        title: "Policy evaluator",
        status: b.status,
        rows: [
            {
                figure: `evaluatePolicies, ${stack.length} resources (${CLUSTERS} clusters)`,
                value: `${ms(value)} (rounds ${ms(low)}-${ms(high)}; ${violations} violations)`,
                budget: `< ${BUDGET_MS} ms`,
                status: b.status,
            },
        ],
        budgets: [b],
        notes: [],
        data: { samples, resources: stack.length, violations },
    };
}
