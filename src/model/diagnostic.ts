/** A problem with the input itself (syntax, schema, references): reported as `file:line:col  error  message  (code)`. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: "error" | "warning";
  message: string;
  code: DiagnosticCode;
}

export type DiagnosticCode =
  | "file-not-found"
  | "unsafe-include"
  | "yaml-syntax"
  | "schema"
  | "unknown-field"
  | "unknown-reference"
  | "ambiguous-reference"
  | "duplicate-id"
  | "reference-cycle"
  | "duplicate-section"
  | "missing-section"
  | "unknown-rule"
  | "renamed-rule"
  | "rule-option"
  | "unused-suppression";

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Formats a path into the model as people[3].roles[0].allocation. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(the file)" : out;
}
