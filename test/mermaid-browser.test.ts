/**
 * The Mermaid that mlteam writes, parsed and rendered by Mermaid itself in headless Chromium
 * (Debian's /usr/bin/chromium, driven by playwright-core; `.ci/run` installs it).
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { launchChromium } from "../scripts/chromium.ts";
import { checkModel } from "../src/analysis/check-model.ts";
import { fsHost } from "../src/io/fs-host.ts";
import { renderMermaid } from "../src/render/export/mermaid.ts";
import { checkText, TODAY } from "./helpers.ts";

const MERMAID = createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js");
let browser: Browser;

before(async () => {
  browser = await launchChromium();
});
after(async () => browser?.close());

/** Whether the SVG shows `text` (with XML escapes). */
const shows = (svg: string, text: string) =>
  svg.includes(text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));

async function render(text: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.setContent("<!doctype html><html><body></body></html>");
    await page.addScriptTag({ path: MERMAID });
    return await page.evaluate(async (source) => {
      const m = (
        globalThis as unknown as {
          mermaid: {
            initialize(o: object): void;
            parse(t: string): Promise<unknown>;
            render(id: string, t: string): Promise<{ svg: string }>;
          };
        }
      ).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: "strict" });
      await m.parse(source);
      return (await m.render("topology", source)).svg;
    }, text);
  } finally {
    await page.close();
  }
}

describe("Mermaid output in a real browser", () => {
  it("the topology of every example parses and renders with its teams and products", async () => {
    for (const example of ["central-platform", "embedded-platform", "meghan-story"]) {
      const { graph } = checkModel(`examples/${example}`, fsHost, { today: TODAY });
      const svg = await render(renderMermaid(graph));
      for (const team of graph.teams.values())
        assert.ok(shows(svg, team.source.name ?? team.id), `${example}: team ${team.id}`);
      for (const product of graph.products.values())
        assert.ok(shows(svg, product.source.name ?? product.id), `${example}: product ${product.id}`);
    }
  });

  it("model strings stay text", async () => {
    const { graph } = checkText(`people:
  - { id: x, name: '<img src=x onerror=alert(1)> "quoted" #1', roles: [mlops-engineer] }
teams: [{ id: t, type: platform, members: [x] }]
`);
    const svg = await render(renderMermaid(graph));
    assert.doesNotMatch(svg, /<img /);
    assert.match(svg, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });
});
