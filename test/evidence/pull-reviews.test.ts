/**
 * Exported pull-request reviews: GitHub's and GitLab's shapes as their APIs return them, what
 * counts as a review, and errors that name the file, the item and the field (or the line and column).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PullReviewsError } from "../../src/evidence/pull-reviews.ts";
import { readPullReviews } from "../../src/evidence/read-pull-reviews.ts";

const read = (json: unknown) => readPullReviews(JSON.stringify(json, null, 2), "reviews.json");
const reviewersOf = (reviews: ReturnType<typeof read>, path: string) =>
  [...(reviews.get(path)?.reviewers ?? [])].map(([login, r]) => [login, r.reviews, r.last]);

describe("pull-request reviews", () => {
  it("reads GitHub's pull requests: submitted reviews count, pending, dismissed and deleted accounts do not", () => {
    const reviews = read([
      {
        number: 1,
        files: [{ filename: "a.py" }, "b.py"],
        reviews: [
          { user: { login: "dee" }, state: "APPROVED", submitted_at: "2026-01-03T10:00:00Z" },
          { user: { login: "dee" }, state: "COMMENTED", submitted_at: "2026-01-04T10:00:00Z" },
          { user: { login: "eve" }, state: "PENDING", submitted_at: null },
          { user: { login: "fay" }, state: "DISMISSED", submitted_at: "2026-01-02T00:00:00Z" },
          { user: null, state: "APPROVED", submitted_at: "2026-01-02T00:00:00Z" },
        ],
      },
    ]);
    const jan4 = Date.UTC(2026, 0, 4, 10) / 1000;
    assert.deepEqual(reviewersOf(reviews, "a.py"), [["dee", 2, jan4]]);
    assert.deepEqual(reviewersOf(reviews, "b.py"), [["dee", 2, jan4]]);
  });

  it("reads GitLab's merge requests: approvals count, reviewers only asked to review do not", () => {
    const reviews = read([
      {
        iid: 4,
        changes: [{ new_path: "serve.py" }],
        approved_by: [{ user: { username: "gus" } }, { username: "hal" }],
        reviewers: [{ username: "ida" }],
        merged_at: "2026-02-01T00:00:00Z",
      },
      { iid: 5, changes: [{ new_path: "serve.py" }], reviewers: [{ username: "ida" }] },
    ]);
    const feb1 = Date.UTC(2026, 1, 1) / 1000;
    assert.deepEqual(reviewersOf(reviews, "serve.py"), [
      ["gus", 1, feb1],
      ["hal", 1, feb1],
    ]);
  });

  it("names the file, the item and the field of what does not fit either shape", () => {
    const fails = (json: unknown, message: RegExp) => assert.throws(() => read(json), message);
    fails({ not: "an array" }, /^PullReviewsError: reviews\.json: expected a JSON array of pull requests/);
    fails([1], /reviews\.json: item 0 is not an object/);
    fails(
      [{ foo: 1 }],
      /reviews\.json: item 0 is neither a GitHub pull request \(files, reviews\) nor a GitLab/,
    );
    fails(
      [
        { files: ["a.py"], reviews: [] },
        { files: "x", reviews: [] },
      ],
      /reviews\.json: item 1\.files: /,
    );
    fails(
      [{ files: ["a.py"], reviews: [{ user: { login: "" }, state: "APPROVED" }] }],
      /reviews\.json: item 0\.reviews\[0\]\.user\.login: /,
    );
    fails(
      [{ files: ["a.py"], reviews: [{ user: { login: "dee" }, submitted_at: "not-a-date" }] }],
      /item 0\.reviews\[0\]\.submitted_at: not a date and time/,
    );
    fails([{ changes: [{ path: "a.py" }] }], /item 0\.changes\[0\]\.new_path: /);
  });

  it("places invalid JSON at its line and column", () => {
    const at = (text: string) => {
      try {
        readPullReviews(text, "reviews.json");
      } catch (error) {
        assert.ok(error instanceof PullReviewsError);
        return error.message;
      }
      assert.fail("accepted invalid JSON");
    };
    assert.match(
      at('[\n  {"files": ["a.py"], "reviews": []}\n  {"files": []}\n]'),
      /^reviews\.json:3:3: not valid JSON/,
    );
    assert.match(at('{"a": [1,2,,]}'), /^reviews\.json:1:\d+: not valid JSON/);
    assert.match(at(""), /^reviews\.json(:\d+:\d+)?: not valid JSON/);
  });

  it("accepts an empty export", () => {
    assert.equal(read([]).size, 0);
  });
});
