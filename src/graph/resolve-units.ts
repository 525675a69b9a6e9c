/**
 * The organisation tree: units (departments, divisions…) above teams. A team's `parent` is a unit
 * or another team; a unit's `parent` is a unit. Unknown parents and cycles are located errors.
 */
import { didYouMean } from "../model/suggest.ts";
import { checkDuplicates, type ResolveContext } from "./resolve-context.ts";
import type { TeamNode, UnitNode } from "./types.ts";

export function resolveUnits(ctx: ResolveContext, teams: Map<string, TeamNode>): Map<string, UnitNode> {
  const { model, report } = ctx;
  const units = new Map<string, UnitNode>();
  checkDuplicates(model, model.units, "unit", report);
  for (const unit of model.units) {
    if (units.has(unit.id)) continue;
    if (teams.has(unit.id)) {
      report(
        unit,
        ["id"],
        "duplicate-id",
        `unit id "${unit.id}" is also a team's id; a parent must name one`,
      );
      continue;
    }
    units.set(unit.id, { id: unit.id, source: unit, parent: undefined, units: [], teams: [] });
  }
  const candidates = () => [...units.keys(), ...teams.keys()];
  for (const unit of units.values()) {
    const parent = unit.source.parent;
    if (parent === undefined) continue;
    const target = units.get(parent);
    if (!target) {
      if (!model.invalidIds.has(parent))
        report(
          unit.source,
          ["parent"],
          "unknown-reference",
          `unknown unit "${parent}"${didYouMean(parent, units.keys())}`,
        );
      continue;
    }
    unit.parent = parent;
    target.units.push(unit.id);
  }
  for (const team of teams.values()) {
    const parent = team.source.parent;
    if (parent === undefined) continue;
    const unit = units.get(parent);
    if (unit) unit.teams.push(team.id);
    else if (!teams.has(parent)) {
      if (!model.invalidIds.has(parent))
        report(
          team.source,
          ["parent"],
          "unknown-reference",
          `unknown unit or team "${parent}"${didYouMean(parent, candidates())}`,
        );
      continue;
    }
    team.parent = parent;
  }
  reportCycles(ctx, units, teams);
  return units;
}

/** A parent chain that comes back to where it started: reported once, on each member of the loop. */
function reportCycles(ctx: ResolveContext, units: Map<string, UnitNode>, teams: Map<string, TeamNode>): void {
  const parentOf = (id: string) => units.get(id)?.parent ?? teams.get(id)?.parent;
  const reported = new Set<string>();
  for (const start of [...units.keys(), ...teams.keys()]) {
    const seen: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && !seen.includes(at) && !reported.has(at)) {
      seen.push(at);
      at = parentOf(at);
    }
    if (at === undefined || reported.has(at)) continue;
    const loop = seen.slice(seen.indexOf(at));
    for (const id of loop) {
      reported.add(id);
      const node = units.get(id)?.source ?? teams.get(id)?.source;
      if (node)
        ctx.report(
          node,
          ["parent"],
          "reference-cycle",
          `"${id}" is its own ancestor: ${[...loop, at].join(" → ")}`,
        );
    }
  }
}
