/**
 * The version of this installation of pulumi-aks-network, read from its package.json.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The package's name, as in package.json. */
export const PACKAGE_NAME = "pulumi-aks-network";

/**
 * The version in the package.json of this installation (found upwards from this file: lib/cli in the
 * sources, dist/lib/cli when built), or null when no package.json of this package is found.
 */
export function packageVersion(): string | null {
    let dir = __dirname;
    for (let k = 0; k < 8; k++) {
        const file = path.join(dir, "package.json");
        if (fs.existsSync(file)) {
            try {
                const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
                if (pkg.name === PACKAGE_NAME) return typeof pkg.version === "string" ? pkg.version : null;
            } catch {
                // not this package's file: keep looking upwards
            }
        }
        const parent = path.dirname(dir);
        if (parent === dir) break;
        dir = parent;
    }
    return null;
}
