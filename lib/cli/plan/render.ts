/**
 * Text and markdown renderings of a plan result.
 */
import { formatDiagnostic } from "../../core/diagnostic";
import { formatNetworkPlanReport } from "../../network";
import { connectedRows, maintenanceRows } from "../network-rows";
import { FoundNetworkPlan, PlannedResource, PlanResult } from "./types";
import { displayValue } from "../display";

/** The format names of `plan --format`. */
export type PlanFormat = "text" | "markdown" | "json";

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The network plan report of one found plan, its title naming where it came from, then its connected networks and maintenance windows by name. */
function networkPlanSection(p: FoundNetworkPlan, markdown: boolean, result: PlanResult): string {
    const body = formatNetworkPlanReport(p.report, markdown ? "markdown" : "text");
    const lines = body.split("\n");
    lines[0] = lines[0].replace(/AKS network plan/, `AKS network plan (${p.label})`);
    const named = [...connectedRows(p.report), ...maintenanceRows(p, result.networkPlans.length, result.resources)];
    if (named.length) {
        const title = "Connected networks and maintenance windows";
        lines.push("", markdown ? `### ${title}` : `${title}\n${"-".repeat(title.length)}`, "");
        lines.push(...named.map((x) => (markdown ? `- \`${x.what}\`: ${x.value}` : `${x.what}: ${x.value}`)));
    }
    return lines.join("\n").trimEnd();
}

/**
 * The log without repeats and without the findings the network plans above already print (the
 * components log each warning and info finding as it is found).
 */
export function logOnce(result: PlanResult): PlanResult["log"] {
    const printed = new Set(result.networkPlans.flatMap((p) => p.report.diagnostics.map(formatDiagnostic)));
    const seen = new Set<string>();
    return result.log.filter((l) => {
        const k = `${l.severity}\u0000${l.message}`;
        if (printed.has(l.message) || seen.has(k)) return false;
        seen.add(k);
        return true;
    });
}

/** Resources as a tree under their parents, children ordered by type and name. */
export function resourceTree(resources: PlannedResource[]): { r: PlannedResource; depth: number }[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const children = new Map<string | null, PlannedResource[]>();
    for (const r of resources) {
        const parent = r.parent !== null && byUrn.has(r.parent) ? r.parent : null;
        const list = children.get(parent) ?? [];
        list.push(r);
        children.set(parent, list);
    }
    const order = (a: PlannedResource, b: PlannedResource) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name);
    const out: { r: PlannedResource; depth: number }[] = [];
    const walk = (parent: string | null, depth: number) => {
        for (const r of (children.get(parent) ?? []).sort(order)) {
            out.push({ r, depth });
            walk(r.urn, depth + 1);
        }
    };
    walk(null, 0);
    return out;
}

const nameOf = (urn: string | null) => (urn ? urn.slice(urn.lastIndexOf("::") + 2) : "-");

function verdicts(result: PlanResult): string {
    if (result.networkPlans.length === 0) return "no network plan found in the outputs";
    return result.networkPlans.map((p) => `${p.label}: ${p.report.verdict}`).join(", ");
}

/** Render a plan result as text (default) or GitHub markdown. */
export function formatPlan(result: PlanResult, format: "text" | "markdown" = "text"): string {
    const md = format === "markdown";
    const out: string[] = [];
    const mode = result.preview ? "preview" : "update";
    const head = `project ${result.project}, stack ${result.stack} (${result.program.main}), offline ${mode} under mocks`;
    out.push(md ? `## aks-network plan: ${result.project}/${result.stack}` : `aks-network plan: ${head}`);
    out.push(
        `${md ? `${head}\n\n` : ""}${result.status === "ok" ? "status: ok" : "status: FAILED"}; ${plural(result.resources.length, "resource")}; network plan: ${verdicts(result)}`,
    );
    if (result.error !== null) {
        out.push(md ? `### The program failed\n\n\`\`\`\n${result.error}\n\`\`\`` : `The program failed:\n${result.error}`);
    }
    for (const p of result.networkPlans) out.push(networkPlanSection(p, md, result));

    const tree = resourceTree(result.resources);
    if (md) {
        const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
        const rows = tree.map(({ r, depth }) => {
            const props = [...Object.entries(r.keyProperties), ...Object.entries(r.options).map(([k, v]) => [`(option) ${k}`, v] as const)]
                .map(([k, v]) => `\`${esc(k)}\`: ${esc(displayValue(v, 100))}`)
                .join("<br>");
            return `| ${r.op === "read" ? ">" : "+"} | ${"&nbsp;&nbsp;".repeat(depth)}\`${r.type}\` | \`${esc(r.name)}\` | ${esc(nameOf(r.parent))} | ${props} |`;
        });
        out.push(
            [
                `<details><summary>Resources to ${result.preview ? "preview" : "create"} (${result.resources.length})</summary>`,
                "",
                "| op | type | name | parent | key properties |",
                "| --- | --- | --- | --- | --- |",
                ...rows,
                "",
                "</details>",
            ].join("\n"),
        );
    } else {
        const lines = [
            `Resources (${result.resources.length}; + create, > read)`,
            "-".repeat(`Resources (${result.resources.length}; + create, > read)`.length),
        ];
        for (const { r, depth } of tree) {
            const pad = "  ".repeat(depth);
            const provider = r.provider ? `  [provider ${nameOf(r.provider)}]` : "";
            lines.push(`${pad}${r.op === "read" ? ">" : "+"} ${r.type}  ${r.name}${provider}`);
            for (const [k, v] of Object.entries(r.keyProperties)) lines.push(`${pad}      ${k}: ${displayValue(v, 100)}`);
            for (const [k, v] of Object.entries(r.options)) lines.push(`${pad}      (option) ${k}: ${displayValue(v, 100)}`);
        }
        out.push(lines.join("\n"));
    }
    const log = logOnce(result);
    if (log.length) {
        const items = log.map((l) => `${md ? "- " : ""}${l.severity}: ${l.message}`);
        out.push(md ? `### Notes\n\n${items.join("\n")}` : `Notes\n-----\n${items.join("\n")}`);
    }
    return out.join("\n\n") + "\n";
}
