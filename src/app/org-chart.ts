/**
 * The organisation chart: the people of every team's current snapshot merged by their key across
 * teams, who reports to whom (a manager found by id in any team), the teams as groups with their
 * counts and a way to their findings, the openings as vacancies, the executive sponsors on top,
 * each person's allocation across teams and each team's skills rolled up. `buildOrgChart` is pure
 * (snapshots in, chart out); `organisationChart` reads the store's current snapshots and lays the
 * chart out (elkjs), once per store revision.
 */
import { CATALOG } from "../catalog/index.ts";
import type { SnapshotPerson, TeamSnapshot } from "../org/snapshot.ts";
import type { OrgStore } from "../org/store-port.ts";
import { layOutOrgChart, type OrgChartLayout } from "../render/org-chart-layout.ts";

/** One person's entry in one team: their id there, their share of time there, their roles there. */
export interface ChartMembership {
  /** The team (source) id. */
  team: string;
  /** The person's id in that team's model. */
  id: string;
  /** Percent of full time in that team; `null` when the model does not record it (never 0 for unknown). */
  allocation: number | null;
  roles: { role: string; allocation?: number }[];
  /** The ids of that model's own teams they are a member or the lead of. */
  modelTeams: string[];
  /** The key of the person they report to there, when that team names one who is found. */
  manager?: string;
}

export interface ChartPerson {
  /** The person's key across teams (the node's id). */
  key: string;
  name: string;
  /** The team (source) the chart draws them in: the one with most of their recorded time, else the first. */
  team: string;
  teams: ChartMembership[];
  /** Every role they hold, in any team. */
  roles: string[];
  employment: "employee" | "contractor" | "vendor";
  /** Holds `executive-sponsor` in some team, or is named the sponsor as a stakeholder. */
  sponsor: boolean;
  /** The recorded allocations added up. */
  total: number;
  /** Whether every team records their allocation (else `total` is a lower bound). */
  recorded: boolean;
  capacity: number;
  /** More recorded time than their capacity. */
  over: boolean;
  /** Keys of the people they report to (one per team that names a manager who is found). */
  managers: string[];
  /** Managers named by `reportsTo` that no team of the organisation has. */
  unknownManagers: string[];
}

export interface ChartTeam {
  /** The source id. */
  id: string;
  name: string;
  valid: boolean;
  score: number | null;
  counts: { error: number; warn: number; info: number };
  people: number;
  vacancies: number;
  /** The model's own teams. */
  modelTeams: { id: string; name: string; type: string; lead?: string }[];
  /** The organisation dashboard's address of the team's findings. */
  findingsPage: string;
  /** Why its last sync failed, when it did. */
  error?: string;
}

/** An opening (a planned hire) drawn as a vacancy, under the lead of the model's team it is for. */
export interface ChartVacancy {
  /** `<team>:<opening id>`. */
  id: string;
  team: string;
  modelTeam?: string;
  role: string;
  status: "open" | "approved" | "planned";
  /** The key of the lead of the model's team it is for, when there is one. */
  under?: string;
}

/** Competency → how many of the team's people are at level 3 or more, and at 2 or more. */
export interface TeamSkills {
  team: string;
  competencies: { id: string; name: string; atLeast3: number; atLeast2: number }[];
}

export interface OrgChart {
  teams: ChartTeam[];
  people: ChartPerson[];
  /** Manager → report, by person key. */
  edges: { from: string; to: string }[];
  vacancies: ChartVacancy[];
  /** Keys of the executive sponsors (drawn at the top). */
  sponsors: string[];
  skills: TeamSkills[];
}

/** A team of the organisation with no snapshot to draw (its first sync failed). */
export interface UnsyncedTeam {
  id: string;
  error?: string;
}

/** The chart of the teams' snapshots (in the order given; the first team wins ties). */
export function buildOrgChart(
  snapshots: readonly TeamSnapshot[],
  unsynced: readonly UnsyncedTeam[] = [],
  competencyName: (id: string) => string = catalogName,
): OrgChart {
  const people = mergePeople(snapshots);
  const teams = snapshots.map((s) => teamOf(s, people));
  for (const u of unsynced) teams.push(unsyncedTeam(u));
  const vacancies = snapshots.flatMap((s) => vacanciesOf(s, people));
  const edges = people.flatMap((p) => p.managers.map((from) => ({ from, to: p.key })));
  return {
    teams,
    people,
    edges,
    vacancies,
    sponsors: people.filter((p) => p.sponsor).map((p) => p.key),
    skills: snapshots.map((s) => skillsOf(s, competencyName)),
  };
}

const COMPETENCY_NAMES = new Map(CATALOG.competencies.map((c) => [c.id, c.name]));
const catalogName = (id: string) => COMPETENCY_NAMES.get(id) ?? id;

/** A person's allocation in one team: `null` when it is not recorded. */
function allocationOf(p: SnapshotPerson): number | null {
  if (p.allocationRecorded === false) return null;
  // Snapshots from before `allocationRecorded` was kept: 0 means nothing was recorded.
  if (p.allocationRecorded === undefined && p.allocation === 0) return null;
  return p.allocation;
}

/** The people of every snapshot, one per key, their managers resolved by id across teams. */
function mergePeople(snapshots: readonly TeamSnapshot[]): ChartPerson[] {
  const byKey = new Map<string, ChartPerson>();
  const keyOf = managerKeys(snapshots);
  for (const snapshot of snapshots)
    for (const p of snapshot.people) {
      const person = byKey.get(p.key) ?? newPerson(p, snapshot.teamId);
      byKey.set(p.key, person);
      const membership = addMembership(person, p, snapshot.teamId);
      if (p.reportsTo === undefined) continue;
      const manager = keyOf(snapshot, p.reportsTo);
      if (manager === undefined) {
        if (!person.unknownManagers.includes(p.reportsTo)) person.unknownManagers.push(p.reportsTo);
      } else if (manager !== person.key) {
        membership.manager = manager;
        if (!person.managers.includes(manager)) person.managers.push(manager);
      }
    }
  const people = [...byKey.values()];
  for (const person of people) settle(person);
  return people;
}

function newPerson(p: SnapshotPerson, team: string): ChartPerson {
  return {
    key: p.key,
    name: p.name,
    team,
    teams: [],
    roles: [],
    employment: p.employment ?? "employee",
    sponsor: false,
    total: 0,
    recorded: true,
    capacity: p.capacity,
    over: false,
    managers: [],
    unknownManagers: [],
  };
}

function addMembership(person: ChartPerson, p: SnapshotPerson, team: string): ChartMembership {
  const roles = p.roles ?? [];
  const membership: ChartMembership = {
    team,
    id: p.id,
    allocation: allocationOf(p),
    roles,
    modelTeams: p.teams ?? [],
  };
  person.teams.push(membership);
  for (const { role } of roles) if (!person.roles.includes(role)) person.roles.push(role);
  if (p.sponsor || roles.some((r) => r.role === "executive-sponsor")) person.sponsor = true;
  if (p.employment && p.employment !== "employee") person.employment = p.employment;
  person.capacity = Math.min(person.capacity, p.capacity);
  return membership;
}

/** The totals, and the team the person is drawn in. */
function settle(person: ChartPerson): void {
  let best: ChartMembership | undefined;
  for (const m of person.teams) {
    if (m.allocation === null) person.recorded = false;
    else person.total += m.allocation;
    if (best === undefined || (m.allocation ?? -1) > (best.allocation ?? -1)) best = m;
  }
  person.team = best?.team ?? person.team;
  person.over = person.total > person.capacity;
}

/**
 * Finds a manager named in `team` by id: first among that team's people, then among every team's,
 * in order (a manager may be written in another team's model); else by an identity `id:<id>`.
 */
function managerKeys(snapshots: readonly TeamSnapshot[]) {
  const anywhere = new Map<string, string>();
  for (const s of snapshots)
    for (const p of s.people) {
      if (!anywhere.has(p.id)) anywhere.set(p.id, p.key);
      for (const identity of p.identity ?? [])
        if (identity.startsWith("id:") && !anywhere.has(identity.slice(3)))
          anywhere.set(identity.slice(3), p.key);
    }
  return (team: TeamSnapshot, id: string): string | undefined =>
    team.people.find((p) => p.id === id)?.key ?? anywhere.get(id);
}

function teamOf(s: TeamSnapshot, people: readonly ChartPerson[]): ChartTeam {
  const keyOf = (id: string) => s.people.find((p) => p.id === id)?.key ?? id;
  return {
    id: s.teamId,
    name: s.name,
    valid: s.valid,
    score: s.score ?? null,
    counts: s.counts,
    people: people.filter((p) => p.teams.some((m) => m.team === s.teamId)).length,
    vacancies: s.openings?.length ?? 0,
    modelTeams: (s.teams ?? []).map((t) => ({
      id: t.id,
      name: t.name ?? t.id,
      type: t.type,
      ...(t.lead !== undefined ? { lead: keyOf(t.lead) } : {}),
    })),
    findingsPage: findingsPage(s.teamId),
  };
}

const findingsPage = (team: string) => `#/team/${encodeURIComponent(team)}?show=findings`;

function unsyncedTeam({ id, error }: UnsyncedTeam): ChartTeam {
  return {
    id,
    name: id,
    valid: false,
    score: null,
    counts: { error: 0, warn: 0, info: 0 },
    people: 0,
    vacancies: 0,
    modelTeams: [],
    findingsPage: findingsPage(id),
    ...(error !== undefined ? { error } : {}),
  };
}

function vacanciesOf(s: TeamSnapshot, people: readonly ChartPerson[]): ChartVacancy[] {
  return (s.openings ?? []).map((o) => {
    const lead = s.teams?.find((t) => t.id === o.team)?.lead;
    const under = lead === undefined ? undefined : s.people.find((p) => p.id === lead)?.key;
    return {
      id: `${s.teamId}:${o.id}`,
      team: s.teamId,
      ...(o.team !== undefined ? { modelTeam: o.team } : {}),
      role: o.role,
      status: (o.status as ChartVacancy["status"] | undefined) ?? "open",
      ...(under !== undefined && people.some((p) => p.key === under) ? { under } : {}),
    };
  });
}

/** The team's competencies, most people at level 3 or more first. */
function skillsOf(s: TeamSnapshot, competencyName: (id: string) => string): TeamSkills {
  const counts = new Map<string, { atLeast3: number; atLeast2: number }>();
  for (const p of s.people)
    for (const [id, level] of Object.entries(p.skills ?? {})) {
      const entry = counts.get(id) ?? { atLeast3: 0, atLeast2: 0 };
      if (level >= 3) entry.atLeast3++;
      if (level >= 2) entry.atLeast2++;
      counts.set(id, entry);
    }
  return {
    team: s.teamId,
    competencies: [...counts]
      .map(([id, c]) => ({ id, name: competencyName(id), ...c }))
      .sort((a, b) => b.atLeast3 - a.atLeast3 || b.atLeast2 - a.atLeast2 || a.id.localeCompare(b.id)),
  };
}

/** The chart with where elkjs put each of its boxes. */
export interface LaidOutOrgChart extends OrgChart {
  layout: OrgChartLayout;
}

const memo = new WeakMap<OrgStore, { revision: string; chart: Promise<LaidOutOrgChart> }>();

/** The organisation's chart over the store's current snapshots, computed and laid out once per revision. */
export async function organisationChart(store: OrgStore): Promise<LaidOutOrgChart> {
  const revision = await store.revision();
  const known = memo.get(store);
  if (known?.revision === revision) return known.chart;
  const chart = chartOfStore(store);
  memo.set(store, { revision, chart });
  chart.catch(() => memo.delete(store));
  return chart;
}

async function chartOfStore(store: OrgStore): Promise<LaidOutOrgChart> {
  const rows = await store.current();
  const snapshots = rows.flatMap((r) => (r.snapshot ? [r.snapshot] : []));
  const unsynced = rows.filter((r) => !r.snapshot).map((r) => ({ id: r.team.id, ...errorOf(r.team.error) }));
  const chart = buildOrgChart(snapshots, unsynced);
  // A failed last sync of a team that still has a snapshot: its group says so.
  for (const { team } of rows) {
    const t = chart.teams.find((c) => c.id === team.id);
    if (t && team.error !== undefined) t.error = team.error;
  }
  return { ...chart, layout: await layOutOrgChart(chart, { groupBy: "team" }) };
}

const errorOf = (error: string | undefined) => (error !== undefined ? { error } : {});
