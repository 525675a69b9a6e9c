/**
 * The organisation chart page in a real browser (Debian's Chromium via playwright-core) against
 * `mlteam org serve`'s app over test/fixtures/org-three (three repositories, synced; an opening
 * added in recs): the sponsor on top, a box per person and team with the team's box leading to its
 * findings by keyboard, the allocation chart and skills table, no serious axe violation, and no
 * sideways scrolling of the page at 390 px. Screenshots go to test-artifacts/.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
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
import { commit, git } from "./team-repos.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const ARTIFACTS = join(ROOT, "test-artifacts");
const FIXTURE = join(ROOT, "test", "fixtures", "org-three");
const scratch = mkdtempSync(join(tmpdir(), "mlteam-org-chart-browser-"));

let browser: Browser;
let page: Page;
let base = "";
let server: ReturnType<typeof serve>;
let store: OrgStore;

before(async () => {
  assert.ok(existsSync(join(ROOT, "dist", "web", "org.html")), "build the dashboards first: npm run build");
  cpSync(FIXTURE, scratch, { recursive: true });
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
  const now = () => "2026-12-07T12:00:00.000Z";
  await syncOrganisation({ config: parsed.config, store, dataDir: scratch, today: "2026-12-07", now });
  const { app } = createOrgApp({
    store,
    config: parsed.config,
    dataDir: scratch,
    today: () => "2026-12-07",
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
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
  await store?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `org-${name}.png`), fullPage: true });
/** A box of the chart by its kind and its reference (a person's key, a vacancy's or team's id). */
const box = (kind: string, ref: string) =>
  page.locator(`[data-testid="org-chart"] g[data-kind="${kind}"][data-ref="${ref}"]`);

/** Opens the chart page afresh (a `goto` to the address already shown would not load it again). */
async function openChart(): Promise<void> {
  await page.goto(`${base}#/chart`);
  await page.reload();
  await page.locator('[data-testid="org-chart"] svg').waitFor();
  await page.locator('[data-testid="chart-allocation-bars"] svg').waitFor();
}

describe("the organisation chart page", () => {
  it("draws everyone by team with the sponsor on top, the vacancy, and links each team to its findings", async () => {
    await openChart();
    assert.equal(await page.locator("main h1").textContent(), "Organisation chart");
    assert.equal(await page.locator('nav a[aria-current="page"]').textContent(), "Chart");
    assert.equal(await page.locator('[data-testid="org-chart"] g[data-kind="person"]').count(), 15);
    const sponsor = await box("sponsor", "caroline").boundingBox();
    assert.ok(sponsor);
    for (const other of await page.locator('[data-testid="org-chart"] g[data-kind] > *').all()) {
      const b = await other.boundingBox();
      if (b && b.y !== sponsor.y) assert.ok(b.y >= sponsor.y + sponsor.height, "the sponsor is on top");
    }
    // Mei Lin once, with her time in both teams.
    assert.equal(
      await page
        .locator('[data-testid="org-chart"] g[data-kind="person"] text')
        .filter({ hasText: /^Mei Lin$/ })
        .count(),
      1,
    );
    assert.match((await box("person", "mlin").textContent()) ?? "", /platform 60 %.*recs 60 %/);
    assert.match((await box("vacancy", "recs:mle-2").textContent()) ?? "", /open · recs/);
    const links = await page
      .locator('[data-testid="org-chart"] g[data-kind="team"] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.deepEqual(links.sort(), [
      "#/team/fraud?show=findings",
      "#/team/platform?show=findings",
      "#/team/recs?show=findings",
    ]);
    // Lea Moreau reports to Kai Chen, in the platform's model: an edge from his box down to hers.
    const kai = await box("person", "kchen").boundingBox();
    const lea = await box("person", "lmoreau").boundingBox();
    assert.ok(kai && lea && kai.y < lea.y);
    await shot("chart");
  });

  it("reaches a team's box with the keyboard and opens its findings", async () => {
    await openChart();
    await page.getByRole("region", { name: /Organisation chart/ }).focus();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(
      "(() => { const a = document.activeElement; return [a?.tagName, a?.getAttribute('href'), a?.textContent]; })()",
    );
    const [tag, href, label] = focused as [string, string, string];
    assert.equal(tag.toLowerCase(), "a");
    assert.match(href, /^#\/team\/[a-z]+\?show=findings$/);
    assert.match(label, /health \d+ · \d+ errors?, \d+ warnings?/);
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/team\/[a-z]+\?show=findings$/);
    await page.waitForFunction("document.activeElement?.id === 'team-findings'");
    // A person's box leads to the people page.
    await openChart();
    await box("person", "hbauer").locator("a").click();
    await page.waitForURL(/#\/people\?q=Hanna%20Bauer$/);
  });

  it("charts the time of people in two teams and rolls skills up per team", async () => {
    await openChart();
    assert.match(
      (await page.getByTestId("chart-allocation-bars").getAttribute("aria-label")) ?? "",
      /^Time across teams of 1 people, 1 over their capacity$/,
    );
    const row = page.locator('[data-testid="chart-allocation"] tbody tr').filter({ hasText: "Mei Lin" });
    assert.match((await row.textContent()) ?? "", /ML Platform 60 %, Recommendations 60 %120 % — over 100 %/);
    const skills = page
      .locator('[data-testid="chart-skills"] tbody tr')
      .filter({ hasText: "Containerization" });
    // Platform: Mei, Tomas, Ingrid and Dev at 3; fraud: Jamal at 2.
    assert.deepEqual(await skills.locator("td").allTextContents(), ["0 (1)", "4 (4)", ""]);
  });

  it("has no serious or critical accessibility violations (axe-core)", async () => {
    await openChart();
    const axe = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
    await page.addScriptTag({ path: axe });
    const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(
      bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`),
      [],
    );
    assert.match(await page.title(), /^Organisation chart — /);
  });

  it("fits a 390 px phone: the chart scrolls in its frame, the page does not", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await openChart();
      const overflow = await page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth",
      );
      assert.ok(Number(overflow) <= 0, `the page overflows by ${overflow} px`);
      const frame = await page.evaluate(
        "(() => { const s = document.querySelector('[data-testid=\"org-chart\"] .scroll'); return s.scrollWidth > s.clientWidth; })()",
      );
      assert.equal(frame, true, "the chart is wider than the phone and scrolls in its frame");
      // It opens on the sponsor, at the top.
      const sponsor = await box("sponsor", "caroline").boundingBox();
      assert.ok(sponsor && sponsor.x >= 0 && sponsor.x + sponsor.width <= 390, JSON.stringify(sponsor));
      await shot("chart-phone");
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  });
});
