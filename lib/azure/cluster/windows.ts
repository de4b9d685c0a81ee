/**
 * The Windows administrator password of an `AksCluster` (only at creation: AKS can't add it later).
 */
import * as pulumi from "@pulumi/pulumi";
import { RandomPassword } from "@pulumi/random/randomPassword";
import { validateNetworkPlan } from "../../network/validate";
import { AksClusterArgs } from "../clusterArgs";
import * as D from "../defaults";
import { ClusterDesign } from "../design";
import { reportFindings } from "./findings";

/** A generated password AKS accepts for Windows nodes. */
function generatedPassword(name: string, parent: pulumi.Resource): pulumi.Output<string> {
    const generated = new RandomPassword(
        `${name}-windowsAdminPassword`,
        {
            length: D.WINDOWS_PASSWORD_LENGTH,
            special: true,
            overrideSpecial: D.WINDOWS_PASSWORD_SPECIALS,
            minLower: 2,
            minUpper: 2,
            minNumeric: 2,
            minSpecial: 2,
        },
        { parent },
    );
    return pulumi.secret(generated.result);
}

/** The Windows password: the user's secret (checked at deploy time when not plain) or a generated one. */
export function windowsPassword(name: string, design: ClusterDesign, args: AksClusterArgs, parent: pulumi.Resource): pulumi.Output<string> {
    const given = args.windows?.adminPassword;
    if (given === undefined) return generatedPassword(name, parent);
    if (typeof given === "string") return pulumi.secret(given);
    return pulumi.secret(
        pulumi.output(given).apply((pw) => {
            const problems = validateNetworkPlan({
                windowsProfile: { adminUsername: design.windows?.adminUsername ?? D.DEFAULT_WINDOWS_ADMIN, adminPassword: pw },
            })
                .filter((d) => d.ruleId === "R51")
                .map((d) => design.paths.relocate(d));
            reportFindings(`invalid AksCluster "${name}" arguments; the cluster was not created`, problems, parent);
            return pw;
        }),
    );
}
