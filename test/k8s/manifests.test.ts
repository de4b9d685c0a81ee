/**
 * buildSampleApp and buildSampleIngress: whole plain objects per cluster shape (IPv4-only, dual-stack
 * before and after 1.27, mixed Windows), the traffic-policy opt-out, and input errors.
 */
import * as assert from "node:assert/strict";
import { ClusterFacts } from "../../lib/k8s/facts";
import { buildSampleApp, buildSampleIngress } from "../../lib/k8s/manifests";

const ipv4: ClusterFacts = { ipFamilies: ["IPv4"], kubernetesVersion: "1.30", hasWindowsPools: false, linuxOsSku: "Ubuntu" };
const dual126: ClusterFacts = {
    ipFamilies: ["IPv4", "IPv6"],
    kubernetesVersion: "1.26.3",
    hasWindowsPools: false,
    linuxOsSku: "AzureLinux",
};
const dual130: ClusterFacts = { ipFamilies: ["IPv4", "IPv6"], kubernetesVersion: "1.30", hasWindowsPools: false, linuxOsSku: "AzureLinux" };
const mixed: ClusterFacts = {
    ipFamilies: ["IPv4", "IPv6"],
    kubernetesVersion: "1.31",
    hasWindowsPools: true,
    linuxOsSku: "Ubuntu",
    windowsTaints: [
        { key: "sku", value: "Windows", effect: "NoSchedule" },
        { key: "dedicated", effect: "NoExecute" },
    ],
};

const LABELS = { "app.kubernetes.io/name": "hello", "app.kubernetes.io/component": "web" };
const LINUX_DEPLOYMENT = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "hello", namespace: "samples", labels: LABELS },
    spec: {
        replicas: 2,
        selector: { matchLabels: LABELS },
        template: {
            metadata: { labels: LABELS },
            spec: {
                nodeSelector: { "kubernetes.io/os": "linux" },
                topologySpreadConstraints: [
                    {
                        maxSkew: 1,
                        topologyKey: "kubernetes.io/hostname",
                        whenUnsatisfiable: "DoNotSchedule",
                        labelSelector: { matchLabels: LABELS },
                    },
                    {
                        maxSkew: 1,
                        topologyKey: "topology.kubernetes.io/zone",
                        whenUnsatisfiable: "ScheduleAnyway",
                        labelSelector: { matchLabels: LABELS },
                    },
                ],
                containers: [
                    {
                        name: "web",
                        image: "docker.io/library/nginx:1.28-alpine",
                        ports: [{ name: "http", containerPort: 80, protocol: "TCP" }],
                        readinessProbe: { httpGet: { path: "/", port: "http" }, periodSeconds: 5 },
                        resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } },
                        lifecycle: { preStop: { exec: { command: ["sleep", "15"] } } },
                    },
                ],
            },
        },
    },
};
const PDB = {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: "hello", namespace: "samples", labels: LABELS },
    spec: { minAvailable: 1, selector: { matchLabels: LABELS } },
};
const HTTP_PORT = [{ name: "http", protocol: "TCP", port: 80, targetPort: "http" }];

describe("buildSampleApp", () => {
    it("returns one IPv4 SingleStack Service (Cluster) on an IPv4-only cluster", () => {
        assert.deepStrictEqual(buildSampleApp(ipv4), {
            deployments: [LINUX_DEPLOYMENT],
            podDisruptionBudgets: [PDB],
            services: [
                {
                    apiVersion: "v1",
                    kind: "Service",
                    metadata: { name: "hello-ipv4", namespace: "samples", labels: LABELS },
                    spec: {
                        type: "LoadBalancer",
                        ipFamilyPolicy: "SingleStack",
                        ipFamilies: ["IPv4"],
                        externalTrafficPolicy: "Cluster",
                        selector: LABELS,
                        ports: HTTP_PORT,
                    },
                },
            ],
            linuxServiceName: "hello-ipv4",
            warnings: [],
        });
    });

    it("returns one Service per family on the same selector on a dual-stack 1.26 cluster, IPv6 with Local", () => {
        const app = buildSampleApp(dual126);
        assert.deepStrictEqual(app.services, [
            {
                apiVersion: "v1",
                kind: "Service",
                metadata: { name: "hello-ipv4", namespace: "samples", labels: LABELS },
                spec: {
                    type: "LoadBalancer",
                    ipFamilyPolicy: "SingleStack",
                    ipFamilies: ["IPv4"],
                    externalTrafficPolicy: "Cluster",
                    selector: LABELS,
                    ports: HTTP_PORT,
                },
            },
            {
                apiVersion: "v1",
                kind: "Service",
                metadata: { name: "hello-ipv6", namespace: "samples", labels: LABELS },
                spec: {
                    type: "LoadBalancer",
                    ipFamilyPolicy: "SingleStack",
                    ipFamilies: ["IPv6"],
                    externalTrafficPolicy: "Local",
                    selector: LABELS,
                    ports: HTTP_PORT,
                },
            },
        ]);
        assert.deepStrictEqual(app.deployments, [LINUX_DEPLOYMENT]);
        assert.deepStrictEqual(app.podDisruptionBudgets, [PDB]);
        assert.equal(app.linuxServiceName, "hello-ipv4");
        assert.deepStrictEqual(app.warnings, []);
    });

    it("returns one RequireDualStack [IPv4, IPv6] Service with Local on a dual-stack 1.30 cluster", () => {
        assert.deepStrictEqual(buildSampleApp(dual130), {
            deployments: [LINUX_DEPLOYMENT],
            podDisruptionBudgets: [PDB],
            services: [
                {
                    apiVersion: "v1",
                    kind: "Service",
                    metadata: { name: "hello-dual", namespace: "samples", labels: LABELS },
                    spec: {
                        type: "LoadBalancer",
                        ipFamilyPolicy: "RequireDualStack",
                        ipFamilies: ["IPv4", "IPv6"],
                        externalTrafficPolicy: "Local",
                        selector: LABELS,
                        ports: HTTP_PORT,
                    },
                },
            ],
            linuxServiceName: "hello-dual",
            warnings: [],
        });
    });

    it("adds a Windows sample (IPv4 SingleStack, Windows nodes, the pools' tolerations) on a mixed cluster", () => {
        const winLabels = { "app.kubernetes.io/name": "hello-win", "app.kubernetes.io/component": "web", "kubernetes.io/os": "windows" };
        const app = buildSampleApp(mixed);
        assert.deepStrictEqual(app.deployments, [
            LINUX_DEPLOYMENT,
            {
                apiVersion: "apps/v1",
                kind: "Deployment",
                metadata: { name: "hello-win", namespace: "samples", labels: winLabels },
                spec: {
                    replicas: 1,
                    selector: { matchLabels: winLabels },
                    template: {
                        metadata: { labels: winLabels },
                        spec: {
                            nodeSelector: { "kubernetes.io/os": "windows" },
                            tolerations: [
                                { key: "sku", operator: "Equal", value: "Windows", effect: "NoSchedule" },
                                { key: "dedicated", operator: "Exists", effect: "NoExecute" },
                            ],
                            containers: [
                                {
                                    name: "iis",
                                    image: "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022",
                                    ports: [{ name: "http", containerPort: 80, protocol: "TCP" }],
                                    resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "1Gi" } },
                                },
                            ],
                        },
                    },
                },
            },
        ]);
        assert.deepStrictEqual(
            app.services.map((s) => [s.metadata.name, s.spec.ipFamilyPolicy, s.spec.ipFamilies, s.spec.externalTrafficPolicy]),
            [
                ["hello-dual", "RequireDualStack", ["IPv4", "IPv6"], "Local"],
                ["hello-win-ipv4", "SingleStack", ["IPv4"], "Cluster"],
            ],
        );
        assert.deepStrictEqual(app.services[1].spec.selector, winLabels);
        assert.equal(app.windowsServiceName, "hello-win-ipv4");
    });

    it("tolerates the default Windows taint when the facts list none", () => {
        const app = buildSampleApp({ ...ipv4, hasWindowsPools: true });
        const spec = (app.deployments[1].spec.template as { spec: { tolerations: unknown } }).spec;
        assert.deepStrictEqual(spec.tolerations, [{ key: "kubernetes.io/os", operator: "Equal", value: "windows", effect: "NoSchedule" }]);
    });

    it("never puts the Windows toleration on the Linux app", () => {
        const linux = buildSampleApp(mixed).deployments[0].spec.template as { spec: { [k: string]: unknown } };
        assert.equal(linux.spec.tolerations, undefined);
        assert.deepStrictEqual(linux.spec.nodeSelector, { "kubernetes.io/os": "linux" });
    });

    it("keeps Local on IPv6 Services on every OS SKU and version", () => {
        for (const facts of [dual126, dual130, mixed, { ...dual130, linuxOsSku: "Ubuntu" as const }]) {
            for (const s of buildSampleApp(facts).services) {
                if ((s.spec.ipFamilies as string[]).includes("IPv6")) assert.equal(s.spec.externalTrafficPolicy, "Local", s.metadata.name);
            }
        }
    });

    it("uses Cluster on IPv6 only with the explicit opt-out, and warns", () => {
        const app = buildSampleApp(dual130, { allowClusterTrafficPolicyOnIpv6: true });
        assert.equal(app.services[0].spec.externalTrafficPolicy, "Cluster");
        assert.equal(app.warnings.length, 1);
        assert.match(app.warnings[0], /^allowClusterTrafficPolicyOnIpv6: hello-dual use externalTrafficPolicy Cluster on IPv6/);
        assert.match(app.warnings[0], /this cluster: AzureLinux/);
    });

    it("does not warn about the opt-out on an IPv4-only cluster, where no Service has IPv6", () => {
        assert.deepStrictEqual(buildSampleApp(ipv4, { allowClusterTrafficPolicyOnIpv6: true }).warnings, []);
    });

    it("applies name, namespace, replicas, image, port and DNS labels", () => {
        const app = buildSampleApp(dual126, {
            name: "web",
            namespace: "demo",
            replicas: 3,
            image: "ghcr.io/acme/web:1",
            containerPort: 8080,
            dnsLabelPrefix: "acme-web",
        });
        assert.deepStrictEqual(
            app.services.map((s) => [s.metadata.name, s.metadata.namespace, s.metadata.annotations]),
            [
                ["web-ipv4", "demo", { "service.beta.kubernetes.io/azure-dns-label-name": "acme-web-ipv4" }],
                ["web-ipv6", "demo", { "service.beta.kubernetes.io/azure-dns-label-name": "acme-web-ipv6" }],
            ],
        );
        const d = app.deployments[0].spec as { replicas: number; template: { spec: { containers: { image: string; ports: unknown }[] } } };
        assert.equal(d.replicas, 3);
        assert.equal(d.template.spec.containers[0].image, "ghcr.io/acme/web:1");
        assert.deepStrictEqual(d.template.spec.containers[0].ports, [{ name: "http", containerPort: 8080, protocol: "TCP" }]);
    });

    it("fails when options or facts are invalid, listing every problem", () => {
        assert.throws(
            () =>
                buildSampleApp({ ...ipv4, ipFamilies: ["IPv6"] } as unknown as ClusterFacts, {
                    name: "9lives",
                    replicas: 1,
                    namespace: "Bad_NS",
                    containerPort: 0,
                    dnsLabelPrefix: "-x",
                    image: "a b",
                }),
            (e: Error) => {
                for (const fragment of [
                    "SVC-4 clusterFacts.ipFamilies",
                    'SA-1 name: name "9lives"',
                    "replicas 1",
                    'namespace "Bad_NS"',
                    "containerPort 0",
                    'dnsLabelPrefix "-x"',
                    'image "a b"',
                ]) {
                    assert.ok(e.message.includes(fragment), `missing ${fragment} in ${e.message}`);
                }
                return /^invalid sample app \(7 problems\)/.test(e.message);
            },
        );
    });

    it("fails on a name too long for its Service suffixes", () => {
        assert.throws(() => buildSampleApp(ipv4, { name: "a".repeat(55) }), /at most 54 characters/);
        assert.doesNotThrow(() => buildSampleApp(ipv4, { name: "a".repeat(54) }));
    });
});

describe("buildSampleIngress", () => {
    it("routes / to the Linux Service through the given class", () => {
        assert.deepStrictEqual(buildSampleIngress(buildSampleApp(dual130), { ingressClassName: "traefik" }), {
            apiVersion: "networking.k8s.io/v1",
            kind: "Ingress",
            metadata: { name: "hello", namespace: "samples", labels: { "app.kubernetes.io/name": "hello" } },
            spec: {
                ingressClassName: "traefik",
                rules: [
                    {
                        http: {
                            paths: [
                                { path: "/", pathType: "Prefix", backend: { service: { name: "hello-dual", port: { name: "http" } } } },
                            ],
                        },
                    },
                ],
            },
        });
    });

    it("serves the Windows app on windows.<host> when a host is given", () => {
        const ing = buildSampleIngress(buildSampleApp(mixed), { ingressClassName: "traefik", host: "hello.example.com" });
        assert.deepStrictEqual(
            (ing.spec.rules as { host: string; http: { paths: { backend: { service: { name: string } } }[] } }[]).map((r) => [
                r.host,
                r.http.paths[0].backend.service.name,
            ]),
            [
                ["hello.example.com", "hello-dual"],
                ["windows.hello.example.com", "hello-win-ipv4"],
            ],
        );
    });

    it("routes to the IPv4 Service before 1.27", () => {
        const ing = buildSampleIngress(buildSampleApp(dual126), { ingressClassName: "nginx" });
        assert.equal(
            (ing.spec.rules as { http: { paths: { backend: { service: { name: string } } }[] } }[])[0].http.paths[0].backend.service.name,
            "hello-ipv4",
        );
    });
});
