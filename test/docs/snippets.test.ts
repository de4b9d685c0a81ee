/**
 * Every code block of the README is checked: TypeScript blocks type-check against the package (the
 * `pulumi-aks-network` imports resolve to lib/ through tsconfig.test.json's paths), JavaScript blocks
 * type-check as checked JavaScript, JSON and YAML blocks parse. Shell and plain-text blocks are not run.
 * Each block is a module of its own, so it must import what it uses.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ts from "typescript";
import * as YAML from "yaml";

const ROOT = join(__dirname, "..", "..");

export interface CodeBlock {
    lang: string;
    /** 1-based line of the opening fence. */
    line: number;
    text: string;
}

/** The fenced code blocks of a markdown document. */
export function codeBlocks(markdown: string): CodeBlock[] {
    const blocks: CodeBlock[] = [];
    const lines = markdown.split("\n");
    for (let i = 0; i < lines.length; i++) {
        const open = /^```(\S*)\s*$/.exec(lines[i]);
        if (!open) continue;
        const start = i;
        const body: string[] = [];
        for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
        if (i >= lines.length) throw new Error(`unclosed code block at line ${start + 1}`);
        blocks.push({ lang: open[1].toLowerCase(), line: start + 1, text: body.join("\n") + "\n" });
    }
    return blocks;
}

const TS_LANGS = new Set(["ts", "typescript"]);
const JS_LANGS = new Set(["js", "javascript"]);

/**
 * Type-checks TypeScript and JavaScript blocks as files of test/docs/ (so node_modules and the paths
 * mapping resolve as for the tests), without writing them: a compiler host serves them from memory.
 * Returns one message per diagnostic, naming the block's line in `doc`.
 */
export function typeCheckBlocks(doc: string, blocks: CodeBlock[]): string[] {
    const configPath = join(ROOT, "tsconfig.test.json");
    const parsed = ts.getParsedCommandLineOfConfigFile(
        configPath,
        {},
        {
            ...ts.sys,
            onUnRecoverableConfigFileDiagnostic: (d) => {
                throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
            },
        },
    );
    if (!parsed) throw new Error("tsconfig.test.json could not be read");
    const options: ts.CompilerOptions = { ...parsed.options, noEmit: true, allowJs: true, checkJs: true, noUnusedLocals: false };
    const virtual = new Map<string, { text: string; block: CodeBlock }>();
    for (const block of blocks) {
        const ext = TS_LANGS.has(block.lang) ? "ts" : JS_LANGS.has(block.lang) ? "js" : undefined;
        if (!ext) continue;
        // A module of its own even without imports, so blocks don't share globals.
        const text = ext === "ts" ? `${block.text}export {};\n` : `${block.text}module.exports = {};\n`;
        virtual.set(join(ROOT, "test", "docs", `__snippet_line_${block.line}.${ext}`), { text, block });
    }
    if (virtual.size === 0) return [];
    const host = ts.createCompilerHost(options, true);
    const getSourceFile = host.getSourceFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    const readFile = host.readFile.bind(host);
    host.getSourceFile = (name, lang, onError, create) => {
        const v = virtual.get(name);
        return v ? ts.createSourceFile(name, v.text, lang, true) : getSourceFile(name, lang, onError, create);
    };
    host.fileExists = (name) => virtual.has(name) || fileExists(name);
    host.readFile = (name) => virtual.get(name)?.text ?? readFile(name);
    const program = ts.createProgram([...virtual.keys()], options, host);
    const messages: string[] = [];
    for (const [name, { block }] of virtual) {
        const sf = program.getSourceFile(name);
        if (!sf) throw new Error(`${name} was not compiled`);
        for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
            const at = d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start).line : 0;
            messages.push(`${doc}:${block.line + 1 + at} (${block.lang} block): ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
        }
    }
    return messages;
}

/** JSON and YAML blocks that don't parse. */
export function parseErrors(doc: string, blocks: CodeBlock[]): string[] {
    const messages: string[] = [];
    for (const block of blocks) {
        try {
            if (block.lang === "json") JSON.parse(block.text);
            else if (block.lang === "yaml" || block.lang === "yml") {
                const parsed = YAML.parseDocument(block.text);
                if (parsed.errors.length > 0) throw parsed.errors[0];
            }
        } catch (e) {
            messages.push(`${doc}:${block.line} (${block.lang} block): ${(e as Error).message}`);
        }
    }
    return messages;
}

describe("README code blocks", function () {
    this.timeout(120_000);
    const doc = "README.md";
    const blocks = codeBlocks(readFileSync(join(ROOT, doc), "utf8"));

    it("has TypeScript blocks to check, each tagged with its language", () => {
        assert.ok(blocks.some((b) => TS_LANGS.has(b.lang)));
        const untagged = blocks.filter((b) => b.lang === "").map((b) => b.line);
        assert.deepEqual(untagged, [], "tag every block (ts, js, json, yaml, sh, text)");
    });

    it("type-checks every TypeScript and JavaScript block against the package", () => {
        assert.deepEqual(typeCheckBlocks(doc, blocks), []);
    });

    it("runs every JavaScript block with Node against the built package, as a user would", () => {
        const consumer = mkdtempSync(join(tmpdir(), "aks-network-readme-"));
        try {
            mkdirSync(join(consumer, "node_modules"));
            symlinkSync(ROOT, join(consumer, "node_modules", "pulumi-aks-network"), "dir");
            const scripts = blocks.filter((b) => JS_LANGS.has(b.lang));
            assert.ok(scripts.length > 0, "the README has a JavaScript block");
            for (const block of scripts) {
                const file = join(consumer, `readme-${block.line}.js`);
                writeFileSync(file, block.text);
                const run = spawnSync(process.execPath, [file], { cwd: consumer, encoding: "utf8" });
                assert.equal(run.status, 0, `${doc}:${block.line} failed:\n${run.stderr}`);
                assert.ok(run.stdout.length > 0, `${doc}:${block.line} printed nothing`);
            }
        } finally {
            rmSync(consumer, { recursive: true, force: true });
        }
    });

    it("parses every JSON and YAML block", () => {
        assert.deepEqual(parseErrors(doc, blocks), []);
    });

    it("fails on a broken snippet", () => {
        const broken = codeBlocks(
            [
                "```ts",
                'import { AksCluster } from "pulumi-aks-network";',
                'new AksCluster("x", { network: { podCidrs: 42 } });',
                "console.log(plan);",
                "```",
                "```js",
                'const { validateNetworkPlan } = require("pulumi-aks-network/network");',
                "validateNetworkPlan(1, 2, 3);",
                "```",
                "```yaml",
                "a: [1",
                "```",
                "```json",
                "{ a: 1 }",
                "```",
            ].join("\n"),
        );
        const errors = typeCheckBlocks("broken.md", broken);
        assert.ok(
            errors.some((e) => /broken\.md:3 .*podCidrs|broken\.md:3 .*number/.test(e)),
            errors.join("\n"),
        );
        assert.ok(
            errors.some((e) => /broken\.md:4 .*Cannot find name 'plan'/.test(e)),
            errors.join("\n"),
        );
        assert.ok(
            errors.some((e) => /broken\.md:8 .*Expected/.test(e)),
            errors.join("\n"),
        );
        assert.equal(parseErrors("broken.md", broken).length, 2);
    });
});
