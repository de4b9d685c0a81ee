/**
 * The Azure components' own defaults, each documented where it is used (`@default` on the arguments).
 * AKS's defaults for the network plan live in `../network/defaults.ts`.
 */
import { NodeTaint } from "./nodePoolArgs";
import { TaintEffect, WeekDay } from "./enums";

/** The Kubernetes version, and the warnings made errors, when none are given: the planner's, so both agree. */
export { DEFAULT_KUBERNETES_VERSION, DEFAULT_WARNINGS_AS_ERRORS } from "../network/defaults";
/** The System pool's name. */
export const DEFAULT_SYSTEM_POOL_NAME = "system";
/** VM size of every pool: 4 vCPU, 16 GiB, 150 GiB local disk (fits a 128 GB ephemeral OS disk). */
export const DEFAULT_VM_SIZE = "Standard_D4ds_v5";
/** Nodes per pool without the autoscaler (Azure.AKS.MinNodeCount / MinUserPoolNodes). */
export const DEFAULT_NODE_COUNT = 3;
/** Pods per node, written explicitly (CKV_AZURE_168 wants >= 50; Windows overlay pools <= 110). */
export const DEFAULT_MAX_PODS = 110;
/** Upgrade surge (AKS's recommendation for production pools). */
export const DEFAULT_MAX_SURGE = "33%";
/** Availability zones of every pool. */
export const DEFAULT_ZONES = ["1", "2", "3"];
/** The Windows administrator's name. */
export const DEFAULT_WINDOWS_ADMIN = "azureuser";

/** The default VNet (the ranges of AKS's own managed VNet). */
export const DEFAULT_VNET_SPACE_V4 = "10.224.0.0/12";
/** The default VNet's IPv6 space on dual-stack clusters (a ULA range apart from the default pod and service ranges). */
export const DEFAULT_VNET_SPACE_V6 = "fd10:224::/56";
/** The default node subnet's name. */
export const DEFAULT_SUBNET_NAME = "nodes";
/** The default node subnet's IPv4 prefix. */
export const DEFAULT_SUBNET_V4 = "10.224.0.0/16";
/** The default node subnet's IPv6 prefix (Azure subnets are /64). */
export const DEFAULT_SUBNET_V6 = "fd10:224::/64";

/** The System pool's taint: only critical add-ons run there (CKV_AZURE_232). */
export const SYSTEM_POOL_TAINT: NodeTaint = { key: "CriticalAddonsOnly", value: "true", effect: TaintEffect.NoSchedule };
/** Windows pools' taint: Linux workloads never land there unless they tolerate it. */
export const WINDOWS_TAINT: NodeTaint = { key: "kubernetes.io/os", value: "windows", effect: TaintEffect.NoSchedule };
/** Windows pools' label, for node selectors and affinities beside AKS's own `kubernetes.io/os`. */
export const WINDOWS_LABELS: { [key: string]: string } = { "aks-network.io/os": "windows" };

/** Image Cleaner's scan interval (24 hours to 3 months). */
export const IMAGE_CLEANER_INTERVAL_HOURS = 168;
/** Key Vault secrets provider's rotation poll interval. */
export const SECRET_ROTATION_POLL_INTERVAL = "2m";

/** The Kubernetes upgrade window. */
export const DEFAULT_UPGRADE_WINDOW = { dayOfWeek: WeekDay.Sunday, startTime: "00:00", durationHours: 4, utcOffset: "+00:00" };
/** The node OS upgrade window. */
export const DEFAULT_NODE_OS_WINDOW = { dayOfWeek: WeekDay.Saturday, startTime: "00:00", durationHours: 4, utcOffset: "+00:00" };

/** Built-in role `Network Contributor`. */
export const NETWORK_CONTRIBUTOR_ROLE_ID = "4d97b98b-1d4f-4787-a291-c67834d212e7";

/** AKS create and upgrade regularly exceed the provider's defaults. */
export const CLUSTER_TIMEOUTS = { create: "90m", update: "90m", delete: "60m" };
/** Agent pool operations. */
export const POOL_TIMEOUTS = { create: "60m", update: "60m", delete: "60m" };

/** Generated Windows password: 32 characters with every class; symbols AKS and shells accept. */
export const WINDOWS_PASSWORD_LENGTH = 32;
/** Symbols of the generated Windows password. */
export const WINDOWS_PASSWORD_SPECIALS = "!#%*()-_=+[]{}:?";
