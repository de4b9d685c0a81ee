/**
 * Windows: pool names (R44), pods per node (R47), the profile (R50, R51, R56), System pools (R53),
 * plugin and dataplane (R54, R55), Azure NPM (R57), OS SKUs (R77, R80). Passwords never appear in
 * a message.
 */
import * as assert from "node:assert/strict";
import { Diagnostic, NetworkPlan, NodePoolPlan } from "../../../lib/network";
import {
    expectClean,
    expectFires,
    expectOnly,
    expectSilent,
    GOOD_PASSWORD,
    kubenetPlan,
    nodeSubnetPlan,
    overlayPlan,
    validate,
    windowsPlan,
} from "./helpers";

/** The Windows baseline with its Windows pool changed. */
function withWindowsPool(changes: Partial<NodePoolPlan>, base: NetworkPlan = windowsPlan()): NetworkPlan {
    const pools = base.nodePools!.map((p) => (p.osType === "Windows" ? { ...p, ...changes } : p));
    return { ...base, nodePools: pools };
}

function withPassword(adminPassword: unknown): NetworkPlan {
    return { ...windowsPlan(), windowsProfile: { adminUsername: "azureuser", adminPassword: adminPassword as string } };
}

function withUsername(adminUsername: unknown): NetworkPlan {
    return { ...windowsPlan(), windowsProfile: { adminUsername: adminUsername as string, adminPassword: GOOD_PASSWORD } };
}

function assertNotEchoed(ds: Diagnostic[], secret: string): void {
    for (const d of ds) assert.ok(!d.message.includes(secret), `${d.ruleId} echoes the password: ${d.message}`);
}

describe("rules: Windows", () => {
    it("the Windows baseline has no error or warning", () => {
        expectClean(validate(windowsPlan()));
    });

    describe("R44 Windows node pool name <= 6 characters", () => {
        it("rejects 7 characters with the RP's code and a 6-character fix", () => {
            const ds = validate(withWindowsPool({ name: "winpool" }));
            expectFires(ds, {
                ruleId: "R44",
                severity: "error",
                path: "nodePools[1].name",
                azureErrorCode: "WindowsAgentPoolNameTooLong",
                includes: [`"winpool"`, "7 characters", `"winpoo"`],
            });
            expectOnly(ds, ["R44"]);
        });
        it("accepts 6 characters, and 7 on Linux", () => {
            const ds = validate(withWindowsPool({ name: "winnp1" }));
            expectSilent(ds, "R44");
            expectClean(ds);
            const linux = validate({ ...overlayPlan(), nodePools: [{ ...overlayPlan().nodePools![0], name: "linuxpl" }] });
            expectSilent(linux, "R44");
        });
    });

    describe("R47 Windows pods per node > 110 on overlay", () => {
        it("warns at 111", () => {
            const ds = validate(withWindowsPool({ maxPods: 111 }));
            expectFires(ds, { ruleId: "R47", severity: "warning", path: "nodePools[1].maxPods", includes: ["maxPods 111", "110 or less"] });
            expectOnly(ds, ["R47"]);
        });
        it("warns for the overlay default of 250", () => {
            const pool = { ...windowsPlan().nodePools![1] };
            delete pool.maxPods;
            const ds = validate({ ...windowsPlan(), nodePools: [windowsPlan().nodePools![0], pool] });
            expectFires(ds, { ruleId: "R47", severity: "warning", path: "nodePools[1].maxPods", includes: ["250", "overlay default"] });
        });
        it("is silent at 110, and on legacy Azure CNI", () => {
            const ds = validate(withWindowsPool({ maxPods: 110 }));
            expectSilent(ds, "R47");
            expectClean(ds);
            const legacy = nodeSubnetPlan();
            const w = {
                ...legacy,
                windowsProfile: windowsPlan().windowsProfile,
                nodePools: [legacy.nodePools![0], { ...windowsPlan().nodePools![1], maxPods: 200 }],
            };
            const lds = validate(w);
            expectSilent(lds, "R47");
            expectClean(lds);
        });
    });

    describe("R50 windowsProfile.adminUsername", () => {
        const bad: [unknown, string][] = [
            ["admin", "refuses"],
            ["Administrator", "refuses"],
            ["support_388945a0", "refuses"],
            ["a".repeat(21), "1-20 characters"],
            ["", "1-20 characters"],
            ["azure.", `must not end in "."`],
            [42, "1-20 characters"],
        ];
        for (const [name, why] of bad) {
            it(`rejects ${JSON.stringify(name)}`, () => {
                const ds = validate(withUsername(name));
                expectFires(ds, {
                    ruleId: "R50",
                    severity: "error",
                    path: "windowsProfile.adminUsername",
                    includes: ["windowsProfile.adminUsername", why],
                });
                expectOnly(ds, ["R50"]);
            });
        }
        it("rejects a missing user name", () => {
            const ds = validate({ ...windowsPlan(), windowsProfile: { adminPassword: GOOD_PASSWORD } });
            expectFires(ds, {
                ruleId: "R50",
                severity: "error",
                path: "windowsProfile.adminUsername",
                includes: ["missing", `"azureuser"`],
            });
        });
        for (const name of ["azureuser", "a".repeat(20), "ops.admin"]) {
            it(`accepts ${JSON.stringify(name)}`, () => {
                const ds = validate(withUsername(name));
                expectSilent(ds, "R50");
                expectClean(ds);
            });
        }
    });

    describe("R51 windowsProfile.adminPassword (14-123 characters, 3 classes, not a refused one)", () => {
        const errors: [string, string][] = [
            ["Sh0rt!x", "7 characters"],
            [`Aa1!${"x".repeat(120)}`, "124 characters"],
            ["alllowercase12345", "2 of the 4 character classes"],
            ["ALLUPPERCASE!!!!", "2 of the 4 character classes"],
            ["P@ssw0rd", "refused passwords"],
            ["Password1", "refused passwords"],
            ["P@ssword123", "refused passwords"],
        ];
        for (const [pw, why] of errors) {
            it(`rejects a password (${why}) without echoing it`, () => {
                const ds = validate(withPassword(pw));
                expectFires(ds, { ruleId: "R51", severity: "error", path: "windowsProfile.adminPassword", includes: [why, "(hidden)"] });
                expectOnly(ds, ["R51"]);
                assertNotEchoed(ds, pw);
            });
        }
        it("rejects a password that is not a string", () => {
            const ds = validate(withPassword(12345678));
            expectFires(ds, { ruleId: "R51", severity: "error", path: "windowsProfile.adminPassword", includes: ["number"] });
        });
        for (const pw of ["Abcdef1!", "Abcdefgh1!xyz"]) {
            it(`rejects ${pw.length} characters: AKS refuses fewer than 14 although the API schema allows 8`, () => {
                const ds = validate(withPassword(pw));
                expectFires(ds, {
                    ruleId: "R51",
                    severity: "error",
                    path: "windowsProfile.adminPassword",
                    azureErrorCode: "WindowsProfilePasswordInvalid",
                    includes: [`${pw.length} characters`, "14-123"],
                });
                expectOnly(ds, ["R51"]);
                assertNotEchoed(ds, pw);
            });
        }
        for (const pw of ["Abcdefgh1!xyzw", GOOD_PASSWORD, `Aa1!${"x".repeat(119)}`]) {
            it(`accepts a password of ${pw.length} characters`, () => {
                const ds = validate(withPassword(pw));
                expectSilent(ds, "R51");
                expectClean(ds);
            });
        }
        it("accepts an omitted password (generated at deploy time)", () => {
            const ds = validate({ ...windowsPlan(), windowsProfile: { adminUsername: "azureuser" } });
            expectSilent(ds, "R51");
        });
        it("never echoes the password, whatever else is wrong with the plan", () => {
            const pw = "Zq9!secretValue";
            const ds = validate({
                ...withWindowsPool({ name: "windowspool", maxPods: 251 }),
                networkPlugin: "kubenet",
                networkDataplane: "cilium",
                windowsProfile: { adminUsername: pw, adminPassword: pw, adminPasswrd: pw } as never,
            });
            assert.ok(ds.length > 5);
            for (const d of ds.filter((x) => x.path !== "windowsProfile.adminUsername")) {
                assert.ok(!d.message.includes(pw), `${d.ruleId} echoes the password: ${d.message}`);
            }
        });
    });

    describe("R53 System pools are Linux", () => {
        it("rejects a Windows System pool", () => {
            const ds = validate(withWindowsPool({ mode: "System" }));
            expectFires(ds, { ruleId: "R53", severity: "error", path: "nodePools[1].mode", includes: [`"win"`, `mode "User"`] });
            expectOnly(ds, ["R53"]);
        });
        it("is silent for a Windows User pool", () => {
            expectSilent(validate(windowsPlan()), "R53");
        });
    });

    describe("R54 Windows pools require Azure CNI", () => {
        it("rejects kubenet with the RP's code", () => {
            const k = kubenetPlan();
            const ds = validate({
                ...windowsPlan(),
                networkPlugin: "kubenet",
                networkPluginMode: undefined,
                nodePools: [k.nodePools![0], windowsPlan().nodePools![1]],
            });
            expectFires(ds, {
                ruleId: "R54",
                severity: "error",
                path: "nodePools[1].osType",
                azureErrorCode: "AzureCNIOnlyForWindows",
                includes: [`"win"`, `"kubenet"`],
            });
            expectOnly(ds, ["R54"]);
        });
        it("rejects networkPlugin none", () => {
            const p = windowsPlan();
            delete p.networkPluginMode;
            const ds = validate({ ...p, networkPlugin: "none" });
            expectFires(ds, { ruleId: "R54", severity: "error", path: "nodePools[1].osType", includes: [`"none"`] });
        });
        it("is silent on Azure CNI (overlay and node subnet)", () => {
            expectSilent(validate(windowsPlan()), "R54");
            const legacy = nodeSubnetPlan();
            const ds = validate({
                ...legacy,
                windowsProfile: windowsPlan().windowsProfile,
                nodePools: [legacy.nodePools![0], windowsPlan().nodePools![1]],
            });
            expectSilent(ds, "R54");
            expectClean(ds);
        });
    });

    describe("R55 no Windows pools with the Cilium dataplane", () => {
        it("rejects", () => {
            const ds = validate({ ...windowsPlan(), networkDataplane: "cilium" });
            expectFires(ds, {
                ruleId: "R55",
                severity: "error",
                path: "nodePools[1].osType",
                includes: [`networkDataplane "cilium"`, "Azure dataplane"],
            });
            expectOnly(ds, ["R55"]);
        });
        it("is silent on the Azure dataplane, and for Cilium without Windows pools", () => {
            expectSilent(validate(windowsPlan()), "R55");
            expectSilent(validate({ ...overlayPlan(), networkDataplane: "cilium" }), "R55");
        });
    });

    describe("R56 Windows pools without windowsProfile (D17)", () => {
        it("warns with the RP's code", () => {
            const p = windowsPlan();
            delete p.windowsProfile;
            const ds = validate(p);
            expectFires(ds, {
                ruleId: "R56",
                severity: "warning",
                path: "windowsProfile",
                azureErrorCode: "WindowsProfileMissing",
                includes: ["windowsProfile", `"adminUsername"`],
            });
            expectOnly(ds, ["R56"]);
        });
        it("warns for an explicit null", () => {
            expectFires(validate({ ...windowsPlan(), windowsProfile: null }), {
                ruleId: "R56",
                severity: "warning",
                path: "windowsProfile",
            });
        });
        it("is silent with a profile, and without Windows pools", () => {
            expectSilent(validate(windowsPlan()), "R56");
            expectSilent(validate(overlayPlan()), "R56");
        });
    });

    describe("R57 Azure NPM with Windows pools (D25)", () => {
        it("warns", () => {
            const ds = validate({ ...windowsPlan(), networkPolicy: "azure" });
            expectFires(ds, { ruleId: "R57", severity: "error", path: "networkPolicy", includes: ["2026-09-30", `"calico"`] });
            expectOnly(ds, ["R57"]);
        });
        it("is silent for Calico, and for Azure NPM without Windows pools", () => {
            const ds = validate({ ...windowsPlan(), networkPolicy: "calico" });
            expectSilent(ds, "R57");
            expectClean(ds);
            expectSilent(validate({ ...overlayPlan(), networkPolicy: "azure" }), "R57");
        });
    });

    describe("R77 Windows OS SKU vs Kubernetes version", () => {
        const sku = (osSku: string, kubernetesVersion: string) => validate({ ...withWindowsPool({ osSku }), kubernetesVersion });
        it("Windows2019: error from 1.33, warning (retired) before", () => {
            expectFires(sku("Windows2019", "1.33"), {
                ruleId: "R77",
                severity: "error",
                path: "nodePools[1].osSku",
                includes: [`"Windows2019"`, "1.33", `"Windows2025"`],
            });
            expectFires(sku("Windows2019", "1.32.9"), {
                ruleId: "R77",
                severity: "warning",
                path: "nodePools[1].osSku",
                includes: ["retired", `"Windows2022"`],
            });
        });
        it("Windows2022: silent to 1.34, warning on 1.35-1.36, error from 1.37", () => {
            const ok = sku("Windows2022", "1.34");
            expectSilent(ok, "R77");
            expectClean(ok);
            expectFires(sku("Windows2022", "1.35"), {
                ruleId: "R77",
                severity: "warning",
                path: "nodePools[1].osSku",
                includes: [`"Windows2025"`],
            });
            expectFires(sku("Windows2022", "1.36.4"), { ruleId: "R77", severity: "warning", path: "nodePools[1].osSku" });
            expectFires(sku("Windows2022", "1.37"), { ruleId: "R77", severity: "error", path: "nodePools[1].osSku", includes: ["1.37"] });
        });
        it("Windows2025: error before 1.32, silent from 1.32", () => {
            expectFires(sku("Windows2025", "1.31"), {
                ruleId: "R77",
                severity: "error",
                path: "nodePools[1].osSku",
                includes: ["1.32 or later"],
            });
            const ok = sku("Windows2025", "1.32");
            expectSilent(ok, "R77");
            expectClean(ok);
        });
        it("WindowsAnnual: error (retired)", () => {
            expectFires(sku("WindowsAnnual", "1.33"), {
                ruleId: "R77",
                severity: "error",
                path: "nodePools[1].osSku",
                includes: ["retired"],
            });
        });
    });

    describe("R80 OS SKU belongs to the pool's OS", () => {
        it("rejects a Windows SKU on a Linux pool", () => {
            const p = windowsPlan();
            const ds = validate({ ...p, nodePools: [{ ...p.nodePools![0], osSku: "Windows2022" }, p.nodePools![1]] });
            expectFires(ds, {
                ruleId: "R80",
                severity: "error",
                path: "nodePools[0].osSku",
                includes: [`"Windows2022"`, "Linux", `"AzureLinux"`],
            });
            expectOnly(ds, ["R80"]);
        });
        it("rejects a Linux SKU on a Windows pool", () => {
            const ds = validate(withWindowsPool({ osSku: "Ubuntu" }));
            expectFires(ds, {
                ruleId: "R80",
                severity: "error",
                path: "nodePools[1].osSku",
                includes: [`"Ubuntu"`, "Windows", `"Windows2025"`],
            });
        });
        it("is silent for matching SKUs", () => {
            const p = windowsPlan();
            const ds = validate({
                ...p,
                nodePools: [
                    { ...p.nodePools![0], osSku: "AzureLinux" },
                    { ...p.nodePools![1], osSku: "Windows2025" },
                ],
            });
            expectSilent(ds, "R80");
            expectClean(ds);
        });
    });
});
