/**
 * The use case behind `mlteam handover`: everything a person holds on a date, each with a proposed
 * successor (evidence, skills, time, team, conflicts), the model as it would be after the handover
 * checked as the doctor checks it (score, findings added and resolved, the `mlteam diff` of the
 * change), and — when asked — the handover written into the YAML files that hold each entry, every
 * comment kept, refused when the model changed since it was read.
 */
import {
  type Candidate,
  type HandoverChange,
  type HandoverProposal,
  proposeHandover,
  type Responsibility,
} from "../analysis/handover.ts";
import type { Finding } from "../analysis/rule.ts";
import { CATALOG } from "../catalog/index.ts";
import { resolveTeam } from "../graph/resolve.ts";
import type { TeamGraph } from "../graph/types.ts";
import { acquireFileLock, type FileLock, FileLockBusyError } from "../io/file-lock.ts";
import { fsHost, type WritableHost } from "../io/fs-host.ts";
import { WriteError } from "../io/write-atomic.ts";
import type { ModelHost } from "../model/load.ts";
import type { Model } from "../model/model.ts";
import { didYouMean } from "../model/suggest.ts";
import { applyYamlEdits, type YamlEdit, YamlEditError } from "../model/yaml-edit.ts";
import type { PathKey } from "../model/yaml-source.ts";
import { renderCodeowners } from "../render/export/codeowners.ts";
import { checkTeam, requireValid, type ValidTeamCheck } from "./check-team.ts";
import { compareChecks, type ModelDiff } from "./diff.ts";
import { ConflictError, echo, InputError, NotFoundError, UnavailableError } from "./errors.ts";
import type { EvidenceGatherer } from "./evidence.ts";
import { relativeToModel } from "./raci-cell.ts";
import { writeUnlessUnwritable } from "./write-output.ts";

export interface HandoverRequest {
  /** The model's entry: a YAML file or a folder. */
  entry: string;
  person: string;
  /** Give everything to this person (the alternatives are still ranked). */
  to?: string | undefined;
  /** The date the handover is planned for (YYYY-MM-DD): what the person holds then, checked as of then. */
  date: string;
  host: ModelHost;
  gatherEvidence?: EvidenceGatherer;
}

/** One model edit, where it is written (relative to the model's folder) and what it does. */
export interface HandoverEdit {
  file: string;
  /** The path in the file, e.g. raci[3].R[0]. */
  at: string;
  op: HandoverChange["op"];
  from: string;
  to: string;
}

export interface HandoverItem extends Omit<Responsibility, "node" | "changes"> {
  /** Where the responsibility is written, file:line:col relative to the model's folder. */
  location?: string;
  changes: HandoverEdit[];
}

export interface HandoverReport extends Omit<HandoverProposal, "responsibilities"> {
  responsibilities: HandoverItem[];
  scoreBefore: number;
  scoreAfter: number;
  /** Findings the handover would add (e.g. a successor over-allocated or in a conflict) and resolve. */
  newFindings: Finding[];
  resolvedFindings: Finding[];
  /** The files the handover changes, relative to the model's folder. */
  files: string[];
  /** What `mlteam diff` says of the change. */
  diff: ModelDiff;
  /** Notes from gathering evidence (e.g. a shallow clone). */
  warnings: string[];
}

/** A handover worked out: the report, the texts to write, and every file as it was read. */
export interface HandoverPlan {
  report: HandoverReport;
  edits: { file: string; before: string; after: string }[];
  /** Every file the check read, with its text: an apply refuses when one differs on disk. */
  read: ReadonlyMap<string, string>;
}

/** Works out the handover of `request.person`; writes nothing. */
export async function planHandover(request: HandoverRequest): Promise<HandoverPlan> {
  const read = new Map<string, string>();
  const host = recording(request.host, read);
  const before = requireValid(
    await checkTeam(request.entry, {
      host,
      today: request.date,
      ...(request.gatherEvidence ? { gatherEvidence: request.gatherEvidence } : {}),
    }),
  );
  checkPeople(before.model, request);
  const graph = graphHolding(before, request.person, request.date);
  const proposal = proposeHandover(graph, {
    person: request.person,
    today: request.date,
    evidence: before.evidence,
    to: request.to,
  });
  const edits = fileEdits(before.model, proposal.responsibilities, read);
  const changed = new Map(edits.map((e) => [e.file, e.after]));
  const after = requireValid(
    await checkTeam(request.entry, {
      host: { ...host, readFile: (path) => changed.get(path) ?? host.readFile(path) },
      today: request.date,
      // Git history is what it was: the evidence of the first check, not mined again.
      gatherEvidence: async () => ({ ...(before.evidence ? { report: before.evidence } : {}), warnings: [] }),
    }),
  );
  const unresolved = new Set(
    proposal.responsibilities.filter((r) => r.kind === "raci" && !r.successor).map((r) => r.activity ?? ""),
  );
  const codeowners = codeownersDuties(
    { before: graph, handedOver: after.graph, gone: withoutPerson(after, request.person, request.date) },
    request.person,
    unresolved,
  );
  const diff = compareChecks("the model", before, "after the handover", after);
  const relative = (file: string) => relativeToModel(file, request.entry);
  const report: HandoverReport = {
    ...proposal,
    responsibilities: [
      ...proposal.responsibilities.map((r) => itemOf(before.model, r, relative)),
      ...codeowners,
    ],
    scoreBefore: before.score.overall,
    scoreAfter: after.score.overall,
    newFindings: diff.added,
    resolvedFindings: diff.resolved,
    files: edits.map((e) => relative(e.file)),
    diff,
    warnings: before.warnings,
  };
  return { report, edits, read };
}

/** A host that remembers the text of every file the first time it is read. */
function recording(host: ModelHost, read: Map<string, string>): ModelHost {
  return {
    ...host,
    readFile(path) {
      const text = host.readFile(path);
      if (text !== undefined && !read.has(path)) read.set(path, text);
      return text;
    },
  };
}

/** The person and the `--to` person exist, are two people, and the successor is still there on the date. */
function checkPeople(model: Model, request: HandoverRequest): void {
  const ids = model.people.map((p) => p.id);
  const known = (id: string, what: string) => {
    if (!ids.includes(id)) throw new NotFoundError(`no ${what} ${echo(id)}${didYouMean(id, ids)}`);
  };
  known(request.person, "person");
  if (request.to === undefined) return;
  known(request.to, "person (--to)");
  if (request.to === request.person)
    throw new InputError(`--to names ${echo(request.to)}, the person handing over: name someone else`);
  const leaves = model.people.find((p) => p.id === request.to)?.leaves;
  if (leaves !== undefined && leaves <= request.date)
    throw new InputError(
      `--to names ${echo(request.to)}, who has left by ${request.date} (leaves: ${leaves})`,
    );
}

/** The checked graph, with the person handing over in it even when they have left by the date. */
function graphHolding(check: ValidTeamCheck, person: string, date: string): TeamGraph {
  if (check.graph.people.has(person)) return check.graph;
  const left = check.model.people
    .filter((p) => p.id !== person && p.leaves !== undefined && p.leaves <= date)
    .map((p) => p.id);
  return resolveTeam(check.model, CATALOG, { absent: new Set(left) }).graph;
}

/** The checked graph without the person: who owns what once they are gone. */
function withoutPerson(check: ValidTeamCheck, person: string, date: string): TeamGraph {
  const away = check.model.people
    .filter((p) => p.id === person || (p.leaves !== undefined && p.leaves <= date))
    .map((p) => p.id);
  return resolveTeam(check.model, CATALOG, { absent: new Set(away) }).graph;
}

/** Where a change is written: its file and its path from the file's root. */
function placeOf(model: Model, change: HandoverChange): { file: string; path: PathKey[] } {
  const origin = model.origin(change.node);
  if (!origin) throw new Error("handover: a model entry without its place in a file");
  return { file: origin.source.path, path: [...origin.path, ...change.path] };
}

const yamlEditOf = (change: HandoverChange, path: PathKey[]): YamlEdit =>
  change.op === "replace"
    ? { op: "replace", path, from: change.from, to: change.to }
    : change.op === "remove"
      ? { op: "remove", path, value: change.from }
      : { op: "add", path, value: change.to };

/** Each file's text after the handover's changes (files it does not change are left out). */
function fileEdits(
  model: Model,
  responsibilities: readonly Responsibility[],
  read: ReadonlyMap<string, string>,
) {
  const byFile = new Map<string, YamlEdit[]>();
  for (const change of responsibilities.flatMap((r) => r.changes)) {
    const { file, path } = placeOf(model, change);
    byFile.set(file, [...(byFile.get(file) ?? []), yamlEditOf(change, path)]);
  }
  return [...byFile].map(([file, edits]) => {
    const before = read.get(file);
    if (before === undefined) throw new Error(`handover: ${file} was not read`);
    try {
      return { file, before, after: applyYamlEdits(before, edits) };
    } catch (error) {
      if (error instanceof YamlEditError) throw new InputError(`${file}: ${error.message}`);
      throw error;
    }
  });
}

/** `raci[3].R[0]` from ["raci", 3, "R", 0]. */
const pathText = (path: readonly PathKey[]) =>
  path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");

function itemOf(model: Model, r: Responsibility, relative: (file: string) => string): HandoverItem {
  const { node, changes, ...rest } = r;
  const at = node ? model.locate(node) : undefined;
  return {
    ...rest,
    ...(at ? { location: `${relative(at.file)}:${at.line}:${at.column}` } : {}),
    changes: changes.map((c) => {
      const { file, path } = placeOf(model, c);
      return { file: relative(file), at: pathText(path), op: c.op, from: c.from, to: c.to };
    }),
  };
}

/** CODEOWNERS (as `mlteam export --format codeowners` writes it): pattern → owners. */
function codeownersOf(graph: TeamGraph): Map<string, { activity: string; owners: string[] }> {
  const lines = new Map<string, { activity: string; owners: string[] }>();
  let activity = "";
  for (const line of renderCodeowners(graph).split("\n")) {
    const section = /^# ([a-z0-9][a-z0-9._-]*)( \(no RACI row\))?$/.exec(line);
    if (section) activity = section[1] ?? "";
    else if (line.trim() !== "" && !line.startsWith("#")) {
      const [pattern = "", ...owners] = line.trim().split(/\s+/);
      lines.set(pattern, { activity: pattern === "*" ? "everything else" : activity, owners });
    }
  }
  return lines;
}

/**
 * The CODEOWNERS lines naming the person's handle, per activity, and who owns them once the handover
 * is made and the person gone (`unresolved`: activities whose R or A found no successor).
 */
function codeownersDuties(
  graphs: { before: TeamGraph; handedOver: TeamGraph; gone: TeamGraph },
  person: string,
  unresolved: ReadonlySet<string>,
): HandoverItem[] {
  const { before, gone: after } = graphs;
  const handle = before.people.get(person)?.source.handle;
  if (!handle) return [];
  const mine = handle.startsWith("@") ? handle : `@${handle}`;
  const byHandle = new Map<string, string>();
  for (const p of after.people.values()) {
    const h = p.source.handle;
    if (h) byHandle.set(h.startsWith("@") ? h : `@${h}`, p.id);
  }
  const then = codeownersOf(after);
  // Lines that still name them after the handover, while they are there, come from a role they hold.
  const kept = codeownersOf(graphs.handedOver);
  const groups = new Map<
    string,
    { patterns: string[]; owners: Set<string>; was: Set<string>; role: boolean }
  >();
  for (const [pattern, { activity, owners }] of codeownersOf(before)) {
    if (!owners.includes(mine)) continue;
    const group = groups.get(activity) ?? { patterns: [], owners: new Set(), was: new Set(), role: false };
    group.patterns.push(pattern);
    group.role ||= kept.get(pattern)?.owners.includes(mine) ?? false;
    for (const o of owners) group.was.add(o);
    for (const o of then.get(pattern)?.owners ?? []) group.owners.add(o);
    groups.set(activity, group);
  }
  return [...groups].map(([activity, { patterns, owners, was, role }]) => {
    const advice = unresolved.has(activity)
      ? `nobody takes over ${activity}'s R or A (above), so nobody with a handle owns its files once ${before.names.get(person) ?? person} is gone`
      : "nobody with a handle owns these files once they are gone: give the new R or A a handle in the model (CODEOWNERS also asks an ML engineer and an MLOps engineer to review ML code, and gives the catch-all to the tech lead: roles nobody else with a handle holds)";
    // The owner who takes the person's place first; those who already owned the lines after.
    const ranked = [...owners].sort((a, b) => Number(was.has(a)) - Number(was.has(b)));
    const item = codeownersItem(after, activity, patterns, ranked, was, byHandle, advice);
    // A role's lines (reviews of ML code, the catch-all) name them until they leave, whatever the RACI says.
    if (role) item.description += " — through a role they hold, until they leave";
    return item;
  });
}

function codeownersItem(
  after: TeamGraph,
  activity: string,
  patterns: string[],
  owners: readonly string[],
  was: ReadonlySet<string>,
  byHandle: ReadonlyMap<string, string>,
  advice: string,
): HandoverItem {
  const lines = patterns.length === 1 ? "the line" : "the lines";
  const candidates: Candidate[] = owners.map((o) => {
    const id = byHandle.get(o) ?? o;
    return {
      id,
      name: after.names.get(id) ?? o,
      reasons: [
        was.has(o)
          ? `already owns ${lines} (${o}), and still does once the person is gone`
          : `owns ${lines} once the handover is made and the person gone (${o}), as mlteam export --format codeowners writes them`,
      ],
      concerns: [],
    };
  });
  const base = {
    kind: "codeowners" as const,
    ...(activity === "everything else" ? {} : { activity }),
    patterns,
    description: `CODEOWNERS ${patterns.length === 1 ? "line" : `${patterns.length} lines`} of ${activity}`,
    changes: [],
  };
  const [first, ...rest] = candidates;
  if (first) return { ...base, successor: first, alternatives: rest.slice(0, 3) };
  return { ...base, successor: null, alternatives: [], need: { training: [], advice } };
}

/**
 * Writes the plan's texts, holding every file's lock, after checking that no file read has changed
 * since: otherwise a {@link ConflictError} and nothing is written.
 */
export async function applyHandover(plan: HandoverPlan, host: WritableHost): Promise<string[]> {
  if (plan.edits.length === 0) return [];
  const locks = host === fsHost ? await lockAll(plan.edits.map((e) => e.file).sort()) : [];
  try {
    for (const [file, text] of plan.read)
      if (host.readFile(file) !== text)
        throw new ConflictError(
          `${file} changed since it was read; nothing was written: run mlteam handover again`,
        );
    for (const edit of plan.edits) writeUnlessUnwritable(() => host.writeFile(edit.file, edit.after));
    return plan.report.files;
  } finally {
    for (const lock of locks) lock.release();
  }
}

async function lockAll(files: readonly string[]): Promise<FileLock[]> {
  const locks: FileLock[] = [];
  try {
    for (const file of files) locks.push(await acquireFileLock(file));
    return locks;
  } catch (error) {
    for (const lock of locks) lock.release();
    if (error instanceof FileLockBusyError) throw new ConflictError("another edit is being saved; try again");
    if (error instanceof WriteError) throw new UnavailableError(error.message);
    throw error;
  }
}
