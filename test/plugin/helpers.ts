/**
 * The multi-language package as the plugin host sees it: Pulumi's component provider
 * (`@pulumi/pulumi/provider/experimental`, the code `componentProviderHost` and `pulumi package
 * get-schema` run) over this checkout, with the provider name the host derives from package.json.
 * The schema is inferred once per test run (about 5 s: the analyzer type-checks the package).
 */
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import * as path from "node:path";
import { AksCluster } from "../../lib/azure/aksCluster";
import { NodePool } from "../../lib/azure/nodePool";
import { PACKAGE_NAME } from "../../lib/core/tokens";
import { ConnectivityProbe } from "../../lib/k8s/connectivityProbe";
import { IngressController } from "../../lib/k8s/ingressController";
import { SampleApp } from "../../lib/k8s/sampleApp";

/** The repository root: the plugin's folder (PulumiPlugin.yaml, package.json, tsconfig.json, index.ts). */
export const ROOT = path.join(__dirname, "../..");

/** The five components, as the host finds them among the entry's exports (schema.test.ts checks it is all of them). */
export const COMPONENTS = { AksCluster, NodePool, IngressController, SampleApp, ConnectivityProbe };

/** A property of the schema. */
export interface SchemaProperty {
    type?: string;
    $ref?: string;
    items?: SchemaProperty;
    additionalProperties?: SchemaProperty;
    description?: string;
    plain?: boolean;
    enum?: { name?: string; value: string | number }[];
}

/** A resource or object type of the schema. */
export interface SchemaType {
    description?: string;
    type?: string;
    isComponent?: boolean;
    properties?: Record<string, SchemaProperty>;
    inputProperties?: Record<string, SchemaProperty>;
    required?: string[];
    requiredInputs?: string[];
    enum?: { name?: string; value: string | number; description?: string }[];
}

/** The package schema (the parts the tests read). */
export interface PackageSchema {
    name: string;
    resources: Record<string, SchemaType>;
    types: Record<string, SchemaType>;
    dependencies?: unknown[];
}

let provider: ComponentProvider | undefined;

/** The component provider of this checkout (one per run: it caches the inferred schema). */
export function componentProvider(): ComponentProvider {
    provider ??= new ComponentProvider({ name: PACKAGE_NAME, dirname: ROOT, components: Object.values(COMPONENTS) });
    return provider;
}

/** The inferred schema. */
export async function inferredSchema(): Promise<PackageSchema> {
    return JSON.parse(await componentProvider().getSchema()) as PackageSchema;
}
