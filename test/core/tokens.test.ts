import * as assert from "node:assert/strict";
import { LEGACY_TYPE_TOKEN_PREFIX, PACKAGE_NAME, TYPE_TOKEN_PREFIX, typeToken, withLegacyTypeAlias } from "../../lib/core/tokens";

describe("type tokens", () => {
    it("are <package.json name>:index:<Class>, as the plugin host requires", () => {
        const pkg = require("../../package.json") as { name: string };
        assert.equal(PACKAGE_NAME, pkg.name);
        assert.equal(typeToken("AksCluster"), `${pkg.name}:index:AksCluster`);
        assert.equal(TYPE_TOKEN_PREFIX, "pulumi-aks-network:index:");
    });

    it("add the old token as an alias after the caller's own aliases, changing nothing else", () => {
        const opts = { protect: true, aliases: [{ name: "old-name" }] };
        const out = withLegacyTypeAlias(opts, typeToken("NodePool"));
        assert.deepEqual(out, { protect: true, aliases: [{ name: "old-name" }, { type: `${LEGACY_TYPE_TOKEN_PREFIX}NodePool` }] });
        assert.deepEqual(opts.aliases, [{ name: "old-name" }], "the caller's options are not modified");
        assert.deepEqual(withLegacyTypeAlias(undefined, typeToken("SampleApp")), { aliases: [{ type: "aks-network:index:SampleApp" }] });
    });

    it("refuse a token of another package", () => {
        assert.throws(() => withLegacyTypeAlias({}, "acme:index:AksCluster"), /acme:index:AksCluster/);
    });
});
