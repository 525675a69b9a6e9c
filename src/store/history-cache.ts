/**
 * The history's cache: the check of each model version, keyed by its files' blob ids and the day it
 * is checked as of, in the embedded SQLite store beside the model — so a re-run checks only new commits.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { switchToWal } from "./sqlite.ts";

export interface HistoryCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  close(): void;
}

/** Bumped when what is cached changes shape or meaning (rules, score): old entries are then ignored. */
const VERSION = 1;

export function openHistoryCache(file: string, salt: string): HistoryCache {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 30_000 });
  switchToWal(db);
  db.exec("CREATE TABLE IF NOT EXISTS history_points (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  const prefix = `${VERSION}:${salt}:`;
  const get = db.prepare<[string], { value: string }>("SELECT value FROM history_points WHERE key = ?");
  const set = db.prepare("INSERT OR REPLACE INTO history_points (key, value) VALUES (?, ?)");
  return {
    get: (key) => get.get(prefix + key)?.value,
    set: (key, value) => void set.run(prefix + key, value),
    close: () => db.close(),
  };
}
