/**
 * The doctor's report as SARIF 2.1.0, so that code scanning annotates the model file where each
 * finding points.
 */
import type { Severity } from "../analysis/rule.ts";
import type { DoctorReport } from "./doctor-report.ts";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  error: "error",
  warn: "warning",
  info: "note",
};

export const SARIF_SCHEMA =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

export function renderFindingsSarif(report: DoctorReport, version: string): string {
  const rules = report.rules.map((rule) => ({
    id: rule.id,
    name: rule.id
      .replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())
      .replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: rule.meta.description },
    fullDescription: { text: rule.meta.rationale },
    help: {
      text: rule.meta.fix,
      markdown: `${rule.meta.fix}\n\nSource: ${rule.meta.source}.${rule.meta.clauses?.length ? ` Clauses: ${rule.meta.clauses.join("; ")} (not legal advice).` : ""} See docs/rules/${rule.id}.md.`,
    },
    defaultConfiguration: { level: LEVEL[rule.meta.severity] },
    properties: {
      tags: ["mlteam", rule.meta.area, ...(rule.meta.clauses ?? []).map(clauseTag)],
      source: rule.meta.source,
      ...(rule.meta.clauses?.length ? { clauses: rule.meta.clauses } : {}),
    },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.result.findings.map((f) => ({
    ruleId: f.ruleId,
    ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
    level: LEVEL[f.severity],
    message: { text: `${f.message}. Fix: ${f.fix}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toSarifUri(f.location.file) },
          region: { startLine: f.location.line, startColumn: f.location.column },
        },
      },
    ],
    ...(f.subject !== undefined ? { properties: { subject: f.subject } } : {}),
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "mlteam", version, semanticVersion: version, rules } },
        results,
        properties: { score: report.score.overall, areas: report.score.areas },
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** A relative POSIX path as a URI reference (code scanning resolves it against the repository root). */
export function toSarifUri(file: string): string {
  return file
    .replace(/\\/g, "/")
    .replace(/^\.\//, "")
    .split("/")
    .map((part) => encodeURIComponent(part))
    .join("/");
}

/** "EU AI Act Art. 26(2)" → "eu-ai-act/art-26-2": a clause as a tag code-scanning tools can filter on. */
export function clauseTag(clause: string): string {
  return clause
    .replace(/^EU AI Act /, "eu-ai-act/")
    .replace(/^ISO\/IEC 42001 /, "iso-42001/")
    .replace(/^NIST AI RMF /, "nist-ai-rmf/")
    .toLowerCase()
    .replace(/[.()\s]+/g, "-")
    .replace(/-+$/, "")
    .replace(/\/-/, "/");
}
