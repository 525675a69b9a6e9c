/** What the steps of the resolution (resolve.ts, resolve-raci.ts, resolve-units.ts) share. */

import type { Diagnostic, DiagnosticCode } from "../model/diagnostic.ts";
import type { Model } from "../model/model.ts";
import type { PathKey } from "../model/yaml-source.ts";
import type { PersonNode, TeamGraph } from "./types.ts";

export type Ids = ReadonlySet<string> | ReadonlyMap<string, unknown>;

/** What each step of the resolution shares: the model, who is away, and how to report a problem. */
export interface ResolveContext {
  model: Model;
  absent: ReadonlySet<string>;
  report(node: object, path: PathKey[], code: DiagnosticCode, message: string, target?: "key"): void;
  /** A located warning: the model is valid, but probably not what was meant. */
  warn(node: object, path: PathKey[], code: DiagnosticCode, message: string): void;
  /** Whether `id` exists (or existed but failed the schema, or is away in a what-if). */
  known(ids: Ids, id: string): boolean;
  unknown(
    node: object,
    path: PathKey[],
    what: string,
    id: string,
    candidates: Iterable<string>,
    target?: "key",
  ): void;
  /**
   * A reference that may name a team or person of another source of the organisation (a team's
   * `serves`, a person's `reportsTo`, a product's team, a RACI C or I): recorded in the graph's
   * `external` list when the model is checked on its own (with a did-you-mean when it is close to one
   * of its own ids); reported like `unknown` when the organisation gave the context.
   */
  external(
    node: object,
    path: PathKey[],
    what: "team" | "person",
    id: string,
    candidates: Iterable<string>,
  ): void;
}

/** Competency → the people (in order) with a level of 1 or more in it. */
export function indexSkills(people: ReadonlyMap<string, PersonNode>): Map<string, string[]> {
  const skilled = new Map<string, string[]>();
  for (const person of people.values()) {
    for (const competency in person.skills) {
      if ((person.skills[competency] ?? 0) < 1) continue;
      const list = skilled.get(competency);
      if (list) list.push(person.id);
      else skilled.set(competency, [person.id]);
    }
  }
  return skilled;
}

/**
 * Role → the people (in order) who hold it. A role a job title suggests to someone with no recorded
 * roles counts as held (002 "Beyond the labels"), as one under `roles` does.
 */
export function indexHolders(people: ReadonlyMap<string, PersonNode>): Map<string, string[]> {
  const holders = new Map<string, string[]>();
  for (const person of people.values()) {
    for (const role of heldRoles(person)) {
      const list = holders.get(role);
      if (!list) holders.set(role, [person.id]);
      else if (list.at(-1) !== person.id) list.push(person.id);
    }
  }
  return holders;
}

/** How a graph was resolved: who was left out, how outside references were treated, what was reported. */
export interface Resolution {
  absent: ReadonlySet<string>;
  references: unknown;
  diagnostics: readonly Diagnostic[];
}

const resolutions = new WeakMap<TeamGraph, Resolution>();

/** Remembers how `graph` was resolved (for a what-if that derives another graph from it: scenario.ts). */
export function recordResolution(graph: TeamGraph, resolution: Resolution): void {
  resolutions.set(graph, resolution);
}

/** How `graph` was resolved, when resolveTeam made it. */
export function resolutionOf(graph: TeamGraph): Resolution | undefined {
  return resolutions.get(graph);
}

/** Every role a person holds: under `roles`, then by job title. */
export function heldRoles(person: PersonNode): string[] {
  return [...person.roles.map((h) => h.role), ...person.titleRoles];
}

/** Reports each id of `list` defined more than once, pointing at its first definition. */
export function checkDuplicates(
  model: Model,
  list: readonly { id: string }[],
  what: string,
  report: (node: object, path: PathKey[], code: DiagnosticCode, message: string) => void,
): void {
  const first = new Map<string, object>();
  for (const item of list) {
    const earlier = first.get(item.id);
    if (!earlier) {
      first.set(item.id, item);
      continue;
    }
    const at = model.locate(earlier, ["id"]);
    report(
      item,
      ["id"],
      "duplicate-id",
      `duplicate ${what} id "${item.id}", first defined at ${at.file}:${at.line}:${at.column}`,
    );
  }
}
