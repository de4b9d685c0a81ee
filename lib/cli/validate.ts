/**
 * `aks-network validate <file>`: validate a NetworkPlan (JSON or YAML) and print the report.
 * Exit 0 without errors, 1 with errors, 2 when the file can't be read or parsed.
 */
import * as fs from "node:fs";
import { parse as parseYaml } from "yaml";
import { describeNetworkPlan, formatNetworkPlanReport } from "../network";

export class UsageError extends Error {}

/** Read a JSON or YAML file into a value; throws UsageError with a one-line reason. */
export function readStructuredFile(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
        return /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
    } catch (e) {
        throw new UsageError(`cannot parse ${file}: ${(e as Error).message.split("\n")[0]}`);
    }
}

export function runValidate(file: string, format: "text" | "markdown" | "json", out: (s: string) => void): number {
    const plan = readStructuredFile(file);
    const report = describeNetworkPlan(plan as never);
    out(format === "json" ? JSON.stringify(report, null, 2) + "\n" : formatNetworkPlanReport(report, format));
    return report.verdict === "reject" ? 1 : 0;
}
