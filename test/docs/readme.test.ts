/**
 * The reference tables of docs/reference.md are generated from the code (argument TSDoc, rule
 * catalogues). This test fails when they are stale; `WRITE_README=1 npx mocha test/docs/readme.test.ts`
 * rewrites them. The README itself keeps the example error, which must be what the component says.
 */
import * as assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { designCluster, formatProblems } from "../../lib/azure/design";
import { OsType } from "../../lib/azure/enums";
import { COMPONENT_RULES } from "../../lib/azure/rules";
import { SERVICE_RULES } from "../../lib/k8s/catalog";
import { RULES } from "../../lib/network/catalog";
import { addressPlanDiagram } from "../../lib/network/report";
import { stackConfigOf } from "../../lib/cli/project";
import { stackConfigToNetworkPlan } from "../../lib/cli/stack-args";
import { parse } from "yaml";
import { argTable, outputTable, replaceRegion, ruleTable } from "../helpers/docs";
import { TEST_DEPLOYMENT } from "../helpers/mocks";

const ROOT = join(__dirname, "..", "..");
const README = join(ROOT, "README.md");
const REFERENCE = join(__dirname, "..", "..", "docs", "reference.md");

const ARGS: [string, string, string[]][] = [
    [
        "AksCluster",
        "lib/azure/clusterArgs.ts",
        [
            "AksClusterArgs",
            "ClusterNetworkArgs",
            "VnetArgs",
            "SubnetArgs",
            "ConnectedNetworkArgs",
            "ApiServerArgs",
            "EntraArgs",
            "UpgradeArgs",
            "MaintenanceWindowArgs",
            "WindowsArgs",
            "MonitoringArgs",
            "ClusterIdentityArgs",
            "KubeconfigLoginArgs",
        ],
    ],
    ["Node pools", "lib/azure/nodePoolArgs.ts", ["SystemPoolArgs", "NodePoolSpec", "NodeTaint"]],
    ["IngressController", "lib/k8s/ingressController.ts", ["IngressControllerArgs"]],
    ["SampleApp", "lib/k8s/sampleApp.ts", ["SampleAppArgs"]],
    ["SampleApp", "lib/k8s/manifests.ts", ["SampleAppOptions"]],
    ["ConnectivityProbe", "lib/k8s/connectivityProbe.ts", ["ConnectivityProbeArgs"]],
    ["Network plan (validateNetworkPlan)", "lib/network/types.ts", ["NetworkPlan", "NodePoolPlan", "NodeSubnetPlan", "ConnectedNetwork"]],
];
const OUTPUTS: [string, string][] = [
    ["lib/azure/aksCluster.ts", "AksCluster"],
    ["lib/azure/nodePool.ts", "NodePool"],
    ["lib/k8s/ingressController.ts", "IngressController"],
    ["lib/k8s/sampleApp.ts", "SampleApp"],
    ["lib/k8s/connectivityProbe.ts", "ConnectivityProbe"],
];

/** The dev stack's address plan as the markdown report draws it. */
function devStackPicture(): string {
    const values = stackConfigOf(
        parse(readFileSync(join(ROOT, "Pulumi.dev.yaml"), "utf8")),
        "aks-network",
        "dev",
        "Pulumi.dev.yaml",
    ).values;
    const { report } = stackConfigToNetworkPlan(values);
    return addressPlanDiagram(report.effective);
}

function generated(): string {
    let doc = readFileSync(REFERENCE, "utf8");
    const args: string[] = [];
    let heading = "";
    for (const [title, file, names] of ARGS) {
        if (title !== heading) args.push(`### ${title} arguments`);
        heading = title;
        for (const n of names) args.push(argTable(file, n));
    }
    args.push("### Outputs");
    for (const [file, cls] of OUTPUTS) args.push(outputTable(file, cls));
    doc = replaceRegion(doc, "args", args.join("\n\n"));
    doc = replaceRegion(doc, "rules-network", ruleTable(RULES));
    doc = replaceRegion(doc, "rules-component", ruleTable(COMPONENT_RULES));
    doc = replaceRegion(doc, "rules-service", ruleTable(SERVICE_RULES));
    doc = replaceRegion(doc, "address-plan", devStackPicture());
    return doc;
}

describe("README", () => {
    it("has reference tables (docs/reference.md) in sync with the code", () => {
        const want = generated();
        if (process.env.WRITE_README === "1") writeFileSync(REFERENCE, want);
        assert.equal(
            readFileSync(REFERENCE, "utf8"),
            want,
            "docs/reference.md tables are stale: run WRITE_README=1 npx mocha test/docs/readme.test.ts",
        );
    });

    it("keeps the generated tables out of the README, links to them and stays under 300 lines", () => {
        const doc = readFileSync(README, "utf8");
        assert.doesNotMatch(doc, /<!-- generated:/);
        assert.match(doc, /\]\(docs\/reference\.md[#)]/);
        const lines = doc.split("\n").length - (doc.endsWith("\n") ? 1 : 0);
        assert.ok(lines < 300, `README.md has ${lines} lines`);
    });

    it("documents every argument with a description, and every optional one with a default", () => {
        const missing: string[] = [];
        for (const [, file, names] of ARGS) {
            for (const n of names) {
                const table = argTable(file, n).split("\n").slice(4);
                for (const row of table) {
                    const cells = row.split(/(?<!\\)\|/).map((c) => c.trim());
                    if (!cells[4]) missing.push(`${n}.${cells[1]}: no description`);
                    if (!cells[3]) missing.push(`${n}.${cells[1]}: no @default`);
                }
            }
        }
        assert.deepEqual(missing, []);
    });

    it("names the two commands of a fresh machine and the test command CI runs", () => {
        const doc = readFileSync(README, "utf8");
        assert.match(doc, /npm ci && npm run plan/);
        assert.match(doc, /^npm test\b/m);
        assert.match(readFileSync(join(__dirname, "..", "..", ".ci", "run"), "utf8"), /npm test/);
    });

    it("shows the error a real AksCluster gives for its example arguments", () => {
        const d = designCluster(
            "prod",
            {
                apiServer: { authorizedIpRanges: ["20.61.0.0/24"] },
                network: {
                    podCidrs: ["10.244.0.0/20"],
                    serviceCidrs: ["10.224.0.0/16"],
                    dnsServiceIP: "10.224.0.10",
                    vnet: { subnets: [{ name: "nodes", cidr: "10.224.0.0/16" }] },
                },
                nodePools: [
                    { name: "apps", minCount: 2, maxCount: 20 },
                    { name: "windows", osType: OsType.Windows },
                ],
            },
            TEST_DEPLOYMENT,
        );
        const message = formatProblems(
            `invalid AksCluster "prod" arguments; nothing was created`,
            d.diagnostics.filter((x) => x.severity === "error"),
        );
        assert.ok(readFileSync(README, "utf8").includes(message), `README's example error is not what the component says:\n${message}`);
    });
});
