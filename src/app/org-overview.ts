/**
 * The organisation's read use cases, over the snapshots the sync keeps: the teams ranked by risk,
 * the organisation-wide findings, one team's current snapshot and its history, and people across
 * teams. Every surface (the `org` commands, the organisation API) calls these.
 */
import { type OrgFinding, organisationFindings } from "../analysis/org-findings.ts";

export { ORG_FINDING_KINDS } from "../analysis/org-rules/rule.ts";

import type { TeamSnapshot } from "../org/snapshot.ts";
import type { OrgStore, TeamRecord } from "../org/store-port.ts";
import { NotFoundError, UnavailableError } from "./errors.ts";

export interface TeamSummary {
  id: string;
  name: string;
  score: number | null;
  counts: { error: number; warn: number; info: number };
  commit: string | null;
  syncedAt: string | null;
  /** When the model last changed (its commit's date). */
  committedAt: string | null;
  valid: boolean;
  /** Why the last sync failed, or why the current model is invalid. */
  error?: string;
}

type Row = { team: TeamRecord; snapshot?: TeamSnapshot };

/**
 * Every team with its current snapshot, and the views computed from them. Reading and parsing all
 * snapshots, and ranking or comparing them, is the costly part of every view, so both are kept per
 * store for as long as the store's revision does not change (a sync by any process changes it).
 */
const memo = new WeakMap<OrgStore, { revision: string; rows: Promise<Row[]>; views: Map<string, unknown> }>();

async function state(store: OrgStore) {
  const revision = await store.revision();
  let known = memo.get(store);
  if (known?.revision !== revision) {
    const rows = store.current();
    known = { revision, rows, views: new Map() };
    memo.set(store, known);
    rows.catch(() => memo.delete(store));
  }
  return known;
}

async function current(store: OrgStore): Promise<Row[]> {
  return (await state(store)).rows;
}

/** A view of the current rows, computed once per revision (and per `key`). */
async function view<T>(store: OrgStore, key: string, compute: (rows: Row[]) => T): Promise<T> {
  const known = await state(store);
  if (!known.views.has(key)) known.views.set(key, compute(await known.rows));
  return known.views.get(key) as T;
}

function summaryOf(team: TeamRecord, snapshot: TeamSnapshot | undefined): TeamSummary {
  return {
    id: team.id,
    name: snapshot?.name ?? team.id,
    score: snapshot?.score ?? null,
    counts: snapshot?.counts ?? { error: 0, warn: 0, info: 0 },
    commit: snapshot?.commit ?? null,
    syncedAt: snapshot?.syncedAt ?? null,
    committedAt: snapshot?.committedAt ?? null,
    valid: snapshot?.valid ?? false,
    ...(team.error ? { error: team.error } : {}),
  };
}

/** Every team, most at risk first: failing or invalid, then by lowest health, then by most errors. */
export async function organisationTeams(store: OrgStore): Promise<TeamSummary[]> {
  return view(store, "teams", rankTeams);
}

function rankTeams(current: Row[]): TeamSummary[] {
  const rows = current.map(({ team, snapshot }) => summaryOf(team, snapshot));
  const broken = (t: TeamSummary) => (t.valid && !t.error ? 0 : 1);
  return rows.sort(
    (a, b) =>
      broken(b) - broken(a) ||
      (a.score ?? -1) - (b.score ?? -1) ||
      b.counts.error - a.counts.error ||
      a.id.localeCompare(b.id),
  );
}

export async function organisationFindingsNow(
  store: OrgStore,
  today: string,
  staleMonths: number,
): Promise<OrgFinding[]> {
  return view(store, `findings|${today}|${staleMonths}`, (rows) => findingsOf(rows, today, staleMonths));
}

function findingsOf(rows: Row[], today: string, staleMonths: number): OrgFinding[] {
  const findings = organisationFindings(
    rows.flatMap((r) => (r.snapshot ? [r.snapshot] : [])),
    today,
    { staleMonths },
  );
  for (const { team, snapshot } of rows)
    if (team.error && (!snapshot || snapshot.valid))
      findings.unshift({
        ruleId: "organisation/invalid",
        kind: "invalid",
        severity: "error",
        message: `${team.id}: ${team.error}`,
        teams: [team.id],
      });
  return findings;
}

export interface TeamDetail extends TeamSummary {
  repo: string;
  model: string;
  branch: string;
  /** Whether the team's own pages can be served from its snapshot (it keeps the model's files). */
  pages: boolean;
  snapshot?: Omit<TeamSnapshot, "files" | "evidenceReport">;
}

export async function organisationTeam(store: OrgStore, id: string): Promise<TeamDetail> {
  const team = await store.team(id);
  if (!team) throw new NotFoundError(`no team "${id}" in the organisation`);
  const snapshot = team.head ? await store.snapshot(id, team.head) : undefined;
  return {
    ...summaryOf(team, snapshot),
    repo: team.repo,
    model: team.model,
    branch: team.branch,
    pages: snapshot?.files !== undefined,
    ...(snapshot ? { snapshot: withoutFiles(snapshot) } : {}),
  };
}

/** The snapshot without what only the team's pages read (its model's files, its whole evidence). */
function withoutFiles({
  files: _files,
  evidenceReport: _evidence,
  ...rest
}: TeamSnapshot): Omit<TeamSnapshot, "files" | "evidenceReport"> {
  return rest;
}

export interface TeamHistoryPoint {
  commit: string;
  committedAt: string;
  syncedAt: string;
  valid: boolean;
  score: number | null;
  counts: { error: number; warn: number; info: number };
}

export async function organisationTeamHistory(store: OrgStore, id: string): Promise<TeamHistoryPoint[]> {
  if (!(await store.team(id))) throw new NotFoundError(`no team "${id}" in the organisation`);
  return (await store.history(id)).map((s) => ({
    commit: s.commit,
    committedAt: s.committedAt,
    syncedAt: s.syncedAt,
    valid: s.valid,
    score: s.score ?? null,
    counts: s.counts,
  }));
}

export interface PersonAcrossTeams {
  key: string;
  name: string;
  teams: { team: string; id: string; allocation: number }[];
}

/** People whose name, id or key contains `query` (case-blind), with the teams they are in. */
export async function organisationPeople(store: OrgStore, query: string): Promise<PersonAcrossTeams[]> {
  const q = query.trim().toLowerCase();
  const byKey = new Map<string, PersonAcrossTeams>();
  for (const { snapshot } of await current(store))
    for (const p of snapshot?.people ?? []) {
      if (q && !`${p.name} ${p.id} ${p.key}`.toLowerCase().includes(q)) continue;
      const entry = byKey.get(p.key) ?? { key: p.key, name: p.name, teams: [] };
      entry.teams.push({ team: snapshot?.teamId ?? "", id: p.id, allocation: p.allocation });
      byKey.set(p.key, entry);
    }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The team's current snapshot with the model's files, or why there is none. */
export async function syncedModel(
  store: OrgStore,
  teamId: string,
): Promise<{ team: TeamRecord; snapshot: TeamSnapshot & { files: Record<string, string> } }> {
  const team = await store.team(teamId);
  if (!team) throw new NotFoundError(`no team "${teamId}" in the organisation`);
  const snapshot = team.head ? await store.snapshot(teamId, team.head) : undefined;
  if (!snapshot)
    throw new UnavailableError(
      team.error
        ? `${teamId} has no snapshot: its last sync failed — ${team.error}`
        : `${teamId} has not been synced yet`,
    );
  if (!snapshot.files)
    throw new UnavailableError(`${teamId}'s snapshot predates stored model files: run \`mlteam org sync\``);
  return { team, snapshot: { ...snapshot, files: snapshot.files } };
}
