/**
 * Parses one YAML text into plain values plus a position tree, so that any path into the
 * value (e.g. `people[3].roles[0].allocation`) can be turned into a line and column.
 *
 * js-yaml does the parsing (an order of magnitude faster than a full document model); its
 * parse-event listener tells where each node opens and closes, which is all we keep.
 */
import yaml from "js-yaml";

export type PathKey = string | number;

/** A node of the position tree: where it starts, and its children (key, value, key, value… for a map). */
interface PosNode {
  start: number;
  kind: string | null;
  children: PosNode[];
  result: unknown;
}

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
  const stack: PosNode[] = [{ start: 0, kind: null, children: [], result: undefined }];
  const listener = (event: "open" | "close", state: yaml.State): void => {
    if (event === "open") {
      stack.push({ start: state.position, kind: null, children: [], result: undefined });
      return;
    }
    const popped = stack.pop();
    if (!popped) return;
    popped.kind = state.kind;
    popped.result = state.result;
    // js-yaml sometimes wraps a node in a second one with the same value (e.g. a flow map as a
    // block sequence item); keep the inner one, whose start is exact.
    const only = popped.children.length === 1 ? popped.children[0] : undefined;
    const node = only && only.result === popped.result ? only : popped;
    stack[stack.length - 1]?.children.push(node);
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
  const root = stack[0]?.children[0];
  return { ok: true, value, source: new Source(path, text, root) };
}

class Source implements YamlSource {
  #lineStarts: number[] | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    private readonly root: PosNode | undefined,
  ) {}

  locate(path: readonly PathKey[], target: "key" | "value" = "value"): Position {
    let node = this.root;
    let offset = node ? node.start : 0;
    for (let i = 0; node && i < path.length; i++) {
      const key = path[i];
      const last = i === path.length - 1;
      const found = child(node, key as PathKey);
      if (!found) break;
      const wantKey = last && found.key && (target === "key" || found.value.result === null);
      offset = (wantKey && found.key ? found.key : found.value).start;
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

function child(node: PosNode, key: PathKey): { key?: PosNode; value: PosNode } | undefined {
  if (node.kind === "sequence") {
    const item = typeof key === "number" ? node.children[key] : undefined;
    return item ? { value: item } : undefined;
  }
  if (node.kind === "mapping") {
    for (let i = 0; i + 1 < node.children.length; i += 2) {
      const k = node.children[i] as PosNode;
      if (String(k.result) === String(key)) return { key: k, value: node.children[i + 1] as PosNode };
    }
  }
  return undefined;
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
