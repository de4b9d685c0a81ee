/**
 * Node pools: names (R43, R76), maxPods (R45, R46, R49), counts (R48), System pools (R53), capacity of
 * the pod CIDR (R40, R41), of node subnets (R58) and pod subnets (R61), cluster node limits (R59),
 * VM sizes (R60), BYO CNI pod CIDR (R42) and pod subnet wiring (R75).
 */
import { NetworkPlan, NodePoolPlan } from "../../../lib/network";
import {
    expectClean,
    expectFires,
    expectOnly,
    expectSilent,
    kubenetPlan,
    nodeSubnetPlan,
    overlayPlan,
    podSubnetPlan,
    systemPool,
    validate,
} from "./helpers";

function withPools(base: NetworkPlan, ...pools: NodePoolPlan[]): NetworkPlan {
    return { ...base, nodePools: pools };
}
function user(changes: Partial<NodePoolPlan>): NodePoolPlan {
    return { name: "user", mode: "User", osType: "Linux", maxPods: 250, subnet: "aks-nodes", ...changes };
}

describe("rules: node pools", () => {
    describe("R43 node pool name ^[a-z][a-z0-9]{0,11}$ (D11)", () => {
        const bad: [string, string][] = [
            ["System", "lowercase letter"],
            ["1pool", "start with a lowercase letter"],
            ["pool-1", "only lowercase letters and digits"],
            ["abcdefghijklm", "13 characters"],
            ["", "empty"],
        ];
        for (const [name, why] of bad) {
            it(`rejects ${JSON.stringify(name)} (${why})`, () => {
                const ds = validate(withPools(overlayPlan(), systemPool({ name })));
                expectFires(ds, { ruleId: "R43", severity: "error", path: "nodePools[0].name", includes: [JSON.stringify(name), why] });
                expectOnly(ds, ["R43"]);
            });
        }
        it("proposes a valid name as the fix", () => {
            const ds = validate(withPools(overlayPlan(), systemPool({ name: "Pool-1" })));
            expectFires(ds, { ruleId: "R43", severity: "error", path: "nodePools[0].name", includes: [`e.g. "pool1"`] });
        });
        it("rejects a missing name", () => {
            const pool = systemPool();
            delete (pool as Partial<NodePoolPlan>).name;
            const ds = validate(withPools(overlayPlan(), pool));
            expectFires(ds, { ruleId: "R43", severity: "error", path: "nodePools[0].name", includes: ["missing"] });
        });
        for (const name of ["a", "abcdefghijkl", "pool1"]) {
            it(`accepts ${JSON.stringify(name)}`, () => {
                const ds = validate(withPools(overlayPlan(), systemPool({ name })));
                expectSilent(ds, "R43");
                expectClean(ds);
            });
        }
    });

    describe("R76 node pool names are unique", () => {
        it("rejects a repeated name at the second pool", () => {
            const ds = validate(withPools(overlayPlan(), systemPool(), user({ name: "system", count: 2 })));
            expectFires(ds, { ruleId: "R76", severity: "error", path: "nodePools[1].name", includes: [`"system"`, "nodePools[0]"] });
            expectOnly(ds, ["R76"]);
        });
        it("is silent for distinct names", () => {
            const ds = validate(withPools(overlayPlan(), systemPool(), user({ count: 2 })));
            expectSilent(ds, "R76");
            expectClean(ds);
        });
    });

    describe("R45 maxPods 10..250", () => {
        for (const maxPods of [9, 251, 0]) {
            it(`rejects ${maxPods}`, () => {
                const ds = validate(withPools(overlayPlan(), systemPool({ maxPods })));
                expectFires(ds, { ruleId: "R45", severity: "error", path: "nodePools[0].maxPods", includes: [`${maxPods}`, "10 to 250"] });
                expectOnly(ds, ["R45"]);
            });
        }
        for (const maxPods of [10, 250]) {
            it(`accepts ${maxPods}`, () => {
                const ds = validate(withPools(overlayPlan(), systemPool({ maxPods })));
                expectSilent(ds, "R45");
                expectClean(ds);
            });
        }
    });

    describe("R46 each pool has room for >= 30 pods", () => {
        it("rejects 2 nodes x 10 pods and proposes a maxPods that fits", () => {
            const ds = validate(withPools(overlayPlan(), systemPool({ count: 2, maxPods: 10 })));
            expectFires(ds, {
                ruleId: "R46",
                severity: "error",
                path: "nodePools[0].maxPods",
                includes: ["20 pods", "raise maxPods to 15"],
            });
            expectOnly(ds, ["R46"]);
        });
        it("accepts exactly 30 (3 x 10) and skips empty User pools", () => {
            const ds = validate(withPools(overlayPlan(), systemPool({ count: 3, maxPods: 10 }), user({ count: 0, maxPods: 10 })));
            expectSilent(ds, "R46");
            expectClean(ds);
        });
    });

    describe("R48 node counts", () => {
        const big: Partial<NetworkPlan> = { podCidrs: ["100.64.0.0/10"] };
        it("rejects a System pool of 0", () => {
            const ds = validate(withPools(overlayPlan(), systemPool({ count: 0 })));
            expectFires(ds, {
                ruleId: "R48",
                severity: "error",
                path: "nodePools[0].count",
                includes: ["count 0", "System pools need 1 to 1000"],
            });
            expectOnly(ds, ["R48"]);
        });
        it("accepts a System pool of 1 (D14) and a User pool of 0", () => {
            const ds = validate(withPools(overlayPlan(), systemPool({ count: 1, maxPods: 30 }), user({ count: 0 })));
            expectSilent(ds, "R48");
            expectClean(ds);
        });
        it("rejects 1001 nodes and accepts 1000", () => {
            const over = validate({ ...withPools(overlayPlan(), systemPool(), user({ count: 1001 })), ...big });
            expectFires(over, { ruleId: "R48", severity: "error", path: "nodePools[1].count", includes: ["1001"] });
            expectOnly(over, ["R48"]);
            const at = validate({ ...withPools(overlayPlan(), systemPool(), user({ count: 1000 })), ...big });
            expectSilent(at, "R48");
            expectClean(at);
        });
        it("rejects maxCount above 1000", () => {
            const ds = validate({ ...withPools(overlayPlan(), systemPool(), user({ count: 1, maxCount: 1001 })), ...big });
            expectFires(ds, { ruleId: "R48", severity: "error", path: "nodePools[1].maxCount", includes: ["1001", "1 to 1000"] });
        });
        it("rejects count above maxCount and minCount above maxCount", () => {
            const c = validate(withPools(overlayPlan(), systemPool(), user({ count: 5, maxCount: 4 })));
            expectFires(c, {
                ruleId: "R48",
                severity: "error",
                path: "nodePools[1].count",
                includes: ["count 5 is greater than maxCount 4"],
            });
            const m = validate(withPools(overlayPlan(), systemPool(), user({ minCount: 5, maxCount: 4 })));
            expectFires(m, {
                ruleId: "R48",
                severity: "error",
                path: "nodePools[1].minCount",
                includes: ["minCount 5 is greater than maxCount 4"],
            });
        });
        it("rejects minCount without maxCount", () => {
            const ds = validate(withPools(overlayPlan(), systemPool(), user({ count: 2, minCount: 1 })));
            expectFires(ds, { ruleId: "R48", severity: "error", path: "nodePools[1].minCount", includes: ["without maxCount"] });
        });
        it("accepts minCount <= count <= maxCount", () => {
            const ds = validate(withPools(overlayPlan(), systemPool(), user({ minCount: 1, count: 2, maxCount: 4 })));
            expectSilent(ds, "R48");
            expectClean(ds);
        });
    });

    describe("R49 default maxPods (info)", () => {
        const cases: [string, () => NetworkPlan, number][] = [
            ["overlay", overlayPlan, 250],
            ["kubenet", kubenetPlan, 110],
            ["nodeSubnet", nodeSubnetPlan, 30],
            ["podSubnet", podSubnetPlan, 110],
        ];
        for (const [mode, base, n] of cases) {
            it(`names the ${mode} default of ${n}`, () => {
                const b = base();
                const pool = { ...b.nodePools![0] };
                delete pool.maxPods;
                const ds = validate({ ...b, nodePools: [pool] });
                expectFires(ds, { ruleId: "R49", severity: "info", path: "nodePools[0].maxPods", includes: [`${mode} default of ${n}`] });
            });
        }
        it("is silent when maxPods is set", () => {
            expectSilent(validate(overlayPlan()), "R49");
        });
    });

    describe("R53 System pools", () => {
        it("rejects a plan without a System pool", () => {
            const ds = validate(withPools(overlayPlan(), user({ count: 3 })));
            expectFires(ds, { ruleId: "R53", severity: "error", path: "nodePools", includes: [`mode "System"`] });
            expectOnly(ds, ["R53"]);
        });
        it("rejects an empty pool list", () => {
            const ds = validate(withPools(overlayPlan()));
            expectFires(ds, { ruleId: "R53", severity: "error", path: "nodePools", includes: ["nodePools is empty"] });
        });
        it("is silent with one System pool, and when the pools are omitted (default System pool)", () => {
            expectSilent(validate(overlayPlan()), "R53");
            const p = overlayPlan();
            delete p.nodePools;
            expectSilent(validate(p), "R53");
        });
    });

    describe("R40 / R41 the IPv4 pod CIDR holds one /24 per node, and the surge", () => {
        // 10.244.0.0/22 holds 4 nodes.
        const plan = (...pools: NodePoolPlan[]) => ({ ...withPools(overlayPlan(), ...pools), podCidrs: ["10.244.0.0/22"] });
        it("is clean when nodes + surge fill it exactly (3 + 1 = 4)", () => {
            const ds = validate(plan(systemPool({ count: 3 })));
            expectSilent(ds, "R40");
            expectSilent(ds, "R41");
            expectClean(ds);
        });
        it("R41 warns when the nodes fit but the surge does not (4 + 1 > 4)", () => {
            const ds = validate(plan(systemPool({ count: 4 })));
            expectFires(ds, {
                ruleId: "R41",
                severity: "warning",
                path: "podCidrs[0]",
                includes: ["holds 4 nodes", "5 during upgrades", "/21"],
            });
            expectSilent(ds, "R40");
            expectOnly(ds, ["R41"]);
        });
        it("R40 rejects one node over (5 > 4)", () => {
            const ds = validate(plan(systemPool({ count: 5 })));
            expectFires(ds, {
                ruleId: "R40",
                severity: "error",
                path: "podCidrs[0]",
                azureErrorCode: "InsufficientSubnetSize",
                includes: [`"10.244.0.0/22" holds 4 nodes`, "reach 5 nodes", "/21"],
            });
            expectSilent(ds, "R41");
            expectOnly(ds, ["R40"]);
        });
        it("counts the autoscaler maxCount, not count", () => {
            const fits = validate(plan(systemPool({ count: 1, maxCount: 3 })));
            expectClean(fits);
            const surge = validate(plan(systemPool({ count: 1, maxCount: 4 })));
            expectFires(surge, { ruleId: "R41", severity: "warning", path: "podCidrs[0]" });
            const over = validate(plan(systemPool({ count: 1, maxCount: 5 })));
            expectFires(over, { ruleId: "R40", severity: "error", path: "podCidrs[0]", includes: ["autoscaler maximums counted"] });
        });
        it("adds one surge node per pool", () => {
            const two = validate(plan(systemPool({ count: 1 }), user({ count: 1 })));
            expectClean(two);
            const more = validate(plan(systemPool({ count: 1 }), user({ count: 2 })));
            expectFires(more, { ruleId: "R41", severity: "warning", path: "podCidrs[0]", includes: ["5 during upgrades"] });
        });
        it("uses a pool's maxSurge", () => {
            expectClean(validate(plan(systemPool({ count: 2, maxSurge: "2" }))));
            expectFires(validate(plan(systemPool({ count: 3, maxSurge: 2 }))), { ruleId: "R41", severity: "warning", path: "podCidrs[0]" });
            expectFires(validate(plan(systemPool({ count: 3, maxSurge: "50%" }))), {
                ruleId: "R41",
                severity: "warning",
                path: "podCidrs[0]",
            });
        });
        it("R40 for a pod CIDR longer than /24 (holds no node)", () => {
            const ds = validate({ ...overlayPlan(), podCidrs: ["10.244.0.0/25"] });
            expectFires(ds, { ruleId: "R40", severity: "error", path: "podCidrs[0]", includes: ["holds 0 nodes"] });
        });
        it("applies to kubenet and to the default pod CIDR", () => {
            expectFires(validate({ ...kubenetPlan(), podCidrs: ["10.244.0.0/23"] }), {
                ruleId: "R40",
                severity: "error",
                path: "podCidrs[0]",
            });
            const p = overlayPlan();
            delete p.podCidrs;
            const ds = validate({ ...p, nodePools: [systemPool({ count: 256 })] });
            expectFires(ds, { ruleId: "R41", severity: "warning", path: "podCidrs", includes: ["holds 256 nodes"] });
        });
        it("does not apply to networkPlugin none", () => {
            const p = overlayPlan();
            delete p.networkPluginMode;
            const ds = validate({ ...p, networkPlugin: "none", podCidrs: ["10.244.0.0/22"], nodePools: [systemPool({ count: 5 })] });
            expectSilent(ds, "R40");
            expectSilent(ds, "R41");
        });
    });

    describe("R42 BYO CNI without a pod CIDR", () => {
        const none = (): NetworkPlan => {
            const p = overlayPlan();
            delete p.networkPluginMode;
            return { ...p, networkPlugin: "none" };
        };
        it("warns when podCidrs is omitted", () => {
            const p = none();
            delete p.podCidrs;
            const ds = validate(p);
            expectFires(ds, { ruleId: "R42", severity: "warning", path: "podCidrs", includes: [`networkPlugin "none"`, "set podCidrs"] });
            expectOnly(ds, ["R42"]);
        });
        it("is silent with podCidrs", () => {
            const ds = validate(none());
            expectSilent(ds, "R42");
            expectClean(ds);
        });
    });

    describe("R58 node subnet capacity (usable = size - 5)", () => {
        // 10.224.0.0/28: 16 addresses, 11 usable.
        const small = (...pools: NodePoolPlan[]) => ({
            ...withPools(overlayPlan(), ...pools),
            nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/28" }],
        });
        it("overlay: clean when nodes + surge use every usable address (10 + 1 = 11)", () => {
            const ds = validate(small(systemPool({ count: 10 })));
            expectSilent(ds, "R58");
            expectClean(ds);
        });
        it("overlay: warning when only the surge does not fit (11 + 1 > 11)", () => {
            const ds = validate(small(systemPool({ count: 11 })));
            expectFires(ds, {
                ruleId: "R58",
                severity: "warning",
                path: "nodeSubnets[0].cidr",
                azureErrorCode: "InsufficientSubnetSize",
                includes: ["11 usable", "12 during upgrades", "/27"],
            });
            expectOnly(ds, ["R58"]);
        });
        it("overlay: error one node over (12 > 11)", () => {
            const ds = validate(small(systemPool({ count: 12 })));
            expectFires(ds, {
                ruleId: "R58",
                severity: "error",
                path: "nodeSubnets[0].cidr",
                azureErrorCode: "InsufficientSubnetSize",
                includes: ["11 usable", "need 12", "/27"],
            });
            expectOnly(ds, ["R58"]);
        });
        it("counts the autoscaler maxCount and sums the pools sharing the subnet", () => {
            const ds = validate(small(systemPool({ count: 3 }), user({ count: 1, maxCount: 9 })));
            expectFires(ds, { ruleId: "R58", severity: "error", path: "nodeSubnets[0].cidr", includes: ["need 12", `"system"`, `"user"`] });
        });
        // Legacy Azure CNI: nodes x (maxPods + 1). 10.224.0.0/25 has 123 usable = 3 x 41.
        const legacy = (count: number) => ({
            ...nodeSubnetPlan(),
            nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/25" }],
            nodePools: [systemPool({ count, maxPods: 40 })],
        });
        it("legacy CNI: clean at (2 + 1) x 41 = 123 of 123", () => {
            const ds = validate(legacy(2));
            expectSilent(ds, "R58");
            expectClean(ds);
        });
        it("legacy CNI: warning at 3 x 41 = 123 (4 x 41 with surge)", () => {
            const ds = validate(legacy(3));
            expectFires(ds, {
                ruleId: "R58",
                severity: "warning",
                path: "nodeSubnets[0].cidr",
                includes: ["123 usable", "need 123", "164 during upgrades", "(maxPods + 1)"],
            });
        });
        it("legacy CNI: error at 4 x 41 = 164", () => {
            const ds = validate(legacy(4));
            expectFires(ds, { ruleId: "R58", severity: "error", path: "nodeSubnets[0].cidr", includes: ["need 164", "(maxPods + 1)"] });
        });
        it("legacy CNI: the RP's own examples (3 x 111 = 333 and 10 x 31 = 310 in a /24 of 251)", () => {
            const p = nodeSubnetPlan();
            const a = validate({
                ...p,
                nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/24" }],
                nodePools: [systemPool({ count: 3, maxPods: 110 })],
            });
            expectFires(a, { ruleId: "R58", severity: "error", path: "nodeSubnets[0].cidr", includes: ["251 usable", "need 333"] });
            const b = validate({
                ...p,
                nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/24" }],
                nodePools: [systemPool({ count: 10, maxPods: 30 })],
            });
            expectFires(b, { ruleId: "R58", severity: "error", path: "nodeSubnets[0].cidr", includes: ["need 310"] });
        });
        it("is silent on an AKS-managed VNet", () => {
            const p = overlayPlan();
            delete p.vnetAddressSpaces;
            delete p.nodeSubnets;
            const ds = validate({ ...p, nodePools: [{ ...systemPool({ count: 500 }), subnet: undefined }], podCidrs: ["100.64.0.0/10"] });
            expectSilent(ds, "R58");
        });
    });

    describe("R61 pod subnet sizing: 16 addresses per node", () => {
        // 10.225.0.0/26: 59 usable = room for 3 nodes at 16 (48), not 4 (64).
        const plan = (pool: Partial<NodePoolPlan>) => {
            const p = podSubnetPlan();
            return {
                ...p,
                nodeSubnets: [
                    { name: "aks-nodes", cidr: "10.224.0.0/16" },
                    { name: "aks-pods", cidr: "10.225.0.0/26" },
                ],
                nodePools: [systemPool({ maxPods: 110, podSubnet: "aks-pods", ...pool })],
            };
        };
        it("is silent at 3 nodes (48 of 59)", () => {
            const ds = validate(plan({ count: 3 }));
            expectSilent(ds, "R61");
            expectClean(ds);
        });
        it("warns at 4 nodes (64 > 59)", () => {
            const ds = validate(plan({ count: 4 }));
            expectFires(ds, {
                ruleId: "R61",
                severity: "warning",
                path: "nodeSubnets[1].cidr",
                includes: ["59 usable", "64", "16 addresses per node", "/25"],
            });
            expectOnly(ds, ["R61"]);
        });
        it("counts the autoscaler maxCount", () => {
            expectFires(validate(plan({ count: 1, maxCount: 4 })), { ruleId: "R61", severity: "warning", path: "nodeSubnets[1].cidr" });
        });
    });

    describe("R59 cluster node limits", () => {
        it("overlay: rejects 5,001 nodes and accepts 5,000", () => {
            const pools = (last: number) => [
                systemPool(),
                ...[1, 2, 3, 4].map((i) => user({ name: `user${i}`, count: 1, maxCount: 1000 })),
                user({ name: "user5", count: last }),
            ];
            const big = { podCidrs: ["100.64.0.0/10"] };
            const over = validate({ ...withPools(overlayPlan(), ...pools(998)), ...big });
            expectFires(over, { ruleId: "R59", severity: "error", path: "nodePools", includes: ["5001 nodes", "5,000"] });
            expectOnly(over, ["R59"]);
            const at = validate({ ...withPools(overlayPlan(), ...pools(997)), ...big });
            expectSilent(at, "R59");
            expectClean(at);
        });
        it("kubenet: rejects 401 nodes and accepts 400", () => {
            const big = { podCidrs: ["100.64.0.0/14"] };
            const over = validate({
                ...withPools(kubenetPlan(), systemPool({ maxPods: 110 }), user({ count: 398, maxPods: 110 })),
                ...big,
            });
            expectFires(over, { ruleId: "R59", severity: "error", path: "nodePools", includes: ["401 nodes", "400"] });
            expectOnly(over, ["R59"]);
            const at = validate({ ...withPools(kubenetPlan(), systemPool({ maxPods: 110 }), user({ count: 397, maxPods: 110 })), ...big });
            expectSilent(at, "R59");
            expectClean(at);
        });
    });

    describe("R60 DCsv2 VM sizes are not supported with overlay", () => {
        for (const vmSize of ["Standard_DC2s_v2", "Standard_DC8_v2"]) {
            it(`rejects ${vmSize}`, () => {
                const ds = validate(withPools(overlayPlan(), systemPool({ vmSize })));
                expectFires(ds, { ruleId: "R60", severity: "error", path: "nodePools[0].vmSize", includes: [`"${vmSize}"`, "DCsv3"] });
                expectOnly(ds, ["R60"]);
            });
        }
        it("is silent for DCsv3 on overlay and for DCsv2 on kubenet", () => {
            const ds = validate(withPools(overlayPlan(), systemPool({ vmSize: "Standard_DC2s_v3" })));
            expectSilent(ds, "R60");
            expectClean(ds);
            expectSilent(validate(withPools(kubenetPlan(), systemPool({ vmSize: "Standard_DC2s_v2", maxPods: 110 }))), "R60");
        });
    });

    describe("R75 pod subnets: Azure CNI without overlay, separate from the node subnet, on every pool", () => {
        it("rejects podSubnet with overlay", () => {
            const p = overlayPlan();
            const ds = validate({
                ...p,
                nodeSubnets: [...p.nodeSubnets!, { name: "aks-pods", cidr: "10.225.0.0/16" }],
                nodePools: [systemPool({ podSubnet: "aks-pods" })],
            });
            expectFires(ds, {
                ruleId: "R75",
                severity: "error",
                path: "nodePools[0].podSubnet",
                includes: ["overlay", "remove podSubnet"],
            });
        });
        it("rejects a pod subnet that is the node subnet", () => {
            const ds = validate({ ...podSubnetPlan(), nodePools: [systemPool({ maxPods: 110, podSubnet: "aks-nodes" })] });
            expectFires(ds, {
                ruleId: "R75",
                severity: "error",
                path: "nodePools[0].podSubnet",
                includes: [`"aks-nodes" is also the pool's node subnet`],
            });
        });
        it("rejects a pool without podSubnet beside pools with one", () => {
            const ds = validate({
                ...podSubnetPlan(),
                nodePools: [systemPool({ maxPods: 110, podSubnet: "aks-pods" }), user({ count: 2, maxPods: 110 })],
            });
            expectFires(ds, { ruleId: "R75", severity: "error", path: "nodePools[1].podSubnet", includes: [`"user"`, "set podSubnet"] });
            expectOnly(ds, ["R75"]);
        });
        it("is silent for the pod subnet baseline", () => {
            expectSilent(validate(podSubnetPlan()), "R75");
        });
    });
});
