/**
 * The organisation dashboard in a real browser (Debian's Chromium via playwright-core) against
 * `mlteam org serve`'s app over three synced team repositories: the teams ranked with their scores,
 * a team's page and history, its own pages read-only with a RACI edit turned into a patch, and
 * people across teams. A screenshot of every page goes to test-artifacts/.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { serve } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../scripts/chromium.ts";
import { syncOrganisation } from "../../src/app/org-sync.ts";
import { parseOrgConfig } from "../../src/org/config.ts";
import type { OrgStore } from "../../src/org/store-port.ts";
import { createOrgApp } from "../../src/server/org/app.ts";
import { openOrgStore } from "../../src/store/org-store.ts";
import { TODAY } from "../helpers.ts";
import { commit, teamRepo } from "./team-repos.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const ARTIFACTS = join(ROOT, "test-artifacts");
const scratch = mkdtempSync(join(tmpdir(), "mlteam-org-dashboard-"));

let browser: Browser;
let page: Page;
let base = "";
let server: ReturnType<typeof serve>;
let store: OrgStore;

before(async () => {
  assert.ok(existsSync(join(ROOT, "dist", "web", "org.html")), "build the dashboards first: npm run build");
  const fraud = teamRepo(scratch, "meghan-story", "fraud");
  teamRepo(scratch, "central-platform", "platform");
  teamRepo(scratch, "embedded-platform", "retail");
  const parsed = parseOrgConfig(
    join(scratch, "mlteam-org.yaml"),
    "name: Acme ML\nsources:\n  - repo: fraud\n  - repo: platform\n  - repo: retail\n",
  );
  assert.ok(parsed.ok);
  store = await openOrgStore(join(scratch, "org.db"));
  const now = () => "2026-11-30T12:00:00.000Z";
  const sync = () => syncOrganisation({ config: parsed.config, store, dataDir: scratch, today: TODAY, now });
  await sync();
  // A second commit of one team: its history has two points.
  const model = join(fraud, "mlteam.yaml");
  writeFileSync(
    model,
    `${readFileSync(model, "utf8")}stakeholders:\n  - { kind: executive-sponsor, name: Jo Board, engaged: true, lastReview: 2026-11-01 }\n`,
  );
  commit(fraud, "the sponsor is named");
  await sync();
  const { app } = createOrgApp({
    store,
    config: parsed.config,
    dataDir: scratch,
    today: () => TODAY,
    now,
    webRoot: join(ROOT, "dist", "web"),
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      base = `http://127.0.0.1:${info.port}/`;
      resolve();
    });
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
  await store?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `org-${name}.png`), fullPage: true });

describe("the organisation dashboard", () => {
  it("ranks the three teams with their scores, shows the distribution and what shows across teams", async () => {
    await page.goto(base);
    const rows = page.locator('[data-testid="org-teams"] tbody tr');
    await rows.nth(2).waitFor();
    assert.equal(await rows.count(), 3);
    const teams = (await (await page.request.get(`${base}api/org/teams`)).json()) as {
      name: string;
      score: number;
    }[];
    // The table is the API's ranking, score for score.
    for (const [i, team] of teams.entries()) {
      assert.equal(await rows.nth(i).locator("th").textContent(), team.name);
      assert.equal(await rows.nth(i).locator("td").first().textContent(), String(team.score));
    }
    assert.equal(await page.locator('[data-testid="org-summary"] .score').first().textContent(), "Teams 3");
    await page.locator('[data-testid="org-distribution"] svg').waitFor();
    assert.match(
      (await page.locator('[data-testid="org-distribution"]').getAttribute("aria-label")) ?? "",
      /Health of 3 teams/,
    );
    await shot("overview");
  });

  it("a team's page: its last sync, its history of two synced commits, its findings and people", async () => {
    await page.goto(`${base}#/team/fraud`);
    await page.locator('[data-testid="team-findings"]').waitFor();
    assert.match(
      (await page.locator('[data-testid="team-history"]').getAttribute("aria-label")) ?? "",
      /over 2 synced commits/,
    );
    assert.ok((await page.locator('[data-testid="team-findings"] .finding').count()) > 0);
    assert.ok(await page.getByRole("link", { name: "Meghan" }).first().isVisible());
    await shot("team");
  });

  it("a team's own pages, read-only from its snapshot: a RACI edit downloads a patch that names the file", async () => {
    await page.goto(`${base}#/team/fraud`);
    await page.getByRole("link", { name: /Open the team's pages/ }).click();
    await page.waitForURL(/\/teams\/fraud\/#?/);
    await page.getByRole("note").filter({ hasText: "Read-only" }).waitFor();
    const nav = (await page.locator("nav").textContent()) ?? "";
    assert.ok(nav.includes("RACI") && !nav.includes("History"), nav);
    await page.goto(`${base}teams/fraud/#/raci`);
    const cell = page.locator('button[data-activity="ci-cd-pipeline"][data-column="data-scientist"]');
    await cell.waitFor();
    const download = page.waitForEvent("download");
    await cell.click();
    const file = await (await download).path();
    const patch = readFileSync(file, "utf8");
    assert.match(patch, /^diff --git a\/mlteam\.yaml b\/mlteam\.yaml$/m);
    await page.getByRole("status").filter({ hasText: "Proposed" }).waitFor();
    // The cell shows what was proposed, and the next click proposes the next letter.
    assert.equal(await cell.textContent(), "R/A");
    const second = page.waitForEvent("download");
    await cell.click();
    const next = readFileSync(await (await second).path(), "utf8");
    await page
      .locator('button[data-activity="ci-cd-pipeline"][data-column="data-scientist"]', { hasText: /^–$/ })
      .waitFor();
    assert.notEqual(next, patch);
    await shot("team-raci-proposal");
  });

  it("finds people across teams and links to their teams", async () => {
    await page.goto(`${base}#/people`);
    await page.getByLabel(/Search by name/).fill("meghan");
    await page.waitForURL(/#\/people\?q=meghan/);
    const rows = page.locator('[data-testid="org-people"] tbody tr');
    // The list follows the query once the address has it: wait for the filtered list, not any first row.
    await page.waitForFunction(
      "(() => { const rows = [...document.querySelectorAll('[data-testid=\"org-people\"] tbody tr')]; return rows.length > 0 && rows.every((row) => /meghan/i.test(row.textContent)); })()",
    );
    assert.match((await rows.first().textContent()) ?? "", /Meghan.*fraud/);
    // Another query in the address (a link, back): the page follows it.
    await page.goto(`${base}#/people?q=dan`);
    await page.waitForFunction("document.querySelector('input[type=search]')?.value === 'dan'");
    await page.locator('[data-testid="org-people"] tbody tr').filter({ hasText: "Dan" }).first().waitFor();
    assert.match(page.url(), /q=dan/);
    await shot("people");
  });

  it("an admin assigns a role on one team and removes it, and creates an API token shown once", async () => {
    await page.goto(`${base}#/access`);
    await page.getByLabel(/Person/).fill("ann@acme.example");
    await page.getByLabel("role", { exact: true }).selectOption("editor");
    await page.getByLabel("on", { exact: true }).selectOption("fraud");
    await page.getByRole("button", { name: "Assign" }).click();
    const row = page.locator('[data-testid="org-assignments"] tbody tr').filter({ hasText: "ann@" });
    await row.first().waitFor();
    assert.match((await row.first().textContent()) ?? "", /ann@acme\.example.*editor@fraud/);
    assert.deepEqual(
      (await store.assignments("ann@acme.example")).map((a) => a.grant),
      ["editor@fraud"],
    );
    await page.getByLabel("Name", { exact: true }).fill("ci");
    await page.getByRole("button", { name: "Create" }).click();
    assert.match((await page.getByTestId("token-secret").textContent()) ?? "", /mlt_/);
    await shot("access");
    await row.first().getByRole("button", { name: "Remove" }).click();
    await page.getByRole("status").filter({ hasText: "Removed editor@fraud" }).waitFor();
    assert.deepEqual(await store.assignments("ann@acme.example"), []);
    const actions = (await store.readAccessLog(50)).map((e) => e.action);
    assert.ok(
      actions.includes("role-assigned") &&
        actions.includes("role-removed") &&
        actions.includes("token-created"),
    );
  });
});
