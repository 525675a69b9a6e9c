import { existsSync } from "node:fs";
import { SingleBar } from "cli-progress";
import { storePath } from "../../app/evidence.ts";
import { makeClassifier } from "../../evidence/classify.ts";
import { collectEvidence, modelRepositories } from "../../evidence/collect.ts";
import { GitError } from "../../evidence/git.ts";
import { renderEvidenceText } from "../../render/evidence-text.ts";
import { openSqliteStore } from "../../store/sqlite.ts";
import { EXIT, ExitError } from "../exit.ts";
import { err, out, stdoutColors } from "../io.ts";
import { loadValidModel } from "../load.ts";
import { today } from "../today.ts";

export interface EvidenceOptions {
  repo?: string[];
  since?: string;
  format: "text" | "json";
  explain?: string;
}

/** `mlteam evidence`: who really does each activity, from git history. */
export async function evidence(modelPath: string, options: EvidenceOptions): Promise<void> {
  const hasModel = existsSync(modelPath);
  if (!hasModel && modelPath !== "mlteam.yaml") throw new ExitError(EXIT.invalid, `no model at ${modelPath}`);
  const model = hasModel ? (await loadValidModel(modelPath)).model : undefined;
  const settings = model?.evidence?.settings;
  if (options.explain !== undefined) {
    const classify = makeClassifier(
      Object.entries(settings?.patterns ?? {}).map(([activity, patterns]) => ({
        activity,
        patterns,
        origin: "model",
      })),
      { replace: settings?.replacePatterns === true },
    );
    const hit = classify(options.explain);
    out(
      hit
        ? `${options.explain} → ${hit.activity} (pattern "${hit.pattern}", ${hit.origin})`
        : `${options.explain} matches no activity's patterns`,
    );
    return;
  }
  if (options.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.since)) {
    throw new ExitError(EXIT.invalid, `--since must be a date written YYYY-MM-DD, got "${options.since}"`);
  }
  const repositories = (options.repo ?? []).map((path) => ({ path }));
  if (repositories.length === 0 && modelRepositories(model).length === 0) {
    throw new ExitError(
      EXIT.invalid,
      "no repository to read: pass --repo <path> or list them under `evidence.repositories` in the model",
    );
  }
  const store = await openSqliteStore(storePath(model));
  const bar = process.stderr.isTTY
    ? new SingleBar(
        {
          format: "{repo} [{bar}] {value}/{total} commits | {speed} commits/s | ETA {eta}s",
          stream: process.stderr,
          hideCursor: true,
        },
        undefined,
      )
    : undefined;
  let started = 0;
  let current = "";
  try {
    const collected = await collectEvidence({
      ...(model ? { model } : {}),
      repositories,
      store,
      today: today(),
      ...(options.since !== undefined ? { since: options.since } : {}),
      ...(bar
        ? {
            onProgress: (repo: string, done: number, total: number) => {
              if (repo !== current) {
                if (current !== "") bar.stop();
                current = repo;
                started = Date.now();
                bar.start(total, 0, { repo, speed: 0 });
              }
              bar.update(done, { speed: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) });
            },
          }
        : {}),
    });
    bar?.stop();
    for (const warning of collected.warnings) err(`warning: ${warning}`);
    const names = model ? new Map(model.people.map((p) => [p.id, p.name])) : undefined;
    out(
      options.format === "json"
        ? JSON.stringify(collected, replacer, 2)
        : renderEvidenceText(collected, names, stdoutColors()),
    );
  } catch (error) {
    bar?.stop();
    if (error instanceof GitError) throw new ExitError(EXIT.invalid, error.message);
    throw error;
  } finally {
    await store.close();
  }
}

/** Leaves the stored file states out of the JSON (they are the store's business) and writes Maps as objects. */
function replacer(key: string, value: unknown): unknown {
  if (key === "state") {
    const state = value as { key: string; head: string; commits: number; shallow: boolean };
    return { key: state.key, head: state.head, commits: state.commits, shallow: state.shallow };
  }
  return value instanceof Map ? Object.fromEntries(value) : value;
}
