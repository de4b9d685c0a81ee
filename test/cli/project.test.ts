/**
 * Pulumi project and stack config files, read without the Pulumi CLI.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "../../lib/cli/errors";
import {
    chooseStack,
    namespacedKey,
    readProject,
    readStackConfig,
    replaceSecure,
    SECRET_PLACEHOLDER,
    stackConfigOf,
    toRuntimeConfig,
} from "../../lib/cli/project";
import { FIXTURES, tempDir } from "./helpers";

describe("Pulumi project and stack files", () => {
    it("namespaces bare keys with the project name, as Pulumi does", () => {
        assert.equal(namespacedKey("location", "mini"), "mini:location");
        assert.equal(namespacedKey("azure-native:location", "mini"), "azure-native:location");
    });

    it("replaces every secure: entry, nested ones included, and says so", () => {
        assert.deepEqual(replaceSecure({ secure: "v1:abc" }, "P"), { value: "P", secret: true });
        assert.deepEqual(replaceSecure({ user: "u", password: { secure: "v1:abc" } }, "P"), {
            value: { user: "u", password: "P" },
            secret: true,
        });
        assert.deepEqual(replaceSecure([{ secure: "v1:a" }, "x"], "P"), { value: ["P", "x"], secret: true });
        assert.deepEqual(
            replaceSecure({ secure: "v1:a", other: 1 }, "P"),
            { value: { secure: "v1:a", other: 1 }, secret: false },
            "not a secure entry",
        );
        assert.deepEqual(replaceSecure(3, "P"), { value: 3, secret: false });
    });

    it("reads a stack's config: namespaced keys, secret keys, the placeholder or a fixture's value", () => {
        const doc = {
            config: { name: "x", "aks-network:windows": { adminPassword: { secure: "v1:zz" } }, token: { secure: "v1:yy" } },
            environment: ["env"],
        };
        const c = stackConfigOf(doc, "proj", "dev", "Pulumi.dev.yaml", { "proj:token": "from-fixtures" });
        assert.deepEqual(c.values, {
            "proj:name": "x",
            "aks-network:windows": { adminPassword: SECRET_PLACEHOLDER },
            "proj:token": "from-fixtures",
        });
        assert.deepEqual(c.secretKeys, ["aks-network:windows", "proj:token"]);
        assert.equal(c.notes.length, 1);
        assert.match(c.notes[0], /environment imports \(Pulumi ESC\) are not available offline/);
        assert.throws(() => stackConfigOf({ config: ["a"] }, "p", "dev", "f.yaml"), UsageError);
    });

    it("gives the runtime strings, with everything else as JSON", () => {
        assert.deepEqual(toRuntimeConfig({ a: "s", b: 3, c: true, d: ["x"], e: { k: 1 } }), {
            a: "s",
            b: "3",
            c: "true",
            d: '["x"]',
            e: '{"k":1}',
        });
    });

    it("reads Pulumi.yaml: name, runtime and its options, main, project config defaults", () => {
        const p = readProject(path.join(FIXTURES, "mini-stack"));
        assert.equal(p.name, "mini-aks");
        assert.equal(p.runtime, "nodejs");
        assert.deepEqual(p.runtimeOptions, { typescript: true });
        assert.equal(p.main, null);
        assert.deepEqual(p.config, { "mini-aks:location": "westeurope" });
        const pr = readProject(path.join(FIXTURES, "mini-stack-pr"));
        assert.equal(pr.main, "../mini-stack/index.ts");
        const merged = readStackConfig(p, "dev", path.join(FIXTURES, "mini-stack", "Pulumi.dev.yaml"));
        assert.equal(merged.values["mini-aks:location"], "westeurope");
        assert.equal(merged.values["mini-aks:clusterName"], "mini-dev");
    });

    it("rejects project files without a name or runtime in one line", () => {
        const t = tempDir();
        try {
            fs.writeFileSync(path.join(t.dir, "Pulumi.yaml"), "runtime: nodejs\n");
            assert.throws(() => readProject(t.dir), /has no project name \(name: <project>\)$/);
            fs.writeFileSync(path.join(t.dir, "Pulumi.yaml"), "name: x\n");
            assert.throws(() => readProject(t.dir), /has no runtime \(runtime: nodejs\)$/);
        } finally {
            t.remove();
        }
    });

    it("chooses the stack: the requested one, the only one, dev, or none", () => {
        const t = tempDir();
        try {
            const write = (f: string) => fs.writeFileSync(path.join(t.dir, f), "config: {}\n");
            assert.deepEqual(chooseStack(t.dir, undefined), { stack: "dev", file: null });
            assert.throws(() => chooseStack(t.dir, "prod"), /no stack config Pulumi\.prod\.yaml in /);
            write("Pulumi.prod.yaml");
            assert.equal(chooseStack(t.dir, undefined).stack, "prod");
            write("Pulumi.staging.yml");
            assert.throws(() => chooseStack(t.dir, undefined), /several stacks \(prod, staging\) and none is "dev"/);
            assert.equal(chooseStack(t.dir, "staging").file, path.join(t.dir, "Pulumi.staging.yml"));
            write("Pulumi.dev.yaml");
            assert.equal(chooseStack(t.dir, undefined).stack, "dev");
        } finally {
            t.remove();
        }
    });
});
