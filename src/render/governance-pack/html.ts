/**
 * The audit pack as one HTML page that prints cleanly: a summary table, then one section per
 * clause, each starting on a new printed page. Every model string is escaped.
 */
import type { AuditPack } from "../../analysis/governance-pack.ts";
import { escapeHtml as h } from "../escape.ts";
import { concerns, dateText, FRAMEWORK_NAMES, STATUS_LABEL } from "./labels.ts";

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.status { font-weight: 600; }
.status-met { color: #1a6b2f; } .status-gap { color: #a1161b; } .status-not-applicable { color: #555; }
.disclaimer { border-left: 4px solid #a1161b; padding-left: .75rem; }
section.clause { margin-top: 2rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  section.clause { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
}`;

type Clause = AuditPack["clauses"][number];

/** A clause's dates: when each of its duties applies, to what, and the text that says so. */
function datesHtml(c: Clause): string {
  if (c.dates.length === 0) return "";
  const items = c.dates.map((d) => {
    const to = concerns(d);
    return `<li><strong>${h(dateText(d))}</strong>: ${h(d.name)}${to ? ` — ${h(to)}` : ""}. <small>Source: ${h(d.source)}.</small></li>`;
  });
  return `<h3>Applies</h3><ul>${items.join("")}</ul>`;
}

export function renderAuditHtml(pack: AuditPack): string {
  const name = FRAMEWORK_NAMES[pack.framework];
  const dated = pack.clauses.some((c) => c.dates.length > 0);
  const status = (s: AuditPack["clauses"][number]["status"]) =>
    `<span class="status status-${s}">${STATUS_LABEL[s]}</span>`;
  const sections = pack.clauses
    .map(
      (c, i) => `<section class="clause" id="clause-${i + 1}">
<h2>${h(name)} ${h(c.id)} — ${h(c.title)}</h2>
<p>Status: ${status(c.status)}. Checked by ${c.rules.map((r) => `<code>${h(r)}</code>`).join(", ")}.</p>
${datesHtml(c)}
${c.evidence.length ? `<h3>Evidence</h3><ul>${c.evidence.map((e) => `<li>${h(e)}</li>`).join("")}</ul>` : ""}
${
  c.findings.length
    ? `<h3>Findings</h3><ul>${c.findings
        .map(
          (f) =>
            `<li><strong>${h(f.severity)}</strong> ${h(f.message)} <code>${h(f.location)}</code><br>${h(f.fix)}</li>`,
        )
        .join("")}</ul>`
    : ""
}
</section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(name)} evidence pack — ${h(pack.model)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${h(name)}: evidence pack for ${h(pack.model)}</h1>
<p>Generated ${h(pack.generated)} by mlteam.</p>
<p class="disclaimer">${h(pack.disclaimer)}</p>
<table>
<thead><tr><th scope="col">Clause</th><th scope="col">What it asks</th>${dated ? '<th scope="col">Applies</th>' : ""}<th scope="col">Status</th></tr></thead>
<tbody>
${pack.clauses.map((c, i) => `<tr><td><a href="#clause-${i + 1}">${h(c.id)}</a></td><td>${h(c.title)}</td>${dated ? `<td>${h(c.dates.map(dateText).join("; ") || "—")}</td>` : ""}<td>${status(c.status)}</td></tr>`).join("\n")}
</tbody>
</table>
${sections}
</main>
</body>
</html>
`;
}
