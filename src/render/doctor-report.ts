/** What every doctor reporter renders: the findings, the score and the rules that ran. */
import type { DoctorResult } from "../analysis/engine.ts";
import type { Rule } from "../analysis/rule.ts";
import type { Score } from "../analysis/score.ts";
import type { Diagnostic } from "../model/diagnostic.ts";

export interface DoctorReport {
  result: DoctorResult;
  score: Score;
  /** Warnings about the input itself (e.g. unused suppressions). */
  diagnostics: readonly Diagnostic[];
  rules: readonly Rule[];
  /** The organisation's name, for titles. */
  title: string;
}
