/**
 * The named rows of a network plan that the report itself counts or leaves out, for the plan and diff
 * outputs: connected networks by name, and the cluster's maintenance windows by their configuration name.
 */
import type { NetworkPlanReport } from "../network";
import type { FoundNetworkPlan, PlannedResource, PlanValue } from "./plan/types";

const MAINTENANCE = "azure-native:containerservice:MaintenanceConfiguration";

/**
 * What the AKS-managed configuration names schedule. Source:
 * https://learn.microsoft.com/azure/aks/planned-maintenance (`aksManagedAutoUpgradeSchedule`,
 * `aksManagedNodeOSUpgradeSchedule`; `default` is the legacy weekly configuration).
 */
const MAINTENANCE_PURPOSE: Readonly<Record<string, string>> = {
    aksManagedAutoUpgradeSchedule: "cluster upgrades",
    aksManagedNodeOSUpgradeSchedule: "node OS upgrades",
    default: "legacy weekly window",
};

/** One named row: `what` is the label (e.g. `connected hub`), `value` its description. */
export interface NamedRow {
    what: string;
    value: string;
}

/** Connected networks by name: `connected hub` → `10.0.0.0/16 (peering)`. */
export function connectedRows(r: NetworkPlanReport | null): NamedRow[] {
    return (r?.effective.connectedNetworks ?? []).map((c) => ({ what: `connected ${c.name}`, value: `${c.cidr} (${c.kind})` }));
}

const isObject = (v: PlanValue | undefined): v is { [key: string]: PlanValue } =>
    v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);

const text = (v: PlanValue | undefined): string | null => (typeof v === "string" || typeof v === "number" ? String(v) : null);

/** A maintenance window's schedule in words, e.g. `weekly on Sunday`, `every 2 weeks on Saturday`, `daily`. */
function scheduleText(schedule: PlanValue | undefined): string {
    if (!isObject(schedule)) return "no schedule";
    const { weekly, daily, absoluteMonthly, relativeMonthly } = schedule;
    if (isObject(weekly)) {
        const n = Number(weekly.intervalWeeks ?? 1);
        return `${n === 1 ? "weekly" : `every ${n} weeks`} on ${text(weekly.dayOfWeek) ?? "?"}`;
    }
    if (isObject(daily)) return Number(daily.intervalDays ?? 1) === 1 ? "daily" : `every ${text(daily.intervalDays)} days`;
    if (isObject(absoluteMonthly)) return `monthly on day ${text(absoluteMonthly.dayOfMonth) ?? "?"}`;
    if (isObject(relativeMonthly))
        return `monthly on the ${text(relativeMonthly.weekIndex) ?? "?"} ${text(relativeMonthly.dayOfWeek) ?? "?"}`;
    return "custom schedule";
}

/** One maintenance configuration as a row: `maintenance aksManagedAutoUpgradeSchedule` → `cluster upgrades, weekly on Sunday 00:00 +00:00 for 4h`. */
export function maintenanceRow(r: PlannedResource): NamedRow {
    const name = text(r.inputs.configName) ?? r.name;
    const w = r.inputs.maintenanceWindow;
    const purpose = MAINTENANCE_PURPOSE[name];
    let when: string;
    if (isObject(w)) {
        const start = text(w.startTime) ?? "00:00";
        const offset = text(w.utcOffset) ?? "+00:00";
        when = `${scheduleText(w.schedule)} ${start} ${offset} for ${text(w.durationHours) ?? "?"}h`;
    } else {
        when = Array.isArray(r.inputs.timeInWeek) ? "time in week (legacy)" : "no window";
    }
    return { what: `maintenance ${name}`, value: purpose ? `${purpose}, ${when}` : when };
}

/** The URNs above a resource. */
function ancestors(r: PlannedResource, byUrn: Map<string, PlannedResource>): string[] {
    const out: string[] = [];
    for (let p = r.parent; p !== null && !out.includes(p); p = byUrn.get(p)?.parent ?? null) out.push(p);
    return out;
}

/**
 * The maintenance windows of a found network plan: the configurations below its owner component, or
 * every configuration when the plan is a stack output or the only one.
 */
export function maintenanceRows(plan: FoundNetworkPlan, plans: number, resources: readonly PlannedResource[]): NamedRow[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const all = plan.owner === "stack" || plans === 1;
    return resources
        .filter((r) => r.type === MAINTENANCE && (all || ancestors(r, byUrn).includes(plan.owner)))
        .map(maintenanceRow)
        .sort((a, b) => a.what.localeCompare(b.what));
}
