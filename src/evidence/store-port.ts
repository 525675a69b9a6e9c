/**
 * The port the evidence miner saves its progress through: each repository's last commit mined, its
 * per-file authorship, and the per-file measures of the last run (src/evidence/file-facts.ts) for
 * the next run to reuse. The embedded SQLite store (src/store/) implements it; the evidence layer
 * depends only on this interface.
 */
import type { FileState } from "./authorship.ts";
import type { MeasureCache } from "./file-facts.ts";

export interface RepoState {
  key: string;
  head: string;
  commits: number;
  shallow: boolean;
  files: Map<number, FileState>;
  /** Stored by an older format: only `head` is meaningful (to replace it); mine everything again. */
  outdated?: boolean;
}

export interface EvidenceStore {
  /** A repository's stored state; its files' developers may be read on first use, while the store is open. */
  load(key: string): Promise<RepoState | undefined>;
  /**
   * Saves the files in `changed` (all when omitted) and the new head, if the stored head is still
   * `expectedHead`; returns false when another process moved it meanwhile (the caller starts again).
   */
  save(state: RepoState, expectedHead: string | undefined, changed?: ReadonlySet<number>): Promise<boolean>;
  /** The per-file measures kept by the last run on this repository. */
  loadMeasures(key: string): Promise<MeasureCache | undefined>;
  /** Keeps a repository's per-file measures for the next run (replacing the previous). */
  saveMeasures(key: string, cache: MeasureCache): Promise<void>;
  close(): Promise<void>;
}
