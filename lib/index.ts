/**
 * pulumi-aks-network: AKS clusters with Azure CNI Overlay, dual-stack and Cilium, validated before
 * anything deploys. This file re-exports only.
 */
export * from "./network";
