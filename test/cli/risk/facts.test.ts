/**
 * The force-new / refused-in-place table is pinned to the installed SDK versions: an upgrade fails
 * here until the table is reviewed against the new version.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { API_VERSIONS, CHANGE_FACTS, FACTS_VERSIONS } from "../../../lib/cli/risk";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const installed = (pkg: string) =>
    (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;

/** The SDK file of a type token: `azure-native:network:Subnet` → network/subnet.js. */
const sdkFile = (type: string) => {
    const [, module, name] = type.split(":");
    return path.join(ROOT, "node_modules", "@pulumi", "azure-native", module, `${name.charAt(0).toLowerCase()}${name.slice(1)}.js`);
};

describe("change facts", () => {
    for (const [pkg, version] of Object.entries(FACTS_VERSIONS)) {
        it(`were reviewed for the installed ${pkg}`, () => {
            assert.equal(installed(pkg), version, `${pkg} changed: review lib/cli/risk/facts.ts against it, then update FACTS_VERSIONS`);
        });
    }

    for (const [type, api] of Object.entries(API_VERSIONS)) {
        it(`${type}: the SDK uses API ${api} and sets no replaceOnChanges of its own`, () => {
            const js = fs.readFileSync(sdkFile(type), "utf8");
            assert.match(js, new RegExp(`Uses Azure REST API version ${api}\\b`));
            assert.doesNotMatch(js, /replaceOnChanges\s*:/);
        });
    }

    it("have a source for every row, and an unconfirmed row never takes the accepted class", () => {
        for (const f of CHANGE_FACTS) {
            assert.ok(f.source.length > 10, `${f.type} ${f.path}: no source`);
            assert.ok(f.effect.length > 0, `${f.type} ${f.path}: no effect`);
            if (f.confidence === "unconfirmed")
                assert.ok(f.engine === "replace" || f.inPlace === "refused" || f.inPlace === "disruptive", `${f.type} ${f.path}`);
        }
    });

    it("cover every resource type the package creates", () => {
        const types = new Set(CHANGE_FACTS.map((f) => f.type));
        for (const t of [...Object.keys(API_VERSIONS), "kubernetes:core/v1:Service", "kubernetes:apps/v1:Deployment"])
            assert.ok(types.has(t), t);
    });
});
