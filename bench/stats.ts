/**
 * Small statistics and formatting helpers shared by every measurement.
 */

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
    if (xs.length === 0) throw new Error("median of an empty list");
    const s = [...xs].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Lowest and highest value, to show the spread next to a median. */
export function range(xs: readonly number[]): [number, number] {
    return [Math.min(...xs), Math.max(...xs)];
}

/** The first and third quartiles (linear interpolation), to show how far per-round figures spread. */
export function quartiles(xs: readonly number[]): [number, number] {
    const s = [...xs].sort((a, b) => a - b);
    const at = (q: number) => {
        const i = (s.length - 1) * q;
        const lo = Math.floor(i);
        return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
    };
    return [at(0.25), at(0.75)];
}

/** Per-round ratios a[i] / b[i]. */
export function roundRatios(a: readonly number[], b: readonly number[]): number[] {
    if (a.length !== b.length) throw new Error(`paired ratio of ${a.length} and ${b.length} samples`);
    return a.map((x, i) => x / b[i]);
}

/** `1.07–1.31×`: the interquartile range of per-round ratios. */
export function ratioSpread(a: readonly number[], b: readonly number[]): string {
    const [q1, q3] = quartiles(roundRatios(a, b));
    return `${q1.toFixed(2)}–${q3.toFixed(2)}×`;
}

/**
 * The median of per-round ratios a[i] / b[i]. Each round runs A and B back to back, so a noisy
 * moment hits both sides of one ratio; the median then drops the rounds where it did not.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
    if (a.length !== b.length) throw new Error(`paired ratio of ${a.length} and ${b.length} samples`);
    return median(a.map((x, i) => x / b[i]));
}

/** Milliseconds with a sensible number of digits. */
export function ms(x: number): string {
    if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
    if (x >= 100) return `${x.toFixed(0)} ms`;
    if (x >= 10) return `${x.toFixed(1)} ms`;
    return `${x.toFixed(2)} ms`;
}

/** A ratio as `1.07×`. */
export function ratio(x: number): string {
    return `${x.toFixed(2)}×`;
}

/** Kilobytes as MB. */
export function mb(kb: number): string {
    return `${(kb / 1024).toFixed(0)} MB`;
}

/** A whole number with thousands separators. */
export function int(x: number): string {
    return Math.round(x).toLocaleString("en-US");
}
