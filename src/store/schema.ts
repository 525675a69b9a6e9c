/** The evidence store's tables, for the Kysely query layer (SQLite now, PostgreSQL next). */
import type { Generated } from "kysely";

export interface ReposTable {
  /** The repository's absolute path and branch, e.g. "/src/ml-platform#main". */
  key: string;
  head: string;
  commits: number;
  shallow: number;
  updated_at: string;
  version: Generated<number>;
}

export interface FilesTable {
  repo: string;
  id: number;
  path: string;
  at_head: number;
  created: number;
  oldest_path: string;
}

export interface AuthorshipTable {
  repo: string;
  file_id: number;
  dev: string;
  fa: number;
  dl: number;
  last: number;
  /** JSON: { "YYYY-MM": count }. */
  months: string;
}

export interface StoreDatabase {
  repos: ReposTable;
  files: FilesTable;
  authorship: AuthorshipTable;
}
