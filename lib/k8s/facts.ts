/**
 * The cluster facts the Kubernetes builders read. The types live in the pure core (shared with the
 * Azure components); this module keeps the Kubernetes-side import path.
 */
export type { ClusterFacts, FactsDataplane, FactsTaintEffect, LinuxOsSku, ServiceIpFamily, WindowsTaint } from "../core/facts";
