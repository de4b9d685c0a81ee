/**
 * Plan and diff output without noise: connected networks and maintenance windows by name, lists on
 * one line, resource ids cut in the middle, each finding once. Pure: hand-made plan results.
 */
import assert from "node:assert/strict";
import { formatDiagnostic } from "../../lib/core/diagnostic";
import { diffPlans, formatPlanDiff } from "../../lib/cli/diff";
import { displayValue, shortId } from "../../lib/cli/display";
import { connectedRows, maintenanceRow, maintenanceRows } from "../../lib/cli/network-rows";
import { formatPlan, logOnce } from "../../lib/cli/plan/render";
import type { FoundNetworkPlan, PlannedResource } from "../../lib/cli/plan/types";
import { describeNetworkPlan } from "../../lib/network";
import { planResult, resource, URN } from "./risk/plans";

const MCFG = "azure-native:containerservice:MaintenanceConfiguration";
const COMPONENT = "pulumi-aks-network:index:AksCluster";
const SUBNET_ID =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dev/providers/Microsoft.Network/virtualNetworks/vnet-dev/subnets/aks-nodes";

const report = describeNetworkPlan({
    vnetAddressSpaces: ["10.224.0.0/12"],
    nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/16" }],
    connectedNetworks: [{ name: "hub", cidr: "10.0.0.0/8", kind: "peering" }, "192.168.0.0/16"],
});

const window = (day: string, hours = 4) => ({
    schedule: { weekly: { dayOfWeek: day, intervalWeeks: 1 } },
    durationHours: hours,
    startTime: "01:00",
    utcOffset: "+01:00",
});

/** A component `aks` with a maintenance window below it, a pool with a long subnet id, and the found plan. */
function stack(day: string, owner = URN(COMPONENT, "aks")): { resources: PlannedResource[]; plan: FoundNetworkPlan } {
    const component = { ...resource(COMPONENT, "aks", {}), custom: false };
    const upgrade = {
        ...resource(MCFG, "aks-upgradeWindow", { configName: "aksManagedAutoUpgradeSchedule", maintenanceWindow: window(day) }),
        parent: component.urn,
    };
    const pool = resource("azure-native:containerservice:AgentPool", "aks-apps", {
        agentPoolName: "apps",
        availabilityZones: ["1", "2", "3"],
        vnetSubnetID: SUBNET_ID,
    });
    pool.keyProperties = { availabilityZones: ["1", "2", "3"], vnetSubnetID: SUBNET_ID };
    return { resources: [component, upgrade, pool], plan: { owner, output: "networkPlan", label: "aks", report } };
}

describe("plan and diff output: names, lists and ids", () => {
    it("shows connected networks by name (the CIDR when unnamed)", () => {
        assert.deepEqual(connectedRows(report), [
            { what: "connected hub", value: "10.0.0.0/8 (peering)" },
            { what: "connected 192.168.0.0/16", value: "192.168.0.0/16 (other)" },
        ]);
        assert.deepEqual(connectedRows(null), []);
    });

    it("shows a maintenance window by its configuration name and what it schedules", () => {
        const r = resource(MCFG, "w", { configName: "aksManagedNodeOSUpgradeSchedule", maintenanceWindow: window("Sunday", 6) });
        assert.deepEqual(maintenanceRow(r), {
            what: "maintenance aksManagedNodeOSUpgradeSchedule",
            value: "node OS upgrades, weekly on Sunday 01:00 +01:00 for 6h",
        });
        const custom = resource(MCFG, "nightly", {
            maintenanceWindow: { schedule: { daily: { intervalDays: 2 } }, durationHours: 8 },
        });
        assert.deepEqual(maintenanceRow(custom), { what: "maintenance nightly", value: "every 2 days 00:00 +00:00 for 8h" });
    });

    it("takes the maintenance windows below the plan's owner, or all of them for a stack output", () => {
        const { resources, plan } = stack("Sunday");
        assert.deepEqual(
            maintenanceRows(plan, 2, resources).map((x) => x.what),
            ["maintenance aksManagedAutoUpgradeSchedule"],
        );
        assert.deepEqual(maintenanceRows({ ...plan, owner: URN(COMPONENT, "other") }, 2, resources), []);
        assert.equal(maintenanceRows({ ...plan, owner: "stack" }, 2, resources).length, 1);
    });

    it("prints lists on one line, ids cut in the middle and the names in the plan", () => {
        const { resources, plan } = stack("Sunday");
        const text = formatPlan(planResult(resources, { networkPlans: [plan] }));
        assert.match(text, /^ +availabilityZones: 1, 2, 3$/m);
        assert.match(text, /^ +vnetSubnetID: \/subscriptions\/…\/.*virtualNetworks\/vnet-dev\/subnets\/aks-nodes$/m);
        assert.match(text, /^connected hub: 10\.0\.0\.0\/8 \(peering\)$/m);
        assert.match(text, /^maintenance aksManagedAutoUpgradeSchedule: cluster upgrades, weekly on Sunday 01:00 \+01:00 for 4h$/m);
        const md = formatPlan(planResult(resources, { networkPlans: [plan] }), "markdown");
        assert.match(md, /^- `connected hub`: 10\.0\.0\.0\/8 \(peering\)$/m);
        assert.match(md, /`availabilityZones`: 1, 2, 3/);
        assert.equal(shortId(SUBNET_ID, 60).length <= 62, true);
        assert.equal(displayValue([]), "(empty)");
    });

    it("prints each finding once: a logged finding of a network plan is left out of the notes, repeats too", () => {
        const finding = report.diagnostics.find((d) => d.severity !== "error");
        assert.ok(finding, "the plan has a warning or info finding");
        const { resources, plan } = stack("Sunday");
        const result = planResult(resources, {
            networkPlans: [plan],
            log: [
                { severity: "warning", message: formatDiagnostic(finding) },
                { severity: "warning", message: "chart not rendered offline" },
                { severity: "warning", message: "chart not rendered offline" },
            ],
        });
        assert.deepEqual(logOnce(result), [{ severity: "warning", message: "chart not rendered offline" }]);
        const text = formatPlan(result);
        assert.equal(text.split(formatDiagnostic(finding)).length - 1, 1, "the finding is printed once");
        assert.equal(text.split("chart not rendered offline").length - 1, 1);
    });

    it("shows a changed maintenance window by name in the diff, and only the changed rows", () => {
        const base = stack("Sunday");
        const head = stack("Saturday");
        const d = diffPlans(
            planResult(base.resources, { networkPlans: [base.plan] }),
            planResult(head.resources, { networkPlans: [head.plan] }),
        );
        assert.equal(d.networkPlans[0].change, "changed");
        assert.deepEqual(
            d.networkPlans[0].maintenance.filter((r) => r.changed).map((r) => r.what),
            ["maintenance aksManagedAutoUpgradeSchedule"],
        );
        const text = formatPlanDiff(d, "text");
        assert.match(
            text,
            /^Maintenance windows:\n {2}maintenance aksManagedAutoUpgradeSchedule: cluster upgrades, weekly on Sunday 01:00 \+01:00 for 4h -> cluster upgrades, weekly on Saturday 01:00 \+01:00 for 4h$/m,
        );
        assert.doesNotMatch(text, /connected hub/, "unchanged rows are left out");
        const same = diffPlans(
            planResult(base.resources, { networkPlans: [base.plan] }),
            planResult(base.resources, { networkPlans: [base.plan] }),
        );
        assert.equal(same.networkPlans[0].change, "unchanged");
    });
});
