/**
 * The dashboard in a real browser (Debian's Chromium via playwright-core) against `mlteam serve`'s
 * app on a copy of the Meghan example: edit the RACI and see the YAML and the findings change, see
 * a concurrent change refused, play what-if, and keep a screenshot of every page.
 */
import assert from "node:assert/strict";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { serve } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../scripts/chromium.ts";
import { createApp } from "../src/server/app.ts";
import { RepoBuilder } from "./evidence/repo-builder.ts";
import { TODAY } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..");
const ARTIFACTS = join(ROOT, "test-artifacts");
const dir = mkdtempSync(join(tmpdir(), "mlteam-dashboard-"));
const model = join(dir, "mlteam.yaml");
copyFileSync(join(ROOT, "examples", "meghan-story", "mlteam.yaml"), model);
// The model's folder is a git repository with three versions, for the History page.
const history = new RepoBuilder(dir);
const meghan = readFileSync(model, "utf8");
writeFileSync(model, meghan);
history.commit({ name: "Ann Lee", email: "ann@x.org" }, "Meghan's team");
writeFileSync(
  model,
  `${meghan}stakeholders:\n  - { kind: executive-sponsor, name: Jo Board, engaged: true, lastReview: 2026-11-01 }\n`,
);
history.commit({ name: "Ann Lee", email: "ann@x.org" }, "the sponsor is named");
writeFileSync(model, meghan);
history.commit({ name: "Ann Lee", email: "ann@x.org" }, "back to no sponsor");

let browser: Browser;
let page: Page;
let base = "";
let server: ReturnType<typeof serve>;

before(async () => {
  assert.ok(existsSync(join(ROOT, "dist", "web", "index.html")), "build the dashboard first: npm run build");
  const app = createApp({ modelPath: model, today: () => TODAY, webRoot: join(ROOT, "dist", "web") });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      base = `http://127.0.0.1:${info.port}/`;
      resolve();
    });
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // The page's clock is paused: its 2-second poll for changes on disk runs only when a test says
  // so (runFor), so no poll can race an edit the test makes to the file.
  await page.clock.install({ time: new Date(`${TODAY}T09:00:00Z`) });
  await page.clock.pauseAt(new Date(`${TODAY}T09:00:01Z`));
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The page has drawn what it loads (no "Loading…" left). */
const LOADED =
  "!document.querySelector('main')?.textContent?.includes('Loading') && !document.querySelector('main')?.textContent?.includes('Reading the')";

const shot = (name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `dashboard-${name}.png`), fullPage: true });

describe("the dashboard", () => {
  it("shows the score and the findings, with Meghan as the single point of failure", async () => {
    await page.goto(`${base}#/overview`);
    await page.getByTestId("overall").waitFor();
    assert.match((await page.getByTestId("overall").textContent()) ?? "", /Health\s+\d+/);
    await page.getByText("5 activities rest on Meghan Doyle alone", { exact: false }).first().waitFor();
    await page.getByPlaceholder("search findings").fill("Accountables");
    await page.getByText('"Monitoring setup" has 2 Accountables', { exact: false }).waitFor();
    await shot("overview");
  });

  it("sets a RACI cell: the YAML changes with its comments kept, and the findings follow", async () => {
    await page.goto(`${base}#/raci`);
    const cell = page.locator('button[data-activity="ci-cd-pipeline"][data-column="data-scientist"]');
    await cell.waitFor();
    assert.equal((await cell.textContent()) ?? "", "I");
    await cell.click(); // I → R/A
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    await page
      .locator('button[data-activity="ci-cd-pipeline"][data-column="data-scientist"]', { hasText: "R/A" })
      .waitFor();
    const text = readFileSync(model, "utf8");
    assert.match(text, /# "Meghan is our MLOps girl, she's running that stuff\." \(002\)/);
    assert.match(
      text,
      /- activity: ci-cd-pipeline\n {4}R: \[meghan, data-scientist\]\n {4}A: \[meghan, data-scientist\]\n/,
    );
    await shot("raci");
    await page.goto(`${base}#/overview`);
    await page.getByPlaceholder("search findings").fill("CI/CD pipeline");
    await page.getByText('"CI/CD pipeline" has 2 Accountables', { exact: false }).waitFor();
  });

  it("refuses an edit when the file changed underneath, and says so", async () => {
    await page.goto(`${base}#/raci`);
    const cell = page.locator('button[data-activity="data-pipeline"][data-column="data-scientist"]');
    await cell.waitFor();
    // The page's clock is paused, so it still edits the version it loaded.
    writeFileSync(model, `${readFileSync(model, "utf8")}# edited in an editor meanwhile\n`);
    await cell.click();
    await page.getByRole("status").filter({ hasText: "Not saved" }).waitFor();
    assert.match((await page.getByRole("status").textContent()) ?? "", /changed since you loaded it/);
    assert.match(readFileSync(model, "utf8"), /# edited in an editor meanwhile\n$/);
  });

  it("moves the score when Meghan is ticked away, and ranks her first", async () => {
    await page.goto(`${base}#/whatif`);
    await page.getByText("Who the team can least do without").waitFor();
    await page.locator("ol li").first().getByText("Meghan Doyle", { exact: false }).waitFor();
    await page.getByLabel("Meghan Doyle").check();
    await page.getByTestId("whatif-score").waitFor();
    const [, before, after] =
      /Health (\d+) → (\d+)/.exec((await page.getByTestId("whatif-score").textContent()) ?? "") ?? [];
    assert.ok(Number(after) < Number(before), `${before} → ${after}`);
    await shot("whatif");
  });

  it("renders every other page, with model strings as text", async () => {
    for (const name of ["people", "skills", "topology", "evidence", "catalog"]) {
      await page.goto(`${base}#/${name}`);
      await page.locator("main").getByText(/\w/).first().waitFor();
      await shot(name);
    }
    await page.goto(`${base}#/topology`);
    await page.locator("main svg").waitFor();
    await page.goto(`${base}#/people`);
    await page.getByText("150% allocated — 3 hats", { exact: false }).waitFor();
    await page
      .getByText("Paul Verhoeven is both outside-to-inside and inside-to-outside", { exact: false })
      .waitFor();
  });

  it("shows a person named like markup as text, and runs nothing", async () => {
    const text = readFileSync(model, "utf8").replace(
      "people:\n",
      `people:\n  - { id: mallory, name: '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>', roles: [data-scientist] }\n`,
    );
    writeFileSync(model, text);
    await page.goto(`${base}#/people`);
    await page.clock.runFor(2_000); // the page's poll notices the change on disk
    await page.getByText('<img src=x onerror="window.__xss=1">', { exact: false }).first().waitFor();
    for (const name of ["overview", "raci", "skills", "whatif", "topology"]) {
      await page.goto(`${base}#/${name}`);
      await page.locator("main table, main .card, main .scores").first().waitFor();
    }
    assert.equal(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss), undefined);
  });

  it("draws the score over the commits that changed the model, and shows what a commit did", async () => {
    // ECharts draws on animation frames: let the page's clock run again (no test edits the file after this).
    await page.clock.resume();
    await page.goto(`${base}#/history`);
    await page.locator("[data-testid=history-chart] svg").waitFor();
    await page.waitForFunction(
      'document.querySelectorAll("[data-testid=history-chart] svg path").length > 10',
    );
    const rows = page.locator("table.grid tbody tr");
    await rows.nth(2).waitFor();
    assert.equal(await rows.count(), 3);
    await shot("history");
    await rows.nth(1).getByRole("button").click();
    await page
      .getByTestId("history-diff")
      .getByText(/Health \d+ → \d+; 0 added, 1 resolved/)
      .waitFor();
  });

  it("has no serious or critical accessibility violations on any page (axe-core)", async () => {
    const axe = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
    for (const name of [
      "overview",
      "raci",
      "people",
      "skills",
      "topology",
      "whatif",
      "history",
      "evidence",
      "governance",
      "catalog",
    ]) {
      await page.goto(`${base}#/${name}`);
      await page.locator("main h1").waitFor();
      await page.waitForFunction(LOADED);
      if ((await page.evaluate("typeof axe")) === "undefined") await page.addScriptTag({ path: axe });
      const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as {
        violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
      };
      const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(
        bad.map(
          (v) =>
            `${v.id}: ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join("; ")}`,
        ),
        [],
        `#/${name}`,
      );
      assert.match(
        await page.title(),
        new RegExp(`^${(await page.locator("main h1").textContent()) ?? ""} — `),
      );
      assert.equal(await page.locator('nav a[aria-current="page"]').count(), 1);
    }
  });

  it("fits a 390 px phone without horizontal scrolling", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const name of ["overview", "raci", "people", "skills", "history", "catalog"]) {
        await page.goto(`${base}#/${name}`);
        await page.locator("main h1").waitFor();
        await page.waitForFunction(LOADED);
        const overflow = await page.evaluate(
          "document.documentElement.scrollWidth - document.documentElement.clientWidth",
        );
        assert.ok(Number(overflow) <= 0, `#/${name} overflows by ${overflow} px`);
      }
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  });

  it("takes every finding's subject link to that subject", async () => {
    await page.goto(`${base}#/overview`);
    await page.getByTestId("overall").waitFor();
    const links = await page
      .locator('main a[href*="focus="]')
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    assert.ok(links.length >= 5, `${links.length} links`);
    for (const href of [...new Set(links)]) {
      const subject = decodeURIComponent(href.split("focus=")[1] ?? "");
      await page.goto(`${base}${href}`);
      const target = page.locator(`#${href.includes("#/people") ? "person" : "activity"}-${subject}.focused`);
      await target.waitFor();
      assert.ok(await target.isVisible(), href);
    }
  });

  it("draws charts where people expect them: areas, allocation, a skills radar, RACI load", async () => {
    await page.clock.resume();
    const drawn = async (testId: string) => {
      await page.locator(`[data-testid=${testId}] svg`).waitFor();
      await page.waitForFunction(`document.querySelectorAll("[data-testid=${testId}] svg path").length > 3`);
      assert.match((await page.getByTestId(testId).getAttribute("aria-label")) ?? "", /\w/);
    };
    await page.goto(`${base}#/overview`);
    await drawn("areas-chart");
    await page.goto(`${base}#/people`);
    await drawn("allocation-chart");
    assert.match(
      (await page.getByTestId("allocation-chart").getAttribute("aria-label")) ?? "",
      /over 100 %: Meghan Doyle 150 %/,
    );
    await shot("people-allocation");
    await page.goto(`${base}#/skills`);
    await drawn("skills-radar");
    await shot("skills-radar");
    await page.goto(`${base}#/raci`);
    await page.getByText("Load per role").click();
    await drawn("raci-load");
    await shot("raci-load");
  });

  it("shows openings (dashed, covering nothing yet), contractors, part-timers and leavers on the People page", async () => {
    const text = readFileSync(model, "utf8")
      .replace(
        "  - id: meghan\n",
        "  - id: meghan\n    employment: contractor\n    capacity: 80\n    leaves: 2027-03-31\n",
      )
      .concat(
        "openings:\n  - { id: mlops-2027, role: mlops-engineer, start: 2027-01-15, status: approved }\n",
      );
    writeFileSync(model, text);
    await page.goto(`${base}#/people`);
    await page.locator(".card.opening").getByText("Opening: mlops-engineer").waitFor();
    await page.locator("#person-meghan .badge", { hasText: "contractor" }).waitFor();
    await page.locator("#person-meghan .badge", { hasText: "leaves 2027-03-31" }).waitFor();
    await shot("people-openings");
  });

  it("shows the evidence per activity: the truck factor of the active and with reviews, and who went quiet", async () => {
    // A second model whose repository's last commit is long before its two-month window.
    const evidenceDir = mkdtempSync(join(tmpdir(), "mlteam-dashboard-evidence-"));
    const repo = new RepoBuilder(join(evidenceDir, "platform"));
    repo.write(".github/workflows/ci.yml", "on: push\n");
    repo.commit({ name: "Omar Haddad", email: "omar@x.org" }, "ci", ["Reviewed-by: Ann Lee <ann@x.org>"]);
    const evidenceModel = join(evidenceDir, "mlteam.yaml");
    writeFileSync(
      evidenceModel,
      "organisation: { name: E, stage: scaling }\npeople:\n  - { id: ann, name: Ann Lee, roles: [mlops-engineer], emails: [ann@x.org] }\nevidence:\n  repositories: [{ path: platform }]\n  windowMonths: 2\n",
    );
    const app = createApp({
      modelPath: evidenceModel,
      today: () => TODAY,
      webRoot: join(ROOT, "dist", "web"),
    });
    let other: ReturnType<typeof serve> | undefined;
    const url = await new Promise<string>((resolve) => {
      other = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
        resolve(`http://127.0.0.1:${info.port}/`),
      );
    });
    try {
      const evidencePage = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await evidencePage.goto(`${url}#/evidence`);
      const row = evidencePage.locator("main table tbody tr", { hasText: "ci-cd-pipeline" });
      await row.waitFor();
      assert.deepEqual((await evidencePage.locator("main table thead th").allInnerTexts()).slice(2, 6), [
        "Truck factor",
        "Main authors",
        "Of the active",
        "With reviews",
      ]);
      const cells = await row.locator("td").allInnerTexts();
      assert.deepEqual(cells.slice(1, 5), ["1", "Omar Haddad", "0", "2 (1 reviewer)"]);
      assert.match(
        (await row.locator("td.poor[title]").getAttribute("title")) ?? "",
        /^No author active since 2026-10: Omar Haddad \(last 2026-01-02\)$/,
      );
      await evidencePage.close();
    } finally {
      other?.close();
      rmSync(evidenceDir, { recursive: true, force: true });
    }
  });

  it("shows the governance clauses of the frameworks the model lists, with the evidence on a click", async () => {
    const dir2 = mkdtempSync(join(tmpdir(), "mlteam-dashboard-governance-"));
    const governed = join(dir2, "mlteam.yaml");
    writeFileSync(
      governed,
      `organisation: { name: G, stage: scaling, frameworks: [eu-ai-act] }
people:
  - { id: ana, name: "Ana <i>Ruiz</i>", roles: [tech-lead], training: [{ topic: human-oversight, date: 2026-03-10 }] }
teams: [{ id: t, type: product, members: [ana] }]
products:
  - { id: scoring, team: t, stage: production, risk: high, operator: deployer }
`,
    );
    const app = createApp({ modelPath: governed, today: () => TODAY, webRoot: join(ROOT, "dist", "web") });
    let other: ReturnType<typeof serve> | undefined;
    const url = await new Promise<string>((resolve) => {
      other = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
        resolve(`http://127.0.0.1:${info.port}/`),
      );
    });
    try {
      const governance = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await governance.goto(`${url}#/governance`);
      const row = governance.locator("main table tbody tr", { hasText: "Art. 26(2)" });
      await row.waitFor();
      assert.deepEqual((await row.locator("td").allInnerTexts()).slice(1, 3), ["gap", "1"]);
      await row.getByRole("button", { name: "Art. 26(2)" }).click();
      await governance.getByText("scoring (high risk, deployer): no one assigned").waitFor();
      await governance.getByText(/has no human oversight assigned to named people/).waitFor();
      assert.equal(await governance.locator("main i").count(), 0, "model strings are text");
      await governance.close();
    } finally {
      other?.close();
      rmSync(dir2, { recursive: true, force: true });
    }
  });
});
