/**
 * Child process of the component-overhead benchmark: runs one Pulumi program under Pulumi's mock
 * engine, the same way for every program (same mocks, same config, same order of set-up), and prints
 * how long the program took (wall and CPU time) and every resource it registered.
 *
 * The mocks are the project's own fake cloud as the component tests use it (test/helpers/mocks.ts):
 * inputs echoed back as outputs plus the provider-computed outputs and invokes a real deployment
 * would return.
 *
 * argv: [--preload=<module>,...] <program.js> [<Pulumi.<stack>.yaml> <project> <stack>]
 *
 * `--preload` requires modules before the clock starts, to split the program's time into loading its
 * libraries and running it.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import * as YAML from "yaml";
import * as pulumi from "@pulumi/pulumi";
import { settle } from "../../lib/cli/plan/sdk";
import { mockState } from "../../test/helpers/mocks";

async function main(): Promise<void> {
    const argv = process.argv.slice(2);
    const preload = argv[0]?.startsWith("--preload=") ? argv.shift()!.slice("--preload=".length).split(",").filter(Boolean) : [];
    const [program, configFile, project = "aks-network", stack = "dev"] = argv;
    if (configFile) {
        const doc = (YAML.parse(readFileSync(configFile, "utf8")) ?? {}) as { config?: Record<string, unknown> };
        const config: Record<string, string> = {};
        for (const [k, v] of Object.entries(doc.config ?? {})) {
            const key = k.includes(":") ? k : `${project}:${k}`;
            config[key] = typeof v === "string" ? v : JSON.stringify(v);
        }
        pulumi.runtime.setAllConfig(config, []);
    }
    pulumi.runtime.setMocks(
        {
            newResource: (args) => mockState.newResource(args),
            call: (args) => mockState.call(args),
        },
        project,
        stack,
        false,
        "acme",
    );

    for (const m of preload) require(m);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const mod = require(path.resolve(program));
    const fn = typeof mod === "function" ? mod : typeof mod?.default === "function" ? mod.default : null;
    if (fn) await fn();
    await settle(pulumi);
    const programMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const programCpuMs = (cpu.user + cpu.system) / 1000;

    const resources = mockState.resources.map((r) => ({ type: r.type, name: r.name, custom: r.custom !== false }));
    process.stdout.write(
        JSON.stringify({
            programMs,
            programCpuMs,
            sinceStartMs: performance.now(),
            resources,
            invokes: mockState.calls.map((c) => c.token),
        }) + "\n",
    );
    process.exit(0);
}

main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
});
