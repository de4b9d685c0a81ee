/**
 * A network plan built from resource props, with the table that maps every plan path back to the
 * resource and property it came from, and the plan paths whose values are not known yet.
 *
 * A place is a resource (its index in the stack) and a path in its props; in the path table it is the
 * path `[index, ...propertyPath]`, so the core's `PathMap` maps the planner's paths segment by segment.
 *
 * Pure: no Pulumi imports.
 */
import { PathRow } from "../core/diagnostic";
import { Path } from "../core/path";
import { isUnknown, listOf, UNKNOWN, valueAt } from "./props";

/** A resource's property: the resource's index in the stack and the path in its props. */
export interface Place {
    resource: number;
    path: Path;
}

/** A plan path whose value is unknown, and where that value sits. */
export interface UnknownValue {
    plan: Path;
    place: Place;
}

/** Collects a plan, its path rows and its unknown values. */
export class PlanBuilder {
    readonly plan: Record<string, unknown> = {};
    readonly rows: PathRow[] = [];
    readonly unknown: UnknownValue[] = [];

    /** Map a plan path (and everything under it) to a place. */
    row(plan: Path, place: Place, more: Partial<PathRow> = {}): void {
        this.rows.push({ from: plan, to: [place.resource, ...place.path], ...more });
    }

    /** Record that the value at `plan` is unknown (found at `place`). */
    markUnknown(plan: Path, place: Place): void {
        this.unknown.push({ plan, place });
    }

    /**
     * The value at a place for the plan: `undefined` when absent; unknown values (and lists holding one)
     * are recorded against `plan` and read as absent. Any other value, well-formed or not, is returned
     * as it is: the planner reports ill-shaped values as findings.
     */
    read(plan: Path, place: Place, props: unknown): unknown {
        const value = valueAt(props, place.path);
        const list = Array.isArray(value) ? listOf(value) : undefined;
        if (isUnknown(value) || (list !== undefined && (list === UNKNOWN || list.some(isUnknown)))) {
            this.markUnknown(plan, place);
            return undefined;
        }
        return value;
    }

    /** Copy a prop into `target[key]` (the plan or one of its pools), mapping the plan path to the place. */
    copy(target: Record<string, unknown>, key: string, plan: Path, place: Place, props: unknown): void {
        const value = this.read(plan, place, props);
        if (value === undefined) return;
        target[key] = value;
        this.row(plan, place);
    }
}
