/**
 * The use case behind `mlteam org doctor`: no server, no database — every source read at its branch
 * head as `org sync` reads it, each team checked in the context of the whole organisation by the
 * same use case the sync and the server use (src/app/org-check.ts), and the organisation-wide rules
 * run over the same snapshots the server keeps. A source that cannot be read or whose model is
 * invalid carries its reason or located errors; the others are checked.
 */
import { dirname, join, resolve } from "node:path";
import { type OrgFinding, organisationFindings } from "../analysis/org-findings.ts";
import type { Finding } from "../analysis/rule.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { OrgIdentities } from "../model/org-identity.ts";
import { loadOrgConfig, type OrgConfig } from "../org/config.ts";
import { snapshotOf, type TeamSnapshot } from "../org/snapshot.ts";
import { InputError, InvalidModelError } from "./errors.ts";
import {
  checkTeamInOrganisation,
  loadOrganisation,
  prefetchTrees,
  readSources,
  type SourceAtHead,
  type TeamInOrganisation,
} from "./org-check.ts";
import { syncedEvidence } from "./org-evidence.ts";

export interface OrgDoctorTeam {
  id: string;
  name: string;
  valid: boolean;
  score: number | null;
  commit: string | null;
  /** Why the source could not be read. */
  error?: string;
  findings: Finding[];
  /** The model's located errors, when it does not validate. */
  diagnostics: Diagnostic[];
  warnings: string[];
}

export interface OrgDoctorResult {
  organisation: string;
  teams: OrgDoctorTeam[];
  findings: OrgFinding[];
  /** Team id → its repository (a path or a URL), for reports that point into each. */
  repos: Record<string, string>;
}

export interface OrgDoctorOptions {
  /** The organisation file. */
  config: string;
  today: string;
  /** Check only these teams (source ids); the organisation-wide rules then see only them. */
  teams?: readonly string[];
}

/** Reads the organisation file; a malformed one is an {@link InvalidModelError} (exit 2 at the CLI). */
export function readOrgConfig(file: string): OrgConfig {
  const loaded = loadOrgConfig(file);
  if (!loaded.ok) throw new InvalidModelError(loaded.diagnostics, `${file} is not a valid organisation file`);
  return loaded.config;
}

export async function organisationDoctor(options: OrgDoctorOptions): Promise<OrgDoctorResult> {
  const config = readOrgConfig(options.config);
  for (const id of options.teams ?? [])
    if (!config.sources.some((s) => s.id === id))
      throw new InputError(
        `no team "${id}" in ${options.config} (the teams are ${config.sources.map((s) => s.id).join(", ")})`,
      );
  const wanted = (id: string) => !options.teams || options.teams.includes(id);
  const dataDir = join(dirname(resolve(options.config)), ".mlteam-org");
  const sources = readSources(config, dataDir);
  await prefetchTrees(sources, dataDir);
  const org = loadOrganisation(sources);
  const teams: OrgDoctorTeam[] = [];
  const snapshots: TeamSnapshot[] = [];
  for (const at of org.sources.read) {
    if (!wanted(at.source.id) || !org.loaded.has(at.source.id)) continue;
    const checked = await checkTeamInOrganisation(org, at, {
      today: options.today,
      evidenceFor: (s) =>
        syncedEvidence({ repo: s.repo, head: s.head, storeFile: evidenceStore(dataDir, s) }),
    });
    snapshots.push(snapshotInOrganisation(checked, org.identities, options.today));
    teams.push(doctorTeam(checked));
  }
  for (const failed of org.sources.failed)
    if (wanted(failed.source.id))
      teams.push({
        id: failed.source.id,
        name: failed.source.name ?? failed.source.id,
        valid: false,
        score: null,
        commit: null,
        error: failed.reason,
        findings: [],
        diagnostics: [],
        warnings: [],
      });
  const findings = organisationFindings(snapshots, options.today, { staleMonths: config.staleMonths });
  for (const failed of org.sources.failed)
    if (wanted(failed.source.id))
      findings.unshift({
        ruleId: "organisation/invalid",
        kind: "invalid",
        severity: "error",
        message: `${failed.source.id}: ${failed.reason}`,
        teams: [failed.source.id],
      });
  const order = new Map(config.sources.map((s, i) => [s.id, i]));
  teams.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const repos = Object.fromEntries(config.sources.filter((s) => wanted(s.id)).map((s) => [s.id, s.repo]));
  return { organisation: config.name, teams, findings, repos };
}

/** Where a team's mined evidence is kept between runs (a cache, as the sync's). */
export const evidenceStore = (dataDir: string, at: SourceAtHead) =>
  join(dataDir, "evidence", `${at.source.id}.db`);

/** What the organisation keeps of a team's check in its organisation (the sync stores the same). */
export function snapshotInOrganisation(
  checked: TeamInOrganisation,
  identities: OrgIdentities,
  syncedAt: string,
  files: Record<string, string> = {},
): TeamSnapshot {
  const id = checked.at.source.id;
  return snapshotOf(checked.check, {
    teamId: id,
    commit: checked.at.head,
    committedAt: checked.at.committedAt,
    syncedAt,
    files,
    name: checked.name,
    keyOf: (p) => identities.of(id, p.id)?.key ?? p.id,
    contextKey: checked.contextKey,
    contextSources: checked.borrowedFrom,
  });
}

function doctorTeam(checked: TeamInOrganisation): OrgDoctorTeam {
  const { check } = checked;
  return {
    id: checked.at.source.id,
    name: checked.name,
    valid: check.valid,
    score: check.score?.overall ?? null,
    commit: checked.at.head,
    findings: check.doctor?.findings ?? [],
    diagnostics: check.valid ? [] : check.diagnostics.filter((d) => d.severity === "error"),
    warnings: check.warnings,
  };
}
