/**
 * The network an `AksCluster` builds on, as the rest of the cluster waits for it: the design's plan for
 * a VNet it creates, or Azure's view of a subnet of your own, read and validated before anything
 * depends on it (previews included).
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { PathRow } from "../../core/diagnostic";
import { NetworkPlan, NetworkPlanReport } from "../../network/types";
import { ClusterDesign, parseSubnetId, subnetIdProblem } from "../design";
import { checkExistingNetwork } from "../existingNetwork";
import { logFindings, throwErrors } from "./findings";

/** The network the cluster is built on, once known (plain data: class instances don't travel through outputs). */
export interface NetworkGate {
    /** The plan's report, with Azure's view of a network of your own. */
    report: NetworkPlanReport;
    /** The plan, with Azure's view of a network of your own. */
    plan: NetworkPlan;
    /** The rows of the plan's path table. */
    pathRows: PathRow[];
    /** The id of the subnet of your own ("" for a created VNet). */
    subnetId: string;
    /** The name of the subnet of your own ("" for a created VNet). */
    subnetName: string;
}

/** The gate of a created VNet: the design's plan, known now. */
export function plannedNetwork(design: ClusterDesign): pulumi.Output<NetworkGate> {
    return pulumi.output({ report: design.report, plan: design.plan, pathRows: [...design.paths.rows()], subnetId: "", subnetName: "" });
}

/** The parts of `network.nodeSubnetId`, or a deploy-time error (A11) naming it. */
function subnetParts(name: string, id: pulumi.Output<string>, parent: pulumi.Resource) {
    return id.apply((text) => {
        const p = parseSubnetId(text);
        if (!p) {
            const problem = subnetIdProblem(text);
            throwErrors(`invalid AksCluster "${name}" arguments; the cluster was not created`, [problem], parent);
        }
        return p as NonNullable<typeof p>;
    });
}

/** Read the subnet of your own, its VNet and peerings, and validate the plan against them. */
export function checkOwnNetwork(name: string, design: ClusterDesign, parent: pulumi.Resource): pulumi.Output<NetworkGate> {
    const id = pulumi.output(design.network.nodeSubnetId as pulumi.Input<string>);
    const parts = subnetParts(name, id, parent);
    // Invokes are made once the id is known to be a subnet id, so a bad id fails once, with the message above.
    const azure = parts.apply((p) =>
        pulumi.all([
            network.getSubnetOutput(p, { parent }),
            network.getVirtualNetworkOutput(
                { resourceGroupName: p.resourceGroupName, virtualNetworkName: p.virtualNetworkName },
                { parent },
            ),
        ]),
    );
    return pulumi.all([id, parts, azure]).apply(([subnetId, p, [s, v]]) => {
        const check = checkExistingNetwork(design, p.subnetName, s, v);
        logFindings(check.added, parent);
        throwErrors(
            `AksCluster "${name}": the network in Azure (VNet "${v.name}", subnet "${p.subnetName}") doesn't fit the plan; the cluster was not created`,
            check.diagnostics,
            parent,
        );
        return { report: check.report, plan: check.plan, pathRows: [...check.paths.rows()], subnetId, subnetName: p.subnetName };
    });
}
