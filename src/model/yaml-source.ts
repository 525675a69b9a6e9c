/**
 * Parses one YAML text into plain values plus a position tree, so that any path into the
 * value (e.g. `people[3].roles[0].allocation`) can be turned into a line and column.
 *
 * js-yaml does the parsing (an order of magnitude faster than a full document model); its
 * parse-event listener tells where each node opens and closes, which is all we keep.
 *
 * Aliases are bounded ({@link YAML_ALIAS_LIMITS}): js-yaml shares an anchored value by reference,
 * so nine nested lines of aliases (the "billion laughs") parse in no time into a value that every
 * later walk (the schema, a copy, JSON) sees as billions of nodes. The listener counts what each
 * alias stands for as it is read and stops at the first one past the budget.
 */
import yaml from "js-yaml";
import { type Document, isAlias, isMap, isNode, isPair, isScalar, isSeq } from "yaml";

export type PathKey = string | number;

export interface Position {
  line: number;
  column: number;
}

export interface YamlSource {
  readonly path: string;
  readonly text: string;
  /** Position of the value at `path`, or of the nearest existing ancestor. */
  locate(path: readonly PathKey[], target?: "key" | "value"): Position;
}

export type ParseResult =
  | { ok: true; value: unknown; source: YamlSource }
  | { ok: false; message: string; position: Position; source: YamlSource };

/**
 * How much a YAML file's aliases may expand to, wherever YAML is read (models, the organisation
 * file, imports, RACI edits): counted over every alias of a document, what it stands for in full
 * (an alias of a map of 10 skills is 21 nodes: the map, 10 keys, 10 levels). Real models use few
 * or no aliases (a shared skills map for a few hundred people is a few thousand nodes), so these
 * are far above them and far below what hurts: 100,000 nodes is a few megabytes once copied.
 */
export const YAML_ALIAS_LIMITS = {
  /** Nodes reached through aliases. */
  nodes: 100_000,
  /** Characters of keys and strings reached through aliases (what a long text aliased many times costs). */
  characters: 1_000_000,
} as const;

/** Parses `text` (the content of `path`); never throws on bad YAML, nor on aliases past {@link YAML_ALIAS_LIMITS}. */
export function parseYaml(path: string, text: string): ParseResult {
  const tree = new PositionTree(text.length);
  const aliases = mayAlias(text) ? new AliasBudget() : undefined;
  const listener = (event: "open" | "close", state: yaml.State): void => {
    if (event === "open") {
      tree.open(state.position);
      return;
    }
    const node = tree.close(state.kind, state.result);
    if (!aliases) return;
    const result: unknown = state.result;
    if (state.kind !== null) {
      if (result !== null && typeof result === "object") aliases.complete(result);
    } else if (result !== null && node !== -1 && tree.isLeaf(node)) {
      // An alias is a node with no kind and no children of its own whose text starts with `*`.
      const start = skipBlank(text, tree.start(node));
      if (text.charCodeAt(start) === 42 /* * */) aliases.expand(result, start);
    }
  };
  let value: unknown;
  try {
    value = yaml.load(text, { filename: path, schema: yaml.CORE_SCHEMA, json: false, listener });
  } catch (error) {
    const source = new Source(path, text, undefined);
    if (error instanceof AliasProblem) {
      return { ok: false, message: error.message, position: source.positionAt(error.offset), source };
    }
    if (error instanceof yaml.YAMLException) {
      return {
        ok: false,
        message: error.reason || "invalid YAML",
        position: { line: error.mark.line + 1, column: error.mark.column + 1 },
        source,
      };
    }
    return { ok: false, message: String(error), position: { line: 1, column: 1 }, source };
  }
  return { ok: true, value, source: new Source(path, text, tree) };
}

/** A problem with a `yaml` package document's aliases, located in its text. */
export interface AliasProblemAt {
  message: string;
  line: number;
  column: number;
}

/**
 * The first alias of the documents the `yaml` package parsed from `text` that takes them past
 * {@link YAML_ALIAS_LIMITS} (one budget for the whole text), or that refers to a node holding it,
 * with its line and column; undefined when the aliases stay within the limits. {@link yamlToJS}
 * checks its own document; check a text of several documents as a whole first.
 */
export function yamlDocumentAliasProblem(
  docs: Document | readonly Document[],
  text: string,
): AliasProblemAt | undefined {
  if (!mayAlias(text)) return undefined;
  const budget = new Budget();
  try {
    for (const doc of Array.isArray(docs) ? docs : [docs]) new DocumentAliases(budget).walk(doc.contents);
  } catch (error) {
    if (!(error instanceof AliasProblem)) throw error;
    return { message: error.message, ...positionIn(text, lineStarts(text), error.offset) };
  }
  return undefined;
}

/**
 * `node` (the whole document by default) of a document parsed by the `yaml` package from `text`, as
 * plain values, once its aliases are found within {@link YAML_ALIAS_LIMITS}; `toJS` gets the same
 * budget as its `maxAliasCount` (its own default is 100), and its refusal is reported the same way.
 */
export function yamlToJS(
  doc: Document,
  text: string,
  node: unknown = doc.contents,
): { ok: true; value: unknown } | ({ ok: false } & AliasProblemAt) {
  const problem = yamlDocumentAliasProblem(doc, text);
  if (problem) return { ok: false, ...problem };
  const options = { maxAliasCount: YAML_ALIAS_LIMITS.nodes };
  try {
    const value = node === doc.contents ? doc.toJS(options) : isNode(node) ? node.toJS(doc, options) : node;
    return { ok: true, value };
  } catch (error) {
    // yaml's own count (uses of an anchor × the aliases inside it) past the same budget.
    if (!(error instanceof ReferenceError && /excessive alias count/i.test(error.message))) throw error;
    const offset = isNode(node) ? (node.range?.[0] ?? 0) : 0;
    return { ok: false, message: TOO_MANY_NODES, ...positionIn(text, lineStarts(text), offset) };
  }
}

/** An alias past the budget, or one that refers to a node holding it, at `offset` in the text. */
class AliasProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const TOO_MANY_NODES = `aliases expand to more than ${YAML_ALIAS_LIMITS.nodes.toLocaleString("en")} nodes (a YAML alias bomb?); write the values out or use fewer nested aliases`;
const TOO_MANY_CHARACTERS = `aliases expand to more than ${YAML_ALIAS_LIMITS.characters.toLocaleString("en")} characters of text (a YAML alias bomb?); write the values out or alias less text`;
const RECURSIVE = "an alias refers to a node that holds it (a recursive alias); write the value out instead";

/** Whether `text` may hold an alias at all: one needs an anchor (`&name`) and an alias (`*name`). */
function mayAlias(text: string): boolean {
  return text.includes("&") && text.includes("*");
}

/** What a value stands for once its aliases are written out. */
interface Size {
  nodes: number;
  characters: number;
}

/** The nodes and characters aliases have stood for so far; throws {@link AliasProblem} past the limits. */
class Budget {
  nodes = 0;
  characters = 0;

  spend(size: Size, offset: number): void {
    this.nodes += size.nodes;
    this.characters += size.characters;
    if (this.nodes > YAML_ALIAS_LIMITS.nodes) throw new AliasProblem(TOO_MANY_NODES, offset);
    if (this.characters > YAML_ALIAS_LIMITS.characters) throw new AliasProblem(TOO_MANY_CHARACTERS, offset);
  }
}

/**
 * The budget of one js-yaml parse. js-yaml hands an alias the anchored value itself, so the size of
 * a value is measured once (memoised per object) however often it is aliased. js-yaml stores a
 * collection's anchor when the collection opens, so an alias inside it gets the unfinished
 * collection and makes a cycle: such an alias (to a collection not yet closed) is refused.
 */
class AliasBudget extends Budget {
  readonly #complete = new Set<object>();
  readonly #sizes = new Map<object, Size>();

  complete(value: object): void {
    this.#complete.add(value);
  }

  expand(value: unknown, offset: number): void {
    if (value !== null && typeof value === "object" && !this.#complete.has(value))
      throw new AliasProblem(RECURSIVE, offset);
    this.spend(this.#size(value), offset);
  }

  #size(value: unknown): Size {
    if (value === null || typeof value !== "object")
      return { nodes: 1, characters: typeof value === "string" ? value.length : 0 };
    const known = this.#sizes.get(value);
    if (known) return known;
    const size = { nodes: 1, characters: 0 };
    const add = (inner: Size) => {
      size.nodes += inner.nodes;
      size.characters += inner.characters;
    };
    if (Array.isArray(value)) for (const item of value) add(this.#size(item));
    else
      for (const [key, inner] of Object.entries(value)) {
        add({ nodes: 1, characters: key.length });
        add(this.#size(inner));
      }
    this.#sizes.set(value, size);
    return size;
  }
}

/**
 * The same budget over a `yaml` package document, walked in document order: an alias stands for
 * the last node anchored with its name before it (the anchor counts from where its node opens, so
 * an alias inside that node is recursive), whose size is known once the node has been walked.
 */
class DocumentAliases {
  readonly #anchors = new Map<string, unknown>();
  readonly #sizes = new Map<unknown, Size>();
  readonly #open = new Set<unknown>();

  constructor(readonly budget: Budget) {}

  walk(node: unknown): Size {
    if (isAlias(node)) {
      const target = this.#anchors.get(node.source);
      const offset = node.range?.[0] ?? 0;
      if (target === undefined) return { nodes: 1, characters: 0 }; // reported by the parser
      if (this.#open.has(target)) throw new AliasProblem(RECURSIVE, offset);
      const size = this.#sizes.get(target) ?? { nodes: 1, characters: 0 };
      this.budget.spend(size, offset);
      return size;
    }
    const anchor = (node as { anchor?: unknown } | null)?.anchor;
    if (typeof anchor !== "string") return this.#inner(node);
    this.#anchors.set(anchor, node);
    this.#open.add(node);
    const size = this.#inner(node);
    this.#open.delete(node);
    this.#sizes.set(node, size);
    return size;
  }

  #inner(node: unknown): Size {
    if (isScalar(node))
      return { nodes: 1, characters: typeof node.value === "string" ? node.value.length : 0 };
    const size = { nodes: 1, characters: 0 };
    if (!isMap(node) && !isSeq(node)) return size;
    const add = (inner: Size) => {
      size.nodes += inner.nodes;
      size.characters += inner.characters;
    };
    for (const item of node.items) {
      if (isPair(item)) {
        add(this.walk(item.key));
        add(this.walk(item.value));
      } else add(this.walk(item));
    }
    return size;
  }
}

const MAPPING = 1;
const SEQUENCE = 2;

/**
 * The nodes of a document in flat typed arrays (a model of 100k people has millions of nodes, and
 * one object per node would keep the garbage collector busy). Children are linked lists of
 * siblings; a sequence's children get an index array the first time one of them is looked up.
 */
class PositionTree {
  root = -1;
  #size = 0;
  #start: Int32Array;
  #firstChild: Int32Array;
  #lastChild: Int32Array;
  #nextSibling: Int32Array;
  #childCount: Int32Array;
  #kind: Uint8Array;
  readonly #result: unknown[];
  readonly #stack: number[] = [];
  readonly #items = new Map<number, Int32Array>();

  /**
   * Room for the nodes a text of `textLength` characters is likely to hold (models run at 8 to 11
   * characters a node), so that a large model's arrays are not copied as they grow.
   */
  constructor(textLength: number) {
    const size = Math.min(Math.max(4096, Math.ceil(textLength / 6)), 1 << 24);
    this.#start = new Int32Array(size);
    this.#firstChild = new Int32Array(size);
    this.#lastChild = new Int32Array(size);
    this.#nextSibling = new Int32Array(size);
    this.#childCount = new Int32Array(size);
    this.#kind = new Uint8Array(size);
    // Filled out of order (a node's result comes when it closes): a holey array made at its size.
    this.#result = new Array(size);
  }

  open(position: number): void {
    if (this.#size === this.#start.length) this.#grow();
    const i = this.#size++;
    this.#start[i] = position;
    this.#firstChild[i] = -1;
    this.#lastChild[i] = -1;
    this.#nextSibling[i] = -1;
    this.#childCount[i] = 0;
    this.#stack.push(i);
  }

  /** Closes the innermost open node and returns it (-1 when none was open). */
  close(kind: string | null, result: unknown): number {
    const i = this.#stack.pop();
    if (i === undefined) return -1;
    this.#kind[i] = kind === "mapping" ? MAPPING : kind === "sequence" ? SEQUENCE : 0;
    this.#result[i] = result;
    // js-yaml sometimes wraps a node in a second one with the same value (e.g. a flow map as a
    // block sequence item); keep the inner one, whose start is exact.
    const only = this.#childCount[i] === 1 ? (this.#firstChild[i] as number) : -1;
    const node = only !== -1 && this.#result[only] === result ? only : i;
    const parent = this.#stack.at(-1);
    if (parent === undefined) {
      this.root = node;
      return i;
    }
    const last = this.#lastChild[parent] as number;
    if (last === -1) this.#firstChild[parent] = node;
    else this.#nextSibling[last] = node;
    this.#lastChild[parent] = node;
    this.#nextSibling[node] = -1;
    this.#childCount[parent] = (this.#childCount[parent] as number) + 1;
    return i;
  }

  isLeaf(node: number): boolean {
    return this.#childCount[node] === 0;
  }

  start(node: number): number {
    return this.#start[node] as number;
  }

  isNull(node: number): boolean {
    return this.#result[node] === null;
  }

  /** The key and value nodes of `key` under `node`, or undefined. */
  child(node: number, key: PathKey): { key: number; value: number } | undefined {
    const kind = this.#kind[node];
    if (kind === SEQUENCE) {
      if (typeof key !== "number") return undefined;
      const item = this.#itemsOf(node)[key];
      return item === undefined ? undefined : { key: -1, value: item };
    }
    if (kind !== MAPPING) return undefined;
    const wanted = String(key);
    for (let k = this.#firstChild[node] as number; k !== -1; ) {
      const v = this.#nextSibling[k] as number;
      if (v === -1) break;
      if (String(this.#result[k]) === wanted) return { key: k, value: v };
      k = this.#nextSibling[v] as number;
    }
    return undefined;
  }

  #itemsOf(node: number): Int32Array {
    let items = this.#items.get(node);
    if (!items) {
      items = new Int32Array(this.#childCount[node] as number);
      let n = 0;
      for (let c = this.#firstChild[node] as number; c !== -1; c = this.#nextSibling[c] as number)
        items[n++] = c;
      this.#items.set(node, items);
    }
    return items;
  }

  #grow(): void {
    const size = this.#start.length * 2;
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.#start = grow32(this.#start);
    this.#firstChild = grow32(this.#firstChild);
    this.#lastChild = grow32(this.#lastChild);
    this.#nextSibling = grow32(this.#nextSibling);
    this.#childCount = grow32(this.#childCount);
    const kind = new Uint8Array(size);
    kind.set(this.#kind);
    this.#kind = kind;
  }
}

class Source implements YamlSource {
  #lineStarts: Int32Array | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    private readonly tree: PositionTree | undefined,
  ) {}

  locate(path: readonly PathKey[], target: "key" | "value" = "value"): Position {
    const tree = this.tree;
    if (!tree || tree.root === -1) return this.positionAt(0);
    let node = tree.root;
    let offset = tree.start(node);
    for (let i = 0; i < path.length; i++) {
      const found = tree.child(node, path[i] as PathKey);
      if (!found) break;
      const last = i === path.length - 1;
      const wantKey = last && found.key !== -1 && (target === "key" || tree.isNull(found.value));
      offset = tree.start(wantKey ? found.key : found.value);
      node = found.value;
    }
    return this.positionAt(offset);
  }

  /** The line and column of the first character of a node at or after `rawOffset`. */
  positionAt(rawOffset: number): Position {
    this.#lineStarts ??= lineStarts(this.text);
    return positionIn(this.text, this.#lineStarts, rawOffset);
  }
}

/** The line and column of `rawOffset` once blanks and comments are skipped; `starts` are the text's line starts. */
function positionIn(text: string, starts: Int32Array, rawOffset: number): Position {
  const offset = skipBlank(text, rawOffset);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

/** Skips spaces, line breaks, comments and document markers to the first character of a node. */
function skipBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else break;
  }
  return Math.min(i, text.length);
}

/** Where each line of `text` starts (counted first, so a large text's list is made once at its size). */
function lineStarts(text: string): Int32Array {
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  const starts = new Int32Array(lines);
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts[line++] = i + 1;
  return starts;
}
