/**
 * Recommendations: the topology the organisation's facts point to, the next hires (greedy: each
 * step adds the one role that clears the most weighted findings), and who is closest to each
 * missing competency level.
 */
import type { Catalog } from "../catalog/index.ts";
import type { TeamGraph } from "../graph/types.ts";
import type { Model } from "../model/model.ts";
import { runRules } from "./engine.ts";
import type { Finding, Rule, RuleEnvironment } from "./rule.ts";
import { recommendTopology, type TopologyFit } from "./topology-fit.ts";
import { WORKING_LEVEL, whatIf } from "./whatif.ts";

export interface HireStep {
  role: string;
  /** Weighted findings (error 15, warn 5, info 1, uncapped) before and after this hire. */
  before: number;
  after: number;
  cleared: Finding[];
  added: Finding[];
  /** Findings that remain but weigh less (fewer activities resting on one person, a lower severity…), as they are after. */
  eased: Finding[];
  scoreBefore: number;
  scoreAfter: number;
}

export interface Upskilling {
  competency: string;
  /** The level wanted: the highest that an assigned activity or a held role needs, at least working level. */
  target: number;
  why: string;
  /** The people closest to the target, best first. */
  candidates: { person: string; name: string; level: number }[];
}

export interface Recommendation {
  topology: (TopologyFit & { declared?: string }) | undefined;
  hires: HireStep[];
  /** The team the hires are placed in, when one was asked for. */
  team?: string;
  upskilling: Upskilling[];
}

export interface RecommendOptions {
  /** How many hires to plan at most. */
  hires?: number;
  /**
   * Place the hires in this team and count only what it (and the teams it serves or that serve it)
   * gains: findings about other teams, their own people or their products weigh nothing.
   */
  team?: string;
}

/** Whether a finding is about another team than `team` and its neighbours (a team, a person only there, a product). */
function foreignTo(graph: TeamGraph, team: string): (f: Finding) => boolean {
  const node = graph.teams.get(team);
  const near = new Set([team, ...(node?.serves ?? []), ...(node?.servedBy ?? [])]);
  const foreign = new Set<string>();
  for (const t of graph.teams.values()) if (!near.has(t.id)) foreign.add(t.id);
  for (const p of graph.people.values())
    if (p.teams.length > 0 && p.teams.every((t) => !near.has(t))) foreign.add(p.id);
  for (const product of graph.products.values())
    if (product.team !== undefined && !near.has(product.team)) foreign.add(product.id);
  return (f) => f.subject !== undefined && foreign.has(f.subject);
}

const weight = (findings: readonly Finding[]) =>
  findings.reduce((sum, f) => sum + WEIGHT[f.severity] * (f.weight ?? 1), 0);

/** How much a finding weighs when comparing hires (error 15, warn 5, info 1). */
const WEIGHT = { error: 15, warn: 5, info: 1 } as const;

/** Roles worth trying as hires: those findings name, those the RACI uses, and the core roles. */
function candidateRoles(graph: TeamGraph, findings: readonly Finding[]): string[] {
  const roles = new Set<string>([
    "tech-lead",
    "data-scientist",
    "ml-engineer",
    "data-engineer",
    "mlops-engineer",
    "platform-engineer",
  ]);
  for (const f of findings) if (f.subject !== undefined && graph.roles.has(f.subject)) roles.add(f.subject);
  for (const entry of graph.raci)
    for (const cell of entry.cells) if (cell.ref.kind === "role") roles.add(cell.ref.id);
  // Not hires: the sponsor and the governance stakeholders are people of the organisation to name
  // and engage (000 §8A.2), and the evangelist "is not a specific role you would hire for" (002);
  // a second tech lead is not what a team needs either.
  for (const role of NOT_HIRED) roles.delete(role);
  // A role an opening is already for is being hired.
  for (const opening of graph.model.openings) roles.delete(opening.role);
  if ((graph.holders.get("tech-lead")?.length ?? 0) > 0) roles.delete("tech-lead");
  return [...roles].filter((r) => graph.roles.has(r) && graph.roles.get(r)?.category !== "governance").sort();
}

/** The same finding is the same rule about the same subject at the same severity, whatever its wording (a count in it may change). */
const findingKey = (f: Finding) => `${f.ruleId}|${f.subject ?? f.message}|${f.severity}`;

/** Roles that are named and engaged, never hired: the sponsor, the evangelist, the governance stakeholders. */
export const NOT_HIRED = ["executive-sponsor", "evangelist", "cio", "ciso", "data-governance-officer"];

export function recommend(
  model: Model,
  graph: TeamGraph,
  catalog: Catalog,
  rules: readonly Rule[],
  environment: RuleEnvironment,
  options: RecommendOptions = {},
): Recommendation {
  const fit = recommendTopology(graph, graph.topologies);
  const declared = graph.organisation?.topology;
  const foreign = options.team !== undefined ? foreignTo(graph, options.team) : () => false;
  const baseline = runRules(graph, rules, environment).findings.filter((f) => !foreign(f));
  const placed = (role: string) => (options.team !== undefined ? `${role}@${options.team}` : role);

  const hires: HireStep[] = [];
  const chosen: string[] = [];
  let current = baseline;
  const candidates = candidateRoles(graph, baseline);
  for (let step = 0; step < (options.hires ?? 3); step++) {
    let best: HireStep | undefined;
    let bestFindings: Finding[] = current;
    for (const role of candidates) {
      const result = whatIf(
        model,
        graph,
        catalog,
        rules,
        environment,
        { add: [...chosen, placed(role)] },
        baseline,
      );
      if (!("away" in result)) continue;
      const after = result.findings.filter((f) => !foreign(f));
      const afterWeight = weight(after);
      if (best && afterWeight >= best.after) continue;
      const currentKeys = new Set(current.map(findingKey));
      const afterKeys = new Set(after.map(findingKey));
      best = {
        role,
        before: weight(current),
        after: afterWeight,
        cleared: current.filter((f) => !afterKeys.has(findingKey(f))),
        added: after.filter((f) => !currentKeys.has(findingKey(f))),
        eased: after.filter((f) => {
          const was = current.find((g) => findingKey(g) === findingKey(f));
          return was !== undefined && weight([f]) < weight([was]);
        }),
        scoreBefore: hires.at(-1)?.scoreAfter ?? result.before.overall,
        scoreAfter: result.after.overall,
      };
      bestFindings = after;
    }
    if (!best || best.after >= best.before) break;
    hires.push(best);
    chosen.push(placed(best.role));
    current = bestFindings;
  }

  return {
    topology: fit ? { ...fit, ...(declared !== undefined ? { declared } : {}) } : undefined,
    hires,
    ...(options.team !== undefined ? { team: options.team } : {}),
    upskilling: upskilling(graph),
  };
}

/** Competencies the team needs more of, with the people closest to the level. */
function upskilling(graph: TeamGraph): Upskilling[] {
  const needs = new Map<string, { target: number; why: string }>();
  const need = (competency: string, level: number, why: string) => {
    const target = Math.max(level, WORKING_LEVEL);
    const known = needs.get(competency);
    if (!known || target > known.target) needs.set(competency, { target, why });
  };
  for (const activity of graph.raciByActivity.keys()) {
    for (const [c, level] of Object.entries(graph.activities.get(activity)?.competencies ?? {}))
      need(c, level, `needed by ${activity}`);
  }
  const out: Upskilling[] = [];
  for (const [competency, { target, why }] of needs) {
    const levels = [...graph.people.values()].map((p) => ({
      person: p.id,
      name: p.name,
      level: p.skills[competency] ?? 0,
    }));
    const atTarget = levels.filter((l) => l.level >= target).length;
    if (atTarget >= 2) continue;
    const candidates = levels
      .filter((l) => l.level < target && l.level > 0)
      .sort((a, b) => b.level - a.level || a.name.localeCompare(b.name))
      .slice(0, 3);
    out.push({
      competency,
      target,
      why: `${atTarget === 0 ? "nobody has it" : "only one person has it"} at level ${target}; ${why}`,
      candidates,
    });
  }
  return out.sort((a, b) => a.competency.localeCompare(b.competency));
}
