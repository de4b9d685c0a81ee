/**
 * The --fixtures file: shape checks with one-line errors, normalisation.
 */
import assert from "node:assert/strict";
import { emptyFixtures, matchesInput, parseFixtures } from "../../../lib/cli/plan/fixtures";

describe("plan fixtures", () => {
    it("normalises subnets, invoke shorthands and defaults", () => {
        const f = parseFixtures(
            {
                version: 1,
                azure: {
                    virtualNetworks: [
                        {
                            resourceGroup: "rg",
                            name: "vnet",
                            addressSpaces: ["10.0.0.0/16"],
                            subnets: [{ name: "a", addressPrefix: "10.0.1.0/24" }],
                        },
                    ],
                },
                invokes: { "x:y:getZ": { value: 1 }, "x:y:getW": [{ match: { name: "a" }, result: { n: 1 } }, { result: { n: 2 } }] },
                secrets: { "p:k": "v" },
            },
            "fx.yaml",
        );
        assert.equal(f.azure.location, "westeurope");
        assert.deepEqual(f.azure.virtualNetworks[0].subnets, [{ name: "a", addressPrefixes: ["10.0.1.0/24"], properties: undefined }]);
        assert.deepEqual(f.azure.virtualNetworks[0].peerings, []);
        assert.deepEqual(f.invokes["x:y:getZ"], [{ match: undefined, result: { value: 1 } }]);
        assert.equal(f.invokes["x:y:getW"].length, 2);
        assert.deepEqual(f.secrets, { "p:k": "v" });
        assert.deepEqual(emptyFixtures().invokes, {});
    });

    it("names the path of what is wrong, every problem at once", () => {
        const cases: [unknown, RegExp][] = [
            [[], /^UsageError: fx\.yaml: the file is \[\] \(list\); write an object \(Fixtures\) such as \{ version: 1 \}$/],
            [
                { version: 1, extra: 1 },
                /^UsageError: fx\.yaml: extra \(given: 1 \(number\)\) is not an argument of Fixtures; remove it \(Fixtures takes version, azure, invokes, resources, secrets\)$/,
            ],
            [
                { version: 1, azure: { virtualNetworks: [{ resourceGroup: "rg", name: "v", addressSpaces: "10.0.0.0/16" }] } },
                /^UsageError: fx\.yaml: azure\.virtualNetworks\[0\]\.addressSpaces is "10\.0\.0\.0\/16" \(string\); write a list of strings/,
            ],
            [
                {
                    version: 1,
                    azure: { virtualNetworks: [{ resourceGroup: "rg", name: "v", addressSpaces: [], subnets: [{ name: "s" }] }] },
                },
                /^UsageError: fx\.yaml: azure\.virtualNetworks\[0\]\.subnets\[0\] has no address prefix/,
            ],
            [
                { version: 1, invokes: { t: [{ match: 1, result: {} }] } },
                /^UsageError: fx\.yaml: invokes\.t\[0\]\.match is 1 \(number\); write an object/,
            ],
            [{ version: 1, secrets: { k: 3 } }, /^UsageError: fx\.yaml: secrets\.k is 3 \(number\); write a string/],
            [{ version: 2 }, /^UsageError: fx\.yaml: version must be 1, not 2$/],
        ];
        for (const [doc, expected] of cases) assert.throws(() => parseFixtures(doc, "fx.yaml"), expected);
        const many = { version: 1, extra: 1, secrets: { k: 3 }, azure: { virtualNetworks: [{ name: "v" }] } };
        assert.throws(
            () => parseFixtures(many, "fx.yaml"),
            (e: Error) => {
                for (const path of [
                    "extra",
                    "secrets.k",
                    "azure.virtualNetworks[0].resourceGroup",
                    "azure.virtualNetworks[0].addressSpaces",
                ]) {
                    assert.ok(e.message.includes(`${path} `), `${path} in ${e.message}`);
                }
                return true;
            },
        );
    });

    it("matches invoke inputs on every given entry", () => {
        assert.ok(matchesInput(undefined, { a: 1 }));
        assert.ok(matchesInput({ a: 1 }, { a: 1, b: 2 }));
        assert.ok(!matchesInput({ a: 1, b: 3 }, { a: 1, b: 2 }));
        assert.ok(matchesInput({ l: [1, 2] }, { l: [1, 2] }));
    });
});
