/**
 * Pull-request reviews exported from a code host, as evidence that reviewers know the files they
 * reviewed (reviews spread knowledge that commit-only measures miss — "Bus Factor in Practice",
 * ICSE-SEIP 2022). Reads the JSON the GitHub and GitLab APIs return, gathered into one array:
 * - GitHub: `[{ number, files: [{ filename }], reviews: [{ user: { login }, state, submitted_at }] }]`
 *   (a pull request with its `/files` and `/reviews`; `files` may also be plain paths);
 * - GitLab: `[{ iid, changes: [{ new_path }], approved_by: [{ user: { username } }], reviewers: [{ username }], merged_at }]`.
 * Pending and dismissed reviews do not count. Pure: takes the parsed JSON.
 */

export interface FileReviews {
  /** Reviewer login → reviews of changes to the file, and the latest one (seconds since the epoch). */
  reviewers: Map<string, { reviews: number; last: number }>;
}

type Json = unknown;

const record = (v: Json): Record<string, Json> | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, Json>) : undefined;
const array = (v: Json): Json[] => (Array.isArray(v) ? v : []);
const text = (v: Json) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const seconds = (v: Json) => {
  const t = text(v) ? Date.parse(text(v) as string) : Number.NaN;
  return Number.isFinite(t) ? Math.floor(t / 1000) : 0;
};

export class PullReviewsError extends Error {
  override name = "PullReviewsError";
}

/** Path → who reviewed changes to it. */
export function readPullReviews(json: Json): Map<string, FileReviews> {
  if (!Array.isArray(json))
    throw new PullReviewsError(
      "expected a JSON array of pull requests, each with its files and reviews (GitHub) or changes and approvals (GitLab)",
    );
  const out = new Map<string, FileReviews>();
  for (const [index, item] of json.entries()) {
    const pr = record(item);
    if (!pr) throw new PullReviewsError(`item ${index} is not an object`);
    const paths = [
      ...array(pr.files).map((f) => text(f) ?? text(record(f)?.filename)),
      ...array(pr.changes).map((c) => text(record(c)?.new_path)),
    ].filter((p): p is string => p !== undefined);
    const reviews: { login: string; when: number }[] = [];
    for (const r of array(pr.reviews)) {
      const review = record(r);
      const state = text(review?.state)?.toUpperCase();
      const login = text(record(review?.user)?.login);
      if (!login || state === "PENDING" || state === "DISMISSED") continue;
      reviews.push({ login, when: seconds(review?.submitted_at) });
    }
    const when = seconds(pr.merged_at ?? pr.updated_at);
    for (const a of array(pr.approved_by)) {
      const login = text(record(record(a)?.user)?.username) ?? text(record(a)?.username);
      if (login) reviews.push({ login, when });
    }
    for (const a of array(pr.reviewers)) {
      const login = text(record(a)?.username);
      if (login) reviews.push({ login, when });
    }
    for (const path of new Set(paths)) {
      const file = out.get(path) ?? { reviewers: new Map() };
      for (const { login, when: at } of reviews) {
        const seen = file.reviewers.get(login) ?? { reviews: 0, last: 0 };
        seen.reviews++;
        seen.last = Math.max(seen.last, at);
        file.reviewers.set(login, seen);
      }
      out.set(path, file);
    }
  }
  return out;
}
