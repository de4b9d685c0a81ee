/**
 * The package entry exports the Azure components' enums under the names the planner's string types
 * also have (`NetworkPlugin`, `IpFamily`, `OsType`, ...): the enums win there, deliberately, and the
 * string types keep `Plan`-prefixed names. Both fit a `NetworkPlan`. The plans below are type-checked
 * by `npm run typecheck`; the last test reads the entry's exports with the TypeScript checker.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as ts from "typescript";
import {
    ConnectedNetworkKind, IpFamily, NetworkDataplane, NetworkPlan, NetworkPlugin, NetworkPluginMode, NetworkPolicy, OsType, OutboundType,
    PlanConnectedNetworkKind, PlanIpFamily, PlanNetworkDataplane, PlanNetworkPlugin, PlanNetworkPluginMode, PlanNetworkPolicy, PlanOsType,
    PlanOutboundType, validateNetworkPlan,
} from "../../lib";
import * as planner from "../../lib/network/types";

/** A plan in string literals, typed with the planner's string types as the entry names them. */
const plugin: PlanNetworkPlugin = "azure";
const mode: PlanNetworkPluginMode = "overlay";
const dataplane: PlanNetworkDataplane = "cilium";
const policy: PlanNetworkPolicy = "cilium";
const families: PlanIpFamily[] = ["IPv4", "IPv6"];
const outbound: PlanOutboundType = "loadBalancer";
const os: PlanOsType = "Linux";
const kind: PlanConnectedNetworkKind = "onPremises";
const withStrings: NetworkPlan = {
    networkPlugin: plugin,
    networkPluginMode: mode,
    networkDataplane: dataplane,
    networkPolicy: policy,
    ipFamilies: families,
    podCidrs: ["10.244.0.0/16", "fd12:3456:789a::/64"],
    serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a:1::/108"],
    dnsServiceIP: "10.0.0.10",
    outboundType: outbound,
    kubernetesVersion: "1.33",
    nodePools: [{ name: "system", mode: "System", osType: os, count: 3 }],
    connectedNetworks: [{ name: "office", cidr: "10.0.0.0/8", kind }],
};

/** The same plan with the enums exported at the entry. */
const withEnums: NetworkPlan = {
    networkPlugin: NetworkPlugin.Azure,
    networkPluginMode: NetworkPluginMode.Overlay,
    networkDataplane: NetworkDataplane.Cilium,
    networkPolicy: NetworkPolicy.Cilium,
    ipFamilies: [IpFamily.IPv4, IpFamily.IPv6],
    podCidrs: ["10.244.0.0/16", "fd12:3456:789a::/64"],
    serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a:1::/108"],
    dnsServiceIP: "10.0.0.10",
    outboundType: OutboundType.LoadBalancer,
    kubernetesVersion: "1.33",
    nodePools: [{ name: "system", mode: "System", osType: OsType.Linux, count: 3 }],
    connectedNetworks: [{ name: "office", cidr: "10.0.0.0/8", kind: ConnectedNetworkKind.OnPremises }],
};

/** Compile-time only (never called): an enum-typed value takes no bare string, a Plan-typed one takes the enum. */
export function entryTypes(): unknown[] {
    // @ts-expect-error at the entry, NetworkPlugin is the enum: write NetworkPlugin.Azure, or type the value PlanNetworkPlugin
    const asEnum: NetworkPlugin = "azure";
    const asPlan: PlanNetworkPlugin = NetworkPlugin.Kubenet;
    const family: planner.IpFamily = IpFamily.IPv6;
    const same: PlanOutboundType[] = Object.values(OutboundType);
    return [asEnum, asPlan, family, same];
}

describe("the package entry's enums and planner types", () => {
    it("validates a plan written with string literals and one written with the enums alike", () => {
        const a = validateNetworkPlan(withStrings);
        const b = validateNetworkPlan(withEnums);
        assert.deepEqual(b, a);
        // The office range covers the service CIDR: a finding both must report (so the plans were really read).
        assert.ok(a.some((d) => d.ruleId === "R34"), JSON.stringify(a));
    });

    it("keeps every value of every shared enum inside the planner's string type", () => {
        // The planner's allowed values, as its validator reports them for a wrong one.
        const allowed = (plan: NetworkPlan, field: string): string => validateNetworkPlan(plan).find((d) => d.path === field && d.ruleId === "R71")?.message ?? "";
        const cases: [string, Record<string, string>][] = [
            ["networkPlugin", NetworkPlugin], ["networkDataplane", NetworkDataplane], ["networkPolicy", NetworkPolicy], ["outboundType", OutboundType],
        ];
        for (const [field, values] of cases) {
            const message = allowed({ [field]: "nope" } as NetworkPlan, field);
            for (const v of Object.values(values)) assert.ok(message.includes(JSON.stringify(v)), `${field}: ${v} not in ${message}`);
        }
    });

    it("gives every planner type a name at the entry, and the shared names to the enums", function () {
        this.timeout(120_000);
        const entry = path.join(__dirname, "../../lib/index.ts");
        const typesFile = path.join(__dirname, "../../lib/network/types.ts");
        const enumsFile = path.join(__dirname, "../../lib/azure/enums.ts");
        const program = ts.createProgram([entry], { noEmit: true, skipLibCheck: true, types: [], target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true });
        const checker = program.getTypeChecker();
        const moduleOf = (file: string) => {
            const source = program.getSourceFile(file);
            assert.ok(source, file);
            const symbol = checker.getSymbolAtLocation(source);
            assert.ok(symbol, file);
            return symbol;
        };
        const resolve = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
        const exported = checker.getExportsOfModule(moduleOf(entry)).map((s) => ({ name: s.name, target: resolve(s) }));
        const enums = new Set(checker.getExportsOfModule(moduleOf(enumsFile)));
        const plannerTypes = checker.getExportsOfModule(moduleOf(typesFile));
        assert.ok(plannerTypes.length >= 20);
        const shared: string[] = [];
        for (const t of plannerTypes) {
            const names = exported.filter((e) => e.target === t).map((e) => e.name);
            assert.ok(names.length > 0, `the planner's ${t.name} has no name at the package entry`);
            const atName = exported.find((e) => e.name === t.name);
            if (atName && atName.target !== t) {
                assert.ok(enums.has(atName.target), `${t.name} at the entry is neither the planner's type nor the component's enum`);
                assert.deepEqual(names, [`Plan${t.name}`], `the planner's ${t.name} is exported as Plan${t.name}`);
                shared.push(t.name);
            }
        }
        assert.deepEqual(shared.sort(), [
            "ConnectedNetworkKind", "IpFamily", "NetworkDataplane", "NetworkPlugin", "NetworkPluginMode", "NetworkPolicy", "OsType", "OutboundType",
        ]);
    });
});
