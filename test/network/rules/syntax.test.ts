/**
 * Syntax and canonical form: R1 (well-formed CIDRs), R2 (DNS address), R3/R4 (host bits), R67 (IPv6
 * text forms), R71 (plan shape) and R72 (unknown fields).
 */
import * as assert from "node:assert/strict";
import { dualStackPlan, expectClean, expectFires, expectOnly, expectSilent, overlayPlan, systemPool, validate } from "./helpers";

describe("rules: syntax and canonical form", () => {
    it("the baselines have no error or warning", () => {
        expectClean(validate(overlayPlan()));
        expectClean(validate(dualStackPlan()));
    });

    describe("R1 every CIDR is well-formed", () => {
        const bad: [string, string][] = [
            ["10.0.0.0/33", "prefix /33 is longer than 32 bits"],
            ["10.0.0.0", "no prefix length"],
            [" 10.0.0.0/16", "white space"],
            ["10.0.0.0/16 ", "white space"],
            ["", "empty"],
            ["300.1.1.1/8", "greater than 255"],
            ["127.0.0.1/-1", "not a whole number"],
            ["010.0.0.0/16", "leading zero"],
            ["10.0.0.0/016", "not a whole number"],
            ["10.0.0/16", "four dot-separated numbers"],
        ];
        for (const [value, reason] of bad) {
            it(`rejects podCidrs[0] ${JSON.stringify(value)} (${reason})`, () => {
                const ds = validate({ ...overlayPlan(), podCidrs: [value] });
                expectFires(ds, {
                    ruleId: "R1",
                    severity: "error",
                    path: "podCidrs[0]",
                    includes: [JSON.stringify(value), reason, "write it as"],
                    azureErrorCode: "CidrStringParseError",
                });
            });
        }

        it("suggests the trimmed or prefixed form as the fix", () => {
            const ds = validate({ ...overlayPlan(), podCidrs: [" 10.244.0.0/16"] });
            expectFires(ds, { ruleId: "R1", severity: "error", path: "podCidrs[0]", includes: [`write it as "10.244.0.0/16"`] });
            const bare = validate({ ...overlayPlan(), podCidrs: ["10.244.0.0"] });
            expectFires(bare, { ruleId: "R1", severity: "error", path: "podCidrs[0]", includes: [`write it as "10.244.0.0/16"`] });
        });

        it("rejects IPv6 prefixes beyond /128 and malformed IPv6", () => {
            const p = dualStackPlan();
            const ds = validate({ ...p, podCidrs: ["10.244.0.0/16", "fd00::/129"] });
            expectFires(ds, { ruleId: "R1", severity: "error", path: "podCidrs[1]", includes: [`"fd00::/129"`, "longer than 128 bits"] });
            const two = validate({ ...p, podCidrs: ["10.244.0.0/16", "fd00::1::/64"] });
            expectFires(two, { ruleId: "R1", severity: "error", path: "podCidrs[1]", includes: [`"::" may appear only once`] });
        });

        it("checks every CIDR field: serviceCidrs, vnetAddressSpaces, nodeSubnets[].cidr, connectedNetworks", () => {
            const p = overlayPlan();
            const ds = validate({
                ...p,
                serviceCidrs: ["10.0.0.0/33"],
                vnetAddressSpaces: ["10.224.0.0/12", "10.240.0.0"],
                nodeSubnets: [
                    { name: "aks-nodes", cidr: "10.224.0.0/16" },
                    { name: "other", cidr: "10.226.0.0/ 24" },
                ],
                connectedNetworks: ["192.168.0.0/33", { name: "onprem", cidr: "172.20.0.0/40" }],
            });
            expectFires(ds, { ruleId: "R1", severity: "error", path: "serviceCidrs[0]", includes: [`"10.0.0.0/33"`] });
            expectFires(ds, {
                ruleId: "R1",
                severity: "error",
                path: "vnetAddressSpaces[1]",
                includes: [`"10.240.0.0"`, `"10.240.0.0/16"`],
            });
            expectFires(ds, { ruleId: "R1", severity: "error", path: "nodeSubnets[1].cidr", includes: [`"10.226.0.0/ 24"`] });
            expectFires(ds, { ruleId: "R1", severity: "error", path: "connectedNetworks[0]", includes: [`"192.168.0.0/33"`] });
            expectFires(ds, { ruleId: "R1", severity: "error", path: "connectedNetworks[1].cidr", includes: [`"172.20.0.0/40"`] });
        });

        it("accepts the edge prefixes /0-/32 and /0-/128 as syntax (size rules are separate)", () => {
            const ds = validate({ ...overlayPlan(), connectedNetworks: ["192.168.7.7/32", "0.0.0.0/0", "fd00::/128", "::/0"] });
            expectSilent(ds, "R1");
        });

        it("does not fire on the baseline", () => {
            expectSilent(validate(overlayPlan()), "R1");
            expectSilent(validate(dualStackPlan()), "R1");
        });

        it("never throws on junk values and reports them", () => {
            for (const junk of [null, 42, {}, [], "junk", "10.0.0.0/33", "fd00::/129", " 10.0.0.0/16"]) {
                const ds = validate({ ...overlayPlan(), podCidrs: [junk] });
                assert.ok(
                    ds.some((d) => d.severity === "error" && d.path === "podCidrs[0]"),
                    `no error for ${JSON.stringify(junk)}`,
                );
            }
        });
    });

    describe("R2 dnsServiceIP is a valid IPv4 address", () => {
        const cases: [string, string][] = [
            ["10.0.0.10/32", "prefix"],
            ["fd12:3456:789a:1::a", "IPv6"],
            ["10.0.0.256", "greater than 255"],
            [" 10.0.0.10", "white space"],
            ["", "empty"],
            ["dns", "neither an IPv4 nor an IPv6"],
        ];
        for (const [value, reason] of cases) {
            it(`rejects ${JSON.stringify(value)} (${reason})`, () => {
                const ds = validate({ ...overlayPlan(), dnsServiceIP: value });
                expectFires(ds, { ruleId: "R2", severity: "error", path: "dnsServiceIP", includes: [JSON.stringify(value), reason] });
            });
        }
        it("stays IPv4 on dual-stack clusters", () => {
            const ds = validate({ ...dualStackPlan(), dnsServiceIP: "fd12:3456:789a:1::a" });
            expectFires(ds, { ruleId: "R2", severity: "error", path: "dnsServiceIP", includes: ["even on dual-stack"] });
        });
        it("does not fire for an in-range IPv4 address", () => {
            const ds = validate({ ...overlayPlan(), dnsServiceIP: "10.0.0.10" });
            expectSilent(ds, "R2");
            expectClean(ds);
        });
    });

    describe("R3 IPv4 service CIDR without host bits (error) vs R4 other host bits (warning)", () => {
        it("R3 rejects an IPv4 service CIDR with host bits and gives the network address", () => {
            const ds = validate({ ...overlayPlan(), serviceCidrs: ["10.0.0.1/16"] });
            expectFires(ds, { ruleId: "R3", severity: "error", path: "serviceCidrs[0]", includes: [`"10.0.0.1/16"`, `"10.0.0.0/16"`] });
            expectSilent(ds, "R4");
            expectOnly(ds, ["R3"]);
        });
        it("R3 catches the last host bit too (10.2.0.1/24 -> 10.2.0.0/24, CHANGELOG example)", () => {
            const ds = validate({ ...overlayPlan(), serviceCidrs: ["10.2.0.1/24"], dnsServiceIP: "10.2.0.10" });
            expectFires(ds, { ruleId: "R3", severity: "error", path: "serviceCidrs[0]", includes: [`"10.2.0.0/24"`] });
        });
        it("R3 does not fire for the network address", () => {
            const ds = validate({ ...overlayPlan(), serviceCidrs: ["10.2.0.0/24"], dnsServiceIP: "10.2.0.10" });
            expectSilent(ds, "R3");
            expectClean(ds);
        });
        it("R4 warns for an IPv4 pod CIDR with host bits and reads it as the network", () => {
            const ds = validate({ ...overlayPlan(), podCidrs: ["10.244.0.1/16"] });
            expectFires(ds, { ruleId: "R4", severity: "warning", path: "podCidrs[0]", includes: [`"10.244.0.1/16"`, `"10.244.0.0/16"`] });
            expectSilent(ds, "R3");
            expectOnly(ds, ["R4"]);
        });
        it("R4 (not R3) for an IPv6 service CIDR with host bits", () => {
            const ds = validate({ ...dualStackPlan(), serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a:1::1/108"] });
            expectFires(ds, {
                ruleId: "R4",
                severity: "warning",
                path: "serviceCidrs[1]",
                includes: [`"fd12:3456:789a:1::1/108"`, `"fd12:3456:789a:1::/108"`],
            });
            expectSilent(ds, "R3");
        });
        it("R4 for an IPv6 pod CIDR with host bits (terraform's 2002::1234:abcd:ffff:c0a8:101/120 shape)", () => {
            const ds = validate({ ...dualStackPlan(), podCidrs: ["10.244.0.0/16", "fd12:3456:789a::abcd:ffff:c0a8:101/120"] });
            expectFires(ds, {
                ruleId: "R4",
                severity: "warning",
                path: "podCidrs[1]",
                includes: [`"fd12:3456:789a:0:abcd:ffff:c0a8:100/120"`],
            });
        });
        it("R81 (error, not R4) for node subnets and VNet address spaces with host bits: Azure refuses them", () => {
            const ds = validate({ ...overlayPlan(), nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.1/16" }] });
            expectFires(ds, {
                ruleId: "R81",
                severity: "error",
                path: "nodeSubnets[0].cidr",
                azureErrorCode: "InvalidCIDRNotation",
                includes: [`"10.224.0.1/16"`, `"10.224.0.0/16"`],
            });
            expectSilent(ds, "R4");
            const space = validate({ ...dualStackPlan(), vnetAddressSpaces: ["10.224.1.0/12", "fd00:10::1/48"] });
            expectFires(space, { ruleId: "R81", severity: "error", path: "vnetAddressSpaces[0]", includes: [`"10.224.0.0/12"`] });
            expectFires(space, { ruleId: "R81", severity: "error", path: "vnetAddressSpaces[1]", includes: [`"fd00:10::/48"`] });
            expectSilent(validate(overlayPlan()), "R81");
        });
        it("R4 does not fire on canonical CIDRs", () => {
            expectSilent(validate(overlayPlan()), "R4");
            expectSilent(validate(dualStackPlan()), "R4");
        });
    });

    describe("R67 IPv6 text form is irrelevant (info)", () => {
        const forms: [string, string][] = [
            ["upper case", "FD12:3456:789A::/64"],
            ["expanded", "fd12:3456:789a:0000:0000:0000:0000:0000/64"],
            ["zeros without compression", "fd12:3456:789a:0:0:0:0:0/64"],
            ["leading zeros in groups", "fd12:3456:789a:0::/64"],
        ];
        for (const [name, text] of forms) {
            it(`notes the ${name} form and names the canonical one`, () => {
                const ds = validate({ ...dualStackPlan(), podCidrs: ["10.244.0.0/16", text] });
                expectFires(ds, {
                    ruleId: "R67",
                    severity: "info",
                    path: "podCidrs[1]",
                    includes: [JSON.stringify(text), `"fd12:3456:789a::/64"`],
                });
                expectClean(ds);
            });
        }
        it("is silent for the canonical form", () => {
            expectSilent(validate(dualStackPlan()), "R67");
        });
        it("applies to subnets and VNet spaces too", () => {
            const p = dualStackPlan();
            const ds = validate({
                ...p,
                vnetAddressSpaces: ["10.224.0.0/12", "FD00:10::/48"],
                nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/16", ipv6Cidr: "fd00:0010:0000:0001::/64" }],
            });
            expectFires(ds, { ruleId: "R67", severity: "info", path: "vnetAddressSpaces[1]", includes: [`"fd00:10::/48"`] });
            expectFires(ds, { ruleId: "R67", severity: "info", path: "nodeSubnets[0].ipv6Cidr", includes: [`"fd00:10:0:1::/64"`] });
            expectClean(ds);
        });
    });

    describe("R71 plan shape", () => {
        it("rejects a wrong-case enum value and names the right spelling", () => {
            const ds = validate({ ...overlayPlan(), networkPlugin: "Azure" });
            expectFires(ds, {
                ruleId: "R71",
                severity: "error",
                path: "networkPlugin",
                includes: [`"Azure"`, `"azure" (values are case-sensitive)`],
            });
        });
        it("rejects a count given as a string", () => {
            const ds = validate({ ...overlayPlan(), nodePools: [{ ...systemPool(), count: "3" }] });
            expectFires(ds, { ruleId: "R71", severity: "error", path: "nodePools[0].count", includes: [`"3"`, "whole number"] });
        });
        it("rejects a CIDR list given as a string and shows the list form", () => {
            const ds = validate({ ...overlayPlan(), podCidrs: "10.244.0.0/16" });
            expectFires(ds, { ruleId: "R71", severity: "error", path: "podCidrs", includes: [`["10.244.0.0/16"]`] });
        });
        it("rejects a plan that is not an object", () => {
            for (const junk of [null, 42, "plan", []]) {
                const ds = validate(junk);
                expectFires(ds, { ruleId: "R71", severity: "error", path: "", includes: ["the network plan is"] });
            }
        });
        it("is silent for well-typed plans", () => {
            expectSilent(validate(overlayPlan()), "R71");
        });
    });

    describe("R72 unknown fields", () => {
        it("warns about a misspelt field and names the field meant", () => {
            const ds = validate({ ...overlayPlan(), podCidr: "10.244.0.0/16" });
            expectFires(ds, { ruleId: "R72", severity: "warning", path: "podCidr", includes: [`did you mean "podCidrs"`] });
            expectOnly(ds, ["R72"]);
        });
        it("checks pool fields too", () => {
            const ds = validate({ ...overlayPlan(), nodePools: [{ ...systemPool(), maxpods: 30 }] });
            expectFires(ds, { ruleId: "R72", severity: "warning", path: "nodePools[0].maxpods", includes: [`did you mean "maxPods"`] });
        });
        it("is silent for known fields", () => {
            expectSilent(validate(overlayPlan()), "R72");
        });
    });
});
