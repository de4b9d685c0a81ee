/**
 * VNet structure and names: subnets inside the VNet and disjoint (R62), subnet references (R63),
 * name lengths (R64), API server authorized ranges (R69) and the docker bridge (R70).
 */
import { NetworkPlan } from "../../../lib/network";
import {
    expectClean,
    expectFires,
    expectOnly,
    expectSilent,
    kubenetPlan,
    managedVnet,
    overlayPlan,
    podSubnetPlan,
    systemPool,
    validate,
} from "./helpers";

function withSubnets(base: NetworkPlan, ...nodeSubnets: { name: string; cidr: string }[]): NetworkPlan {
    return { ...base, nodeSubnets };
}

describe("rules: VNet structure, names, API server ranges, docker bridge", () => {
    describe("R62 subnets inside the VNet and disjoint", () => {
        it("rejects a subnet outside every address space", () => {
            const ds = validate(
                withSubnets(overlayPlan(), { name: "aks-nodes", cidr: "10.224.0.0/16" }, { name: "other", cidr: "10.240.0.0/24" }),
            );
            expectFires(ds, {
                ruleId: "R62",
                severity: "error",
                path: "nodeSubnets[1].cidr",
                includes: ["10.240.0.0/24", "not inside any VNet address space", "10.224.0.0/12"],
            });
            expectOnly(ds, ["R62"]);
        });
        it("rejects a subnet straddling the edge of the space", () => {
            const ds = validate({
                ...overlayPlan(),
                vnetAddressSpaces: ["10.224.0.0/16"],
                nodeSubnets: [{ name: "aks-nodes", cidr: "10.224.0.0/15" }],
            });
            expectFires(ds, { ruleId: "R62", severity: "error", path: "nodeSubnets[0].cidr", includes: ["10.224.0.0/15"] });
        });
        it("rejects overlapping subnets at the later one", () => {
            const ds = validate(
                withSubnets(overlayPlan(), { name: "aks-nodes", cidr: "10.224.0.0/16" }, { name: "other", cidr: "10.224.128.0/17" }),
            );
            expectFires(ds, {
                ruleId: "R62",
                severity: "error",
                path: "nodeSubnets[1].cidr",
                includes: ["10.224.128.0/17", "lies inside nodeSubnets[0]", "must not overlap"],
            });
            // Reported once, at the later subnet only.
            expectSilent(
                ds.filter((d) => d.path === "nodeSubnets[0].cidr"),
                "R62",
            );
        });
        it("is silent for disjoint subnets inside the space, up to its last block", () => {
            const ds = validate(
                withSubnets(overlayPlan(), { name: "aks-nodes", cidr: "10.224.0.0/16" }, { name: "other", cidr: "10.239.255.0/24" }),
            );
            expectSilent(ds, "R62");
            expectClean(ds);
        });
    });

    describe("R63 subnet references resolve", () => {
        it("rejects an unknown node subnet and lists the known ones", () => {
            const ds = validate({ ...overlayPlan(), nodePools: [systemPool({ subnet: "aks-nodez" })] });
            expectFires(ds, {
                ruleId: "R63",
                severity: "error",
                path: "nodePools[0].subnet",
                includes: [`"aks-nodez"`, `one of "aks-nodes"`],
            });
            expectOnly(ds, ["R63"]);
        });
        it("rejects an unknown pod subnet", () => {
            const ds = validate({ ...podSubnetPlan(), nodePools: [systemPool({ maxPods: 110, podSubnet: "pods" })] });
            expectFires(ds, { ruleId: "R63", severity: "error", path: "nodePools[0].podSubnet", includes: [`"pods"`, `"aks-pods"`] });
        });
        it("rejects a subnet reference on an AKS-managed VNet", () => {
            const ds = validate({ ...managedVnet(overlayPlan()), nodePools: [systemPool({ subnet: "aks-nodes" })] });
            expectFires(ds, { ruleId: "R63", severity: "error", path: "nodePools[0].subnet", includes: ["add the subnet to nodeSubnets"] });
        });
        it("is silent when references resolve or are omitted (first subnet)", () => {
            expectSilent(validate(overlayPlan()), "R63");
            const pool = systemPool();
            delete pool.subnet;
            const ds = validate({ ...overlayPlan(), nodePools: [pool] });
            expectSilent(ds, "R63");
            expectClean(ds);
        });
    });

    describe("R64 subnet, VNet and resource group names <= 63 characters", () => {
        const long = "n".repeat(64);
        it("is an error on overlay (VNet name)", () => {
            const ds = validate({ ...overlayPlan(), names: { vnet: long } });
            expectFires(ds, {
                ruleId: "R64",
                severity: "error",
                path: "names.vnet",
                includes: ["64 characters", "63 characters or fewer"],
            });
            expectOnly(ds, ["R64"]);
        });
        it("is an error on overlay (subnet name)", () => {
            const ds = validate({
                ...withSubnets(overlayPlan(), { name: long, cidr: "10.224.0.0/16" }),
                nodePools: [systemPool({ subnet: long })],
            });
            expectFires(ds, { ruleId: "R64", severity: "error", path: "nodeSubnets[0].name", includes: ["64 characters"] });
        });
        it("is a warning on other modes (resource group name)", () => {
            const ds = validate({ ...kubenetPlan(), names: { resourceGroup: long } });
            expectFires(ds, { ruleId: "R64", severity: "warning", path: "names.resourceGroup", includes: ["64 characters"] });
            expectOnly(ds, ["R64"]);
        });
        it("is silent at 63 characters", () => {
            const ok = "n".repeat(63);
            const ds = validate({ ...overlayPlan(), names: { vnet: ok, resourceGroup: ok, subnet: ok } });
            expectSilent(ds, "R64");
            expectClean(ds);
        });
    });

    describe("R69 API server authorized IP ranges", () => {
        it("rejects private ranges", () => {
            const ds = validate({ ...overlayPlan(), apiServerAuthorizedIpRanges: ["20.1.2.0/24", "10.1.0.0/16"] });
            expectFires(ds, {
                ruleId: "R69",
                severity: "error",
                path: "apiServerAuthorizedIpRanges[1]",
                includes: [`"10.1.0.0/16"`, "public"],
            });
            expectOnly(ds, ["R69"]);
        });
        it("rejects IPv6 ranges", () => {
            const ds = validate({ ...overlayPlan(), apiServerAuthorizedIpRanges: ["2001:db8::/32"] });
            expectFires(ds, { ruleId: "R69", severity: "error", path: "apiServerAuthorizedIpRanges[0]", includes: ["IPv4 only"] });
        });
        it("rejects 0.0.0.0/32 combined with other ranges", () => {
            const ds = validate({ ...overlayPlan(), apiServerAuthorizedIpRanges: ["0.0.0.0/32", "20.1.2.3/32"] });
            expectFires(ds, {
                ruleId: "R69",
                severity: "error",
                path: "apiServerAuthorizedIpRanges[0]",
                includes: ["0.0.0.0/32", "can't be combined"],
            });
        });
        it("accepts public ranges, and 0.0.0.0/32 alone", () => {
            const ds = validate({ ...overlayPlan(), apiServerAuthorizedIpRanges: ["20.1.2.0/24", "52.10.0.1/32"] });
            expectSilent(ds, "R69");
            expectClean(ds);
            expectSilent(validate({ ...overlayPlan(), apiServerAuthorizedIpRanges: ["0.0.0.0/32"] }), "R69");
        });
    });

    describe("R70 dockerBridgeCidr", () => {
        it("notes that it is deprecated (info)", () => {
            const ds = validate({ ...overlayPlan(), dockerBridgeCidr: "172.17.0.1/16" });
            expectFires(ds, { ruleId: "R70", severity: "info", path: "dockerBridgeCidr", includes: ["deprecated", "remove it"] });
            expectClean(ds);
        });
        it("warns when it overlaps the service CIDR or a subnet", () => {
            const ds = validate({ ...overlayPlan(), dockerBridgeCidr: "10.0.0.0/16" });
            expectFires(ds, {
                ruleId: "R70",
                severity: "warning",
                path: "dockerBridgeCidr",
                otherSeverities: true,
                includes: [`"10.0.0.0/16"`, "serviceCidrs[0]"],
            });
            const sub = validate({ ...overlayPlan(), dockerBridgeCidr: "10.224.0.1/24" });
            expectFires(sub, {
                ruleId: "R70",
                severity: "warning",
                path: "dockerBridgeCidr",
                otherSeverities: true,
                includes: ["nodeSubnets[0]"],
            });
        });
        it("is silent without dockerBridgeCidr", () => {
            expectSilent(validate(overlayPlan()), "R70");
        });
    });
});
