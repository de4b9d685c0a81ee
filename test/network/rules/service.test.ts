/**
 * Service CIDR and DNS service address: sizes (R13 /12 vs /13, R14 /107 vs /108), DNS placement
 * (R17-R20 at every boundary), R21 (set together), R22 (defaults) and R35 (private space).
 */
import { NetworkPlan } from "../../../lib/network";
import { dualStackPlan, expectClean, expectFires, expectOnly, expectSilent, managedVnet, overlayPlan, validate } from "./helpers";

function withService(serviceCidrs: string[], dnsServiceIP: string, base: NetworkPlan = overlayPlan()): NetworkPlan {
    return { ...base, serviceCidrs, dnsServiceIP };
}

describe("rules: service CIDR and DNS service address", () => {
    describe("R13 IPv4 service CIDR smaller than /12 (D1)", () => {
        for (const prefix of [12, 11, 10]) {
            it(`rejects /${prefix}`, () => {
                const ds = validate(withService([`10.0.0.0/${prefix}`], "10.0.0.10"));
                expectFires(ds, {
                    ruleId: "R13",
                    severity: "error",
                    path: "serviceCidrs[0]",
                    includes: [`"10.0.0.0/${prefix}"`, `/${prefix}`, "smaller than /12", `"10.0.0.0/16"`],
                });
                expectOnly(ds, ["R13"]);
            });
        }
        for (const prefix of [13, 16, 24, 28]) {
            it(`accepts /${prefix}`, () => {
                const ds = validate(withService([`10.0.0.0/${prefix}`], "10.0.0.10"));
                expectSilent(ds, "R13");
                expectClean(ds);
            });
        }
    });

    describe("R14 IPv6 service CIDR no larger than /108", () => {
        for (const prefix of [107, 104, 64]) {
            it(`rejects /${prefix}`, () => {
                const ds = validate(withService(["10.0.0.0/16", `fd12:3456:789a:1::/${prefix}`], "10.0.0.10", dualStackPlan()));
                expectFires(ds, {
                    ruleId: "R14",
                    severity: "error",
                    path: "serviceCidrs[1]",
                    includes: [`"fd12:3456:789a:1::/${prefix}"`, "no larger than /108", `"fd12:3456:789a:1::/108"`],
                });
                expectOnly(ds, ["R14"]);
            });
        }
        for (const prefix of [108, 112, 120]) {
            it(`accepts /${prefix}`, () => {
                const ds = validate(withService(["10.0.0.0/16", `fd12:3456:789a:1::/${prefix}`], "10.0.0.10", dualStackPlan()));
                expectSilent(ds, "R14");
                expectClean(ds);
            });
        }
        it("applies the same limit to every written form", () => {
            const ds = validate(withService(["10.0.0.0/16", "FD12:3456:789A:0001:0000:0000:0000:0000/107"], "10.0.0.10", dualStackPlan()));
            expectFires(ds, { ruleId: "R14", severity: "error", path: "serviceCidrs[1]", includes: ["/107"] });
        });
    });

    describe("DNS service address placement in 10.0.0.0/16", () => {
        const at = (ip: string) => validate(withService(["10.0.0.0/16"], ip));

        it("R18 rejects the network address", () => {
            const ds = at("10.0.0.0");
            expectFires(ds, {
                ruleId: "R18",
                severity: "error",
                path: "dnsServiceIP",
                includes: [`"10.0.0.0"`, "network", `use "10.0.0.10"`],
            });
            expectOnly(ds, ["R18"]);
        });
        it("R19 rejects the first usable address (kubernetes.default)", () => {
            const ds = at("10.0.0.1");
            expectFires(ds, {
                ruleId: "R19",
                severity: "error",
                path: "dnsServiceIP",
                includes: [`"10.0.0.1"`, "first usable", `use "10.0.0.10"`],
            });
            expectSilent(ds, "R18");
            expectOnly(ds, ["R19"]);
        });
        it("accepts the second usable address (with the .10 advice, R20 info)", () => {
            const ds = at("10.0.0.2");
            expectClean(ds);
            expectFires(ds, { ruleId: "R20", severity: "info", path: "dnsServiceIP", includes: [`"10.0.0.2"`, `"10.0.0.10"`] });
        });
        it("accepts .10 without any notice", () => {
            const ds = at("10.0.0.10");
            expectClean(ds);
            expectSilent(ds, "R20");
            expectSilent(ds, "R17");
            expectSilent(ds, "R18");
            expectSilent(ds, "R19");
        });
        it("accepts the last-but-one address", () => {
            const ds = at("10.0.255.254");
            expectClean(ds);
            expectSilent(ds, "R18");
            expectFires(ds, { ruleId: "R20", severity: "info", path: "dnsServiceIP", includes: [`"10.0.255.254"`] });
        });
        it("R18 rejects the broadcast (last) address", () => {
            const ds = at("10.0.255.255");
            expectFires(ds, {
                ruleId: "R18",
                severity: "error",
                path: "dnsServiceIP",
                includes: [`"10.0.255.255"`, "broadcast", `use "10.0.0.10"`],
            });
            expectOnly(ds, ["R18"]);
        });
        it("R17 rejects the address just past the range and just before it", () => {
            for (const ip of ["10.1.0.0", "9.255.255.255", "10.1.0.10", "192.168.0.10"]) {
                const ds = at(ip);
                expectFires(ds, {
                    ruleId: "R17",
                    severity: "error",
                    path: "dnsServiceIP",
                    includes: [`"${ip}"`, "outside the IPv4 service CIDR", `serviceCidrs[0] "10.0.0.0/16"`, `use "10.0.0.10"`],
                });
                expectSilent(ds, "R18");
                expectOnly(ds, ["R17"]);
            }
        });
        it("R17 checks the IPv4 service CIDR of a dual-stack cluster", () => {
            const ds = validate(withService(["10.0.0.0/16", "fd12:3456:789a:1::/108"], "10.2.0.10", dualStackPlan()));
            expectFires(ds, { ruleId: "R17", severity: "error", path: "dnsServiceIP", includes: [`"10.2.0.10"`] });
        });
        it("R17 checks against the default service CIDR when only dnsServiceIP is set", () => {
            const p = overlayPlan();
            delete p.serviceCidrs;
            const ds = validate({ ...p, dnsServiceIP: "10.2.0.10" });
            expectFires(ds, { ruleId: "R17", severity: "error", path: "dnsServiceIP", includes: [`"10.2.0.10"`] });
        });
        it("R18/R19 in a small range name a fix inside it", () => {
            const small = validate(withService(["10.3.0.0/29"], "10.3.0.7"));
            expectFires(small, {
                ruleId: "R18",
                severity: "error",
                path: "dnsServiceIP",
                includes: ["broadcast", "10.3.0.0/29", "last-but-one"],
            });
            const first = validate(withService(["10.3.0.0/24"], "10.3.0.1"));
            expectFires(first, { ruleId: "R19", severity: "error", path: "dnsServiceIP", includes: [`use "10.3.0.10"`] });
        });
    });

    describe("R20 the .10 address is a recommendation only (D10)", () => {
        it("gives info for another valid address and never an error", () => {
            const ds = validate(withService(["10.0.0.0/16"], "10.0.0.53"));
            expectFires(ds, { ruleId: "R20", severity: "info", path: "dnsServiceIP", includes: [`"10.0.0.53"`, `"10.0.0.10"`] });
            expectClean(ds);
        });
        it("is silent for the .10 address of another range", () => {
            const ds = validate(withService(["172.20.0.0/16"], "172.20.0.10"));
            expectSilent(ds, "R20");
            expectClean(ds);
        });
    });

    describe("R21 serviceCidrs and dnsServiceIP set together", () => {
        it("fires when serviceCidrs is set without dnsServiceIP, proposing the .10 of the range", () => {
            const p = overlayPlan();
            delete p.dnsServiceIP;
            const ds = validate({ ...p, serviceCidrs: ["10.1.0.0/16"] });
            expectFires(ds, { ruleId: "R21", severity: "error", path: "dnsServiceIP", includes: ["10.0.0.10", `"10.1.0.10"`] });
            expectOnly(ds, ["R21"]);
        });
        it("fires when dnsServiceIP is set without serviceCidrs", () => {
            const p = overlayPlan();
            delete p.serviceCidrs;
            const ds = validate(p);
            expectFires(ds, { ruleId: "R21", severity: "error", path: "serviceCidrs", includes: [`"10.0.0.10"`, "set both or neither"] });
        });
        it("is silent when both are set, and when both are omitted", () => {
            expectSilent(validate(overlayPlan()), "R21");
            const p = overlayPlan();
            delete p.serviceCidrs;
            delete p.dnsServiceIP;
            const ds = validate(p);
            expectSilent(ds, "R21");
            expectClean(ds);
        });
    });

    describe("R22 single-stack defaults (info)", () => {
        it("notes the defaults taken, naming each", () => {
            const p = overlayPlan();
            delete p.podCidrs;
            delete p.serviceCidrs;
            delete p.dnsServiceIP;
            const ds = validate(p);
            expectFires(ds, {
                ruleId: "R22",
                severity: "info",
                path: "podCidrs",
                includes: ["10.244.0.0/16", "10.0.0.0/16", `"10.0.0.10"`],
            });
            expectClean(ds);
        });
        it("names the service defaults when only they are omitted", () => {
            const p = overlayPlan();
            delete p.serviceCidrs;
            delete p.dnsServiceIP;
            expectFires(validate(p), { ruleId: "R22", severity: "info", path: "serviceCidrs", includes: ["10.0.0.0/16"] });
        });
        it("is silent when everything is explicit", () => {
            expectSilent(validate(overlayPlan()), "R22");
        });
        it("the empty plan carries info only", () => {
            const ds = validate({});
            expectClean(ds);
            expectFires(ds, { ruleId: "R22", severity: "info", path: "podCidrs", includes: ["10.244.0.0/16"] });
        });
    });

    describe("R35 IPv4 service CIDR outside private space", () => {
        it("warns for public space and proposes a private range", () => {
            const ds = validate(withService(["20.0.0.0/16"], "20.0.0.10"));
            expectFires(ds, { ruleId: "R35", severity: "warning", path: "serviceCidrs[0]", includes: [`"20.0.0.0/16"`, 'use e.g. "10.'] });
            expectOnly(ds, ["R35"]);
        });
        for (const [cidr, dns] of [
            ["10.0.0.0/16", "10.0.0.10"],
            ["172.20.0.0/16", "172.20.0.10"],
            ["192.168.0.0/16", "192.168.0.10"],
            ["100.64.0.0/16", "100.64.0.10"],
        ]) {
            it(`is silent for ${cidr}`, () => {
                const ds = validate(withService([cidr], dns, managedVnet(overlayPlan())));
                expectSilent(ds, "R35");
                expectClean(ds);
            });
        }
    });
});
