import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { RULES } from "../src/analysis/rules/index.ts";
import { CATALOG, normaliseTitle, RACI_001_ACTIVITIES, roleForTitle } from "../src/catalog/index.ts";
import { TEMPLATES } from "../src/catalog/templates.ts";

/** The source documents: ../shared/seeds beside the checkout (as in CI), or $MLTEAM_SEEDS. */
const SEEDS = process.env.MLTEAM_SEEDS ?? join(import.meta.dirname, "..", "..", "shared", "seeds");
const roleIds = new Set(CATALOG.roles.map((r) => r.id));
const competencyIds = new Set(CATALOG.competencies.map((c) => c.id));

/** 001 §3.4, transcribed: activity, then the letters of DS, MLE, MLOps, DE. */
const MATRIX_001 = `
Define business problem   | R/A | C   | I   | I
Data exploration          | R/A | C   | I   | C
Feature engineering       | R   | A   | I   | C
Model training code       | R   | A   | I   | I
Unit tests for model      | C   | R/A | I   | I
CI/CD pipeline            | I   | C   | R/A | I
Docker packaging          | C   | R   | A   | I
K8s deployment            | I   | C   | R/A | I
Monitoring setup          | I   | C   | R/A | I
Data pipeline             | I   | I   | C   | R/A
Feature store mgmt        | C   | C   | I   | R/A`;

describe("the catalog", () => {
  it("has at least 25 roles, 35 activities, the competencies of 000 and the three topologies of 001", () => {
    assert.ok(CATALOG.roles.length >= 25, `${CATALOG.roles.length} roles`);
    assert.ok(CATALOG.activities.length >= 35, `${CATALOG.activities.length} activities`);
    for (const id of [
      "statistics-ml",
      "mlops-knowledge",
      "cloud-devops",
      "containerization",
      "monitoring-logging",
      "infrastructure-as-code",
      "etl",
      "data-pipelines",
    ]) {
      assert.ok(competencyIds.has(id), id);
      assert.match(CATALOG.competencies.find((c) => c.id === id)?.source ?? "", /^000 §8A\.1/);
    }
    assert.deepEqual(
      CATALOG.topologies.map((t) => t.id),
      ["embedded", "centralized", "full-stack"],
    );
  });

  it("gives every entry a source that names one of the four documents", () => {
    const docs = new Set(CATALOG.sources.map((s) => s.id));
    const entries = [
      ...CATALOG.roles,
      ...CATALOG.activities,
      ...CATALOG.competencies,
      ...CATALOG.topologies,
      ...CATALOG.growthPath.map((g) => ({ id: g.stage, source: g.source })),
      ...CATALOG.stakeholderKinds.map((k) => ({ id: k.kind, source: k.source })),
      ...TEMPLATES,
    ];
    for (const entry of entries) {
      const cited = entry.source.split(";").map((part) => part.trim().slice(0, 3));
      assert.ok(cited.length > 0 && cited.every((id) => docs.has(id)), `${entry.id}: ${entry.source}`);
    }
  });

  // The source documents live beside the checkout (../shared/seeds), not in the repository: a clone on
  // its own skips this check and says why, and everything else still runs.
  const seedsMissing = existsSync(SEEDS)
    ? false
    : `the source documents are not in ${SEEDS} (set MLTEAM_SEEDS to their folder to check the citations)`;
  it("cites sections that exist in the source documents", { skip: seedsMissing }, () => {
    const texts = new Map(
      CATALOG.sources.map((s) => [s.id, readFileSync(join(SEEDS, s.file), "utf8").toLowerCase()]),
    );
    const citations = [
      ...CATALOG.roles,
      ...CATALOG.activities,
      ...CATALOG.competencies,
      ...CATALOG.topologies,
      ...CATALOG.growthPath,
      ...CATALOG.stakeholderKinds,
      ...RULES.map((r) => r.meta),
    ].flatMap((e) => e.source.split(";").map((part) => part.trim()));
    for (const citation of new Set(citations)) {
      const doc = texts.get(citation.slice(0, 3));
      assert.ok(doc, citation);
      const section = citation
        .slice(4)
        .replace(/^§/, "")
        .replace(/^"|"$/g, "")
        .replace(/\s*roles$/i, "")
        .toLowerCase();
      if (section === "") continue;
      assert.ok(
        section.split(/,\s*/).every((s) => doc.includes(s.replace(/^§/, ""))),
        `"${citation}" is not a section of ${citation.slice(0, 3)}`,
      );
    }
  });

  it("has unique ids and resolving references", () => {
    for (const list of [CATALOG.roles, CATALOG.activities, CATALOG.competencies]) {
      const ids = list.map((e) => e.id);
      assert.equal(new Set(ids).size, ids.length);
    }
    for (const role of CATALOG.roles) {
      for (const c of Object.keys(role.competencies)) assert.ok(competencyIds.has(c), `${role.id} → ${c}`);
      for (const level of Object.values(role.competencies)) assert.ok(level >= 0 && level <= 4);
    }
    for (const activity of CATALOG.activities) {
      for (const c of Object.keys(activity.competencies))
        assert.ok(competencyIds.has(c), `${activity.id} → ${c}`);
      const { R, A, C, I } = activity.raci;
      for (const role of [...R, A, ...C, ...I]) assert.ok(roleIds.has(role), `${activity.id} → ${role}`);
      assert.ok(R.length > 0, `${activity.id} has a Responsible`);
      const letters = [...R, ...C, ...I];
      assert.equal(new Set(letters).size, letters.length, `${activity.id}: one letter per role`);
      assert.ok(
        !C.includes(A) && !I.includes(A),
        `${activity.id}: the Accountable has no other letter than R`,
      );
    }
    for (const topology of CATALOG.topologies) {
      for (const team of topology.teams) for (const role of team.roles) assert.ok(roleIds.has(role), role);
    }
  });

  it("reproduces 001's RACI matrix letter for letter as the default of its eleven activities", () => {
    const columns = ["data-scientist", "ml-engineer", "mlops-engineer", "data-engineer"];
    const rows = MATRIX_001.trim()
      .split("\n")
      .map((line) => line.split("|").map((cell) => cell.trim()));
    assert.equal(RACI_001_ACTIVITIES.length, 11);
    rows.forEach(([name, ...letters], index) => {
      const activity = CATALOG.activities.find((a) => a.id === RACI_001_ACTIVITIES[index]);
      assert.ok(activity);
      assert.equal(activity.name, name);
      const actual = columns.map((role) =>
        (["R", "A", "C", "I"] as const)
          .filter((l) => (l === "A" ? activity.raci.A === role : activity.raci[l].includes(role)))
          .join("/"),
      );
      assert.deepEqual(actual, letters, activity.id);
    });
  });

  it("maps job titles to roles through unique aliases (002 'Beyond the labels')", () => {
    const aliases = CATALOG.roles.flatMap((r) => r.aliases);
    assert.equal(new Set(aliases).size, aliases.length, "an alias belongs to one role");
    for (const alias of aliases) assert.equal(alias, normaliseTitle(alias), `alias "${alias}" is normalised`);
    const expected: Record<string, string> = {
      "Product Manager": "outside-to-inside",
      "Business Consultant": "outside-to-inside",
      "Program Manager": "outside-to-inside",
      "Analytics Translator": "outside-to-inside",
      "Product Owner": "inside-to-outside",
      "Project Manager": "inside-to-outside",
      "Data Science Manager": "inside-to-outside",
      "Requirements Engineer": "inside-to-outside",
      "Machine Learning Engineer": "ml-engineer",
      "Site Reliability Engineer": "platform-engineer",
      Tester: "qa-engineer",
      "Azure Administrator": "cloud-infrastructure-engineer",
      "Scrum Master": "scrum-master",
      // Grades dropped, abbreviations spelled out: seniority does not change the role.
      "Senior Data Scientist": "data-scientist",
      "Sr. Data Scientist": "data-scientist",
      "Data Scientist II": "data-scientist",
      "Senior ML Engineer": "ml-engineer",
      "Sr. MLOps Eng.": "mlops-engineer",
      "Data Engineer III": "data-engineer",
      "Lead Data Scientist": "lead-data-scientist",
    };
    for (const [title, role] of Object.entries(expected))
      assert.equal(roleForTitle(CATALOG.roles, title), role, title);
    assert.equal(roleForTitle(CATALOG.roles, "Chief Happiness Officer"), undefined);
  });

  it("marks 003's project-management roles as lasting only for the project", () => {
    for (const id of ["project-manager", "scrum-master"])
      assert.equal(CATALOG.roles.find((r) => r.id === id)?.projectOnly, true);
    assert.equal(CATALOG.roles.find((r) => r.id === "data-scientist")?.projectOnly, false);
  });

  it("has a bundled example for every template", () => {
    for (const t of TEMPLATES) {
      const file = join(import.meta.dirname, "..", "examples", t.id, "mlteam.yaml");
      assert.ok(existsSync(file), file);
      assert.match(
        readFileSync(file, "utf8"),
        /^# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/mlteam\.schema\.json$/m,
      );
    }
  });
});
