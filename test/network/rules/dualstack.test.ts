/**
 * Dual-stack: families (R25), CIDR count/order/family (R26), IPAM modes (R27), policies (R28),
 * egress (R29), Kubernetes minimums (R30), defaults (R52), subnet prefixes (R73, R74), and overlap
 * detection across IPv6 text forms (R67).
 */
import { NetworkPlan } from "../../../lib/network";
import {
    dualStackPlan,
    expectClean,
    expectFires,
    expectOnly,
    expectSilent,
    kubenetPlan,
    managedVnet,
    nodeSubnetPlan,
    overlayPlan,
    podSubnetPlan,
    validate,
} from "./helpers";

/** Make any baseline dual-stack (service CIDRs, VNet space and subnet prefixes; pod CIDRs when it has them). */
function dual(base: NetworkPlan): NetworkPlan {
    const d = dualStackPlan();
    return {
        ...base,
        ipFamilies: ["IPv4", "IPv6"],
        serviceCidrs: d.serviceCidrs,
        vnetAddressSpaces: d.vnetAddressSpaces,
        nodeSubnets: base.nodeSubnets!.map((s, i) => ({ ...s, ipv6Cidr: `fd00:10:0:${i + 1}::/64` })),
        ...(base.podCidrs ? { podCidrs: d.podCidrs } : {}),
    };
}

describe("rules: dual-stack", () => {
    it("the dual-stack baseline has no error or warning", () => {
        expectClean(validate(dualStackPlan()));
    });

    describe("R25 ipFamilies is [IPv4] or [IPv4, IPv6]", () => {
        const bad: [unknown[], string][] = [
            [["IPv6"], "IPv6-only"],
            [["IPv6", "IPv4"], "IPv6 must come second"],
            [["IPv4", "IPv6", "IPv6"], "repeats a family"],
            [["IPv4", "IPv4"], "repeats a family"],
            [[], "empty"],
            [["ipv4"], "not a family"],
        ];
        for (const [families, why] of bad) {
            it(`rejects ${JSON.stringify(families)} (${why})`, () => {
                const ds = validate({ ...dualStackPlan(), ipFamilies: families });
                expectFires(ds, {
                    ruleId: "R25",
                    severity: "error",
                    path: "ipFamilies",
                    includes: [JSON.stringify(families), why, `use ["IPv4"] or ["IPv4", "IPv6"]`],
                });
            });
        }
        it("is silent for the two allowed lists", () => {
            expectSilent(validate(overlayPlan()), "R25");
            expectSilent(validate(dualStackPlan()), "R25");
        });
    });

    describe("R26 pod/service CIDRs match ipFamilies in count, order and family", () => {
        it("rejects one pod CIDR on a dual-stack cluster", () => {
            const ds = validate({ ...dualStackPlan(), podCidrs: ["10.244.0.0/16"] });
            expectFires(ds, { ruleId: "R26", severity: "error", path: "podCidrs", includes: ["1 entry", "ipFamilies has 2"] });
            expectOnly(ds, ["R26"]);
        });
        it("rejects one service CIDR on a dual-stack cluster (D22)", () => {
            const ds = validate({ ...dualStackPlan(), serviceCidrs: ["10.0.0.0/16"] });
            expectFires(ds, { ruleId: "R26", severity: "error", path: "serviceCidrs", includes: ["1 entry"] });
            expectOnly(ds, ["R26"]);
        });
        it("rejects IPv6 listed first", () => {
            const ds = validate({ ...dualStackPlan(), podCidrs: ["fd12:3456:789a::/64", "10.244.0.0/16"] });
            expectFires(ds, { ruleId: "R26", severity: "error", path: "podCidrs[0]", includes: ["is IPv6 but ipFamilies[0] is IPv4"] });
            expectFires(ds, { ruleId: "R26", severity: "error", path: "podCidrs[1]", includes: ["is IPv4 but ipFamilies[1] is IPv6"] });
        });
        it("rejects two service CIDRs on a single-stack cluster", () => {
            const ds = validate({ ...overlayPlan(), serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a:1::/108"] });
            expectFires(ds, { ruleId: "R26", severity: "error", path: "serviceCidrs", includes: ["2 entries", "ipFamilies has 1"] });
        });
        it("rejects an IPv6 service CIDR on a single-stack cluster", () => {
            const ds = validate({ ...overlayPlan(), serviceCidrs: ["fd12:3456:789a:1::/108"] });
            expectFires(ds, { ruleId: "R26", severity: "error", path: "serviceCidrs[0]", includes: ["is IPv6"] });
        });
        it("is silent when count, order and family match", () => {
            expectSilent(validate(overlayPlan()), "R26");
            expectSilent(validate(dualStackPlan()), "R26");
        });
    });

    describe("R27 dual-stack IPAM mode (D5)", () => {
        it("is an error for Azure CNI node subnet", () => {
            const ds = validate(dual(nodeSubnetPlan()));
            expectFires(ds, {
                ruleId: "R27",
                severity: "error",
                path: "ipFamilies",
                includes: ["node subnet", `networkPluginMode "overlay"`],
            });
            expectOnly(ds, ["R27"]);
        });
        it("is a warning for kubenet", () => {
            const ds = validate(dual(kubenetPlan()));
            expectFires(ds, {
                ruleId: "R27",
                severity: "warning",
                path: "ipFamilies",
                includes: ["kubenet", `networkPluginMode "overlay"`],
            });
            expectOnly(ds, ["R27"]);
        });
        it("is a warning for Azure CNI pod subnet", () => {
            const ds = validate(dual(podSubnetPlan()));
            expectFires(ds, { ruleId: "R27", severity: "warning", path: "ipFamilies", includes: ["pod subnet"] });
            expectOnly(ds, ["R27"]);
        });
        it("is silent for overlay, with either dataplane, and for single-stack node subnet", () => {
            expectSilent(validate(dualStackPlan()), "R27");
            expectSilent(validate({ ...dualStackPlan(), networkDataplane: "cilium" }), "R27");
            expectSilent(validate(nodeSubnetPlan()), "R27");
        });
    });

    describe("R28 dual-stack excludes Azure NPM and Calico", () => {
        for (const policy of ["azure", "calico"] as const) {
            it(`rejects networkPolicy "${policy}"`, () => {
                const ds = validate({ ...dualStackPlan(), networkPolicy: policy });
                expectFires(ds, { ruleId: "R28", severity: "error", path: "networkPolicy", includes: [`"${policy}"`, "Cilium"] });
                expectOnly(ds, ["R28"]);
            });
            it(`is silent for "${policy}" on a single-stack cluster`, () => {
                expectSilent(validate({ ...overlayPlan(), networkPolicy: policy }), "R28");
            });
        }
        it("is silent for Cilium", () => {
            const ds = validate({ ...dualStackPlan(), networkDataplane: "cilium", networkPolicy: "cilium" });
            expectSilent(ds, "R28");
            expectClean(ds);
        });
    });

    describe("R29 dual-stack egress (D7)", () => {
        it("is an error for managedNATGateway", () => {
            const ds = validate({ ...managedVnet(dualStackPlan()), outboundType: "managedNATGateway" });
            expectFires(ds, {
                ruleId: "R29",
                severity: "error",
                path: "outboundType",
                includes: [`"managedNATGateway"`, "IPv4-only", `"loadBalancer"`],
            });
            expectOnly(ds, ["R29"]);
        });
        it("is a warning for userAssignedNATGateway (StandardV2 works)", () => {
            const ds = validate({ ...dualStackPlan(), outboundType: "userAssignedNATGateway" });
            expectFires(ds, {
                ruleId: "R29",
                severity: "warning",
                path: "outboundType",
                includes: [`"userAssignedNATGateway"`, "StandardV2"],
            });
            expectOnly(ds, ["R29"]);
        });
        it("is silent for loadBalancer and userDefinedRouting, and for NAT gateways on single stack", () => {
            expectSilent(validate(dualStackPlan()), "R29");
            expectSilent(validate({ ...dualStackPlan(), outboundType: "userDefinedRouting" }), "R29");
            expectSilent(validate({ ...managedVnet(overlayPlan()), outboundType: "managedNATGateway" }), "R29");
            expectSilent(validate({ ...overlayPlan(), outboundType: "userAssignedNATGateway" }), "R29");
        });
    });

    describe("R30 dual-stack Kubernetes minimums (D4)", () => {
        for (const v of ["1.26.2", "1.26", "1.25.9"]) {
            it(`rejects overlay dual-stack on ${v}`, () => {
                const ds = validate({ ...dualStackPlan(), kubernetesVersion: v });
                expectFires(ds, { ruleId: "R30", severity: "error", path: "kubernetesVersion", includes: [`"${v}"`, "1.26.3"] });
                expectOnly(ds, ["R30"]);
            });
        }
        for (const v of ["1.26.3", "1.27"]) {
            it(`accepts overlay dual-stack on ${v}`, () => {
                const ds = validate({ ...dualStackPlan(), kubernetesVersion: v });
                expectSilent(ds, "R30");
                expectClean(ds);
            });
        }
        it("rejects Cilium dual-stack before 1.29", () => {
            const ds = validate({ ...dualStackPlan(), networkDataplane: "cilium", kubernetesVersion: "1.28.9" });
            expectFires(ds, { ruleId: "R30", severity: "error", path: "kubernetesVersion", includes: [`"1.28.9"`, "1.29"] });
        });
        it("reports both minimums when both are missed", () => {
            const ds = validate({ ...dualStackPlan(), networkDataplane: "cilium", kubernetesVersion: "1.26" });
            expectFires(ds, { ruleId: "R30", severity: "error", path: "kubernetesVersion", count: 2 });
        });
        it("accepts Cilium dual-stack on 1.29 and single-stack on older versions", () => {
            const ds = validate({ ...dualStackPlan(), networkDataplane: "cilium", kubernetesVersion: "1.29" });
            expectSilent(ds, "R30");
            expectClean(ds);
            expectSilent(validate({ ...overlayPlan(), networkDataplane: "cilium", kubernetesVersion: "1.26" }), "R30");
        });
    });

    describe("R52 dual-stack defaults (info)", () => {
        it("names the documented IPv6 defaults and advises setting them", () => {
            const p = dualStackPlan();
            delete p.podCidrs;
            delete p.serviceCidrs;
            delete p.dnsServiceIP;
            const ds = validate(p);
            expectFires(ds, {
                ruleId: "R52",
                severity: "info",
                path: "podCidrs",
                includes: ["fd12:3456:789a::/64", "fd12:3456:789a:1::/108", "10.0.0.10", "set podCidrs and serviceCidrs explicitly"],
            });
            expectSilent(ds, "R22");
            expectClean(ds);
        });
        it("is silent when the dual-stack ranges are explicit", () => {
            expectSilent(validate(dualStackPlan()), "R52");
        });
        it("D6: assumed IPv6 defaults take part in no overlap check; the IPv4 default still does", () => {
            const p = dualStackPlan();
            delete p.podCidrs;
            delete p.serviceCidrs;
            delete p.dnsServiceIP;
            const ds = validate({
                ...p,
                vnetAddressSpaces: ["10.224.0.0/12", "fd12:3456:789a::/48"],
                nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/16", ipv6Cidr: "fd12:3456:789a::/64" }],
            });
            expectSilent(ds, "R36");
            expectSilent(ds, "R32");
            expectClean(ds);
            expectFires(ds, { ruleId: "R52", severity: "info", path: "podCidrs", includes: ["not checked for overlaps"] });
            const v4 = validate({
                ...p,
                vnetAddressSpaces: ["10.240.0.0/12", "fd00:10::/48"],
                nodeSubnets: [{ name: "aks-nodes", cidr: "10.244.0.0/16", ipv6Cidr: "fd00:10:0:1::/64" }],
            });
            expectFires(v4, { ruleId: "R36", severity: "error", path: "podCidrs", includes: [`podCidrs (default "10.244.0.0/16"`] });
        });
    });

    describe("R73 subnet prefixes: cidr IPv4, ipv6Cidr an IPv6 /64", () => {
        it("rejects an IPv6 cidr", () => {
            const ds = validate({ ...dualStackPlan(), nodeSubnets: [{ name: "aks-nodes", cidr: "fd00:10:0:1::/64" }] });
            expectFires(ds, {
                ruleId: "R73",
                severity: "error",
                path: "nodeSubnets[0].cidr",
                includes: ["fd00:10:0:1::/64", "nodeSubnets[0].ipv6Cidr"],
            });
        });
        it("rejects an IPv4 ipv6Cidr", () => {
            const ds = validate({
                ...dualStackPlan(),
                nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/16", ipv6Cidr: "10.225.0.0/16" }],
            });
            expectFires(ds, { ruleId: "R73", severity: "error", path: "nodeSubnets[0].ipv6Cidr", includes: ["10.225.0.0/16", "is IPv4"] });
        });
        for (const prefix of [63, 65, 80]) {
            it(`rejects an IPv6 subnet /${prefix} and proposes the /64`, () => {
                const ds = validate({
                    ...dualStackPlan(),
                    nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/16", ipv6Cidr: `fd00:10:0:1::/${prefix}` }],
                });
                expectFires(ds, {
                    ruleId: "R73",
                    severity: "error",
                    path: "nodeSubnets[0].ipv6Cidr",
                    includes: [`/${prefix}`, `"fd00:10:0:1::/64"`],
                });
            });
        }
        it("is silent for a /64", () => {
            expectSilent(validate(dualStackPlan()), "R73");
        });
    });

    describe("R74 a dual-stack VNet of your own has IPv6 space and IPv6 node subnets", () => {
        it("rejects a VNet with no IPv6 address space", () => {
            const ds = validate({ ...dualStackPlan(), vnetAddressSpaces: ["10.224.0.0/12"] });
            expectFires(ds, { ruleId: "R74", severity: "error", path: "vnetAddressSpaces", includes: ["no IPv6 range", "fd00:10::/48"] });
        });
        it("rejects a used node subnet without ipv6Cidr", () => {
            const ds = validate({ ...dualStackPlan(), nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/16" }] });
            expectFires(ds, { ruleId: "R74", severity: "error", path: "nodeSubnets[0]", includes: [`"aks-nodes"`, "ipv6Cidr"] });
            expectOnly(ds, ["R74"]);
        });
        it("is silent for an unused subnet without ipv6Cidr and for single-stack plans", () => {
            const p = dualStackPlan();
            const ds = validate({ ...p, nodeSubnets: [...p.nodeSubnets!, { name: "appgw", cidr: "10.230.0.0/24" }] });
            expectSilent(ds, "R74");
            expectClean(ds);
            expectSilent(validate(overlayPlan()), "R74");
        });
    });

    describe("R67: overlap and containment are found whatever the IPv6 text form", () => {
        it("finds a service CIDR inside the pod CIDR across upper-case and expanded forms (R33)", () => {
            const ds = validate({
                ...dualStackPlan(),
                podCidrs: ["10.244.0.0/16", "FD12:3456:789A::/64"],
                serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a:0000:0000:0000:0000:0000/108"],
            });
            expectFires(ds, { ruleId: "R33", severity: "error", path: "serviceCidrs[1]", includes: ["lies inside podCidrs[1]"] });
            expectFires(ds, { ruleId: "R67", severity: "info", path: "podCidrs[1]" });
            expectFires(ds, { ruleId: "R67", severity: "info", path: "serviceCidrs[1]", includes: [`"fd12:3456:789a::/108"`] });
        });
        it("finds the same VNet space written two ways (R78)", () => {
            const ds = validate({ ...dualStackPlan(), vnetAddressSpaces: ["10.224.0.0/12", "fd00:10::/48", "FD00:0010:0000::/48"] });
            expectFires(ds, {
                ruleId: "R78",
                severity: "error",
                path: "vnetAddressSpaces[2]",
                includes: ["is the same range as vnetAddressSpaces[1]"],
            });
        });
        it("finds a service CIDR in an upper-case subnet prefix (R31)", () => {
            const ds = validate({
                ...dualStackPlan(),
                nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/16", ipv6Cidr: "FD00:10:0:1::/64" }],
                serviceCidrs: ["10.0.0.0/16", "fd00:10:0:1:0:0:0:0/108"],
            });
            expectFires(ds, { ruleId: "R31", severity: "error", path: "serviceCidrs[1]" });
        });
        it("sees an expanded subnet prefix as inside the compressed VNet space (no R62)", () => {
            const ds = validate({
                ...dualStackPlan(),
                nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/16", ipv6Cidr: "FD00:0010:0000:0001:0000:0000:0000:0000/64" }],
            });
            expectSilent(ds, "R62");
            expectClean(ds);
        });
    });
});
