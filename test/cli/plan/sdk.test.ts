/**
 * The contract between the offline engine's adapter (lib/cli/plan/sdk.ts) and the installed
 * `@pulumi/pulumi`: every SDK function the adapter calls, every wire constant it copies, and the
 * mock monitor's requests it observes. An SDK upgrade that breaks one of them fails here first,
 * naming what changed.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { FakeCloud } from "../../../lib/cli/plan/mocks";
import {
    engineUrns,
    isWireSecret,
    outputValue,
    Recorded,
    Recording,
    runInStack,
    settle,
    startMocks,
    WIRE,
} from "../../../lib/cli/plan/sdk";
import { registered, resetMocks } from "../../helpers/mocks";
import { installSuiteMocks } from "../../setup";

const sdkVersion = (JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")) as { version: string }).version;
const changed = (what: string) => `@pulumi/pulumi ${sdkVersion}: ${what} changed; update lib/cli/plan/sdk.ts to the SDK's new surface`;

/** A resource with the given outputs declared, so that they can be read back. */
class Thing extends pulumi.CustomResource {
    declare readonly made: pulumi.Output<string>;
    constructor(name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
        super("acme:x:Thing", name, { made: undefined, ...props }, opts);
    }
}

/** A component that registers the outputs it is given. */
class Component extends pulumi.ComponentResource {
    constructor(type: string, name: string, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
    }
    publish(outputs: pulumi.Inputs): void {
        this.registerOutputs(outputs);
    }
}

/** An explicit provider of the `acme` package. */
class AcmeProvider extends pulumi.ProviderResource {
    constructor(name: string) {
        super("acme", name, {});
    }
}

/** Run a small program under the adapter's mocks and return what was recorded. */
async function recordProgram(preview: boolean, program: () => Promise<void>): Promise<{ recording: Recording; cloud: FakeCloud }> {
    const cloud = new FakeCloud({ preview });
    cloud.outputs.set("acme:x:Thing", (a) => ({ made: `${a.name}-made` }));
    const recording = await startMocks(pulumi, cloud, { project: "contract", stack: "dev", preview });
    await runInStack(pulumi, program);
    await settle(pulumi);
    return { recording, cloud };
}

function byName(recording: Recording, name: string): Recorded {
    const found = recording.resources.filter((r) => r.name === name);
    assert.equal(found.length, 1, `one registration named ${name} expected, found ${found.length}`);
    return found[0];
}

describe("the installed @pulumi/pulumi keeps the offline engine's contract", () => {
    after(() => installSuiteMocks());

    it("exports the functions the adapter calls, with the expected arity", () => {
        const expected: [string, unknown, number][] = [
            ["runtime.setMocks", pulumi.runtime.setMocks, 5],
            ["runtime.setAllConfig", pulumi.runtime.setAllConfig, 2],
            ["runtime.runInPulumiStack", pulumi.runtime.runInPulumiStack, 1],
            ["runtime.disconnect", pulumi.runtime.disconnect, 0],
            ["runtime.getMonitor", pulumi.runtime.getMonitor, 0],
            ["createUrn", pulumi.createUrn, 5],
        ];
        for (const [name, fn, arity] of expected) {
            assert.equal(typeof fn, "function", changed(`${name} (missing)`));
            assert.equal((fn as (...a: unknown[]) => unknown).length, arity, changed(`the arity of ${name}`));
        }
    });

    it("uses the wire signatures the adapter copies", () => {
        const sdk: Record<keyof typeof WIRE, string> = {
            sigKey: pulumi.runtime.specialSigKey,
            secret: pulumi.runtime.specialSecretSig,
            resource: pulumi.runtime.specialResourceSig,
            outputValue: pulumi.runtime.specialOutputValueSig,
            asset: pulumi.runtime.specialAssetSig,
            archive: pulumi.runtime.specialArchiveSig,
            unknown: pulumi.runtime.unknownValue,
        };
        for (const key of Object.keys(WIRE) as (keyof typeof WIRE)[])
            assert.equal(WIRE[key], sdk[key], changed(`the wire signature ${key}`));
    });

    it("lets the adapter record registrations: inputs, secrets, parent, provider, options, reads and outputs", async () => {
        let urnOfThing: Promise<string> = Promise.resolve("");
        let made: pulumi.Output<string> = pulumi.output("");
        const { recording } = await recordProgram(false, async () => {
            const parent = new Component("acme:x:Parent", "parent");
            const mid = new Component("acme:x:Mid", "mid", { parent });
            const provider = new AcmeProvider("prov");
            const before = new Thing("before", {});
            const thing = new Thing(
                "thing",
                { a: 1, s: pulumi.secret("hidden"), ref: before.id },
                {
                    parent: mid,
                    provider,
                    protect: true,
                    ignoreChanges: ["a"],
                    dependsOn: [before],
                    additionalSecretOutputs: ["made"],
                },
            );
            new Thing("existing", {}, { id: "existing-id" });
            parent.publish({ out: 1 });
            urnOfThing = outputValue(thing.urn);
            made = thing.made;
        });
        const thing = byName(recording, "thing");
        assert.equal(thing.urn, await urnOfThing, changed("the URN the mock monitor answers with"));
        assert.equal((thing.inputs as Record<string, unknown>).a, 1, changed("the register request's object"));
        assert.ok(isWireSecret((thing.inputs as Record<string, unknown>).s), changed("the wire form of secret inputs"));
        assert.equal(thing.parent, byName(recording, "mid").urn, changed("the register request's parent"));
        assert.equal(thing.provider, byName(recording, "prov").urn, changed("the register request's provider reference"));
        assert.ok(thing.dependsOn.includes(byName(recording, "before").urn), changed("the register request's dependencies"));
        assert.deepEqual([thing.options.protect, thing.options.ignoreChanges], [true, ["a"]], changed("the register request's options"));
        assert.equal(
            await pulumi.isSecret(made),
            true,
            changed("the register response's object (additionalSecretOutputs are marked on it)"),
        );
        assert.equal(await outputValue(made), "thing-made");
        const existing = byName(recording, "existing");
        assert.deepEqual([existing.op, existing.options], ["read", { id: "existing-id" }], changed("the read request"));
        assert.deepEqual(recording.outputs.get(byName(recording, "parent").urn), { out: 1 }, changed("the register-outputs request"));
        const urns = await engineUrns(pulumi, recording.resources, "contract", "dev");
        assert.equal(urns.get(thing.urn), "urn:pulumi:dev::contract::acme:x:Parent$acme:x:Mid$acme:x:Thing::thing", changed("createUrn"));
        assert.equal(
            urns.get(byName(recording, "parent").urn),
            "urn:pulumi:dev::contract::acme:x:Parent::parent",
            changed("createUrn under the stack"),
        );
    });

    it("passes unknown values of a preview as the wire sentinel", async () => {
        const { recording } = await recordProgram(true, async () => {
            const first = new Thing("first", {});
            new Thing("second", { fromFirst: first.made });
        });
        assert.equal(
            (byName(recording, "second").inputs as Record<string, unknown>).fromFirst,
            WIRE.unknown,
            changed("the wire form of unknowns"),
        );
    });

    it("settles every registration, and the mocks stay usable afterwards", async () => {
        installSuiteMocks();
        resetMocks();
        const parent = new Component("acme:x:Parent", "settle-parent");
        parent.urn.apply(() => new Thing("settle-late", {}, { parent }));
        await settle(pulumi);
        assert.deepEqual(
            registered("acme:x:Thing").map((r) => r.name),
            ["settle-late"],
            changed("runtime.disconnect (waiting for outstanding registrations)"),
        );
        new Thing("settle-again", {});
        await settle(pulumi);
        assert.deepEqual(
            registered("acme:x:Thing").map((r) => r.name),
            ["settle-late", "settle-again"],
            changed("the mock monitor after runtime.disconnect"),
        );
    });
});
