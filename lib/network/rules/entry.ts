/**
 * Rule entries: each rule (or a few closely coupled ones) is a small named check that declares the
 * rule ids it reports. The runner hands every check a sink that accepts only those ids, with the
 * severities the catalogue lists for them; anything else becomes an internal error (R0) naming the
 * check and the id, so the catalogue and the checks cannot drift apart unnoticed.
 */
import { Severity, Sink } from "../../core/diagnostic";
import { Path } from "../../core/path";
import { Text } from "../../core/text";
import { RULES } from "../catalog";
import { RuleContext } from "./context";

/** What the runner knows of a check: its name and the rule ids it may report. */
export interface EntryInfo {
    /** The check's function name, shown in an internal error. */
    readonly name: string;
    /** The rule ids the check reports; the runner refuses any other. */
    readonly ids: readonly string[];
}

/** A check run once per plan. */
export interface RuleEntry extends EntryInfo {
    check(ctx: RuleContext): void;
}

/** A check run once per item of a list (a pool, a service CIDR). */
export interface ItemEntry<T> extends EntryInfo {
    check(ctx: RuleContext, item: T): void;
}

/**
 * Checks run item by item over one list: for each item, every entry in turn, so the findings of
 * several rules about the same items keep the list's order.
 */
export interface RuleLoop {
    /** What the loop runs over, e.g. `node pools`. */
    readonly over: string;
    readonly entries: readonly EntryInfo[];
    /** Runs every entry on every item, each with the context `contextOf` gives it. */
    run(base: RuleContext, contextOf: (entry: EntryInfo) => RuleContext): void;
}

/** One step of the rule run: a check, or a loop of checks. */
export type RuleStep = RuleEntry | RuleLoop;

/** An entry for a named check of the whole plan. */
export function rule(ids: readonly string[], check: (ctx: RuleContext) => void): RuleEntry {
    return { name: check.name, ids, check };
}

/** An entry for a named check of one item. */
export function itemRule<T>(ids: readonly string[], check: (ctx: RuleContext, item: T) => void): ItemEntry<T> {
    return { name: check.name, ids, check };
}

/** A loop over the items `items` gives, running `entries` on each item in turn. */
export function forEach<T>(over: string, items: (ctx: RuleContext) => readonly T[], entries: readonly ItemEntry<T>[]): RuleLoop {
    return {
        over,
        entries,
        run(base, contextOf) {
            for (const item of items(base)) {
                for (const entry of entries) entry.check(contextOf(entry), item);
            }
        },
    };
}

/** Every entry of the steps, loops opened, in run order. */
export function entriesOf(steps: readonly RuleStep[]): EntryInfo[] {
    return steps.flatMap((step) => ("run" in step ? [...step.entries] : [step]));
}

/** The severities the catalogue lists for each rule id (`"error/warning"` is both). */
const CATALOGUE_SEVERITIES = new Map(RULES.map((info) => [info.id, info.severity.split("/")]));

/**
 * A sink for one entry: findings with a declared id and a catalogued severity go through to `target`;
 * any other becomes an R0 error naming the entry and the id, at the finding's path.
 */
export class GuardedSink extends Sink {
    constructor(
        private readonly target: Sink,
        private readonly entry: EntryInfo,
    ) {
        super();
    }

    override add(severity: Severity, ruleId: string, path: Path, message: Text | string, azureErrorCode?: string): void {
        const problem = this.problem(severity, ruleId);
        if (problem === undefined) {
            this.target.add(severity, ruleId, path, message, azureErrorCode);
            return;
        }
        this.target.error(
            "R0",
            path,
            `internal error while validating the plan (the check ${this.entry.name} reported ${ruleId} as ${severity}, ${problem}); please report it with the plan`,
        );
    }

    private problem(severity: Severity, ruleId: string): string | undefined {
        if (!this.entry.ids.includes(ruleId)) return `which it does not declare (it declares ${this.entry.ids.join(", ")})`;
        const listed = CATALOGUE_SEVERITIES.get(ruleId);
        if (listed === undefined) return "which is not in the rule catalogue";
        if (!listed.includes(severity)) return `but the catalogue lists ${ruleId} as ${listed.join("/")}`;
        return undefined;
    }
}

/** Runs the steps in order, each entry with its own guarded sink over `base.s`. */
export function runEntries(steps: readonly RuleStep[], base: RuleContext): void {
    const contexts = new Map<EntryInfo, RuleContext>();
    const contextOf = (entry: EntryInfo): RuleContext => {
        let found = contexts.get(entry);
        if (found === undefined) {
            found = { ...base, s: new GuardedSink(base.s, entry) };
            contexts.set(entry, found);
        }
        return found;
    };
    for (const step of steps) {
        if ("run" in step) step.run(base, contextOf);
        else step.check(contextOf(step));
    }
}
