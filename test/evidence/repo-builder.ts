/** Builds throwaway git repositories for tests: fixed authors and dates, no signing, no global config. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface Author {
  name: string;
  email: string;
}

export class RepoBuilder {
  readonly dir: string;
  #clock = Date.UTC(2026, 0, 1) / 1000;

  constructor(dir = mkdtempSync(join(tmpdir(), "mlteam-repo-"))) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
    this.git("init", "-q", "-b", "main");
  }

  git(...args: string[]): string {
    const r = spawnSync("git", ["-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null", ...args], {
      cwd: this.dir,
      encoding: "utf8",
      env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
    });
    if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
    return r.stdout;
  }

  write(path: string | Buffer, content = `${String(path)}\n${this.#clock}\n`): this {
    const full = join(this.dir, typeof path === "string" ? path : path.toString("latin1"));
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(
      typeof path === "string" ? full : Buffer.concat([Buffer.from(`${this.dir}/`), path]),
      content,
    );
    return this;
  }

  /** Commits everything staged or changed, as `author`, one day after the previous commit. */
  commit(author: Author, message = "change", trailers: string[] = []): string {
    this.#clock += 86_400;
    const date = `${this.#clock} +0000`;
    spawnSync("git", ["add", "-A"], { cwd: this.dir });
    const r = spawnSync(
      "git",
      [
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        [message, "", ...trailers].join("\n"),
      ],
      {
        cwd: this.dir,
        encoding: "utf8",
        env: {
          ...process.env,
          GIT_CONFIG_GLOBAL: "/dev/null",
          GIT_AUTHOR_NAME: author.name,
          GIT_AUTHOR_EMAIL: author.email,
          GIT_AUTHOR_DATE: date,
          GIT_COMMITTER_NAME: author.name,
          GIT_COMMITTER_EMAIL: author.email,
          GIT_COMMITTER_DATE: date,
        },
      },
    );
    if (r.status !== 0) throw new Error(`commit: ${r.stderr}`);
    return this.git("rev-parse", "HEAD").trim();
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
