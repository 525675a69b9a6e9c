/**
 * Lossless round trips on generated models (fast-check): whatever a valid model holds — every
 * section, every optional field, `x-*` keys, texts with `;`, quotes, brackets and line breaks —
 * comes back the same through an XLSX workbook, and the JSON export carries it whole.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { stringify } from "yaml";
import { checkModel } from "../src/analysis/check-model.ts";
import { importedToYaml } from "../src/importers/merge.ts";
import { importXlsx } from "../src/importers/xlsx.ts";
import { renderTeamJson } from "../src/render/export/json.ts";
import { renderXlsx } from "../src/render/export/xlsx.ts";
import { memoryHost, TODAY } from "./helpers.ts";
import { plainModel } from "./plain-model.ts";

const chars = [..."abcdefXYZ é;,:\"'[]{}%#-_/\n0123456789"];
const text = fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 14 });
const texts = fc.array(text, { minLength: 1, maxLength: 3 });
const date = fc
  .tuple(
    fc.integer({ min: 2020, max: 2030 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const extensionValue = fc.oneof(
  text,
  fc.integer(),
  fc.boolean(),
  texts,
  fc.record({ k: text, n: fc.integer() }),
);
/** An entry's own `x-*` keys, often none. */
const extensions = fc.option(fc.dictionary(fc.constantFrom("x-site", "x-cost", "x-a;b"), extensionValue), {
  nil: {},
});
const ROLES = ["data-scientist", "ml-engineer", "mlops-engineer", "data-engineer", "tech-lead"];
const ACTIVITIES = ["model-training-code", "feature-engineering", "k8s-deployment", "data-exploration"];
const COMPETENCIES = ["statistics-ml", "mlops-knowledge", "cloud-devops", "containerization"];
const role = fc.constantFrom(...ROLES);
const subset = <T>(items: T[], minLength = 0) =>
  fc.subarray(items, { minLength: Math.min(minLength, items.length) });
const withExtensions = <T extends object>(
  entry: fc.Arbitrary<T>,
): fc.Arbitrary<T & Record<string, unknown>> =>
  fc.tuple(entry, extensions).map(([e, x]) => ({ ...e, ...(x as Record<string, unknown>) }));

const roleAssignment = fc.oneof(
  role,
  fc.record({ role, allocation: fc.integer({ min: 0, max: 60 }) }),
  fc.record(
    { role, allocation: fc.double({ min: 0, max: 50, noNaN: true }), acknowledged: date },
    { requiredKeys: ["role"] },
  ),
);

function person(index: number) {
  const earlier = Array.from({ length: index }, (_, i) => `p${i}`);
  return withExtensions(
    fc.record(
      {
        id: fc.constant(`p${index}`),
        name: text,
        emails: texts,
        git: texts,
        handle: text,
        titles: texts,
        roles: fc.uniqueArray(roleAssignment, {
          maxLength: 3,
          selector: (r) => (typeof r === "string" ? r : r.role),
        }),
        skills: fc.dictionary(fc.constantFrom(...COMPETENCIES), fc.integer({ min: 0, max: 4 }), {
          minKeys: 1,
        }),
        ...(earlier.length ? { reportsTo: fc.constantFrom(...earlier) } : {}),
        absences: fc.array(
          withExtensions(
            fc.record({ from: date, to: date, reason: text }, { requiredKeys: ["from", "to"] }),
          ).map((a) => (a.from > a.to ? { ...a, from: a.to, to: a.from } : a)),
          { minLength: 1, maxLength: 2 },
        ),
        employment: fc.constantFrom("employee", "contractor", "vendor"),
        capacity: fc.integer({ min: 1, max: 100 }),
        joined: date,
        leaves: date,
        training: fc.array(
          fc.record({ topic: text, date, expires: date }, { requiredKeys: ["topic", "date"] }),
          {
            maxLength: 2,
          },
        ),
        development: fc.array(
          fc.record(
            {
              competency: fc.constantFrom(...COMPETENCIES),
              level: fc.integer({ min: 0, max: 4 }),
              due: date,
              done: date,
            },
            { requiredKeys: ["competency", "level", "due"] },
          ),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: ["id", "name"] },
    ),
  );
}

const refs = (people: string[]) => {
  const one = fc.oneof(
    role,
    fc.constantFrom(...people),
    fc.constantFrom(...people.map((p) => `person:${p}`)),
  );
  return fc.oneof(one, fc.uniqueArray(one, { minLength: 1, maxLength: 3 }));
};

function raciRows(people: string[], products: string[]) {
  const row = (activity: string) =>
    withExtensions(
      fc.record(
        {
          activity: fc.constant(activity),
          ...(products.length ? { product: fc.constantFrom(...products) } : {}),
          R: refs(people),
          A: refs(people),
          C: refs(people),
          I: refs(people),
          backup: fc.oneof(fc.constantFrom(...people), subset(people)),
          note: text,
        },
        { requiredKeys: ["activity"] },
      ),
    );
  return subset(ACTIVITIES).chain((activities) => fc.tuple(...activities.map(row)));
}

const team = (id: string, people: string[], teamIds: string[]) =>
  withExtensions(
    fc.record(
      {
        id: fc.constant(id),
        name: text,
        type: fc.constantFrom("product", "platform", "full-stack", "enabling"),
        members: subset(people),
        lead: fc.constantFrom(...people),
        serves: subset(
          teamIds.filter((x) => x !== id),
          1,
        ),
        handle: text,
        parent: fc.constantFrom("u0", "u1"),
      },
      { requiredKeys: ["id", "type"] },
    ),
  );

const product = (id: string, people: string[], teamIds: string[]) =>
  withExtensions(
    fc.record(
      {
        id: fc.constant(id),
        name: text,
        team: fc.constantFrom(...teamIds),
        stage: fc.constantFrom("prototype", "production"),
        risk: fc.constantFrom("prohibited", "high", "limited", "minimal", "unassessed"),
        annex: fc.constantFrom("I", "III"),
        operator: fc.constantFrom("provider", "deployer"),
        oversight: subset(people, 1),
        docs: fc.record({ science: text, techSpec: text }, { requiredKeys: [] }),
      },
      { requiredKeys: ["id", "team", "stage"] },
    ),
  );

const organisation = withExtensions(
  fc.record(
    {
      name: text,
      stage: fc.constantFrom("starting", "scaling", "mature"),
      mlProducts: fc.integer({ min: 0, max: 20 }),
      topology: fc.constantFrom("embedded", "centralized", "full-stack"),
      frameworks: subset(["eu-ai-act", "iso-42001", "nist-ai-rmf"], 1),
    },
    { requiredKeys: ["name", "stage"] },
  ),
);

/** Openings, on-call rotations and stakeholders, over the model's people, teams and products. */
const around = (people: string[], teamIds: string[], products: string[]) => ({
  openings: fc
    .array(
      withExtensions(
        fc.record(
          {
            role,
            ...(teamIds.length
              ? { team: fc.constantFrom(...teamIds), product: fc.constantFrom(...products) }
              : {}),
            start: date,
            status: fc.constantFrom("open", "approved", "planned"),
            note: text,
          },
          { requiredKeys: ["role"] },
        ),
      ),
      { maxLength: 2 },
    )
    .map((openings) => openings.map((o, i) => ({ id: `o${i}`, ...o }))),
  onCall: fc
    .array(
      withExtensions(
        fc.record(
          { activity: fc.constantFrom(...ACTIVITIES), people: subset(people, 1), note: text },
          { requiredKeys: ["activity", "people"] },
        ),
      ),
      { maxLength: 2 },
    )
    .map((rotas) => rotas.map((r, i) => ({ id: `rota-${i}`, ...r }))),
  stakeholders: fc.array(
    withExtensions(
      fc.record(
        {
          kind: fc.constantFrom("executive-sponsor", "ciso", "vendor", "other"),
          person: fc.constantFrom(...people),
          engaged: fc.boolean(),
          lastReview: date,
          note: text,
        },
        { requiredKeys: ["kind", "person"] },
      ),
    ),
    { maxLength: 2 },
  ),
});

const levels = fc.dictionary(fc.constantFrom(...COMPETENCIES), fc.integer({ min: 0, max: 4 }));
const oneCustom = <T extends object>(entry: fc.Arbitrary<T>) =>
  fc.array(withExtensions(entry), { maxLength: 1 });

/** Custom catalog entries, rule settings and suppressions. */
const catalogAndSettings = {
  roles: oneCustom(
    fc.record(
      {
        id: fc.constant("custom-role"),
        name: text,
        category: text,
        focus: text,
        responsibilities: texts,
        tools: texts,
        deliverables: texts,
        competencies: levels,
        projectOnly: fc.boolean(),
        aliases: texts,
      },
      { requiredKeys: ["id"] },
    ),
  ),
  activities: oneCustom(
    fc.record(
      {
        id: fc.constant("custom-activity"),
        name: text,
        area: text,
        description: text,
        competencies: levels,
        essentialFrom: fc.constantFrom("starting", "scaling", "mature"),
        productionCritical: fc.boolean(),
      },
      { requiredKeys: ["id"] },
    ),
  ),
  competencies: oneCustom(
    fc.record(
      { id: fc.constant("custom-competency"), name: text, group: text, description: text, tools: texts },
      { requiredKeys: ["id"] },
    ),
  ),
  rules: fc.dictionary(
    fc.constantFrom("staffing/team-size", "raci/crowded-row"),
    fc.oneof(
      fc.constantFrom("off", "info", "warn", "error"),
      fc.record({ severity: fc.constantFrom("info", "warn") }),
    ),
  ),
  suppress: fc.array(
    withExtensions(
      fc.record(
        {
          rule: fc.constantFrom("raci/role-unstaffed", "staffing/openings"),
          subject: text,
          reason: text,
          expires: date,
        },
        { requiredKeys: ["rule", "reason"] },
      ),
    ),
    { maxLength: 2 },
  ),
};

/** A valid model: references point at entries that exist, reportsTo never loops. */
const model = fc
  .record({ people: fc.integer({ min: 1, max: 4 }), teams: fc.integer({ min: 0, max: 3 }) })
  .chain(({ people: n, teams: t }) => {
    const people = Array.from({ length: n }, (_, i) => `p${i}`);
    const teamIds = Array.from({ length: t }, (_, i) => `t${i}`);
    const products = teamIds.length ? ["prod-a", "prod-b"] : [];
    return fc.record({
      organisation,
      people: fc.tuple(...people.map((_, i) => person(i))),
      units: fc.constant([
        { id: "u0", name: "Data office", type: "department" },
        { id: "u1", parent: "u0" },
      ]),
      teams: fc.tuple(...teamIds.map((id) => team(id, people, teamIds))),
      products: fc.tuple(...products.map((id) => product(id, people, teamIds))),
      ...around(people, teamIds, products),
      raci: raciRows(people, products),
      ...catalogAndSettings,
    });
  });

const load = (text: string) =>
  checkModel("m.yaml", memoryHost({ "m.yaml": text }), { today: TODAY, validateOnly: true });
const errors = (check: ReturnType<typeof load>) => check.diagnostics.filter((d) => d.severity === "error");

describe("lossless round trips on generated models", () => {
  it("XLSX: export then import gives back the same model, every field", async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(model, async (generated) => {
        const original = load(stringify(generated));
        if (errors(original).length > 0) return; // counted below: most generated models are valid
        checked++;
        const imported = await importXlsx(await renderXlsx(original.graph, []));
        assert.deepEqual(imported.notes, []);
        const again = load(importedToYaml(imported, "team.xlsx"));
        assert.deepEqual(errors(again), []);
        assert.deepEqual(plainModel(again.graph.model), plainModel(original.graph.model));
      }),
      { numRuns: 40, seed: 25 },
    );
    assert.ok(checked >= 30, `only ${checked} of 40 generated models were valid`);
  });

  it("JSON: the export's model is the model, every field", () => {
    fc.assert(
      fc.property(model, (generated) => {
        const original = load(stringify(generated));
        const json = JSON.parse(renderTeamJson(original.graph)) as { model: unknown };
        assert.deepEqual(json.model, plainModel(original.graph.model));
      }),
      { numRuns: 40, seed: 25 },
    );
  });
});
