/**
 * Runs one full check (read, parse, validate, resolve, rules) of a model in a fresh process and
 * prints `{ "ms": …, "findings": …, "rules": { "<rule id>": ms, … } }` (the time each rule's check
 * took, for the rules' shares); bench/doctor/run.ts spawns it, and it serves for profiling:
 *   node --cpu-prof --import tsx bench/doctor/check-once.ts bench/out/org-100000/mlteam.yaml
 */
import { checkModel } from "../../src/analysis/check-model.ts";
import { fsHost } from "../../src/io/fs-host.ts";

const timings = new Map<string, number>();
const start = performance.now();
const result = checkModel(process.argv[2] as string, fsHost, {
  today: new Date().toISOString().slice(0, 10),
  timings,
});
const ms = performance.now() - start;
const errors = result.diagnostics.filter((d) => d.severity === "error");
if (errors.length > 0) {
  console.error(`invalid model: ${errors[0]?.message}`);
  process.exit(2);
}
console.log(
  JSON.stringify({ ms, findings: result.doctor?.findings.length ?? 0, rules: Object.fromEntries(timings) }),
);
