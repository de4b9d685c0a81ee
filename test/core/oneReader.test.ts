/**
 * One reader: the planner (`network/model.ts`) and the Service linter (`k8s/serviceModel.ts`) read their
 * input through `core/shape.ts` only. Every problem they report is a problem of the shape walk, and no
 * other module walks keys with a "did you mean" of its own.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as fc from "fast-check";
import { Sink } from "../../lib/core/diagnostic";
import { checkShape } from "../../lib/core/shape";
import { CLUSTER_READ, CLUSTER_SHAPE, readCluster, readService, SERVICE_READ, SERVICE_SHAPE } from "../../lib/k8s/serviceModel";
import { PLAN_READ, PLAN_SHAPE, READER_IDS, readModel } from "../../lib/network/model";

const LIB = path.join(__dirname, "..", "..", "lib");
const READERS = ["network/model.ts", "k8s/serviceModel.ts"];

function libFiles(dir = LIB): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? libFiles(full) : entry.name.endsWith(".ts") ? [full] : [];
    });
}

const MALFORMED: unknown[] = [
    undefined,
    null,
    5,
    "plan",
    [],
    { networkPlugin: "Azure", networkPluginMode: "Overlay", ipFamilies: "IPv4", podCidrs: "10.0.0.0/8", extra: 1 },
    { nodePools: [5, { name: 3, count: "3", maxSurge: "0", osType: "linux", vmSize: "" }], nodeSubnets: [{ cidr: "x" }, null] },
    { connectedNetworks: [null, "10.0.0.0/33", { name: "", kind: "x", cidr: 5, kindd: 1 }], names: { vnet: null } },
    { windowsProfile: 5, dnsServiceIP: "fd00::10", kubernetesVersion: "v1.30", dockerBridgeCidr: null, outboundType: "nat" },
    {
        kind: "Pod",
        apiVersion: "apps/v1",
        metadata: { name: 5, annotations: { a: true } },
        spec: { type: 1, ports: [null, { port: "80", prt: 1 }] },
    },
    { spec: { selector: [], clusterIPs: ["a", 5], ipFamilies: "IPv4", selectr: {} }, sttus: {} },
];

describe("one reader", () => {
    it("the readers build on checkShape and never report a problem of their own", () => {
        for (const file of READERS) {
            const text = fs.readFileSync(path.join(LIB, file), "utf8");
            assert.match(text, /checkShape</, `${file} reads through checkShape`);
            assert.doesNotMatch(text, /sink\.(error|warn|info)\(/, `${file} reports only the shape reader's problems`);
            assert.doesNotMatch(text, /class Reader\b/, `${file} has no walker of its own`);
        }
    });

    it("no module but the shape reader walks keys with a did-you-mean (stack config keys are names, not a value's shape)", () => {
        const allowed = new Set(["core/shape.ts", "core/words.ts", "stack/config.ts"]);
        const walkers = libFiles()
            .map((file) => path.relative(LIB, file).split(path.sep).join("/"))
            .filter((file) => !allowed.has(file) && /\b(closest|nearest)\(/.test(fs.readFileSync(path.join(LIB, file), "utf8")));
        assert.deepEqual(walkers, []);
    });

    it("every problem readModel reports is the plan shape's, with the reader's rule ids", () => {
        const ids = new Set<string>();
        const check = (plan: unknown) => {
            const sink = new Sink();
            readModel(plan, sink);
            assert.deepEqual(sink.diagnostics, checkShape(plan, PLAN_SHAPE, PLAN_READ).problems);
            for (const d of sink.diagnostics) ids.add(d.ruleId);
        };
        MALFORMED.forEach(check);
        fc.assert(fc.property(fc.anything(), check), { numRuns: 300 });
        assert.deepEqual([...ids].sort(), [...READER_IDS].sort(), "the malformed plans reach every reader id");
    });

    it("every problem readService and readCluster report is their shape's", () => {
        const ids = new Set<string>();
        const check = (value: unknown) => {
            const sink = new Sink();
            readCluster(value, sink);
            readService(value, sink);
            const expected = [
                ...checkShape(value, CLUSTER_SHAPE, CLUSTER_READ).problems,
                ...checkShape(value, SERVICE_SHAPE, SERVICE_READ).problems,
            ];
            assert.deepEqual(sink.diagnostics, expected);
            for (const d of sink.diagnostics) ids.add(d.ruleId);
        };
        MALFORMED.forEach(check);
        fc.assert(fc.property(fc.anything(), check), { numRuns: 300 });
        assert.deepEqual([...ids].sort(), ["SVC-1", "SVC-2", "SVC-3", "SVC-4"]);
    });
});
