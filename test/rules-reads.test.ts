/**
 * Rules declare what they read that depends on who is there (`meta.reads`) and whether their findings
 * split per row or person (`meta.per`); a what-if trusts both to re-check only what an absence touches
 * (src/analysis/recheck.ts). Each rule runs here on a model that fires most of them, over a graph that
 * records which of those parts it reads, and split rules run row by row (person by person) against
 * their run over everything.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generateVariedOrganisation } from "../bench/doctor/generate-varied.ts";
import { checkModel, ruleEnvironment } from "../src/analysis/check-model.ts";
import { findingsIn } from "../src/analysis/engine.ts";
import { factsOf } from "../src/analysis/graph-facts.ts";
import type { PeopleDependentPart, Report, Rule } from "../src/analysis/rule.ts";
import { RULES } from "../src/analysis/rules/index.ts";
import type { RaciCell, RaciEntry, TeamGraph, TeamNode } from "../src/graph/types.ts";
import { memoryHost } from "../src/model/memory-host.ts";

const TODAY = "2026-12-07";
const host = memoryHost({ "mlteam.yaml": generateVariedOrganisation(300, 7) });
const { model, graph } = checkModel("mlteam.yaml", host, { validateOnly: true, today: TODAY });
const environment = ruleEnvironment(model, host, TODAY);

/** The graph's fields that depend on who is there, and the part each belongs to. */
const FIELDS: Record<string, PeopleDependentPart> = {
  people: "people",
  holders: "holders",
  teamRoles: "holders",
  skilled: "skilled",
  stakeholders: "stakeholders",
};

/** `graph` as seen through proxies that add to `read` each part a rule reads. */
function recording(g: TeamGraph, read: Set<PeopleDependentPart>): TeamGraph {
  const watch = <T extends object>(target: T, field: string, part: PeopleDependentPart): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        if (prop === field) read.add(part);
        return Reflect.get(t, prop, receiver);
      },
    });
  const cell = (c: RaciCell) => watch(c, "people", "cells");
  const entries = new Map<RaciEntry, RaciEntry>(g.raci.map((e) => [e, { ...e, cells: e.cells.map(cell) }]));
  const teams = new Map([...g.teams].map(([id, t]) => [id, watch<TeamNode>(t, "members", "members")]));
  const seen: TeamGraph = {
    ...g,
    teams,
    raci: g.raci.map((e) => entries.get(e) as RaciEntry),
    raciByActivity: new Map(
      [...g.raciByActivity].map(([a, rows]) => [a, rows.map((e) => entries.get(e) as RaciEntry)]),
    ),
  };
  return new Proxy(seen, {
    get(t, prop, receiver) {
      const part = typeof prop === "string" ? FIELDS[prop] : undefined;
      if (part) read.add(part);
      return Reflect.get(t, prop, receiver);
    },
  });
}

/** The parts `rule` reads when it checks the whole graph. */
function partsRead(rule: Rule): Set<PeopleDependentPart> {
  const read = new Set<PeopleDependentPart>();
  const seen = recording(graph, read);
  const facts = factsOf(seen);
  const people = [...graph.people.values()];
  const options = Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([k, o]) => [k, o.default]));
  read.clear();
  rule.check({
    ...environment,
    graph: seen,
    facts,
    rows: seen.raci,
    people,
    options,
    report: (_: Report) => {},
  });
  return read;
}

describe("rules declare what they read", () => {
  it("every built-in rule declares what it reads that depends on who is there", () => {
    assert.deepEqual(
      RULES.filter((r) => r.meta.reads === undefined).map((r) => r.id),
      [],
    );
  });

  for (const rule of RULES) {
    it(`${rule.id} reads no more than it declares`, () => {
      const undeclared = [...partsRead(rule)].filter((part) => !rule.meta.reads?.includes(part));
      assert.deepEqual(undeclared, [], `${rule.id} reads ${undeclared.join(", ")}; add it to meta.reads`);
    });
  }

  const key = (f: object) => JSON.stringify(f);
  const sorted = (findings: object[]) => findings.map(key).sort();
  for (const rule of RULES.filter((r) => r.meta.per)) {
    it(`${rule.id} finds row by row (person by person) what it finds over everything`, () => {
      const everyone = factsOf(graph).everyone();
      const all = findingsIn(graph, [rule], environment, { rows: graph.raci, people: everyone });
      const one =
        rule.meta.per === "row"
          ? graph.raci.flatMap((entry) =>
              findingsIn(graph, [rule], environment, { rows: [entry], people: [] }),
            )
          : everyone.flatMap((person) =>
              findingsIn(graph, [rule], environment, { rows: [], people: [person] }),
            );
      assert.ok(all.length > 0, `${rule.id} finds nothing on the test model: it proves nothing`);
      assert.deepEqual(sorted(one), sorted(all));
    });
  }
});
