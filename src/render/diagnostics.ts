import type { Diagnostic } from "../model/diagnostic.ts";
import { type Colors, plain } from "./colors.ts";

/** `file:line:col  error  message  (code)`, one per line. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], c: Colors = plain): string {
  return diagnostics
    .map((d) => {
      const severity = d.severity === "error" ? c.red("error") : c.yellow("warning");
      return `${c.bold(`${d.file}:${d.line}:${d.column}`)}  ${severity}  ${d.message}  ${c.dim(`(${d.code})`)}`;
    })
    .join("\n");
}

export function summariseDiagnostics(diagnostics: readonly Diagnostic[], c: Colors = plain): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (errors === 0 && warnings === 0) return c.green("✔ the model is valid");
  const parts = [`${errors} ${errors === 1 ? "error" : "errors"}`];
  if (warnings) parts.push(`${warnings} ${warnings === 1 ? "warning" : "warnings"}`);
  return errors ? c.red(`✖ ${parts.join(", ")}`) : c.yellow(`⚠ ${parts.join(", ")}`);
}
