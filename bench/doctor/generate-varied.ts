/**
 * Generates a synthetic organisation that touches every rule the doctor has without evidence: job
 * titles instead of roles, people with no or partial skills, absences, leavers, contractors,
 * trainings and development actions, reporting chains up to a sponsor, on-call rotations, openings,
 * high-risk products under all three governance frameworks, backups, crowded and doubly accountable
 * RACI rows, suppressions and rule settings. Deterministic for a given size and seed, so its findings
 * can be pinned (test/doctor-golden.test.ts) while the doctor is made faster.
 */
import { CATALOG } from "../../src/catalog/index.ts";

const ROLES = [
  "data-scientist",
  "ml-engineer",
  "mlops-engineer",
  "data-engineer",
  "platform-engineer",
  "tech-lead",
  "inside-to-outside",
  "outside-to-inside",
  "qa-engineer",
  "devops-engineer",
];
const TITLES = ["Senior Data Scientist", "ML Engineer", "Sr. MLOps Eng.", "Data Engineer", "Tech Lead"];
const ACTIVITIES = [
  "define-business-problem",
  "data-exploration",
  "feature-engineering",
  "model-training-code",
  "model-unit-tests",
  "ci-cd-pipeline",
  "docker-packaging",
  "k8s-deployment",
  "monitoring-setup",
  "data-pipeline",
  "model-serving",
  "data-drift",
  "code-review",
  "backlog-prioritisation",
];
const GOVERNANCE_ROWS = ["ai-risk-management", "ai-data-governance", "ai-risk-acceptance"];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Draw {
  next: () => number;
  pick: <T>(list: readonly T[]) => T;
  chance: (p: number) => boolean;
}

function draw(seed: number): Draw {
  const next = random(seed);
  return {
    next,
    pick: (list) => list[Math.floor(next() * list.length)] as (typeof list)[number],
    chance: (p) => next() < p,
  };
}

const roleLevels = (role: string) =>
  Object.entries(CATALOG.roles.find((r) => r.id === role)?.competencies ?? {});

/** One person's YAML entry. */
function personEntry(d: Draw, index: number, teamFirst: number): string {
  const id = `v${index}`;
  const lines = [`  - id: ${id}`, `    name: Person ${index}`];
  const role = d.pick(ROLES);
  if (d.chance(0.08)) lines.push(`    titles: [${d.pick(TITLES)}]`);
  else {
    const second = d.chance(0.1) ? `, { role: ${d.pick(ROLES)}, allocation: ${d.pick([20, 40, 60])} }` : "";
    const third = second && d.chance(0.2) ? `, ${d.pick(ROLES)}` : "";
    const ack = d.chance(0.5) ? ", acknowledged: 2026-01-10" : "";
    lines.push(`    roles: [{ role: ${role}, allocation: ${d.pick([50, 80, 100])}${ack} }${second}${third}]`);
  }
  if (!d.chance(0.1)) {
    const levels = roleLevels(role).filter(() => !d.chance(0.15));
    const skills = levels.map(([c, l]) => `${c}: ${Math.max(0, Math.min(4, l + d.pick([-2, -1, 0, 0, 1])))}`);
    lines.push(`    skills: { ${skills.join(", ")} }`);
  }
  if (index !== teamFirst) lines.push(`    reportsTo: v${teamFirst}`);
  else if (index > 0) lines.push(`    reportsTo: v${d.pick([0, Math.floor(index / 64) * 8])}`);
  if (d.chance(0.06))
    lines.push(`    absences: [{ from: 2026-12-0${1 + Math.floor(d.next() * 8)}, to: 2027-01-15 }]`);
  if (d.chance(0.02)) lines.push(`    leaves: ${d.pick(["2026-10-01", "2026-12-20", "2027-06-30"])}`);
  if (d.chance(0.05)) lines.push(`    employment: ${d.pick(["contractor", "vendor"])}`);
  if (d.chance(0.04)) lines.push(`    capacity: ${d.pick([50, 60, 80])}`);
  if (d.chance(0.4))
    lines.push(
      `    training: [{ topic: ${d.pick(["ai-literacy", "human-oversight"])}, date: 2025-0${1 + Math.floor(d.next() * 9)}-01, expires: ${d.pick(["2026-06-01", "2027-06-01"])} }]`,
    );
  if (d.chance(0.1))
    lines.push(
      `    development: [{ competency: statistics-ml, level: 3, due: ${d.pick(["2026-03-01", "2027-03-01"])} }]`,
    );
  return lines.join("\n");
}

/** One RACI row for `activity` (and `product`), with the kinds of trouble rules look for. */
function raciRow(d: Draw, activity: string, product: string | undefined, people: number): string {
  const who = () =>
    d.chance(0.25)
      ? `person:v${Math.floor(d.next() * people)}`
      : d.chance(0.01)
        ? "cloud-engineer"
        : d.pick(ROLES);
  const fields = [`activity: ${activity}`];
  if (product) fields.push(`product: ${product}`);
  if (!d.chance(0.05)) fields.push(`R: ${d.chance(0.15) ? `[${who()}, ${who()}]` : who()}`);
  if (!d.chance(0.05)) fields.push(`A: ${d.chance(0.05) ? `[${who()}, ${who()}]` : who()}`);
  if (d.chance(0.5)) fields.push(`C: [${Array.from({ length: d.pick([1, 2, 6]) }, who).join(", ")}]`);
  if (d.chance(0.3)) fields.push(`I: [${who()}]`);
  if (d.chance(0.1)) fields.push(`backup: v${Math.floor(d.next() * (people + 3))}`);
  return `  - { ${fields.join(", ")} }`;
}

/** The organisation of `people` people (teams of six to ten), reproducible from `seed`. */
export function generateVariedOrganisation(people: number, seed = 1): string {
  const d = draw(seed);
  const out = [
    `organisation: { name: Varied Corp, stage: mature, topology: embedded, mlProducts: ${Math.ceil(people / 8)}, frameworks: [eu-ai-act, iso-42001, nist-ai-rmf] }`,
    "people:",
  ];
  const teams: string[] = [];
  const products: string[] = [];
  const raci: string[] = [];
  const onCall: string[] = [];
  let person = 0;
  for (let t = 0; person < people; t++) {
    const size = Math.min(people - person, 6 + Math.floor(d.next() * 5));
    const first = person;
    const members = Array.from({ length: size }, (_, i) => `v${first + i}`);
    for (let i = 0; i < size; i++, person++) out.push(personEntry(d, person, first));
    // Two rare competencies: one expert, and one needed above anyone's level.
    if (t === 0)
      out.push(
        "    # the team's rare skills",
        "  - { id: q0, name: Quinn, roles: [data-scientist], skills: { quantum-ml: 4, astro-ml: 1 } }",
      );
    const type = t % 5 === 0 ? "platform" : t % 11 === 3 ? "enabling" : "product";
    const serves =
      type !== "platform"
        ? ""
        : t === 0
          ? ", serves: [t1, t2, other-repo-team]"
          : `, serves: [t${t + 1}, t${t + 2}]`;
    const lead = d.chance(0.7) ? `, lead: v${first}` : "";
    teams.push(`  - { id: t${t}, type: ${type}, members: [${members.join(", ")}]${lead}${serves} }`);
    if (d.chance(0.3))
      onCall.push(
        `  - { id: oc${t}, team: t${t}, people: [${members.slice(0, d.pick([1, 2, 3])).join(", ")}] }`,
      );
    if (type !== "product") continue;
    const product = `prod-${t}`;
    const high = d.chance(0.4);
    const oversight =
      high && d.chance(0.8) ? `, oversight: [${members.slice(0, d.pick([1, 2])).join(", ")}]` : "";
    products.push(
      `  - { id: ${product}, team: t${t}, stage: ${d.chance(0.6) ? "production" : "prototype"}${high ? `, risk: high, operator: ${d.pick(["provider", "deployer"])}, annex: ${d.pick(["I", "III"])}` : ""}${oversight} }`,
    );
    for (const activity of ACTIVITIES) if (d.chance(0.5)) raci.push(raciRow(d, activity, product, people));
  }
  for (const activity of [...ACTIVITIES, ...GOVERNANCE_ROWS])
    raci.push(raciRow(d, activity, undefined, people));
  const teamCount = teams.length;
  // A platform may serve a team past the last one generated: left out, but a team of another repository stays.
  const known = (team: string) => !/^t\d+$/.test(team) || Number(team.slice(1)) < teamCount;
  return [
    ...out,
    "teams:",
    ...teams.map((line) =>
      line.replace(
        /serves: \[([^\]]*)\]/,
        (_, s: string) => `serves: [${s.split(", ").filter(known).join(", ")}]`,
      ),
    ),
    "  - { id: t-idle, type: platform }",
    "products:",
    ...products,
    "stakeholders:",
    "  - { kind: executive-sponsor, person: v0 }",
    "  - { kind: evangelist, name: Eve Outside, engaged: false }",
    "  - { kind: cio, name: Cleo, lastReview: 2025-01-15 }",
    "onCall:",
    ...onCall,
    "  - { id: oc-serving, activity: model-serving, people: [v1] }",
    "openings:",
    "  - { id: open-1, role: qa-engineer, team: t1, start: 2026-10-01 }",
    "  - { id: open-2, role: cloud-engineer }",
    "competencies:",
    "  - { id: quantum-ml, name: Quantum ML }",
    "  - { id: astro-ml, name: Astro ML }",
    "activities:",
    "  - { id: quantum-research, name: Quantum research, competencies: { quantum-ml: 3 } }",
    "  - { id: star-gazing, name: Star gazing, competencies: { astro-ml: 3 } }",
    "raci:",
    ...raci,
    "  - { activity: quantum-research, R: person:v5, A: tech-lead }",
    "  - { activity: star-gazing, R: person:q0, A: person:q0 }",
    "rules:",
    "  raci/crowded-row: { options: { maxConsulted: 4 } }",
    "  staffing/team-size: info",
    "suppress:",
    "  - { rule: raci/role-overload, subject: tech-lead, reason: leads answer for many things here }",
    "  - { rule: staffing/over-allocation, reason: accepted, expires: 2026-01-01 }",
    "",
  ].join("\n");
}
