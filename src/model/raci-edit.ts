/**
 * Sets one cell of the RACI in the YAML file that holds the row, keeping every comment and the
 * layout of everything else (the `yaml` Document API). Pure: text in, text out.
 */

import {
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import { sameRaciRef } from "./raci-ref.ts";
import { RACI_LETTERS, type RaciLetter } from "./schema.ts";
import { yamlDocumentAliasProblem } from "./yaml-source.ts";

export interface CellEdit {
  activity: string;
  product?: string | undefined;
  /** A role id, or `person:<id>`. */
  column: string;
  /** The letters the column should have on the row: "", "R", "A", "C", "I" or "R/A". */
  letters: RaciLetter[];
}

/** Applies `edit` to the model text; `rowIndex` is the row's index in the file's `raci` list, or undefined to add a row. */
export function editRaciCell(text: string, rowIndex: number | undefined, edit: CellEdit): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`the model file is not valid YAML: ${doc.errors[0]?.message}`);
  // Nothing here expands aliases, but a file past the loader's alias budget is not edited either.
  const aliases = yamlDocumentAliasProblem(doc, text);
  if (aliases) throw new Error(`line ${aliases.line}, column ${aliases.column}: ${aliases.message}`);
  const ref = edit.column;
  const sameRef = (value: unknown) => typeof value === "string" && sameRaciRef(value, ref);
  let row: YAMLMap;
  if (rowIndex === undefined) {
    const raci = doc.get("raci", true);
    const fresh = doc.createNode({
      activity: edit.activity,
      ...(edit.product ? { product: edit.product } : {}),
    });
    if (isSeq(raci)) raci.add(fresh);
    else doc.set("raci", doc.createNode([fresh]));
    row = fresh as YAMLMap;
  } else {
    const node = doc.getIn(["raci", rowIndex], true);
    if (!isMap(node)) throw new Error(`raci[${rowIndex}] is not a mapping`);
    row = node;
  }
  for (const letter of RACI_LETTERS) {
    const value = row.get(letter, true);
    const wanted = edit.letters.includes(letter);
    if (isSeq(value)) {
      // A person who keeps the letter keeps their place (and the comment on their line).
      const matches = value.items.flatMap((item, i) => (isScalar(item) && sameRef(item.value) ? [i] : []));
      const keep = wanted ? matches[0] : undefined;
      for (const i of matches.reverse()) if (i !== keep) removeKeepingComments(value, i);
      if (wanted && keep === undefined) value.add(doc.createNode(ref));
      if (value.items.length === 0) deleteKeepingComments(row, letter);
    } else if (isScalar(value)) {
      if (sameRef(value.value)) {
        if (!wanted) deleteKeepingComments(row, letter);
      } else if (wanted) {
        const list = doc.createNode([value.value, ref], { flow: true });
        // The comment on the line (`A: ana # …`) stays with the value that replaces it.
        if (value.comment) list.comment = value.comment;
        if (value.commentBefore) list.commentBefore = value.commentBefore;
        row.set(letter, list);
      }
    } else if (wanted) {
      row.set(letter, ref);
    }
  }
  // Serialising the whole document would normalise spacing elsewhere; keep every line outside the
  // edited row exactly as it was, and take the row's lines from the new serialisation.
  const rowText = text.slice(...rowRange(parseDocument(text), rowIndex));
  const updated = doc.toString({ flowCollectionPadding: /[[{] /.test(rowText) });
  const index = rowIndex ?? lastIndex(doc);
  const oldDoc = parseDocument(text);
  const newRange = rowRange(parseDocument(updated), index);
  const newLines = linesOf(updated, newRange);
  if (rowIndex === undefined) {
    const existing = oldDoc.get("raci", true);
    if (!isSeq(existing)) {
      return `${text}${text.endsWith("\n") || text === "" ? "" : "\n"}${updated.slice(lineStart(updated, updated.search(/^raci:/m)))}`;
    }
    if (existing.items.length === 0 || existing.flow) {
      // An empty or flow-style list: rewrite the `raci:` entry itself.
      const [start, end] = lineSpan(text, pairRange(oldDoc));
      return splice(text, start, end, linesOf(updated, pairRange(parseDocument(updated))));
    }
    const [, end] = lineSpan(text, rowRange(oldDoc, lastIndex(oldDoc)));
    return splice(text, end + 1, end, newLines);
  }
  const [start, end] = lineSpan(text, rowRange(oldDoc, rowIndex));
  return splice(text, start, end, newLines);
}

/** Deletes `key` from the map, keeping its comments (see {@link removeKeepingComments}). */
function deleteKeepingComments(map: YAMLMap, key: string): void {
  const index = map.items.findIndex((pair) => (isScalar(pair.key) ? pair.key.value : pair.key) === key);
  if (index >= 0) removeKeepingComments(map, index);
}

/** Every comment a node holds, its own and those inside it, in the order they are written. */
function commentsIn(node: unknown): string[] {
  if (isPair(node)) return [...commentsIn(node.key), ...commentsIn(node.value)];
  if (!isNode(node)) return [];
  const inner = isCollection(node) ? node.items.flatMap(commentsIn) : [];
  return [node.commentBefore, ...inner, node.comment].filter((c): c is string => !!c);
}

/**
 * Removes `collection.items[index]` without losing a comment: those of the removed line (before
 * it, after it, or inside it) become lines of their own before the next item kept, or after the
 * last one.
 */
export function removeKeepingComments(collection: YAMLMap | YAMLSeq, index: number): void {
  const [removed] = collection.items.splice(index, 1);
  const comments = commentsIn(removed).join("\n");
  if (!comments) return;
  const next = collection.items[index];
  if (isPair(next) && !isNode(next.key)) next.key = new Scalar(next.key); // a key added by this edit
  const holder = isPair(next) ? next.key : next;
  if (isNode(holder))
    holder.commentBefore = holder.commentBefore ? `${comments}\n${holder.commentBefore}` : comments;
  else collection.comment = collection.comment ? `${comments}\n${collection.comment}` : comments;
}

/** The character range of the whole `raci:` entry, key to end of value. */
function pairRange(doc: ReturnType<typeof parseDocument>): [number, number] {
  const contents = doc.contents;
  const pair = isMap(contents)
    ? contents.items.find((p) => isScalar(p.key) && p.key.value === "raci")
    : undefined;
  const key = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
  const value = (pair?.value as { range?: [number, number, number] } | undefined)?.range;
  return key && value ? [key[0], value[2]] : [0, 0];
}

function lastIndex(doc: ReturnType<typeof parseDocument>): number {
  const raci = doc.get("raci", true);
  return isSeq(raci) ? raci.items.length - 1 : 0;
}

/** The character range of raci[index] in the document's source. */
function rowRange(doc: ReturnType<typeof parseDocument>, index: number | undefined): [number, number] {
  const node = index === undefined ? undefined : doc.getIn(["raci", index], true);
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  return range ? [range[0], range[2]] : [0, 0];
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The first and last line (0-based) that a character range touches. */
function lineSpan(text: string, [start, end]: [number, number]): [number, number] {
  const first = text.slice(0, start).split("\n").length - 1;
  const trimmedEnd = text.slice(0, end).replace(/\s+$/, "").length;
  const last = text.slice(0, trimmedEnd).split("\n").length - 1;
  return [first, last];
}

function linesOf(text: string, range: [number, number]): string[] {
  const [first, last] = lineSpan(text, range);
  return text.split("\n").slice(first, last + 1);
}

/** Replaces lines first..last (inclusive; last < first inserts before first) with `lines`. */
function splice(text: string, first: number, last: number, lines: string[]): string {
  const all = text.split("\n");
  all.splice(first, Math.max(0, last - first + 1), ...lines);
  return all.join("\n");
}
