/**
 * Child process of the import-time benchmark: requires one module in a fresh process and prints how
 * long the `require` took, how many module files it loaded and the process's peak RSS.
 *
 * argv: <module specifier or path>
 */
export {};

const target = process.argv[2];
const before = Object.keys(require.cache).length;
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
require(target);
const requireMs = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
const requireCpuMs = (cpu.user + cpu.system) / 1000;
const files = Object.keys(require.cache);
const modules = files.length - before;
const sep = "/node_modules/";
/** Which heavy SDK packages the require pulled in, and whether it loaded the azure-native root index. */
const loaded = {
    pulumi: files.some((f) => f.includes(`${sep}@pulumi/pulumi/`)),
    kubernetes: files.some((f) => f.includes(`${sep}@pulumi/kubernetes/`)),
    azureNativeFiles: files.filter((f) => f.includes(`${sep}@pulumi/azure-native/`)).length,
    azureNativeRoot: files.some((f) => f.endsWith(`${sep}@pulumi/azure-native/index.js`)),
};
process.stdout.write(JSON.stringify({ requireMs, requireCpuMs, modules, loaded, maxRssKb: process.resourceUsage().maxRSS }) + "\n");
// Some SDK modules keep handles open; the figure is taken, so leave now.
process.exit(0);
