/**
 * Findings that only show across teams: a person whose allocations in several teams' models add
 * up to more than their time, the same person a single point of failure in more than one team,
 * teams without an executive sponsor or without the roles their stage needs (as their own check
 * says), and models nobody has changed for months. Pure: takes the teams' current snapshots and
 * today's date.
 */
import type { TeamSnapshot } from "../org/snapshot.ts";

export interface OrgFinding {
  kind: "over-allocated" | "single-point-of-failure" | "no-sponsor" | "missing-roles" | "stale" | "invalid";
  severity: "error" | "warn" | "info";
  message: string;
  /** The teams concerned. */
  teams: string[];
  /** The person concerned (their key across teams), for the findings about a person. */
  person?: string;
}

/** The most severe of a team's findings: the organisation says it as the team's check does. */
function worst(findings: readonly { severity: OrgFinding["severity"] }[]): OrgFinding["severity"] {
  return findings.some((f) => f.severity === "error")
    ? "error"
    : findings.some((f) => f.severity === "warn")
      ? "warn"
      : "info";
}

/** Whole months from `from` to `to` (both ISO dates). */
function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.slice(0, 10).split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.slice(0, 10).split("-").map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

interface PersonAcrossTeams {
  name: string;
  capacity: number;
  teams: { team: string; allocation: number }[];
}

/** What the organisation gathers from each team's snapshot, for the findings about people across teams. */
interface Gathered {
  out: OrgFinding[];
  byPerson: Map<string, PersonAcrossTeams>;
  spof: Map<string, { name: string; teams: string[] }>;
}

export function organisationFindings(
  snapshots: readonly TeamSnapshot[],
  today: string,
  options: { staleMonths: number },
): OrgFinding[] {
  const gathered: Gathered = { out: [], byPerson: new Map(), spof: new Map() };
  for (const s of snapshots) {
    if (!s.valid) {
      gathered.out.push({
        kind: "invalid",
        severity: "error",
        message: `${s.teamId}: the model does not validate (${s.diagnostics[0] ?? "no detail"})`,
        teams: [s.teamId],
      });
      continue;
    }
    gatherPeople(gathered, s);
    teamFindings(gathered.out, s, today, options.staleMonths);
  }
  const out = [...gathered.out, ...peopleAcrossTeams(gathered)];
  const rank = { error: 0, warn: 1, info: 2 };
  return out.sort((a, b) => rank[a.severity] - rank[b.severity] || a.message.localeCompare(b.message));
}

/** Each person's allocation in the team, and whether they are one of its single points of failure. */
function gatherPeople({ byPerson, spof }: Gathered, s: TeamSnapshot): void {
  for (const p of s.people) {
    const entry = byPerson.get(p.key) ?? { name: p.name, capacity: p.capacity, teams: [] };
    entry.capacity = Math.min(entry.capacity, p.capacity);
    entry.teams.push({ team: s.teamId, allocation: p.allocation });
    byPerson.set(p.key, entry);
  }
  for (const id of s.singlePointsOfFailure) {
    const person = s.people.find((p) => p.id === id);
    if (!person) continue;
    const entry = spof.get(person.key) ?? { name: person.name, teams: [] };
    entry.teams.push(s.teamId);
    spof.set(person.key, entry);
  }
}

/** A team's own: no executive sponsor, roles its stage requires missing (as its check says), a stale model. */
function teamFindings(out: OrgFinding[], s: TeamSnapshot, today: string, staleMonths: number): void {
  const sponsor = s.findings.filter((f) => f.ruleId === "leadership/executive-sponsor");
  if (sponsor.length > 0)
    out.push({
      kind: "no-sponsor",
      severity: worst(sponsor),
      message: `${s.teamId}: no executive sponsor`,
      teams: [s.teamId],
    });
  const roles = s.findings.filter((f) => f.ruleId === "staffing/required-roles");
  if (roles.length > 0)
    out.push({
      kind: "missing-roles",
      severity: worst(roles),
      message: `${s.teamId}: without roles its stage requires`,
      teams: [s.teamId],
    });
  const age = monthsBetween(s.committedAt, today);
  if (age >= staleMonths)
    out.push({
      kind: "stale",
      severity: "info",
      message: `${s.teamId}: the model has not changed for ${age} months (last ${s.committedAt.slice(0, 10)})`,
      teams: [s.teamId],
    });
}

/** People in two teams or more: allocated above their time in all, or a single point of failure in several. */
function peopleAcrossTeams({ byPerson, spof }: Gathered): OrgFinding[] {
  const out: OrgFinding[] = [];
  for (const [key, p] of byPerson) {
    if (p.teams.length < 2) continue;
    const total = p.teams.reduce((sum, t) => sum + t.allocation, 0);
    if (total > p.capacity)
      out.push({
        kind: "over-allocated",
        severity: "error",
        message: `${p.name} is allocated ${total}% across ${p.teams.length} teams (${p.teams.map((t) => `${t.team} ${t.allocation}%`).join(", ")}), above their ${p.capacity}%`,
        teams: p.teams.map((t) => t.team),
        person: key,
      });
  }
  for (const [key, p] of spof) {
    if (p.teams.length < 2) continue;
    out.push({
      kind: "single-point-of-failure",
      severity: "warn",
      message: `${p.name} is a single point of failure in ${p.teams.length} teams (${p.teams.join(", ")})`,
      teams: p.teams,
      person: key,
    });
  }
  return out;
}
