/**
 * Turns the schema's validation issues into located diagnostics with messages a person can
 * act on: what was expected, what was found, and a "did you mean" for near-misses.
 */

import type { z } from "zod";
import { append } from "./append.ts";
import { type Diagnostic, formatPath } from "./diagnostic.ts";
import { didYouMean } from "./suggest.ts";
import type { PathKey, YamlSource } from "./yaml-source.ts";

type Issue = z.core.$ZodIssue;

export function schemaDiagnostics(
  issues: readonly Issue[],
  input: unknown,
  source: YamlSource,
  schema: z.ZodType,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of flatten(issues, [], input)) {
    const path = issue.path as PathKey[];
    if (issue.code === "unrecognized_keys") {
      const known = keysAt(schema, path);
      for (const key of issue.keys) {
        const at = source.locate([...path, key], "key");
        out.push({
          file: source.path,
          ...at,
          severity: "error",
          code: "unknown-field",
          message: `${formatPath(path)}: unknown field "${key}"${didYouMean(key, known)}`,
        });
      }
      continue;
    }
    const at = source.locate(path);
    out.push({
      file: source.path,
      ...at,
      severity: "error",
      code: "schema",
      message: `${formatPath(path)}: ${describeIssue(issue, valueAt(input, path))}`,
    });
  }
  return out;
}

/** Replaces union failures by the issues of the branch that matched the value's shape. */
function flatten(issues: readonly Issue[], prefix: readonly PropertyKey[], input: unknown): Issue[] {
  const out: Issue[] = [];
  for (const raw of issues) {
    const issue = { ...raw, path: [...prefix, ...raw.path] } as Issue;
    if (issue.code !== "invalid_union" || issue.errors.length === 0) {
      out.push(issue);
      continue;
    }
    const deeper = issue.errors.filter(
      (branch) => !branch.every((i) => i.code === "invalid_type" && i.path.length === 0),
    );
    if (deeper.length > 0) {
      append(out, flatten(deeper[0] as Issue[], issue.path, input));
      continue;
    }
    const expected = issue.errors.flatMap((b) =>
      b.map((i) => (i.code === "invalid_type" ? i.expected : undefined)),
    );
    out.push({
      code: "custom",
      path: issue.path,
      input: undefined,
      message: `expected ${joinOr(expected.filter((e): e is string => !!e).map(article))}, got ${describeValue(valueAt(input, issue.path as PathKey[]))}`,
    } as Issue);
  }
  return out;
}

function describeIssue(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return value === undefined
        ? `"${String(issue.path.at(-1))}" is required (${article(issue.expected)})`
        : `expected ${article(issue.expected)}, got ${describeValue(value)}`;
    case "invalid_value": {
      const allowed = issue.values.map((v) => JSON.stringify(v));
      const hint = typeof value === "string" ? didYouMean(value, issue.values.map(String)) : "";
      return `expected one of ${allowed.join(", ")}, got ${describeValue(value)}${hint}`;
    }
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1)
        return `must not be empty, got ${describeValue(value)}`;
      return `must be at least ${String(issue.minimum)}${issue.origin === "string" ? " characters long" : ""}, got ${describeValue(value)}`;
    case "too_big":
      return `must be at most ${String(issue.maximum)}, got ${describeValue(value)}`;
    case "invalid_format":
      return `${issue.message}, got ${describeValue(value)}`;
    case "not_multiple_of":
      return `must be a whole number, got ${describeValue(value)}`;
    default:
      return issue.message;
  }
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return `the text ${JSON.stringify(value)}`;
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return "a list";
  return "a mapping";
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: "a text",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
    array: "a list",
    object: "a mapping",
  };
  return names[type] ?? type;
}

function joinOr(items: string[]): string {
  const unique = [...new Set(items)];
  return unique.length <= 1
    ? (unique[0] ?? "another value")
    : `${unique.slice(0, -1).join(", ")} or ${unique.at(-1)}`;
}

function valueAt(input: unknown, path: readonly PathKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PathKey, unknown>)[key];
  }
  return current;
}

/** The field names the schema allows at `path`, for "did you mean" on unknown fields. */
function keysAt(schema: z.ZodType, path: readonly PathKey[]): string[] {
  let current: unknown = schema;
  for (const key of [...path, undefined]) {
    current = unwrap(current);
    if (key === undefined) break;
    const def = (current as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown> } })
      .def;
    if (def?.type === "array") current = def.element;
    else if (def?.type === "object" && def.shape) current = def.shape[String(key)];
    else if (def?.type === "record") current = (def as { valueType?: unknown }).valueType;
    else return [];
  }
  const shape = (current as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape ? Object.keys(shape) : [];
}

/** Looks through optional wrappers and picks the object branch of a union. */
function unwrap(schema: unknown): unknown {
  let current = schema as { def?: { type?: string; innerType?: unknown; options?: unknown[] } } | undefined;
  for (let guard = 0; guard < 8 && current?.def; guard++) {
    const def = current.def;
    if (def.type === "optional" || def.type === "nullable" || def.type === "default") {
      current = def.innerType as typeof current;
    } else if (def.type === "union" && def.options) {
      current = (def.options.find((o) => (o as { def?: { type?: string } }).def?.type === "object") ??
        def.options[0]) as typeof current;
    } else break;
  }
  return current;
}
