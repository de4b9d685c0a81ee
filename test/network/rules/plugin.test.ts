/**
 * Plugin, mode, dataplane and policy combinations (R5-R12, R15, R16, R23, R68) and outbound types
 * (R65, R66).
 */
import * as assert from "node:assert/strict";
import { NetworkPlan } from "../../../lib/network";
import {
    expectClean,
    expectFires,
    expectOnly,
    expectSilent,
    kubenetPlan,
    managedVnet,
    nodeSubnetPlan,
    overlayPlan,
    podSubnetPlan,
    systemPool,
    validate,
} from "./helpers";

function kubenetWith(changes: Partial<NetworkPlan>): NetworkPlan {
    return { ...kubenetPlan(), ...changes };
}

describe("rules: plugin, mode, dataplane and policy", () => {
    it("the mode baselines have no error or warning", () => {
        expectClean(validate(overlayPlan()));
        expectClean(validate(kubenetPlan()));
        expectClean(validate(nodeSubnetPlan()));
        expectClean(validate(podSubnetPlan()));
    });

    describe("R5 overlay requires networkPlugin azure", () => {
        it("fires for kubenet + overlay", () => {
            const ds = validate({ ...overlayPlan(), networkPlugin: "kubenet" });
            expectFires(ds, {
                ruleId: "R5",
                severity: "error",
                path: "networkPluginMode",
                includes: [`"overlay"`, `"kubenet"`, `set networkPlugin to "azure"`],
            });
        });
        it("fires for none + overlay", () => {
            const ds = validate({ ...overlayPlan(), networkPlugin: "none" });
            expectFires(ds, { ruleId: "R5", severity: "error", path: "networkPluginMode", includes: [`"none"`] });
        });
        it("is silent for azure + overlay, and for overlay with the plugin omitted (defaults to azure)", () => {
            expectSilent(validate(overlayPlan()), "R5");
            const p = overlayPlan();
            delete p.networkPlugin;
            const ds = validate(p);
            expectSilent(ds, "R5");
            expectClean(ds);
        });
    });

    describe("R6 podCidrs only with kubenet, overlay or none", () => {
        it("fires for legacy Azure CNI (node subnet) with podCidrs", () => {
            const ds = validate({ ...nodeSubnetPlan(), podCidrs: ["10.244.0.0/16"] });
            const d = expectFires(ds, {
                ruleId: "R6",
                severity: "error",
                path: "podCidrs",
                includes: ["node subnet", `networkPluginMode "overlay"`, "remove podCidrs"],
            });
            // The az CLI's exception class is not an AKS resource provider code.
            assert.equal(d.azureErrorCode, undefined);
            expectOnly(ds, ["R6"]);
        });
        it("fires for Azure CNI pod subnet with podCidrs", () => {
            const ds = validate({ ...podSubnetPlan(), podCidrs: ["10.244.0.0/16"] });
            expectFires(ds, { ruleId: "R6", severity: "error", path: "podCidrs", includes: ["pod subnet"] });
        });
        it("is silent for overlay and kubenet with podCidrs, and for node subnet without", () => {
            expectSilent(validate(overlayPlan()), "R6");
            expectSilent(validate(kubenetPlan()), "R6");
            const ds = validate(nodeSubnetPlan());
            expectSilent(ds, "R6");
        });
    });

    describe("R7 Cilium dataplane requires networkPlugin azure", () => {
        it("fires for kubenet + cilium", () => {
            const ds = validate(kubenetWith({ networkDataplane: "cilium" }));
            expectFires(ds, {
                ruleId: "R7",
                severity: "error",
                path: "networkDataplane",
                includes: [`"cilium"`, `"kubenet"`, "Azure CNI"],
            });
        });
        it("fires for none + cilium", () => {
            const p = overlayPlan();
            delete p.networkPluginMode;
            const ds = validate({ ...p, networkPlugin: "none", networkDataplane: "cilium" });
            expectFires(ds, { ruleId: "R7", severity: "error", path: "networkDataplane", includes: [`"none"`] });
        });
        it("is silent for azure overlay + cilium", () => {
            const ds = validate({ ...overlayPlan(), networkDataplane: "cilium" });
            expectSilent(ds, "R7");
            expectClean(ds);
        });
    });

    describe("R8 networkPolicy cilium requires the Cilium dataplane", () => {
        it("fires for policy cilium on the Azure dataplane", () => {
            const ds = validate({ ...overlayPlan(), networkPolicy: "cilium" });
            expectFires(ds, {
                ruleId: "R8",
                severity: "error",
                path: "networkPolicy",
                includes: [`"cilium"`, `networkDataplane to "cilium"`],
                azureErrorCode: "NetworkPolicyCiliumRequiresCiliumDataplane",
            });
            expectOnly(ds, ["R8"]);
        });
        it("is silent for policy cilium on the Cilium dataplane", () => {
            const ds = validate({ ...overlayPlan(), networkPolicy: "cilium", networkDataplane: "cilium" });
            expectSilent(ds, "R8");
            expectClean(ds);
        });
    });

    describe("R9 Cilium dataplane requires policy cilium or omitted (D9)", () => {
        for (const policy of ["azure", "calico", "none"] as const) {
            it(`fires for an explicit networkPolicy "${policy}"`, () => {
                const ds = validate({ ...overlayPlan(), networkDataplane: "cilium", networkPolicy: policy });
                expectFires(ds, {
                    ruleId: "R9",
                    severity: "error",
                    path: "networkPolicy",
                    includes: [`"${policy}"`, `set networkPolicy to "cilium" or leave it out`],
                    azureErrorCode: "CiliumDataplaneRequiresNetworkPolicyCilium",
                });
            });
        }
        it("is silent with the policy omitted (Cilium enforces policy itself)", () => {
            const ds = validate({ ...overlayPlan(), networkDataplane: "cilium" });
            expectSilent(ds, "R9");
            expectClean(ds);
        });
        it("is silent with policy cilium", () => {
            expectSilent(validate({ ...overlayPlan(), networkDataplane: "cilium", networkPolicy: "cilium" }), "R9");
        });
    });

    describe("R10 networkPolicy azure requires networkPlugin azure", () => {
        it("fires for kubenet with the RP's error code", () => {
            const ds = validate(kubenetWith({ networkPolicy: "azure" }));
            expectFires(ds, {
                ruleId: "R10",
                severity: "error",
                path: "networkPolicy",
                includes: [`"azure"`, `"kubenet"`, `"calico"`],
                azureErrorCode: "NetworkPolicyAzureNotSupportedForKubenet",
            });
        });
        it("fires for networkPlugin none", () => {
            const p = overlayPlan();
            delete p.networkPluginMode;
            const ds = validate({ ...p, networkPlugin: "none", networkPolicy: "azure" });
            expectFires(ds, { ruleId: "R10", severity: "error", path: "networkPolicy", includes: [`"none"`] });
        });
        it("is silent for Azure CNI", () => {
            const ds = validate({ ...overlayPlan(), networkPolicy: "azure" });
            expectSilent(ds, "R10");
            expectClean(ds);
        });
    });

    describe("R11 networkPolicy calico requires azure or kubenet", () => {
        it("fires for networkPlugin none", () => {
            const p = overlayPlan();
            delete p.networkPluginMode;
            const ds = validate({ ...p, networkPlugin: "none", networkPolicy: "calico" });
            expectFires(ds, {
                ruleId: "R11",
                severity: "error",
                path: "networkPolicy",
                includes: [`"calico"`, `"none"`, "leave networkPolicy out"],
            });
        });
        it("is silent for kubenet and Azure CNI", () => {
            const k = validate(kubenetWith({ networkPolicy: "calico" }));
            expectSilent(k, "R11");
            expectClean(k);
            const a = validate({ ...overlayPlan(), networkPolicy: "calico" });
            expectSilent(a, "R11");
            expectClean(a);
        });
    });

    describe("R12 Azure NPM and Calico need Kubernetes >= 1.30", () => {
        for (const policy of ["azure", "calico"] as const) {
            for (const version of ["1.29", "1.29.15", "1.9"]) {
                it(`fires for ${policy} on ${version}`, () => {
                    const ds = validate({ ...overlayPlan(), networkPolicy: policy, kubernetesVersion: version });
                    expectFires(ds, {
                        ruleId: "R12",
                        severity: "error",
                        path: "kubernetesVersion",
                        includes: [`"${version}"`, `"${policy}"`, "1.30 or later"],
                    });
                    expectOnly(ds, ["R12"]);
                });
            }
            for (const version of ["1.30", "1.30.0", "1.31", "1.100"]) {
                it(`is silent for ${policy} on ${version}`, () => {
                    const ds = validate({ ...overlayPlan(), networkPolicy: policy, kubernetesVersion: version });
                    expectSilent(ds, "R12");
                    expectClean(ds);
                });
            }
        }
        it("is silent for the Cilium policy on an old version", () => {
            expectSilent(
                validate({ ...overlayPlan(), networkDataplane: "cilium", networkPolicy: "cilium", kubernetesVersion: "1.29" }),
                "R12",
            );
        });
    });

    describe("R15 Azure NPM beyond 250 nodes", () => {
        const plan = (userNodes: { count?: number; maxCount?: number }) => ({
            ...overlayPlan(),
            networkPolicy: "azure" as const,
            nodePools: [systemPool(), { name: "user", mode: "User" as const, maxPods: 250, subnet: "aks-nodes", ...userNodes }],
        });
        it("fires at 251 nodes", () => {
            const ds = validate(plan({ count: 248 }));
            expectFires(ds, { ruleId: "R15", severity: "warning", path: "nodePools", includes: ["251 nodes", "250"] });
            expectOnly(ds, ["R15"]);
        });
        it("counts the autoscaler maximum", () => {
            const ds = validate(plan({ count: 1, maxCount: 248 }));
            expectFires(ds, { ruleId: "R15", severity: "warning", path: "nodePools", includes: ["251 nodes"] });
        });
        it("is silent at exactly 250 nodes", () => {
            const ds = validate(plan({ count: 247 }));
            expectSilent(ds, "R15");
            expectClean(ds);
        });
        it("is silent beyond 250 nodes with another policy", () => {
            const ds = validate({ ...plan({ count: 248 }), networkPolicy: "calico" });
            expectSilent(ds, "R15");
        });
    });

    describe("retirement and mode notices (info)", () => {
        it("R16 kubenet retirement", () => {
            const ds = validate(kubenetPlan());
            expectFires(ds, { ruleId: "R16", severity: "info", path: "networkPlugin", includes: ["2028-03-31", "Azure CNI Overlay"] });
            expectSilent(validate(overlayPlan()), "R16");
        });
        it("R23 Azure NPM retirement", () => {
            const ds = validate({ ...overlayPlan(), networkPolicy: "azure" });
            expectFires(ds, { ruleId: "R23", severity: "info", path: "networkPolicy", includes: ["2028-09-30", "Cilium"] });
            expectClean(ds);
            expectSilent(validate({ ...overlayPlan(), networkPolicy: "calico" }), "R23");
        });
        it("R68 Cilium on overlay, pod subnet and node subnet (D8: node subnet accepted)", () => {
            const o = validate({ ...overlayPlan(), networkDataplane: "cilium" });
            expectFires(o, { ruleId: "R68", severity: "info", path: "networkDataplane", includes: ["overlay"] });
            const n = validate({ ...nodeSubnetPlan(), networkDataplane: "cilium" });
            expectFires(n, { ruleId: "R68", severity: "info", path: "networkDataplane", includes: ["node subnet"] });
            expectClean(n);
            const ps = validate({ ...podSubnetPlan(), networkDataplane: "cilium" });
            expectFires(ps, { ruleId: "R68", severity: "info", path: "networkDataplane", includes: ["pod subnet"] });
            expectClean(ps);
            expectSilent(validate(overlayPlan()), "R68");
        });
    });

    describe("R65 userDefinedRouting / userAssignedNATGateway need a subnet of your own", () => {
        for (const outboundType of ["userDefinedRouting", "userAssignedNATGateway"] as const) {
            it(`fires for ${outboundType} on an AKS-managed VNet`, () => {
                const ds = validate({ ...managedVnet(overlayPlan()), outboundType });
                expectFires(ds, {
                    ruleId: "R65",
                    severity: "error",
                    path: "outboundType",
                    includes: [`"${outboundType}"`, "add nodeSubnets"],
                });
                expectOnly(ds, ["R65"]);
            });
            it(`is silent for ${outboundType} with a subnet of your own`, () => {
                const ds = validate({ ...overlayPlan(), outboundType });
                expectSilent(ds, "R65");
                expectClean(ds);
            });
        }
    });

    describe("R66 managedNATGateway can't use a subnet of your own", () => {
        it("fires with nodeSubnets", () => {
            const ds = validate({ ...overlayPlan(), outboundType: "managedNATGateway" });
            expectFires(ds, {
                ruleId: "R66",
                severity: "error",
                path: "outboundType",
                includes: [`"managedNATGateway"`, `"userAssignedNATGateway"`],
            });
            expectOnly(ds, ["R66"]);
        });
        it("is silent on an AKS-managed VNet", () => {
            const ds = validate({ ...managedVnet(overlayPlan()), outboundType: "managedNATGateway" });
            expectSilent(ds, "R66");
            expectClean(ds);
        });
    });
});
