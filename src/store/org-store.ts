/**
 * The organisation store over Kysely: the same queries for the embedded SQLite file (the default)
 * and PostgreSQL (`postgres://…`), with versioned migrations (Kysely's Migrator, in code). Each
 * database's connection is in a file of its own: `org-store-sqlite.ts`, `org-store-postgres.ts`.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import { isPostgresUrl } from "../org/database-url.ts";
import type { TeamSnapshot } from "../org/snapshot.ts";
import type {
  AccessLogEntry,
  ApiToken,
  OrgStore,
  RoleAssignment,
  Session,
  TeamRecord,
} from "../org/store-port.ts";

interface TeamsTable {
  id: string;
  repo: string;
  model: string;
  branch: string;
  head: string | null;
  error: string | null;
  checked_at: string;
}

interface SnapshotsTable {
  team_id: string;
  commit_id: string;
  committed_at: string;
  synced_at: string;
  /** The snapshot as JSON, without the model's files. */
  data: string;
  /** The model's files (path → text) as JSON: read for one snapshot only, never for the views. */
  model_files: string | null;
  /** The check's whole evidence report as JSON, likewise. */
  evidence_report: string | null;
}

interface SessionsTable {
  id: string;
  subject: string;
  name: string;
  roles: string;
  csrf: string;
  expires_at: string;
}

interface TokensTable {
  id: string;
  name: string;
  hash: string;
  roles: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  /** The token that created this one, if a token did. */
  parent: string | null;
}

interface AuditTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  detail: string;
}

interface AssignmentsTable {
  id: string;
  subject: string;
  grant_text: string;
  assigned_by: string;
  assigned_at: string;
}

export interface OrgDatabase {
  org_teams: TeamsTable;
  org_snapshots: SnapshotsTable;
  org_sessions: SessionsTable;
  org_tokens: TokensTable;
  org_audit: AuditTable;
  org_assignments: AssignmentsTable;
}

/** The migrations, in order; a new one is appended, never edited once released. */
const MIGRATIONS: Record<string, Migration> = {
  "0001-teams-and-snapshots": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("org_teams")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("repo", "text", (c) => c.notNull())
        .addColumn("model", "text", (c) => c.notNull())
        .addColumn("branch", "text", (c) => c.notNull())
        .addColumn("head", "text")
        .addColumn("error", "text")
        .addColumn("checked_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("org_snapshots")
        .addColumn("team_id", "text", (c) => c.notNull())
        .addColumn("commit_id", "text", (c) => c.notNull())
        .addColumn("committed_at", "text", (c) => c.notNull())
        .addColumn("synced_at", "text", (c) => c.notNull())
        .addColumn("data", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("org_snapshots_pk", ["team_id", "commit_id"])
        .execute();
    },
  },
};

MIGRATIONS["0002-sessions-tokens-audit"] = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("org_sessions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("roles", "text", (c) => c.notNull())
      .addColumn("csrf", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("org_tokens")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("hash", "text", (c) => c.notNull().unique())
      .addColumn("roles", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("revoked_at", "text")
      .execute();
    await db.schema
      .createTable("org_audit")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("detail", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("org_audit_at").on("org_audit").columns(["at", "id"]).execute();
  },
};

MIGRATIONS["0003-role-assignments"] = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("org_assignments")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("grant_text", "text", (c) => c.notNull())
      .addColumn("assigned_by", "text", (c) => c.notNull())
      .addColumn("assigned_at", "text", (c) => c.notNull())
      .addUniqueConstraint("org_assignments_subject_grant", ["subject", "grant_text"])
      .execute();
  },
};

MIGRATIONS["0004-snapshot-model-files"] = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("org_snapshots").addColumn("model_files", "text").execute();
  },
};

MIGRATIONS["0005-snapshot-evidence-report"] = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("org_snapshots").addColumn("evidence_report", "text").execute();
  },
};

MIGRATIONS["0006-token-parent"] = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("org_tokens").addColumn("parent", "text").execute();
    await db.schema.createIndex("org_tokens_parent").on("org_tokens").column("parent").execute();
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Opens the store (creating or upgrading its tables); throws when the database cannot be reached. */
export async function openOrgStore(database: string): Promise<OrgStore> {
  const db = isPostgresUrl(database)
    ? await (await import("./org-store-postgres.ts")).postgresOrgDatabase(database)
    : await (await import("./org-store-sqlite.ts")).sqliteOrgDatabase(database);
  const { error } = await new Migrator({
    db,
    provider,
    migrationTableName: "org_migrations",
  }).migrateToLatest();
  if (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return new KyselyOrgStore(db);
}

class KyselyOrgStore implements OrgStore {
  constructor(private readonly db: Kysely<OrgDatabase>) {}

  async teams(): Promise<TeamRecord[]> {
    const rows = await this.db.selectFrom("org_teams").selectAll().orderBy("id").execute();
    return rows.map(teamOf);
  }

  async team(id: string): Promise<TeamRecord | undefined> {
    const row = await this.db.selectFrom("org_teams").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? teamOf(row) : undefined;
  }

  async saveTeam(team: TeamRecord): Promise<void> {
    const row: TeamsTable = {
      id: team.id,
      repo: team.repo,
      model: team.model,
      branch: team.branch,
      head: team.head ?? null,
      error: team.error ?? null,
      checked_at: team.checkedAt,
    };
    await this.db
      .insertInto("org_teams")
      .values(row)
      .onConflict((oc) =>
        oc.column("id").doUpdateSet({
          repo: row.repo,
          model: row.model,
          branch: row.branch,
          head: row.head,
          error: row.error,
          checked_at: row.checked_at,
        }),
      )
      .execute();
  }

  async removeTeamsExcept(ids: readonly string[]): Promise<void> {
    const gone = (await this.db.selectFrom("org_teams").select("id").execute())
      .map((r) => r.id)
      .filter((id) => !ids.includes(id));
    if (gone.length === 0) return;
    await this.db.deleteFrom("org_snapshots").where("team_id", "in", gone).execute();
    await this.db.deleteFrom("org_teams").where("id", "in", gone).execute();
  }

  async hasSnapshot(teamId: string, commit: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("org_snapshots")
      .select("commit_id")
      .where("team_id", "=", teamId)
      .where("commit_id", "=", commit)
      .executeTakeFirst();
    return row !== undefined;
  }

  async saveSnapshot(s: TeamSnapshot): Promise<void> {
    await this.db
      .insertInto("org_snapshots")
      .values({
        team_id: s.teamId,
        commit_id: s.commit,
        committed_at: s.committedAt,
        synced_at: s.syncedAt,
        data: JSON.stringify({ ...s, files: undefined, evidenceReport: undefined }),
        model_files: s.files ? JSON.stringify(s.files) : null,
        evidence_report: s.evidenceReport ? JSON.stringify(s.evidenceReport) : null,
      })
      // The same commit checked again because another source it reads moved: the new check replaces it.
      .onConflict((oc) =>
        oc.columns(["team_id", "commit_id"]).doUpdateSet((eb) => ({
          synced_at: eb.ref("excluded.synced_at"),
          data: eb.ref("excluded.data"),
          model_files: eb.ref("excluded.model_files"),
          evidence_report: eb.ref("excluded.evidence_report"),
        })),
      )
      .execute();
  }

  async snapshot(teamId: string, commit: string): Promise<TeamSnapshot | undefined> {
    const row = await this.db
      .selectFrom("org_snapshots")
      .select(["data", "model_files", "evidence_report"])
      .where("team_id", "=", teamId)
      .where("commit_id", "=", commit)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      ...(JSON.parse(row.data) as TeamSnapshot),
      ...(row.model_files ? { files: JSON.parse(row.model_files) as Record<string, string> } : {}),
      ...(row.evidence_report
        ? { evidenceReport: JSON.parse(row.evidence_report) as NonNullable<TeamSnapshot["evidenceReport"]> }
        : {}),
    };
  }

  async current(): Promise<{ team: TeamRecord; snapshot?: TeamSnapshot }[]> {
    const rows = await this.db
      .selectFrom("org_teams as t")
      .leftJoin("org_snapshots as s", (join) =>
        join.onRef("s.team_id", "=", "t.id").onRef("s.commit_id", "=", "t.head"),
      )
      .select(["t.id", "t.repo", "t.model", "t.branch", "t.head", "t.error", "t.checked_at", "s.data"])
      .orderBy("t.id")
      .execute();
    return rows.map((row) => {
      const team = teamOf(row);
      return row.data ? { team, snapshot: JSON.parse(row.data) as TeamSnapshot } : { team };
    });
  }

  async revision(): Promise<string> {
    // One round trip: the teams' and the snapshots' counts and latest writes.
    const { rows } = await sql<{ teams: unknown; checked: unknown; snapshots: unknown; synced: unknown }>`
      select (select count(*) from org_teams) as teams, (select max(checked_at) from org_teams) as checked,
             (select count(*) from org_snapshots) as snapshots, (select max(synced_at) from org_snapshots) as synced`.execute(
      this.db,
    );
    const row = rows[0];
    return `${String(row?.teams ?? 0)}|${String(row?.checked ?? "")}|${String(row?.snapshots ?? 0)}|${String(row?.synced ?? "")}`;
  }

  async history(teamId: string): Promise<TeamSnapshot[]> {
    const rows = await this.db
      .selectFrom("org_snapshots")
      .select("data")
      .where("team_id", "=", teamId)
      .orderBy("committed_at")
      .orderBy("synced_at")
      .execute();
    return rows.map((r) => JSON.parse(r.data) as TeamSnapshot);
  }

  async saveSession(x: Session): Promise<void> {
    await this.db
      .insertInto("org_sessions")
      .values({
        id: x.id,
        subject: x.subject,
        name: x.name,
        roles: JSON.stringify(x.roles),
        csrf: x.csrf,
        expires_at: x.expiresAt,
      })
      .execute();
  }

  async session(id: string): Promise<Session | undefined> {
    const row = await this.db.selectFrom("org_sessions").selectAll().where("id", "=", id).executeTakeFirst();
    return row
      ? {
          id: row.id,
          subject: row.subject,
          name: row.name,
          roles: JSON.parse(row.roles) as string[],
          csrf: row.csrf,
          expiresAt: row.expires_at,
        }
      : undefined;
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom("org_sessions").where("id", "=", id).execute();
  }

  async saveToken(t: ApiToken): Promise<void> {
    await this.db
      .insertInto("org_tokens")
      .values({
        id: t.id,
        name: t.name,
        hash: t.hash,
        roles: JSON.stringify(t.roles),
        created_by: t.createdBy,
        created_at: t.createdAt,
        expires_at: t.expiresAt,
        revoked_at: t.revokedAt ?? null,
        parent: t.parent ?? null,
      })
      .execute();
  }

  async tokenByHash(hash: string): Promise<ApiToken | undefined> {
    const row = await this.db
      .selectFrom("org_tokens")
      .selectAll()
      .where("hash", "=", hash)
      .executeTakeFirst();
    return row ? tokenOf(row) : undefined;
  }

  async token(id: string): Promise<ApiToken | undefined> {
    const row = await this.db.selectFrom("org_tokens").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? tokenOf(row) : undefined;
  }

  async tokens(): Promise<ApiToken[]> {
    return (
      await this.db.selectFrom("org_tokens").selectAll().orderBy("created_at").orderBy("id").execute()
    ).map(tokenOf);
  }

  async revokeToken(id: string, at: string): Promise<string[]> {
    return this.db.transaction().execute(async (tx) => {
      // The token and its descendants, breadth first (the tree is small: one level per query).
      const tree: string[] = [];
      let level = (await tx.selectFrom("org_tokens").select("id").where("id", "=", id).execute()).map(
        (r) => r.id,
      );
      while (level.length > 0) {
        const fresh = level.filter((x) => !tree.includes(x));
        tree.push(...fresh);
        if (fresh.length === 0) break;
        level = (
          await tx
            .selectFrom("org_tokens")
            .select("id")
            .where("parent", "in", fresh)
            .orderBy("created_at")
            .orderBy("id")
            .execute()
        ).map((r) => r.id);
      }
      if (tree.length === 0) return [];
      const revoked = new Set(
        (
          await tx
            .updateTable("org_tokens")
            .set({ revoked_at: at })
            .where("id", "in", tree)
            .where("revoked_at", "is", null)
            .returning("id")
            .execute()
        ).map((r) => r.id),
      );
      return tree.filter((x) => revoked.has(x));
    });
  }

  async assignments(subject?: string): Promise<RoleAssignment[]> {
    let query = this.db.selectFrom("org_assignments").selectAll();
    if (subject !== undefined) query = query.where("subject", "=", subject);
    return (await query.orderBy("assigned_at").orderBy("id").execute()).map(assignmentOf);
  }

  async assign(a: RoleAssignment): Promise<boolean> {
    const result = await this.db
      .insertInto("org_assignments")
      .values({
        id: a.id,
        subject: a.subject,
        grant_text: a.grant,
        assigned_by: a.assignedBy,
        assigned_at: a.assignedAt,
      })
      .onConflict((oc) => oc.columns(["subject", "grant_text"]).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async unassign(id: string): Promise<RoleAssignment | undefined> {
    const row = await this.db
      .deleteFrom("org_assignments")
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
    return row ? assignmentOf(row) : undefined;
  }

  async appendAccessLog(e: AccessLogEntry): Promise<void> {
    await this.db
      .insertInto("org_audit")
      .values({ id: e.id, at: e.at, actor: e.actor, action: e.action, detail: JSON.stringify(e.detail) })
      .execute();
  }

  async readAccessLog(limit: number): Promise<AccessLogEntry[]> {
    const rows = await this.db
      .selectFrom("org_audit")
      .selectAll()
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action as AccessLogEntry["action"],
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
  }

  async ping(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

function assignmentOf(row: AssignmentsTable): RoleAssignment {
  return {
    id: row.id,
    subject: row.subject,
    grant: row.grant_text,
    assignedBy: row.assigned_by,
    assignedAt: row.assigned_at,
  };
}

function tokenOf(row: TokensTable): ApiToken {
  return {
    id: row.id,
    name: row.name,
    hash: row.hash,
    roles: JSON.parse(row.roles) as string[],
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ...(row.parent !== null ? { parent: row.parent } : {}),
    ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
  };
}

function teamOf(row: TeamsTable): TeamRecord {
  return {
    id: row.id,
    repo: row.repo,
    model: row.model,
    branch: row.branch,
    ...(row.head !== null ? { head: row.head } : {}),
    ...(row.error !== null ? { error: row.error } : {}),
    checkedAt: row.checked_at,
  };
}
