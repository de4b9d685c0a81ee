/**
 * The component-overhead baseline: the dev stack's resources written directly against azure-native
 * and @pulumi/kubernetes, as a user would without the package. Same resources (the harness checks
 * types and counts against the stack on every run), the same inputs as the components record for
 * the dev stack (read from the same stack config where the stack reads them), no validation, no
 * component resources.
 */
import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import * as k8s from "@pulumi/kubernetes";

interface NetworkConfig {
    ipFamilies: string[];
    podCidrs: string[];
    serviceCidrs: string[];
    dnsServiceIP: string;
    vnet: { addressSpaces: string[]; subnets: { name: string; cidr: string; ipv6Cidr?: string }[] };
}
interface PoolConfig {
    name: string;
    vmSize: string;
    minCount: number;
    maxCount: number;
}

const config = new pulumi.Config("aks-network");
const clusterName = config.require("clusterName");
const kubernetesVersion = config.require("kubernetesVersion");
const net = config.requireObject<NetworkConfig>("network");
const apiServer = config.requireObject<{ authorizedIpRanges: string[] }>("apiServer");
const systemPool = config.requireObject<{ vmSize: string; count: number }>("systemPool");
const pools = config.requireObject<PoolConfig[]>("nodePools");

const zones = ["1", "2", "3"];
const rg = new resources.ResourceGroup("aks-rg", { resourceGroupName: "aks-rg" });
const identity = new managedidentity.UserAssignedIdentity("aks-identity", {
    resourceGroupName: rg.name,
    resourceName: `${clusterName}-identity`,
});
const vnet = new network.VirtualNetwork("aks-vnet", {
    resourceGroupName: rg.name,
    virtualNetworkName: `${clusterName}-vnet`,
    addressSpace: { addressPrefixes: net.vnet.addressSpaces },
    enableDdosProtection: false,
    enableVmProtection: false,
});
const subnetSpec = net.vnet.subnets[0];
const subnet = new network.Subnet("aks-subnet-nodes", {
    resourceGroupName: rg.name,
    virtualNetworkName: vnet.name,
    subnetName: subnetSpec.name,
    addressPrefixes: [subnetSpec.cidr, ...(subnetSpec.ipv6Cidr ? [subnetSpec.ipv6Cidr] : [])],
    privateEndpointNetworkPolicies: "Disabled",
    privateLinkServiceNetworkPolicies: "Enabled",
});
const networkContributor = new authorization.RoleAssignment("aks-networkContributor", {
    principalId: identity.principalId,
    principalType: "ServicePrincipal",
    roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7",
    scope: vnet.id,
});

const cluster = new containerservice.ManagedCluster(
    "aks-aks",
    {
        resourceGroupName: rg.name,
        resourceName: clusterName,
        dnsPrefix: clusterName,
        kubernetesVersion,
        identity: { type: "UserAssigned", userAssignedIdentities: [identity.id] },
        sku: { name: "Base", tier: "Standard" },
        enableRBAC: true,
        disableLocalAccounts: true,
        aadProfile: { managed: true, enableAzureRBAC: true },
        ingressProfile: { webAppRouting: { enabled: false } },
        oidcIssuerProfile: { enabled: true },
        securityProfile: { workloadIdentity: { enabled: true }, imageCleaner: { enabled: true, intervalHours: 168 } },
        addonProfiles: {
            azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: "true", rotationPollInterval: "2m" } },
            azurepolicy: { enabled: true },
            kubeDashboard: { enabled: false },
        },
        autoUpgradeProfile: { upgradeChannel: "patch", nodeOSUpgradeChannel: "NodeImage" },
        apiServerAccessProfile: { authorizedIPRanges: apiServer.authorizedIpRanges, disableRunCommand: true, enablePrivateCluster: false },
        agentPoolProfiles: [
            {
                name: "system",
                mode: "System",
                type: "VirtualMachineScaleSets",
                osType: "Linux",
                osSKU: "Ubuntu",
                vmSize: systemPool.vmSize,
                count: systemPool.count,
                enableAutoScaling: false,
                maxPods: 110,
                availabilityZones: zones,
                nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"],
                osDiskType: "Ephemeral",
                enableEncryptionAtHost: false,
                enableFIPS: false,
                enableNodePublicIP: false,
                upgradeSettings: { maxSurge: "33%" },
                vnetSubnetID: subnet.id,
            },
        ],
        networkProfile: {
            networkPlugin: "azure",
            networkPluginMode: "overlay",
            networkDataplane: "cilium",
            networkPolicy: "cilium",
            ipFamilies: net.ipFamilies,
            podCidr: net.podCidrs[0],
            podCidrs: net.podCidrs,
            serviceCidr: net.serviceCidrs[0],
            serviceCidrs: net.serviceCidrs,
            dnsServiceIP: net.dnsServiceIP,
            outboundType: "loadBalancer",
            loadBalancerSku: "standard",
            loadBalancerProfile: {
                backendPoolType: "NodeIPConfiguration",
                managedOutboundIPs: { count: 1, countIPv6: 1 },
                allocatedOutboundPorts: 0,
                idleTimeoutInMinutes: 30,
            },
        },
    },
    { dependsOn: [networkContributor], ignoreChanges: ["kubernetesVersion", "agentPoolProfiles[0].count"] },
);

const nodePools = pools.map(
    (p) =>
        new containerservice.AgentPool(
            `aks-pool-${p.name}`,
            {
                resourceGroupName: rg.name,
                resourceName: cluster.name,
                agentPoolName: p.name,
                mode: "User",
                type: "VirtualMachineScaleSets",
                osType: "Linux",
                osSKU: "Ubuntu",
                vmSize: p.vmSize,
                count: p.minCount,
                enableAutoScaling: true,
                minCount: p.minCount,
                maxCount: p.maxCount,
                maxPods: 110,
                availabilityZones: zones,
                osDiskType: "Ephemeral",
                enableEncryptionAtHost: false,
                enableFIPS: false,
                enableNodePublicIP: false,
                upgradeSettings: { maxSurge: "33%" },
                vnetSubnetID: subnet.id,
            },
            { ignoreChanges: ["count"] },
        ),
);

const window = (name: string, configName: string, dayOfWeek: string) =>
    new containerservice.MaintenanceConfiguration(name, {
        resourceGroupName: rg.name,
        resourceName: cluster.name,
        configName,
        maintenanceWindow: {
            schedule: { weekly: { dayOfWeek, intervalWeeks: 1 } },
            durationHours: 4,
            startTime: "00:00",
            utcOffset: "+00:00",
        },
    });
window("aks-upgradeWindow", "aksManagedAutoUpgradeSchedule", "Sunday");
window("aks-nodeOsUpgradeWindow", "aksManagedNodeOSUpgradeSchedule", "Saturday");

// The user kubeconfig, switched from the interactive device-code login to the Azure CLI's for CI.
const creds = containerservice.listManagedClusterUserCredentialsOutput({ resourceGroupName: rg.name, resourceName: cluster.name });
const kubeconfig = pulumi.secret(
    creds.kubeconfigs.apply((k) => Buffer.from(k[0].value, "base64").toString("utf8").replace("devicecode", "azurecli")),
);
const provider = new k8s.Provider(
    "aks-k8s",
    { kubeconfig, clusterIdentifier: cluster.id, deleteUnreachable: true },
    { dependsOn: nodePools },
);

const linux = { "kubernetes.io/os": "linux" };
const spread = (matchLabels: Record<string, string>) => [
    { maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels } },
    { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels } },
];
const lifeCycle = { graceTimeOut: "10s", requestAcceptGraceTimeout: "15s" };

const ingressNs = new k8s.core.v1.Namespace("aks-ingress-namespace", { metadata: { name: "traefik" } }, { provider });
// Gateway API: the standard-channel CRDs the Traefik chart is paired with, before the chart.
const gatewayApiCrds = new k8s.yaml.v2.ConfigFile(
    "aks-ingress-gatewayApiCrds",
    { file: "https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.5.1/standard-install.yaml" },
    { provider },
);
const ingress = new k8s.helm.v4.Chart(
    "aks-ingress-chart",
    {
        chart: "traefik",
        version: "41.3.0",
        name: "traefik",
        namespace: ingressNs.metadata.name,
        repositoryOpts: { repo: "https://traefik.github.io/charts" },
        values: {
            additionalArguments: ["--ping.terminatingStatusCode=204"],
            deployment: { enabled: true, kind: "Deployment", replicas: 2, terminationGracePeriodSeconds: 60 },
            gateway: { enabled: false },
            gatewayClass: { enabled: false },
            global: { checkNewVersion: false, sendAnonymousUsage: false },
            ingressClass: { enabled: true, isDefaultClass: false, name: "traefik" },
            nodeSelector: linux,
            podDisruptionBudget: { enabled: true, minAvailable: 1 },
            ports: {
                web: { expose: { default: true }, transport: { lifeCycle } },
                websecure: { expose: { default: true }, transport: { lifeCycle } },
            },
            providers: {
                kubernetesGateway: { enabled: true },
                kubernetesIngress: { enabled: true, ingressClass: "traefik", publishedService: { enabled: true } },
            },
            service: {
                enabled: true,
                annotations: {
                    "service.beta.kubernetes.io/azure-load-balancer-health-probe-interval": "5",
                    "service.beta.kubernetes.io/azure-load-balancer-health-probe-num-of-probe": "2",
                },
                spec: {
                    type: "LoadBalancer",
                    externalTrafficPolicy: "Local",
                    ipFamilies: ["IPv4", "IPv6"],
                    ipFamilyPolicy: "RequireDualStack",
                },
            },
            tolerations: [],
            topologySpreadConstraints: spread({ "app.kubernetes.io/instance": "traefik-traefik", "app.kubernetes.io/name": "traefik" }),
        },
    },
    { provider, dependsOn: [ingressNs, gatewayApiCrds] },
);
const managedBy = { "app.kubernetes.io/managed-by": "pulumi-aks-network" };
const gatewayClass = new k8s.apiextensions.CustomResource(
    "aks-ingress-gatewayClass",
    {
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "GatewayClass",
        metadata: { name: "traefik", labels: managedBy },
        spec: { controllerName: "traefik.io/gateway-controller" },
    },
    { provider, dependsOn: [ingressNs, gatewayApiCrds, ingress] },
);
const gateway = new k8s.apiextensions.CustomResource(
    "aks-ingress-gateway",
    {
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "Gateway",
        metadata: { name: "traefik-gateway", namespace: "traefik", labels: managedBy },
        spec: {
            gatewayClassName: "traefik",
            listeners: [{ name: "web", port: 8000, protocol: "HTTP", allowedRoutes: { namespaces: { from: "All" } } }],
        },
    },
    { provider, dependsOn: [ingressNs, gatewayApiCrds, ingress, gatewayClass] },
);

const labels = { "app.kubernetes.io/component": "web", "app.kubernetes.io/name": "hello" };
const sampleNs = new k8s.core.v1.Namespace("aks-sample-namespace", { metadata: { name: "samples" } }, { provider });
const namespace = sampleNs.metadata.name;
const service = new k8s.core.v1.Service(
    "aks-sample-service-hello-dual",
    {
        metadata: { name: "hello-dual", namespace, labels },
        spec: {
            type: "LoadBalancer",
            externalTrafficPolicy: "Local",
            ipFamilies: ["IPv4", "IPv6"],
            ipFamilyPolicy: "RequireDualStack",
            selector: labels,
            ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "http" }],
        },
    },
    { provider },
);
new k8s.policy.v1.PodDisruptionBudget(
    "aks-sample-pdb-hello",
    {
        metadata: { name: "hello", namespace, labels },
        spec: { minAvailable: 1, selector: { matchLabels: labels } },
    },
    { provider },
);
new k8s.apiextensions.CustomResource(
    "aks-sample-httpRoute-hello",
    {
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "HTTPRoute",
        metadata: { name: "hello", namespace, labels: { "app.kubernetes.io/name": "hello" } },
        spec: {
            parentRefs: [
                { group: "gateway.networking.k8s.io", kind: "Gateway", name: "traefik-gateway", namespace: "traefik", sectionName: "web" },
            ],
            rules: [
                {
                    matches: [{ path: { type: "PathPrefix", value: "/" } }],
                    backendRefs: [{ group: "", kind: "Service", name: "hello-dual", port: 80 }],
                },
            ],
        },
    },
    { provider, dependsOn: [ingress, gateway] },
);
const deployment = new k8s.apps.v1.Deployment(
    "aks-sample-deployment-hello",
    {
        metadata: { name: "hello", namespace, labels },
        spec: {
            replicas: 2,
            selector: { matchLabels: labels },
            template: {
                metadata: { labels },
                spec: {
                    nodeSelector: linux,
                    topologySpreadConstraints: spread(labels),
                    containers: [
                        {
                            name: "web",
                            image: "docker.io/library/nginx:1.28-alpine",
                            ports: [{ name: "http", containerPort: 80, protocol: "TCP" }],
                            readinessProbe: { httpGet: { path: "/", port: "http" }, periodSeconds: 5 },
                            lifecycle: { preStop: { exec: { command: ["sleep", "15"] } } },
                            resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } },
                        },
                    ],
                },
            },
        },
    },
    { provider },
);

// Connectivity probe: per family, a headless Service over the sample's pods and a Job that curls the
// sample by ClusterIP, by pod IPs and through the ingress. The Job names carry the hash the package
// gives them for the dev stack, so both programs send the same objects.
const probeLabels = { "app.kubernetes.io/component": "connectivity-probe", "app.kubernetes.io/name": "probe" };
const sampleDependencies = [sampleNs, service, deployment, ingress, gateway];
const probeFamilies = [
    { family: "IPv4", flag: "-4", key: "ipv4", job: "probe-ipv4-bc05fba767" },
    { family: "IPv6", flag: "-6", key: "ipv6", job: "probe-ipv6-776586d7d2" },
];
const curl = (flag: string, family: string, what: string, url: string) =>
    `if curl ${flag} --silent --show-error --fail --connect-timeout 5 --max-time 10 --retry 12 --retry-delay 5 --retry-all-errors --output /dev/null '${url}'; ` +
    `then echo 'ok: ${family} ${what}: ${url}'; ` +
    `else echo 'connectivity probe FAILED: ${family} ${what}: ${url} gave no 2xx or 3xx answer' >&2; fail=1; fi`;
for (const p of probeFamilies) {
    const podService = new k8s.core.v1.Service(
        `aks-probe-service-probe-pods-${p.key}`,
        {
            apiVersion: "v1",
            kind: "Service",
            metadata: { name: `probe-pods-${p.key}`, namespace: "samples", labels: probeLabels },
            spec: {
                type: "ClusterIP",
                clusterIP: "None",
                ipFamilies: [p.family],
                ipFamilyPolicy: "SingleStack",
                selector: labels,
                ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "http" }],
            },
        },
        { provider, dependsOn: sampleDependencies },
    );
    const script = [
        "fail=0",
        curl(p.flag, p.family, "over ClusterIP", "http://hello-dual.samples.svc.cluster.local:80/"),
        curl(p.flag, p.family, "over pod IPs", `http://probe-pods-${p.key}.samples.svc.cluster.local:80/`),
        curl(p.flag, p.family, "through the ingress", "http://traefik.traefik.svc.cluster.local:80/"),
        "exit $fail",
    ].join("\n");
    const jobLabels = { "aks-network/probe-family": p.family, ...probeLabels };
    new k8s.batch.v1.Job(
        `aks-probe-job-${p.key}`,
        {
            apiVersion: "batch/v1",
            kind: "Job",
            metadata: { name: p.job, namespace: "samples", labels: jobLabels },
            spec: {
                activeDeadlineSeconds: 300,
                backoffLimit: 1,
                template: {
                    metadata: { labels: jobLabels },
                    spec: {
                        automountServiceAccountToken: false,
                        restartPolicy: "Never",
                        nodeSelector: linux,
                        securityContext: {
                            runAsNonRoot: true,
                            runAsUser: 100,
                            runAsGroup: 101,
                            seccompProfile: { type: "RuntimeDefault" },
                        },
                        containers: [
                            {
                                name: "probe",
                                image: "docker.io/curlimages/curl:8.11.1",
                                command: ["/bin/sh", "-c", script],
                                resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { memory: "64Mi" } },
                                securityContext: {
                                    allowPrivilegeEscalation: false,
                                    readOnlyRootFilesystem: true,
                                    capabilities: { drop: ["ALL"] },
                                },
                            },
                        ],
                    },
                },
            },
        },
        { provider, dependsOn: [...sampleDependencies, podService] },
    );
}

export const clusterNameOutput = cluster.name;
export const kubeconfigOutput = kubeconfig;
export const serviceName = service.metadata.name;
// `curl -4` / `curl -6` against the sample's load-balancer addresses, to run from outside the cluster.
export const outsideProbeCommands = service.status.apply((status) =>
    (status?.loadBalancer?.ingress ?? [])
        .map((i) => i.ip)
        .filter((ip): ip is string => ip !== undefined && ip !== "")
        .map((ip) =>
            ip.includes(":") ? `curl -6 --globoff --fail --max-time 10 'http://[${ip}]/'` : `curl -4 --fail --max-time 10 http://${ip}/`,
        ),
);
