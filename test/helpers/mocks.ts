/**
 * The component tests' view of the fake cloud (lib/cli/plan/mocks.ts, the one `aks-network plan` runs
 * on, with its `examples` values: ids `<name>-id`, short fixed values). `test/setup.ts` installs it
 * once; tests call `resetMocks()`, register per-test outputs and invoke results on `mockState`, and
 * read `registered(...)` after `settle()`.
 */
import * as pulumi from "@pulumi/pulumi";
import { FakeCloud } from "../../lib/cli/plan/mocks";
import { isWireSecret, outputValue, settle as settleSdk, unwrapWireSecrets } from "../../lib/cli/plan/sdk";

export type ResourceRecord = pulumi.runtime.MockResourceArgs;

/** The project and stack the test run's mocks are installed for (`test/setup.ts`). */
export const TEST_DEPLOYMENT = { project: "aks-network-test", stack: "test" };

/** The fake cloud of the test run. */
export const mockState = new FakeCloud({ values: "examples" });

/** Forget everything recorded and every per-test override. */
export function resetMocks(): void {
    mockState.reset();
}

/** Wait until every pending registration has reached the mocks. */
export async function settle(): Promise<void> {
    // The component's own urn resolving does not mean its children have registered.
    await settleSdk(pulumi);
}

/** Registered resources, optionally of one type. */
export function registered(type?: string): ResourceRecord[] {
    return mockState.resources.filter((r) => type === undefined || r.type === type);
}

/** The one registered resource of a type (and name, if given); fails when there is not exactly one. */
export function one(type: string, name?: string): ResourceRecord {
    const found = registered(type).filter((r) => name === undefined || r.name === name);
    if (found.length !== 1) {
        throw new Error(
            `expected one ${type}${name ? ` named ${name}` : ""}, found ${found.length}: ${found.map((r) => r.name).join(", ")}`,
        );
    }
    return found[0];
}

/** The value of an output (only for outputs known in the current mode). */
export const valueOf: <T>(o: pulumi.Output<T>) => Promise<T> = outputValue;

/** True when a mock input value is a wrapped secret. */
export const isWrappedSecret: (v: unknown) => boolean = isWireSecret;

/** Replace wrapped secrets by their values, recursively. */
export const unwrapSecrets: (v: unknown) => unknown = unwrapWireSecrets;

/** True when the suite runs as a preview (`PULUMI_TEST_PREVIEW=1`). */
export const isPreview = process.env.PULUMI_TEST_PREVIEW === "1";
