/**
 * The team documentation site as Markdown pages: a charter, role and person cards, the RACI by
 * role and by person, the skills matrix, the stakeholder register, and for each production ML
 * system an ML science document and a system tech spec prefilled from the model (000 §8A.3).
 * Every string from the model is escaped.
 */
import { type RaciMatrix, raciMatrix } from "../../analysis/raci-matrix.ts";
import type { Finding } from "../../analysis/rule.ts";
import type { Score } from "../../analysis/score.ts";
import type { RoleDef } from "../../catalog/types.ts";
import type { ProductNode, TeamGraph } from "../../graph/types.ts";
import { renderMermaid } from "../export/mermaid.ts";
import { renderMatrix } from "../matrix.ts";
import { counts } from "../verdict.ts";

export interface Page {
  /** Path of the Markdown file in the site, e.g. "people/meghan.md". */
  path: string;
  title: string;
  markdown: string;
}

/** Escapes text from the model for Markdown (and the HTML it becomes). */
export const md = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/([[\]*_`])/g, "\\$1");

/** A file name for an id from the model. */
export const fileId = (id: string) => id.replace(/[^A-Za-z0-9._-]/g, "_");
const rel = (from: string, to: string) => `${"../".repeat(from.split("/").length - 1)}${to}`;

export interface SiteInput {
  graph: TeamGraph;
  findings: readonly Finding[];
  score: Score;
}

interface Site extends SiteInput {
  org: TeamGraph["organisation"];
  heldRoles: RoleDef[];
  production: ProductNode[];
  byRole: RaciMatrix;
  byPerson: RaciMatrix;
  link: (from: string, to: string, text: string) => string;
  personLink: (from: string, id: string) => string;
  roleLink: (from: string, id: string) => string;
}

export function sitePages({ graph, findings, score }: SiteInput): Page[] {
  const link = (from: string, to: string, text: string) => `[${md(text)}](${rel(from, to)})`;
  const site: Site = {
    graph,
    findings,
    score,
    org: graph.organisation,
    heldRoles: [...graph.roles.values()].filter((r) => (graph.holders.get(r.id)?.length ?? 0) > 0),
    production: [...graph.products.values()].filter((p) => p.source.stage === "production"),
    byRole: raciMatrix(graph, { by: "role" }),
    byPerson: raciMatrix(graph, { by: "person" }),
    link,
    personLink: (from, id) => link(from, `people/${fileId(id)}.md`, graph.names.get(id) ?? id),
    roleLink: (from, id) => link(from, `roles/${fileId(id)}.md`, graph.roles.get(id)?.name ?? id),
  };
  return [charterPage, roleCards, personCards, tablePages, systemDocuments].flatMap((make) => make(site));
}

/** The charter: purpose, the team, the doctor's summary. */
function charterPage(site: Site): Page[] {
  const path = "index.md";
  const lines = [
    ...charterIntro(site),
    ...charterTeams(site, path),
    ...charterStakeholders(site, path),
    ...charterHealth(site),
    ...charterLinks(site, path),
  ];
  return [{ path, title: "Charter", markdown: `${lines.join("\n")}\n` }];
}

/** The title, stage and topology, the purpose and the topology diagram. */
function charterIntro({ graph, org, production }: Site): string[] {
  return [
    `# ${md(org?.name ?? "Team")} — ML team charter`,
    "",
    `**Stage:** ${org?.stage ?? "—"} · **Topology:** ${org?.topology ?? "not declared"} · **ML products:** ${org?.mlProducts ?? graph.products.size}`,
    "",
    "## Purpose",
    "",
    `This team builds and runs ${graph.products.size} ML ${graph.products.size === 1 ? "product" : "products"}${production.length ? `, ${production.length} in production` : ""}. _Write the team's mission here._`,
    "",
    "## Topology",
    "",
    "```mermaid",
    renderMermaid(graph).trimEnd(),
    "```",
    "",
  ];
}

/** Each team with whom it serves and its members' roles. */
function charterTeams({ graph, personLink, roleLink }: Site, path: string): string[] {
  const lines = ["## Teams and members", ""];
  for (const team of graph.teams.values()) {
    lines.push(`### ${md(team.source.name ?? team.id)} (${team.source.type})`, "");
    if (team.serves.length) lines.push(`Serves: ${team.serves.map(md).join(", ")}.`, "");
    for (const m of team.members) {
      const person = graph.people.get(m);
      lines.push(
        `- ${personLink(path, m)} — ${[...(person?.roles ?? []).map((r) => roleLink(path, r.role)), ...(person?.titleMatches ?? []).map((t) => `${roleLink(path, t.role)} (from title)`)].join(", ") || "no role"}`,
      );
    }
    lines.push("");
  }
  return lines;
}

/** The link to the stakeholder register and the executive sponsor (or that none is named). */
function charterStakeholders({ graph, link, personLink }: Site, path: string): string[] {
  const sponsors = graph.stakeholders.filter((s) => s.kind === "executive-sponsor");
  return [
    "## Sponsor and stakeholders",
    "",
    `See the ${link(path, "stakeholders.md", "stakeholder register")}.`,
    "",
    sponsors.length
      ? `Executive sponsor: ${sponsors.map((s) => (s.person ? personLink(path, s.person) : md(s.name ?? ""))).join(", ")}.`
      : "**No executive sponsor is named.**",
    "",
  ];
}

/** The doctor's score, what was not recorded, and the first ten errors. */
function charterHealth({ findings, score }: Site): string[] {
  const lines = [
    "## Health",
    "",
    `Health **${score.overall}/100**, coverage ${score.coverage.overall} % (${Object.entries(score.areas)
      .map(([a, v]) => `${a} ${v}`)
      .join(" · ")}); ${counts(findings)} from \`mlteam doctor\`.`,
    "",
  ];
  if (score.coverage.missing.length > 0)
    lines.push(`Not recorded, so counted against the score: ${md(score.coverage.missing.join("; "))}.`, "");
  for (const f of findings.filter((f) => f.severity === "error").slice(0, 10))
    lines.push(`- ${md(f.message)} (\`${f.ruleId}\`)`);
  return lines;
}

/** Links to the other pages: tables, roles, people and the production systems' documents. */
function charterLinks(
  { graph, heldRoles, production, link, personLink, roleLink }: Site,
  path: string,
): string[] {
  const lines = [
    "",
    "## Pages",
    "",
    `- ${link(path, "raci.md", "RACI matrix")} · ${link(path, "skills.md", "Skills matrix")} · ${link(path, "stakeholders.md", "Stakeholder register")} · ${link(path, "org-chart.md", "Organisation chart")}`,
    `- Roles: ${heldRoles.map((r) => roleLink(path, r.id)).join(", ") || "none"}`,
    `- People: ${[...graph.people.keys()].map((id) => personLink(path, id)).join(", ") || "none"}`,
  ];
  if (production.length) {
    lines.push(
      `- Production systems: ${production
        .map(
          (p) =>
            `${md(p.source.name ?? p.id)} (${link(path, `systems/${fileId(p.id)}/science.md`, "ML science document")}, ${link(path, `systems/${fileId(p.id)}/tech-spec.md`, "system tech spec")})`,
        )
        .join("; ")}`,
    );
  }
  return lines;
}

/** A card per role someone holds: activities with their letter, competencies. */
function roleCards(site: Site): Page[] {
  const { graph, heldRoles, byRole, personLink } = site;
  const pages: Page[] = [];
  for (const role of heldRoles) {
    const path = `roles/${fileId(role.id)}.md`;
    const column = byRole.columns.find((c) => c.id === role.id);
    const activities = column
      ? byRole.rows
          .filter((r) => r.cells[column.id])
          .map((r) => `| ${md(r.name)}${r.product ? ` [${md(r.product)}]` : ""} | ${r.cells[column.id]} |`)
      : [];
    const holders = graph.holders.get(role.id) ?? [];
    const lines = [
      `# ${md(role.name)}`,
      "",
      `${md(role.focus)}${role.projectOnly ? " _Exists for the duration of a project._" : ""} (source: ${md(role.source)})`,
      "",
      "## Responsibilities",
      "",
      ...role.responsibilities.map((r) => `- ${md(r)}`),
      "",
      "## Activities",
      "",
      ...(activities.length
        ? ["| activity | letter |", "| --- | :---: |", ...activities]
        : ["No RACI row names this role."]),
      "",
      "## Competencies",
      "",
      `| person | ${Object.keys(role.competencies).map(md).join(" | ")} |`,
      "| --- |" +
        Object.keys(role.competencies)
          .map(() => " :---: |")
          .join(""),
      `| _required_ | ${Object.values(role.competencies).join(" | ")} |`,
      ...holders.map((id) => {
        const person = graph.people.get(id);
        const cells = Object.entries(role.competencies).map(([c, need]) => {
          const has = person?.source.skills?.[c];
          if (has === undefined) return "? (not recorded)";
          return has < need ? `**${has}** (gap)` : String(has);
        });
        const byTitle = person?.titleRoles.includes(role.id) ? " (from title)" : "";
        return `| ${personLink(path, id)}${byTitle} | ${cells.join(" | ")} |`;
      }),
      "",
      `Tools: ${role.tools.map(md).join(", ") || "—"}. Deliverables: ${role.deliverables.map(md).join(", ") || "—"}.`,
    ];
    pages.push({ path, title: role.name, markdown: `${lines.join("\n")}\n` });
  }
  return pages;
}

/** A card per person: roles, activities, skills and gaps. */
function personCards(site: Site): Page[] {
  const { graph, byPerson, link, personLink, roleLink } = site;
  const pages: Page[] = [];
  for (const person of graph.people.values()) {
    const path = `people/${fileId(person.id)}.md`;
    const column = byPerson.columns.find((c) => c.id === person.id);
    const activities = column
      ? byPerson.rows
          .filter((r) => r.cells[column.id])
          .map((r) => `| ${md(r.name)}${r.product ? ` [${md(r.product)}]` : ""} | ${r.cells[column.id]} |`)
      : [];
    // Only recorded levels are compared; an unrecorded one is unknown, not zero.
    const recorded = person.source.skills ?? {};
    const gaps = person.roles.flatMap((h) =>
      Object.entries(graph.roles.get(h.role)?.competencies ?? {})
        .filter(([c, need]) => c in recorded && (recorded[c] as number) < need)
        .map(
          ([c, need]) =>
            `- ${md(graph.competencies.get(c)?.name ?? c)}: ${recorded[c]} of ${need} (for ${md(h.role)})`,
        ),
    );
    const unknown = person.roles.flatMap((h) =>
      Object.keys(graph.roles.get(h.role)?.competencies ?? {}).filter((c) => !(c in recorded)),
    );
    const lines = [
      `# ${md(person.name)}`,
      "",
      `${(person.source.titles ?? []).map(md).join(", ") || "No title recorded"}${person.source.reportsTo ? ` · reports to ${personLink(path, person.source.reportsTo)}` : ""}`,
      "",
      "## Roles",
      "",
      ...person.roles.map((r) => `- ${roleLink(path, r.role)} — ${Math.round(r.allocation)}%`),
      ...person.titleMatches.map((t) => `- ${roleLink(path, t.role)} — from title "${md(t.title)}"`),
      `- Total allocation: ${Math.round(person.allocation)}%`,
      "",
      "## Activities",
      "",
      ...(activities.length
        ? ["| activity | letter |", "| --- | :---: |", ...activities]
        : ["No RACI row names this person or their roles."]),
      "",
      "## Skill gaps",
      "",
      ...(gaps.length ? gaps : ["None against the roles held, among the levels recorded."]),
      ...(unknown.length
        ? [
            "",
            `Not recorded (unknown, not zero): ${[...new Set(unknown)].map((c) => md(graph.competencies.get(c)?.name ?? c)).join(", ")}.`,
          ]
        : []),
      "",
      ...(person.source.absences?.length
        ? [
            "## Absences",
            "",
            ...person.source.absences.map(
              (a) => `- ${a.from} – ${a.to}${a.reason ? `: ${md(a.reason)}` : ""}`,
            ),
            "",
          ]
        : []),
      `Back to the ${link(path, "index.md", "charter")}.`,
    ];
    pages.push({ path, title: person.name, markdown: `${lines.join("\n")}\n` });
  }
  return pages;
}

/** The RACI by role and by person, the skills matrix, the stakeholder register. */
function tablePages(site: Site): Page[] {
  const { graph, byRole, byPerson, personLink } = site;
  const pages: Page[] = [];
  const escapeMatrix = (markdown: string) => markdown.replace(/</g, "&lt;").replace(/>/g, "&gt;");
  pages.push({
    path: "raci.md",
    title: "RACI",
    markdown: `# RACI matrix\n\nR = Responsible, A = Accountable, C = Consulted, I = Informed.\n\n## By role\n\n${escapeMatrix(renderMatrix(byRole, "markdown"))}\n\n## By person\n\n${escapeMatrix(renderMatrix(byPerson, "markdown"))}\n`,
  });
  const competencies = [...graph.competencies.values()].filter((c) => graph.skilled.has(c.id));
  pages.push({
    path: "skills.md",
    title: "Skills",
    markdown: [
      "# Skills matrix",
      "",
      "Levels: 0 none, 1 aware, 2 basic, 3 working, 4 expert; an empty cell is not recorded (unknown, not zero).",
      "",
      `| person | ${competencies.map((c) => md(c.name)).join(" | ")} |`,
      `| --- |${competencies.map(() => " :---: |").join("")}`,
      ...[...graph.people.values()].map(
        (p) =>
          `| ${personLink("skills.md", p.id)} | ${competencies.map((c) => (p.skills[c.id] === undefined ? "" : String(p.skills[c.id]))).join(" | ")} |`,
      ),
      "",
    ].join("\n"),
  });
  pages.push({
    path: "stakeholders.md",
    title: "Stakeholders",
    markdown: [
      "# Governance stakeholder register",
      "",
      "000 §8A.2: engage the CIO, the CISO, the solution architect, the data governance team and existing vendors.",
      "",
      "| kind | who | engaged | last review | note |",
      "| --- | --- | :---: | --- | --- |",
      ...graph.stakeholders.map(
        (s) =>
          `| ${s.kind} | ${s.person ? personLink("stakeholders.md", s.person) : md(s.name ?? "")} | ${s.engaged === false ? "no" : "yes"} | ${s.lastReview ?? "—"} | ${md(s.note ?? "")} |`,
      ),
      "",
    ].join("\n"),
  });
  return pages;
}

/** A production system's documents: where they live and the header they share. */
interface SystemDocs {
  product: ProductNode;
  /** The folder of its documents, "systems/<id>". */
  base: string;
  header: (kind: string) => string[];
}

/** For each production ML system, an ML science document and a system tech spec prefilled for the team (000 §8A.3). */
function systemDocuments(site: Site): Page[] {
  return site.production.flatMap((product) => {
    const docs = systemDocs(site, product);
    return [scienceDocument(site, docs), techSpec(site, docs)];
  });
}

/** The folder of a system's documents and their header: name, owning team, members and stage. */
function systemDocs({ graph, personLink }: Site, product: ProductNode): SystemDocs {
  const base = `systems/${fileId(product.id)}`;
  const team = product.team ? graph.teams.get(product.team) : undefined;
  const owners = (team?.members ?? []).map((m) => personLink(`${base}/science.md`, m)).join(", ") || "—";
  const header = (kind: string) => [
    `# ${md(product.source.name ?? product.id)} — ${kind}`,
    "",
    `Owning team: ${md(team?.source.name ?? product.team ?? "—")} · Members: ${owners} · Stage: ${product.source.stage}`,
    "",
    "> Prefilled by `mlteam docs` from the team model (000 §8A.3). The sections below are for the team to write.",
    "",
  ];
  return { product, base, header };
}

function scienceDocument({ graph, link }: Site, { product, base, header }: SystemDocs): Page {
  const rows = graph.raci.filter((e) => e.product === product.id || e.product === undefined);
  const activityList = rows.map(
    (e) =>
      `- ${md(graph.activities.get(e.activity)?.name ?? e.activity)}${e.product ? " (this product)" : ""}`,
  );
  return {
    path: `${base}/science.md`,
    title: `${product.source.name ?? product.id}: ML science document`,
    markdown: [
      ...header("ML science document"),
      "## Problem and success criteria",
      "",
      "_What business problem does the model solve, and how is success measured?_",
      "",
      "## Data",
      "",
      "_Sources, sensitivity (agree it with data governance), quality checks, known biases._",
      "",
      "## Features",
      "",
      "_Features, how they are computed, and where they are stored._",
      "",
      "## Model",
      "",
      "_Algorithm, training procedure, hyper-parameters, experiment tracking._",
      "",
      "## Evaluation",
      "",
      "_Offline metrics, validation protocol, fairness checks._",
      "",
      "## Monitoring and retraining",
      "",
      "_Drift signals, performance thresholds, what triggers a retrain._",
      "",
      "## Activities and who holds them",
      "",
      ...activityList,
      "",
      `See the ${link(`${base}/science.md`, "raci.md", "RACI matrix")}.`,
      "",
    ].join("\n"),
  };
}

function techSpec({ graph, link, personLink }: Site, { product, base, header }: SystemDocs): Page {
  return {
    path: `${base}/tech-spec.md`,
    title: `${product.source.name ?? product.id}: system tech spec`,
    markdown: [
      ...header("System tech spec"),
      "## Architecture",
      "",
      "_Components, data flows and integrations (agree them with the solution architect)._",
      "",
      "## Deployment",
      "",
      "_Environments, CI/CD, packaging, infrastructure as code._",
      "",
      "## Operations",
      "",
      "_Monitoring, alerting, on-call, service-level objectives, runbooks._",
      "",
      "## Security",
      "",
      "_Threats, access control, secrets, review with the CISO._",
      "",
      "## Scalability and cost",
      "",
      "_Expected load, scaling strategy, cost controls._",
      "",
      "## Stakeholders",
      "",
      ...graph.stakeholders.map(
        (s) => `- ${s.kind}: ${s.person ? personLink(`${base}/tech-spec.md`, s.person) : md(s.name ?? "")}`,
      ),
      "",
      `See the ${link(`${base}/tech-spec.md`, "stakeholders.md", "stakeholder register")}.`,
      "",
    ].join("\n"),
  };
}
