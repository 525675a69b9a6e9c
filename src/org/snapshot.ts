/**
 * What the organisation keeps of a team model at one commit: the check's figures and findings, and
 * the facts the organisation-wide findings compare across teams (who works where, at what share of
 * their time; who is a single point of failure). Pure types and one pure function.
 */
import type { TeamCheck } from "../app/check-team.ts";
import type { EvidenceReport } from "../evidence/measures.ts";
import type { Model } from "../model/model.ts";

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
  /** How the same person is recognised in other teams' models: e-mail, else handle, else name. */
  key: string;
  /** Percent of full time allocated to roles in this team. */
  allocation: number;
  capacity: number;
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
  },
): TeamSnapshot {
  const findings = check.doctor?.findings ?? [];
  const count = (s: SnapshotFinding["severity"]) => findings.filter((f) => f.severity === s).length;
  const people: SnapshotPerson[] = check.valid
    ? check.model.people.map((p) => ({
        id: p.id,
        name: p.name,
        key: personKey(p),
        allocation: (p.roles ?? []).reduce(
          (sum, r) => sum + (typeof r === "string" ? 0 : (r.allocation ?? 0)),
          0,
        ),
        capacity: p.capacity ?? 100,
      }))
    : [];
  return {
    ...facts,
    name: check.model.organisation?.name ?? facts.teamId,
    valid: check.valid,
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
