/**
 * Kubeconfig rewriting for Entra ID clusters. AKS's user kubeconfig runs `kubelogin get-token ...
 * --login devicecode`, which waits for a person to open a browser: useless in CI. The rewrite keeps the
 * server id and environment and switches to a non-interactive login. Kubeconfigs without a kubelogin
 * user (certificate users of non-Entra clusters) come back unchanged. Pure: no Pulumi imports.
 */
import type * as Yaml from "yaml";

/** The YAML library, loaded when a kubeconfig is rewritten (at deploy time), not when the package loads. */
function yaml(): typeof Yaml {
    return require("yaml") as typeof Yaml;
}
import { KubeloginMode } from "./enums";

/** Options of the rewrite. */
export interface KubeloginOptions {
    /** The login mode. */
    mode: KubeloginMode;
    /** Client id for `spn` (required) and `msi` (a user-assigned identity). @default - none */
    clientId?: string;
}

/** Flags that take a value in `kubelogin get-token`. */
const VALUE_FLAGS = new Set([
    "--environment",
    "-e",
    "--server-id",
    "--client-id",
    "--tenant-id",
    "-t",
    "--login",
    "-l",
    "--client-secret",
    "--client-certificate",
    "--username",
    "--password",
    "--identity-resource-id",
    "--authority-host",
    "--federated-token-file",
    "--token-cache-dir",
    "--pop-claims",
]);

/** Reads `--flag value` and `--flag=value` pairs of an argument list. */
function readFlags(args: string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        const eq = a.indexOf("=");
        if (a.startsWith("-") && eq > 0) {
            out.set(a.slice(0, eq), a.slice(eq + 1));
        } else if (VALUE_FLAGS.has(a) && i + 1 < args.length) {
            out.set(a, args[i + 1]);
            i++;
        }
    }
    return out;
}

function isKubelogin(command: unknown): boolean {
    return typeof command === "string" && /(^|[\\/])kubelogin(\.exe)?$/.test(command);
}

/** The `kubelogin get-token` arguments for a mode, keeping what AKS put there that still applies. */
export function kubeloginArgs(original: string[], opts: KubeloginOptions): string[] {
    const flags = readFlags(original);
    const serverId = flags.get("--server-id");
    const environment = flags.get("--environment") ?? flags.get("-e");
    const tenantId = flags.get("--tenant-id") ?? flags.get("-t");
    if (opts.mode === KubeloginMode.DeviceCode) return original;
    const args = ["get-token", "--login", opts.mode];
    if (serverId !== undefined) args.push("--server-id", serverId);
    if (environment !== undefined) args.push("--environment", environment);
    switch (opts.mode) {
        case KubeloginMode.ServicePrincipal:
            // The secret comes from AAD_SERVICE_PRINCIPAL_CLIENT_SECRET (or a certificate) at run time.
            if (opts.clientId) args.push("--client-id", opts.clientId);
            if (tenantId !== undefined) args.push("--tenant-id", tenantId);
            break;
        case KubeloginMode.ManagedIdentity:
            if (opts.clientId) args.push("--client-id", opts.clientId);
            break;
        case KubeloginMode.AzureCli:
        case KubeloginMode.AzureDeveloperCli:
            if (tenantId !== undefined) args.push("--tenant-id", tenantId);
            break;
        case KubeloginMode.WorkloadIdentity:
            // Client id, tenant id and token file come from AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_FEDERATED_TOKEN_FILE.
            break;
    }
    return args;
}

/**
 * Rewrite every kubelogin user of a kubeconfig to a non-interactive login.
 *
 * @example
 * toNonInteractiveKubeconfig(yamlText, { mode: KubeloginMode.AzureCli })
 * // users[].user.exec.args: ["get-token", "--login", "azurecli", "--server-id", "6dae42f8-...", "--environment", "AzurePublicCloud", ...]
 */
export function toNonInteractiveKubeconfig(kubeconfig: string, opts: KubeloginOptions): string {
    const doc = yaml().parse(kubeconfig) as { users?: { user?: { exec?: { command?: unknown; args?: unknown } } }[] } | null;
    if (!doc || !Array.isArray(doc.users)) return kubeconfig;
    let changed = false;
    for (const u of doc.users) {
        const exec = u?.user?.exec;
        if (!exec || !isKubelogin(exec.command)) continue;
        const args = Array.isArray(exec.args) ? exec.args.map(String) : [];
        exec.args = kubeloginArgs(args, opts);
        changed = true;
    }
    return changed ? yaml().stringify(doc) : kubeconfig;
}
