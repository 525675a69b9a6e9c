/**
 * The AI-governance rules together: a model that covers every duty they check gets no governance
 * finding under all three frameworks, and each duty taken away brings back its finding.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RULES } from "../src/analysis/rules/index.ts";
import { QMS_ACTIVITIES } from "../src/catalog/activities.ts";
import { checkText } from "./helpers.ts";

const GOVERNANCE = RULES.filter((r) => r.meta.frameworks !== undefined);
const trained =
  "training: [{ topic: ai-literacy, date: 2026-02-01, expires: 2027-02-01 }, { topic: human-oversight, date: 2026-03-10 }]";
const QMS = QMS_ACTIVITIES.map((a) => a.id);

const COVERED = `organisation: { name: Covered, stage: scaling, frameworks: [eu-ai-act, iso-42001, nist-ai-rmf] }
people:
  - { id: eve, name: Eve, roles: [{ role: executive-sponsor, acknowledged: 2026-01-10 }], ${trained} }
  - id: ana
    name: Ana
    roles: [{ role: tech-lead, acknowledged: 2026-01-10 }]
    skills: { monitoring-logging: 3, statistics-ml: 3 }
    ${trained}
    absences: [{ from: 2026-12-20, to: 2027-01-04 }]
  - id: bo
    name: Bo
    roles: [{ role: mlops-engineer, acknowledged: 2026-01-12 }]
    skills: { monitoring-logging: 3, statistics-ml: 2 }
    ${trained}
  - { id: cy, name: Cy, roles: [{ role: ml-engineer, acknowledged: 2026-01-12 }], employment: contractor, ${trained} }
teams: [{ id: risk, type: product, members: [eve, ana, bo, cy] }]
products:
  - { id: scoring, team: risk, stage: production, risk: high, operator: provider, oversight: [ana, bo] }
raci:
  - { activity: ai-risk-acceptance, R: ana, A: eve }
  - { activity: model-training-code, R: [cy, bo], A: ana }
${QMS.map((a) => `  - { activity: ${a}, R: bo, A: ${a === "ai-post-market-monitoring" ? "bo" : "ana"} }`).join("\n")}
`;

const governanceFindings = (yaml: string) =>
  (checkText(yaml, GOVERNANCE).doctor?.findings ?? []).map((f) => `${f.ruleId}: ${f.message}`);

describe("AI governance, all rules together", () => {
  it("finds nothing in a model that covers every duty", () => {
    assert.equal(GOVERNANCE.length, 9);
    assert.deepEqual(checkText(COVERED, GOVERNANCE).diagnostics, []);
    assert.deepEqual(governanceFindings(COVERED), []);
  });

  it("brings back the finding of each duty taken away", () => {
    const cases: [string, string, RegExp][] = [
      ["oversight: [ana, bo]", "oversight: [ana]", /^governance\/oversight-absence: from 2026-12-20/],
      ["A: eve }", "A: ana }", /^governance\/sponsor-accepts-risk: accepting AI risk is on Ana/],
      [
        "{ role: mlops-engineer, acknowledged: 2026-01-12 }",
        "mlops-engineer",
        /^governance\/responsibilities-acknowledged: 1 role/,
      ],
      [
        "R: [cy, bo], A: ana",
        "R: [cy], A: cy",
        /^governance\/third-party-accountable: model-training-code is done by Cy \(contractor\)/,
      ],
      [
        "  - { activity: ai-record-keeping, R: bo, A: ana }\n",
        "",
        /^governance\/qms-accountable: .*ai-record-keeping/,
      ],
    ];
    for (const [from, to, expected] of cases) {
      assert.ok(COVERED.includes(from), from);
      const found = governanceFindings(COVERED.replace(from, to));
      assert.ok(
        found.some((f) => expected.test(f)),
        `${to}: ${found.join("\n")}`,
      );
    }
  });
});
