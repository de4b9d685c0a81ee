import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AksCluster } from "../../lib/azure/aksCluster";
import { IpFamily, OsType } from "../../lib/azure/enums";
import { NodePool } from "../../lib/azure/nodePool";
import { LEGACY_TYPE_TOKEN_PREFIX, TYPE_TOKEN_PREFIX } from "../../lib/core/tokens";
import { IngressController } from "../../lib/k8s/ingressController";
import { SampleApp } from "../../lib/k8s/sampleApp";
import { registered, resetMocks, settle } from "../helpers/mocks";
import { API, captureLogs, releaseLogs, useAzureOutputs } from "./helpers";

/**
 * Type tokens, the component tree and child names are a contract: a changed URN is a delete and a
 * create (a new cluster). Any change to the checked-in list must come with an alias or a breaking-change
 * note. Regenerate the file only deliberately:
 *   WRITE_EXPECTED_URNS=1 npx mocha --no-config -r ts-node/register/transpile-only -r test/setup.ts --extension ts test/azure/urns.test.ts
 */
const EXPECTED = join(__dirname, "expected-urns.json");

function monitorUrns(): string[] {
    const monitor = (pulumi.runtime as unknown as { getMonitor(): { getRegisteredResources(): Map<string, unknown> } }).getMonitor();
    return [...monitor.getRegisteredResources().keys()];
}

/** The canonical configuration: dual-stack, a created VNet with two subnets, Linux and Windows pools, a NodePool. */
function canonical(name: string): AksCluster {
    const cluster = new AksCluster(name, {
        apiServer: API,
        network: {
            ipFamilies: [IpFamily.IPv4, IpFamily.IPv6],
            vnet: {
                addressSpaces: ["10.20.0.0/16", "fd00:20::/48"],
                subnets: [
                    { name: "system", cidr: "10.20.0.0/24", ipv6Cidr: "fd00:20::/64" },
                    { name: "apps", cidr: "10.20.4.0/22", ipv6Cidr: "fd00:20:0:1::/64" },
                ],
            },
        },
        nodePools: [
            { name: "apps", subnet: "apps", minCount: 2, maxCount: 6 },
            { name: "win", osType: OsType.Windows, subnet: "apps" },
        ],
    });
    new NodePool(`${name}-batch`, { cluster, pool: { name: "batch", subnet: "apps" } });
    return cluster;
}

describe("URNs", () => {
    beforeEach(() => {
        resetMocks();
        useAzureOutputs();
        captureLogs();
    });
    afterEach(releaseLogs);

    it("match the checked-in list for the canonical configuration", async () => {
        canonical("canon");
        await settle();
        const urns = monitorUrns()
            .filter((u) => /::canon(-[^:]*)?$/.test(u))
            .sort();
        if (process.env.WRITE_EXPECTED_URNS === "1") {
            require("node:fs").writeFileSync(EXPECTED, `${JSON.stringify(urns, null, 2)}\n`);
        }
        assert.deepEqual(urns, JSON.parse(readFileSync(EXPECTED, "utf8")));
    });

    it("are unique: every registered child has its own URN", async () => {
        canonical("uniq");
        await settle();
        const records = registered().filter((r) => r.name === "uniq" || r.name.startsWith("uniq-"));
        const urns = monitorUrns().filter((u) => /::uniq(-[^:]*)?$/.test(u));
        assert.equal(new Set(urns).size, records.length, "two children share a URN (the engine would refuse the program)");
        assert.ok(records.length >= 15);
    });

    it("don't collide between two clusters in one program", async () => {
        canonical("east");
        canonical("west");
        await settle();
        const east = new Set(monitorUrns().filter((u) => /::east(-[^:]*)?$/.test(u)));
        const west = monitorUrns().filter((u) => /::west(-[^:]*)?$/.test(u));
        assert.equal(west.length, east.size);
        assert.ok(west.every((u) => !east.has(u)));
    });

    it("alias every component to its token before 0.2.0 (aks-network:index:<Class>), so existing stacks keep their URNs", async () => {
        const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource: RegisterResource };
        const register = monitor.registerResource;
        const aliases = new Map<string, { spec?: { type?: string; name?: string } }[]>();
        monitor.registerResource = (req, callback) => {
            aliases.set(
                req.getType(),
                req.getAliasesList().map((a) => a.toObject()),
            );
            return register.call(monitor, req, callback);
        };
        try {
            const cluster = canonical("alias");
            new IngressController("alias-ingress", { provider: cluster.provider, clusterFacts: cluster.clusterFacts });
            new SampleApp("alias-sample", { provider: cluster.provider, clusterFacts: cluster.clusterFacts });
            await settle();
        } finally {
            monitor.registerResource = register;
        }
        for (const component of ["AksCluster", "NodePool", "IngressController", "SampleApp"]) {
            const found = aliases.get(`${TYPE_TOKEN_PREFIX}${component}`);
            assert.ok(found, `${component} registered as ${TYPE_TOKEN_PREFIX}${component}`);
            assert.deepEqual(
                found.map((a) => a.spec?.type),
                [`${LEGACY_TYPE_TOKEN_PREFIX}${component}`],
                `${component}: one alias, to its old token (name and parent unchanged)`,
            );
            assert.equal(found[0].spec?.name, "", `${component}: the alias keeps the component's name`);
        }
    });
});

/** The mock monitor's registration call, as the test wraps it. */
type RegisterResource = (
    req: { getType(): string; getAliasesList(): { toObject(): { spec?: { type?: string; name?: string } } }[] },
    callback: (...args: unknown[]) => void,
) => unknown;
