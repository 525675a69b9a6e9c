/**
 * An incremental parser for `git log -z --name-status` with the header format of
 * {@link LOG_FORMAT}: it takes the output in chunks as git streams it and emits one commit at a
 * time, so the whole log is never held in memory. Pure: tested on strings.
 */

/** `%x01` starts a commit; header fields are separated by `%x02`; trailer values by `%x1f`. */
export const LOG_FORMAT =
  "%x01%H%x02%P%x02%an%x02%ae%x02%at%x02%(trailers:key=Co-authored-by,valueonly=true,separator=%x1f)" +
  "%x02%(trailers:key=Reviewed-by,key=Acked-by,key=Approved-by,valueonly=true,separator=%x1f)";

export type ChangeStatus = "A" | "M" | "D" | "R" | "C" | "T" | "U" | "X" | "B";

export interface Change {
  status: ChangeStatus;
  path: string;
  /** For renames and copies: the path before. */
  from?: string;
}

export interface Commit {
  hash: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Seconds since the epoch. */
  time: number;
  /** `Co-authored-by:` trailers, as "Name <email>". */
  coAuthors: string[];
  /** `Reviewed-by:`, `Acked-by:` and `Approved-by:` trailers, as "Name <email>". */
  reviewers: string[];
  changes: Change[];
}

const START = 0x01;
const NUL = 0x00;

/** Feeds chunks of git's output; calls `onCommit` for each complete commit. */
export class LogParser {
  #buffer: Buffer = Buffer.alloc(0);
  #current: Commit | undefined;
  readonly #onCommit: (commit: Commit) => void;

  constructor(onCommit: (commit: Commit) => void) {
    this.#onCommit = onCommit;
  }

  push(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    const consumed = this.#parse(this.#buffer, false);
    this.#buffer = this.#buffer.subarray(consumed);
  }

  /** Call at the end of the stream. */
  end(): void {
    this.#parse(this.#buffer, true);
    this.#buffer = Buffer.alloc(0);
    if (this.#current) this.#onCommit(this.#current);
    this.#current = undefined;
  }

  /** Parses what it can; returns how many bytes it consumed. */
  #parse(buf: Buffer, final: boolean): number {
    let pos = 0;
    while (pos < buf.length) {
      const byte = buf[pos];
      if (byte === START) {
        const headerEnd = buf.indexOf(NUL, pos + 1);
        if (headerEnd === -1) return final ? buf.length : pos;
        if (this.#current) this.#onCommit(this.#current);
        this.#current = parseHeader(buf.toString("utf8", pos + 1, headerEnd));
        pos = headerEnd + 1;
        continue;
      }
      if (byte === 0x0a /* \n after the header */ || byte === NUL) {
        pos++;
        continue;
      }
      // A change: STATUS\0path\0 (and a second path for renames and copies).
      const statusEnd = buf.indexOf(NUL, pos);
      if (statusEnd === -1) return final ? buf.length : pos;
      const status = String.fromCharCode(buf[pos] as number) as ChangeStatus;
      const pathEnd = buf.indexOf(NUL, statusEnd + 1);
      if (pathEnd === -1) return final ? buf.length : pos;
      const first = buf.toString("utf8", statusEnd + 1, pathEnd);
      if (status === "R" || status === "C") {
        const secondEnd = buf.indexOf(NUL, pathEnd + 1);
        if (secondEnd === -1) return final ? buf.length : pos;
        this.#current?.changes.push({
          status,
          from: first,
          path: buf.toString("utf8", pathEnd + 1, secondEnd),
        });
        pos = secondEnd + 1;
      } else {
        this.#current?.changes.push({ status, path: first });
        pos = pathEnd + 1;
      }
    }
    return pos;
  }
}

/** The values of a trailer field (`%x1f`-separated); most commits have none. */
function trailerValues(text: string): string[] {
  if (text === "") return [];
  return text
    .split("\x1f")
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

function parseHeader(header: string): Commit {
  const [
    hash = "",
    parents = "",
    authorName = "",
    authorEmail = "",
    time = "0",
    trailers = "",
    reviews = "",
  ] = header.split("\x02");
  return {
    hash,
    parents: parents === "" ? [] : parents.split(" "),
    authorName,
    authorEmail,
    time: Number(time),
    coAuthors: trailerValues(trailers),
    reviewers: trailerValues(reviews),
    changes: [],
  };
}
