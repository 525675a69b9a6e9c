/**
 * What the doctor's machine formats say when the model does not validate: still a whole, valid
 * document (JSON, SARIF 2.1.0, Markdown), with the input problems located in the YAML, so that a CI
 * step that uploads or parses the output never chokes on it.
 */
import type { Diagnostic } from "../model/diagnostic.ts";
import { SARIF_SCHEMA, toSarifUri } from "./findings-sarif.ts";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

export function renderInvalidJson(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return JSON.stringify(
    {
      valid: false,
      findings: [],
      diagnostics,
      score: null,
      summary: { errors: 0, warnings: 0, info: 0, suppressed: 0, invalid: errors },
    },
    null,
    2,
  );
}

export function renderInvalidSarif(diagnostics: readonly Diagnostic[], version: string): string {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const rules = codes.map((code) => ({
    id: `input/${code}`,
    name: code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: `The model's input: ${code.replace(/-/g, " ")}` },
    defaultConfiguration: { level: "error" },
    properties: { tags: ["mlteam", "input"] },
  }));
  const results = diagnostics.map((d) => ({
    ruleId: `input/${d.code}`,
    ruleIndex: codes.indexOf(d.code),
    level: d.severity === "error" ? "error" : "warning",
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toSarifUri(d.file) },
          region: { startLine: d.line, startColumn: d.column },
        },
      },
    ],
  }));
  return JSON.stringify(
    {
      $schema: SARIF_SCHEMA,
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "mlteam", version, semanticVersion: version, rules } },
          invocations: [{ executionSuccessful: false, exitCode: 2 }],
          results,
        },
      ],
    },
    null,
    2,
  );
}

export function renderInvalidMarkdown(diagnostics: readonly Diagnostic[], title: string): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return [
    `## mlteam doctor — ${cell(title)}`,
    "",
    `**The model is invalid** (${errors} ${errors === 1 ? "error" : "errors"}): the doctor did not run. Fix these first:`,
    "",
    "| where | problem | code |",
    "| --- | --- | --- |",
    ...diagnostics.map(
      (d) =>
        `| \`${cell(d.file)}:${d.line}:${d.column}\` | ${d.severity}: ${cell(d.message)} | \`${d.code}\` |`,
    ),
    "",
  ].join("\n");
}

/**
 * What a machine format says when a command fails before it could print its own document (a bad
 * option, a missing file, an unknown id): still one valid document, the error inside, so that a
 * CI step parsing stdout reads the failure instead of choking on nothing.
 */
/** `org sync --format json` when the organisation file does not validate: its document, with no outcomes. */
export function renderInvalidSyncJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify({ valid: false, diagnostics, outcomes: [] }, null, 2);
}

export function renderFailureJson(message: string, diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify({ valid: false, error: message, diagnostics }, null, 2);
}

export function renderFailureSarif(
  message: string,
  diagnostics: readonly Diagnostic[],
  version: string,
): string {
  if (diagnostics.length > 0) return renderInvalidSarif(diagnostics, version);
  return JSON.stringify(
    {
      $schema: SARIF_SCHEMA,
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "mlteam", version, semanticVersion: version, rules: [] } },
          invocations: [
            {
              executionSuccessful: false,
              exitCode: 2,
              toolExecutionNotifications: [{ level: "error", message: { text: message } }],
            },
          ],
          results: [],
        },
      ],
    },
    null,
    2,
  );
}
