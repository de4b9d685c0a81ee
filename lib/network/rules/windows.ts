/**
 * Windows rules: System pools are Linux (R53), Azure CNI only (R54), no Cilium (R55), the
 * windowsProfile (R56, R50, R51), Azure NPM (R57), OS SKUs by OS and Kubernetes version (R77, R80).
 */
import { Path } from "../../core/path";
import { at, t } from "../../core/text";
import { versionAtLeast } from "../model";
import { show } from "../../core/words";
import { RuleContext } from "./context";
import { forEach, itemRule, rule, RuleStep } from "./entry";

/** R50: user names Azure refuses for Windows admins. */
export const DISALLOWED_WINDOWS_USERNAMES = [
    "administrator",
    "admin",
    "user",
    "user1",
    "test",
    "user2",
    "test1",
    "user3",
    "admin1",
    "1",
    "123",
    "a",
    "actuser",
    "adm",
    "admin2",
    "aspnet",
    "backup",
    "console",
    "david",
    "guest",
    "john",
    "owner",
    "root",
    "server",
    "sql",
    "support",
    "support_388945a0",
    "sys",
    "test2",
    "test3",
    "user4",
    "user5",
];
/** R51: passwords Azure refuses outright. */
export const DISALLOWED_WINDOWS_PASSWORDS = [
    "abc@123",
    "P@$$w0rd",
    "P@ssw0rd",
    "P@ssword123",
    "Pa$$word",
    "pass@word1",
    "Password!",
    "Password1",
    "Password22",
    "iloveyou!",
];

export const LINUX_OS_SKUS = ["Ubuntu", "Ubuntu2204", "Ubuntu2404", "AzureLinux", "AzureLinux3", "CBLMariner", "Mariner"];
export const WINDOWS_OS_SKUS = ["Windows2019", "Windows2022", "Windows2025", "WindowsAnnual"];

type Pool = RuleContext["m"]["pools"][number];

/** R53: System pools are Linux. */
function windowsPoolNotSystem(ctx: RuleContext, p: Pool): void {
    if (p.osType === "Windows" && p.mode === "System") {
        ctx.s.error(
            "R53",
            [...p.path, "mode"],
            t`${at(p.path, "mode")} "System" is not allowed for Windows pool ${p.display}; System pools must be Linux: set mode "User" and keep a Linux System pool`,
        );
    }
}

/** The plan's first Windows pool, where the cluster-wide Windows findings point. */
function firstWindowsPool(ctx: RuleContext): Pool | undefined {
    return ctx.m.pools.find((p) => p.osType === "Windows");
}

/** R54: Windows pools require Azure CNI. */
function windowsNeedsAzure(ctx: RuleContext): void {
    const { m, s } = ctx;
    const first = firstWindowsPool(ctx);
    if (first && m.plugin !== "azure") {
        s.error(
            "R54",
            [...first.path, "osType"],
            t`${at(first.path, "osType")} "Windows": pool ${first.display} needs ${at("networkPlugin")} "azure" (Windows agent pools can only be added to clusters using Azure CNI), not "${m.plugin}": use Azure CNI Overlay`,
            "AzureCNIOnlyForWindows",
        );
    }
}

/** R55: no Windows pools with the Cilium dataplane. */
function windowsWithoutCilium(ctx: RuleContext): void {
    const first = firstWindowsPool(ctx);
    if (first && ctx.m.dataplane === "cilium") {
        ctx.s.error(
            "R55",
            [...first.path, "osType"],
            t`${at(first.path, "osType")} "Windows": pool ${first.display} can't run on a cluster with ${at("networkDataplane")} "cilium" (Cilium is Linux-only): use the Azure dataplane, or keep Windows workloads on another cluster`,
        );
    }
}

/** R56: the profile must exist when the cluster is created (D17: warning). */
function windowsProfilePresent(ctx: RuleContext): void {
    if (firstWindowsPool(ctx) && !ctx.m.windowsProfile) {
        ctx.s.warn(
            "R56",
            ["windowsProfile"],
            t`${at("windowsProfile")} is missing while Windows pools are planned; it can only be set when the cluster is created: add { "adminUsername": "azureuser", "adminPassword": <a secret> }`,
            "WindowsProfileMissing",
        );
    }
}

/**
 * R57: Azure NPM on Windows nodes is retired: AKS stopped onboarding it and ended its support on
 * 2026-09-30 (Azure/AKS#3129; checked 2026-12-03), so it is an error now.
 */
function windowsAzurePolicy(ctx: RuleContext): void {
    if (firstWindowsPool(ctx) && ctx.m.policy === "azure") {
        ctx.s.error(
            "R57",
            ["networkPolicy"],
            t`${at("networkPolicy")} "azure" with Windows pools: AKS no longer supports Azure NPM on Windows nodes since 2026-09-30 and onboards no new subscriptions to it; use "calico" (chosen at cluster creation)`,
        );
    }
}

/** R50: windowsProfile.adminUsername rules. */
function windowsAdminUsername(ctx: RuleContext): void {
    const { m, s } = ctx;
    const wp = m.windowsProfile;
    if (!wp) return;
    const u = wp.adminUsername;
    if (u === undefined) {
        s.error(
            "R50",
            ["windowsProfile", "adminUsername"],
            t`${at("windowsProfile", "adminUsername")} is missing; give a name of 1-20 characters, e.g. "azureuser"`,
        );
    } else if (typeof u !== "string" || u.length === 0 || u.length > 20) {
        s.error(
            "R50",
            ["windowsProfile", "adminUsername"],
            t`${at("windowsProfile", "adminUsername")} ${show(u)} must be a string of 1-20 characters; use e.g. "azureuser"`,
        );
    } else if (u.endsWith(".")) {
        s.error(
            "R50",
            ["windowsProfile", "adminUsername"],
            t`${at("windowsProfile", "adminUsername")} "${u}" must not end in "."; remove the trailing dot, e.g. "${u.replace(/\.+$/, "") || "azureuser"}"`,
        );
    } else if (DISALLOWED_WINDOWS_USERNAMES.includes(u.toLowerCase())) {
        s.error(
            "R50",
            ["windowsProfile", "adminUsername"],
            t`${at("windowsProfile", "adminUsername")} "${u}" is a name Azure refuses for Windows admins; choose another, e.g. "azureuser"`,
        );
    }
}

/**
 * R51: windowsProfile.adminPassword rules (never echoed). Undefined means "generated elsewhere"
 * (e.g. a secret only known at deploy time).
 */
function windowsAdminPassword(ctx: RuleContext): void {
    const { m, s } = ctx;
    const wp = m.windowsProfile;
    if (!wp) return;
    const pw = wp.adminPassword;
    if (pw === undefined || pw === null) return;
    if (typeof pw !== "string") {
        s.error(
            "R51",
            ["windowsProfile", "adminPassword"],
            t`${at("windowsProfile", "adminPassword")} is ${typeof pw}; give a string of 14-123 characters`,
        );
        return;
    }
    const classes = [/[a-z]/, /[A-Z]/, /\d/, /[\W_]/].filter((re) => re.test(pw)).length;
    const path: Path = ["windowsProfile", "adminPassword"];
    if (DISALLOWED_WINDOWS_PASSWORDS.includes(pw)) {
        s.error("R51", path, t`${at(path)} (hidden) is on Azure's list of refused passwords; generate a random one`);
    } else if (pw.length < 14 || pw.length > 123) {
        // The API schema's minimum is 8, but AKS refuses fewer than 14 (WindowsProfilePasswordInvalid).
        s.error(
            "R51",
            path,
            t`${at(path)} (hidden) has ${pw.length} characters; AKS requires 14-123 and refuses others (WindowsProfilePasswordInvalid, although the API schema's minimum is 8): use 14 to 123 characters`,
            "WindowsProfilePasswordInvalid",
        );
    } else if (classes < 3) {
        s.error(
            "R51",
            path,
            t`${at(path)} (hidden) uses ${classes} of the 4 character classes; use at least 3 of lower case, upper case, digits and symbols`,
        );
    }
}

/** The OS SKUs of the pool's OS. */
function skusOf(p: Pool): string[] {
    return p.osType === "Windows" ? WINDOWS_OS_SKUS : LINUX_OS_SKUS;
}

/** R80: the OS SKU belongs to the pool's OS. */
function osSkuOfOs(ctx: RuleContext, p: Pool): void {
    const allowed = skusOf(p);
    if (p.osSku === null || allowed.includes(p.osSku)) return;
    const path: Path = [...p.path, "osSku"];
    ctx.s.error(
        "R80",
        path,
        t`${at(path)} "${p.osSku}" is not a ${p.osType} OS SKU; use one of ${allowed.map((x) => `"${x}"`).join(", ")}`,
    );
}

/**
 * R77: Windows OS SKUs by Kubernetes version, dated.
 * - Windows2019: retired 2026-03-01, not on Kubernetes >= 1.33 (Azure/AKS#4091).
 * - Windows2022: first announced as not on >= 1.35 (Azure/AKS#4168); the CHANGELOG of 2026-06-19 extended
 *   it to 2028-06-30 and moved the cut to 1.37. Newer source wins: an error from 1.37, a warning on 1.35-1.36.
 * - Windows2025: GA 2026-05-29 for Kubernetes >= 1.32.
 * - WindowsAnnual: retired 2026-05-15, no new pools.
 */
function windowsOsSkuVersion(ctx: RuleContext, p: Pool): void {
    const { m, s } = ctx;
    if (p.osSku === null || !skusOf(p).includes(p.osSku)) return;
    const path: Path = [...p.path, "osSku"];
    const v = m.version;
    const from = (major: number, minor: number) => versionAtLeast(v, major, minor);
    switch (p.osSku) {
        case "Windows2019":
            if (from(1, 33))
                s.error(
                    "R77",
                    path,
                    t`${at(path)} "Windows2019" is not supported on Kubernetes ${v.text} (1.33 and later; retired 2026-03-01): use "Windows2022" or "Windows2025"`,
                );
            else
                s.warn(
                    "R77",
                    path,
                    t`${at(path)} "Windows2019" was retired on 2026-03-01 and its images are removed on 2027-04-01: use "Windows2022" or "Windows2025"`,
                );
            break;
        case "Windows2022":
            if (from(1, 37))
                s.error(
                    "R77",
                    path,
                    t`${at(path)} "Windows2022" is not supported on Kubernetes ${v.text} (1.37 and later): use "Windows2025"`,
                );
            else if (from(1, 35))
                s.warn(
                    "R77",
                    path,
                    t`${at(path)} "Windows2022" on Kubernetes ${v.text}: AKS first announced no Windows2022 pools from 1.35 and later extended support to 1.36 (until 2028-06-30); plan "Windows2025"`,
                );
            break;
        case "Windows2025":
            if (!from(1, 32))
                s.error(
                    "R77",
                    path,
                    t`${at(path)} "Windows2025" needs Kubernetes 1.32 or later, not ${v.text}: upgrade the cluster or use "Windows2022"`,
                );
            break;
        case "WindowsAnnual":
            s.error(
                "R77",
                path,
                t`${at(path)} "WindowsAnnual" was retired on 2026-05-15 and new pools can't be created: use "Windows2025"`,
            );
            break;
    }
}

/** The Windows checks, in run order. */
export const windowsEntries: readonly RuleStep[] = [
    forEach("node pools", (ctx) => ctx.m.pools, [
        itemRule(["R53"], windowsPoolNotSystem),
        itemRule(["R80"], osSkuOfOs),
        itemRule(["R77"], windowsOsSkuVersion),
    ]),
    rule(["R54"], windowsNeedsAzure),
    rule(["R55"], windowsWithoutCilium),
    rule(["R56"], windowsProfilePresent),
    rule(["R50"], windowsAdminUsername),
    rule(["R51"], windowsAdminPassword),
    rule(["R57"], windowsAzurePolicy),
];
