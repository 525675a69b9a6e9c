/**
 * Several edits of one model file at once — a value replaced, an item removed from a list, a value
 * added to a list — keeping every comment and the layout of every line but those of the entries whose
 * lists change (a handover's edits). A replaced value is changed in place, character for character
 * (its quotes and the comment after it stay); an entry whose list changes is written anew from the
 * `yaml` Document API and spliced in its lines, like a RACI edit (src/model/raci-edit.ts). Pure.
 */
import { type Document, isScalar, isSeq, parseDocument, type Scalar, type YAMLSeq } from "yaml";
import { removeKeepingComments } from "./raci-edit.ts";
import type { PathKey } from "./yaml-source.ts";
import { yamlDocumentAliasProblem } from "./yaml-source.ts";

export type YamlEdit =
  /** The scalar at `path`, whose value is `from`, becomes `to`. */
  | { op: "replace"; path: readonly PathKey[]; from: string; to: string }
  /** The list item at `path` (its last key is the index), whose value is `value`, is removed. */
  | { op: "remove"; path: readonly PathKey[]; value: string }
  /** `value` joins the list at `path`; a single value there becomes a flow list of both; none, the value. */
  | { op: "add"; path: readonly PathKey[]; value: string };

/** The file is not what the edits were planned on (a value is not where it was), or not YAML. */
export class YamlEditError extends Error {
  override name = "YamlEditError";
}

type Range = [number, number, number];
const rangeOf = (node: unknown) => (node as { range?: Range } | undefined)?.range;

/** Applies `edits` to `text` (paths from the file's root, e.g. ["raci", 3, "R", 0]). */
export function applyYamlEdits(text: string, edits: readonly YamlEdit[]): string {
  const crlf = text.includes("\r\n");
  const source = crlf ? text.replace(/\r\n/g, "\n") : text;
  const doc = parsed(source);
  // Entries (a section's item) whose lists change are written anew; the others are edited in place.
  const entryKey = (path: readonly PathKey[]) => JSON.stringify(path.slice(0, 2));
  const rewritten = new Set(edits.filter((e) => e.op !== "replace").map((e) => entryKey(e.path)));
  const splices: { start: number; end: number; text: string }[] = [];
  for (const edit of edits) {
    if (edit.op !== "replace" || rewritten.has(entryKey(edit.path))) continue;
    const node = scalarAt(doc, edit.path, edit.from);
    const [start, end] = rangeOf(node) ?? [0, 0];
    splices.push({ start, end, text: quotedLike(source.slice(start, end), edit.to) });
  }
  // Removals last and from the end of each list, so that the indices of the others still hold.
  const structural = edits
    .filter((e) => rewritten.has(entryKey(e.path)))
    .sort(
      (a, b) => (a.op === "remove" ? 1 : 0) - (b.op === "remove" ? 1 : 0) || comparePaths(b.path, a.path),
    );
  for (const edit of structural) applyToDocument(doc, edit);
  let result = source;
  for (const s of splices.sort((a, b) => b.start - a.start))
    result = result.slice(0, s.start) + s.text + result.slice(s.end);
  if (rewritten.size > 0) result = spliceEntries(result, source, doc, [...rewritten]);
  return crlf ? result.replace(/\n/g, "\r\n") : result;
}

function parsed(text: string): Document {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new YamlEditError(`not valid YAML: ${doc.errors[0]?.message}`);
  const aliases = yamlDocumentAliasProblem(doc, text);
  if (aliases) throw new YamlEditError(`line ${aliases.line}, column ${aliases.column}: ${aliases.message}`);
  return doc;
}

const describePath = (path: readonly PathKey[]) =>
  path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");

function scalarAt(doc: Document, path: readonly PathKey[], value: string): Scalar {
  const node = doc.getIn(path, true);
  if (!isScalar(node) || String(node.value) !== value)
    throw new YamlEditError(`${describePath(path)} is no longer ${JSON.stringify(value)}`);
  return node;
}

function applyToDocument(doc: Document, edit: YamlEdit): void {
  if (edit.op === "replace") {
    scalarAt(doc, edit.path, edit.from).value = edit.to;
    return;
  }
  if (edit.op === "remove") {
    const list = doc.getIn(edit.path.slice(0, -1), true);
    const index = edit.path.at(-1);
    if (!isSeq(list) || typeof index !== "number")
      throw new YamlEditError(`${describePath(edit.path)} is not in a list`);
    scalarAt(doc, edit.path, edit.value);
    removeKeepingComments(list, index);
    return;
  }
  const node = doc.getIn(edit.path, true);
  if (isSeq(node)) (node as YAMLSeq).add(doc.createNode(edit.value));
  else if (isScalar(node)) {
    const list = doc.createNode([node.value, edit.value], { flow: true });
    // The comment on the line (`A: ana # …`) stays with the list that replaces the value.
    if (node.comment) list.comment = node.comment;
    if (node.commentBefore) list.commentBefore = node.commentBefore;
    doc.setIn(edit.path, list);
  } else if (node === undefined) doc.setIn(edit.path, edit.value);
  else throw new YamlEditError(`${describePath(edit.path)} is neither a value nor a list`);
}

/** An entry of a section (`["people", 3]`) whose fields in `set` are given these values (added or replaced). */
export interface EntryFields {
  path: readonly [string, number];
  set: Readonly<Record<string, unknown>>;
}

/**
 * Sets fields of entries (an import updating the people it matched): each changed entry is written
 * anew from the `yaml` Document API, keeping its comments, and spliced in its lines; every other
 * line stays as written.
 */
export function setEntryFields(text: string, changes: readonly EntryFields[]): string {
  if (changes.length === 0) return text;
  const crlf = text.includes("\r\n");
  const source = crlf ? text.replace(/\r\n/g, "\n") : text;
  const doc = parsed(source);
  for (const change of changes)
    for (const [key, value] of Object.entries(change.set)) {
      const node = doc.getIn([...change.path], true);
      if (node === undefined || node === null || !("set" in (node as object)))
        throw new YamlEditError(`${describePath(change.path)} is not an entry`);
      const existing = doc.getIn([...change.path, key], true);
      // A value replaced by a value keeps its node (and the comment after it).
      if (isScalar(existing) && (value === null || typeof value !== "object")) existing.value = value;
      else doc.setIn([...change.path, key], doc.createNode(value));
    }
  const keys = [...new Set(changes.map((c) => JSON.stringify(c.path)))];
  const result = spliceEntries(source, source, doc, keys);
  return crlf ? result.replace(/\n/g, "\r\n") : result;
}

/** Orders paths as the file does (numbers by value), so that a sort can run from the end. */
function comparePaths(a: readonly PathKey[], b: readonly PathKey[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as PathKey;
    const y = b[i] as PathKey;
    if (x === y) continue;
    return typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
  }
  return a.length - b.length;
}

/** `value` written as `raw` is: in the same quotes, or plain. */
function quotedLike(raw: string, value: string): string {
  if (raw.startsWith('"')) return JSON.stringify(value);
  if (raw.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  return value;
}

/**
 * Replaces the lines of each rewritten entry in `text` (whose line count is that of `source`) with
 * its lines in the serialised document; every other line stays as written.
 */
function spliceEntries(text: string, source: string, doc: Document, entries: string[]): string {
  const before = parseDocument(source);
  const oldTexts = entries.map((key) => {
    const [start = 0, , end = 0] = rangeOf(before.getIn(JSON.parse(key) as PathKey[], true)) ?? [];
    return source.slice(start, end);
  });
  const serialised = doc.toString({
    lineWidth: 0,
    flowCollectionPadding: oldTexts.some((t) => /[[{] /.test(t)),
  });
  const after = parseDocument(serialised);
  const lines = text.split("\n");
  const spans = entries.map((key) => {
    const path = JSON.parse(key) as PathKey[];
    return {
      old: lineSpan(source, rangeOf(before.getIn(path, true))),
      fresh: lineSpan(serialised, rangeOf(after.getIn(path, true))),
    };
  });
  const freshLines = serialised.split("\n");
  for (const { old, fresh } of spans.sort((a, b) => b.old[0] - a.old[0]))
    lines.splice(old[0], old[1] - old[0] + 1, ...freshLines.slice(fresh[0], fresh[1] + 1));
  return lines.join("\n");
}

/** The first and last line (0-based) that a node's range touches. */
function lineSpan(text: string, range: Range | undefined): [number, number] {
  if (!range) throw new YamlEditError("an edited entry has no place in the file");
  const first = text.slice(0, range[0]).split("\n").length - 1;
  const end = text.slice(0, range[2]).replace(/\s+$/, "").length;
  return [first, text.slice(0, end).split("\n").length - 1];
}
