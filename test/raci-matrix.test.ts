import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkModel } from "../src/analysis/check-model.ts";
import { raciMatrix } from "../src/analysis/raci-matrix.ts";
import { fsHost } from "../src/io/fs-host.ts";
import { renderMatrix } from "../src/render/matrix.ts";
import { checkText, TODAY } from "./helpers.ts";

describe("the RACI matrix", () => {
  it("reproduces 001 §3.4 on the startup example", () => {
    const { graph, diagnostics } = checkModel("examples/startup-full-stack", fsHost, { today: TODAY });
    assert.deepEqual(diagnostics, []);
    const markdown = renderMatrix(raciMatrix(graph), "markdown");
    assert.equal(
      markdown,
      `| Activity | Data scientist | ML engineer | MLOps engineer | Data engineer |
| --- | :---: | :---: | :---: | :---: |
| Define business problem | R/A | C | I | I |
| Data exploration | R/A | C | I | C |
| Feature engineering | R | A | I | C |
| Model training code | R | A | I | I |
| Unit tests for model | C | R/A | I | I |
| CI/CD pipeline | I | C | R/A | I |
| Docker packaging | C | R | A | I |
| K8s deployment | I | C | R/A | I |
| Monitoring setup | I | C | R/A | I |
| Data pipeline | I | I | C | R/A |
| Feature store mgmt | C | C | I | R/A |`,
    );
  });

  const yaml = `people:
  - { id: ana, name: Ana, roles: [data-scientist] }
  - { id: ben, name: Ben, roles: [data-scientist, ml-engineer] }
  - { id: cy, name: Cy, roles: [ml-engineer] }
teams:
  - { id: a, type: product, members: [ana, cy] }
products: [{ id: p, team: a, stage: production }]
raci:
  - { activity: data-exploration, R: data-scientist, A: person:ben }
  - { activity: feature-engineering, R: data-scientist, A: ml-engineer }
  - { activity: feature-engineering, product: p, R: data-scientist, A: ml-engineer }
`;

  it("shows people, with a product's own rows resolved within its team", () => {
    const { graph } = checkText(yaml);
    const byPerson = raciMatrix(graph, { by: "person", product: "p" });
    assert.deepEqual(
      byPerson.columns.map((c) => c.id),
      ["ana", "ben", "cy"],
    );
    assert.deepEqual(
      byPerson.rows.map((r) => [r.activity, r.product ?? "", r.cells]),
      [
        ["data-exploration", "", { ana: "R", ben: "R/A" }],
        ["feature-engineering", "p", { ana: "R", cy: "A" }],
      ],
    );
  });

  it("lists every row without a product filter, and people named directly as columns", () => {
    const { graph } = checkText(yaml);
    const byRole = raciMatrix(graph);
    assert.deepEqual(
      byRole.columns.map((c) => c.id),
      ["data-scientist", "ml-engineer", "person:ben"],
    );
    assert.equal(byRole.rows.length, 3);
    assert.equal(
      renderMatrix(byRole, "csv"),
      "activity,product,data-scientist,ml-engineer,person:ben\ndata-exploration,,R,,A\nfeature-engineering,,R,A,\nfeature-engineering,p,R,A,",
    );
  });
});
