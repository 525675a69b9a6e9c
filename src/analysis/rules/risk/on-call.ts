/**
 * What the on-call rules share: who of a rotation is there, and who of them shows knowledge of what
 * it covers — a change or review of its files within the evidence window, or a recorded level of at
 * least 2 in one of its competencies. Pure.
 */
import type { ActivityEvidence, EvidenceReport } from "../../../evidence/measures.ts";
import type { TeamGraph } from "../../../graph/types.ts";
import type { OnCall } from "../../../model/schema.ts";
import { recordsSkills } from "../../facts.ts";
import { factsOf } from "../../graph-facts.ts";

/** The level a member needs in one of the rotation's competencies to count without evidence. */
export const ON_CALL_MIN_LEVEL = 2;

/** A member present in the rotation who shows no knowledge of what it covers, and why. */
export interface Unknowing {
  person: string;
  /** Their index under the rotation's `people`. */
  index: number;
  /** What the evidence says ("" when there is no evidence for the rotation's activities). */
  evidence: string;
  /** What the skills say, e.g. "no level 2 in its competencies (containerization 1, cloud-devops not recorded)". */
  skills: string;
}

/** A rotation's members: those there (not left, not away in a what-if) and, among them, who shows no knowledge. */
export interface RotationKnowledge {
  /** What the rotation covers: its activity, or the activities of its team. */
  activities: string[];
  present: string[];
  /** Present members with neither evidence nor skill; they do not count in the effective size. */
  unknowing: Unknowing[];
  /** How the members were judged: by evidence and skills, or skills alone (and why). */
  judgedBy: "evidence-and-skills" | "skills-no-evidence" | "skills-no-files" | "nothing";
  /** The first month of the evidence window (YYYY-MM), when there was evidence. */
  windowStart?: string;
}

/** Team id → the activities of its rows: those its members are R or A of, and its products' rows. */
const teamActivities = new WeakMap<TeamGraph, Map<string, Set<string>>>();

/** The activities of every team, in one pass over the RACI (remembered per graph). */
function activitiesByTeam(graph: TeamGraph): Map<string, Set<string>> {
  let byTeam = teamActivities.get(graph);
  if (byTeam) return byTeam;
  byTeam = new Map();
  const add = (team: string | undefined, activity: string) => {
    if (team === undefined) return;
    const set = byTeam?.get(team) ?? new Set<string>();
    set.add(activity);
    byTeam?.set(team, set);
  };
  const facts = factsOf(graph);
  for (const entry of graph.raci) {
    if (entry.product !== undefined) add(graph.products.get(entry.product)?.team, entry.activity);
    for (const p of facts.row(entry).ra)
      for (const team of graph.people.get(p)?.teams ?? []) add(team, entry.activity);
  }
  teamActivities.set(graph, byTeam);
  return byTeam;
}

/** The activities a rotation covers: its own, else those its team's members are R or A of (or its products' rows). */
export function rotationActivities(graph: TeamGraph, rotation: OnCall): string[] {
  if (rotation.activity !== undefined) return [rotation.activity];
  if (rotation.team === undefined) return [];
  return [...(activitiesByTeam(graph).get(rotation.team) ?? [])].sort();
}

/** The competencies the activities need. */
function competenciesOf(graph: TeamGraph, activities: readonly string[]): string[] {
  const needed = new Set<string>();
  for (const a of activities)
    for (const c of Object.keys(graph.activities.get(a)?.competencies ?? {})) needed.add(c);
  return [...needed].sort();
}

/** What a member's skills say about the competencies: undefined when one reaches `minLevel`. */
function skillShortfall(
  graph: TeamGraph,
  person: string,
  competencies: readonly string[],
  minLevel: number,
): string | undefined {
  const recorded = graph.people.get(person)?.source.skills ?? {};
  if (competencies.some((c) => (recorded[c] ?? 0) >= minLevel)) return undefined;
  if (competencies.length === 0) return "no competency named by the activities";
  const levels = competencies.map((c) => (c in recorded ? `${c} ${recorded[c]}` : `${c} not recorded`));
  return `no level ${minLevel} in its competencies (${levels.join(", ")})`;
}

/** Whether a member changed or reviewed one of the activities' files from the window's first day on. */
function hasRecentEvidence(
  person: string,
  evidence: readonly ActivityEvidence[],
  windowDay: string,
): boolean {
  return evidence.some((a) => a.contributors.some((c) => c.id === person && c.last >= windowDay));
}

/**
 * Who of a rotation is there, and who of them shows neither evidence nor skill. Without evidence
 * (no repository), or when the repositories hold none of the activities' files, members are judged
 * by their skills alone; when the model records no skills either, nobody is judged (nothing to go by:
 * skills/not-assessed says so).
 */
export function rotationKnowledge(
  graph: TeamGraph,
  rotation: OnCall,
  evidence: EvidenceReport | undefined,
): RotationKnowledge {
  const activities = rotationActivities(graph, rotation);
  const present = rotation.people.filter((p) => graph.people.has(p));
  const covered = new Set(activities);
  const files = (evidence?.activities ?? []).filter((a) => covered.has(a.activity) && a.files > 0);
  const judgedBy: RotationKnowledge["judgedBy"] =
    files.length > 0
      ? "evidence-and-skills"
      : !recordsSkills(graph)
        ? "nothing"
        : evidence
          ? "skills-no-files"
          : "skills-no-evidence";
  const result: RotationKnowledge = {
    activities,
    present,
    unknowing: [],
    judgedBy,
    ...(evidence ? { windowStart: evidence.windowStart } : {}),
  };
  const competencies = competenciesOf(graph, activities);
  // Nothing to go by: no files of the activities, and no competency to hold a level in.
  if (judgedBy === "nothing" || (files.length === 0 && competencies.length === 0)) return result;
  const windowDay = `${evidence?.windowStart ?? ""}-01`;
  for (const person of present) {
    if (files.length > 0 && hasRecentEvidence(person, files, windowDay)) continue;
    const skills = skillShortfall(graph, person, competencies, ON_CALL_MIN_LEVEL);
    if (skills === undefined) continue;
    const said =
      files.length > 0 ? `no change or review of their files since ${evidence?.windowStart ?? ""}` : "";
    result.unknowing.push({ person, index: rotation.people.indexOf(person), evidence: said, skills });
  }
  return result;
}

/** The members who count: present, and showing knowledge. */
export function effectiveMembers(knowledge: RotationKnowledge): string[] {
  const out = new Set(knowledge.unknowing.map((u) => u.person));
  return knowledge.present.filter((p) => !out.has(p));
}

/** "k8s-deployment", or "team ml" for a rotation that covers a team. */
export function rotationLabel(rotation: OnCall): string {
  return rotation.activity ?? `team ${rotation.team}`;
}
