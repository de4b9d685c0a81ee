/**
 * The package root exports the Azure components' enums under the names the planner's string types
 * also have (`NetworkPlugin`, `IpFamily`, `OsType`, ...): the enums win there, deliberately, and the
 * string types keep their names at `pulumi-aks-network/network` (lib/network/index.ts). Both fit a
 * `NetworkPlan`. The plans below are type-checked by `npm run typecheck`; the last test reads both
 * entries' exports with the TypeScript checker.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as ts from "typescript";
import {
    ConnectedNetworkKind,
    IpFamily,
    NetworkDataplane,
    NetworkPlan,
    NetworkPlugin,
    NetworkPluginMode,
    NetworkPolicy,
    OsType,
    OutboundType,
    validateNetworkPlan,
} from "../../lib";
import * as planner from "../../lib/network";

/** A plan in string literals, typed with the planner's string types from `pulumi-aks-network/network`. */
const plugin: planner.NetworkPlugin = "azure";
const mode: planner.NetworkPluginMode = "overlay";
const dataplane: planner.NetworkDataplane = "cilium";
const policy: planner.NetworkPolicy = "cilium";
const families: planner.IpFamily[] = ["IPv4", "IPv6"];
const outbound: planner.OutboundType = "loadBalancer";
const os: planner.OsType = "Linux";
const kind: planner.ConnectedNetworkKind = "onPremises";
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

/** The same plan with the enums exported at the package root. */
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

/** Compile-time only (never called): an enum-typed value takes no bare string, a string-typed one takes the enum. */
export function entryTypes(): unknown[] {
    // @ts-expect-error at the root, NetworkPlugin is the enum: write NetworkPlugin.Azure, or type the value with the planner's NetworkPlugin
    const asEnum: NetworkPlugin = "azure";
    const asPlan: planner.NetworkPlugin = NetworkPlugin.Kubenet;
    const family: planner.IpFamily = IpFamily.IPv6;
    const same: planner.OutboundType[] = Object.values(OutboundType);
    return [asEnum, asPlan, family, same];
}

describe("the package entry's enums and planner types", () => {
    it("validates a plan written with string literals and one written with the enums alike", () => {
        const a = validateNetworkPlan(withStrings);
        const b = validateNetworkPlan(withEnums);
        assert.deepEqual(b, a);
        // The office range covers the service CIDR: a finding both must report (so the plans were really read).
        assert.ok(
            a.some((d) => d.ruleId === "R34"),
            JSON.stringify(a),
        );
    });

    it("keeps every value of every shared enum inside the planner's string type", () => {
        // The planner's allowed values, as its validator reports them for a wrong one.
        const allowed = (plan: NetworkPlan, field: string): string =>
            validateNetworkPlan(plan).find((d) => d.path === field && d.ruleId === "R71")?.message ?? "";
        const cases: [string, Record<string, string>][] = [
            ["networkPlugin", NetworkPlugin],
            ["networkDataplane", NetworkDataplane],
            ["networkPolicy", NetworkPolicy],
            ["outboundType", OutboundType],
        ];
        for (const [field, values] of cases) {
            const message = allowed({ [field]: "nope" } as NetworkPlan, field);
            for (const v of Object.values(values)) assert.ok(message.includes(JSON.stringify(v)), `${field}: ${v} not in ${message}`);
        }
    });

    it("gives every name of the planner's entry to the root, the shared names as the enums, and no second name", function () {
        this.timeout(120_000);
        const root = path.join(__dirname, "../../lib/index.ts");
        const network = path.join(__dirname, "../../lib/network/index.ts");
        const typesFile = path.join(__dirname, "../../lib/network/types.ts");
        const enumsFile = path.join(__dirname, "../../lib/azure/enums.ts");
        const options = {
            noEmit: true,
            skipLibCheck: true,
            types: [],
            target: ts.ScriptTarget.ES2022,
            module: ts.ModuleKind.CommonJS,
            strict: true,
        };
        const program = ts.createProgram([root, network], options);
        const checker = program.getTypeChecker();
        const moduleOf = (file: string) => {
            const source = program.getSourceFile(file);
            assert.ok(source, file);
            const symbol = checker.getSymbolAtLocation(source);
            assert.ok(symbol, file);
            return symbol;
        };
        const resolve = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
        const exportsOf = (file: string) => checker.getExportsOfModule(moduleOf(file)).map((s) => ({ name: s.name, target: resolve(s) }));
        const atRoot = exportsOf(root);
        const atNetwork = exportsOf(network);
        const enums = new Set(checker.getExportsOfModule(moduleOf(enumsFile)).map(resolve));
        const plannerTypes = checker.getExportsOfModule(moduleOf(typesFile));
        assert.ok(plannerTypes.length >= 20);
        for (const t of plannerTypes) {
            assert.ok(
                atNetwork.some((e) => e.name === t.name && e.target === resolve(t)),
                `the planner's ${t.name} is not at pulumi-aks-network/network`,
            );
        }
        const shared: string[] = [];
        for (const { name, target } of atNetwork) {
            const same = atRoot.find((e) => e.name === name);
            assert.ok(same, `the planner's ${name} has no name at the package root`);
            if (same.target !== target) {
                assert.ok(enums.has(same.target), `${name} at the root is neither the planner's ${name} nor the component's enum`);
                shared.push(name);
            }
            const others = atRoot.filter((e) => e.target === target && e.name !== name).map((e) => e.name);
            assert.deepEqual(others, [], `the planner's ${name} has a second name at the root`);
        }
        assert.deepEqual(shared.sort(), [
            "ConnectedNetworkKind",
            "IpFamily",
            "NetworkDataplane",
            "NetworkPlugin",
            "NetworkPluginMode",
            "NetworkPolicy",
            "OsType",
            "OutboundType",
        ]);
    });
});
