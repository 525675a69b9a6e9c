/**
 * The organisation chart: built from snapshots alone (a manager in another team, one person in two
 * teams with a recorded and an unrecorded allocation, a vacancy, the sponsor on top), laid out by
 * ELK, and served by GET /api/org/chart over test/fixtures/org-three with the people route's access.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { buildOrgChart } from "../../src/app/org-chart.ts";
import { syncOrganisation } from "../../src/app/org-sync.ts";
import { parseOrgConfig } from "../../src/org/config.ts";
import type { SnapshotPerson, TeamSnapshot } from "../../src/org/snapshot.ts";
import type { OrgStore } from "../../src/org/store-port.ts";
import { layOutOrgChart } from "../../src/render/org-chart-layout.ts";
import { createOrgApp } from "../../src/server/org/app.ts";
import { OrgChartView } from "../../src/server/org/contract.ts";
import { openOrgStore } from "../../src/store/org-store.ts";
import { commit, git } from "./team-repos.ts";

/** A person of a snapshot: one role at `allocation` % (unrecorded when undefined). */
function person(id: string, extra: Partial<SnapshotPerson> & { allocation?: number; role?: string } = {}) {
  const { allocation, role = "ml-engineer", ...rest } = extra;
  return {
    id,
    name: id.toUpperCase(),
    key: id,
    allocation: allocation ?? 0,
    allocationRecorded: allocation !== undefined,
    capacity: 100,
    roles: [{ role, ...(allocation !== undefined ? { allocation } : {}) }],
    teams: [] as string[],
    ...rest,
  } satisfies SnapshotPerson;
}

/** A valid snapshot of team `id` with one model team of the same id holding every person. */
function snapshot(id: string, people: SnapshotPerson[], extra: Partial<TeamSnapshot> = {}): TeamSnapshot {
  return {
    teamId: id,
    commit: "c0ffee",
    committedAt: "2026-11-01T00:00:00Z",
    syncedAt: "2026-11-02T00:00:00Z",
    name: `Team ${id}`,
    valid: true,
    score: 80,
    counts: { error: 1, warn: 2, info: 0 },
    findings: [],
    diagnostics: [],
    people: people.map((p) => ({ ...p, teams: p.teams?.length ? p.teams : [id] })),
    singlePointsOfFailure: [],
    teams: [{ id, type: "product", members: people.map((p) => p.id), serves: [] }],
    openings: [],
    ...extra,
  };
}

/**
 * A platform with the sponsor and its head, and a product team whose lead reports to the head (in
 * the platform's model); `shared` is in both — 60 % recorded in the platform, not recorded in the
 * product team (where she reports to its lead) — and the product team has an opening.
 */
function organisation(): TeamSnapshot[] {
  const platform = snapshot("platform", [
    person("boss", { allocation: 10, role: "executive-sponsor" }),
    person("head", { allocation: 100, reportsTo: "boss", role: "tech-lead" }),
    person("shared", { allocation: 60, reportsTo: "head", skills: { "cloud-devops": 3 } }),
  ]);
  const product = snapshot(
    "product",
    [
      person("lead", {
        allocation: 100,
        reportsTo: "head",
        role: "tech-lead",
        skills: { "cloud-devops": 2 },
      }),
      person("shared-here", { key: "shared", reportsTo: "lead", role: "data-scientist" }),
    ],
    { openings: [{ id: "mle", role: "ml-engineer", team: "product" }] },
  );
  (product.teams as NonNullable<TeamSnapshot["teams"]>)[0] = {
    id: "product",
    name: "Product",
    type: "product",
    lead: "lead",
    members: ["lead", "shared-here"],
    serves: [],
  };
  return [platform, product];
}

describe("the organisation chart from snapshots", () => {
  const chart = buildOrgChart(organisation(), [{ id: "broken", error: "branch gone" }]);
  const byKey = (key: string) => chart.people.find((p) => p.key === key);

  it("merges a person across teams by key, each team's allocation kept — not recorded is null, never 0", () => {
    assert.deepEqual(
      chart.people.map((p) => p.key),
      ["boss", "head", "shared", "lead"],
    );
    const shared = byKey("shared");
    assert.deepEqual(
      shared?.teams.map((m) => [m.team, m.id, m.allocation]),
      [
        ["platform", "shared", 60],
        ["product", "shared-here", null],
      ],
    );
    assert.deepEqual(shared?.roles, ["ml-engineer", "data-scientist"]);
    assert.equal(shared?.total, 60);
    assert.equal(shared?.recorded, false);
    assert.equal(shared?.team, "platform", "drawn where her recorded time is");
  });

  it("resolves a manager written in another team's model by id, and keeps each team's line", () => {
    assert.deepEqual(byKey("lead")?.managers, ["head"]);
    assert.deepEqual(byKey("shared")?.managers, ["head", "lead"]);
    assert.equal(byKey("shared")?.teams[1]?.manager, "lead");
    assert.deepEqual(
      chart.edges.filter((e) => e.to === "lead" || e.to === "shared"),
      [
        { from: "head", to: "shared" },
        { from: "lead", to: "shared" },
        { from: "head", to: "lead" },
      ],
    );
    const unknown = buildOrgChart([snapshot("x", [person("a", { allocation: 100, reportsTo: "ghost" })])]);
    assert.deepEqual(unknown.people[0]?.unknownManagers, ["ghost"]);
    assert.deepEqual(unknown.edges, []);
  });

  it("shows openings as vacancies under their team's lead, the sponsor, each team's counts and findings", () => {
    assert.deepEqual(chart.vacancies, [
      {
        id: "product:mle",
        team: "product",
        modelTeam: "product",
        role: "ml-engineer",
        status: "open",
        under: "lead",
      },
    ]);
    assert.deepEqual(chart.sponsors, ["boss"]);
    const product = chart.teams.find((t) => t.id === "product");
    assert.deepEqual(
      [product?.people, product?.vacancies, product?.counts.error, product?.findingsPage],
      [2, 1, 1, "#/team/product?show=findings"],
    );
    assert.deepEqual(product?.modelTeams, [
      { id: "product", name: "Product", type: "product", lead: "lead" },
    ]);
    assert.deepEqual(chart.teams.at(-1), {
      id: "broken",
      name: "broken",
      valid: false,
      score: null,
      counts: { error: 0, warn: 0, info: 0 },
      people: 0,
      vacancies: 0,
      modelTeams: [],
      findingsPage: "#/team/broken?show=findings",
      error: "branch gone",
    });
  });

  it("rolls skills up per team: people at level 3 or more, and at 2 or more", () => {
    assert.deepEqual(chart.skills, [
      {
        team: "platform",
        competencies: [{ id: "cloud-devops", name: "Cloud and/or on-prem DevOps", atLeast3: 1, atLeast2: 1 }],
      },
      {
        team: "product",
        competencies: [{ id: "cloud-devops", name: "Cloud and/or on-prem DevOps", atLeast3: 0, atLeast2: 1 }],
      },
    ]);
  });

  it("flags a person over their capacity across teams", () => {
    const over = buildOrgChart([
      snapshot("a", [person("p", { allocation: 70 })]),
      snapshot("b", [person("p", { allocation: 50 })]),
    ]);
    assert.deepEqual(
      [over.people[0]?.total, over.people[0]?.recorded, over.people[0]?.over],
      [120, true, true],
    );
  });

  it("lays it out top-down: the sponsor above everyone, each team's people inside its box, edges across boxes", async () => {
    const layout = await layOutOrgChart(chart, { groupBy: "team" });
    const node = (id: string) => layout.nodes.find((n) => n.id === id);
    const sponsor = node("p:boss");
    assert.equal(sponsor?.kind, "sponsor");
    for (const n of layout.nodes)
      if (n !== sponsor)
        assert.ok((sponsor?.y ?? 0) + (sponsor?.height ?? 0) <= n.y, `${n.id} above the sponsor`);
    const inside = (id: string, group: string) => {
      const n = node(id);
      const g = layout.groups.find((x) => x.ref === group);
      assert.ok(n && g, `${id} in ${group}`);
      assert.ok(
        n.x >= g.x && n.y >= g.y && n.x + n.width <= g.x + g.width && n.y + n.height <= g.y + g.height,
        id,
      );
    };
    inside("p:head", "platform");
    inside("p:shared", "platform");
    inside("p:lead", "product");
    inside("v:product:mle", "product");
    inside("t:product", "product");
    assert.ok(
      (node("p:head")?.y ?? 0) < (node("p:lead")?.y ?? 0),
      "the manager above the report, across teams",
    );
    assert.deepEqual(layout.edges.map((e) => e.id).sort(), [
      "r:boss>head",
      "r:head>lead",
      "r:head>shared",
      "r:lead>shared",
      "ve:product:mle",
    ]);
    assert.ok(layout.edges.every((e) => e.points.length >= 2));
    assert.deepEqual(node("p:shared")?.lines, [
      "SHARED",
      "ml-engineer, data-scientist",
      "platform 60 %",
      "product not recorded",
    ]);
    assert.match(
      node("t:product")?.label ?? "",
      /^Team product: health 80, 1 error, 2 warnings, 2 people, 1 open$/,
    );
  });

  it("groups by the model's own teams for one team's docs, the sponsor outside them", async () => {
    const layout = await layOutOrgChart(chart, { groupBy: "modelTeam" });
    assert.deepEqual(layout.groups.map((g) => g.ref).sort(), ["platform/platform", "product/product"]);
    assert.ok(layout.nodes.some((n) => n.id === "t:product/product" && n.lines[1] === "product team"));
  });
});

describe("GET /api/org/chart over org-three", () => {
  const FIXTURE = join(import.meta.dirname, "..", "fixtures", "org-three");
  const ADMIN = "chart-admin-secret";
  let scratch: string;
  let store: OrgStore;
  let app: ReturnType<typeof createOrgApp>["app"];

  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), "mlteam-org-chart-"));
    cpSync(FIXTURE, scratch, { recursive: true });
    // An opening in recs, under its lead.
    const recs = join(scratch, "recs", "mlteam.yaml");
    writeFileSync(
      recs,
      `${readFileSync(recs, "utf8")}openings:\n  - { id: mle-2, role: ml-engineer, team: recs }\n`,
    );
    for (const team of ["platform", "fraud", "recs"]) {
      git(join(scratch, team), "init", "-q", "-b", "main");
      commit(join(scratch, team), "the team model");
    }
    const file = join(scratch, "mlteam-org.yaml");
    const parsed = parseOrgConfig(file, readFileSync(file, "utf8"));
    assert.ok(parsed.ok);
    store = await openOrgStore(join(scratch, "org.db"));
    const options = { config: parsed.config, store, dataDir: scratch, today: "2026-12-07" };
    await syncOrganisation({ ...options, now: () => "2026-12-07T10:00:00.000Z" });
    ({ app } = createOrgApp({ ...options, today: () => "2026-12-07", token: ADMIN }));
  });
  after(async () => {
    await store.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const get = (secret: string | undefined) =>
    app.request("http://127.0.0.1/api/org/chart", {
      headers: secret ? { authorization: `Bearer ${secret}` } : {},
    });

  it("answers the chart of the three teams in the contract's shape", async () => {
    const response = await get(ADMIN);
    assert.equal(response.status, 200);
    const chart = OrgChartView.parse(await response.json());
    assert.deepEqual(chart.sponsors, ["caroline"]);
    const lea = chart.people.find((p) => p.name === "Lea Moreau");
    const kai = chart.people.find((p) => p.name === "Kai Chen");
    assert.deepEqual(lea?.managers, [kai?.key], "fraud's lead reports to the platform's head");
    const mei = chart.people.filter((p) => p.name === "Mei Lin");
    assert.equal(mei.length, 1, "one Mei Lin across two teams");
    assert.deepEqual(
      mei[0]?.teams.map((m) => [m.team, m.allocation]),
      [
        ["platform", 60],
        ["recs", 60],
      ],
    );
    assert.equal(mei[0]?.over, true);
    assert.deepEqual(
      chart.vacancies.map((v) => [
        v.id,
        v.role,
        v.under === chart.people.find((p) => p.name === "Hanna Bauer")?.key,
      ]),
      [["recs:mle-2", "ml-engineer", true]],
    );
    assert.deepEqual(chart.teams.map((t) => t.id).sort(), ["fraud", "platform", "recs"]);
    const top = chart.layout.nodes.find((n) => n.kind === "sponsor");
    assert.ok(chart.layout.nodes.every((n) => n === top || n.y > (top?.y ?? 0)));
  });

  it("needs the viewer role organisation-wide, as the people across teams do", async () => {
    assert.equal((await get(undefined)).status, 401);
    const create = async (roles: string[]) => {
      const response = await app.request("http://127.0.0.1/api/org/tokens", {
        method: "POST",
        headers: {
          authorization: `Bearer ${ADMIN}`,
          "content-type": "application/json",
          "x-mlteam-request": "1",
        },
        body: JSON.stringify({ name: roles.join("-"), roles, expiresInDays: 1 }),
      });
      assert.equal(response.status, 201, await response.clone().text());
      return ((await response.json()) as { token: string }).token;
    };
    assert.equal((await get(await create(["viewer@fraud"]))).status, 403);
    assert.equal((await get(await create(["viewer"]))).status, 200);
  });
});
