/**
 * How well one person fits to take over one responsibility of a handover: evidence of doing the work
 * (git history), recorded skills against what it needs, time left, team, and the conflicts it would
 * create. Each fit scores and explains itself; the handover ranks candidates by the sum. Pure.
 */
import type { ActivityEvidence, EvidenceReport } from "../evidence/measures.ts";
import type { PersonNode, TeamGraph } from "../graph/types.ts";
import { isExternal } from "./facts.ts";
import { CONFLICTS } from "./rules/staffing/conflicting-hats.ts";

/** A candidate's fit: points (the ranking), why, what speaks against, and whether it would break a rule. */
export interface Fit {
  points: number;
  reasons: string[];
  concerns: string[];
  /** Taking it over would create a conflict the doctor reports (a contractor Accountable, conflicting hats…). */
  blocked: boolean;
  /** Evidence or skills show the person can do the work. */
  capable: boolean;
}

export const emptyFit = (): Fit => ({ points: 0, reasons: [], concerns: [], blocked: false, capable: false });

/** Adds `part` to `fit`. */
export function addFit(fit: Fit, part: Partial<Fit>): Fit {
  fit.points += part.points ?? 0;
  fit.reasons.push(...(part.reasons ?? []));
  fit.concerns.push(...(part.concerns ?? []));
  fit.blocked ||= part.blocked ?? false;
  fit.capable ||= part.capable ?? false;
  return fit;
}

/** The person's work on the activity's files: authored files, changes, reviews, how recent. */
export function evidenceFit(
  evidence: EvidenceReport | undefined,
  activity: string,
  person: string,
  weight = 1,
): Partial<Fit> {
  const measured: ActivityEvidence | undefined = evidence?.activities.find((a) => a.activity === activity);
  if (!evidence || !measured || measured.files === 0) return {};
  const who = measured.contributors.find((c) => c.person && c.id === person);
  if (!who || (who.authored === 0 && who.changes === 0 && who.reviews === 0)) return {};
  const points =
    weight *
    ((40 * who.authored) / measured.files +
      (15 * Math.min(who.recent, 10)) / 10 +
      (5 * Math.min(who.reviews, 5)) / 5 +
      (who.active ? 5 : 0));
  const reviews = who.reviews > 0 ? `, ${who.reviews} ${who.reviews === 1 ? "review" : "reviews"}` : "";
  const reason = `git: authored ${who.authored} of the ${measured.files} ${activity} files, ${who.changes} ${who.changes === 1 ? "change" : "changes"} (${who.recent} since ${evidence.windowStart})${reviews}, last ${who.last}`;
  return {
    points,
    reasons: [reason],
    ...(who.active ? {} : { concerns: [`no change to ${activity}'s files since ${who.last}`] }),
    capable: who.authored > 0 || who.recent > 0,
  };
}

/** Recorded levels against what the work needs (competency → level); unrecorded levels said as such. */
export function skillFit(
  person: PersonNode,
  needed: Readonly<Record<string, number>>,
): Partial<Fit> & { gaps: string[] } {
  const entries = Object.entries(needed);
  if (entries.length === 0) return { gaps: [] };
  const met: string[] = [];
  const gaps: string[] = [];
  let coverage = 0;
  for (const [competency, level] of entries) {
    const has = person.source.skills?.[competency];
    coverage += Math.min(has ?? 0, level) / level;
    if (has !== undefined && has >= level) met.push(`${competency} ${has} (needs ${level})`);
    else
      gaps.push(
        has === undefined ? `${competency} not recorded (needs ${level})` : `${competency} ${has} → ${level}`,
      );
  }
  return {
    points: (30 * coverage) / entries.length,
    reasons: met.length ? [`skills: ${met.join(", ")}`] : [],
    concerns: gaps.length ? [`skills short: ${gaps.join(", ")}`] : [],
    capable: gaps.length === 0,
    gaps,
  };
}

/** Time left after taking `load` more percent on top of what this handover already gives them. */
export function headroomFit(person: PersonNode, load: number | undefined, planned: number): Partial<Fit> {
  if (!person.roles.some((r) => r.explicit)) return {};
  const capacity = person.source.capacity ?? 100;
  const after = Math.round(person.allocation + planned + (load ?? 0));
  const adds = load !== undefined ? `, about +${Math.round(load)}% from this` : "";
  const already = planned > 0 ? `, +${Math.round(planned)}% from the handover's other moves` : "";
  if (after <= capacity)
    return {
      points: (10 * Math.min(capacity - after, 40)) / 40,
      reasons: [
        `${capacity - after}% free after the move (allocated ${Math.round(person.allocation)}% of ${capacity}%${already}${adds})`,
      ],
    };
  return {
    points: -15,
    concerns: [
      `would be allocated about ${after}% of ${capacity}% (${Math.round(person.allocation)}% today${already}${adds}): over-allocated`,
    ],
  };
}

/** Whether the person works in `teams`, or in a team that serves them or that they serve. */
export function teamFit(graph: TeamGraph, person: PersonNode, teams: readonly string[]): Partial<Fit> {
  if (teams.length === 0) return {};
  const same = person.teams.filter((t) => teams.includes(t));
  if (same.length > 0) return { points: 10, reasons: [`in team ${same.join(", ")}`] };
  for (const t of person.teams) {
    const node = graph.teams.get(t);
    const serves = node?.serves.find((s) => teams.includes(s));
    if (serves) return { points: 5, reasons: [`in team ${t}, which serves ${serves}`] };
    const servedBy = node?.servedBy.find((s) => teams.includes(s));
    if (servedBy) return { points: 5, reasons: [`in team ${t}, served by ${servedBy}`] };
  }
  return person.teams.length > 0 ? { concerns: [`in another team (${person.teams.join(", ")})`] } : {};
}

/** A contractor or vendor left as the only Accountable of production-critical work (risk/contractor-accountable). */
export function contractorFit(
  graph: TeamGraph,
  person: string,
  otherAccountables: readonly string[],
): Partial<Fit> {
  if (!isExternal(graph, person) || otherAccountables.some((p) => !isExternal(graph, p))) return {};
  const employment = graph.people.get(person)?.source.employment;
  return {
    blocked: true,
    concerns: [
      `a ${employment} as the only Accountable of production-critical work (risk/contractor-accountable)`,
    ],
  };
}

/** The person already holds a role that conflicts with `hat` (staffing/conflicting-hats). */
export function hatFit(person: PersonNode, hat: string | undefined): Partial<Fit> {
  if (hat === undefined) return {};
  const held = new Set([...person.roles.map((r) => r.role), ...person.titleRoles]);
  for (const { roles, why } of CONFLICTS) {
    const other = roles[0] === hat ? roles[1] : roles[1] === hat ? roles[0] : undefined;
    if (other !== undefined && held.has(other))
      return { blocked: true, concerns: [`holds ${other}, which conflicts with ${hat}: ${why}`] };
  }
  return {};
}

/** The person leaves or is away: a successor who leaves too hands nothing over. */
export function presenceFit(person: PersonNode, today: string, horizon: string): Partial<Fit> {
  const leaves = person.source.leaves;
  if (leaves !== undefined && leaves <= horizon)
    return { blocked: true, concerns: [`leaves on ${leaves} too`] };
  const away = (person.source.absences ?? []).find((a) => a.from <= today && a.to >= today);
  return away ? { concerns: [`away until ${away.to}`] } : {};
}
