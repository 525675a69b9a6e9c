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

/** The framework a clause belongs to, by its wording ("EU AI Act Art. 26(2)" → EU AI Act). */
const FRAMEWORK_OF: [RegExp, string][] = [
  [/^EU AI Act /, "EU AI Act"],
  [/^ISO\/IEC 42001 /, "ISO/IEC 42001"],
  [/^NIST AI RMF /, "NIST AI RMF"],
];
const frameworkOf = (clause: string) => FRAMEWORK_OF.find(([re]) => re.test(clause))?.[1];

export function renderFindingsSarif(report: DoctorReport, version: string): string {
  // The clauses the rules check, as SARIF taxonomies (one per framework); each rule relates to its
  // clauses, the way SARIF ties a rule to the CWE it checks.
  const taxonomies = new Map<string, Map<string, string>>();
  for (const rule of report.rules)
    for (const clause of rule.meta.clauses ?? []) {
      const framework = frameworkOf(clause);
      if (!framework) continue;
      const taxa = taxonomies.get(framework) ?? new Map<string, string>();
      taxa.set(clauseTag(clause), clause);
      taxonomies.set(framework, taxa);
    }
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
    ...(rule.meta.clauses?.some(frameworkOf)
      ? {
          relationships: (rule.meta.clauses ?? [])
            .filter((clause) => frameworkOf(clause))
            .map((clause) => ({
              target: { id: clauseTag(clause), toolComponent: { name: frameworkOf(clause) } },
              kinds: ["relevant"],
            })),
        }
      : {}),
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
        ...(taxonomies.size
          ? {
              taxonomies: [...taxonomies].map(([name, taxa]) => ({
                name,
                shortDescription: { text: `${name} clauses (paraphrased by mlteam; not legal advice)` },
                taxa: [...taxa].map(([id, clause]) => ({ id, name: clause })),
              })),
            }
          : {}),
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
