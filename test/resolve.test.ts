import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkText } from "./helpers.ts";

const yaml = `people:
  - { id: ana, name: Ana, roles: [data-scientist, ml-engineer], skills: { statistics-ml: 3, etl: 0 } }
  - id: ben
    name: Ben
    roles:
      - { role: mlops-engineer, allocation: 60 }
      - data-engineer
      - platform-engineer
    skills: { containerization: 4 }
  - { id: cy, name: Cy, roles: [ml-engineer], skills: { statistics-ml: 2 } }
  - { id: dee, name: Dee, roles: [ml-engineer] }
teams:
  - { id: prod, type: product, members: [ana] }
  - { id: plat, type: platform, members: [ben, cy], serves: [prod] }
  - { id: other, type: product, members: [dee] }
products:
  - { id: p, team: prod, stage: production }
  - { id: q, team: other, stage: prototype }
raci:
  - { activity: model-training-code, product: p, R: data-scientist, A: ml-engineer, C: mlops-engineer, I: qa-engineer }
  - { activity: model-training-code, R: data-scientist, A: ml-engineer }
`;

describe("the team graph", () => {
  const { graph, diagnostics } = checkText(yaml);
  assert.deepEqual(diagnostics, []);

  it("shares out unstated allocations and sums them", () => {
    const ana = graph.people.get("ana");
    const ben = graph.people.get("ben");
    assert.deepEqual(
      ana?.roles.map((r) => [r.role, r.allocation, r.explicit]),
      [
        ["data-scientist", 50, false],
        ["ml-engineer", 50, false],
      ],
    );
    assert.deepEqual(
      ben?.roles.map((r) => r.allocation),
      [60, 20, 20],
    );
    assert.equal(ben?.allocation, 100);
  });

  it("indexes role holders, skills, teams and products", () => {
    assert.deepEqual(graph.holders.get("ml-engineer"), ["ana", "cy", "dee"]);
    assert.deepEqual(graph.skilled.get("statistics-ml"), ["ana", "cy"]);
    assert.equal(graph.skilled.get("etl"), undefined, "level 0 is no skill");
    assert.deepEqual(graph.people.get("cy")?.teams, ["plat"]);
    assert.deepEqual(graph.teams.get("prod")?.servedBy, ["plat"]);
    assert.deepEqual(graph.productsByTeam.get("other"), ["q"]);
    assert.deepEqual(graph.raciByActivity.get("model-training-code")?.length, 2);
  });

  it("resolves a role in a product row to its own team, then the serving teams, then everyone", () => {
    const row = graph.raci[0];
    const people = Object.fromEntries((row?.cells ?? []).map((c) => [c.letter, c.people]));
    assert.deepEqual(people.R, ["ana"], "own team");
    assert.deepEqual(people.A, ["ana"], "own team holds ml-engineer");
    assert.deepEqual(people.C, ["ben"], "serving team");
    assert.deepEqual(people.I, [], "nobody holds qa-engineer");
    const general = graph.raci[1];
    assert.deepEqual(general?.cells.find((c) => c.letter === "A")?.people, ["ana", "cy", "dee"]);
  });

  it("keeps where each cell is written", () => {
    const row = graph.raci[0];
    assert.deepEqual(
      row?.cells.map((c) => c.path),
      [["R"], ["A"], ["C"], ["I"]],
    );
    assert.deepEqual(graph.model.locate(row?.source as object, ["C"]), {
      file: "mlteam.yaml",
      line: 20,
      column: 88,
    });
  });
});
