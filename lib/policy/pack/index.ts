/**
 * The policy pack: `pulumi preview --policy-pack <this folder>` (after `npm run build`; the folder's
 * package.json points here). Constructing a `PolicyPack` serves the engine, so nothing else lives here:
 * the policies are in `policies.ts`, the rules in the pure evaluator.
 */
import { PolicyPack } from "@pulumi/policy";
import { stackPolicies } from "./policies";

new PolicyPack("aks-network", { policies: stackPolicies() });
