/** The site's HTML: each Markdown page rendered with a navigation bar; the topology and the organisation chart drawn as SVG. */
import { Marked } from "marked";
import { escapeHtml as escapeXml } from "../escape.ts";
import { ORG_CHART_MARK } from "./org-chart-page.ts";
import type { Page } from "./pages.ts";

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#222}nav{background:#1f2d3d;padding:.6rem 1rem}nav a{color:#fff;margin-right:1rem;text-decoration:none}main{max-width:70rem;margin:1.5rem auto;padding:0 1rem}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.25rem .6rem}th{background:#f3f3f3}blockquote{color:#555;border-left:3px solid #ccc;margin:0;padding-left:1rem}svg{max-width:100%;height:auto}figure.wide{overflow-x:auto;margin:1rem 0}figure.wide svg{max-width:none}`;

/** The page as HTML; a Mermaid block becomes the topology's SVG, or the organisation chart's when it is marked so. */
export function pageHtml(page: Page, topology: string, orgChart = ""): string {
  const depth = page.path.split("/").length - 1;
  const up = "../".repeat(depth);
  const marked = new Marked({
    renderer: {
      code({ text, lang }) {
        if (lang !== "mermaid") return `<pre><code>${escapeXml(text)}</code></pre>`;
        // The organisation chart keeps its size (its text stays legible) and scrolls sideways when wider than the page.
        return text.startsWith(ORG_CHART_MARK)
          ? `<figure class="wide" tabindex="0" aria-label="Organisation chart (scrolls sideways)">${orgChart}</figure>`
          : `<figure>${topology}</figure>`;
      },
      html({ text }) {
        // Raw HTML in the Markdown is shown as text: everything in the pages comes from the model.
        return escapeXml(text);
      },
    },
    walkTokens(token) {
      if (token.type === "link" && !/^[a-z]+:/.test(token.href))
        token.href = token.href.replace(/\.md(#|$)/, ".html$1");
    },
  });
  const body = marked.parse(page.markdown, { async: false });
  const nav = [
    ["index.html", "Charter"],
    ["raci.html", "RACI"],
    ["skills.html", "Skills"],
    ["stakeholders.html", "Stakeholders"],
    ["org-chart.html", "Organisation chart"],
  ]
    .map(([href, label]) => `<a href="${up}${href}">${label}</a>`)
    .join("");
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(page.title)}</title><style>${STYLE}</style></head>\n<body><nav>${nav}</nav><main>\n${body}</main></body></html>\n`;
}
