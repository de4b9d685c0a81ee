/**
 * The TypeScript loader of a Pulumi program, found the way the program's own Pulumi finds it.
 *
 * The Node.js language host of `@pulumi/pulumi` (its `tsutils.js`, `typeScriptRequireStrings`, as of
 * 3.x) requires `ts-node` and `typescript` from its own folder, so a copy in the program's
 * node_modules wins, and otherwise uses the copies it ships in `vendor/ts-node@<version>` and
 * `vendor/typescript@<version>/typescript.js`. A program that `pulumi up` runs therefore needs no
 * ts-node of its own, and neither does `aks-network plan`.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Where a program's TypeScript loader comes from. */
export interface TypeScriptLoader {
    /** The ts-node module to register (a path that `require` accepts). */
    tsNode: string;
    /** The TypeScript compiler ts-node should use; null for the one ts-node finds itself. */
    typescript: string | null;
    /** `pulumi`: as the program's Pulumi loads it (installed, or vendored by Pulumi); `fallback`: no Pulumi found, a ts-node of the project's or this package's. */
    from: "pulumi" | "fallback";
}

/** A module resolved from `dirs` as `require` would, or null. */
function resolveFrom(request: string, dirs: string[]): string | null {
    try {
        return require.resolve(request, { paths: dirs });
    } catch {
        return null;
    }
}

/** The first `vendor/<name>@<version>` folder of a Pulumi installation, or null. */
function vendored(pulumiDir: string, name: string): string | null {
    const vendor = path.join(pulumiDir, "vendor");
    let entries: string[];
    try {
        entries = fs.readdirSync(vendor);
    } catch {
        return null;
    }
    const found = entries.filter((e) => e.startsWith(`${name}@`)).sort()[0];
    return found === undefined ? null : path.join(vendor, found);
}

/**
 * The TypeScript loader for a program: with `pulumiDir` (the folder of the program's
 * `@pulumi/pulumi`), `ts-node` and `typescript` as that Pulumi resolves them (from its folder, else its
 * vendored copies); without it, or when that finds no ts-node, a ts-node resolved from `fallbackDirs`
 * (the project, then this package). Null when there is none.
 */
export function resolveTypeScriptLoader(pulumiDir: string | null, fallbackDirs: string[]): TypeScriptLoader | null {
    if (pulumiDir !== null) {
        const tsNode = resolveFrom("ts-node", [pulumiDir]) ?? vendored(pulumiDir, "ts-node");
        const vendoredTypescript = vendored(pulumiDir, "typescript");
        const typescript =
            resolveFrom("typescript", [pulumiDir]) ?? (vendoredTypescript === null ? null : path.join(vendoredTypescript, "typescript.js"));
        if (tsNode !== null) return { tsNode, typescript, from: "pulumi" };
    }
    const tsNode = resolveFrom("ts-node", fallbackDirs);
    return tsNode === null ? null : { tsNode, typescript: null, from: "fallback" };
}
