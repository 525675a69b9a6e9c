/**
 * What the organisation keeps of a team model at one commit: the check's figures and findings, and
 * the facts the organisation-wide findings compare across teams (who works where, at what share of
 * their time; who is a single point of failure). Pure types and one pure function.
 */
import type { TeamCheck } from "../app/check-team.ts";
import type { EvidenceReport } from "../evidence/measures.ts";
import type { Model } from "../model/model.ts";
import { identityKeys } from "../model/org-identity.ts";

export interface SnapshotFinding {
  ruleId: string;
  severity: "error" | "warn" | "info";
  message: string;
  subject?: string;
  fix: string;
}

export interface SnapshotPerson {
  id: string;
  name: string;
  /**
   * The person's key across teams: in a check of the organisation, the organisation's id for them
   * (people of different sources matched by id, e-mail or handle); else e-mail, else handle, else name.
   */
  key: string;
  /** Percent of full time allocated to roles in this team, as far as the model records it. */
  allocation: number;
  /** Whether every role the person holds here states its allocation (else the total is not recorded). */
  allocationRecorded?: boolean;
  capacity: number;
  /** What ties the entry to the same person in other teams: `id:…`, `email:…`, `handle:…`. */
  identity?: string[];
  /** Where the person is written (file:line:col), for findings that name them. */
  at?: string;
  /** Production-critical activities (deployment, CI/CD, monitoring, data pipelines…) they are Accountable for. */
  accountableCritical?: string[];
  /** Who they report to (a person id of this or another team's model), for the organisation chart. */
  reportsTo?: string;
  /** The roles they hold here, each with its allocation when recorded. */
  roles?: { role: string; allocation?: number }[];
  /** Competency id → recorded level. */
  skills?: Record<string, number>;
  employment?: "employee" | "contractor" | "vendor";
  /** Ids of the model's teams they are a member of. */
  teams?: string[];
  /** Named the executive sponsor: holding the role, or as a stakeholder of that kind. */
  sponsor?: true;
}

/** A team of the model, for the organisation chart. */
export interface SnapshotTeam {
  id: string;
  name?: string;
  type: string;
  lead?: string;
  members: string[];
  serves: string[];
}

/** An opening (a planned hire), shown as a vacancy. */
export interface SnapshotOpening {
  id: string;
  role: string;
  team?: string;
  status?: string;
}

/** What git evidence said of the team's repository at that commit (when the model asks for evidence). */
export interface SnapshotEvidence {
  commits: number;
  /** Files of the tree the figures count. */
  files: number;
  truckFactor: number;
  /** Counting only people still active in the window. */
  truckFactorActive: number;
  /** The authors the truck factor removes, in order. */
  truckFactorAuthors: string[];
  /** Files of the tree that match no activity. */
  unclassified: number;
  /** Git identities that match no person of the model. */
  unmatched: number;
}

export interface TeamSnapshot {
  teamId: string;
  commit: string;
  /** The commit's date (ISO 8601): when the model last changed. */
  committedAt: string;
  syncedAt: string;
  /** The organisation name the model gives, else the team id. */
  name: string;
  valid: boolean;
  score?: number;
  areas?: Record<string, number>;
  coverage?: number;
  counts: { error: number; warn: number; info: number };
  findings: SnapshotFinding[];
  /** The first input problems, when the model did not validate (file:line:col message). */
  diagnostics: string[];
  people: SnapshotPerson[];
  /** Ids of the people the team's work rests on alone (risk/single-point-of-failure). */
  singlePointsOfFailure: string[];
  /**
   * Whether an executive sponsor is reachable: one of the team's people is one, or reports (through
   * `reportsTo`, across teams in the organisation) to one, or the model names one as a stakeholder.
   */
  sponsorReachable?: boolean;
  /** A fingerprint of the sources' heads the check read, when it was checked in its organisation. */
  contextKey?: string;
  /** The sources the check borrowed entries from (their heads are part of `contextKey`). */
  contextSources?: string[];
  /** The model's own teams and openings (for the organisation chart). */
  teams?: SnapshotTeam[];
  openings?: SnapshotOpening[];
  /** Git evidence, when the model lists its own repository under `evidence.repositories`. */
  evidence?: SnapshotEvidence;
  /** Notes from the check (e.g. an evidence repository the organisation cannot read). */
  warnings?: string[];
  /** The whole evidence the check used, for the team's pages (kept apart from the lists' data). */
  evidenceReport?: EvidenceReport;
  /**
   * The model's own files at that commit (path from the repository's top → text), so that its
   * pages and proposals are served from the snapshot, by any server, without the repository.
   */
  files?: Record<string, string>;
}

/** The key a person is matched by across teams. */
export function personKey(p: Pick<Model["people"][number], "name" | "emails" | "handle">): string {
  const email = p.emails?.[0];
  if (email) return `email:${email.toLowerCase()}`;
  if (p.handle) return `handle:${p.handle.replace(/^@/, "").toLowerCase()}`;
  return `name:${p.name.toLowerCase().replace(/\s+/g, " ").trim()}`;
}

/** The snapshot of one check. */
export function snapshotOf(
  check: TeamCheck,
  facts: {
    teamId: string;
    commit: string;
    committedAt: string;
    syncedAt: string;
    files: Record<string, string>;
    /** The team's name (default: the model's organisation name, else the id). */
    name?: string;
    /** The person's key across teams (default: {@link personKey}). */
    keyOf?: (person: Model["people"][number]) => string;
    contextKey?: string;
    contextSources?: string[];
  },
): TeamSnapshot {
  const findings = check.doctor?.findings ?? [];
  const count = (s: SnapshotFinding["severity"]) => findings.filter((f) => f.severity === s).length;
  const people = check.valid ? snapshotPeople(check, facts.keyOf ?? personKey) : [];
  const { keyOf: _keyOf, ...kept } = facts;
  return {
    ...kept,
    name: facts.name ?? check.model.organisation?.name ?? facts.teamId,
    valid: check.valid,
    ...(check.valid ? { sponsorReachable: sponsorReachable(check), ...structureOf(check.model) } : {}),
    ...(check.score
      ? { score: check.score.overall, areas: check.score.areas, coverage: check.score.coverage.overall }
      : {}),
    counts: { error: count("error"), warn: count("warn"), info: count("info") },
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      ...(f.subject !== undefined ? { subject: f.subject } : {}),
      fix: f.fix,
    })),
    diagnostics: check.diagnostics
      .filter((d) => d.severity === "error")
      .slice(0, 10)
      .map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`),
    people,
    ...evidenceOf(check),
    ...(check.warnings.length > 0 ? { warnings: check.warnings.slice(0, 20) } : {}),
    singlePointsOfFailure: [
      ...new Set(
        findings
          .filter((f) => f.ruleId === "risk/single-point-of-failure" && f.subject !== undefined)
          .map((f) => f.subject as string)
          .filter((s) => people.some((p) => p.id === s)),
      ),
    ],
  };
}

function evidenceOf(check: TeamCheck): { evidence?: SnapshotEvidence; evidenceReport?: EvidenceReport } {
  const repo = check.evidence?.repositories[0];
  if (!check.evidence || !repo) return {};
  const evidence: SnapshotEvidence = {
    commits: repo.commits,
    files: repo.files,
    truckFactor: repo.truckFactor.value,
    truckFactorActive: repo.truckFactorActive.value,
    truckFactorAuthors: repo.truckFactor.removed,
    unclassified: check.evidence.unclassified,
    unmatched: check.evidence.unmatched.length,
  };
  return { evidence, evidenceReport: check.evidence };
}

/** The team's own people with what the organisation compares across teams. */
function snapshotPeople(
  check: TeamCheck,
  keyOf: (person: Model["people"][number]) => string,
): SnapshotPerson[] {
  const { graph, model } = check;
  const accountable = new Map<string, Set<string>>();
  for (const entry of graph.raci) {
    if (!graph.activities.get(entry.activity)?.productionCritical) continue;
    for (const cell of entry.cells)
      if (cell.letter === "A")
        for (const id of cell.people) {
          const set = accountable.get(id) ?? new Set<string>();
          set.add(entry.activity);
          accountable.set(id, set);
        }
  }
  const sponsors = new Set(
    model.stakeholders.flatMap((s) =>
      s.kind === "executive-sponsor" && s.person !== undefined ? [s.person] : [],
    ),
  );
  for (const p of model.people)
    if ((p.roles ?? []).some((r) => (typeof r === "string" ? r : r.role) === "executive-sponsor"))
      sponsors.add(p.id);
  return model.people.map((p) => {
    const at = model.locate(p, ["id"]);
    const critical = [...(accountable.get(p.id) ?? [])].sort();
    return {
      id: p.id,
      name: p.name,
      key: keyOf(p),
      identity: identityKeys(p),
      allocation: (p.roles ?? []).reduce(
        (sum, r) => sum + (typeof r === "string" ? 0 : (r.allocation ?? 0)),
        0,
      ),
      allocationRecorded:
        (p.roles ?? []).length > 0 &&
        (p.roles ?? []).every((r) => typeof r !== "string" && r.allocation !== undefined),
      capacity: p.capacity ?? 100,
      at: `${at.file}:${at.line}:${at.column}`,
      ...(critical.length > 0 ? { accountableCritical: critical } : {}),
      ...(p.reportsTo !== undefined ? { reportsTo: p.reportsTo } : {}),
      roles: (p.roles ?? []).map((r) =>
        typeof r === "string"
          ? { role: r }
          : { role: r.role, ...(r.allocation !== undefined ? { allocation: r.allocation } : {}) },
      ),
      ...(p.skills ? { skills: { ...p.skills } } : {}),
      ...(p.employment ? { employment: p.employment } : {}),
      ...(sponsors.has(p.id) ? { sponsor: true as const } : {}),
      teams: model.teams.filter((t) => (t.members ?? []).includes(p.id) || t.lead === p.id).map((t) => t.id),
    };
  });
}

/** Whether the team reaches an executive sponsor: named, held by one of its people, or up a line of managers. */
function sponsorReachable({ graph, model }: TeamCheck): boolean {
  const sponsors = new Set(graph.holders.get("executive-sponsor") ?? []);
  for (const s of graph.stakeholders)
    if (s.kind === "executive-sponsor") {
      if (s.person === undefined) return true;
      sponsors.add(s.person);
    }
  for (const person of model.people) {
    const seen = new Set<string>();
    for (let id: string | undefined = person.id; id !== undefined && !seen.has(id); ) {
      if (sponsors.has(id)) return true;
      seen.add(id);
      id = graph.people.get(id)?.source.reportsTo;
    }
  }
  return false;
}

/** The model's teams and openings, as the organisation chart draws them. */
function structureOf(model: Model): { teams: SnapshotTeam[]; openings: SnapshotOpening[] } {
  return {
    teams: model.teams.map((t) => ({
      id: t.id,
      ...(t.name ? { name: t.name } : {}),
      type: t.type,
      ...(t.lead !== undefined ? { lead: t.lead } : {}),
      members: t.members ?? [],
      serves: t.serves ?? [],
    })),
    openings: model.openings.map((o) => ({
      id: o.id,
      role: o.role,
      ...(o.team !== undefined ? { team: o.team } : {}),
      ...(o.status !== undefined ? { status: o.status } : {}),
    })),
  };
}
