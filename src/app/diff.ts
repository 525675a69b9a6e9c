/**
 * The use case behind `mlteam diff` and `GET /api/diff`: what a change does to the team — findings
 * added, resolved and changed (matched by rule and subject, never by line numbers), the score and
 * its areas, RACI cells, people, and the absence ranking — between two versions of the model (two
 * commits, a commit and the working copy, or two files).
 */
import { rankAbsences } from "../analysis/absence-rank.ts";
import { raciMatrix } from "../analysis/raci-matrix.ts";
import type { Finding } from "../analysis/rule.ts";
import { GitError } from "../evidence/git.ts";
import { mergeBase, readBlobs, resolveRef, versionAt, versionFiles } from "../history/git-versions.ts";
import type { ModelHost } from "../model/load.ts";
import { memoryHost } from "../model/memory-host.ts";
import { checkTeam, requireValid, type ValidTeamCheck } from "./check-team.ts";
import { InputError } from "./errors.ts";
import { modelInRepo } from "./history.ts";

export interface FindingChange {
  before: Finding;
  after: Finding;
}

export interface ModelDiff {
  base: string;
  head: string;
  score: { before: number; after: number };
  areas: Record<string, { before: number; after: number }>;
  added: Finding[];
  resolved: Finding[];
  changed: FindingChange[];
  raci: { activity: string; product?: string; column: string; before: string; after: string }[];
  people: { id: string; name: string; change: "added" | "removed" | "changed"; detail: string }[];
  /** The absence ranking's biggest moves: damage before and after, per person. */
  ranking: { person: string; name: string; before: number; after: number }[];
}

export interface DiffRequest {
  /** `base`, `base..head`, `base...head` (from their merge base), or a file path with `headFile`. */
  range: string;
  /** The model's entry on disk. */
  entry: string;
  host: ModelHost;
  today: string;
  /** Two-file mode: compare `range` (a file) with this file, without git. */
  headFile?: string;
}

/** The key that says two findings are the same finding: rule and subject (or message). */
const keyOf = (f: Finding) => `${f.ruleId}\u0000${f.subject ?? f.message}`;

/** Checks both sides and compares them. */
export async function diffModel(request: DiffRequest): Promise<ModelDiff> {
  const sides = await resolveSides(request);
  return compareChecks(sides.base.label, sides.base.check, sides.head.label, sides.head.check);
}

async function resolveSides(request: DiffRequest) {
  const check = async (entry: string, host: ModelHost, label: string) => {
    const c = await checkTeam(entry, { host, today: request.today, evidence: "never" });
    try {
      return { label, check: requireValid(c) };
    } catch {
      const first = c.diagnostics.find((d) => d.severity === "error");
      throw new InputError(
        `the model at ${label} does not validate${first ? `: ${first.file}:${first.line}:${first.column} ${first.message}` : ""}`,
      );
    }
  };
  if (request.headFile !== undefined)
    return {
      base: await check(request.range, request.host, request.range),
      head: await check(request.headFile, request.host, request.headFile),
    };
  const model = modelInRepo(request.entry, request.host);
  const atCommit = async (ref: string, label: string) => {
    try {
      const version = versionAt(model, resolveRef(model.repo, ref));
      const texts = readBlobs(model.repo, [...version.blobs.values()]);
      // An entry file renamed since: its name at that commit.
      const entry =
        [model.entry, ...model.renames.map((r) => r.path).reverse()].find((p) => version.blobs.has(p)) ??
        model.entry;
      return await check(entry, memoryHost(versionFiles(version, texts)), label);
    } catch (error) {
      if (error instanceof GitError)
        throw new InputError(
          /\.ya?ml$/i.test(ref)
            ? `no model file ${ref} (nor a commit of that name in ${model.repo})`
            : error.message,
        );
      throw error;
    }
  };
  const three = /^(.*?)\.\.\.(.*)$/.exec(request.range);
  const two = three ? undefined : /^(.*?)\.\.(.*)$/.exec(request.range);
  try {
    if (three) {
      const head = three[2] || "HEAD";
      const base = mergeBase(
        model.repo,
        resolveRef(model.repo, three[1] || "HEAD"),
        resolveRef(model.repo, head),
      );
      return {
        base: await atCommit(base, `${three[1]}...${head} (merge base ${base.slice(0, 10)})`),
        head: await atCommit(head, head),
      };
    }
    if (two) {
      const head = two[2] || "HEAD";
      return { base: await atCommit(two[1] || "HEAD", two[1] || "HEAD"), head: await atCommit(head, head) };
    }
  } catch (error) {
    if (error instanceof GitError) throw new InputError(error.message);
    throw error;
  }
  return {
    base: await atCommit(request.range, request.range),
    head: await check(request.entry, request.host, "the working copy"),
  };
}

/** Compares two checks of a model. */
export function compareChecks(
  base: string,
  before: ValidTeamCheck,
  head: string,
  after: ValidTeamCheck,
): ModelDiff {
  const was = new Map(before.findings.map((f) => [keyOf(f), f]));
  const now = new Map(after.findings.map((f) => [keyOf(f), f]));
  const changed: FindingChange[] = [];
  for (const [k, f] of now) {
    const old = was.get(k);
    if (old && (old.message !== f.message || old.severity !== f.severity))
      changed.push({ before: old, after: f });
  }
  const areas: ModelDiff["areas"] = {};
  for (const area of new Set([...Object.keys(before.score.areas), ...Object.keys(after.score.areas)]))
    areas[area] = { before: before.score.areas[area] ?? 100, after: after.score.areas[area] ?? 100 };
  return {
    base,
    head,
    score: { before: before.score.overall, after: after.score.overall },
    areas,
    added: after.findings.filter((f) => !was.has(keyOf(f))),
    resolved: before.findings.filter((f) => !now.has(keyOf(f))),
    changed,
    raci: raciChanges(before, after),
    people: peopleChanges(before, after),
    ranking: rankingChanges(before, after),
  };
}

function raciChanges(before: ValidTeamCheck, after: ValidTeamCheck): ModelDiff["raci"] {
  const cells = (check: ValidTeamCheck) => {
    const map = new Map<string, string>();
    for (const row of raciMatrix(check.graph, { by: "role" }).rows)
      for (const [column, letters] of Object.entries(row.cells))
        map.set(`${row.activity}\u0000${row.product ?? ""}\u0000${column}`, letters);
    return map;
  };
  const a = cells(before);
  const b = cells(after);
  const out: ModelDiff["raci"] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key) ?? "";
    const y = b.get(key) ?? "";
    if (x === y) continue;
    const [activity = "", product = "", column = ""] = key.split("\u0000");
    out.push({ activity, ...(product ? { product } : {}), column, before: x, after: y });
  }
  return out.sort((p, q) => p.activity.localeCompare(q.activity) || p.column.localeCompare(q.column));
}

function peopleChanges(before: ValidTeamCheck, after: ValidTeamCheck): ModelDiff["people"] {
  const out: ModelDiff["people"] = [];
  const describe = (p: { roles: { role: string; allocation: number }[] }) =>
    p.roles.map((r) => `${r.role} ${Math.round(r.allocation)}%`).join(", ") || "no role";
  for (const [id, p] of after.graph.people)
    if (!before.graph.people.has(id)) out.push({ id, name: p.name, change: "added", detail: describe(p) });
  for (const [id, p] of before.graph.people) {
    const q = after.graph.people.get(id);
    if (!q) out.push({ id, name: p.name, change: "removed", detail: describe(p) });
    else if (describe(p) !== describe(q))
      out.push({ id, name: q.name, change: "changed", detail: `${describe(p)} → ${describe(q)}` });
  }
  return out;
}

function rankingChanges(before: ValidTeamCheck, after: ValidTeamCheck): ModelDiff["ranking"] {
  const a = new Map(rankAbsences(before.graph).map((r) => [r.person, r]));
  const b = new Map(rankAbsences(after.graph).map((r) => [r.person, r]));
  const out: ModelDiff["ranking"] = [];
  for (const person of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(person)?.damage ?? 0;
    const y = b.get(person)?.damage ?? 0;
    if (x !== y)
      out.push({ person, name: b.get(person)?.name ?? a.get(person)?.name ?? person, before: x, after: y });
  }
  return out.sort((p, q) => Math.abs(q.after - q.before) - Math.abs(p.after - p.before)).slice(0, 5);
}
