/**
 * Connectivity probe builders, pure: checks per family and path, the Jobs' commands, node selectors,
 * Windows tolerations, names carrying a hash of what they test, the headless pod Services passing
 * `checkService`, every object valid against the Kubernetes schemas, and the outside commands.
 */
import * as assert from "node:assert/strict";
import { checkService } from "../../lib/k8s/checkService";
import { ClusterFacts } from "../../lib/k8s/facts";
import { buildSampleApp, KubeManifest, pickSampleAppOptions } from "../../lib/k8s/manifests";
import {
    buildProbeJobs,
    CURL_IMAGE,
    linuxProbeScript,
    outsideProbeCommands,
    probeChecks,
    probeFailureMessage,
    probeJobProblems,
    ProbePath,
    probeTargetProblems,
    serviceNamesByFamily,
    windowsProbeScript,
} from "../../lib/k8s/probeJobs";

const { Service } = require("kubernetes-models/v1");
const { Job } = require("kubernetes-models/batch/v1");

const V4: ClusterFacts = { ipFamilies: ["IPv4"], kubernetesVersion: "1.30", hasWindowsPools: false, linuxOsSku: "Ubuntu" };
const DUAL126: ClusterFacts = { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.26", hasWindowsPools: false, linuxOsSku: "AzureLinux" };
const DUAL130: ClusterFacts = { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.30", hasWindowsPools: false, linuxOsSku: "AzureLinux" };
const MIXED: ClusterFacts = {
    ipFamilies: ["IPv4", "IPv6"],
    kubernetesVersion: "1.31",
    hasWindowsPools: true,
    linuxOsSku: "Ubuntu",
    windowsTaints: [
        { key: "os", value: "windows", effect: "NoSchedule" },
        { key: "sku", effect: "NoExecute" },
    ],
};
const INGRESS = { namespace: "traefik", ipv4: "traefik", ipv6: "traefik" };

type Pod = {
    nodeSelector: { [k: string]: string };
    tolerations?: unknown[];
    containers: { image: string; command: string[] }[];
};
const podOf = (job: KubeManifest) => (job.spec.template as { spec: Pod }).spec;

describe("connectivity probe builders", () => {
    it("checks ClusterIP, pod IPs and the ingress per family on a dual-stack 1.30 cluster", () => {
        const app = buildSampleApp(DUAL130);
        assert.deepStrictEqual(probeChecks(DUAL130, app, "IPv6", { ingress: INGRESS, host: "hello.example.com" }), [
            { family: "IPv6", path: ProbePath.ClusterIp, url: "http://hello-dual.samples.svc.cluster.local:80/" },
            { family: "IPv6", path: ProbePath.PodIps, url: "http://probe-pods-ipv6.samples.svc.cluster.local:80/" },
            { family: "IPv6", path: ProbePath.Ingress, url: "http://traefik.traefik.svc.cluster.local:80/", host: "hello.example.com" },
        ]);
    });

    it("uses the per-family Services before 1.27 (sample and ingress)", () => {
        const app = buildSampleApp(DUAL126);
        const ingress = { namespace: "traefik", ipv4: "traefik", ipv6: "traefik-ipv6" };
        const urls = (family: "IPv4" | "IPv6") => probeChecks(DUAL126, app, family, { ingress }).map((c) => c.url);
        assert.deepStrictEqual(urls("IPv4"), [
            "http://hello-ipv4.samples.svc.cluster.local:80/",
            "http://probe-pods-ipv4.samples.svc.cluster.local:80/",
            "http://traefik.traefik.svc.cluster.local:80/",
        ]);
        assert.deepStrictEqual(urls("IPv6"), [
            "http://hello-ipv6.samples.svc.cluster.local:80/",
            "http://probe-pods-ipv6.samples.svc.cluster.local:80/",
            "http://traefik-ipv6.traefik.svc.cluster.local:80/",
        ]);
    });

    it("finds the first Service of each family", () => {
        const app = buildSampleApp(DUAL126);
        assert.deepStrictEqual(serviceNamesByFamily(app.services), { namespace: "samples", ipv4: "hello-ipv4", ipv6: "hello-ipv6" });
        assert.deepStrictEqual(serviceNamesByFamily(buildSampleApp(V4).services), { namespace: "samples", ipv4: "hello-ipv4" });
    });

    it("builds one Linux Job per family on Linux nodes, with curl -4 / curl -6 and a message naming family and path", () => {
        const probe = buildProbeJobs(DUAL130, buildSampleApp(DUAL130), { ingress: INGRESS });
        assert.equal(probe.jobs.length, 2);
        const [v4, v6] = probe.jobs;
        assert.match(v4.metadata.name, /^probe-ipv4-[0-9a-f]{10}$/);
        assert.match(v6.metadata.name, /^probe-ipv6-[0-9a-f]{10}$/);
        for (const [job, flag, other] of [
            [v4, "-4", "-6"],
            [v6, "-6", "-4"],
        ] as const) {
            const pod = podOf(job);
            assert.deepStrictEqual(pod.nodeSelector, { "kubernetes.io/os": "linux" });
            assert.equal(pod.tolerations, undefined);
            assert.equal(pod.containers[0].image, CURL_IMAGE);
            const [shell, dashC, script] = pod.containers[0].command;
            assert.deepStrictEqual([shell, dashC], ["/bin/sh", "-c"]);
            assert.equal((script.match(new RegExp(`curl ${flag} `, "g")) ?? []).length, 3);
            assert.ok(!script.includes(`curl ${other} `));
            assert.match(script, /exit \$fail$/);
            assert.equal(job.spec.backoffLimit, 1);
            assert.equal(job.spec.activeDeadlineSeconds, 300);
            assert.equal(job.metadata.namespace, "samples");
        }
        const script = podOf(v6).containers[0].command[2];
        assert.ok(
            script.includes(
                "echo 'connectivity probe FAILED: IPv6 over pod IPs: http://probe-pods-ipv6.samples.svc.cluster.local:80/ gave no 2xx or 3xx answer' >&2",
            ),
        );
        assert.ok(script.includes("connectivity probe FAILED: IPv6 through the ingress: http://traefik.traefik.svc.cluster.local:80/"));
    });

    it("builds one IPv4-only Job on IPv4 clusters and adds a Windows Job tolerating the pools' taints", () => {
        assert.deepStrictEqual(
            buildProbeJobs(V4, buildSampleApp(V4)).jobs.map((j) => j.metadata.name.replace(/[0-9a-f]{10}$/, "#")),
            ["probe-ipv4-#"],
        );
        const probe = buildProbeJobs(MIXED, buildSampleApp(MIXED), { ingress: INGRESS, host: "hello.example.com" });
        assert.deepStrictEqual(
            probe.jobs.map((j) => j.metadata.name.replace(/[0-9a-f]{10}$/, "#")),
            ["probe-ipv4-#", "probe-ipv6-#", "probe-win-ipv4-#"],
        );
        const win = podOf(probe.jobs[2]);
        assert.deepStrictEqual(win.nodeSelector, { "kubernetes.io/os": "windows" });
        assert.deepStrictEqual(win.tolerations, [
            { key: "os", operator: "Equal", value: "windows", effect: "NoSchedule" },
            { key: "sku", operator: "Exists", effect: "NoExecute" },
        ]);
        assert.deepStrictEqual(win.containers[0].command.slice(0, 3), ["cmd", "/S", "/C"]);
        const script = win.containers[0].command[3];
        assert.ok(script.includes("curl.exe -4 "));
        assert.ok(!script.includes("curl.exe -6"));
        assert.ok(script.includes("http://hello-win-ipv4.samples.svc.cluster.local:80/"), "reaches the Windows sample");
        assert.ok(script.includes("(echo connectivity probe FAILED: IPv4 over ClusterIP from a Windows node: http://hello-dual."));
        assert.ok(script.endsWith("& exit 0"));
        // The Windows default taint applies when the facts list none.
        const plain = buildProbeJobs({ ...MIXED, windowsTaints: undefined }, buildSampleApp(MIXED)).jobs[2];
        assert.deepStrictEqual(podOf(plain).tolerations, [
            { key: "kubernetes.io/os", operator: "Equal", value: "windows", effect: "NoSchedule" },
        ]);
    });

    it("names each Job after a hash of what it tests: same input same name, any change a new name", () => {
        const app = buildSampleApp(MIXED);
        const names = (o = {}, facts = MIXED) => buildProbeJobs(facts, app, o).jobs.map((j) => j.metadata.name);
        const base = names({ ingress: INGRESS });
        assert.deepStrictEqual(names({ ingress: INGRESS }), base);
        const hosted = names({ ingress: INGRESS, host: "hello.example.com" });
        assert.ok(
            hosted.every((n, i) => n !== base[i]),
            "a host changes every Job that reaches the ingress",
        );
        const image = names({ ingress: INGRESS, image: "docker.io/curlimages/curl:8.12.0" });
        assert.notEqual(image[0], base[0]);
        assert.equal(image[2], base[2], "the Windows Job does not use the Linux image");
        const tainted = names({ ingress: INGRESS }, { ...MIXED, windowsTaints: [{ key: "os", value: "win", effect: "NoSchedule" }] });
        assert.deepStrictEqual([tainted[0], tainted[1]], [base[0], base[1]]);
        assert.notEqual(tainted[2], base[2]);
    });

    it("keys each Job by what stays when its hashed name changes: the family, or win-ipv4", () => {
        const app = buildSampleApp(MIXED);
        const keysOf = (o = {}) => {
            const probe = buildProbeJobs(MIXED, app, o);
            return probe.jobs.map((j) => probe.keys[j.metadata.name]);
        };
        assert.deepStrictEqual(keysOf({ ingress: INGRESS }), ["ipv4", "ipv6", "win-ipv4"]);
        assert.deepStrictEqual(keysOf({ ingress: INGRESS, host: "hello.example.com", name: "check" }), ["ipv4", "ipv6", "win-ipv4"]);
    });

    it("builds headless pod Services per family that pass checkService, and every object validates", () => {
        for (const facts of [V4, DUAL126, DUAL130, MIXED]) {
            const probe = buildProbeJobs(facts, buildSampleApp(facts), { ingress: INGRESS });
            assert.deepStrictEqual(
                probe.podServices.map((s) => [s.metadata.name, s.spec.clusterIP, s.spec.ipFamilies]),
                facts.ipFamilies.map((f) => [`probe-pods-${f.toLowerCase()}`, "None", [f]]),
            );
            for (const svc of probe.podServices) {
                assert.deepStrictEqual(
                    checkService(svc, facts).filter((f) => f.severity !== "info"),
                    [],
                );
                new Service(svc).validate();
            }
            for (const job of probe.jobs) new Job(job).validate();
        }
        const broken = buildProbeJobs(V4, buildSampleApp(V4)).jobs[0];
        assert.throws(() => new Job({ ...broken, spec: { ...broken.spec, backoffLimit: "1" } }).validate(), /backoffLimit/);
    });

    it("reports every bad option with CP-1 at its name", () => {
        const problems = probeJobProblems({ name: "Probe_1", host: "Hello.example.com", image: "curl && rm", timeoutSeconds: 900 });
        assert.deepStrictEqual(
            problems.map((p) => [p.ruleId, p.path]),
            [
                ["CP-1", "name"],
                ["CP-1", "host"],
                ["CP-1", "image"],
                ["CP-1", "timeoutSeconds"],
            ],
        );
        assert.match(problems[3].message, /900 must be a whole number from 30 to 540/);
        assert.deepStrictEqual(probeJobProblems({}), []);
        assert.throws(() => buildProbeJobs(V4, buildSampleApp(V4), { name: "x".repeat(41) }), /invalid connectivity probe options: name/);
    });

    it("prints the failure message per family and path, from Windows too", () => {
        const check = { family: "IPv6" as const, path: ProbePath.Ingress, url: "http://t.t.svc.cluster.local:80/", host: "h.example.com" };
        assert.equal(
            probeFailureMessage(check),
            "connectivity probe FAILED: IPv6 through the ingress: http://t.t.svc.cluster.local:80/ with Host h.example.com gave no 2xx or 3xx answer",
        );
        assert.match(linuxProbeScript([check]), /curl -6 .* -H 'Host: h\.example\.com' 'http:\/\/t\.t\.svc\.cluster\.local:80\/'/);
        const v4 = { family: "IPv4" as const, path: ProbePath.PodIps, url: "http://p.s.svc.cluster.local:80/" };
        assert.match(
            windowsProbeScript([v4]),
            /^curl\.exe -4 .*\|\| \(echo connectivity probe FAILED: IPv4 over pod IPs from a Windows node: /,
        );
    });

    it("gives outside commands per family, IPv6 in brackets without globbing", () => {
        assert.deepStrictEqual(
            outsideProbeCommands(
                [
                    { ipv4: ["20.1.2.3"], ipv6: ["2603:1020::5"] },
                    { ipv4: ["20.1.2.3"], ipv6: [] },
                ],
                "hello.example.com",
            ),
            [
                "curl -4 --fail --max-time 10 -H 'Host: hello.example.com' http://20.1.2.3/",
                "curl -6 --globoff --fail --max-time 10 -H 'Host: hello.example.com' 'http://[2603:1020::5]/'",
            ],
        );
        assert.deepStrictEqual(outsideProbeCommands([]), []);
    });

    it("takes only the sample's own options from a larger object, without undefined keys", () => {
        const args = { name: "web", namespace: undefined, replicas: 3, provider: "not an option", host: "a.example.com" };
        assert.deepStrictEqual(pickSampleAppOptions(args), { name: "web", replicas: 3 });
        assert.deepStrictEqual(pickSampleAppOptions({}), {});
    });

    it("accepts the target a SampleApp and an IngressController describe", () => {
        assert.deepStrictEqual(probeTargetProblems(MIXED, undefined, undefined), []);
        assert.deepStrictEqual(probeTargetProblems(V4, { name: "web", namespace: "shop" }, INGRESS), []);
        assert.deepStrictEqual(probeTargetProblems(V4, {}, { namespace: "traefik", ipv6: "traefik-v6" }), []);
    });

    it("names every problem of the target at once: sample options, ingress names, cluster facts (CP-1, SVC-4)", () => {
        const found = probeTargetProblems(
            { ...V4, kubernetesVersion: "latest" },
            { name: "Web", containerPort: 0 },
            { namespace: "", ipv4: 4 as unknown as string },
        );
        assert.deepStrictEqual(
            found.map((d) => [d.ruleId, d.path]),
            [
                ["SVC-4", "clusterFacts.kubernetesVersion"],
                ["CP-1", "sample.name"],
                ["CP-1", "sample.containerPort"],
                ["CP-1", "ingress.namespace"],
                ["CP-1", "ingress.ipv4"],
            ],
        );
        assert.match(found[1].message, /^sample\.name "Web" must be a DNS-1035 label/);
        assert.match(found[4].message, /^ingress\.ipv4 4 must be a DNS-1123 label/);
    });

    it("refuses a sample or ingress that is not plain data, and an ingress naming no Service", () => {
        const found = probeTargetProblems(V4, "hello" as unknown as object, { namespace: "traefik" });
        assert.deepStrictEqual(
            found.map((d) => d.path),
            ["sample", "ingress"],
        );
        assert.match(found[0].message, /sample must be the sample's options .*got a string/);
        assert.match(found[1].message, /names no Service/);
        assert.deepStrictEqual(
            probeTargetProblems(V4, {}, ["traefik"]).map((d) => [d.path, d.message]),
            [["ingress", "ingress must be the ingress Services by family (IngressController's `serviceNames`), got a list"]],
        );
    });
});
