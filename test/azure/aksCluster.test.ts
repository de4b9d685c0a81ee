import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { parse } from "yaml";
import { AksCluster } from "../../lib/azure/aksCluster";
import { AksClusterArgs } from "../../lib/azure/clusterArgs";
import { IpFamily, KubeloginMode, NetworkDataplane, NetworkPolicy, OsSku, OsType } from "../../lib/azure/enums";
import { checkService } from "../../lib/k8s/checkService";
import { NetworkPlanReport } from "../../lib/network/types";
import { isPreview, isWrappedSecret, mockState, registered, resetMocks, settle, TEST_DEPLOYMENT } from "../helpers/mocks";
import { installSuiteMocks } from "../setup";
import {
    API,
    captureLogs,
    dependencyNames,
    inputsOf,
    logs,
    optionsRecorder,
    releaseLogs,
    settled,
    SUBNET_ID,
    T,
    theOne,
    thrown,
    useAzureOutputs,
    useExistingNetwork,
} from "./helpers";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- resource inputs from the mocks are untyped
const clusterInputs = (name: string): Json => inputsOf(T.cluster, name)[0] as Json;

describe("AksCluster", () => {
    beforeEach(() => {
        resetMocks();
        useAzureOutputs();
        captureLogs();
    });
    afterEach(releaseLogs);

    describe("overlay IPv4 (the defaults)", () => {
        it("writes every replacement-forcing network value from the effective plan", async () => {
            const c = new AksCluster("ov4", { apiServer: API });
            await settle();
            const np = clusterInputs("ov4").networkProfile;
            assert.deepEqual(
                [np.networkPlugin, np.networkPluginMode, np.networkDataplane, np.networkPolicy, np.outboundType, np.loadBalancerSku],
                ["azure", "overlay", "cilium", "cilium", "loadBalancer", "standard"],
            );
            assert.deepEqual(np.ipFamilies, ["IPv4"]);
            assert.deepEqual(np.podCidrs, ["10.244.0.0/16"]);
            assert.equal(np.podCidr, np.podCidrs[0]);
            assert.deepEqual(np.serviceCidrs, ["10.0.0.0/16"]);
            assert.equal(np.serviceCidr, np.serviceCidrs[0]);
            assert.equal(np.dnsServiceIP, "10.0.0.10");
            assert.equal(np.loadBalancerProfile.backendPoolType, "NodeIPConfiguration");
            assert.equal(np.loadBalancerProfile.managedOutboundIPs.count, 1);
            assert.deepEqual(c.networkPlan.effective.podCidrs, np.podCidrs);
        });
        it("keeps only the System pool inline", async () => {
            new AksCluster("ov4b", { apiServer: API, nodePools: [{ name: "apps" }] });
            await settle();
            const profiles = clusterInputs("ov4b").agentPoolProfiles;
            assert.deepEqual(
                profiles.map((p: Json) => [p.name, p.mode]),
                [["system", "System"]],
            );
            assert.deepEqual(
                inputsOf(T.pool, "ov4b").map((p) => [p.agentPoolName, p.mode]),
                [["apps", "User"]],
            );
        });
        it("sends the API server's authorized ranges as networks, as AKS reads them (R4 says so)", async () => {
            const c = new AksCluster("ov4r", { apiServer: { authorizedIpRanges: ["20.61.0.7/24", "52.10.4.9/32"] } });
            await settle();
            assert.deepEqual(clusterInputs("ov4r").apiServerAccessProfile.authorizedIPRanges, ["20.61.0.0/24", "52.10.4.9/32"]);
            assert.ok(
                (c.networkPlan as NetworkPlanReport).diagnostics.some(
                    (d) => d.ruleId === "R4" && d.path === "apiServer.authorizedIpRanges[0]",
                ),
            );
        });
        it("passes no arguments to the component's registration", async () => {
            new AksCluster("ov4c", { apiServer: API, windows: { enableWindowsPools: true, adminPassword: "Not-In-State-123" } });
            await settle();
            assert.deepEqual(theOne(T.component, "ov4c").inputs, {});
        });
    });

    describe("dual-stack overlay", () => {
        it("plans both families, an IPv6 outbound IP and IPv6 subnet prefixes", async () => {
            const c = new AksCluster("ds", {
                apiServer: API,
                network: {
                    ipFamilies: [IpFamily.IPv4, IpFamily.IPv6],
                    networkDataplane: NetworkDataplane.Azure,
                    networkPolicy: NetworkPolicy.None,
                },
            });
            await settle();
            const np = clusterInputs("ds").networkProfile;
            assert.deepEqual(np.ipFamilies, ["IPv4", "IPv6"]);
            assert.deepEqual(np.podCidrs, ["10.244.0.0/16", "fd12:3456:789a::/64"]);
            assert.deepEqual(np.serviceCidrs, ["10.0.0.0/16", "fd12:3456:789a:1::/108"]);
            assert.deepEqual([np.podCidr, np.serviceCidr], ["10.244.0.0/16", "10.0.0.0/16"]);
            assert.deepEqual(np.loadBalancerProfile.managedOutboundIPs, { count: 1, countIPv6: 1 });
            assert.deepEqual([np.networkDataplane, np.networkPolicy], ["azure", "none"]);
            assert.deepEqual(inputsOf(T.vnet, "ds")[0].addressSpace, { addressPrefixes: ["10.224.0.0/12", "fd10:224::/56"] });
            assert.deepEqual(inputsOf(T.subnet, "ds")[0].addressPrefixes, ["10.224.0.0/16", "fd10:224::/64"]);
            assert.deepEqual(c.clusterFacts.ipFamilies, ["IPv4", "IPv6"]);
        });
    });

    describe("dual-stack with Cilium", () => {
        it("uses the Cilium dataplane and policy with the given pod CIDRs", async () => {
            const c = new AksCluster("dsc", {
                apiServer: API,
                kubernetesVersion: "1.33",
                network: { ipFamilies: [IpFamily.IPv4, IpFamily.IPv6], podCidrs: ["192.168.0.0/16", "fd00:abcd::/64"] },
            });
            await settle();
            const np = clusterInputs("dsc").networkProfile;
            assert.deepEqual([np.networkDataplane, np.networkPolicy], ["cilium", "cilium"]);
            assert.deepEqual(np.podCidrs, ["192.168.0.0/16", "fd00:abcd::/64"]);
            assert.equal(np.podCidr, "192.168.0.0/16");
            assert.equal(c.networkPlan.verdict, "accept");
        });
        it("fails dual-stack Cilium below Kubernetes 1.29 (R30) with the user's path", () => {
            const e = thrown(
                () =>
                    new AksCluster("dsc-old", {
                        apiServer: API,
                        kubernetesVersion: "1.28",
                        network: { ipFamilies: [IpFamily.IPv4, IpFamily.IPv6] },
                    }),
            );
            assert.match(e.message, /error R30 kubernetesVersion: /);
        });
    });

    describe("created VNet", () => {
        const vnet = {
            name: "corp-aks",
            addressSpaces: ["10.20.0.0/16"],
            subnets: [
                { name: "system", cidr: "10.20.0.0/24" },
                { name: "apps", cidr: "10.20.4.0/22" },
            ],
        };
        it("creates the VNet and its subnets one after another, and puts pools in their subnets", async () => {
            const rec = optionsRecorder();
            new AksCluster(
                "cv",
                { apiServer: API, network: { vnet }, nodePools: [{ name: "apps", subnet: "apps" }] },
                { transformations: [rec.transformation] },
            );
            await settle();
            const v = theOne(T.vnet, "cv");
            assert.deepEqual([v.inputs.virtualNetworkName, v.inputs.addressSpace], ["corp-aks", { addressPrefixes: ["10.20.0.0/16"] }]);
            assert.deepEqual(
                inputsOf(T.subnet, "cv").map((s) => [s.subnetName, s.addressPrefix]),
                [
                    ["system", "10.20.0.0/24"],
                    ["apps", "10.20.4.0/22"],
                ],
            );
            assert.deepEqual(await dependencyNames(rec.of(T.subnet, "cv-subnet-system")), ["cv-vnet"]);
            assert.deepEqual(await dependencyNames(rec.of(T.subnet, "cv-subnet-apps")), ["cv-subnet-system"]);
            assert.equal(clusterInputs("cv").agentPoolProfiles[0].vnetSubnetID, "cv-subnet-system-id");
            assert.equal(inputsOf(T.pool, "cv")[0].vnetSubnetID, "cv-subnet-apps-id");
        });
        it("grants the cluster identity Network Contributor on the VNet before the cluster exists", async () => {
            const rec = optionsRecorder();
            new AksCluster("cv2", { apiServer: API, network: { vnet } }, { transformations: [rec.transformation] });
            await settle();
            const role = inputsOf(T.role, "cv2")[0];
            assert.deepEqual(
                [role.scope, role.principalId, role.principalType],
                ["cv2-vnet-id", "cv2-identity-principal", "ServicePrincipal"],
            );
            assert.match(role.roleDefinitionId as string, /\/roleDefinitions\/4d97b98b-1d4f-4787-a291-c67834d212e7$/);
            assert.ok((await dependencyNames(rec.of(T.cluster, "cv2-aks"))).includes("cv2-networkContributor"));
            assert.deepEqual(clusterInputs("cv2").identity, { type: "UserAssigned", userAssignedIdentities: ["cv2-identity-id"] });
        });
        it("skips the role assignment when someone else grants it", async () => {
            new AksCluster("cv3", { apiServer: API, network: { vnet, assignNetworkContributor: false } });
            await settle();
            assert.deepEqual(inputsOf(T.role, "cv3"), []);
        });
        it("reports a subnet outside the VNet with the user's path", () => {
            const e = thrown(
                () =>
                    new AksCluster("cv4", {
                        apiServer: API,
                        network: { vnet: { ...vnet, subnets: [{ name: "x", cidr: "10.99.0.0/24" }] } },
                    }),
            );
            assert.match(e.message, /error R62 network\.vnet\.subnets\[0\]\.cidr: /);
        });
    });

    describe("a subnet of your own", () => {
        it("reads the subnet and VNet with invokes and creates no network", async () => {
            useExistingNetwork();
            const c = new AksCluster("byo", { apiServer: API, resourceGroupName: "apps", network: { nodeSubnetId: SUBNET_ID } });
            const report = await settled(c.deployedNetworkPlan);
            await settle();
            assert.deepEqual(
                registered(T.vnet).filter((r) => r.name.startsWith("byo-")),
                [],
            );
            assert.deepEqual(
                registered(T.rg).filter((r) => r.name.startsWith("byo-")),
                [],
            );
            const subnetCall = mockState.calls.find((x) => x.token === T.getSubnet);
            assert.deepEqual(subnetCall?.inputs, { resourceGroupName: "net", virtualNetworkName: "spoke", subnetName: "aks" });
            assert.ok(mockState.calls.some((x) => x.token === T.getVnet));
            assert.equal(clusterInputs("byo").agentPoolProfiles[0].vnetSubnetID, SUBNET_ID);
            assert.equal(inputsOf(T.role, "byo")[0].scope, SUBNET_ID);
            assert.equal(report.effective.byoVnet, true);
            assert.deepEqual(report.effective.nodeSubnets, [{ name: "aks", cidr: "10.1.0.0/22", ipv6Cidr: null }]);
            assert.deepEqual(await settled(c.subnetIds), { aks: SUBNET_ID });
        });
        it("counts peered ranges as connected networks named after their peering", async () => {
            useExistingNetwork({ peerings: [{ name: "to-hub", remote: ["10.50.0.0/16"] }] });
            const c = new AksCluster("byo2", {
                apiServer: API,
                resourceGroupName: "apps",
                network: { nodeSubnetId: SUBNET_ID, connectedNetworks: [{ name: "onprem", cidr: "172.20.0.0/16" }] },
            });
            const report = await settled(c.deployedNetworkPlan);
            assert.deepEqual(report.effective.connectedNetworks, [
                { name: "onprem", cidr: "172.20.0.0/16", kind: "other" },
                { name: "to-hub", cidr: "10.50.0.0/16", kind: "peering" },
            ]);
        });
        it("fails when a peering overlaps the pod CIDR, naming the peering, and creates nothing that depends on it", async () => {
            useExistingNetwork({ peerings: [{ name: "hub-to-spoke", remote: ["10.244.0.0/16"] }] });
            const c = new AksCluster("byo3", {
                apiServer: API,
                resourceGroupName: "apps",
                network: { nodeSubnetId: SUBNET_ID },
                nodePools: [{ name: "apps" }],
            });
            const e = await settled(c.deployedNetworkPlan).then(
                () => undefined,
                (x: Error) => x,
            );
            assert.ok(e, "the deploy-time check should fail");
            assert.ok(pulumi.ResourceError.isInstance(e));
            assert.match(e.message, /doesn't fit the plan; the cluster was not created \(1 problem\)/);
            assert.match(
                e.message,
                /error R38 network\.podCidrs: network\.podCidrs \(default "10\.244\.0\.0\/16", as network\.podCidrs is omitted\) is the same range as peering "hub-to-spoke" \(10\.244\.0\.0\/16\)/,
            );
            await settle();
            for (const type of [T.cluster, T.pool, T.role, T.identity, T.rg]) {
                assert.deepEqual(
                    registered(type)
                        .filter((r) => r.name.startsWith("byo3-"))
                        .map((r) => r.name),
                    [],
                    type,
                );
            }
        });
        it("fails when another subnet of the VNet overlaps the service CIDR", async () => {
            useExistingNetwork({
                otherSubnets: [{ name: "firewall", addressPrefix: "10.0.0.0/26" }],
                vnetSpaces: ["10.1.0.0/16", "10.0.0.0/24"],
            });
            const c = new AksCluster("byo4", { apiServer: API, resourceGroupName: "apps", network: { nodeSubnetId: SUBNET_ID } });
            const e = await settled(c.deployedNetworkPlan).then(
                () => undefined,
                (x: Error) => x,
            );
            assert.ok(e);
            assert.match(e.message, /error R31 network\.serviceCidrs: .*contains VNet "spoke" subnet "firewall" \(10\.0\.0\.0\/26\)/);
        });
        it("refuses something that isn't a subnet id before reading Azure", () => {
            const e = thrown(
                () => new AksCluster("byo5", { apiServer: API, network: { nodeSubnetId: "/subscriptions/x/resourceGroups/net" } }),
            );
            assert.match(e.message, /error A11 network\.nodeSubnetId: /);
        });
        it("checks a subnet id known only at deploy time", async () => {
            useExistingNetwork();
            const c = new AksCluster("byo6", {
                apiServer: API,
                resourceGroupName: "apps",
                network: { nodeSubnetId: pulumi.output("not-an-id") },
            });
            const e = await settled(c.deployedNetworkPlan).then(
                () => undefined,
                (x: Error) => x,
            );
            assert.ok(e);
            assert.match(e.message, /error A11 network\.nodeSubnetId: network\.nodeSubnetId "not-an-id" is not a subnet resource id/);
        });
    });

    describe("an invalid plan", () => {
        const bad = {
            network: { podCidrs: ["10.224.0.0/16"], serviceCidrs: ["10.0.0.0/12"], dnsServiceIP: "10.200.0.10" },
            systemPool: { maxPods: 300 },
            nodePools: [{ name: "apps" }, { name: "Apps2" }, { name: "winpool", osType: OsType.Windows }],
            windows: { adminUsername: "admin" },
        };
        it("throws one ResourceError listing every problem with the user's path, rule and fix", async () => {
            const e = thrown(() => new AksCluster("bad", bad));
            assert.ok(pulumi.ResourceError.isInstance(e));
            assert.equal((e as pulumi.ResourceError).hideStack, true);
            const lines = e.message.split("\n");
            const count = Number(/\((\d+) problems\):$/.exec(lines[0])?.[1]);
            assert.match(lines[0], /^invalid AksCluster "bad" arguments; nothing was created/);
            assert.equal(lines.length - 1, count);
            const listed = lines.slice(1).map((l) => /^ {2}- error (\S+) (\S+): /.exec(l)?.slice(1, 3).join(" "));
            for (const expected of [
                "A1 apiServer",
                "R36 network.podCidrs[0]",
                "R13 network.serviceCidrs[0]",
                "R17 network.dnsServiceIP",
                "R45 systemPool.maxPods",
                "R43 nodePools[1].name",
                "R44 nodePools[2].name",
                "R50 windows.adminUsername",
            ]) {
                assert.ok(listed.includes(expected), `${expected} missing from\n${e.message}`);
            }
            assert.ok(
                lines.slice(1).every((l) => l.includes(": ") && /; |: /.test(l.split(": ").slice(1).join(": "))),
                "every line names a fix",
            );
        });
        it("creates nothing", async () => {
            thrown(() => new AksCluster("bad2", bad));
            await settle();
            assert.deepEqual(
                registered()
                    .filter((r) => r.name.startsWith("bad2"))
                    .map((r) => r.type),
                [T.component],
            );
        });
        it("logs warnings and info even when it fails", () => {
            thrown(() => new AksCluster("bad3", { ...bad, kubernetesVersion: "1.33.4" }));
            assert.ok(logs.warn.some((w) => w.startsWith("warning A4 kubernetesVersion: ")));
        });
    });

    describe("physical names", () => {
        /** Every Azure name the component claims, by the component's name. */
        const physical = (component: string): string[] => {
            const of = (type: string): Json => inputsOf(type, component)[0] as Json;
            const cluster = of(T.cluster);
            return [
                of(T.rg).resourceGroupName,
                cluster.resourceName,
                cluster.dnsPrefix,
                of(T.vnet).virtualNetworkName,
                of(T.identity).resourceName,
            ];
        };
        afterEach(() => installSuiteMocks());

        it("claims no Azure name in common in two stacks of one program", async () => {
            new AksCluster("two", { apiServer: API });
            await settle();
            const test = physical("two");
            resetMocks();
            await pulumi.runtime.setMocks(mockState, TEST_DEPLOYMENT.project, "prod", isPreview, "acme");
            new AksCluster("two", { apiServer: API });
            await settle();
            const prod = physical("two");
            assert.deepEqual(test, [
                "two-test-602f1b-rg",
                "two-test-602f1b",
                "two-test-602f1b",
                "two-test-602f1b-vnet",
                "two-test-602f1b-identity",
            ]);
            assert.deepEqual(
                prod.filter((x) => test.includes(x)),
                [],
            );
            assert.ok(prod[1].startsWith("two-prod-"), prod[1]);
        });
        it("uses the names given as is", async () => {
            new AksCluster("given", {
                apiServer: API,
                clusterName: "platform",
                dnsPrefix: "platform-api",
                resourceGroupName: "platform-rg",
                createResourceGroup: true,
                network: { vnet: { name: "platform-net" } },
            });
            await settle();
            assert.deepEqual(physical("given"), ["platform-rg", "platform", "platform-api", "platform-net", "platform-identity"]);
        });
    });

    describe("outputs", () => {
        it("exposes the plan and facts as plain values at construction", () => {
            const c = new AksCluster("out1", { apiServer: API, nodePools: [{ name: "win", osType: OsType.Windows }] });
            assert.equal(c.networkPlan.verdict, "accept");
            assert.equal(typeof c.networkPlan.effective.dnsServiceIP, "string");
            assert.deepEqual(c.clusterFacts, {
                ipFamilies: ["IPv4"],
                kubernetesVersion: "1.34",
                hasWindowsPools: true,
                linuxOsSku: "Ubuntu",
                windowsTaints: [{ key: "kubernetes.io/os", value: "windows", effect: "NoSchedule" }],
                networkDataplane: "azure",
                appRoutingEnabled: false,
            });
            assert.equal(c.resourceGroupName, "out1-test-d9e1cc-rg");
        });
        it("gives the facts the effective dataplane, so Service checks judge Cilium as Cilium", () => {
            const cilium = new AksCluster("facts1", {
                apiServer: API,
                kubernetesVersion: "1.33",
                network: { ipFamilies: [IpFamily.IPv4, IpFamily.IPv6] },
            });
            const azure = new AksCluster("facts2", {
                apiServer: API,
                kubernetesVersion: "1.33",
                network: {
                    ipFamilies: [IpFamily.IPv4, IpFamily.IPv6],
                    networkDataplane: NetworkDataplane.Azure,
                    networkPolicy: NetworkPolicy.None,
                },
            });
            assert.deepEqual(
                [cilium.clusterFacts.networkDataplane, azure.clusterFacts.networkDataplane],
                [cilium.networkPlan.effective.networkDataplane, "azure"],
            );
            assert.equal(cilium.clusterFacts.networkDataplane, "cilium");
            // IPv6 with externalTrafficPolicy Cluster: an error on Cilium, a warning on the Azure dataplane with Ubuntu nodes.
            const svc = {
                apiVersion: "v1",
                kind: "Service",
                metadata: { name: "web" },
                spec: {
                    type: "LoadBalancer",
                    ipFamilyPolicy: "RequireDualStack",
                    ipFamilies: ["IPv4", "IPv6"],
                    externalTrafficPolicy: "Cluster",
                    selector: { app: "web" },
                    ports: [{ name: "http", port: 80 }],
                },
            };
            const az1 = (facts: typeof cilium.clusterFacts) =>
                checkService(svc, facts)
                    .filter((d) => d.ruleId === "AZ-1")
                    .map((d) => d.severity);
            assert.deepEqual(az1(cilium.clusterFacts), ["error"]);
            assert.deepEqual(az1(azure.clusterFacts), ["warning"]);
        });
        it("reports Azure Linux when any Linux pool runs it, System or user, else Ubuntu", () => {
            const sku = (name: string, args: AksClusterArgs) => new AksCluster(name, { apiServer: API, ...args }).clusterFacts.linuxOsSku;
            assert.equal(sku("sku1", {}), "Ubuntu");
            assert.equal(sku("sku2", { systemPool: { osSku: OsSku.AzureLinux } }), "AzureLinux");
            assert.equal(sku("sku3", { nodePools: [{ name: "apps" }, { name: "al", osSku: OsSku.AzureLinux }] }), "AzureLinux");
            assert.equal(
                sku("sku4", {
                    systemPool: { osSku: OsSku.Ubuntu },
                    nodePools: [
                        { name: "apps", osSku: OsSku.Ubuntu },
                        { name: "win", osType: OsType.Windows, osSku: OsSku.Windows2022 },
                    ],
                }),
                "Ubuntu",
            );
        });
        it("reads the kubeconfig with plain names and rewrites the Entra ID login", async function () {
            if (isPreview) this.skip();
            const c = new AksCluster("out2", { apiServer: API, kubeconfigLogin: { mode: KubeloginMode.WorkloadIdentity } });
            const kubeconfig = await settled(c.kubeconfig);
            const call = mockState.calls.find((x) => x.token === T.credentials);
            assert.deepEqual(call?.inputs, { resourceGroupName: "out2-test-b0fb3b-rg", resourceName: "out2-test-b0fb3b", format: "exec" });
            const user = parse(kubeconfig).users[0].user.exec;
            assert.deepEqual(user.args.slice(0, 3), ["get-token", "--login", "workloadidentity"]);
        });
        it("exposes the cluster's identifiers", async function () {
            if (isPreview) this.skip();
            const c = new AksCluster("out3", { apiServer: API, clusterName: "prod-aks" });
            assert.equal(await settled(c.clusterName), "prod-aks");
            assert.match(await settled(c.clusterId), /\/managedClusters\/prod-aks$|out3-aks-id/);
            assert.equal(await settled(c.oidcIssuerUrl), "https://oidc.example.test/issuer/");
            assert.deepEqual(await settled(c.kubeletIdentity), {
                clientId: "kubelet-client-id",
                objectId: "kubelet-object-id",
                resourceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/kubelet",
            });
            assert.equal(await settled(c.nodeResourceGroup), "MC_rg_prod-aks");
        });
        it("gives the Kubernetes provider the cluster id, deleteUnreachable and every pool as dependencies", async () => {
            const rec = optionsRecorder();
            new AksCluster(
                "out4",
                { apiServer: API, nodePools: [{ name: "a" }, { name: "b" }] },
                { transformations: [rec.transformation] },
            );
            await settle();
            const p = theOne(T.provider, "out4");
            assert.equal(p.name, "out4-k8s");
            assert.equal(p.inputs.clusterIdentifier, "out4-aks-id");
            assert.equal(String(p.inputs.deleteUnreachable), "true");
            assert.deepEqual((await dependencyNames(rec.of(T.provider, "out4-k8s"))).sort(), ["out4-aks", "out4-pool-a", "out4-pool-b"]);
        });
    });

    describe("secrets", () => {
        it("marks the kubeconfig secret, in the output and in the provider's inputs", async () => {
            const c = new AksCluster("sec1", { apiServer: API });
            assert.equal(await pulumi.isSecret(c.kubeconfig), true);
            await settle();
            assert.ok(isWrappedSecret(theOne(T.provider, "sec1").inputs.kubeconfig));
        });
        it("keeps the Windows password out of every plain input and output", async () => {
            const password = "User-Given-Passw0rd!";
            const c = new AksCluster("sec2", {
                apiServer: API,
                windows: { enableWindowsPools: true, adminPassword: pulumi.secret(password) },
            });
            await settle();
            const wp = theOne(T.cluster, "sec2").inputs.windowsProfile;
            assert.ok(isWrappedSecret(wp) || isWrappedSecret(wp?.adminPassword), "windowsProfile.adminPassword must be a secret");
            for (const r of registered())
                assert.ok(
                    !JSON.stringify(r.inputs).includes(password) || !plainIncludes(r.inputs, password),
                    `${r.name} has the password in plain`,
                );
            assert.equal(await pulumi.isSecret(c.windowsAdminPassword as pulumi.Output<string>), true);
            assert.ok(!JSON.stringify(c.networkPlan).includes(password));
        });
    });
});

function plainIncludes(inputs: unknown, secret: string): boolean {
    // A value is plain when it is reachable without passing through a wrapped secret.
    const walk = (x: unknown): boolean => {
        if (isWrappedSecret(x)) return false;
        if (typeof x === "string") return x.includes(secret);
        if (Array.isArray(x)) return x.some(walk);
        if (typeof x === "object" && x !== null) return Object.values(x).some(walk);
        return false;
    };
    return walk(inputs);
}
