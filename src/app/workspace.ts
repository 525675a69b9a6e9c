/**
 * One model as a long-running surface (the server, the dashboard) sees it: checked through
 * {@link checkTeam} once per version, with an ETag that changes whenever any of its files changes,
 * or a YAML file appears in or leaves a directory it reads.
 */
import { createHash } from "node:crypto";
import type { WritableHost } from "../io/fs-host.ts";
import { modelFolder } from "../model/load.ts";
import { type CheckTeamOptions, checkTeam, type TeamCheck } from "./check-team.ts";

export interface Checked {
  etag: string;
  check: TeamCheck;
}

export class ModelWorkspace {
  #cached: Checked | undefined;
  #pending: { etag: string; promise: Promise<Checked> } | undefined;

  constructor(
    readonly entry: string,
    readonly host: WritableHost,
    private readonly options: Omit<CheckTeamOptions, "host" | "today"> & { today: () => string },
  ) {}

  /** The folder the model stands in (the entry itself for a folder model). */
  get folder(): string {
    return modelFolder(this.entry, this.host);
  }

  /** The version of the model's files as they are now. */
  etag(): string {
    const files = this.#cached?.check.model.files ?? [this.entry];
    const directories = this.#cached?.check.model.directories ?? [];
    const hash = createHash("sha256");
    // The set of files a directory contributes is part of the version, not only their bytes.
    for (const dir of [this.entry, ...directories]) {
      hash.update(`dir\u0000${dir}\u0000${(this.host.listYamlFiles(dir) ?? []).join("\u0000")}\u0000`);
    }
    for (const file of files) {
      hash.update(`file\u0000${file}\u0000`);
      try {
        hash.update(this.host.readFile(file) ?? "\u0000missing");
      } catch {
        hash.update("\u0000unreadable");
      }
    }
    return `"${hash.digest("hex").slice(0, 32)}"`;
  }

  /** The checked model, re-checked when its files changed since the last call. */
  async current(): Promise<Checked> {
    const etag = this.etag();
    if (this.#cached?.etag === etag) return this.#cached;
    if (this.#pending?.etag === etag) return this.#pending.promise;
    const promise = (async () => {
      const check = await checkTeam(this.entry, {
        ...this.options,
        host: this.host,
        today: this.options.today(),
      });
      this.#cached = { etag: "", check };
      // The files read may be more than the ones known before this check (new includes).
      this.#cached.etag = this.etag();
      return this.#cached;
    })();
    this.#pending = { etag, promise };
    try {
      return await promise;
    } finally {
      if (this.#pending?.promise === promise) this.#pending = undefined;
    }
  }
}
