/**
 * 1. Validator scale: `validateNetworkPlan` on plans with 100 to 100,000 connected networks and 10 or
 * 200 node pools, in one child process (pure code: no process state to isolate between sizes, but
 * the parent's own heap stays out of the way). Budgets: 10,000 networks + 200 pools under 100 ms, and
 * every 10× step in networks costs under 20× in time (n log n predicts ~11-13×; quadratic is 100×).
 */
import * as path from "node:path";
import { BENCH_DIST, checkExit, lastJson, runNode } from "./child";
import { budget, Budget, Measurement, Row, worst } from "./result";
import { int, median, ms, pairedRatio, range, ratio } from "./stats";

export const NETWORKS = [100, 1_000, 10_000, 100_000];
export const POOLS = [10, 200];
const ABSOLUTE_BUDGET_MS = 100;
const GROWTH_BUDGET = 20;

interface Case {
    networks: number;
    pools: number;
    samples: number[];
    diagnostics: number;
    rules: string[];
}

export function measureScale(rounds: number): Measurement {
    const run = checkExit(
        runNode(path.join(BENCH_DIST, "scale-child.js"), [String(rounds), NETWORKS.join(","), POOLS.join(",")], {
            nodeFlags: ["--expose-gc"],
        }),
        "the validator scale child",
    );
    const { cases } = lastJson<{ cases: Case[] }>(run, "the validator scale child");
    const find = (n: number, p: number) => cases.find((c) => c.networks === n && c.pools === p)!;
    const rows: Row[] = [];
    const budgets: Budget[] = [];

    for (const pools of POOLS) {
        for (const n of NETWORKS) {
            const c = find(n, pools);
            const med = median(c.samples);
            const [lo, hi] = range(c.samples);
            const isBudget = n === 10_000 && pools === 200;
            const b = isBudget ? budget(`validate 10,000 networks + 200 pools`, med, "<", ABSOLUTE_BUDGET_MS, "ms") : null;
            if (b) budgets.push(b);
            rows.push({
                figure: `validate ${int(n)} networks, ${pools} pools`,
                value: `${ms(med)} (${ms(lo)}–${ms(hi)})`,
                budget: b ? `< ${ABSOLUTE_BUDGET_MS} ms` : "",
                status: b ? b.status : "info",
            });
        }
    }
    const growth: { pools: number; from: number; to: number; ratio: number; nLogN: number }[] = [];
    for (const pools of POOLS) {
        for (let i = 1; i < NETWORKS.length; i++) {
            const small = find(NETWORKS[i - 1], pools);
            const big = find(NETWORKS[i], pools);
            const r = pairedRatio(big.samples, small.samples);
            const nLogN = (NETWORKS[i] * Math.log(NETWORKS[i])) / (NETWORKS[i - 1] * Math.log(NETWORKS[i - 1]));
            growth.push({ pools, from: NETWORKS[i - 1], to: NETWORKS[i], ratio: r, nLogN });
            const b = budget(`growth ${int(NETWORKS[i - 1])}→${int(NETWORKS[i])} networks, ${pools} pools`, r, "<", GROWTH_BUDGET, "ratio");
            budgets.push(b);
            rows.push({
                figure: `growth ${int(NETWORKS[i - 1])}→${int(NETWORKS[i])} networks (10×), ${pools} pools`,
                value: `${ratio(r)} (n log n: ${ratio(nLogN)})`,
                budget: `< ${GROWTH_BUDGET}×`,
                status: b.status,
            });
        }
    }
    const diagCounts = [...new Set(cases.map((c) => c.diagnostics))];
    const notes = [
        `${rounds} interleaved rounds in one child process, after a warm-up; median (min–max) per size; growth = median of per-round time ratios.`,
        `Diagnostics per plan: ${diagCounts.join(", ")} at every size (rules ${[...new Set(cases.flatMap((c) => c.rules))].join(", ")}), so the report does not grow with the input.`,
    ];
    return {
        id: "scale",
        title: "Validator scale",
        status: worst(budgets.map((b) => b.status)),
        rows,
        budgets,
        notes,
        data: { rounds, cases, growth },
    };
}
