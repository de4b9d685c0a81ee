/**
 * Child process of the validator scale benchmark: builds every plan first, then validates them in
 * interleaved rounds (each round visits every size once, in a rotating order, so a slow moment of the
 * machine spreads over all sizes), and prints one JSON line with every sample.
 *
 * Run with `--expose-gc`: a collection before each timed call keeps one plan's garbage out of the next
 * plan's time.
 *
 * argv: <rounds> <networks,...> <pools,...>
 */
import { validateNetworkPlan } from "../lib/network";
import { scalePlan } from "./plans";

const [roundsArg, networksArg, poolsArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
const networks = networksArg.split(",").map(Number);
const poolCounts = poolsArg.split(",").map(Number);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

interface Case {
    networks: number;
    pools: number;
    samples: number[];
    diagnostics: number;
    rules: string[];
}

const cases: Case[] = [];
const plans = new Map<Case, ReturnType<typeof scalePlan>>();
for (const pools of poolCounts) {
    for (const n of networks) {
        const c: Case = { networks: n, pools, samples: [], diagnostics: 0, rules: [] };
        cases.push(c);
        plans.set(c, scalePlan(n, pools));
    }
}

function once(c: Case): number {
    const plan = plans.get(c)!;
    gc();
    const t0 = process.hrtime.bigint();
    const d = validateNetworkPlan(plan);
    const t = Number(process.hrtime.bigint() - t0) / 1e6;
    c.diagnostics = d.length;
    c.rules = [...new Set(d.map((x) => x.ruleId))].sort();
    return t;
}

// Warm-up: compile the validator's hot paths on mid-sized input before anything is timed.
for (const c of cases) if (c.networks <= 10_000) once(c);
for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < cases.length; i++) {
        const c = cases[(i + r) % cases.length];
        c.samples.push(once(c));
    }
}
process.stdout.write(JSON.stringify({ cases }) + "\n");
