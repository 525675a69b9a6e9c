/**
 * `mlteam org doctor`'s report in each format: text for a lead (the organisation's findings, then
 * each team's), JSON (`{ organisation, teams, findings }`), Markdown for a CI summary, and SARIF
 * with one base URI per team, so that each finding points into its own repository.
 */

import type { Finding, Severity } from "../analysis/rule.ts";
import type { OrgDoctorResult, OrgDoctorTeam } from "../app/org-doctor.ts";
import { type Colors, plain } from "./colors.ts";
import { SARIF_SCHEMA, toSarifUri } from "./findings-sarif.ts";
import { counts } from "./verdict.ts";

export const ORG_DOCTOR_FORMATS = ["text", "json", "markdown", "sarif"] as const;
export type OrgDoctorFormat = (typeof ORG_DOCTOR_FORMATS)[number];

const MARK: Record<Severity, (c: Colors) => string> = {
  error: (c) => c.red("✖"),
  warn: (c) => c.yellow("⚠"),
  info: (c) => c.blue("ℹ"),
};

/** The team's line: name, id, health and counts (or why it could not be checked). */
function teamLine(t: OrgDoctorTeam, c: Colors): string {
  const head = `${c.bold(t.name)} (${t.id})`;
  if (t.error) return `${c.red("✖")} ${head}: could not be read — ${t.error}`;
  if (!t.valid) return `${c.red("✖")} ${head}: the model does not validate (${t.diagnostics.length} errors)`;
  return `${head}: health ${t.score}/100 · ${t.findings.length === 0 ? "no problems" : counts(t.findings)}`;
}

export function renderOrgDoctorText(result: OrgDoctorResult, c: Colors = plain): string {
  const lines = [c.bold(`${result.organisation}: ${result.teams.length} teams`), ""];
  if (result.findings.length > 0) {
    lines.push(c.bold(`Across teams (${result.findings.length})`));
    for (const f of result.findings) lines.push(`  ${MARK[f.severity](c)} ${f.message}  ${c.dim(f.ruleId)}`);
    lines.push("");
  }
  for (const t of result.teams) {
    lines.push(teamLine(t, c));
    for (const d of t.diagnostics)
      lines.push(`  ${c.red("✖")} ${c.dim(`${d.file}:${d.line}:${d.column}`)}  ${d.message}`);
    for (const f of t.findings.filter((x) => x.severity !== "info"))
      lines.push(
        `  ${MARK[f.severity](c)} ${c.dim(`${f.location.file}:${f.location.line}:${f.location.column}`)}  ${f.message}  ${c.dim(f.ruleId)}`,
      );
    const info = t.findings.filter((x) => x.severity === "info").length;
    if (info > 0)
      lines.push(
        c.dim(
          `  ${info} info finding${info === 1 ? "" : "s"} (see --format json or \`mlteam doctor\` in the team's repository)`,
        ),
      );
    for (const w of t.warnings) lines.push(c.dim(`  note: ${w}`));
    lines.push("");
  }
  const all = [...result.findings, ...result.teams.flatMap((t) => t.findings)];
  const broken = result.teams.filter((t) => t.error || !t.valid).length;
  lines.push(
    `${all.length === 0 && broken === 0 ? c.green("✔") : all.some((f) => f.severity === "error") || broken ? c.red("✖") : c.yellow("⚠")} ${result.teams.length} teams${broken ? `, ${broken} not checked` : ""} · ${all.length === 0 ? "no problems" : counts(all)}`,
  );
  return lines.join("\n");
}

export function renderOrgDoctorJson(result: OrgDoctorResult): string {
  const { organisation, teams, findings } = result;
  return JSON.stringify({ organisation, teams, findings }, null, 2);
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const where = (f: Finding) => `${f.location.file}:${f.location.line}:${f.location.column}`;

export function renderOrgDoctorMarkdown(result: OrgDoctorResult): string {
  const lines = [`## mlteam org doctor — ${cell(result.organisation)}`, ""];
  lines.push("| team | health | findings |", "| --- | ---: | --- |");
  for (const t of result.teams)
    lines.push(
      `| ${cell(t.name)} (\`${t.id}\`) | ${t.score ?? "—"} | ${t.error ? `not read: ${cell(t.error)}` : !t.valid ? `invalid (${t.diagnostics.length} errors)` : t.findings.length === 0 ? "none" : counts(t.findings)} |`,
    );
  lines.push("");
  if (result.findings.length > 0) {
    lines.push(
      `### Across teams (${result.findings.length})`,
      "",
      "| severity | finding | rule |",
      "| --- | --- | --- |",
    );
    for (const f of result.findings) lines.push(`| ${f.severity} | ${cell(f.message)} | \`${f.ruleId}\` |`);
    lines.push("");
  }
  for (const t of result.teams) {
    const shown = t.findings.filter((f) => f.severity !== "info");
    if (shown.length === 0 && t.diagnostics.length === 0) continue;
    lines.push(
      `### ${cell(t.name)}`,
      "",
      "| severity | finding | where | rule |",
      "| --- | --- | --- | --- |",
    );
    for (const d of t.diagnostics)
      lines.push(`| error | ${cell(d.message)} | \`${d.file}:${d.line}:${d.column}\` | \`${d.code}\` |`);
    for (const f of shown)
      lines.push(`| ${f.severity} | ${cell(f.message)} | \`${where(f)}\` | \`${f.ruleId}\` |`);
    lines.push("");
  }
  return lines.join("\n");
}

const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  error: "error",
  warn: "warning",
  info: "note",
};

/** `team:file:line:col` → a SARIF location relative to the team's base URI. */
function orgLocation(at: string) {
  const [team, file, line, column] = at.split(":") as [string, string, string, string];
  return {
    physicalLocation: {
      artifactLocation: { uri: toSarifUri(file), uriBaseId: team },
      region: { startLine: Number(line), startColumn: Number(column) },
    },
  };
}

export function renderOrgDoctorSarif(
  result: OrgDoctorResult,
  version: string,
  repos: Record<string, string>,
): string {
  const results = [
    ...result.findings.map((f) => ({
      ruleId: f.ruleId,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: (f.at ?? []).slice(0, 1).map(orgLocation),
      properties: { teams: f.teams },
    })),
    ...result.teams.flatMap((t) => [
      ...t.diagnostics.map((d) => ({
        ruleId: `input/${d.code}`,
        level: "error" as const,
        message: { text: d.message },
        locations: [orgLocation(`${t.id}:${d.file}:${d.line}:${d.column}`)],
        properties: { team: t.id },
      })),
      ...t.findings.map((f) => ({
        ruleId: f.ruleId,
        level: LEVEL[f.severity],
        message: { text: `${f.message}. Fix: ${f.fix}` },
        locations: [orgLocation(`${t.id}:${f.location.file}:${f.location.line}:${f.location.column}`)],
        properties: { team: t.id, ...(f.subject !== undefined ? { subject: f.subject } : {}) },
      })),
    ]),
  ];
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "mlteam", version, semanticVersion: version } },
        originalUriBaseIds: Object.fromEntries(
          result.teams.map((t) => [t.id, { uri: repos[t.id] ?? "", description: { text: t.name } }]),
        ),
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
