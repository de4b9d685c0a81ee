/**
 * Argument shapes of the Azure components: the package's one reader (`core/shape.ts`) with a builder for
 * `pulumi.Input`s, so each shape is typed against the interface it describes.
 */
import type * as pulumi from "@pulumi/pulumi";
import { inputOf, S as CORE_S, Shape } from "../core/shape";

export * from "../core/shape";

/** Shape builders, with `input` for `pulumi.Input` fields. */
export const S = {
    ...CORE_S,
    /** A `pulumi.Input`: a plain value of the shape, or an Output or Promise (checked by Pulumi later). */
    input<T>(of: Shape<T>): Shape<pulumi.Input<T>> {
        return inputOf<pulumi.Input<T>>(of);
    },
};
