/**
 * Parses one YAML text into plain values plus a position tree, so that any path into the
 * value (e.g. `people[3].roles[0].allocation`) can be turned into a line and column.
 *
 * js-yaml does the parsing (an order of magnitude faster than a full document model); its
 * parse-event listener tells where each node opens and closes, which is all we keep.
 */
import yaml from "js-yaml";

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

/** Parses `text` (the content of `path`); never throws on bad YAML. */
export function parseYaml(path: string, text: string): ParseResult {
  const tree = new PositionTree();
  const listener = (event: "open" | "close", state: yaml.State): void => {
    if (event === "open") tree.open(state.position);
    else tree.close(state.kind, state.result);
  };
  let value: unknown;
  try {
    value = yaml.load(text, { filename: path, schema: yaml.CORE_SCHEMA, json: false, listener });
  } catch (error) {
    const source = new Source(path, text, undefined);
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
  #start = new Int32Array(4096);
  #firstChild = new Int32Array(4096);
  #lastChild = new Int32Array(4096);
  #nextSibling = new Int32Array(4096);
  #childCount = new Int32Array(4096);
  #kind = new Uint8Array(4096);
  readonly #result: unknown[] = [];
  readonly #stack: number[] = [];
  readonly #items = new Map<number, Int32Array>();

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

  close(kind: string | null, result: unknown): void {
    const i = this.#stack.pop();
    if (i === undefined) return;
    this.#kind[i] = kind === "mapping" ? MAPPING : kind === "sequence" ? SEQUENCE : 0;
    this.#result[i] = result;
    // js-yaml sometimes wraps a node in a second one with the same value (e.g. a flow map as a
    // block sequence item); keep the inner one, whose start is exact.
    const only = this.#childCount[i] === 1 ? (this.#firstChild[i] as number) : -1;
    const node = only !== -1 && this.#result[only] === result ? only : i;
    const parent = this.#stack.at(-1);
    if (parent === undefined) {
      this.root = node;
      return;
    }
    const last = this.#lastChild[parent] as number;
    if (last === -1) this.#firstChild[parent] = node;
    else this.#nextSibling[last] = node;
    this.#lastChild[parent] = node;
    this.#nextSibling[node] = -1;
    this.#childCount[parent] = (this.#childCount[parent] as number) + 1;
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
  #lineStarts: number[] | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    private readonly tree: PositionTree | undefined,
  ) {}

  locate(path: readonly PathKey[], target: "key" | "value" = "value"): Position {
    const tree = this.tree;
    if (!tree || tree.root === -1) return this.position(0);
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
    return this.position(offset);
  }

  private position(rawOffset: number): Position {
    const offset = skipBlank(this.text, rawOffset);
    this.#lineStarts ??= lineStarts(this.text);
    const starts = this.#lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }
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

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
