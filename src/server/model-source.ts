/**
 * The model as the server sees it: read from disk when it changed (by content hash), checked, and
 * tagged with an ETag that changes whenever any of its files does.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { type CheckResult, checkModel } from "../analysis/check-model.ts";
import { fsHost } from "../io/fs-host.ts";

export interface LoadedModel {
  etag: string;
  checked: CheckResult;
}

export class ModelSource {
  #cached: LoadedModel | undefined;

  constructor(
    readonly path: string,
    private readonly today: () => string,
  ) {}

  /** The ETag of the files as they are on disk now. */
  currentEtag(files: readonly string[] = this.#cached?.checked.model.files ?? [this.path]): string {
    const hash = createHash("sha256");
    for (const file of files) {
      hash.update(file);
      try {
        hash.update(readFileSync(file));
      } catch {
        hash.update("\u0000missing");
      }
    }
    return `"${hash.digest("hex").slice(0, 32)}"`;
  }

  /** The checked model, reloaded when a file changed since the last call. */
  load(): LoadedModel {
    const etag = this.currentEtag();
    if (this.#cached && this.#cached.etag === etag) return this.#cached;
    const checked = checkModel(this.path, fsHost, { today: this.today() });
    this.#cached = { etag: this.currentEtag(checked.model.files), checked };
    return this.#cached;
  }
}
