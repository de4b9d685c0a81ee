/**
 * How the components report findings: warnings and advice logged on the component, errors thrown as
 * one error listing every problem.
 */
import * as pulumi from "@pulumi/pulumi";
import { formatDiagnostic } from "../../network/report";
import { Diagnostic } from "../../network/types";
import { formatProblems } from "../design";

/** Log every finding that isn't an error: warnings as warnings, info as info, on the component. */
export function logFindings(diagnostics: readonly Diagnostic[], resource: pulumi.Resource): void {
    for (const d of diagnostics) {
        if (d.severity === "warning") void pulumi.log.warn(formatDiagnostic(d), resource);
        else if (d.severity === "info") void pulumi.log.info(formatDiagnostic(d), resource);
    }
}

/** Log the findings that aren't errors, then throw one error listing the errors under `title`, if any. */
export function reportFindings(title: string, diagnostics: readonly Diagnostic[], resource: pulumi.Resource): void {
    logFindings(diagnostics, resource);
    throwErrors(title, diagnostics, resource);
}

/** Throw one error listing the errors among `diagnostics` under `title`, if any (nothing is logged). */
export function throwErrors(title: string, diagnostics: readonly Diagnostic[], resource: pulumi.Resource): void {
    const errors = diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) throw new pulumi.ResourceError(formatProblems(title, errors), resource, true);
}
