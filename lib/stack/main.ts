/**
 * Entry point of the root stack program (`Pulumi.yaml` `main`). Not part of the package's API:
 * importing it deploys. Its exports are the stack outputs.
 */
import { runStackProgram } from "./program";

export = runStackProgram();
