/**
 * Pull-request reviews exported from a code host, as evidence that reviewers know the files they
 * reviewed (reviews spread knowledge that commit-only measures miss — "Bus Factor in Practice",
 * ICSE-SEIP 2022). Reads the JSON the GitHub and GitLab APIs return, gathered into one array:
 * - GitHub: `[{ number, files: [{ filename }], reviews: [{ user: { login }, state, submitted_at }] }]`
 *   (a pull request with its `/files` and `/reviews`; `files` may also be plain paths). Pending and
 *   dismissed reviews, and those of deleted accounts (`user: null`), do not count.
 * - GitLab: `[{ iid, changes: [{ new_path }], approved_by: [{ user: { username } }], merged_at }]`
 *   (a merge request with its `/changes` and `/approvals`). Its `reviewers` are only asked to
 *   review, so they do not count: its approvals do.
 * Read by read-pull-reviews.ts, loaded only when a run has reviews to read (it brings the schema
 * library along).
 */

export interface FileReviews {
  /** Reviewer login → reviews of changes to the file, and the latest one (seconds since the epoch). */
  reviewers: Map<string, { reviews: number; last: number }>;
}

export class PullReviewsError extends Error {
  override name = "PullReviewsError";
}
