/**
 * A synced team's read-only pages on the organisation server (Debian's Chromium): the People page
 * plans a handover from the snapshot, and "Propose handover" downloads it as a patch of the team's
 * YAML instead of writing it.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
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
import { teamRepo } from "./team-repos.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const scratch = mkdtempSync(join(tmpdir(), "mlteam-org-handover-browser-"));
let browser: Browser;
let page: Page;
let base = "";
let server: ReturnType<typeof serve>;
let store: OrgStore;
const fraud = teamRepo(scratch, "meghan-story", "fraud");

before(async () => {
  assert.ok(existsSync(join(ROOT, "dist", "web", "org.html")), "build the dashboards first: npm run build");
  const parsed = parseOrgConfig(
    join(scratch, "mlteam-org.yaml"),
    "name: Acme ML\nsources:\n  - repo: fraud\n",
  );
  assert.ok(parsed.ok);
  store = await openOrgStore(join(scratch, "org.db"));
  const now = () => "2026-11-30T12:00:00.000Z";
  await syncOrganisation({ config: parsed.config, store, dataDir: scratch, today: TODAY, now });
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
});

after(async () => {
  await browser?.close();
  server?.close();
  await store?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("a synced team's handover", () => {
  it("is planned from the snapshot and proposed as a patch to download, nothing written", async () => {
    const before = readFileSync(join(fraud, "mlteam.yaml"), "utf8");
    await page.goto(`${base}teams/fraud/#/people`);
    await page.getByRole("link", { name: "Plan handover of Meghan Doyle" }).click();
    await page.getByRole("heading", { name: /Plan handover: Meghan Doyle/ }).waitFor();
    await page.getByLabel("Give it to").selectOption("dan");
    await page.getByText(/changes mlteam\.yaml/).waitFor();
    await page.getByRole("button", { name: "Propose handover…" }).click();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Yes, download it" }).click();
    const patch = readFileSync(await (await download).path(), "utf8");
    assert.match(patch, /^diff --git a\/mlteam\.yaml b\/mlteam\.yaml$/m);
    assert.match(patch, /^\+.*\bdan\b/m);
    await page.getByRole("status").filter({ hasText: "fraud-handover-meghan.patch is downloaded" }).waitFor();
    assert.equal(readFileSync(join(fraud, "mlteam.yaml"), "utf8"), before, "nothing is written");
  });
});
