/**
 * A fresh install from git, as `npm install github:<owner>/pulumi-aks-network` does it: the committed
 * HEAD of this repository (no dist/ in git) is pushed to a bare repository in a temporary folder and
 * installed by its git+file URL into a new consumer project. npm clones it, installs its
 * devDependencies and runs `prepare` (the build), packs it and installs the pack; the consumer then
 * `require`s the package and runs both of its commands.
 *
 * Slow (about a minute: npm installs the dependencies twice, for the build and for the consumer),
 * so it runs in the full `npm test` only. It installs what is committed, not the working tree.
 * `--prefer-offline` takes every package from npm's cache when it is there (after `npm ci`, it is),
 * and asks the registry only for what is missing.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = join(__dirname, "..");

/** The environment of a user's shell: without the variables of the `npm test` that runs this. */
function cleanEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) || /^npm_config_cache$/i.test(k)) env[k] = v;
    return env;
}

describe("install from git (slow)", function () {
    this.timeout(600_000);
    this.slow(180_000);
    let temp = "";
    let consumer = "";
    let npmOutput = "";

    before(function () {
        temp = realpathSync(mkdtempSync(join(tmpdir(), "aks-network-git-install-")));
        const bare = join(temp, "pulumi-aks-network.git");
        const git = (args: string[], cwd = temp) => execFileSync("git", args, { cwd, encoding: "utf8", stdio: "pipe" });
        git(["init", "--quiet", "--bare", bare]);
        git(["push", "--quiet", bare, "HEAD:refs/heads/main"], ROOT);
        git(["symbolic-ref", "HEAD", "refs/heads/main"], bare);
        assert.equal(git(["ls-tree", "--name-only", "main", "dist"], bare).trim(), "", "dist/ is not in git: prepare must build it");
        consumer = join(temp, "consumer");
        mkdirSync(consumer);
        writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
        npmOutput = execFileSync(
            "npm",
            ["install", `git+${pathToFileURL(bare).href}`, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
            { cwd: consumer, encoding: "utf8", stdio: "pipe", env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 },
        );
    });

    after(() => {
        if (temp) rmSync(temp, { recursive: true, force: true });
    });

    it("installs the built package, its license and both commands", () => {
        const installed = join(consumer, "node_modules", "pulumi-aks-network");
        assert.ok(existsSync(join(installed, "dist", "lib", "index.js")), `prepare did not build dist/:\n${npmOutput}`);
        assert.ok(existsSync(join(installed, "dist", "lib", "cli", "main.js")));
        assert.match(readFileSync(join(installed, "LICENSE"), "utf8"), /Apache License/);
        for (const bin of ["aks-network", "pulumi-aks-network"]) assert.ok(existsSync(join(consumer, "node_modules", ".bin", bin)), bin);
    });

    it("can be required by name from plain JavaScript", () => {
        const out = execFileSync(
            process.execPath,
            [
                "-e",
                `const p = require("pulumi-aks-network");
                 const n = require("pulumi-aks-network/network");
                 const r = n.describeNetworkPlan({ ipFamilies: ["IPv4", "IPv6"] });
                 console.log(JSON.stringify({ resolved: require.resolve("pulumi-aks-network"), cluster: typeof p.AksCluster, verdict: r.verdict }));`,
            ],
            { cwd: consumer, encoding: "utf8" },
        );
        const res = JSON.parse(out) as { resolved: string; cluster: string; verdict: string };
        assert.equal(res.resolved, join(consumer, "node_modules", "pulumi-aks-network", "dist", "lib", "index.js"));
        assert.equal(res.cluster, "function");
        assert.equal(res.verdict, "accept");
    });

    it("runs its command with --help and --version, under both names, without downloading anything", () => {
        const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
        for (const bin of ["aks-network", "pulumi-aks-network"]) {
            const npx = (args: string[]) =>
                execFileSync("npx", ["--no-install", bin, ...args], { cwd: consumer, encoding: "utf8", stdio: "pipe", env: cleanEnv() });
            assert.match(npx(["--help"]), /^usage: aks-network <command>/, bin);
            assert.equal(npx(["--version"]), `${version}\n`, bin);
        }
    });
});
