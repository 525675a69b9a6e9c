/** What the steps of the resolution (resolve.ts, resolve-raci.ts, resolve-units.ts) share. */

import type { DiagnosticCode } from "../model/diagnostic.ts";
import type { Model } from "../model/model.ts";
import type { PathKey } from "../model/yaml-source.ts";
import type { PersonNode } from "./types.ts";

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
