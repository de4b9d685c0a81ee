/**
 * The entry Pulumi's schema analyzer reads when the package is used as a multi-language component
 * package (`pulumi package add`): it finds no TypeScript behind `main`/`exports` (they name the built
 * `dist/`), so it falls back to this file. It re-exports the package root; see lib/index.ts.
 */
export * from "./lib";
