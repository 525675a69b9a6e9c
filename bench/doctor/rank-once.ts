/**
 * Ranks everyone in a model by the damage of their absence, as `mlteam whatif --rank` does (the
 * ranking, then exact what-ifs for the top five), in a fresh process; prints the timings as JSON.
 * With `--afresh`, the what-ifs resolve the model again and run every rule, as they did before they
 * re-checked only what an absence touches (issue #28): the same answers, for comparison.
 *   node --import tsx bench/doctor/rank-once.ts bench/out/org-10000/mlteam.yaml [--afresh]
 */
import { rankAbsences } from "../../src/analysis/absence-rank.ts";
import { checkModel, ruleEnvironment } from "../../src/analysis/check-model.ts";
import { runRules } from "../../src/analysis/engine.ts";
import { RULES } from "../../src/analysis/rules/index.ts";
import { whatIf } from "../../src/analysis/whatif.ts";
import { CATALOG } from "../../src/catalog/index.ts";
import { fsHost } from "../../src/io/fs-host.ts";

const file = process.argv[2] as string;
const afresh = process.argv.includes("--afresh");
const { model, graph } = checkModel(file, fsHost, { validateOnly: true });
const environment = ruleEnvironment(model, fsHost, "2026-11-22");
const start = performance.now();
const ranking = rankAbsences(graph);
const rankMs = performance.now() - start;
const baseline = runRules(graph, RULES, environment).findings;
// A copy of the graph is not one resolveTeam made: a what-if over it resolves the model afresh.
const asIs = afresh ? { ...graph } : graph;
for (const r of ranking.slice(0, 5))
  whatIf(model, asIs, CATALOG, RULES, environment, { without: [r.person] }, baseline);
const totalMs = performance.now() - start;
console.log(JSON.stringify({ rankMs, totalMs, people: ranking.length, first: ranking[0]?.person }));
