/**
 * `aks-network diff <base.json> <head.json>`: what a change does to the network and the resources,
 * from two `aks-network plan --format json` results (e.g. main and a pull request), as text or a
 * markdown PR comment.
 */
import type { Diagnostic, NetworkPlanReport } from "../network";
import { UsageError } from "./errors";
import { isRecord, readStructuredFile } from "./io";
import { connectedRows, maintenanceRows, NamedRow } from "./network-rows";
import { keyPathsOf } from "./plan/key-properties";
import { FoundNetworkPlan, PLAN_RESULT_KIND, PLAN_RESULT_VERSION, PlannedResource, PlanResult, PlanValue } from "./plan/types";
import { flatten } from "./plan/values";
import { assessChanges, ResourceChange, RISK_CLASSES, RiskClass, RiskSummary, summarize } from "./risk";
import { changeLines, Markup, markupOf, summaryLine } from "./risk/render";

/** One compared line: a network setting or a capacity figure. */
export interface DiffRow {
    /** What is compared, e.g. `pod CIDRs` or `IPv4 pod CIDR: nodes it holds`. */
    what: string;
    base: string;
    head: string;
    changed: boolean;
}

/** The comparison of one network plan (paired by owner and output path). */
export interface NetworkPlanDiff {
    label: string;
    change: "added" | "removed" | "changed" | "unchanged";
    verdict: { base: string | null; head: string | null };
    addressRanges: DiffRow[];
    capacity: DiffRow[];
    /** The cluster's maintenance windows by configuration name (from the plan's `MaintenanceConfiguration` resources). */
    maintenance: DiffRow[];
    diagnostics: { added: Diagnostic[]; removed: Diagnostic[] };
}

/** One changed input of a resource. */
export interface InputChange {
    path: string;
    base: PlanValue | undefined;
    head: PlanValue | undefined;
    /** True when the path is (inside) a key property of the type. */
    key: boolean;
}

/** A resource in both plans whose inputs differ. */
export interface ChangedResource {
    urn: string;
    type: string;
    name: string;
    changes: InputChange[];
}

/** What `diff` computes (also `diff --format json`). */
export interface PlanDiff {
    kind: "aks-network-plan-diff";
    version: 1;
    /** `ok` when both programs completed; otherwise which side failed (then no resource is compared). */
    status: "ok" | "base-failed" | "head-failed";
    /** Counts of the changes per risk class and per operation. */
    summary: RiskSummary;
    /** Every created, deleted, updated, replaced or renamed resource with its risk class and reasons, most severe first. */
    changes: ResourceChange[];
    base: { project: string; stack: string; status: string; error: string | null };
    head: { project: string; stack: string; status: string; error: string | null };
    networkPlans: NetworkPlanDiff[];
    resources: {
        added: PlannedResource[];
        removed: PlannedResource[];
        changed: ChangedResource[];
        unchanged: number;
        /** Removed and added resources of one type with identical inputs: a rename or move that needs an alias. */
        renamed: { from: string; to: string; type: string }[];
    };
}

/** Read a plan result file; a one-line {@link UsageError} when it is not one. */
export function readPlanResult(file: string): PlanResult {
    const doc = readStructuredFile(file);
    if (!isRecord(doc) || doc.kind !== PLAN_RESULT_KIND) {
        throw new UsageError(
            `${file} is not an aks-network plan result (expected "kind": "${PLAN_RESULT_KIND}" from aks-network plan --format json)`,
        );
    }
    if (doc.version !== PLAN_RESULT_VERSION) {
        throw new UsageError(
            `${file} is a version ${String(doc.version)} plan result; this aks-network reads version ${PLAN_RESULT_VERSION}`,
        );
    }
    if (!Array.isArray(doc.resources) || !Array.isArray(doc.networkPlans))
        throw new UsageError(`${file} is an incomplete plan result (no resources or networkPlans list)`);
    return doc as unknown as PlanResult;
}

const list = (v: readonly string[]) => (v.length ? v.join(", ") : "-");
const num = (n: number | string | null | undefined) =>
    n === null || n === undefined ? "-" : typeof n === "number" ? n.toLocaleString("en-US") : n;

const IPAM_NAMES: Record<string, string> = {
    overlay: "Azure CNI Overlay",
    podSubnet: "Azure CNI pod subnet",
    nodeSubnet: "Azure CNI node subnet",
    kubenet: "kubenet",
    none: "bring-your-own CNI",
};

function addressRows(r: NetworkPlanReport | null): Map<string, string> {
    const m = new Map<string, string>();
    if (!r) return m;
    const e = r.effective;
    m.set("network", `${IPAM_NAMES[e.ipamMode] ?? e.ipamMode}, dataplane ${e.networkDataplane}, policy ${e.networkPolicy}`);
    m.set("IP families", list(e.ipFamilies));
    m.set("pod CIDRs", list(e.podCidrs));
    m.set("service CIDRs", list(e.serviceCidrs));
    m.set("DNS service IP", e.dnsServiceIP);
    m.set("VNet address spaces", e.byoVnet ? list(e.vnetAddressSpaces) : "AKS-managed");
    for (const s of e.nodeSubnets) m.set(`subnet ${s.name}`, [s.cidr, s.ipv6Cidr].filter((x) => x).join(", "));
    for (const c of connectedRows(r)) m.set(c.what, c.value);
    m.set("outbound", e.outboundType);
    m.set("Kubernetes", e.kubernetesVersion);
    for (const p of e.nodePools)
        m.set(
            `pool ${p.name}`,
            `${p.osType} ${p.mode}, ${p.count}${p.maxCount !== null ? `-${p.maxCount}` : ""} nodes, maxPods ${p.maxPods}${p.subnet ? `, subnet ${p.subnet}` : ""}`,
        );
    return m;
}

function capacityRows(r: NetworkPlanReport | null): Map<string, string> {
    const m = new Map<string, string>();
    if (!r) return m;
    const c = r.capacity;
    m.set("nodes now", num(c.nodes.count));
    m.set("nodes at most", num(c.nodes.max));
    m.set("nodes during upgrades", num(c.nodes.withSurge));
    m.set("node limit", num(c.nodes.limit));
    m.set("pod CIDR headroom (nodes)", num(c.podCidrHeadroom));
    for (const f of c.families) {
        if (f.podCidrNodeCapacity !== null) m.set(`${f.family} pod CIDR: nodes it holds`, num(f.podCidrNodeCapacity));
        m.set(
            `${f.family} service IPs`,
            f.serviceIps.length > 15 ? `~2^${BigInt(f.serviceIps).toString(2).length}` : num(Number(f.serviceIps)),
        );
    }
    for (const s of c.subnets) m.set(`subnet ${s.name} (${s.role}): headroom`, `${num(s.headroom)} of ${num(s.usable)}`);
    return m;
}

function rows(base: Map<string, string>, head: Map<string, string>): DiffRow[] {
    const keys = [...base.keys(), ...[...head.keys()].filter((k) => !base.has(k))];
    return keys.map((k) => {
        const b = base.get(k) ?? "-";
        const h = head.get(k) ?? "-";
        return { what: k, base: b, head: h, changed: b !== h };
    });
}

const diagKey = (d: Diagnostic) => `${d.ruleId}\u0000${d.path}\u0000${d.message}`;

/** The maintenance rows of a found plan on one side. */
type Schedules = (p: FoundNetworkPlan | undefined) => NamedRow[];

const rowMap = (rs: NamedRow[]) => new Map(rs.map((x) => [x.what, x.value]));

function diffNetworkPlan(
    label: string,
    b: FoundNetworkPlan | undefined,
    h: FoundNetworkPlan | undefined,
    schedules: { base: Schedules; head: Schedules },
): NetworkPlanDiff {
    const br = b?.report ?? null;
    const hr = h?.report ?? null;
    const bd = new Set((br?.diagnostics ?? []).map(diagKey));
    const hd = new Set((hr?.diagnostics ?? []).map(diagKey));
    const d: NetworkPlanDiff = {
        label,
        change: !b ? "added" : !h ? "removed" : "unchanged",
        verdict: { base: br?.verdict ?? null, head: hr?.verdict ?? null },
        addressRanges: rows(addressRows(br), addressRows(hr)),
        capacity: rows(capacityRows(br), capacityRows(hr)),
        maintenance: rows(rowMap(schedules.base(b)), rowMap(schedules.head(h))),
        diagnostics: {
            added: (hr?.diagnostics ?? []).filter((x) => !bd.has(diagKey(x))),
            removed: (br?.diagnostics ?? []).filter((x) => !hd.has(diagKey(x))),
        },
    };
    if (
        d.change === "unchanged" &&
        (d.verdict.base !== d.verdict.head ||
            d.addressRanges.some((r) => r.changed) ||
            d.capacity.some((r) => r.changed) ||
            d.maintenance.some((r) => r.changed) ||
            d.diagnostics.added.length ||
            d.diagnostics.removed.length)
    )
        d.change = "changed";
    return d;
}

/** Pair network plans by owner and output; a lone plan on each side is paired whatever its owner. */
function pairPlans(basePlan: PlanResult, headPlan: PlanResult): NetworkPlanDiff[] {
    const [base, head] = [basePlan.networkPlans, headPlan.networkPlans];
    const of =
        (plan: PlanResult): Schedules =>
        (p) =>
            p ? maintenanceRows(p, plan.networkPlans.length, plan.resources) : [];
    const schedules = { base: of(basePlan), head: of(headPlan) };
    const key = (p: FoundNetworkPlan) => `${p.owner}#${p.output}`;
    if (base.length === 1 && head.length === 1) return [diffNetworkPlan(head[0].label, base[0], head[0], schedules)];
    const out: NetworkPlanDiff[] = [];
    const headByKey = new Map(head.map((p) => [key(p), p]));
    for (const b of base) out.push(diffNetworkPlan(b.label, b, headByKey.get(key(b)), schedules));
    const baseKeys = new Set(base.map(key));
    for (const h of head) if (!baseKeys.has(key(h))) out.push(diffNetworkPlan(h.label, undefined, h, schedules));
    return out;
}

function isKeyPath(type: string, p: string): boolean {
    return keyPathsOf(type).some((k) => p === k || p.startsWith(`${k}.`) || p.startsWith(`${k}[`));
}

/** The changed inputs of a resource present in both plans, key properties first. */
export function inputChanges(b: PlannedResource, h: PlannedResource): InputChange[] {
    const fb = flatten(b.inputs);
    const fh = flatten(h.inputs);
    const paths = [...new Set([...Object.keys(fb), ...Object.keys(fh)])].sort();
    const changes = paths
        .filter((p) => JSON.stringify(fb[p]) !== JSON.stringify(fh[p]))
        .map((p) => ({ path: p, base: fb[p], head: fh[p], key: isKeyPath(h.type, p) }));
    for (const opt of new Set([...Object.keys(b.options), ...Object.keys(h.options)])) {
        if (JSON.stringify(b.options[opt]) !== JSON.stringify(h.options[opt])) {
            changes.push({ path: `(option) ${opt}`, base: b.options[opt], head: h.options[opt], key: true });
        }
    }
    if (b.parent !== h.parent) changes.push({ path: "(parent)", base: b.parent, head: h.parent, key: true });
    return changes.sort((x, y) => Number(y.key) - Number(x.key));
}

/** Compare two plan results. A failed side is never compared as deletions: then no resource is listed. */
export function diffPlans(base: PlanResult, head: PlanResult): PlanDiff {
    const status = base.status !== "ok" ? "base-failed" : head.status !== "ok" ? "head-failed" : "ok";
    const info = (p: PlanResult) => ({ project: p.project, stack: p.stack, status: p.status, error: p.error });
    const resources = status === "ok" ? compareResources(base, head) : emptyResources();
    const changes = status === "ok" ? assessChanges(base, head) : [];
    const changed = new Set(changes.map((c) => c.urn));
    const baseUrns = new Set(base.resources.map((r) => r.urn));
    const same = status === "ok" ? head.resources.filter((r) => baseUrns.has(r.urn) && !changed.has(r.urn)).length : 0;
    return {
        kind: "aks-network-plan-diff",
        version: 1,
        status,
        summary: summarize(changes, same),
        changes,
        base: info(base),
        head: info(head),
        networkPlans: status === "ok" ? pairPlans(base, head) : [],
        resources,
    };
}

const emptyResources = (): PlanDiff["resources"] => ({ added: [], removed: [], changed: [], unchanged: 0, renamed: [] });

/** Resources paired by URN: added, removed, changed, and renames (same type and inputs). */
function compareResources(base: PlanResult, head: PlanResult): PlanDiff["resources"] {
    const baseByUrn = new Map(base.resources.map((r) => [r.urn, r]));
    const headByUrn = new Map(head.resources.map((r) => [r.urn, r]));
    const added = head.resources.filter((r) => !baseByUrn.has(r.urn));
    const removed = base.resources.filter((r) => !headByUrn.has(r.urn));
    const changed: ChangedResource[] = [];
    let unchanged = 0;
    for (const h of head.resources) {
        const b = baseByUrn.get(h.urn);
        if (!b) continue;
        const changes = inputChanges(b, h);
        if (changes.length) changed.push({ urn: h.urn, type: h.type, name: h.name, changes });
        else unchanged++;
    }
    const renamed: PlanDiff["resources"]["renamed"] = [];
    const claimed = new Set<string>();
    for (const r of removed) {
        if (r.type === "pulumi:pulumi:Stack") continue;
        const same = added.find((a) => !claimed.has(a.urn) && a.type === r.type && JSON.stringify(a.inputs) === JSON.stringify(r.inputs));
        if (same) {
            claimed.add(same.urn);
            renamed.push({ from: r.urn, to: same.urn, type: r.type });
        }
    }
    return { added, removed, changed, unchanged, renamed };
}

/**
 * The exit status of a diff: 1 when a side failed or a head network plan has errors, 4 when a change
 * of a `failOn` class is present (checked first, once both sides ran), else 0.
 */
export function diffExitStatus(d: PlanDiff, failOn: readonly RiskClass[], head: PlanResult): number {
    if (d.status !== "ok") return 1;
    if (d.changes.some((c) => failOn.includes(c.risk))) return 4;
    return head.networkPlans.some((p) => p.report.verdict === "reject") ? 1 : 0;
}

/** The largest markdown comment GitHub accepts is 65,536 characters; stay below with room to spare. */
export const MAX_COMMENT = 60_000;

/** Options of {@link formatPlanDiff}. */
export interface FormatOptions {
    /** The most characters of a markdown comment; more is cut with a note. Text is never cut. @default MAX_COMMENT */
    maxChars?: number;
}

/** The hidden line a workflow finds its own comment by. */
export const commentMarker = (d: PlanDiff) => `<!-- aks-network-diff:${d.head.project}/${d.head.stack} -->`;

/**
 * Render a plan diff as text or a markdown PR comment: the summary line first, then the risky
 * changes one sentence each, the changed network-plan rows, and the other changes (folded in markdown).
 */
export function formatPlanDiff(d: PlanDiff, format: "text" | "markdown" = "text", options: FormatOptions = {}): string {
    const m = markupOf(format);
    const head = summaryParts(d, m);
    const risky = d.changes.filter((c) => c.risk !== "safe" && c.risk !== "ignored");
    const quiet = d.changes.filter((c) => c.risk === "safe" || c.risk === "ignored");
    const sections: Section[] = [];
    if (risky.length) sections.push({ title: m.heading(3, "Risky changes"), items: risky.map((c) => changeLines(c, m).join("\n")) });
    for (const p of d.networkPlans) if (p.change !== "unchanged") sections.push({ title: null, items: networkPlanParts(p, m) });
    if (quiet.length)
        sections.push({
            title: m.heading(3, `Other changes (${quiet.length})`),
            items: quiet.map((c) => changeLines(c, m, 4).join("\n")),
            fold: true,
        });
    if (!d.changes.length && d.status === "ok") head.push(m.md ? "_No resource changes._" : "No resource changes.");
    if (!m.md) return [...head, ...sections.flatMap((s) => [...(s.title ? [s.title] : []), s.items.join("\n")])].join("\n\n") + "\n";
    return fitSections(head, sections, [commentMarker(d)], options.maxChars ?? MAX_COMMENT);
}

/** A part of the report: a heading and its items (one change, or one network-plan block, each). */
interface Section {
    title: string | null;
    items: string[];
    /** Folded in `<details>` in markdown. */
    fold?: boolean;
}

/** Join the head, as many section items as fit in `max` characters and the tail, with a note on what was left out. */
function fitSections(head: string[], sections: Section[], tail: string[], max: number): string {
    const note = (n: number) =>
        `_${n} more items left out to fit a PR comment of ${max.toLocaleString("en-US")} characters; run aks-network diff locally for all of them._`;
    const out = [...head];
    let used = out.join("\n\n").length + tail.join("\n\n").length + note(99999).length + 8;
    let left = 0;
    for (const s of sections) {
        const open = s.fold ? `<details><summary>${(s.title ?? "").replace(/^#+ /, "")}</summary>` : (s.title ?? "");
        const close = s.fold ? "</details>" : "";
        const kept: string[] = [];
        for (const item of s.items) {
            const cost = item.length + 2 + (kept.length ? 0 : open.length + close.length + 4);
            if (left === 0 && used + cost <= max) {
                kept.push(item);
                used += cost;
            } else left++;
        }
        if (kept.length) out.push(...(open ? [open] : []), kept.join(s.fold ? "\n" : "\n\n"), ...(close ? [close] : []));
    }
    if (left) out.push(note(left));
    return [...out, ...tail].join("\n\n") + "\n";
}

/** The summary line, the network plan line and the failures of either program. */
function summaryParts(d: PlanDiff, m: Markup): string[] {
    const r = d.resources;
    const out: string[] = [];
    const target =
        d.base.project === d.head.project && d.base.stack === d.head.stack
            ? `${d.head.project}/${d.head.stack}`
            : `${d.base.project}/${d.base.stack} ${m.arrow} ${d.head.project}/${d.head.stack}`;
    const summary =
        d.status === "ok" ? summaryLine(d.summary) : `not compared: the ${d.status === "base-failed" ? "base" : "head"} program failed`;
    out.push(m.md ? `**aks-network diff ${target}: ${summary}**` : `aks-network plan diff: ${target}\n${summary}`);
    const planLine = d.networkPlans.length
        ? d.networkPlans
              .map(
                  (p) =>
                      `${p.label} ${p.verdict.base ?? "none"} ${m.arrow} ${p.verdict.head ?? "none"}${p.change === "unchanged" ? " (unchanged)" : ""}`,
              )
              .join("; ")
        : "no network plan in either result";
    if (d.status === "ok")
        out.push(
            `network plan: ${planLine}\nresources: ${r.added.length} to add, ${r.removed.length} to delete, ${r.changed.length} to change, ${r.unchanged} unchanged`,
        );
    for (const [side, s] of [
        ["base", d.base],
        ["head", d.head],
    ] as const) {
        if (s.status !== "ok")
            out.push(
                m.md
                    ? `**The ${side} program failed:**\n\n\`\`\`\n${s.error ?? ""}\n\`\`\``
                    : `The ${side} program failed:\n${s.error ?? ""}`,
            );
    }
    return out;
}

/** The section of a changed network plan: its heading, changed rows and new and resolved findings. */
function networkPlanParts(p: NetworkPlanDiff, m: Markup): string[] {
    const out = [m.heading(3, `Network plan ${p.label}: ${p.change}`)];
    for (const table of [
        rowTable("Address ranges", p.addressRanges, false, m),
        rowTable("Capacity", p.capacity, false, m),
        rowTable("Maintenance windows", p.maintenance, false, m),
    ])
        if (table !== null) out.push(table);
    if (p.diagnostics.added.length) out.push(findingList("New findings", p.diagnostics.added, m));
    if (p.diagnostics.removed.length) out.push(findingList("Resolved findings", p.diagnostics.removed, m));
    return out;
}

/** A table of compared rows (all of them, or the changed ones), or null when none changed. */
function rowTable(title: string, rs: DiffRow[], showAll: boolean, m: Markup): string | null {
    const { esc } = m;
    const shown = showAll ? rs : rs.filter((x) => x.changed);
    if (!shown.some((x) => x.changed)) return null;
    if (!m.md) return [`${title}:`, ...shown.filter((x) => x.changed).map((x) => `  ${x.what}: ${x.base} -> ${x.head}`)].join("\n");
    return [
        `**${title}**`,
        "",
        "| | base | head |",
        "| --- | --- | --- |",
        ...shown.map(
            (x) =>
                `| ${x.changed ? `**${esc(x.what)}**` : esc(x.what)} | ${esc(x.base)} | ${x.changed ? `**${esc(x.head)}**` : esc(x.head)} |`,
        ),
    ].join("\n");
}

/** A titled list of findings, one a line. */
function findingList(title: string, ds: Diagnostic[], m: Markup): string {
    const finding = (x: Diagnostic) => `${x.severity} ${x.ruleId} ${m.code(x.path || "(plan)")}: ${m.esc(x.message)}`;
    return `${m.md ? `**${title}**` : `${title}:`}\n${ds.map((x) => `${m.md ? "- " : "  "}${finding(x)}`).join("\n")}`;
}

/** Parse `--fail-on replace,blocked` (or `none`); a {@link UsageError} naming the allowed classes otherwise. */
export function parseFailOn(value: unknown): RiskClass[] {
    if (value === undefined || value === "none") return [];
    const names = String(value)
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x);
    const bad = names.find((x) => !(RISK_CLASSES as readonly string[]).includes(x));
    if (bad !== undefined || names.length === 0)
        throw new UsageError(
            `diff --fail-on: "${String(value)}" is not a list of risk classes; use a comma-separated list of ${RISK_CLASSES.join(", ")} (e.g. --fail-on replace,blocked) or none`,
        );
    return names as RiskClass[];
}

/** The help of `aks-network diff`. */
export const DIFF_HELP = `usage: aks-network diff <base.json> <head.json> [--format text|markdown|json] [--fail-on CLASSES] [--max-chars N]

Compare two "aks-network plan --format json" results (e.g. of main and of a pull request). Every
created, deleted, updated, replaced or renamed resource gets one risk class with its reasons (the
property path, what happens and the source):

  replace     the engine deletes and recreates it (a replace-forcing property or its name changed,
              or its URN changed without an alias; the alias that keeps it is shown)
  blocked     pulumi up fails: Azure or Kubernetes refuses the change in place, the replacement
              keeps the physical name without deleteBeforeReplace, or a protected resource goes
  disruptive  applied in place, but nodes or pods restart or are re-imaged; or a deletion
  ignored     the change hits an ignoreChanges path and is not applied
  safe        everything else, including creates

Then the network plans' changed address ranges, capacity and findings. A failed program on either
side is reported with its error, and no resource is compared.

options:
  --format FORMAT    text (default), markdown (a PR comment: summary line first, risky changes, the
                     rest folded, the hidden line <!-- aks-network-diff:PROJECT/STACK -->) or json
  --fail-on CLASSES  exit 4 when a change of these classes is present (e.g. replace,blocked)
  --max-chars N      the size budget of the markdown comment (default 60000); more is cut with a note
  -h, --help         show this help

exit status: 0 compared; 1 a program failed or a head network plan has errors; 2 bad usage, or a file
that cannot be read, parsed or is not a plan result; 3 an internal error; 4 a --fail-on class is present.`;
