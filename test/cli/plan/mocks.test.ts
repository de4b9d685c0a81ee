/**
 * The offline engine's fabricated outputs and invoke answers (pure: called directly, no setMocks).
 */
import assert from "node:assert/strict";
import { parse as parseYaml } from "yaml";
import { emptyFixtures, parseFixtures } from "../../../lib/cli/plan/fixtures";
import { fakeGuid, FakeCloud, splitType, unwrap } from "../../../lib/cli/plan/mocks";

const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";

describe("offline mocks", () => {
    const mocks = () => new FakeCloud({ fixtures: emptyFixtures() });

    it("gives Azure resources their ARM ids and names", () => {
        const m = mocks();
        assert.equal(
            m.newResource({ type: "azure-native:resources:ResourceGroup", name: "rg", inputs: { resourceGroupName: "rg-x" } }).id,
            `${SUB}/resourceGroups/rg-x`,
        );
        const subnet = m.newResource({
            type: "azure-native:network:Subnet",
            name: "s",
            inputs: { resourceGroupName: "rg-x", virtualNetworkName: "v", subnetName: "nodes" },
        });
        assert.equal(subnet.id, `${SUB}/resourceGroups/rg-x/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes`);
        assert.equal(subnet.state.name, "nodes");
        const pool = m.newResource({
            type: "azure-native:containerservice:AgentPool",
            name: "p",
            inputs: { resourceGroupName: "rg-x", resourceName: "aks", agentPoolName: "apps" },
        });
        assert.equal(pool.id, `${SUB}/resourceGroups/rg-x/providers/Microsoft.ContainerService/managedClusters/aks/agentPools/apps`);
        const auto = m.newResource({ type: "azure-native:network:VirtualNetwork", name: "logical", inputs: { resourceGroupName: "rg-x" } });
        assert.equal(auto.state.name, "logical", "no name input: the logical name");
    });

    it("fabricates a managed cluster's provider-computed outputs, the same on every run", () => {
        const args = {
            type: "azure-native:containerservice:ManagedCluster",
            name: "c",
            inputs: {
                resourceGroupName: "rg",
                resourceName: "aks",
                location: "northeurope",
                kubernetesVersion: "1.33",
                identity: { type: "SystemAssigned" },
            },
        };
        const a = mocks().newResource(args);
        assert.deepEqual(a, mocks().newResource(args));
        assert.match(String(a.state.fqdn), /^aks-dns-[0-9a-f]{8}\.hcp\.northeurope\.azmk8s\.io$/);
        assert.equal(a.state.nodeResourceGroup, "MC_rg_aks_northeurope");
        assert.match(
            String((a.state.oidcIssuerProfile as { issuerURL: string }).issuerURL),
            /^https:\/\/northeurope\.oic\.prod-aks\.azure\.com\//,
        );
        assert.match(
            String((a.state.identity as { principalId: string }).principalId),
            /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        assert.equal(a.state.kubernetesVersion, "1.33", "inputs are kept");
    });

    it("gives load balancer Services an address per family", () => {
        const s = mocks().newResource({
            type: "kubernetes:core/v1:Service",
            name: "web",
            inputs: { metadata: { name: "web" }, spec: { type: "LoadBalancer", ipFamilies: ["IPv4", "IPv6"] } },
        });
        const ingress = (s.state.status as { loadBalancer: { ingress: { ip: string }[] } }).loadBalancer.ingress;
        assert.equal(ingress.length, 2);
        assert.match(ingress[0].ip, /^20\.61\.\d+\.10$/);
        assert.match(ingress[1].ip, /^2603:1020:/);
    });

    it("makes random passwords that honour their character rules", () => {
        const pw = mocks().newResource({
            type: "random:index/randomPassword:RandomPassword",
            name: "pw",
            inputs: { length: 20, special: false, minUpper: 1 },
        });
        const value = unwrap(pw.state.result) as string;
        assert.equal(value.length, 20);
        assert.match(value, /[A-Z]/);
        assert.match(value, /[a-z]/);
        assert.match(value, /[0-9]/);
        assert.doesNotMatch(value, /[^A-Za-z0-9]/);
    });

    it("records what it was asked, and lets overrides replace its own outputs and invoke answers", () => {
        const m = mocks();
        m.outputs.set("x:y:Z", (a) => ({ made: `${a.name}!` }));
        m.invokes.set("acme:x:getThing", () => ({ thing: 1 }));
        assert.deepEqual(m.newResource({ type: "x:y:Z", name: "one", inputs: { a: 1 }, custom: true }), {
            id: "one-id",
            state: { a: 1, made: "one!" },
        });
        assert.deepEqual(m.call({ token: "acme:x:getThing", inputs: {} }), { thing: 1 });
        assert.deepEqual([m.resources.map((r) => r.name), m.calls.map((c) => c.token)], [["one"], ["acme:x:getThing"]]);
        m.reset();
        assert.deepEqual([m.resources.length, m.calls.length, m.outputs.size, m.invokes.size], [0, 0, 0, 0]);
    });

    it("gives the component tests' example values: ids from names, fixed cluster outputs, known in a preview too", () => {
        const m = new FakeCloud({ values: "examples" });
        const c = m.newResource({
            type: "azure-native:containerservice:ManagedCluster",
            name: "c-aks",
            inputs: { resourceName: "prod" },
            custom: true,
        });
        assert.equal(c.id, "c-aks-id");
        assert.equal(c.state.nodeResourceGroup, "MC_rg_prod");
        assert.equal((c.state.oidcIssuerProfile as { issuerURL: string }).issuerURL, "https://oidc.example.test/issuer/");
        assert.deepEqual(m.newResource({ type: "azure-native:network:Subnet", name: "s", inputs: { subnetName: "nodes" }, custom: true }), {
            id: "s-id",
            state: { subnetName: "nodes", name: "nodes" },
        });
        assert.equal(m.newResource({ type: "acme:x:Component", name: "comp", inputs: {}, custom: false }).id, undefined);
    });

    it("leaves provider outputs unknown in a preview", () => {
        const r = new FakeCloud({ fixtures: emptyFixtures(), preview: true }).newResource({
            type: "azure-native:containerservice:ManagedCluster",
            name: "c",
            inputs: { resourceName: "aks" },
        });
        assert.equal(r.id, undefined);
        assert.deepEqual(r.state, { resourceName: "aks" });
    });

    it("merges the fixtures' extra outputs, by type and by type::name", () => {
        const m = new FakeCloud({
            fixtures: parseFixtures({ version: 1, resources: { "x:y:Z": { a: 1, b: 1 }, "x:y:Z::one": { b: 2 } } }, "fx"),
        });
        assert.deepEqual(
            [
                m.newResource({ type: "x:y:Z", name: "one", inputs: {} }).state,
                m.newResource({ type: "x:y:Z", name: "two", inputs: {} }).state,
            ],
            [
                { a: 1, b: 2 },
                { a: 1, b: 1 },
            ],
        );
    });

    it("answers AKS credential invokes with a kubelogin kubeconfig of the cluster", () => {
        const r = mocks().call({
            token: "azure-native:containerservice:listManagedClusterUserCredentials",
            inputs: { resourceGroupName: "rg", resourceName: "aks" },
        });
        const kc = parseYaml(Buffer.from((r.kubeconfigs as { value: string }[])[0].value, "base64").toString()) as {
            clusters: { cluster: { server: string } }[];
            users: { user: { exec: { command: string } } }[];
        };
        assert.equal(kc.clusters[0].cluster.server, "https://aks-dns.hcp.offline.azmk8s.io:443");
        assert.equal(kc.users[0].user.exec.command, "kubelogin");
    });

    it("answers existing-network lookups from the fixtures, names case-insensitive as in Azure", () => {
        const m = new FakeCloud({
            fixtures: parseFixtures(
                {
                    version: 1,
                    azure: {
                        virtualNetworks: [
                            {
                                resourceGroup: "RG-Spoke",
                                name: "vnet",
                                addressSpaces: ["10.1.0.0/16"],
                                subnets: [{ name: "nodes", addressPrefixes: ["10.1.0.0/22"] }],
                                peerings: [{ name: "hub", remoteAddressSpaces: ["10.0.0.0/16"] }],
                            },
                        ],
                    },
                },
                "fx",
            ),
        });
        const s = m.call({
            token: "azure-native:network:getSubnet",
            inputs: { resourceGroupName: "rg-spoke", virtualNetworkName: "VNET", subnetName: "nodes" },
        });
        assert.deepEqual(
            [s.addressPrefix, s.id],
            ["10.1.0.0/22", `${SUB}/resourceGroups/RG-Spoke/providers/Microsoft.Network/virtualNetworks/vnet/subnets/nodes`],
        );
        const v = m.call({
            token: "azure-native:network:getVirtualNetwork",
            inputs: { resourceGroupName: "rg-spoke", virtualNetworkName: "vnet" },
        });
        assert.deepEqual((v.virtualNetworkPeerings as { remoteAddressSpace: unknown }[])[0].remoteAddressSpace, {
            addressPrefixes: ["10.0.0.0/16"],
        });
        assert.throws(
            () =>
                m.call({
                    token: "azure-native:network:getSubnet",
                    inputs: { resourceGroupName: "rg-spoke", virtualNetworkName: "vnet", subnetName: "other" },
                }),
            /^Error: the fixtures describe virtual network vnet without a subnet named other; add it to its subnets$/,
        );
    });

    it("prefers the fixtures' invoke results and fails unknown invokes naming --fixtures (with the details the SDK shows)", () => {
        const m = new FakeCloud({
            fixtures: parseFixtures(
                {
                    version: 1,
                    invokes: {
                        "azure-native:resources:getResourceGroup": [{ match: { resourceGroupName: "a" }, result: { location: "eastus" } }],
                    },
                },
                "fx",
            ),
        });
        assert.deepEqual(m.call({ token: "azure-native:resources:getResourceGroup", inputs: { resourceGroupName: "a" } }), {
            location: "eastus",
        });
        assert.equal(
            m.call({ token: "azure-native:resources:getResourceGroup", inputs: { resourceGroupName: "b" } }).location,
            "westeurope",
            "built-in answer",
        );
        try {
            m.call({ token: "acme:x:getThing", inputs: { id: 1 } });
            assert.fail("expected an error");
        } catch (e) {
            const err = e as Error & { details?: string };
            assert.equal(
                err.message,
                'no offline result for invoke acme:x:getThing {"id":1}; describe it in a fixtures file (aks-network plan --fixtures FILE; see aks-network plan --help)',
            );
            assert.equal(err.details, err.message);
        }
    });

    it("splits type tokens and makes stable GUIDs", () => {
        assert.deepEqual(splitType("kubernetes:helm.sh/v4:Chart"), ["kubernetes", "helm.sh/v4", "Chart"]);
        assert.deepEqual(splitType("pulumi:providers:kubernetes"), ["pulumi", "providers", "kubernetes"]);
        assert.equal(fakeGuid("a"), fakeGuid("a"));
        assert.notEqual(fakeGuid("a"), fakeGuid("b"));
    });
});
