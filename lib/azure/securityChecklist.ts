/**
 * The security and reliability checklist, kept here under its old path: the list itself lives in
 * `lib/core/securityChecklist.ts` (pure), where the policy evaluator reads it too. Re-exports only.
 */
export { checkClusterSecurity, ClusterInputs, SECURITY_CHECKS, SecurityCheck, SecurityCheckResult } from "../core/securityChecklist";
