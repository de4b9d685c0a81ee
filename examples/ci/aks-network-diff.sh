#!/usr/bin/env bash
# Plan the base and the head of a pull request offline and compare them with aks-network diff.
#
# Environment (all optional):
#   AKS_NETWORK   how to run the command          (default: npx --no-install aks-network)
#   BASE_DIR      the Pulumi project of the base  (default: ../base)
#   HEAD_DIR      the Pulumi project of the head  (default: .)
#   STACK         the stack whose config is used  (default: the project's only stack)
#   FAIL_ON       risk classes that fail the check, e.g. replace,blocked; empty: none
#   OUT           where the results go            (default: aks-network-diff)
#
# Writes OUT/base.json, OUT/head.json, OUT/comment.md (the PR comment, under 60,000 characters),
# OUT/report.md (the full report, for the job summary) and OUT/exit-code. Exits as aks-network diff
# does: 0 compared, 1 a side failed or the head plan has errors, 2 unreadable input, 3 internal
# error, 4 a FAIL_ON class is present.
set -uo pipefail

AKS_NETWORK="${AKS_NETWORK:-npx --no-install aks-network}"
BASE_DIR="${BASE_DIR:-../base}"
HEAD_DIR="${HEAD_DIR:-.}"
OUT="${OUT:-aks-network-diff}"
mkdir -p "$OUT"

stack_args=()
if [ -n "${STACK:-}" ]; then stack_args=(--stack "$STACK"); fi

# A program that fails still writes its plan result (status "failed"); the diff reports it.
$AKS_NETWORK plan --dir "$BASE_DIR" "${stack_args[@]}" --format json >"$OUT/base.json"
$AKS_NETWORK plan --dir "$HEAD_DIR" "${stack_args[@]}" --format json >"$OUT/head.json"

fail_args=()
if [ -n "${FAIL_ON:-}" ]; then fail_args=(--fail-on "$FAIL_ON"); fi

$AKS_NETWORK diff "$OUT/base.json" "$OUT/head.json" --format markdown --max-chars 1000000 >"$OUT/report.md"
$AKS_NETWORK diff "$OUT/base.json" "$OUT/head.json" --format markdown "${fail_args[@]}" >"$OUT/comment.md"
code=$?
echo "$code" >"$OUT/exit-code"
exit "$code"
