/**
 * Range relations: reserved ranges (R24), service CIDR vs subnets, VNet, pods and connected networks
 * (R31-R34), pod CIDR vs subnets, VNet and connected networks (R36-R38), public pod ranges (R39),
 * VNet address spaces (R78) and the VNet vs connected networks (R79).
 *
 * Baseline: VNet 10.224.0.0/12, subnet "aks-nodes" 10.224.0.0/16, pods 10.244.0.0/16, services 10.0.0.0/16.
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
    overlayPlan,
    validate,
} from "./helpers";

function nonePlan(): NetworkPlan {
    const p = overlayPlan();
    delete p.networkPluginMode;
    return { ...p, networkPlugin: "none" };
}

describe("rules: overlaps between ranges", () => {
    describe("R24 reserved ranges", () => {
        for (const cidr of ["172.30.0.0/16", "172.31.0.0/16", "169.254.0.0/16", "192.0.2.0/24", "172.30.128.0/17"]) {
            it(`rejects the pod CIDR ${cidr}`, () => {
                const ds = validate({ ...overlayPlan(), podCidrs: [cidr] });
                expectFires(ds, { ruleId: "R24", severity: "error", path: "podCidrs[0]", includes: [`"${cidr}"`, "use e.g."] });
            });
        }
        it("rejects 172.16.0.0/12, which contains both 172.30/16 and 172.31/16", () => {
            const ds = validate({ ...overlayPlan(), podCidrs: ["172.16.0.0/12"] });
            expectFires(ds, { ruleId: "R24", severity: "error", path: "podCidrs[0]", count: 2, includes: [`"172.16.0.0/12"`, "contains"] });
        });
        it("rejects a service CIDR in 172.30.0.0/16 (all clusters, D3)", () => {
            const ds = validate({ ...overlayPlan(), serviceCidrs: ["172.30.0.0/16"], dnsServiceIP: "172.30.0.10" });
            expectFires(ds, {
                ruleId: "R24",
                severity: "error",
                path: "serviceCidrs[0]",
                includes: [`"172.30.0.0/16"`, "is the same range as 172.30.0.0/16"],
            });
            expectOnly(ds, ["R24"]);
        });
        it("rejects a service CIDR with Azure CNI node subnet too (D3: everywhere)", () => {
            const p = overlayPlan();
            delete p.networkPluginMode;
            delete p.podCidrs;
            const ds = validate({
                ...p,
                networkPlugin: "azure",
                networkPluginMode: null,
                serviceCidrs: ["172.31.0.0/16"],
                dnsServiceIP: "172.31.0.10",
                nodePools: [{ ...p.nodePools![0], maxPods: 30 }],
            });
            expectFires(ds, { ruleId: "R24", severity: "error", path: "serviceCidrs[0]" });
        });
        it("rejects a VNet address space over 192.0.2.0/24", () => {
            const ds = validate({ ...overlayPlan(), vnetAddressSpaces: ["10.224.0.0/12", "192.0.0.0/22"] });
            expectFires(ds, {
                ruleId: "R24",
                severity: "error",
                path: "vnetAddressSpaces[1]",
                includes: [`"192.0.0.0/22"`, "contains 192.0.2.0/24"],
            });
        });
        for (const cidr of ["172.17.0.0/16", "172.29.0.0/16", "172.28.0.0/15", "172.32.0.0/16"]) {
            it(`is silent for ${cidr} (next to the reserved ranges, or the old docker bridge)`, () => {
                const ds = validate({ ...overlayPlan(), podCidrs: [cidr] });
                expectSilent(ds, "R24");
            });
        }
        it("fires for 172.28.0.0/14, one step wider than the silent 172.28.0.0/15", () => {
            expectFires(validate({ ...overlayPlan(), podCidrs: ["172.28.0.0/14"] }), {
                ruleId: "R24",
                severity: "error",
                path: "podCidrs[0]",
                count: 2,
            });
        });
        it("checks the default pod CIDR only against itself (10.244.0.0/16 is fine)", () => {
            const p = overlayPlan();
            delete p.podCidrs;
            expectSilent(validate(p), "R24");
        });
    });

    describe("R31 service CIDRs don't overlap any subnet", () => {
        it("rejects a service CIDR equal to the node subnet, with the RP's code and a fix", () => {
            const ds = validate({ ...overlayPlan(), serviceCidrs: ["10.224.0.0/16"], dnsServiceIP: "10.224.0.10" });
            expectFires(ds, {
                ruleId: "R31",
                severity: "error",
                path: "serviceCidrs[0]",
                azureErrorCode: "ServiceCidrOverlapExistingSubnetsCidr",
                includes: [`serviceCidrs[0] "10.224.0.0/16" is the same range as nodeSubnets[0]`, `"aks-nodes"`, 'e.g. "'],
            });
            expectSilent(ds, "R32");
            expectOnly(ds, ["R31"]);
        });
        it("rejects overlap with a subnet no pool uses", () => {
            const p = overlayPlan();
            const ds = validate({
                ...p,
                nodeSubnets: [...p.nodeSubnets!, { name: "appgw", cidr: "10.230.0.0/24" }],
                serviceCidrs: ["10.230.0.0/16"],
                dnsServiceIP: "10.230.0.10",
            });
            expectFires(ds, {
                ruleId: "R31",
                severity: "error",
                path: "serviceCidrs[0]",
                includes: ["contains nodeSubnets[1]", `"appgw"`],
            });
        });
        it("rejects overlap with an IPv6 subnet prefix", () => {
            const ds = validate({ ...dualStackPlan(), serviceCidrs: ["10.0.0.0/16", "fd00:10:0:1::/108"] });
            expectFires(ds, { ruleId: "R31", severity: "error", path: "serviceCidrs[1]", includes: ["lies inside nodeSubnets[0]"] });
        });
        it("is silent for a service CIDR outside every subnet", () => {
            const ds = validate(overlayPlan());
            expectSilent(ds, "R31");
        });
    });

    describe("R32 service CIDR inside the VNet space, no subnet hit (D18)", () => {
        it("warns", () => {
            const ds = validate({ ...overlayPlan(), serviceCidrs: ["10.230.0.0/16"], dnsServiceIP: "10.230.0.10" });
            expectFires(ds, {
                ruleId: "R32",
                severity: "warning",
                path: "serviceCidrs[0]",
                includes: [`"10.230.0.0/16"`, "vnetAddressSpaces[0]", "outside the VNet"],
            });
            expectOnly(ds, ["R32"]);
        });
        it("is silent outside the VNet", () => {
            const ds = validate({ ...overlayPlan(), serviceCidrs: ["10.240.0.0/16"], dnsServiceIP: "10.240.0.10" });
            expectSilent(ds, "R32");
            expectClean(ds);
        });
    });

    describe("R33 service CIDRs don't overlap pod CIDRs (per family)", () => {
        it("rejects the same IPv4 range", () => {
            const ds = validate({ ...overlayPlan(), serviceCidrs: ["10.244.0.0/16"], dnsServiceIP: "10.244.0.10" });
            expectFires(ds, {
                ruleId: "R33",
                severity: "error",
                path: "serviceCidrs[0]",
                includes: [`"10.244.0.0/16" is the same range as podCidrs[0]`, "use e.g."],
            });
            expectOnly(ds, ["R33"]);
        });
        it("rejects a service CIDR overlapping the default pod CIDR", () => {
            const p = overlayPlan();
            delete p.podCidrs;
            const ds = validate({ ...p, serviceCidrs: ["10.244.0.0/20"], dnsServiceIP: "10.244.0.10" });
            expectFires(ds, { ruleId: "R33", severity: "error", path: "serviceCidrs[0]", includes: ['podCidrs (default "10.244.0.0/16"'] });
        });
        it("rejects an IPv6 service CIDR inside the IPv6 pod CIDR", () => {
            const ds = validate({ ...dualStackPlan(), serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a::/108"] });
            expectFires(ds, { ruleId: "R33", severity: "error", path: "serviceCidrs[1]", includes: ["lies inside podCidrs[1]"] });
        });
        it("rejects with kubenet too", () => {
            const ds = validate({ ...kubenetPlan(), serviceCidrs: ["10.244.128.0/17"], dnsServiceIP: "10.244.128.10" });
            expectFires(ds, { ruleId: "R33", severity: "error", path: "serviceCidrs[0]" });
        });
        it("is silent for adjacent ranges", () => {
            const ds = validate({ ...overlayPlan(), serviceCidrs: ["10.245.0.0/16"], dnsServiceIP: "10.245.0.10" });
            expectSilent(ds, "R33");
            expectClean(ds);
        });
    });

    describe("R34 service CIDR overlaps a connected network", () => {
        it("warns, naming the connected network", () => {
            const ds = validate({ ...overlayPlan(), connectedNetworks: [{ name: "onprem", cidr: "10.0.0.0/24", kind: "onPremises" }] });
            expectFires(ds, {
                ruleId: "R34",
                severity: "warning",
                path: "serviceCidrs[0]",
                includes: [`"10.0.0.0/16" contains connectedNetworks[0]`, `"onprem"`],
            });
            expectOnly(ds, ["R34"]);
        });
        it("is silent when the connected network is elsewhere", () => {
            const ds = validate({ ...overlayPlan(), connectedNetworks: ["192.168.0.0/16"] });
            expectSilent(ds, "R34");
            expectClean(ds);
        });
    });

    describe("R36 pod CIDRs don't overlap any subnet", () => {
        it("rejects overlay pods in the node subnet", () => {
            const ds = validate({ ...overlayPlan(), podCidrs: ["10.224.0.0/16"] });
            expectFires(ds, {
                ruleId: "R36",
                severity: "error",
                path: "podCidrs[0]",
                azureErrorCode: "NetworkProfileCIDROverlapVNET",
                includes: [`"10.224.0.0/16" is the same range as nodeSubnets[0]`, "use e.g."],
            });
            expectSilent(ds, "R37");
        });
        it("rejects kubenet and none too", () => {
            expectFires(validate({ ...kubenetPlan(), podCidrs: ["10.224.0.0/15"] }), {
                ruleId: "R36",
                severity: "error",
                path: "podCidrs[0]",
            });
            expectFires(validate({ ...nonePlan(), podCidrs: ["10.224.128.0/17"] }), {
                ruleId: "R36",
                severity: "error",
                path: "podCidrs[0]",
            });
        });
        it("is silent for pods outside every subnet", () => {
            expectSilent(validate(overlayPlan()), "R36");
            expectSilent(validate(nonePlan()), "R36");
        });
    });

    describe("R37 pod CIDR inside the VNet space, no subnet hit (D19)", () => {
        it("warns for overlay and kubenet", () => {
            for (const base of [overlayPlan(), kubenetPlan()]) {
                const ds = validate({ ...base, podCidrs: ["10.230.0.0/16"] });
                expectFires(ds, {
                    ruleId: "R37",
                    severity: "warning",
                    path: "podCidrs[0]",
                    includes: [`"10.230.0.0/16"`, "vnetAddressSpaces[0]"],
                });
                expectSilent(ds, "R36");
                expectOnly(ds, ["R37"]);
            }
        });
        it("is silent for networkPlugin none and for pods outside the VNet", () => {
            expectSilent(validate({ ...nonePlan(), podCidrs: ["10.230.0.0/16"] }), "R37");
            expectSilent(validate(overlayPlan()), "R37");
        });
    });

    describe("R38 pod CIDR overlaps a connected network", () => {
        it("warns for overlay", () => {
            const ds = validate({ ...overlayPlan(), connectedNetworks: ["10.244.5.0/24"] });
            expectFires(ds, {
                ruleId: "R38",
                severity: "warning",
                path: "podCidrs[0]",
                includes: [`"10.244.0.0/16" contains connectedNetworks[0] "10.244.5.0/24"`, "unreachable"],
            });
            expectOnly(ds, ["R38"]);
        });
        it("is silent for networkPlugin none and for other connected ranges", () => {
            expectSilent(validate({ ...nonePlan(), connectedNetworks: ["10.244.5.0/24"] }), "R38");
            const ds = validate({ ...overlayPlan(), connectedNetworks: ["10.245.5.0/24"] });
            expectSilent(ds, "R38");
            expectClean(ds);
        });
    });

    describe("R39 IPv4 pod CIDR outside RFC 1918 / RFC 6598", () => {
        it("warns for a public pod range", () => {
            for (const base of [overlayPlan(), kubenetPlan(), nonePlan()]) {
                const ds = validate({ ...base, podCidrs: ["20.244.0.0/16"] });
                expectFires(ds, {
                    ruleId: "R39",
                    severity: "warning",
                    path: "podCidrs[0]",
                    includes: [`"20.244.0.0/16"`, "100.64.0.0/10"],
                });
            }
        });
        it("warns for a range only partly private", () => {
            expectFires(validate({ ...overlayPlan(), podCidrs: ["100.0.0.0/8"] }), {
                ruleId: "R39",
                severity: "warning",
                path: "podCidrs[0]",
            });
        });
        for (const cidr of ["100.64.0.0/16", "192.168.0.0/16", "172.20.0.0/16"]) {
            it(`is silent for ${cidr}`, () => {
                const ds = validate({ ...overlayPlan(), podCidrs: [cidr] });
                expectSilent(ds, "R39");
                expectClean(ds);
            });
        }
    });

    describe("R78 VNet address spaces don't overlap", () => {
        it("rejects a space inside another", () => {
            const ds = validate({ ...overlayPlan(), vnetAddressSpaces: ["10.224.0.0/12", "10.230.0.0/16"] });
            expectFires(ds, {
                ruleId: "R78",
                severity: "error",
                path: "vnetAddressSpaces[1]",
                includes: [`"10.230.0.0/16" lies inside vnetAddressSpaces[0]`],
            });
            expectOnly(ds, ["R78"]);
        });
        it("is silent for disjoint spaces", () => {
            const ds = validate({ ...overlayPlan(), vnetAddressSpaces: ["10.224.0.0/12", "10.240.0.0/16"] });
            expectSilent(ds, "R78");
            expectClean(ds);
        });
    });

    describe("R79 the VNet overlaps a connected network", () => {
        it("warns about a peering inside the VNet space", () => {
            const ds = validate({ ...overlayPlan(), connectedNetworks: [{ name: "hub", cidr: "10.239.0.0/16", kind: "peering" }] });
            expectFires(ds, {
                ruleId: "R79",
                severity: "warning",
                path: "connectedNetworks[0].cidr",
                includes: [`"hub"`, "vnetAddressSpaces[0]", "renumber"],
            });
            expectOnly(ds, ["R79"]);
        });
        it("uses the subnets when the plan gives no address space", () => {
            const p = overlayPlan();
            delete p.vnetAddressSpaces;
            const ds = validate({ ...p, connectedNetworks: ["10.224.3.0/24"] });
            expectFires(ds, {
                ruleId: "R79",
                severity: "warning",
                path: "connectedNetworks[0]",
                includes: [`"10.224.3.0/24"`, "nodeSubnets[0]"],
            });
        });
        it("is silent for connected networks outside the VNet and for an AKS-managed VNet", () => {
            const ds = validate({ ...overlayPlan(), connectedNetworks: ["10.240.0.0/16", "192.168.0.0/16"] });
            expectSilent(ds, "R79");
            expectClean(ds);
            expectSilent(validate({ ...managedVnet(overlayPlan()), connectedNetworks: ["10.224.0.0/16"] }), "R79");
        });
    });
});
