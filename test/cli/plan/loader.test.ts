/**
 * The TypeScript loader of a program is the one its own Pulumi would use: ts-node and typescript
 * resolved from the folder of its @pulumi/pulumi (a copy in the program's node_modules wins), else
 * Pulumi's vendored copies; a ts-node of the project's or this package's only without a Pulumi.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { resolveTypeScriptLoader } from "../../../lib/cli/plan/loader";
import { tempDir } from "../helpers";

/** Write a module folder with an index.js (and a package.json naming `main` when given). */
function module(dir: string, main = "index.js"): string {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: path.basename(dir), main }));
    fs.mkdirSync(path.dirname(path.join(dir, main)), { recursive: true });
    fs.writeFileSync(path.join(dir, main), "module.exports = {};\n");
    return path.join(dir, main);
}

describe("plan: the TypeScript loader of a program", () => {
    let t: ReturnType<typeof tempDir>;
    let project = "";
    let pulumiDir = "";
    beforeEach(() => {
        t = tempDir();
        project = fs.realpathSync(t.dir);
        pulumiDir = path.join(project, "node_modules", "@pulumi", "pulumi");
        module(pulumiDir);
        fs.mkdirSync(path.join(pulumiDir, "vendor", "ts-node@7.0.1"), { recursive: true });
        fs.writeFileSync(path.join(pulumiDir, "vendor", "ts-node@7.0.1", "index.js"), "module.exports = {};\n");
        fs.mkdirSync(path.join(pulumiDir, "vendor", "typescript@3.8.3"), { recursive: true });
        fs.writeFileSync(path.join(pulumiDir, "vendor", "typescript@3.8.3", "typescript.js"), "module.exports = {};\n");
    });
    afterEach(() => t.remove());

    it("uses Pulumi's vendored ts-node and typescript when the program installed neither", () => {
        const loader = resolveTypeScriptLoader(pulumiDir, [project]);
        assert.deepEqual(loader, {
            tsNode: path.join(pulumiDir, "vendor", "ts-node@7.0.1"),
            typescript: path.join(pulumiDir, "vendor", "typescript@3.8.3", "typescript.js"),
            from: "pulumi",
        });
        // The vendored folder loads as a module, as Pulumi requires it.
        assert.equal(require.resolve(loader.tsNode), path.join(pulumiDir, "vendor", "ts-node@7.0.1", "index.js"));
    });

    it("prefers the program's own ts-node and typescript, as Pulumi does", () => {
        const tsNode = module(path.join(project, "node_modules", "ts-node"), "dist/index.js");
        const typescript = module(path.join(project, "node_modules", "typescript"), "lib/typescript.js");
        assert.deepEqual(resolveTypeScriptLoader(pulumiDir, [project]), { tsNode, typescript, from: "pulumi" });
    });

    it("mixes them as Pulumi does: the program's typescript with the vendored ts-node", () => {
        const typescript = module(path.join(project, "node_modules", "typescript"), "lib/typescript.js");
        assert.deepEqual(resolveTypeScriptLoader(pulumiDir, [project]), {
            tsNode: path.join(pulumiDir, "vendor", "ts-node@7.0.1"),
            typescript,
            from: "pulumi",
        });
    });

    it("falls back to a ts-node of the project's only when no Pulumi is found", () => {
        const tsNode = module(path.join(project, "node_modules", "ts-node"), "dist/index.js");
        assert.deepEqual(resolveTypeScriptLoader(null, [project]), { tsNode, typescript: null, from: "fallback" });
        // A Pulumi without vendored copies (and no ts-node beside it) also falls back.
        const other = tempDir();
        try {
            const bare = path.join(fs.realpathSync(other.dir), "node_modules", "@pulumi", "pulumi");
            module(bare);
            assert.deepEqual(resolveTypeScriptLoader(bare, [project]), { tsNode, typescript: null, from: "fallback" });
        } finally {
            other.remove();
        }
    });

    it("finds no loader without a Pulumi and without a ts-node", () => {
        assert.equal(resolveTypeScriptLoader(null, [project]), null);
    });
});
