/**
 * Name resolution between the stack's resources: the first resource of an Azure name wins, then the
 * first of a logical name; an unknown reference joins the only candidate; a list read before it grew
 * is read again.
 */
import * as assert from "node:assert/strict";
import { indexStack, resolve, StackResource } from "../../lib/policy/stack";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const VNET = "azure-native:network:VirtualNetwork";

function vnets(...list: [string, string | undefined][]): StackResource[] {
    const resources = list.map(([name, azure]) => ({
        type: VNET,
        name,
        urn: `urn:pulumi:s::p::${VNET}::${name}`,
        props: azure === undefined ? {} : { virtualNetworkName: azure },
    }));
    return indexStack(resources).byKind.vnet;
}

describe("policy: resolve", () => {
    it("finds by Azure name first, then by logical name, the first of each", () => {
        const list = vnets(["a", "hub"], ["hub", "spoke"], ["c", "hub"], ["d", undefined]);
        assert.equal(resolve("hub", list, "virtualNetworkName")?.name, "a");
        assert.equal(resolve("spoke", list, "virtualNetworkName")?.name, "hub");
        assert.equal(resolve("d", list, "virtualNetworkName")?.name, "d");
        assert.equal(resolve("c", list, "virtualNetworkName")?.name, "c");
        assert.equal(resolve("none", list, "virtualNetworkName"), undefined);
        assert.equal(resolve(42, list, "virtualNetworkName"), undefined);
    });

    it("reads names under the key it is given", () => {
        const list = vnets(["a", "hub"]);
        assert.equal(resolve("hub", list, "virtualNetworkName")?.name, "a");
        assert.equal(resolve("hub", list, "otherName"), undefined);
        assert.equal(resolve("a", list, "otherName")?.name, "a");
    });

    it("joins an unknown reference to the only candidate, and to none of several", () => {
        assert.equal(resolve(UNKNOWN, vnets(["a", "hub"]), "virtualNetworkName")?.name, "a");
        assert.equal(resolve(UNKNOWN, vnets(["a", "hub"], ["b", "spoke"]), "virtualNetworkName"), undefined);
    });

    it("sees a resource added to a list it has read before", () => {
        const list = vnets(["a", "hub"]);
        assert.equal(resolve("spoke", list, "virtualNetworkName"), undefined);
        list.push(...vnets(["b", "spoke"]));
        assert.equal(resolve("spoke", list, "virtualNetworkName")?.name, "b");
    });
});
