/**
 * The People page's "Plan handover" view in a real browser (Debian's Chromium via playwright-core)
 * against `mlteam serve`'s app on a copy of test/fixtures/handover: reached from the keyboard, it
 * lists each responsibility with the successor and why, the findings added and resolved and the score
 * before → after; it is axe-clean and fits a 390 px phone; "Apply" is refused when the YAML changed
 * underneath, and otherwise writes it, every comment kept.
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
import { launchChromium } from "../scripts/chromium.ts";
import { createApp } from "../src/server/app.ts";
import { TODAY } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..");
const ARTIFACTS = join(ROOT, "test-artifacts");
const dir = mkdtempSync(join(tmpdir(), "mlteam-dashboard-handover-"));
cpSync(join(ROOT, "test", "fixtures", "handover"), dir, { recursive: true });
const model = join(dir, "mlteam.yaml");
const original = readFileSync(model, "utf8");

let browser: Browser;
let page: Page;
let base = "";
let server: ReturnType<typeof serve>;

before(async () => {
  assert.ok(existsSync(join(ROOT, "dist", "web", "index.html")), "build the dashboard first: npm run build");
  const app = createApp({
    modelPath: model,
    today: () => TODAY,
    webRoot: join(ROOT, "dist", "web"),
    // The fixture lists a repository that test/handover.test.ts makes; here the history is left out.
    gatherEvidence: async () => ({ warnings: [] }),
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      base = `http://127.0.0.1:${info.port}/`;
      resolve();
    });
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // The page's 2-second poll for changes on disk is paused, so it edits the version it loaded.
  await page.clock.install({ time: new Date(`${TODAY}T09:00:00Z`) });
  await page.clock.pauseAt(new Date(`${TODAY}T09:00:01Z`));
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const openPlan = async () => {
  await page.goto(`${base}#/people`);
  const link = page.getByRole("link", { name: "Plan handover of Omar Haddad" });
  await link.focus(); // reached and followed from the keyboard
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: /Plan handover: Omar Haddad/ }).waitFor();
  await page.getByTestId("handover-summary").waitFor();
};

describe("the dashboard's handover view", () => {
  it("lists each responsibility with its successor, the reasons, the findings and the score", async () => {
    await openPlan();
    assert.match(page.url(), /#\/people\?handover=omar$/);
    const summary = (await page.getByTestId("handover-summary").textContent()) ?? "";
    assert.match(
      summary,
      /Leaves on 2026-12-22\. As of 2026-11-22: \d+ responsibilities · health \d+ → \d+ \([+-]\d+\)/,
    );
    const pipeline = page.locator("main li", {
      has: page.getByRole("heading", { name: /Responsible for Data pipeline/ }),
    });
    await pipeline.getByText("Sam Okafor").first().waitFor();
    await pipeline.getByText(/skills: data-pipelines 3 \(needs 3\)/).waitFor();
    await pipeline.getByText(/edit mlteam\.yaml raci\[0\]\.R: omar → sam/).waitFor();
    await page.getByRole("heading", { name: /Findings it resolves \(\d+\)/ }).waitFor();
    await page
      .getByText(/staffing\/leaver/)
      .first()
      .waitFor();
    assert.ok((await page.locator("main details summary").count()) > 0, "alternatives are listed");
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-handover.png"), fullPage: true });
  });

  it("refuses to apply when the YAML changed underneath, then applies with a confirmation", async () => {
    await openPlan();
    writeFileSync(model, `${original}# edited in an editor meanwhile\n`);
    await page.getByRole("button", { name: "Apply handover…" }).click();
    await page.getByRole("button", { name: "Yes, write it" }).click();
    await page.getByRole("status").filter({ hasText: "nothing was written" }).waitFor();
    assert.equal(readFileSync(model, "utf8"), `${original}# edited in an editor meanwhile\n`);
    writeFileSync(model, original); // the version the page shows again
    await page.getByRole("button", { name: "Apply handover…" }).click();
    await page.getByRole("button", { name: "Yes, write it" }).waitFor();
    assert.equal(
      await page.evaluate("document.activeElement?.textContent"),
      "Yes, write it",
      "the confirmation has focus",
    );
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Written: mlteam.yaml" }).waitFor();
    const text = readFileSync(model, "utf8");
    assert.match(text, /R: sam # built the first DAGs/);
    assert.match(text, /# Omar signs off every release/);
    // The view follows the written model: the pipeline is no longer Omar's.
    await page.getByRole("heading", { name: /Responsible for Data pipeline/ }).waitFor({ state: "detached" });
  });
  it("has no serious or critical accessibility violations (axe-core) and fits a 390 px phone", async () => {
    await page.clock.resume(); // axe waits on timers
    writeFileSync(model, original); // Omar holds everything again
    await openPlan();
    await page.locator("main details").first().locator("summary").click(); // an alternative shown too
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
    const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(
      bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`),
      [],
    );
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await openPlan();
      const overflow = await page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth",
      );
      assert.ok(Number(overflow) <= 0, `the handover view overflows by ${overflow} px`);
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  });
});
