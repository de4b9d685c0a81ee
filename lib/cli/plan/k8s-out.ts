/**
 * `plan --out DIR`: the Kubernetes objects a program would apply, and the values of its Helm charts,
 * as YAML files for review. Secrets are `[secret]`; a Kubernetes Secret keeps its keys, never its values.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type * as Yaml from "yaml";

/** Loaded when files are written, not when the package loads. */
function stringify(value: unknown, options: { lineWidth: number }): string {
    return (require("yaml") as typeof Yaml).stringify(value, options);
}
import { SECRET_TEXT } from "../project";
import { splitType } from "./mocks";
import { PlannedResource, PlanResult, PlanValue } from "./types";

const NOT_OBJECTS = /^(helm\.sh\/|yaml|kustomize)/;

/** True for a resource that is one Kubernetes object (not a chart, a config group or a provider). */
export function isKubernetesObject(r: PlannedResource): boolean {
    const [pkg, mod] = splitType(r.type);
    return pkg === "kubernetes" && r.custom && mod !== "" && !NOT_OBJECTS.test(mod);
}

/** True for a Helm chart or release. */
export function isHelmChart(r: PlannedResource): boolean {
    return /^kubernetes:helm\.sh\/v\d:(Chart|Release)$/.test(r.type);
}

function hideSecretData(kind: PlanValue, obj: Record<string, PlanValue>): Record<string, PlanValue> {
    if (kind !== "Secret") return obj;
    const out = { ...obj };
    for (const k of ["data", "stringData"]) {
        const v = out[k];
        if (v && typeof v === "object" && !Array.isArray(v)) out[k] = Object.fromEntries(Object.keys(v).map((key) => [key, SECRET_TEXT]));
    }
    return out;
}

/** The object with its fields in the usual order: apiVersion, kind, metadata, then the rest. */
export function kubernetesObject(r: PlannedResource): Record<string, PlanValue> {
    const i = r.inputs;
    const ordered: Record<string, PlanValue> = {};
    for (const k of ["apiVersion", "kind", "metadata"]) if (i[k] !== undefined) ordered[k] = i[k];
    for (const k of Object.keys(i)) if (!(k in ordered)) ordered[k] = i[k];
    return hideSecretData(i.kind, ordered);
}

const safe = (s: string) =>
    s
        .toLowerCase()
        .replace(/[^a-z0-9.-]+/g, "-")
        .replace(/^-+|-+$/g, "") || "x";

function str(v: PlanValue | undefined): string | undefined {
    return typeof v === "string" && v !== "" ? v : undefined;
}

/** Write the objects and chart values of a plan under `dir`; returns the files written, relative to `dir`. */
export function writeKubernetesFiles(result: PlanResult, dir: string): string[] {
    fs.mkdirSync(dir, { recursive: true });
    const used = new Set<string>();
    const unique = (base: string, ext: string) => {
        let name = `${base}${ext}`;
        for (let k = 2; used.has(name); k++) name = `${base}-${k}${ext}`;
        used.add(name);
        return name;
    };
    const written: string[] = [];
    for (const r of result.resources) {
        if (isKubernetesObject(r)) {
            const obj = kubernetesObject(r);
            const meta = (obj.metadata ?? {}) as Record<string, PlanValue>;
            const kind = str(obj.kind) ?? splitType(r.type)[2];
            const ns = str(meta.namespace);
            const file = unique(safe(`${kind}-${ns ? `${ns}-` : ""}${str(meta.name) ?? r.name}`), ".yaml");
            fs.writeFileSync(path.join(dir, file), `# ${r.urn}\n${stringify(obj, { lineWidth: 0 })}`);
            written.push(file);
        } else if (isHelmChart(r)) {
            const i = r.inputs;
            const repo = (i.repositoryOpts ?? {}) as Record<string, PlanValue>;
            const header = [
                `# ${r.urn}`,
                `# chart: ${str(i.chart) ?? "-"}`,
                `# version: ${str(i.version) ?? "-"}`,
                ...(str(repo.repo) ? [`# repository: ${str(repo.repo)}`] : []),
                `# namespace: ${str(i.namespace) ?? "default"}`,
            ].join("\n");
            const file = unique(safe(`helm-${r.name}.values`), ".yaml");
            const values = i.values ?? {};
            const body =
                typeof values === "object" && values !== null && !Array.isArray(values) && Object.keys(values).length === 0
                    ? "{}\n"
                    : stringify(values, { lineWidth: 0 });
            fs.writeFileSync(path.join(dir, file), `${header}\n${body}`);
            written.push(file);
        }
    }
    return written;
}
