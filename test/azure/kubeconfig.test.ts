import * as assert from "node:assert/strict";
import { parse } from "yaml";
import { KubeloginMode } from "../../lib/azure/enums";
import { kubeloginArgs, toNonInteractiveKubeconfig } from "../../lib/azure/kubeconfig";

const SERVER = "6dae42f8-4368-4678-94ff-3960e28e3630";
const DEVICE_CODE = [
    "get-token",
    "--environment",
    "AzurePublicCloud",
    "--server-id",
    SERVER,
    "--client-id",
    "80faf920-1908-4b52-b5ef-a8e7bedfc67a",
    "--tenant-id",
    "tenant-1",
    "--login",
    "devicecode",
];

const entraKubeconfig = `apiVersion: v1
kind: Config
clusters:
- cluster: { server: "https://aks.example.test:443" }
  name: aks
users:
- name: clusterUser_aks
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: kubelogin
      args: ${JSON.stringify(DEVICE_CODE)}
`;

describe("kubeloginArgs", () => {
    it("switches to the Azure CLI login, keeping server id, environment and tenant", () => {
        assert.deepEqual(kubeloginArgs(DEVICE_CODE, { mode: KubeloginMode.AzureCli }), [
            "get-token",
            "--login",
            "azurecli",
            "--server-id",
            SERVER,
            "--environment",
            "AzurePublicCloud",
            "--tenant-id",
            "tenant-1",
        ]);
    });
    it("uses the service principal's client id, not the Azure CLI's", () => {
        const args = kubeloginArgs(DEVICE_CODE, { mode: KubeloginMode.ServicePrincipal, clientId: "app-1" });
        assert.deepEqual(args.slice(0, 3), ["get-token", "--login", "spn"]);
        assert.equal(args[args.indexOf("--client-id") + 1], "app-1");
        assert.ok(!args.includes("80faf920-1908-4b52-b5ef-a8e7bedfc67a"));
    });
    it("leaves workload identity settings to the environment", () => {
        assert.deepEqual(kubeloginArgs(DEVICE_CODE, { mode: KubeloginMode.WorkloadIdentity }), [
            "get-token",
            "--login",
            "workloadidentity",
            "--server-id",
            SERVER,
            "--environment",
            "AzurePublicCloud",
        ]);
    });
    it("passes a user-assigned identity's client id to msi", () => {
        assert.deepEqual(kubeloginArgs(DEVICE_CODE, { mode: KubeloginMode.ManagedIdentity, clientId: "mi-1" }).slice(-2), [
            "--client-id",
            "mi-1",
        ]);
    });
    it("reads --flag=value forms", () => {
        const args = kubeloginArgs(["get-token", `--server-id=${SERVER}`, "--login=devicecode"], { mode: KubeloginMode.AzureCli });
        assert.deepEqual(args, ["get-token", "--login", "azurecli", "--server-id", SERVER]);
    });
    it("keeps the device code login when asked to", () => {
        assert.deepEqual(kubeloginArgs(DEVICE_CODE, { mode: KubeloginMode.DeviceCode }), DEVICE_CODE);
    });
});

describe("toNonInteractiveKubeconfig", () => {
    it("rewrites kubelogin users and keeps the rest", () => {
        const out = parse(toNonInteractiveKubeconfig(entraKubeconfig, { mode: KubeloginMode.AzureCli }));
        assert.equal(out.clusters[0].cluster.server, "https://aks.example.test:443");
        assert.equal(out.users[0].user.exec.command, "kubelogin");
        assert.ok(!out.users[0].user.exec.args.includes("devicecode"));
        assert.equal(out.users[0].user.exec.args[2], "azurecli");
    });
    it("returns certificate kubeconfigs of clusters without Entra ID unchanged", () => {
        const cert = "apiVersion: v1\nusers:\n- name: u\n  user:\n    client-certificate-data: abc\n";
        assert.equal(toNonInteractiveKubeconfig(cert, { mode: KubeloginMode.AzureCli }), cert);
    });
    it("rewrites a kubelogin given by path", () => {
        const text = entraKubeconfig.replace("command: kubelogin", "command: /usr/local/bin/kubelogin");
        assert.ok(toNonInteractiveKubeconfig(text, { mode: KubeloginMode.AzureCli }).includes("azurecli"));
    });
});
