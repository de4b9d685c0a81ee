/**
 * Printable values: secrets, unknowns and resource references from the engine's wire form.
 */
import assert from "node:assert/strict";
import { at, flatten, hideStrings, isWireSecret, toPlanValue, UNKNOWN_SENTINEL } from "../../../lib/cli/plan/values";

const SIG = "4dabf18193072939515e22adb298388d";
const secret = (value: unknown) => ({ [SIG]: "1b47061264138c4ac30d75fd1eb44270", value });

describe("plan values", () => {
    it("shows secrets, nested ones included, as [secret] and never their value", () => {
        const v = toPlanValue({ a: secret("pw"), b: { c: [secret({ deep: "x" }), "plain"] } }, { hidden: [] });
        assert.deepEqual(v, { a: "[secret]", b: { c: ["[secret]", "plain"] } });
        assert.ok(!JSON.stringify(v).includes("pw"));
        assert.ok(isWireSecret(secret(1)));
        assert.ok(!isWireSecret({ value: 1 }));
    });

    it("hides any string containing a hidden value", () => {
        assert.deepEqual(toPlanValue({ a: "x-Offline-1-y", b: "fine" }, { hidden: ["Offline-1"] }), { a: "[secret]", b: "fine" });
        assert.equal(hideStrings("error: password Offline-1 too short", ["Offline-1"]), "error: password [secret] too short");
    });

    it("shows unknowns, resource references (URNs rewritten), output values and assets", () => {
        const urns = new Map([["urn:mock", "urn:engine"]]);
        const v = toPlanValue(
            {
                u: UNKNOWN_SENTINEL,
                r: { [SIG]: "5cf8f73096256a8f31e491e813e4eb8e", urn: "urn:mock", id: "x" },
                o: { [SIG]: "d0e6a833031e9bbcd3f4e8bde6ca49a4", value: 3 },
                os: { [SIG]: "d0e6a833031e9bbcd3f4e8bde6ca49a4", value: "s", secret: true },
                ou: { [SIG]: "d0e6a833031e9bbcd3f4e8bde6ca49a4" },
                f: { [SIG]: "c44067f5952c0a294b673a41bacd8c17", path: "./a.txt" },
            },
            { hidden: [], urns },
        );
        assert.deepEqual(v, { f: "[file ./a.txt]", o: 3, os: "[secret]", ou: "[unknown]", r: { $ref: "urn:engine" }, u: "[unknown]" });
    });

    it("sorts object keys so the JSON is stable", () => {
        assert.deepEqual(Object.keys(toPlanValue({ b: 1, a: 2 }, { hidden: [] }) as object), ["a", "b"]);
    });

    it("flattens to paths, quoting keys that are not identifiers", () => {
        assert.deepEqual(
            flatten({
                spec: { ports: [{ port: 80 }], selector: {} },
                metadata: { annotations: { "service.beta.kubernetes.io/x": "1" } },
                r: { $ref: "u" },
            }),
            {
                "spec.ports[0].port": 80,
                "spec.selector": {},
                'metadata.annotations["service.beta.kubernetes.io/x"]': "1",
                r: { $ref: "u" },
            },
        );
        assert.deepEqual(flatten({ list: [] }), { list: [] });
    });

    it("reads values at dotted paths", () => {
        const v = { a: { b: [{ c: 1 }] } };
        assert.equal(at(v, "a.b[0].c"), 1);
        assert.equal(at(v, "a.x.c"), undefined);
        assert.equal(at(v, "a.b[3]"), undefined);
    });
});
