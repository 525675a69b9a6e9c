/**
 * Findings a manager can trust (issue "Verdicts a manager can trust"): unrecorded skills are not
 * zero, one risk is one finding, the seeds are read right, and the advice agrees with itself.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse, stringify } from "yaml";
import { RULES } from "../src/analysis/rules/index.ts";
import { recommendTopology } from "../src/analysis/topology-fit.ts";
import { checkTeam } from "../src/app/check-team.ts";
import { checkText, memoryHost, TODAY } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..");

async function findings(files: Record<string, string>, entry: string) {
  const check = await checkTeam(entry, { host: memoryHost(files), today: TODAY, evidence: "never" });
  assert.ok(check.valid, JSON.stringify(check.diagnostics.slice(0, 2)));
  return check.doctor?.findings ?? [];
}

describe("skills that were never recorded", () => {
  it("recording one skill for a person never adds findings about the skills not recorded (every example, every such person)", async () => {
    let tried = 0;
    for (const name of readdirSync(join(ROOT, "examples")).sort()) {
      const entry = `examples/${name}`;
      const main = `${entry}/mlteam.yaml`;
      const files: Record<string, string> = {};
      const walk = (dir: string) => {
        for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
          if (e.isDirectory()) walk(`${dir}/${e.name}`);
          else if (/\.ya?ml$/.test(e.name))
            files[`${dir}/${e.name}`] = readFileSync(join(ROOT, dir, e.name), "utf8");
        }
      };
      walk(entry);
      const before = await findings(files, entry);
      const doc = parse(files[main] as string) as {
        people?: { id: string; roles?: (string | { role: string })[]; skills?: Record<string, number> }[];
      };
      for (const [i, person] of (doc.people ?? []).entries()) {
        const role = person.roles?.[0];
        if (!role) continue;
        const roleId = typeof role === "string" ? role : role.role;
        const needs =
          (await import("../src/catalog/index.ts")).CATALOG.roles.find((r) => r.id === roleId)
            ?.competencies ?? {};
        const unrecorded = Object.keys(needs).filter((c) => !(c in (person.skills ?? {})));
        const competency = unrecorded[0];
        if (competency === undefined || unrecorded.length < 2) continue;
        const changed = structuredClone(doc);
        const target = changed.people?.[i] as (typeof doc.people & object)[number];
        target.skills = { ...(target.skills ?? {}), [competency]: needs[competency] as number };
        const after = await findings({ ...files, [main]: stringify(changed) }, entry);
        const key = (f: { ruleId: string; subject?: string; message: string }) =>
          `${f.ruleId}|${f.subject}|${f.message}`;
        const old = new Set(before.map(key));
        const others = unrecorded.slice(1);
        for (const f of after.filter((f) => !old.has(key(f)))) {
          if (f.ruleId === "skills/not-assessed") continue; // the same person's list, one shorter
          for (const c of others)
            assert.ok(
              !f.message.includes(c),
              `${name}: recording ${competency} for ${person.id} added "${f.message}"`,
            );
        }
        assert.ok(after.length <= before.length + 1, `${name}: ${before.length} → ${after.length} findings`);
        tried++;
      }
    }
    assert.ok(tried >= 5, `tried ${tried}`);
  });
});

const ELEVEN = `organisation: { name: Eleven, stage: scaling, mlProducts: 1 }
people:
  - { id: dana, name: Dana, roles: [data-scientist] }
  - { id: eli, name: Eli, roles: [ml-engineer] }
  - { id: omar, name: Omar, roles: [mlops-engineer] }
  - { id: dee, name: Dee, roles: [data-engineer] }
teams: [{ id: ml, type: full-stack, members: [dana, eli, omar, dee] }]
products: [{ id: churn, team: ml, stage: production }]
raci:
  - { activity: define-business-problem, R: data-scientist, A: data-scientist, C: ml-engineer, I: [mlops-engineer, data-engineer] }
  - { activity: data-exploration, R: data-scientist, A: data-scientist, C: [ml-engineer, data-engineer], I: mlops-engineer }
  - { activity: feature-engineering, R: data-scientist, A: ml-engineer, C: data-engineer, I: mlops-engineer }
  - { activity: model-training-code, R: data-scientist, A: ml-engineer, I: [mlops-engineer, data-engineer] }
  - { activity: model-unit-tests, R: ml-engineer, A: ml-engineer, C: data-scientist, I: [mlops-engineer, data-engineer] }
  - { activity: ci-cd-pipeline, R: mlops-engineer, A: mlops-engineer, C: ml-engineer, I: [data-scientist, data-engineer] }
  - { activity: docker-packaging, R: ml-engineer, A: mlops-engineer, C: data-scientist, I: data-engineer }
  - { activity: k8s-deployment, R: mlops-engineer, A: mlops-engineer, C: ml-engineer, I: [data-scientist, data-engineer] }
  - { activity: monitoring-setup, R: mlops-engineer, A: mlops-engineer, C: ml-engineer, I: [data-scientist, data-engineer] }
  - { activity: data-pipeline, R: data-engineer, A: data-engineer, C: mlops-engineer, I: [data-scientist, ml-engineer] }
  - { activity: feature-store-management, R: data-engineer, A: data-engineer, C: [data-scientist, ml-engineer], I: mlops-engineer }
`;

describe("001's eleven rows for four people at stage scaling", () => {
  const result = checkText(ELEVEN, RULES);
  const all = result.doctor?.findings ?? [];

  it("asks for at most six more rows, none a part of a row already there", () => {
    const missing = all.filter((f) => f.ruleId === "raci/essential-activity-missing");
    assert.equal(missing.length, 1);
    const listed = (missing[0]?.message.split(": ")[1] ?? "").split(", ");
    assert.ok(listed.length <= 6, listed.join(", "));
    for (const part of [
      "data-ingestion",
      "data-cleansing",
      "data-quality",
      "model-performance-metrics",
      "service-performance-metrics",
      "executive-sponsorship",
    ])
      assert.ok(!listed.includes(part), `${part} is covered by a row already there`);
  });

  it("names no activity in two risk findings about the same person", () => {
    const seen = new Map<string, Set<string>>();
    for (const f of all.filter((f) => f.area === "risk" && f.subject)) {
      const activities = new Set(f.message.match(/[a-z]+(?:-[a-z]+)+/g) ?? []);
      const set = seen.get(f.subject as string) ?? new Set<string>();
      for (const a of activities) {
        if (!a.includes("-") || !result.graph.activities.has(a)) continue;
        assert.ok(!set.has(a), `${a} appears twice for ${f.subject}`);
        set.add(a);
      }
      seen.set(f.subject as string, set);
    }
  });

  it("reports the missing tech lead once, not also as a missing lead practitioner", () => {
    const lead = all.filter((f) => f.subject === "tech-lead");
    assert.deepEqual(
      lead.map((f) => f.ruleId),
      ["leadership/tech-lead"],
    );
  });
});

describe("rules that read the seeds right", () => {
  it("does not call one product manager owning the roadmap and one product owner owning the backlog single points of failure (002)", () => {
    const r = checkText(
      "people:\n  - { id: pm, name: Pat, titles: [Product Manager] }\n  - { id: po, name: Paz, titles: [Product Owner] }\nraci:\n  - { activity: strategic-roadmap, R: pm, A: pm }\n  - { activity: backlog-prioritisation, R: po, A: po }\n",
      RULES,
    );
    assert.deepEqual(
      r.doctor?.findings.filter((f) => f.ruleId === "risk/single-point-of-failure"),
      [],
    );
  });

  it("counts job titles as roles for the linking pins, as for conflicting hats", () => {
    const r = checkText(
      "people:\n  - { id: pm, name: Pat, titles: [Product Manager] }\n  - { id: po, name: Paz, titles: [Product Owner] }\nteams: [{ id: t, type: product, members: [pm, po] }]\nproducts: [{ id: p, team: t, stage: production }]\n",
      RULES,
    );
    assert.deepEqual(
      r.doctor?.findings.filter((f) => f.ruleId === "leadership/linking-pins"),
      [],
    );
  });

  it("accepts a one-person first use case (000 §8A.1) and keeps first-use-case advice to stage starting", () => {
    const first = checkText(
      "people:\n  - { id: lea, name: Lea, roles: [lead-data-scientist], skills: { statistics-ml: 2 } }\nteams: [{ id: first, type: full-stack, members: [lea] }]\n",
      RULES,
    );
    assert.deepEqual(
      first.doctor?.findings.filter((f) => f.ruleId === "staffing/team-size"),
      [],
    );
    assert.ok(
      first.doctor?.findings.some((f) => /first use case needs an intermediate-to-advanced/.test(f.message)),
    );
    const mature = checkText(
      "organisation: { name: M, stage: mature }\npeople:\n  - { id: lea, name: Lea, roles: [tech-lead, lead-data-scientist], skills: { statistics-ml: 2 } }\n",
      RULES,
    );
    assert.ok(!mature.doctor?.findings.some((f) => /first use case/.test(f.message)));
  });
});

describe("topology advice", () => {
  const fit = (yaml: string) => recommendTopology(checkText(yaml).graph, checkText(yaml).graph.topologies);

  it("never claims a range the number of products is outside of, and says when the facts sit between two", () => {
    const mature2 = fit("organisation: { name: O, stage: mature, mlProducts: 2 }\n");
    assert.ok(mature2);
    assert.deepEqual(
      [mature2.topology.id, ...mature2.alternatives.map((t) => t.id)],
      ["embedded", "centralized"],
    );
    assert.match(mature2.facts.join("; "), /sit between/);
    assert.doesNotMatch(mature2.facts.join("; "), /2 ML products \(it suits 4\+\)/);
    const scaling1 = fit("organisation: { name: O, stage: scaling, mlProducts: 1 }\n");
    assert.ok(scaling1);
    assert.deepEqual(
      [scaling1.topology.id, ...scaling1.alternatives.map((t) => t.id)],
      ["centralized", "full-stack"],
    );
    const clear = fit("organisation: { name: O, stage: scaling, mlProducts: 3 }\n");
    assert.deepEqual([clear?.topology.id, clear?.alternatives.length], ["centralized", 0]);
  });

  it("does not flag a declared topology that is one of the two the facts sit between", () => {
    const r = checkText(
      "organisation: { name: O, stage: mature, mlProducts: 2, topology: centralized }\n",
      RULES,
    );
    assert.deepEqual(
      r.doctor?.findings.filter((f) => f.ruleId === "topology/fit"),
      [],
    );
  });
});
