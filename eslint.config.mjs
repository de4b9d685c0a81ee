// @ts-check
/**
 * Lint rules for lib, test, bench and examples: the recommended ESLint and typescript-eslint sets
 * (without type information, so a run takes seconds and no tsc-sized memory), the layer rule for lib,
 * and a function-length budget for lib.
 *
 * The layer rule: each folder of lib may import only the layers below it.
 *
 *     core  <-  network  <-  azure, k8s  <-  stack, policy  <-  cli
 *
 * policy (the policy evaluator) reads the pure modules of k8s; its pack/ folder is the one place
 * below lib/policy that loads @pulumi/policy.
 * core and network are pure (no @pulumi module); azure and k8s do not import each other.
 * It uses `@typescript-eslint/no-restricted-imports` (the core rule plus `import x = require()`; type-only
 * imports count too) with one regular expression per layer and folder depth over the import text, and
 * `no-restricted-syntax` for `require()` and `import()` calls, which no import rule sees. The
 * expressions count the `../` of a relative import, so `../../k8s/facts` from lib/network/rules is
 * lib/k8s, and `..` from there is lib/network's own entry, not lib's. This needs no module resolver
 * (eslint-plugin-import's `no-restricted-paths` would need one for TypeScript, and two more packages).
 */
import eslint from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

/** The layers of lib, each with the layers it may import. */
const LAYERS = {
    core: [],
    network: ["core"],
    azure: ["core", "network"],
    k8s: ["core", "network"],
    policy: ["core", "network", "k8s"],
    stack: ["core", "network", "azure", "k8s"],
    cli: ["core", "network", "azure", "k8s", "stack", "policy"],
};

/** The layers that must not load Pulumi (they run in plain Node, a policy pack or the CLI's validator). */
const PURE = ["core", "network", "policy"];

const ORDER = "core <- network <- azure, k8s <- stack, policy <- cli";

/** How deep below lib/<layer> a file may sit for the layer rule to see it (test/lint/layers.test.ts checks it). */
const MAX_DEPTH = 3;

/**
 * A regular expression over the import text of a file `depth` folders below lib/<layer>, matching a
 * relative import of one of `layers` and, when `rootEntry` is set, of lib's root entry (`..`,
 * `../index`), which re-exports lib/azure and lib/k8s. Counting the `../` makes it exact: from
 * lib/network/rules, `..` is lib/network's own entry and `../..` is lib's.
 */
function upwardImport(depth, layers, rootEntry) {
    const alternatives = [];
    if (layers.length > 0) alternatives.push(`^(\\./)?(\\.\\./){${depth + 1}}(${layers.join("|")})(/.*)?$`);
    if (rootEntry) alternatives.push(`^(\\./)?(\\.\\./){${depth}}\\.\\.(/|/index)?$`);
    return alternatives.join("|");
}

/** The rules of one layer for its files `depth` folders down: the layers it must not import, and @pulumi for the pure ones. */
function layerRules(layer, depth) {
    const files = [`lib/${layer}/${"*/".repeat(depth)}*.ts`];
    const forbidden = Object.keys(LAYERS).filter((other) => other !== layer && !LAYERS[layer].includes(other));
    const rootEntry = forbidden.includes("azure") || forbidden.includes("k8s");
    const allowed = LAYERS[layer].length > 0 ? `lib/${LAYERS[layer].join(", lib/")}` : "nothing else in lib";
    const message = `lib/${layer} may import ${allowed} (layers: ${ORDER}); move the shared piece down to the lowest layer that needs it (plain types go to lib/core)`;
    const pulumiMessage = `lib/${layer} is pure and may not load @pulumi modules; keep Pulumi code in lib/azure, lib/k8s or lib/stack`;
    const restricted = [];
    if (forbidden.length > 0) restricted.push({ regex: upwardImport(depth, forbidden, rootEntry), message });
    if (PURE.includes(layer)) restricted.push({ regex: "^@pulumi(/|$)", message: pulumiMessage });
    if (restricted.length === 0) return { files };
    return {
        files,
        rules: {
            "@typescript-eslint/no-restricted-imports": ["error", { patterns: restricted }],
            "no-restricted-syntax": ["error", ...restricted.flatMap(callSelectors)],
        },
    };
}

/** `no-restricted-syntax` entries for `require()` and `import()` calls whose module matches one pattern. */
function callSelectors({ regex, message }) {
    // esquery ends a regular expression at "/", so the slashes are written as \x2F.
    const value = `/${regex.replaceAll("/", "\\x2F")}/`;
    return [
        { selector: `CallExpression[callee.name="require"] > Literal.arguments[value=${value}]`, message: `${message} (require() included)` },
        { selector: `ImportExpression > Literal.source[value=${value}]`, message: `${message} (import() included)` },
    ];
}

export default defineConfig(
    {
        // Build output, measurements and fixtures (programs the tests load as they are).
        ignores: ["dist/**", "node_modules/**", "bench/results/**", "bench/fixtures/**", "test/cli/fixtures/**"],
    },
    eslint.configs.recommended,
    tseslint.configs.recommended,
    {
        rules: {
            // Off: lib loads some modules on first use (`require("yaml") as typeof Yaml`) to keep the
            // package's import time low (bench/imports.ts measures it), the offline plan loads the user's
            // program by path, and tests and bench load built or CommonJS-only modules the same way.
            "@typescript-eslint/no-require-imports": "off",
            // Dropping a key with a rest pattern (`const { enabled: _enabled, ...rest } = x`) is how the
            // code omits a field from a copy.
            "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
        },
    },
    {
        files: ["lib/core/shape.ts"],
        rules: {
            // `{} extends Pick<T, K>` is the type-level test for an optional key; `{}` is meant there.
            "@typescript-eslint/no-empty-object-type": "off",
        },
    },
    ...Object.keys(LAYERS).flatMap((layer) => [...Array(MAX_DEPTH + 1).keys()].map((depth) => layerRules(layer, depth))),
    {
        // The policy pack's entry is the one file of lib/policy that loads @pulumi/policy (the evaluator stays pure).
        files: ["lib/policy/pack/*.ts"],
        rules: {
            "@typescript-eslint/no-restricted-imports": [
                "error",
                {
                    patterns: [
                        {
                            regex: upwardImport(1, ["azure", "stack", "cli"], true),
                            message: "lib/policy/pack may import lib/policy and below",
                        },
                    ],
                },
            ],
            "no-restricted-syntax": "off",
        },
    },
    {
        files: ["lib/**/*.ts"],
        rules: {
            // Every function in lib stays under 80 lines (blank lines and comments not counted).
            "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
        },
    },
);
