/**
 * The one reader: a declarative description of a value's shape (objects, lists, maps, strings,
 * numbers, booleans, enum values, values a Pulumi program may pass as Outputs), checked before anything
 * else runs, by the components (their arguments), the stack program (its config) and the CLI (its files).
 *
 * Input comes from TypeScript, from plain JavaScript and from YAML, so it can be anything. `checkShape`
 * walks a value against its shape and reports every problem at once (rule `A22` unless the caller names another)
 * with the user's path (`network.vnet.subnets`, `nodePools[2].taints[0].effect`), what was given, what
 * is allowed and a fix; unknown keys get a "did you mean". It also returns a cleaned copy in which every
 * ill-shaped part is dropped, so the rest of the design still runs and its findings still appear:
 *
 * - an optional field of the wrong shape is left out (its default applies);
 * - a list entry of the wrong shape (or an object entry missing a required field) is left out, and
 *   `renumber` maps the cleaned list's indexes back to the ones the user wrote;
 * - an object missing a required field is dropped as a whole (and so is its parent field, if optional).
 *
 * The shapes themselves live next to the interfaces they describe (`azure/clusterArgs.ts`,
 * `azure/nodePoolArgs.ts`, `stack/config.ts`, ...), typed so that the compiler refuses a shape that misses
 * a key, adds one, gets its optionality wrong or gives it another type. `azure/shape.ts` adds the builder
 * for `pulumi.Input`s.
 *
 * The planner (`network/model.ts`) and the Service linter (`k8s/serviceModel.ts`) read their input
 * through the same walker with their own words: a shape may carry its rule id, the message for a value
 * it refuses, a parser for values only a function can judge (a CIDR, a version), what an unknown key is
 * (a warning of its own rule) and how the checked value becomes the reader's model (`ShapeOptions`).
 *
 * Pure: no Pulumi imports (Outputs are recognised by the SDK's `__pulumiOutput` marker).
 */
import { Diagnostic, diagnostic, mapPaths, Severity } from "./diagnostic";
import { formatPath, hasPrefix, Path, Segment } from "./path";
import { at, t, Text } from "./text";
import { closest, kindOf, oneOf, show } from "./words";

/** The rule id of argument shape problems. */
export const SHAPE_RULE = "A22";

/** A shape, untyped: what `checkShape` walks. */
export type ShapeNode = (
    | { readonly kind: "string"; readonly nonEmpty?: boolean }
    | { readonly kind: "number"; readonly integer?: "any" | "safe" }
    | { readonly kind: "boolean" }
    | { readonly kind: "enum"; readonly name: string; readonly values: readonly string[] }
    | { readonly kind: "list"; readonly of: ShapeNode; readonly keepEmpty?: boolean }
    | { readonly kind: "map"; readonly of: ShapeNode }
    | { readonly kind: "input"; readonly of: ShapeNode }
    | ObjectShapeNode
    | {
          readonly kind: "opaque";
          readonly type: string;
          readonly what: string;
          readonly fix: string;
          readonly test: (v: unknown) => boolean;
      }
    | { readonly kind: "any" }
    | ParseShapeNode
    | { readonly kind: "union"; readonly of: readonly ShapeNode[] }
) &
    ShapeOptions;

/**
 * What any shape may say besides its kind, for readers with words of their own (the planner, the
 * Service linter). Without them a shape reads as the component arguments read.
 */
export interface ShapeOptions {
    /** The rule id of a problem with this value. @default - the reader's rule id */
    readonly rule?: string;
    /**
     * The message for a value this shape refuses (of the wrong kind, or not one of its values), naming
     * the path. @default - the reader's words (`... is 5 (number); write a string`)
     */
    readonly wrong?: (path: Path, value: unknown) => Text;
    /** Read null as left out. @default false (null is refused) */
    readonly nullIsAbsent?: boolean;
    /**
     * Turns the checked value into the reader's own (e.g. a model entry), given its path and the value as
     * written. @default - the checked value
     */
    readonly build?: (value: unknown, path: Path, given: unknown) => unknown;
}

/** What a parser makes of one value: the value to keep, a problem, or both. */
export interface Reading {
    /** The value to keep; undefined drops it (the default applies). */
    readonly value?: unknown;
    /** What is wrong with the value, naming its path. @default - nothing */
    readonly problem?: Text;
    /** The rule id of the problem. @default - the shape's, else the reader's rule id */
    readonly rule?: string;
    /** The AKS resource provider's error code for the problem. @default - none */
    readonly code?: string;
}

/** A value only a parser can judge (a CIDR, an address, a version); it sees null and, when required, undefined. */
export interface ParseShapeNode {
    /** `parse`. */
    readonly kind: "parse";
    /** What the value is, e.g. `a CIDR`. */
    readonly name: string;
    /** Reads the value at `path`. */
    readonly parse: (value: unknown, path: Path) => Reading;
}

/** What an object's keys that are not its fields are. */
export interface UnknownKeys {
    /** The rule id. */
    readonly rule: string;
    /** The severity (a reader may ignore such keys and say so). */
    readonly severity: Severity;
    /** The fields in the order messages name them and guesses prefer. @default - the fields' order */
    readonly known?: readonly string[];
    /** The "did you mean" for a key. @default closest */
    readonly guess?: (key: string, known: readonly string[]) => string | undefined;
    /** The message, naming the key's path. */
    readonly message: (path: Path, guess: string | undefined, known: readonly string[]) => Text;
}

/** The shape of an argument interface. */
export interface ObjectShapeNode {
    /** `object`. */
    readonly kind: "object";
    /** The interface's name, e.g. `SubnetArgs`. */
    readonly name: string;
    /** A short example of a valid value, shown in fixes. */
    readonly example: string;
    /** Every field of the interface. */
    readonly fields: { readonly [key: string]: FieldNode };
    /** Keys that are not fields: `ignore`d, or problems in a reader's own words. @default - A22 errors with a "did you mean" */
    readonly unknown?: UnknownKeys | "ignore";
}

/** One field of an object shape. */
export interface FieldNode {
    /** The field's value shape (without `undefined`). */
    readonly shape: ShapeNode;
    /** False for optional (`?`) fields. */
    readonly required: boolean;
    /**
     * A required field that is missing or ill-shaped is reported in its shape's own words and the object
     * is kept without it. @default false (reported as missing, and the object is dropped)
     */
    readonly keepParent?: boolean;
}

/**
 * The shape of a value of type `T`. The type parameter is checked both ways (a shape of `string` is
 * not a shape of `pulumi.Input<string>`, nor the reverse), so a schema can't drift from its interface.
 */
export type Shape<T> = ShapeNode & { readonly __type?: (value: T) => T };

/** A field whose value has type `T`, required when `R` is true. */
export interface Field<T, R extends boolean> extends FieldNode {
    /** The field's value shape. */
    readonly shape: Shape<T>;
    /** Whether the field must be given. */
    readonly required: R;
}

/** The fields of an object shape: exactly the keys of `T`, each with its type and optionality. */
export type Fields<T> = { [K in keyof T]-?: Field<NonNullable<T[K]>, {} extends Pick<T, K> ? false : true> };

/** An object shape of `T`, with its fields typed. */
export type ObjectShape<T> = Shape<T> & ObjectShapeNode & { readonly fields: Fields<T> };

/** Shape builders. */
export const S = {
    /** A string. */
    string: { kind: "string" } as Shape<string>,
    /** A finite number. */
    number: { kind: "number" } as Shape<number>,
    /** `true` or `false`. */
    boolean: { kind: "boolean" } as Shape<boolean>,
    /** One value of a TypeScript string enum. */
    enumOf<E extends string>(name: string, values: { [key: string]: E }): Shape<E> {
        return { kind: "enum", name, values: Object.values(values) };
    },
    /** A list. */
    list<T>(of: Shape<T>): Shape<T[]> {
        return { kind: "list", of };
    },
    /** An object with any keys and values of one shape (labels, tags). */
    map<T>(of: Shape<T>): Shape<{ [key: string]: T }> {
        return { kind: "map", of };
    },
    /** An argument interface. */
    object<T>(name: string, example: string, fields: Fields<T>): ObjectShape<T> {
        return { kind: "object", name, example, fields } as ObjectShape<T>;
    },
    /**
     * A value only a test function can judge (e.g. a resource object): `type` is its TypeScript type's
     * name, `what` reads "an AksCluster ...", `fix` says what to pass instead.
     */
    opaque<T>(type: string, what: string, fix: string, test: (v: unknown) => boolean): Shape<T> {
        return { kind: "opaque", type, what, fix, test };
    },
    /** Any value, as it is (a later rule judges it). */
    any: { kind: "any" } as Shape<unknown>,
    /** A value a parser reads (`what` names it in messages): a CIDR, an address, a version. */
    parse<T>(what: string, parse: (value: unknown, path: Path) => Reading, options: ShapeOptions = {}): Shape<T> {
        return { kind: "parse", name: what, parse, ...options };
    },
    /** The first of the shapes that reads the value's kind (e.g. an object entry, or a CIDR string). */
    union<T>(of: readonly ShapeNode[], options: ShapeOptions = {}): Shape<T> {
        return { kind: "union", of, ...options };
    },
};

/**
 * A value that may also be given as an Output or a Promise (checked by Pulumi later), typed by the
 * caller: `azure/shape.ts` types it as `pulumi.Input<T>`.
 */
export function inputOf<I>(of: ShapeNode): Shape<I> {
    return { kind: "input", of };
}

/** A required field. */
export function req<T>(shape: Shape<T>): Field<T, true> {
    return { shape, required: true };
}

/** An optional field. */
export function opt<T>(shape: Shape<T>): Field<T, false> {
    return { shape, required: false };
}

/** What `checkShape` found. */
export interface ShapeCheck<T> {
    /** The value with every ill-shaped part dropped; undefined when the value itself is unusable. */
    value: T | undefined;
    /** One error per problem, in the user's paths. */
    problems: Diagnostic[];
    /** Entries kept of lists that lost some, by the list's path as the user wrote it (`formatPath`). */
    kept: ReadonlyMap<string, readonly number[]>;
    /**
     * A path in the cleaned value's terms with the indexes the user wrote (`nodePools[1]` is
     * `nodePools[2]` when the user's second pool was dropped). Apply it once.
     */
    renumber(path: Path): Path;
}

const DROP = Symbol("drop");
type Checked = unknown | typeof DROP;

/** True for a Pulumi Output (the SDK marks every Output instance with `__pulumiOutput`). */
export function isOutput(v: unknown): boolean {
    return typeof v === "object" && v !== null && (v as { __pulumiOutput?: unknown }).__pulumiOutput === true;
}

function isPromise(v: unknown): boolean {
    return (typeof v === "object" || typeof v === "function") && v !== null && typeof (v as { then?: unknown }).then === "function";
}

/** A plain object (or a class instance), not a list, Output, Promise, Date, Map or the like. */
function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && Object.prototype.toString.call(v) === "[object Object]" && !isOutput(v) && !isPromise(v);
}

/** The value as a message shows it: `"x" (string)`, `5 (number)`, `a pulumi Output`. */
function given(v: unknown): string {
    if (isOutput(v)) return "a pulumi Output";
    if (isPromise(v)) return "a Promise";
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
        const proto = Object.getPrototypeOf(v);
        if (proto !== null && proto !== Object.prototype) {
            const ctor = (proto as { constructor?: { name?: unknown } }).constructor?.name;
            return `an object${typeof ctor === "string" && ctor ? ` of class ${ctor}` : ""}`;
        }
    }
    if (v === undefined) return "undefined";
    if (v === null) return "null";
    return `${show(v)} (${kindOf(v).replace(/^an? /, "")})`;
}

/** What a shape accepts, e.g. `a list of SubnetArgs objects`. */
export function expected(shape: ShapeNode): string {
    switch (shape.kind) {
        case "string":
            return shape.nonEmpty ? "a non-empty string" : "a string";
        case "number":
            return shape.integer ? "a whole number" : "a number";
        case "boolean":
            return "true or false";
        case "enum":
            return `one of ${oneOf(shape.values)}`;
        case "list":
            return `a list of ${plural(shape.of)}`;
        case "map":
            return `an object whose values are ${plural(shape.of)}`;
        case "input":
            return `${expected(shape.of)} (or a pulumi Output of one)`;
        case "object":
            return `an object (${shape.name}) such as ${shape.example}`;
        case "opaque":
            return shape.what;
        case "any":
            return "any value";
        case "parse":
            return shape.name;
        case "union":
            return shape.of.map(expected).join(" or ");
    }
}

function plural(shape: ShapeNode): string {
    switch (shape.kind) {
        case "string":
            return shape.nonEmpty ? "non-empty strings" : "strings";
        case "number":
            return shape.integer ? "whole numbers" : "numbers";
        case "boolean":
            return "booleans";
        case "enum":
            return `${shape.name} values (${oneOf(shape.values)})`;
        case "list":
            return `lists of ${plural(shape.of)}`;
        case "map":
            return "objects";
        case "input":
            return `${plural(shape.of)} (or pulumi Outputs)`;
        case "object":
            return `${shape.name} objects such as ${shape.example}`;
        case "opaque":
            return shape.what;
        case "any":
            return "values";
        case "parse":
            return `${shape.name} values`;
        case "union":
            return shape.of.map(plural).join(" or ");
    }
}

/** A hint for the commonest slips: numbers and booleans written as strings in YAML, and the reverse. */
function slip(v: unknown, shape: ShapeNode): string {
    if (shape.kind === "input") return slip(v, shape.of);
    if (shape.kind === "string" && (typeof v === "number" || typeof v === "boolean")) return ` (in YAML, quote it: "${String(v)}")`;
    if (shape.kind === "number" && typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return ` (write ${v.trim()} without quotes)`;
    if (shape.kind === "boolean" && typeof v === "string" && /^(true|false)$/i.test(v.trim()))
        return ` (write ${v.trim().toLowerCase()} without quotes)`;
    if (shape.kind === "list" && v !== null && v !== undefined && !Array.isArray(v) && quietlyFits(v, shape.of))
        return ` (a single entry is still a list: write [${show(v)}])`;
    return "";
}

/** True when a value fits a shape, without reporting anything. */
function quietlyFits(v: unknown, shape: ShapeNode): boolean {
    const probe = new Walker();
    return probe.check(v, shape, [], true) !== DROP && probe.problems.length === 0;
}

/** True when a value is of the kind a shape reads (a union reads it with its first such option). */
function takes(shape: ShapeNode, v: unknown): boolean {
    switch (shape.kind) {
        case "string":
        case "enum":
            return typeof v === "string";
        case "number":
            return typeof v === "number";
        case "boolean":
            return typeof v === "boolean";
        case "list":
            return Array.isArray(v);
        case "map":
        case "object":
            return isRecord(v);
        case "input":
            return isOutput(v) || isPromise(v) || takes(shape.of, v);
        case "opaque":
            return shape.test(v);
        case "union":
            return shape.of.some((option) => takes(option, v));
        case "any":
        case "parse":
            return true;
    }
}

/** True for a finite number, and a whole (or safe whole) one where the shape says so. */
function isNumber(v: unknown, integer: "any" | "safe" | undefined): v is number {
    if (typeof v !== "number" || !Number.isFinite(v)) return false;
    return integer === undefined || (integer === "safe" ? Number.isSafeInteger(v) : Number.isInteger(v));
}

/**
 * True when a value passes a plain shape (a string, number, boolean or enum value, or any value) as it
 * is: `check` would return it unchanged and report nothing, so the walk skips it and makes no path for it.
 */
function passes(v: unknown, shape: ShapeNode): boolean {
    if (shape.build !== undefined) return false;
    switch (shape.kind) {
        case "any":
            return true;
        case "string":
            return typeof v === "string" && (!shape.nonEmpty || v.length > 0);
        case "number":
            return isNumber(v, shape.integer);
        case "boolean":
            return typeof v === "boolean";
        case "enum":
            return typeof v === "string" && shape.values.includes(v);
        default:
            return false;
    }
}

/** The path of a key or index under a path (array literals for the short paths most values sit at: they are the cheapest). */
function child(path: Path, segment: Segment): Path {
    switch (path.length) {
        case 0:
            return [segment];
        case 1:
            return [path[0], segment];
        case 2:
            return [path[0], path[1], segment];
        case 3:
            return [path[0], path[1], path[2], segment];
        default:
            return [...path, segment];
    }
}

class Walker {
    readonly problems: Diagnostic[] = [];
    readonly kept = new Map<string, number[]>();

    /**
     * @param rootName the path of a problem with the whole value (other paths start below it).
     * @param ruleId the rule id of every problem a shape does not give its own.
     * @param base where the value sits, when given: every path starts there, a problem with the whole value too.
     */
    constructor(
        private readonly rootName = "args",
        private readonly ruleId = SHAPE_RULE,
        private readonly base?: Path,
    ) {}

    /** How a message names the whole value: the component's arguments, or `the <rootName>`. */
    private rootWords(): string {
        return this.rootName === "args" ? "the arguments are" : `the ${this.rootName} is`;
    }

    private report(path: Path, message: Text, rule?: string, severity: Severity = "error", code?: string): void {
        const where = path.length > 0 || this.base !== undefined ? path : [this.rootName];
        this.problems.push(diagnostic(severity, rule ?? this.ruleId, where, message, code));
    }

    /** A value of the wrong kind: what was given, what is allowed (the fix), and whether it may be left out. */
    private wrong(path: Path, v: unknown, shape: ShapeNode, optional: boolean): typeof DROP {
        if (shape.wrong !== undefined) {
            this.report(path, shape.wrong(path, v), shape.rule);
            return DROP;
        }
        const root = path.length === 0;
        const leaveOut = optional ? (root ? ", or leave them out" : ", or leave it out for the default") : "";
        const subject = root ? t`${this.rootWords()}` : t`${at(path)} is`;
        if (isOutput(v) || isPromise(v)) {
            this.report(
                path,
                t`${subject} ${given(v)}, but ${root ? "they" : "it"} must be a plain value known when the program runs (validated before anything deploys, and shaping the resources); write ${expected(shape)}${leaveOut}`,
                shape.rule,
            );
        } else {
            this.report(path, t`${subject} ${given(v)}; write ${expected(shape)}${slip(v, shape)}${leaveOut}`, shape.rule);
        }
        return DROP;
    }

    check(v: unknown, shape: ShapeNode, path: Path, optional: boolean): Checked {
        if (v === undefined && optional) return undefined;
        if (v === null && shape.nullIsAbsent) return undefined;
        const checked = this.checkKind(v, shape, path, optional);
        return checked === DROP || shape.build === undefined ? checked : shape.build(checked, path, v);
    }

    private checkKind(v: unknown, shape: ShapeNode, path: Path, optional: boolean): Checked {
        switch (shape.kind) {
            case "any":
                return v;
            case "parse":
                return this.parse(v, shape, path);
            case "union":
                return this.union(v, shape, path, optional);
        }
        if (v === undefined || v === null) return this.wrong(path, v, shape, optional);
        switch (shape.kind) {
            case "input":
                return isOutput(v) || isPromise(v) ? v : this.check(v, shape.of, path, optional);
            case "string":
                return typeof v === "string" && (!shape.nonEmpty || v.length > 0) ? v : this.wrong(path, v, shape, optional);
            case "number":
                return isNumber(v, shape.integer) ? v : this.wrong(path, v, shape, optional);
            case "boolean":
                return typeof v === "boolean" ? v : this.wrong(path, v, shape, optional);
            case "enum":
                return this.enumValue(v, shape, path, optional);
            case "list":
                return this.list(v, shape, path, optional);
            case "map":
                return this.map(v, shape, path, optional);
            case "object":
                return this.object(v, shape, path, optional);
            case "opaque":
                if (shape.test(v)) return v;
                this.report(
                    path,
                    t`${path.length === 0 ? this.rootWords() : t`${at(path)} is`} not ${shape.what} (given: ${given(v)}); ${shape.fix}`,
                    shape.rule,
                );
                return DROP;
        }
    }

    private parse(v: unknown, shape: ParseShapeNode & ShapeOptions, path: Path): Checked {
        const reading = shape.parse(v, path);
        if (reading.problem !== undefined) this.report(path, reading.problem, reading.rule ?? shape.rule, "error", reading.code);
        return reading.value === undefined ? DROP : reading.value;
    }

    private union(v: unknown, shape: { of: readonly ShapeNode[] } & ShapeOptions, path: Path, optional: boolean): Checked {
        for (let i = 0; i < shape.of.length; i++) if (takes(shape.of[i], v)) return this.check(v, shape.of[i], path, optional);
        return this.wrong(path, v, shape as ShapeNode, optional);
    }

    private enumValue(
        v: unknown,
        shape: { name: string; values: readonly string[] } & ShapeOptions,
        path: Path,
        optional: boolean,
    ): Checked {
        if (typeof v === "string" && shape.values.includes(v)) return v;
        if (shape.wrong !== undefined) return this.wrong(path, v, shape as ShapeNode, optional);
        const leaveOut = optional ? ", or leave it out for the default" : "";
        if (typeof v !== "string") {
            this.report(path, t`${at(path)} ${given(v)} is not a valid ${shape.name}; use ${oneOf(shape.values)}${leaveOut}`, shape.rule);
            return DROP;
        }
        const guess = closest(v, shape.values);
        const hint =
            guess === undefined
                ? ""
                : guess.toLowerCase() === v.toLowerCase()
                  ? ` (did you mean "${guess}"? values are case-sensitive)`
                  : ` (did you mean "${guess}"?)`;
        this.report(path, t`${at(path)} ${show(v)} is not a valid ${shape.name}${hint}; use ${oneOf(shape.values)}${leaveOut}`, shape.rule);
        return DROP;
    }

    private list(v: unknown, shape: { kind: "list"; of: ShapeNode; keepEmpty?: boolean }, path: Path, optional: boolean): Checked {
        if (!Array.isArray(v)) return this.wrong(path, v, shape, optional);
        const out: unknown[] = [];
        // The indexes kept, made at the first entry left out (most lists lose none).
        let kept: number[] | undefined;
        for (let i = 0; i < v.length; i++) {
            const r = passes(v[i], shape.of) ? v[i] : this.check(v[i], shape.of, child(path, i), false);
            if (r === DROP) {
                kept ??= out.map((_, index) => index);
                continue;
            }
            out.push(r);
            kept?.push(i);
        }
        if (kept !== undefined) {
            // Nothing usable left: an empty list is not what the user wrote either, so the default applies.
            if (kept.length === 0 && optional && !shape.keepEmpty) return DROP;
            this.kept.set(formatPath(path), kept);
        }
        return out;
    }

    private map(v: unknown, shape: { kind: "map"; of: ShapeNode }, path: Path, optional: boolean): Checked {
        if (!isRecord(v)) return this.wrong(path, v, shape, optional);
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) {
            const r = this.check(x, shape.of, child(path, k), false);
            // defineProperty: a key such as "__proto__" stays an ordinary key.
            if (r !== DROP) Object.defineProperty(out, k, { value: r, enumerable: true, writable: true, configurable: true });
        }
        return out;
    }

    private object(v: unknown, shape: ObjectShapeNode, path: Path, optional: boolean): Checked {
        if (!isRecord(v)) return this.wrong(path, v, shape as ShapeNode, optional);
        if (shape.unknown !== "ignore") this.unknownKeys(v, shape, path);
        const out: Record<string, unknown> = {};
        let usable = true;
        for (const key in shape.fields) {
            const field = shape.fields[key];
            const x = v[key];
            // Most optional fields are left out: no path is made for them.
            if (x === undefined && !field.required) continue;
            const drops = field.required && !field.keepParent;
            if (x === undefined && drops) {
                const p = child(path, key);
                this.report(p, t`${at(p)} is missing; every ${shape.name} needs ${key} (${expected(field.shape)}), e.g. ${shape.example}`);
                usable = false;
                continue;
            }
            const r = passes(x, field.shape) ? x : this.check(x, field.shape, child(path, key), !field.required);
            if (r === DROP) {
                if (drops) usable = false;
            } else if (r !== undefined) {
                out[key] = r;
            }
        }
        return usable ? out : DROP;
    }

    /** Keys of an object that are none of its shape's fields: the shape's own words, or A22's with a "did you mean". */
    private unknownKeys(v: Record<string, unknown>, shape: ObjectShapeNode, path: Path): void {
        const own = shape.unknown === "ignore" ? undefined : shape.unknown;
        let known: readonly string[] | undefined;
        // for-in visits the own keys in Object.keys order without making their list (a record has no inherited keys).
        for (const key in v) {
            if (!Object.prototype.hasOwnProperty.call(v, key) || Object.prototype.hasOwnProperty.call(shape.fields, key)) continue;
            known ??= own?.known ?? Object.keys(shape.fields);
            const guess = (own?.guess ?? closest)(key, known);
            const p = child(path, key);
            if (own !== undefined) {
                this.report(p, own.message(p, guess, known), own.rule, own.severity);
                continue;
            }
            this.report(
                p,
                t`${at(p)} (given: ${given(v[key])}) is not an argument of ${shape.name}; ${guess ? `did you mean "${guess}"? Rename it` : `remove it (${shape.name} takes ${known.join(", ")})`}`,
            );
        }
    }
}

/** How `checkShape` reads a value. */
export interface ReadOptions {
    /** Whether the value itself may be left out. @default true */
    optional?: boolean;
    /** The path of a problem with the whole value, and how messages name it. @default "args" */
    rootName?: string;
    /** The rule id of every problem a shape does not give its own. @default "A22" */
    ruleId?: string;
    /**
     * Where the value sits: every path starts here, and a problem with the whole value has this path
     * (`[]` for a plan or a manifest read as a whole). @default - problems with the whole value have the path `[rootName]`
     */
    at?: Path;
}

/**
 * Check a value against a shape. Never throws. `optional` says whether the value itself may be left
 * out (the component's whole arguments may); a problem with the whole value has the path `rootName`;
 * every problem has the rule id `ruleId` unless its shape names another.
 */
export function checkShape<T>(value: unknown, shape: Shape<T>, optional?: boolean, rootName?: string, ruleId?: string): ShapeCheck<T>;
/** Check a value against a shape, as the options say. Never throws. */
export function checkShape<T>(value: unknown, shape: Shape<T>, options: ReadOptions): ShapeCheck<T>;
export function checkShape<T>(
    value: unknown,
    shape: Shape<T>,
    optionsOrOptional: ReadOptions | boolean = true,
    rootName = "args",
    ruleId = SHAPE_RULE,
): ShapeCheck<T> {
    const options = typeof optionsOrOptional === "object" ? optionsOrOptional : { optional: optionsOrOptional, rootName, ruleId };
    const walker = new Walker(options.rootName ?? "args", options.ruleId ?? SHAPE_RULE, options.at);
    const checked = walker.check(value, shape, options.at ?? [], options.optional ?? true);
    const kept = walker.kept;
    const renumber = (path: Path): Path => {
        if (kept.size === 0) return path;
        // Each index is looked up under its list's path as the user wrote it, so renumber left to right.
        const out: Segment[] = [];
        for (const segment of path) out.push(typeof segment === "number" ? (kept.get(formatPath(out))?.[segment] ?? segment) : segment);
        return out;
    };
    return { value: checked === DROP ? undefined : (checked as T | undefined), problems: walker.problems, kept, renumber };
}

/** True when `a` is `b`, one of its parents or one of its children (`network.vnet` and `network.vnet.subnets[0]`). */
function related(a: Path, b: Path): boolean {
    return a.length > 0 && b.length > 0 && (hasPrefix(a, b) || hasPrefix(b, a));
}

/**
 * The findings of a design made on the cleaned value, in the user's terms, after the shape problems:
 * paths (the finding's and those its message names) renumbered; findings at an ill-shaped value's path,
 * its parents or its children dropped, as they judge what the design put in its place (a default, or a
 * list without the entry), not what the user wrote.
 */
export function withShapeProblems(shape: ShapeCheck<unknown>, findings: readonly Diagnostic[]): Diagnostic[] {
    const bad = shape.problems.map((problem) => problem.segments);
    const rest = findings
        .map((found) => mapPaths(found, shape.renumber))
        .filter((found) => !bad.some((path) => related(found.segments, path)));
    return [...shape.problems, ...rest];
}

/** Every object shape reachable from a shape (each once), e.g. to list the interfaces a schema covers. */
export function objectShapes(shape: ShapeNode, into = new Map<string, ObjectShapeNode>()): Map<string, ObjectShapeNode> {
    switch (shape.kind) {
        case "list":
        case "map":
        case "input":
            return objectShapes(shape.of, into);
        case "union":
            for (const option of shape.of) objectShapes(option, into);
            return into;
        case "object":
            if (!into.has(shape.name)) {
                into.set(shape.name, shape);
                for (const f of Object.values(shape.fields)) objectShapes(f.shape, into);
            }
            return into;
        default:
            return into;
    }
}
