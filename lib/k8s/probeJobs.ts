/**
 * Pure builders for the post-deploy connectivity probe: Kubernetes Jobs that reach the sample app over
 * each address family and each path (ClusterIP, pod IPs, the ingress), and fail with a message naming
 * the family and the path that did not answer.
 *
 * - One Linux Job per cluster family (`curl -4` / `curl -6`), and on clusters with Windows pools one
 *   Job pinned to Windows nodes (IPv4: the package's Windows Services are IPv4-only, WIN-3).
 * - Pod IPs are reached through a headless Service per family (`clusterIP: None`, one family), whose
 *   DNS name resolves to the ready pods' addresses of that family.
 * - Each Job's name ends in a hash of what it tests (checks, image, placement), so a change to any of
 *   them creates a new Job, which runs again; an unchanged Job is not re-run.
 * - The ingress is reached at its Service's cluster address, not its load-balancer IP: in-cluster
 *   traffic to a LoadBalancer IP is short-circuited by kube-proxy (`status.loadBalancer.ingress[].ipMode`
 *   `VIP`, the default; Kubernetes docs "Service: LoadBalancer, Specifying IPMode of load balancer
 *   status") and never reaches the Azure load balancer or its health probes. Use the outside probe
 *   (`outsideProbeCommands`) for that.
 *
 * Await: Pulumi's Kubernetes provider waits for a `batch/v1` Job to complete and fails the update when
 * the Job's `Failed` condition is true, after 10 minutes by default (pulumi-kubernetes Job resource docs,
 * https://www.pulumi.com/registry/packages/kubernetes/api-docs/batch/v1/job/; @pulumi/kubernetes
 * batch/v1/job.d.ts). A broken family therefore fails `pulumi up`. `activeDeadlineSeconds` stays below
 * that timeout so the Job fails with its own message first.
 */
import { createHash } from "node:crypto";
import { Diagnostic, diagnostic, mapPaths } from "../core/diagnostic";
import { Path } from "../core/path";
import { at, t, Text } from "../core/text";
import { isRecord, kindOf, show } from "../core/words";
import { ClusterFacts, ServiceIpFamily } from "./facts";
import { DEFAULT_WINDOWS_TAINTS, KubeManifest, SampleAppManifests, SampleAppOptions, sampleAppProblems, StringMap } from "./manifests";

/** The path a probe check takes to the sample. */
export enum ProbePath {
    /** The sample's Service by its cluster IP of the family (DNS name, A or AAAA record). */
    ClusterIp = "clusterIP",
    /** The sample's pods directly (a headless Service's DNS name of the family). */
    PodIps = "podIPs",
    /** The ingress controller's Service (cluster address), routed by the Ingress or HTTPRoute. */
    Ingress = "ingress",
}

const PATH_WORDS: { [path: string]: string } = {
    [ProbePath.ClusterIp]: "over ClusterIP",
    [ProbePath.PodIps]: "over pod IPs",
    [ProbePath.Ingress]: "through the ingress",
};

/** Services by family: the first Service in the namespace that has the family. */
export interface FamilyServiceNames {
    /** Namespace of the Services. */
    namespace: string;
    /** Service with an IPv4 cluster IP. @default - none */
    ipv4?: string;
    /** Service with an IPv6 cluster IP. @default - none */
    ipv6?: string;
}

/** One thing a probe Job checks. */
export interface ProbeCheck {
    /** The family (`curl -4` or `curl -6`). */
    family: ServiceIpFamily;
    /** The path taken. */
    path: ProbePath;
    /** The URL requested. */
    url: string;
    /** Host header (the Ingress or HTTPRoute host). @default - none */
    host?: string;
}

/** Options of `buildProbeJobs`. */
export interface ProbeJobOptions {
    /** Prefix of the Jobs' and headless Services' names; a DNS-1123 label of at most 40 characters. @default "probe" */
    name?: string;
    /** The ingress controller's Services by family (IngressController's `serviceNames`). @default - no ingress checks */
    ingress?: FamilyServiceNames;
    /** Host the Ingress or HTTPRoute serves the sample on. @default - any host */
    host?: string;
    /** Linux probe image; it needs `/bin/sh` and `curl`. @default CURL_IMAGE */
    image?: string;
    /** Windows probe image (`cmd` and `curl.exe`); its tag must match the Windows nodes' OS build. @default WINDOWS_PROBE_IMAGE */
    windowsImage?: string;
    /** Seconds a Job may run before it fails (`activeDeadlineSeconds`), 30-540. @default 300 */
    timeoutSeconds?: number;
}

/** What `buildProbeJobs` returns. */
export interface ProbeJobs {
    /** The headless Services, one per family, whose DNS names resolve to the sample's pod IPs. */
    podServices: KubeManifest[];
    /** The Jobs: Linux per family, then Windows. */
    jobs: KubeManifest[];
    /** Each Job's checks, by Job name. */
    checks: { [jobName: string]: ProbeCheck[] };
    /**
     * Each Job's stable key, by Job name: its family (`ipv4`, `ipv6`), or `win-ipv4` for the Windows Job.
     * The Job's name changes with what it tests; the key does not, so it names the Pulumi resource.
     */
    keys: { [jobName: string]: string };
}

/** Linux probe image: curl on Alpine, running as uid 100. */
export const CURL_IMAGE = "docker.io/curlimages/curl:8.11.1";
/** Windows probe image: Nano Server 2022 ships `curl.exe` and `cmd`. */
export const WINDOWS_PROBE_IMAGE = "mcr.microsoft.com/windows/nanoserver:ltsc2022";
/** The cluster's DNS domain (fixed on AKS). */
const CLUSTER_DOMAIN = "svc.cluster.local";
/** curl options shared by every check: fail on HTTP errors, retry while pods and routes come up. */
const CURL_OPTIONS = "--silent --show-error --fail --connect-timeout 5 --max-time 10 --retry 12 --retry-delay 5 --retry-all-errors";
const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const HOST = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The first Service of each family among `services` (they share one namespace). */
export function serviceNamesByFamily(services: KubeManifest[]): FamilyServiceNames {
    const out: FamilyServiceNames = { namespace: services[0]?.metadata.namespace ?? "default" };
    for (const svc of services) {
        const families = Array.isArray(svc.spec.ipFamilies) ? (svc.spec.ipFamilies as string[]) : ["IPv4"];
        if (families.includes("IPv4") && out.ipv4 === undefined) out.ipv4 = svc.metadata.name;
        if (families.includes("IPv6") && out.ipv6 === undefined) out.ipv6 = svc.metadata.name;
    }
    return out;
}

/** CP-1: every problem with the probe's options, at once. */
export function probeJobProblems(o: ProbeJobOptions): Diagnostic[] {
    const problems: Diagnostic[] = [];
    const add = (option: string, message: Text) => problems.push(diagnostic("error", "CP-1", [option], message));
    const name = o.name ?? "probe";
    if (typeof name !== "string" || name.length > 40 || !DNS1123.test(name))
        add(
            "name",
            t`${at("name")} ${show(name)} must be a DNS-1123 label of at most 40 characters (the Jobs add a family and a hash), e.g. "probe"`,
        );
    if (o.host !== undefined && (typeof o.host !== "string" || !HOST.test(o.host)))
        add("host", t`${at("host")} ${show(o.host)} must be a lower-case DNS name such as "hello.example.com"`);
    for (const key of ["image", "windowsImage"] as const) {
        const v = o[key];
        if (v !== undefined && (typeof v !== "string" || v.trim() === "" || /[\s"'&|<>()]/.test(v)))
            add(key, t`${at(key)} ${show(v)} must be an image reference without spaces or shell characters`);
    }
    const timeout = o.timeoutSeconds ?? 300;
    if (!Number.isInteger(timeout) || timeout < 30 || timeout > 540)
        add(
            "timeoutSeconds",
            t`${at("timeoutSeconds")} ${show(timeout)} must be a whole number from 30 to 540: below Pulumi's 10-minute wait for Jobs, so the Job's own message is what fails the update`,
        );
    return problems;
}

/** SA-1 at `name` becomes CP-1 at `sample.name`; the cluster facts' problems keep their `clusterFacts.*` paths. */
function asProbeProblem(found: Diagnostic): Diagnostic {
    const moved = mapPaths(found, (path: Path) => (path[0] === "clusterFacts" ? path : ["sample", ...path]));
    if (found.ruleId !== "SA-1") return moved;
    return diagnostic(moved.severity, "CP-1", moved.segments, new Text(moved.template), moved.azureErrorCode);
}

/** CP-1: an `ingress` that is not a `FamilyServiceNames` (IngressController's `serviceNames`). */
function ingressNamesProblems(ingress: unknown): Diagnostic[] {
    if (ingress === undefined) return [];
    const problem = (path: Path, message: Text) => diagnostic("error", "CP-1", path, message);
    if (!isRecord(ingress))
        return [
            problem(
                ["ingress"],
                t`${at("ingress")} must be the ingress Services by family (IngressController's \`serviceNames\`), got ${kindOf(ingress)}`,
            ),
        ];
    const out: Diagnostic[] = [];
    for (const key of ["namespace", "ipv4", "ipv6"] as const) {
        const v = ingress[key];
        if ((key === "namespace" || v !== undefined) && (typeof v !== "string" || v.length > 63 || !DNS1123.test(v)))
            out.push(
                problem(
                    ["ingress", key],
                    t`${at("ingress", key)} ${show(v)} must be a DNS-1123 label, the ${key === "namespace" ? "Services' namespace" : "name of the Service"} as IngressController's \`serviceNames\` gives it`,
                ),
            );
    }
    if (out.length === 0 && ingress.ipv4 === undefined && ingress.ipv6 === undefined)
        out.push(
            problem(["ingress"], t`${at("ingress")} names no Service (neither ipv4 nor ipv6); give one, or leave ${at("ingress")} out`),
        );
    return out;
}

/**
 * CP-1: every problem with what the probe is told about its target, at once: the cluster facts (SVC-4
 * at `clusterFacts.*`), the sample's options (at `sample.*`, the rules of `sampleAppProblems`) and the
 * ingress Services (at `ingress.*`).
 */
export function probeTargetProblems(facts: ClusterFacts, sample: SampleAppOptions | undefined, ingress: unknown): Diagnostic[] {
    const problems: Diagnostic[] = [];
    if (sample !== undefined && !isRecord(sample))
        problems.push(
            diagnostic(
                "error",
                "CP-1",
                ["sample"],
                t`${at("sample")} must be the sample's options (SampleApp's \`sampleOptions\`), got ${kindOf(sample)}`,
            ),
        );
    problems.push(...sampleAppProblems(facts, isRecord(sample) ? sample : {}).map(asProbeProblem));
    problems.push(...ingressNamesProblems(ingress));
    return problems;
}

const familySuffix = (family: ServiceIpFamily) => family.toLowerCase();

/** The headless Services, one per cluster family, selecting the sample's Linux pods. */
export function buildProbePodServices(facts: ClusterFacts, app: SampleAppManifests, name = "probe"): KubeManifest[] {
    const web = app.deployments[0];
    const selector = (web.spec.selector as { matchLabels: StringMap }).matchLabels;
    return facts.ipFamilies.map((family) => ({
        apiVersion: "v1",
        kind: "Service",
        metadata: {
            name: `${name}-pods-${familySuffix(family)}`,
            namespace: web.metadata.namespace,
            labels: { "app.kubernetes.io/name": name, "app.kubernetes.io/component": "connectivity-probe" },
        },
        spec: {
            type: "ClusterIP",
            clusterIP: "None",
            ipFamilyPolicy: "SingleStack",
            ipFamilies: [family],
            selector: { ...selector },
            ports: [{ name: "http", protocol: "TCP", port: containerPort(app), targetPort: "http" }],
        },
    }));
}

function containerPort(app: SampleAppManifests): number {
    const pod = (app.deployments[0].spec.template as { spec: { containers: { ports: { containerPort: number }[] }[] } }).spec;
    return pod.containers[0].ports[0].containerPort;
}

const url = (service: string, namespace: string, port: number) => `http://${service}.${namespace}.${CLUSTER_DOMAIN}:${port}/`;

/** The checks of one family: ClusterIP and pod IPs of the Linux sample, the Windows sample's Service (IPv4), the ingress. */
export function probeChecks(
    facts: ClusterFacts,
    app: SampleAppManifests,
    family: ServiceIpFamily,
    options: ProbeJobOptions = {},
): ProbeCheck[] {
    const name = options.name ?? "probe";
    const sample = serviceNamesByFamily(app.services.filter((s) => s.metadata.name !== app.windowsServiceName));
    const ns = sample.namespace;
    const key = family === "IPv4" ? "ipv4" : "ipv6";
    const checks: ProbeCheck[] = [];
    const linux = sample[key];
    if (linux !== undefined) checks.push({ family, path: ProbePath.ClusterIp, url: url(linux, ns, 80) });
    if (family === "IPv4" && app.windowsServiceName !== undefined)
        checks.push({ family, path: ProbePath.ClusterIp, url: url(app.windowsServiceName, ns, 80) });
    if (facts.ipFamilies.includes(family))
        checks.push({ family, path: ProbePath.PodIps, url: url(`${name}-pods-${familySuffix(family)}`, ns, containerPort(app)) });
    const ingress = options.ingress?.[key];
    if (options.ingress !== undefined && ingress !== undefined) {
        const check: ProbeCheck = { family, path: ProbePath.Ingress, url: url(ingress, options.ingress.namespace, 80) };
        if (options.host !== undefined) check.host = options.host;
        checks.push(check);
    }
    return checks;
}

/** The message a failed check prints: the family, the path and the URL. */
export function probeFailureMessage(check: ProbeCheck, fromWindows = false): string {
    const where = fromWindows ? " from a Windows node" : "";
    const host = check.host === undefined ? "" : ` with Host ${check.host}`;
    return `connectivity probe FAILED: ${check.family} ${PATH_WORDS[check.path]}${where}: ${check.url}${host} gave no 2xx or 3xx answer`;
}

/** The `/bin/sh` script of a Linux Job: every check runs, each failure is printed, the exit code is 1 if any failed. */
export function linuxProbeScript(checks: ProbeCheck[]): string {
    const lines = ["fail=0"];
    for (const c of checks) {
        const flag = c.family === "IPv4" ? "-4" : "-6";
        const host = c.host === undefined ? "" : ` -H 'Host: ${c.host}'`;
        const ok = `ok: ${c.family} ${PATH_WORDS[c.path]}: ${c.url}`;
        lines.push(
            `if curl ${flag} ${CURL_OPTIONS} --output /dev/null${host} '${c.url}'; then echo '${ok}'; else echo '${probeFailureMessage(c)}' >&2; fail=1; fi`,
        );
    }
    lines.push("exit $fail");
    return lines.join("\n");
}

/** The `cmd` line of the Windows Job: checks in order, the first failure prints its message and exits 1. */
export function windowsProbeScript(checks: ProbeCheck[]): string {
    const parts = checks.map((c) => {
        const host = c.host === undefined ? "" : ` -H "Host: ${c.host}"`;
        return `curl.exe -4 ${CURL_OPTIONS} --output NUL${host} "${c.url}" && echo ok: ${c.family} ${PATH_WORDS[c.path]}: ${c.url} || (echo ${probeFailureMessage(c, true)} & exit 1)`;
    });
    return [...parts, "exit 0"].join(" & ");
}

/** The first 10 hex digits of the SHA-256 of what a Job tests and where it runs. */
export function probeHash(what: unknown): string {
    return createHash("sha256").update(JSON.stringify(what)).digest("hex").slice(0, 10);
}

function job(name: string, namespace: string, labels: StringMap, podSpec: { [key: string]: unknown }, timeout: number): KubeManifest {
    return {
        apiVersion: "batch/v1",
        kind: "Job",
        metadata: { name, namespace, labels: { ...labels } },
        spec: {
            backoffLimit: 1,
            activeDeadlineSeconds: timeout,
            template: {
                metadata: { labels: { ...labels } },
                spec: { restartPolicy: "Never", automountServiceAccountToken: false, ...podSpec },
            },
        },
    };
}

const RESOURCES = { requests: { cpu: "10m", memory: "16Mi" }, limits: { memory: "64Mi" } };

function linuxJob(checks: ProbeCheck[], family: ServiceIpFamily, namespace: string, o: ProbeJobOptions): KubeManifest {
    const name = o.name ?? "probe";
    const image = o.image ?? CURL_IMAGE;
    const script = linuxProbeScript(checks);
    const nodeSelector = { "kubernetes.io/os": "linux" };
    const jobName = `${name}-${familySuffix(family)}-${probeHash({ checks, image, nodeSelector, script })}`;
    const labels = {
        "app.kubernetes.io/name": name,
        "app.kubernetes.io/component": "connectivity-probe",
        "aks-network/probe-family": family,
    };
    return job(
        jobName,
        namespace,
        labels,
        {
            nodeSelector,
            securityContext: { runAsNonRoot: true, runAsUser: 100, runAsGroup: 101, seccompProfile: { type: "RuntimeDefault" } },
            containers: [
                {
                    name: "probe",
                    image,
                    command: ["/bin/sh", "-c", script],
                    resources: RESOURCES,
                    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
                },
            ],
        },
        o.timeoutSeconds ?? 300,
    );
}

function windowsJob(checks: ProbeCheck[], facts: ClusterFacts, namespace: string, o: ProbeJobOptions): KubeManifest {
    const name = o.name ?? "probe";
    const image = o.windowsImage ?? WINDOWS_PROBE_IMAGE;
    const script = windowsProbeScript(checks);
    const nodeSelector = { "kubernetes.io/os": "windows" };
    const tolerations = (facts.windowsTaints ?? DEFAULT_WINDOWS_TAINTS).map((taint) =>
        taint.value === undefined
            ? { key: taint.key, operator: "Exists", effect: taint.effect }
            : { key: taint.key, operator: "Equal", value: taint.value, effect: taint.effect },
    );
    const jobName = `${name}-win-ipv4-${probeHash({ checks, image, nodeSelector, tolerations, script })}`;
    const labels = {
        "app.kubernetes.io/name": name,
        "app.kubernetes.io/component": "connectivity-probe",
        "aks-network/probe-family": "IPv4",
    };
    return job(
        jobName,
        namespace,
        labels,
        {
            nodeSelector,
            tolerations,
            securityContext: { windowsOptions: { runAsUserName: "ContainerUser" } },
            containers: [{ name: "probe", image, command: ["cmd", "/S", "/C", script], resources: { requests: RESOURCES.requests } }],
        },
        o.timeoutSeconds ?? 300,
    );
}

/**
 * The probe for a cluster and its sample app: the headless pod Services and the Jobs (see the module
 * comment). Jobs run in the sample's namespace. Pure: same input, same objects and names.
 *
 * @throws Error listing every invalid option
 */
export function buildProbeJobs(facts: ClusterFacts, app: SampleAppManifests, options: ProbeJobOptions = {}): ProbeJobs {
    const problems = probeJobProblems(options);
    if (problems.length > 0) throw new Error(`invalid connectivity probe options: ${problems.map((p) => p.message).join("; ")}`);
    const namespace = app.deployments[0].metadata.namespace ?? "default";
    const jobs: KubeManifest[] = [];
    const checks: { [jobName: string]: ProbeCheck[] } = {};
    const keys: { [jobName: string]: string } = {};
    const add = (key: string, list: ProbeCheck[], built: KubeManifest) => {
        jobs.push(built);
        checks[built.metadata.name] = list;
        keys[built.metadata.name] = key;
    };
    for (const family of facts.ipFamilies) {
        const list = probeChecks(facts, app, family, options);
        add(familySuffix(family), list, linuxJob(list, family, namespace, options));
    }
    if (facts.hasWindowsPools) {
        const list = probeChecks(facts, app, "IPv4", options);
        add("win-ipv4", list, windowsJob(list, facts, namespace, options));
    }
    return { podServices: buildProbePodServices(facts, app, options.name ?? "probe"), jobs, checks, keys };
}

/** External addresses of one Service, per family (SampleApp's `serviceAddresses` entries). */
export interface FamilyAddresses {
    /** IPv4 load-balancer addresses. */
    ipv4: string[];
    /** IPv6 load-balancer addresses. */
    ipv6: string[];
}

/**
 * Commands to run from outside the cluster, one per load-balancer address: `curl -4` and `curl -6`
 * through the Azure load balancer and its health probes, which in-cluster Jobs cannot test.
 */
export function outsideProbeCommands(addresses: FamilyAddresses[], host?: string): string[] {
    const header = host === undefined ? "" : ` -H 'Host: ${host}'`;
    const out: string[] = [];
    for (const a of addresses) {
        for (const ip of a.ipv4) out.push(`curl -4 --fail --max-time 10${header} http://${ip}/`);
        for (const ip of a.ipv6) out.push(`curl -6 --globoff --fail --max-time 10${header} 'http://[${ip}]/'`);
    }
    return [...new Set(out)];
}
