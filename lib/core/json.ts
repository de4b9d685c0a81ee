/**
 * JSON values in the components' arguments and outputs. Pulumi's schema inference (the multi-language
 * package's schema, @pulumi/pulumi provider/experimental/analyzer.ts) maps `any` to `pulumi.json#/Any`
 * and refuses `unknown`, unions of non-literals and `null` unions. The planner's report and plan use
 * all of these, so where a component passes them through (its `networkPlan` outputs, a cluster's
 * `core`) they are JSON values for other languages. TypeScript callers read them as the typed value
 * named in each property's documentation (e.g. `const report: NetworkPlanReport = cluster.networkPlan`).
 *
 * Pure: no Pulumi imports.
 */

/**
 * A JSON value (an object, array, string, number, boolean or null) whose type the property's
 * documentation names.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema's pulumi.json#/Any; see the module comment
export type JsonValue = any;
