/**
 * The Kubernetes builders and the Service linter are pure: they import nothing from Pulumi, so users
 * can run them (and `checkService` in CI) without a Pulumi program.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

const PURE = [
    "catalog.ts",
    "checkService.ts",
    "facts.ts",
    "gatewayApi.ts",
    "index.ts",
    "ingressValues.ts",
    "manifests.ts",
    "probeJobs.ts",
    "problems.ts",
    "serviceApiRules.ts",
    "serviceAzureRules.ts",
    "serviceModel.ts",
];
/** The files that load Pulumi: the components, and the registration of Kubernetes provider references for the plugin host. */
const PULUMI_SIDE = ["connectivityProbe.ts", "ingressController.ts", "providerReference.ts", "sampleApp.ts"];
const dir = path.join(__dirname, "../../lib/k8s");

describe("lib/k8s purity", () => {
    for (const file of PURE) {
        it(`${file} imports nothing from Pulumi nor from lib/azure`, () => {
            const imports = [...fs.readFileSync(path.join(dir, file), "utf8").matchAll(/^(?:import|export)[^;]*from\s+"([^"]+)"/gm)].map(
                (m) => m[1],
            );
            assert.deepStrictEqual(
                imports.filter((i) => i.startsWith("@pulumi/") || i.includes("/azure")),
                [],
            );
        });
    }

    it("the components and the provider-reference registration import no lib/azure either", () => {
        for (const file of PULUMI_SIDE) {
            const text = fs.readFileSync(path.join(dir, file), "utf8");
            assert.ok(text.includes("@pulumi/kubernetes"), file);
            assert.ok(!/from\s+"\.\.\/azure/.test(text) && !text.includes("@pulumi/azure-native"), file);
        }
    });

    it("covers every file of lib/k8s", () => {
        const all = fs
            .readdirSync(dir)
            .filter((f) => f.endsWith(".ts"))
            .sort();
        assert.deepStrictEqual(all, [...PURE, ...PULUMI_SIDE].sort());
    });
});
