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

/** One file's history: where it is, and each developer's aggregates as JSON. */
export interface FileHistoryTable {
  repo: string;
  id: number;
  path: string;
  at_head: number;
  created: number;
  oldest_path: string;
  /** JSON: { "<dev>": [fa, dl, last, { "YYYY-MM": count }] }. */
  devs: string;
}

export interface StoreDatabase {
  repos: ReposTable;
  file_history: FileHistoryTable;
}
