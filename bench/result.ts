/**
 * The shape of every measurement's result, as printed and as written to bench/results/latest.json.
 */

/**
 * `pass`/`fail`: a budget was measured and met or missed. `info`: measured, no budget applies.
 * `incomplete`: the thing to measure does not exist yet (or only in part), so the budget was NOT
 * checked. `error`: the measurement itself broke.
 */
export type Status = "pass" | "fail" | "info" | "incomplete" | "error";

/** One line of the results table. */
export interface Row {
    figure: string;
    value: string;
    budget: string;
    status: Status;
}

/** A budget and the measured value it was judged on. */
export interface Budget {
    name: string;
    /** The measured value (median or ratio of medians), or null when not measured. */
    value: number | null;
    limit: number;
    /** `value < limit` or `value <= limit`. */
    op: "<" | "<=";
    unit: "ms" | "ratio";
    status: Status;
}

export interface Measurement {
    id: string;
    title: string;
    status: Status;
    rows: Row[];
    budgets: Budget[];
    notes: string[];
    /** Raw samples and details, for the JSON file. */
    data: unknown;
}

/** Judges a measured value against a limit. */
export function budget(name: string, value: number | null, op: "<" | "<=", limit: number, unit: Budget["unit"]): Budget {
    const status: Status =
        value === null || !Number.isFinite(value) ? "incomplete" : (op === "<" ? value < limit : value <= limit) ? "pass" : "fail";
    return { name, value, limit, op, unit, status };
}

/** The worst status of a list: error > fail > incomplete > pass > info. */
export function worst(statuses: Status[]): Status {
    for (const s of ["error", "fail", "incomplete", "pass"] as const) if (statuses.includes(s)) return s;
    return "info";
}

/** A measurement that could not run at all. */
export function errored(id: string, title: string, e: unknown): Measurement {
    const message = e instanceof Error ? e.message : String(e);
    return {
        id,
        title,
        status: "error",
        rows: [{ figure: title, value: `error: ${message.split("\n")[0]}`, budget: "", status: "error" }],
        budgets: [],
        notes: [message],
        data: null,
    };
}
