/**
 * The planner's sink and value wording, from the package's core (kept here for the modules that import
 * them from the planner).
 */
export { Sink } from "../core/diagnostic";
export { closest, isRecord, kindOf, oneOf, show } from "../core/words";
