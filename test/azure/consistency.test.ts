/**
 * One reading of one input: a NetworkPlan file validated by `aks-network validate` and the same cluster
 * described to `AksCluster` as arguments are judged alike (the same default Kubernetes version, the same
 * plugin-mode default, the same warnings made errors), for every example plan.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { AksClusterArgs } from "../../lib/azure/clusterArgs";
import { designCluster } from "../../lib/azure/design";
import { NetworkPlugin, NetworkPluginMode, OsSku, OsType } from "../../lib/azure/enums";
import { NodePoolSpec } from "../../lib/azure/nodePoolArgs";
import { readStructuredFile } from "../../lib/cli/io";
import { validateDocument } from "../../lib/cli/validate";
import { Diagnostic, NetworkPlan, NodePoolPlan } from "../../lib/network/types";
import { TEST_DEPLOYMENT } from "../helpers/mocks";

const PLANS = path.join(__dirname, "..", "..", "examples", "plans");

/** The pool as component arguments (the planner's defaults written out where the component's differ). */
function poolArgs(pool: NodePoolPlan): NodePoolSpec {
    return {
        name: pool.name,
        osType: pool.osType as OsType | undefined,
        osSku: pool.osSku as OsSku | undefined,
        vmSize: pool.vmSize,
        count: pool.count,
        minCount: pool.minCount ?? undefined,
        maxCount: pool.maxCount ?? undefined,
        maxPods: pool.maxPods,
        maxSurge: String(pool.maxSurge ?? 1),
        subnet: pool.subnet,
        podSubnet: pool.podSubnet,
    };
}

/** A NetworkPlan as `AksClusterArgs` describing the same cluster. */
function argsFromPlan(plan: NetworkPlan): AksClusterArgs {
    const [system, ...user] = plan.nodePools ?? [];
    const { name: _name, osType: _os, podSubnet: _pod, ...systemPool } = poolArgs(system);
    return {
        kubernetesVersion: plan.kubernetesVersion,
        network: {
            networkPlugin: plan.networkPlugin as NetworkPlugin | undefined,
            networkPluginMode: (plan.networkPluginMode ?? undefined) as NetworkPluginMode | undefined,
            // The defaults that differ on purpose (documented on ClusterNetworkArgs): AksCluster picks the
            // Cilium dataplane on Linux-only clusters and Calico with Windows pools, secure by default; a
            // plan says what AKS does: the Azure dataplane without a policy engine.
            networkDataplane: (plan.networkDataplane ?? "azure") as never,
            networkPolicy: (plan.networkPolicy ?? (plan.networkDataplane === "cilium" ? "cilium" : "none")) as never,
            ipFamilies: plan.ipFamilies as never,
            podCidrs: plan.podCidrs,
            serviceCidrs: plan.serviceCidrs,
            dnsServiceIP: plan.dnsServiceIP,
            outboundType: plan.outboundType as never,
            vnet: plan.vnetAddressSpaces ? { addressSpaces: plan.vnetAddressSpaces, subnets: plan.nodeSubnets } : undefined,
            connectedNetworks: plan.connectedNetworks?.map((c) => (typeof c === "string" ? { cidr: c } : c)) as never,
        },
        systemPool: { ...systemPool, name: system.name },
        nodePools: user.map(poolArgs),
        windows: plan.windowsProfile ? { adminUsername: plan.windowsProfile.adminUsername, adminPassword: "Q7v!rT2#pLx9@wZk" } : undefined,
        apiServer: plan.apiServerAuthorizedIpRanges
            ? { authorizedIpRanges: plan.apiServerAuthorizedIpRanges }
            : { allowPublicAccess: true },
    };
}

/** The planner's errors and warnings (R rules), by rule and severity. */
function verdicts(list: readonly Diagnostic[]): string[] {
    return list
        .filter((d) => /^R\d+$/.test(d.ruleId) && d.severity !== "info")
        .map((d) => `${d.severity} ${d.ruleId}`)
        .sort();
}

describe("one reading of a plan: aks-network validate and AksCluster agree", () => {
    const files = fs.readdirSync(PLANS).filter((f) => /\.(json|ya?ml)$/.test(f) && !f.includes("fixtures") && !f.startsWith("broken"));
    it("has example plans to compare", () => assert.ok(files.length >= 4, files.join(", ")));

    for (const file of files) {
        it(`examples/plans/${file}`, () => {
            const plan = readStructuredFile(path.join(PLANS, file)) as NetworkPlan;
            const cli = validateDocument(plan, file).report;
            const design = designCluster("consistency", argsFromPlan(plan), TEST_DEPLOYMENT);
            assert.deepEqual(verdicts(design.report.diagnostics), verdicts(cli.diagnostics));
            for (const key of ["kubernetesVersion", "networkPluginMode", "ipamMode", "networkPolicy"] as const) {
                assert.equal(design.report.effective[key], cli.effective[key], key);
            }
        });
    }

    it("reads the fields a plan leaves out with the components' defaults (version, plugin mode)", () => {
        const plan: NetworkPlan = { networkPlugin: "azure", nodePools: [{ name: "system", mode: "System", count: 3, maxPods: 110 }] };
        const cli = validateDocument(plan, "inline.json").report;
        const design = designCluster(
            "consistency",
            {
                apiServer: { allowPublicAccess: true },
                network: { networkPlugin: NetworkPlugin.Azure },
            },
            TEST_DEPLOYMENT,
        );
        assert.equal(cli.effective.kubernetesVersion, design.report.effective.kubernetesVersion);
        assert.equal(cli.effective.networkPluginMode, "overlay");
        assert.equal(design.report.effective.networkPluginMode, "overlay");
    });
});
