/**
 * The organisation file, `mlteam-org.yaml`: the organisation's name and the team models it
 * gathers, each a git repository (a local path or a URL) with the model's path and the branch to
 * read. Validated by one schema, which also gives the editor's JSON Schema
 * (schema/mlteam-org.schema.json); problems are located diagnostics (file:line:col). Pure apart
 * from the loader's one read.
 */

import { readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { z } from "zod";
import { DEFAULT_MODEL_FILE } from "../model/default-file.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { schemaDiagnostics } from "../model/schema-issues.ts";
import { parseYaml } from "../model/yaml-source.ts";

export const DEFAULT_ORG_FILE = "mlteam-org.yaml";

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes, starting with a letter or digit");

export const sourceSchema = z
  .object({
    id: id.optional().describe("The team's id in the organisation (default: from the repository's name)."),
    name: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The team's name as the organisation shows it (default: the name of the model's team, else the id).",
      ),
    repo: z
      .string()
      .min(1)
      .describe(
        "The team's git repository: a local path (relative to this file) or a URL (https://, ssh://, git@host:path, file://). Credentials come from the environment or the git credential helper, never from this file.",
      ),
    model: z.string().min(1).optional().describe("The model's path in the repository (default mlteam.yaml)."),
    branch: z.string().min(1).optional().describe("The branch or ref to read (default HEAD)."),
  })
  .strict();

export const ROLES = ["viewer", "editor", "admin", "auditor"] as const;
export type OrgRole = (typeof ROLES)[number];

const roleGroups = z
  .object({
    viewer: z.array(z.string()).optional(),
    editor: z.array(z.string()).optional(),
    admin: z.array(z.string()).optional(),
    auditor: z.array(z.string()).optional(),
  })
  .strict();

export const authSchema = z
  .object({
    issuer: z
      .string()
      .url()
      .describe("The OpenID Connect issuer (its /.well-known/openid-configuration is read)."),
    clientId: z.string().min(1).describe("This server's client id at the issuer."),
    clientSecretEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/)
      .optional()
      .describe(
        "The environment variable holding the client secret (default MLTEAM_OIDC_CLIENT_SECRET); never the secret itself.",
      ),
    publicUrl: z
      .string()
      .url()
      .describe("The server's address as browsers reach it; the redirect URI is <publicUrl>/auth/callback."),
    groupsClaim: z
      .string()
      .min(1)
      .optional()
      .describe("The ID token claim listing the user's groups (default groups)."),
    requireVerifiedEmail: z
      .boolean()
      .optional()
      .describe(
        "Refuse a login whose ID token has no e-mail the provider verified (email_verified: true). Default false: such a login is known by its subject alone, sub:<sub>@<issuer without https://>. An unverified e-mail or preferred_username never names a user.",
      ),
    roles: roleGroups.describe(
      "Role → the groups that hold it, organisation-wide (admin includes editor and viewer; editor includes viewer).",
    ),
    teams: z
      .record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a team id"), roleGroups)
      .optional()
      .describe("Team id → role → the groups that hold that role on that team only."),
  })
  .strict();

export type OrgAuth = z.infer<typeof authSchema>;

export const orgFileSchema = z
  .object({
    name: z.string().min(1).describe("The organisation's name."),
    sources: z.array(sourceSchema).describe("The team models to gather, one per repository and model."),
    database: z
      .string()
      .optional()
      .describe(
        "Where snapshots are kept: a file path for the embedded store (default .mlteam-org/org.db beside this file) or postgres://… (or MLTEAM_DATABASE_URL).",
      ),
    auth: authSchema
      .optional()
      .describe("OpenID Connect login: when set, every request needs a session or an API token."),
    staleMonths: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe("A model whose last change is older than this many months is stale (default 6)."),
    syncMinutes: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe("How often `mlteam org serve` syncs in the background (default 15)."),
  })
  .strict();

export type OrgFile = z.infer<typeof orgFileSchema>;

/** A source as the sync reads it: its id settled, its local path made absolute. */
export interface OrgSource {
  id: string;
  /** The name the organisation file gives the team, when it gives one. */
  name?: string;
  repo: string;
  /** Whether `repo` is a URL to clone (else a local repository, read in place). */
  remote: boolean;
  model: string;
  branch: string;
}

export interface OrgConfig {
  file: string;
  name: string;
  sources: OrgSource[];
  database?: string;
  auth?: OrgAuth;
  staleMonths: number;
  syncMinutes: number;
}

export type OrgConfigResult = { ok: true; config: OrgConfig } | { ok: false; diagnostics: Diagnostic[] };

const isUrl = (repo: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(repo) || /^[\w.-]+@[\w.-]+:/.test(repo);

/** The default id of a source: its repository's last path segment, without `.git`. */
export function sourceIdOf(repo: string): string {
  const last =
    repo
      .replace(/[/\\]+$/, "")
      .split(/[/\\:]/)
      .at(-1) ?? repo;
  return (
    last
      .replace(/\.git$/, "")
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "team"
  );
}

/** Reads and validates the organisation file; every problem is a located diagnostic. */
export function loadOrgConfig(
  file: string,
  read: (path: string) => string = (p) => readFileSync(p, "utf8"),
): OrgConfigResult {
  let text: string;
  try {
    text = read(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    return { ok: false, diagnostics: [located(file, 1, 1, "file-not-found", `${file}: ${reason}`)] };
  }
  return parseOrgConfig(file, text);
}

/** Validates the organisation file's text (as read from `file`, which relative paths start from). */
export function parseOrgConfig(file: string, text: string): OrgConfigResult {
  const parsed = parseYaml(file, text);
  if (!parsed.ok)
    return {
      ok: false,
      diagnostics: [
        located(file, parsed.position.line, parsed.position.column, "yaml-syntax", parsed.message),
      ],
    };
  const value = parsed.value ?? {};
  const result = orgFileSchema.safeParse(value);
  if (!result.success)
    return {
      ok: false,
      diagnostics: schemaDiagnostics(result.error.issues, value, parsed.source, orgFileSchema),
    };
  const base = dirname(resolve(file));
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, number>();
  const sources = result.data.sources.map((s, index): OrgSource => {
    const remote = isUrl(s.repo);
    const sourceId = s.id ?? sourceIdOf(s.repo);
    const before = seen.get(sourceId);
    if (before !== undefined) {
      const at = parsed.source.locate(["sources", index, s.id ? "id" : "repo"]);
      diagnostics.push(
        located(
          file,
          at.line,
          at.column,
          "duplicate-id",
          `sources[${index}]: the id "${sourceId}" is also sources[${before}]'s; give one an \`id\``,
        ),
      );
    } else seen.set(sourceId, index);
    return {
      id: sourceId,
      ...(s.name !== undefined ? { name: s.name } : {}),
      repo: remote || isAbsolute(s.repo) ? s.repo : resolve(base, s.repo),
      remote,
      model: s.model ?? DEFAULT_MODEL_FILE,
      branch: s.branch ?? "HEAD",
    };
  });
  for (const team of Object.keys(result.data.auth?.teams ?? {}))
    if (!seen.has(team)) {
      const at = parsed.source.locate(["auth", "teams", team]);
      const ids = [...seen.keys()];
      diagnostics.push(
        located(
          file,
          at.line,
          at.column,
          "unknown-reference",
          `auth.teams: no source has the id "${team}"${ids.length ? ` (the ids are ${ids.join(", ")})` : ""}`,
        ),
      );
    }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return {
    ok: true,
    config: {
      file,
      name: result.data.name,
      sources,
      ...(result.data.database !== undefined ? { database: result.data.database } : {}),
      ...(result.data.auth !== undefined ? { auth: result.data.auth } : {}),
      staleMonths: result.data.staleMonths ?? 6,
      syncMinutes: result.data.syncMinutes ?? 15,
    },
  };
}

function located(
  file: string,
  line: number,
  column: number,
  code: Diagnostic["code"],
  message: string,
): Diagnostic {
  return { file, line, column, severity: "error", code, message };
}

/** The JSON Schema (draft 2020-12) of the organisation file, for editors. */
export function orgJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(orgFileSchema, {
      target: "draft-2020-12",
      io: "input",
      unrepresentable: "any",
    }) as object),
    title: "mlteam organisation",
  };
}
