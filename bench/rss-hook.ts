/**
 * Preloaded (`node --require`) into measured child processes: on exit, writes the process's peak
 * resident set size in kilobytes (`process.resourceUsage().maxRSS`) to the file named by
 * `BENCH_RSS_FILE`. This measures the very process that ran, with no wrapper process in between.
 */
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) {
    process.on("exit", () => {
        writeFileSync(file, String(process.resourceUsage().maxRSS));
    });
}
