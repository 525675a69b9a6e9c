import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { assessCoverage } from "../src/analysis/coverage.ts";
import { scoreTeam } from "../src/analysis/score.ts";
import { checkTeam, requireValid } from "../src/app/check-team.ts";
import { buildDocsSite } from "../src/app/docs-site.ts";
import { pageHtml } from "../src/render/docs-site/html.ts";
import { sitePages } from "../src/render/docs-site/pages.ts";
import { topologySvg } from "../src/render/docs-site/topology-svg.ts";
import { checkText, memoryHost, TODAY } from "./helpers.ts";

const BIN = join(import.meta.dirname, "..", "dist", "cli", "main.js");
const out = mkdtempSync(join(tmpdir(), "mlteam-site-"));
after(() => rmSync(out, { recursive: true, force: true }));

/** Every relative link target in a page, resolved against it. */
function links(file: string, text: string, html: boolean): string[] {
  const pattern = html ? /href="([^"#:]+)(?:#[^"]*)?"/g : /\]\(([^)#:\s]+)(?:#[^)]*)?\)/g;
  return [...text.matchAll(pattern)].map((m) => join(dirname(file), m[1] as string));
}

describe("mlteam docs", () => {
  const r = spawnSync(process.execPath, [BIN, "docs", "examples/embedded-platform", "--out", out], {
    encoding: "utf8",
    env: { ...process.env, MLTEAM_TODAY: TODAY },
  });

  it("writes the charter, cards, matrices, register and system documents in Markdown and HTML", () => {
    assert.equal(r.status, 0, r.stderr);
    for (const page of [
      "index",
      "raci",
      "skills",
      "stakeholders",
      "org-chart",
      "roles/tech-lead",
      "people/hana",
      "systems/recs/science",
      "systems/recs/tech-spec",
    ]) {
      assert.ok(existsSync(join(out, `${page}.md`)), `${page}.md`);
      assert.ok(existsSync(join(out, `${page}.html`)), `${page}.html`);
    }
    assert.equal(existsSync(join(out, "systems", "markdown")), false, "no documents for a prototype");
    const index = readFileSync(join(out, "index.md"), "utf8");
    assert.match(index, /^# Meridian Retail Group — ML team charter$/m);
    assert.match(index, /```mermaid\nflowchart LR\n/);
    assert.match(index, /^Health \*\*\d+\/100\*\*/m);
    assert.match(
      readFileSync(join(out, "index.html"), "utf8"),
      /<figure><svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
    );
    assert.match(
      readFileSync(join(out, "systems/recs/science.md"), "utf8"),
      /^## Monitoring and retraining$/m,
    );
  });

  it("links the organisation chart from every page's navigation and from the charter", () => {
    assert.match(readFileSync(join(out, "people/hana.html"), "utf8"), /<nav>.*href="\.\.\/org-chart\.html"/);
    assert.match(readFileSync(join(out, "index.md"), "utf8"), /\[Organisation chart\]\(org-chart\.md\)/);
  });

  it("has no broken links, in Markdown or HTML", () => {
    const files = spawnSync("find", [out, "-type", "f"], { encoding: "utf8" }).stdout.trim().split("\n");
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const target of links(file, text, file.endsWith(".html"))) {
        assert.ok(existsSync(target), `${file} links to ${target}`);
        checked++;
      }
    }
    assert.ok(checked > 50, `${checked} links checked`);
  });

  it("escapes every string from the model", async () => {
    const { graph, doctor } = checkText(`people:
  - { id: x, name: '<script>alert(1)</script>', titles: ['<b>boss</b>'], roles: [tech-lead] }
teams: [{ id: t, type: product, name: '<img src=x onerror=alert(1)>', members: [x] }]
products: [{ id: p, team: t, stage: production, name: '"><svg onload=alert(1)>' }]
`);
    const findings = doctor?.findings ?? [];
    const score = scoreTeam({ findings, rules: doctor?.ran ?? [], coverage: assessCoverage(graph) });
    const pages = sitePages({ graph, findings, score });
    const svg = await topologySvg(graph);
    for (const page of pages) {
      const html = pageHtml(page, svg);
      assert.doesNotMatch(html, /<script>|<img |<svg onload|<b>boss/, page.path);
      assert.doesNotMatch(page.markdown, /<script>|<img |<b>boss/, page.path);
    }
    assert.match(
      pageHtml(pages.find((p) => p.path === "people/x.md") as (typeof pages)[number], svg),
      /&lt;script&gt;alert\(1\)&lt;\/script&gt;/,
    );
  });

  it("draws the organisation chart of the team's own model: sponsor on top, people by team, openings as vacancies", async () => {
    const model = `organisation: { name: Acme, stage: scaling }
people:
  - { id: ceo, name: Cleo Sponsor, roles: [{ role: executive-sponsor, allocation: 5 }] }
  - { id: lead, name: Lee Lead, roles: [{ role: tech-lead, allocation: 100 }], reportsTo: ceo }
  - { id: ana, name: Ana Data, roles: [data-scientist], reportsTo: lead }
  - { id: x, name: '<script>alert(1)</script>', roles: [data-scientist], reportsTo: lead }
  - { id: ana2, name: Ana Data, roles: [data-engineer], reportsTo: lead }
  - { id: plat, name: Pat Platform, roles: [{ role: mlops-engineer, allocation: 100 }], reportsTo: head-of-platform }
teams:
  - { id: fraud, name: Fraud, type: product, lead: lead, members: [lead, ana, x, ana2] }
  - { id: platform, name: Platform, type: platform, members: [plat], serves: [fraud] }
openings:
  - { id: mle, role: ml-engineer, team: fraud, status: approved }
`;
    const check = requireValid(
      await checkTeam("mlteam.yaml", {
        host: memoryHost({ "mlteam.yaml": model }),
        today: TODAY,
        evidence: "never",
      }),
    );
    const files = await buildDocsSite(check);
    const md = files.find((f) => f.path === "org-chart.md")?.content ?? "";
    const html = files.find((f) => f.path === "org-chart.html")?.content ?? "";
    assert.match(md, /^```mermaid\n%% org-chart\nflowchart TB$/m);
    assert.match(md, /^## Executive sponsor\n\n\[Cleo Sponsor\]\(people\/ceo\.md\)$/m);
    assert.match(
      md,
      /^\| \[Ana Data\]\(people\/ana\.md\) \| data-scientist \| not recorded \| \[Lee Lead\]\(people\/lead\.md\) \|$/m,
    );
    assert.match(
      md,
      /^\| \[Pat Platform\]\(people\/plat\.md\) \| mlops-engineer \| 100 % \| head-of-platform \(not in this model\) \|$/m,
    );
    assert.match(md, /^\| ml-engineer \| fraud \| approved \|$/m);
    // Two people of the same name are two people of the model.
    assert.match(md, /^\| \[Ana Data\]\(people\/ana2\.md\) \| data-engineer \|/m);
    // The HTML draws ELK's layout as SVG with real text, the sponsor's box above every other.
    assert.match(html, /<figure class="wide"[^>]*><svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(html, /flowchart TB/);
    assert.doesNotMatch(`${md}${html}`, /<script>/);
    assert.ok(html.includes(">&lt;script&gt;alert(1)&lt;/script&gt;</text>"));
    const boxes = [
      ...html.matchAll(/<g transform="translate\(([\d.]+),([\d.]+)\)"><title>([^<]*)<\/title>/g),
    ].map((m) => ({ y: Number(m[2]), title: m[3] ?? "" }));
    const sponsor = boxes.find((b) => b.title.startsWith("Cleo Sponsor, executive sponsor"));
    assert.ok(sponsor);
    assert.ok(
      boxes.every((b) => b === sponsor || b.y > sponsor.y),
      JSON.stringify(boxes),
    );
    for (const text of ["Vacancy: ml-engineer", "Fraud", "platform team", "allocation not recorded"])
      assert.ok(html.includes(`>${text}</text>`), text);
  });
});
