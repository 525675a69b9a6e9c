/**
 * Reads an export of pull-request reviews (pull-reviews.ts says which shapes), checked against
 * GitHub's and GitLab's shapes: a file that is neither is an error naming the item and the field,
 * invalid JSON an error at its line and column. Pure: takes the text.
 */
import { load } from "js-yaml";
import { z } from "zod";
import { type FileReviews, PullReviewsError } from "./pull-reviews.ts";

/** A time as the APIs write it (ISO 8601); absent or null where the API leaves it out. */
const time = z
  .string()
  .refine((v) => Number.isFinite(Date.parse(v)), "not a date and time")
  .nullish();

const login = z.string().trim().min(1);

const githubPull = z.object({
  files: z.array(
    z.union([z.string().min(1), z.object({ filename: z.string().min(1) })], {
      error: "expected a path, or an object with its filename",
    }),
  ),
  reviews: z.array(
    z.object({
      user: z.object({ login }).nullable(),
      state: z.string().optional(),
      submitted_at: time,
    }),
  ),
});

const gitlabMerge = z.object({
  changes: z.array(z.object({ new_path: z.string({ error: "expected a path" }).min(1) })),
  approved_by: z
    .array(z.union([z.object({ user: z.object({ username: login }) }), z.object({ username: login })]))
    .default([]),
  merged_at: time,
  updated_at: time,
});

const seconds = (value: string | null | undefined) => (value ? Math.floor(Date.parse(value) / 1000) : 0);

/** Path → who reviewed changes to it, from the file's text; `source` names the file in errors. */
export function readPullReviews(text: string, source: string): Map<string, FileReviews> {
  const json = parseJson(text, source);
  if (!Array.isArray(json))
    throw new PullReviewsError(
      `${source}: expected a JSON array of pull requests, each with its files and reviews (GitHub) or changes and approvals (GitLab)`,
    );
  const out = new Map<string, FileReviews>();
  for (const [index, item] of json.entries()) {
    const { paths, reviews } = readItem(item, `${source}: item ${index}`);
    for (const path of new Set(paths)) {
      const file = out.get(path) ?? { reviewers: new Map() };
      for (const { login: who, when } of reviews) {
        const seen = file.reviewers.get(who) ?? { reviews: 0, last: 0 };
        seen.reviews++;
        seen.last = Math.max(seen.last, when);
        file.reviewers.set(who, seen);
      }
      out.set(path, file);
    }
  }
  return out;
}

function readItem(
  item: unknown,
  where: string,
): { paths: string[]; reviews: { login: string; when: number }[] } {
  const keys = item && typeof item === "object" && !Array.isArray(item) ? Object.keys(item) : undefined;
  if (!keys) throw new PullReviewsError(`${where} is not an object`);
  if (keys.includes("files") || keys.includes("reviews")) {
    const pr = checked(githubPull, item, where);
    return {
      paths: pr.files.map((f) => (typeof f === "string" ? f : f.filename)),
      reviews: pr.reviews.flatMap((r) => {
        const state = r.state?.toUpperCase();
        if (!r.user || state === "PENDING" || state === "DISMISSED") return [];
        return [{ login: r.user.login, when: seconds(r.submitted_at) }];
      }),
    };
  }
  if (keys.includes("changes") || keys.includes("approved_by")) {
    const mr = checked(gitlabMerge, item, where);
    const when = seconds(mr.merged_at ?? mr.updated_at);
    return {
      paths: mr.changes.map((c) => c.new_path),
      reviews: mr.approved_by.map((a) => ({ login: "user" in a ? a.user.username : a.username, when })),
    };
  }
  throw new PullReviewsError(
    `${where} is neither a GitHub pull request (files, reviews) nor a GitLab merge request (changes, approved_by)`,
  );
}

function checked<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
  throw new PullReviewsError(`${where}${path}: ${issue.message}`);
}

/**
 * JSON, or an error at its line and column: node gives an offset for some errors, and for the
 * others js-yaml (JSON being YAML) finds the place.
 */
function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /at position (\d+)/.exec(message)?.[1];
    const at = offset === undefined ? placeByYaml(text) : lineAndColumn(text, Number(offset));
    const reason = message
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, "");
    throw new PullReviewsError(
      `${source}${at ? `:${at.line}:${at.column}` : ""}: not valid JSON (${reason})`,
    );
  }
}

function placeByYaml(text: string): { line: number; column: number } | undefined {
  try {
    load(text, { json: true });
    return undefined;
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    return mark ? { line: mark.line + 1, column: mark.column + 1 } : undefined;
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}
