/**
 * The port the organisation's use cases keep their state through: each team (its source and the
 * last sync's outcome) and its snapshots by commit. Implemented over Kysely for the embedded
 * SQLite store and for PostgreSQL (src/store/org-store.ts); one contract test runs against both.
 */
import type { TeamSnapshot } from "./snapshot.ts";

export interface TeamRecord {
  id: string;
  repo: string;
  model: string;
  branch: string;
  /** The commit last synced (its snapshot is the team's current one), if any. */
  head?: string;
  /** Why the last sync of this team failed (repository missing, branch gone…), if it did. */
  error?: string;
  checkedAt: string;
}

export interface Session {
  /** SHA-256 of the cookie's value (the value itself is never stored). */
  id: string;
  subject: string;
  name: string;
  roles: string[];
  /** The token a browser sends back on writes (X-CSRF-Token). */
  csrf: string;
  expiresAt: string;
}

export interface ApiToken {
  id: string;
  name: string;
  /** SHA-256 of the token (shown once, never stored). */
  hash: string;
  roles: string[];
  /** Who created it, as the access log names them. */
  createdBy: string;
  /** The token that created it, when a token did (revoking that one revokes this one). */
  parent?: string;
  createdAt: string;
  /** Never later than its parent's. */
  expiresAt: string;
  revokedAt?: string;
}

/** A role an admin assigned to a person (by the subject their login gives), organisation-wide or on one team. */
export interface RoleAssignment {
  id: string;
  subject: string;
  /** `role` or `role@team` (see org/grants.ts). */
  grant: string;
  assignedBy: string;
  assignedAt: string;
}

export interface AccessLogEntry {
  id: string;
  at: string;
  actor: string;
  action:
    | "login"
    | "logout"
    | "token-created"
    | "token-revoked"
    | "sync-requested"
    | "audit-exported"
    | "config-loaded"
    | "change-proposed"
    | "role-assigned"
    | "role-removed"
    | "access-refused";
  detail: Record<string, unknown>;
}

export interface OrgStore {
  teams(): Promise<TeamRecord[]>;
  team(id: string): Promise<TeamRecord | undefined>;
  /** Records a sync's outcome for a team (creating it on first sight). */
  saveTeam(team: TeamRecord): Promise<void>;
  /** Removes teams no longer listed in the organisation file (their snapshots too). */
  removeTeamsExcept(ids: readonly string[]): Promise<void>;
  hasSnapshot(teamId: string, commit: string): Promise<boolean>;
  /** Keeps the snapshot of a commit, replacing one kept for the same commit (checked again in a new context). */
  saveSnapshot(snapshot: TeamSnapshot): Promise<void>;
  /** One snapshot, with the model's files. */
  snapshot(teamId: string, commit: string): Promise<TeamSnapshot | undefined>;
  /** Every team with its current snapshot (the one at its `head`, without the model's files), in one query. */
  current(): Promise<{ team: TeamRecord; snapshot?: TeamSnapshot }[]>;
  /**
   * Changes whenever a team or snapshot is written (by any process): what was computed from the
   * store for one revision holds until it changes.
   */
  revision(): Promise<string>;
  /** A team's snapshots, oldest change first (without the model's files). */
  history(teamId: string): Promise<TeamSnapshot[]>;
  saveSession(session: Session): Promise<void>;
  session(id: string): Promise<Session | undefined>;
  deleteSession(id: string): Promise<void>;
  saveToken(token: ApiToken): Promise<void>;
  tokenByHash(hash: string): Promise<ApiToken | undefined>;
  token(id: string): Promise<ApiToken | undefined>;
  tokens(): Promise<ApiToken[]>;
  /**
   * Revokes a token and every token it created, transitively (those not revoked yet); the ids
   * revoked now, the token's own first when it was live — none when there is no such token or all
   * were revoked already.
   */
  revokeToken(id: string, at: string): Promise<string[]>;
  /** Roles assigned by an admin: to one subject, or all of them. */
  assignments(subject?: string): Promise<RoleAssignment[]>;
  /** Records an assignment; false when the subject already has that grant. */
  assign(assignment: RoleAssignment): Promise<boolean>;
  /** Removes an assignment; the removed one, or undefined when there was none. */
  unassign(id: string): Promise<RoleAssignment | undefined>;
  /** Appends to the access log — who did what on the server (never updated nor deleted). */
  appendAccessLog(entry: AccessLogEntry): Promise<void>;
  readAccessLog(limit: number): Promise<AccessLogEntry[]>;
  /** Whether the database answers (for a 503 while it does not). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
