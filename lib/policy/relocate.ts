/**
 * From a planner or linter finding to a violation on a resource: the finding's path is mapped through
 * the path table (`PathMap` rows from plan paths to `[resource index, ...property path]`), which names
 * the resource it belongs to and the property; the paths the message names are mapped the same way,
 * and a path on another resource is written with that resource's type and name
 * (`VirtualNetwork "hub" addressSpace.addressPrefixes[0]`). Messages are never edited as text.
 *
 * Pure: no Pulumi imports.
 */
import { Diagnostic, PathMap } from "../core/diagnostic";
import { formatPath, hasPrefix, Path } from "../core/path";
import { MessagePart, renderParts } from "../core/text";
import { StackResource } from "./stack";

/** A finding placed on a resource. */
export interface Placed {
    resource: StackResource;
    path: Path;
    message: string;
    found: Diagnostic;
}

/** The resource and property path of a mapped path, or undefined when the map gives no resource. */
function split(mapped: Path, resources: readonly StackResource[]): { resource: StackResource; path: Path } | undefined {
    const head = mapped[0];
    const resource = typeof head === "number" ? resources[head] : undefined;
    return resource && { resource, path: mapped.slice(1) };
}

/** Place a finding: `map` maps plan paths to resource paths; `fallback` owns findings no row places. */
export function place(found: Diagnostic, map: PathMap, resources: readonly StackResource[], fallback: StackResource): Placed {
    const own = split(map.map(found.segments), resources) ?? { resource: fallback, path: found.segments };
    const parts: MessagePart[] = found.template.map((part) => {
        if (typeof part === "string") return part;
        const other = split(map.map(part.path), resources) ?? { resource: fallback, path: part.path };
        if (other.resource === own.resource) return { path: other.path };
        const where = `${other.resource.shortType} "${other.resource.name}"`;
        return other.path.length > 0 ? `${where} ${formatPath(other.path)}` : where;
    });
    return { resource: own.resource, path: own.path, message: renderParts(parts), found };
}

/** True when a finding's path, or a path its message names, lies on or under one of `paths` (or above one). */
export function touches(found: Diagnostic, paths: readonly Path[]): boolean {
    const named = [found.segments, ...found.template.flatMap((part) => (typeof part === "string" ? [] : [part.path]))];
    return named.some((path) => paths.some((unknown) => hasPrefix(path, unknown) || (path.length > 0 && hasPrefix(unknown, path))));
}
