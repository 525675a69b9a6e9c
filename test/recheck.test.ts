/**
 * A what-if that takes people away re-checks only what they touch (src/graph/scenario.ts,
 * src/analysis/recheck.ts): its answer must be the one of resolving the model again and running
 * every rule — the reference path, which a graph not made by resolveTeam still takes. Compared for
 * every person of generated models, for groups of people and for a period with declared absences.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generateOrganisation } from "../bench/doctor/generate.ts";
import { generateVariedOrganisation } from "../bench/doctor/generate-varied.ts";
import { type Scenario, whatIf } from "../src/analysis/whatif.ts";
import { checkTeam, requireValid, type ValidTeamCheck } from "../src/app/check-team.ts";
import { CATALOG } from "../src/catalog/index.ts";
import { resolveTeam } from "../src/graph/resolve.ts";
import { withoutPeople } from "../src/graph/scenario.ts";
import type { TeamGraph } from "../src/graph/types.ts";
import { memoryHost } from "../src/model/memory-host.ts";

async function check(text: string, today: string): Promise<ValidTeamCheck> {
  const host = memoryHost({ "mlteam.yaml": text });
  return requireValid(await checkTeam("mlteam.yaml", { host, today, evidence: "never" }));
}

/** The what-if as the app runs it, and by the reference path (a copy of the graph is resolved afresh). */
function both(c: ValidTeamCheck, scenario: Scenario) {
  const run = (graph: TeamGraph) =>
    whatIf(c.model, graph, CATALOG, c.rules, c.environment, scenario, c.findings);
  return { rechecked: run(c.graph), reference: run({ ...c.graph }) };
}

/** What a graph holds, for comparing two graphs. */
const contents = (g: TeamGraph) =>
  JSON.stringify({
    people: [...g.people.keys()],
    teams: [...g.teams.values()].map((t) => [t.id, t.members, t.serves, t.servedBy]),
    holders: [...g.holders],
    skilled: [...g.skilled],
    teamRoles: [...g.teamRoles].map(([t, m]) => [t, [...m]]),
    raci: g.raci.map((e) => e.cells.map((c) => [c.letter, c.ref, c.people, c.path])),
    byActivity: [...g.raciByActivity].map(([a, rows]) => [a, rows.map((e) => g.raci.indexOf(e))]),
    stakeholders: g.stakeholders,
  });

const MODELS = [
  // Before anyone of the varied model has left: its graph leaves nobody out, so every what-if re-checks.
  { name: "varied model, 120 people", text: generateVariedOrganisation(120, 5), today: "2026-06-01" },
  { name: "bench model, 200 people", text: generateOrganisation(200), today: "2026-06-01" },
];

for (const m of MODELS) {
  describe(`what-ifs re-checked equal those resolved afresh: ${m.name}`, async () => {
    const c = await check(m.text, m.today);
    const ids = [...c.graph.people.keys()];

    it("the scenario's graph is the graph resolveTeam gives, for each person away", () => {
      for (const id of ids) {
        const away = new Set([id]);
        const change = withoutPeople(c.graph, away);
        assert.ok(change, `no scenario graph without ${id}`);
        assert.equal(
          contents(change.graph),
          contents(resolveTeam(c.model, CATALOG, { absent: away }).graph),
          id,
        );
      }
    });

    it("each person away", () => {
      for (const id of ids) {
        const { rechecked, reference } = both(c, { without: [id] });
        assert.deepEqual(rechecked, reference, `without ${id}`);
      }
    });

    it("groups of people away, and a period with the declared absences in it", () => {
      const scenarios: Scenario[] = [
        { without: ids.slice(0, 3) },
        { without: ids.filter((_, i) => i % 7 === 0) },
        { from: "2026-12-10", to: "2027-01-10" },
        { without: [ids[1] as string], from: "2027-01-01", to: "2027-01-31" },
      ];
      for (const scenario of scenarios) {
        const { rechecked, reference } = both(c, scenario);
        assert.deepEqual(rechecked, reference, JSON.stringify(scenario));
      }
    });
  });
}
