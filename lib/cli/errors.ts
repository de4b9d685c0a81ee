/**
 * Errors of the `aks-network` command.
 */

/**
 * A problem with how the command was called or with its input files (unknown command or option,
 * unreadable or unparsable file). The command prints its one-line message and exits with code 2.
 */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

/** The first line of an error's message, for one-line reports. */
export function firstLine(e: unknown): string {
    const text = e instanceof Error ? e.message : String(e);
    return (
        text
            .split("\n")
            .map((l) => l.trim())
            .find((l) => l.length > 0) ?? "unknown error"
    );
}
