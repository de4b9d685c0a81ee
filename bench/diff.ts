/**
 * 6. Plan diff: `diffPlans` and the markdown comment of two 1,000-resource plan results that differ in
 * every resource (a replacement, refused updates, updates, creates, deletes and renames), in process.
 * Budget: under 1 s (median).
 */
import { diffPlans, formatPlanDiff } from "../lib/cli/diff";
import type { PlannedResource, PlanResult } from "../lib/cli/plan/types";
import { budget, Measurement } from "./result";
import { median, ms, range } from "./stats";

const BUDGET_MS = 1_000;
const RESOURCES = 1_000;

const TYPES = [
    "azure-native:containerservice:AgentPool",
    "azure-native:network:Subnet",
    "azure-native:authorization:RoleAssignment",
    "kubernetes:core/v1:Service",
    "kubernetes:apps/v1:Deployment",
];

function resource(i: number, side: "base" | "head"): PlannedResource {
    const type = TYPES[i % TYPES.length];
    const name = side === "head" && i % 50 === 0 ? `renamed-${i}` : `r-${i}`;
    const v = side === "base" ? 1 : 2;
    return {
        urn: `urn:pulumi:dev::bench::${type}::${name}`,
        type,
        name,
        parent: "urn:pulumi:dev::bench::pulumi:pulumi:Stack::bench-dev",
        op: "create",
        custom: true,
        provider: null,
        dependsOn: [],
        options: i % 7 === 0 ? { protect: true } : {},
        keyProperties: {},
        inputs: {
            resourceGroupName: "rg",
            metadata: { name: `r-${i}`, namespace: "bench" },
            vmSize: i % 3 === 0 ? `Standard_D${v * 4}ds_v5` : "Standard_D4ds_v5",
            maxPods: i % 5 === 0 ? 100 + v : 110,
            tags: { index: String(i), round: String(v) },
            availabilityZones: ["1", "2", side === "head" ? "3" : "2"],
            spec: { ipFamilies: ["IPv4"], template: { image: `nginx:1.${v}` } },
        },
    };
}

function plan(side: "base" | "head"): PlanResult {
    const resources = Array.from({ length: RESOURCES }, (_, i) => resource(i, side));
    return {
        kind: "aks-network-plan",
        version: 1,
        tool: "bench",
        project: "bench",
        stack: "dev",
        program: { runtime: "nodejs", main: "index.ts" },
        preview: false,
        status: "ok",
        error: null,
        config: {},
        networkPlans: [],
        outputs: {},
        resources,
        summary: { resources: resources.length, byType: {} },
        log: [],
    };
}

export function measureDiff(rounds: number): Measurement {
    const base = plan("base");
    const head = plan("head");
    const samples: number[] = [];
    let size = 0;
    let changes = 0;
    for (let r = 0; r < rounds; r++) {
        const t0 = process.hrtime.bigint();
        const d = diffPlans(base, head);
        size = formatPlanDiff(d, "markdown").length;
        changes = d.changes.length;
        samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const med = median(samples);
    const b = budget("diff of two 1,000-resource plans", med, "<", BUDGET_MS, "ms");
    return {
        id: "diff",
        title: "Plan diff",
        status: b.status,
        rows: [
            {
                figure: `diff + markdown, ${RESOURCES.toLocaleString("en-US")} resources`,
                value: `${ms(med)} (${ms(range(samples)[0])}–${ms(range(samples)[1])})`,
                budget: `< ${ms(BUDGET_MS)}`,
                status: b.status,
            },
        ],
        budgets: [b],
        notes: [`${changes} changes classified; markdown comment ${size.toLocaleString("en-US")} characters.`],
        data: { samples, changes, size },
    };
}
