/**
 * Writes imported entries into a model file without losing its comments or layout: new entries
 * are appended as text after the last entry of their section (with its indentation), so every
 * existing line stays as it was; entries whose id is already there are skipped and reported.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify } from "yaml";
import { yamlDocumentAliasProblem, yamlToJS } from "../model/yaml-source.ts";
import type { Imported } from "./types.ts";

export interface MergeResult {
  text: string;
  added: string[];
  skipped: string[];
}

type Doc = ReturnType<typeof parseDocument>;

export function mergeIntoModel(text: string, imported: Imported): MergeResult {
  const first = parseDocument(text);
  if (first.errors.length > 0) throw new Error(`the model is not valid YAML: ${first.errors[0]?.message}`);
  // Aliases are bounded as in a model (YAML_ALIAS_LIMITS) before any section is expanded.
  const aliases = yamlDocumentAliasProblem(first, text);
  if (aliases) throw new Error(`line ${aliases.line}, column ${aliases.column}: ${aliases.message}`);
  if (!isMap(first.contents) && first.contents !== null)
    throw new Error("the model is not a mapping of sections");
  const added: string[] = [];
  const skipped: string[] = [];
  let result = text;
  const sections: [string, object[], (i: Record<string, unknown>) => string, string][] = [
    ["people", imported.people, (i) => String(i.id), "person"],
    ["units", imported.units ?? [], (i) => String(i.id), "unit"],
    ["teams", imported.teams, (i) => String(i.id), "team"],
    ["products", imported.products ?? [], (i) => String(i.id), "product"],
    ["openings", imported.openings ?? [], (i) => String(i.id), "opening"],
    [
      "stakeholders",
      imported.stakeholders ?? [],
      (i) => `${String(i.kind)}|${String(i.person ?? "")}|${String(i.name ?? "")}`,
      "stakeholder",
    ],
    ["raci", imported.raci, (i) => `${String(i.activity)}|${String(i.product ?? "")}`, "RACI row for"],
    ["onCall", imported.onCall ?? [], (i) => String(i.id), "on-call rotation"],
    ["roles", imported.roles ?? [], (i) => String(i.id), "role"],
    ["activities", imported.activities ?? [], (i) => String(i.id), "activity"],
    ["competencies", imported.competencies ?? [], (i) => String(i.id), "competency"],
    [
      "suppress",
      imported.suppress ?? [],
      (i) => `${String(i.rule)}|${String(i.subject ?? "")}`,
      "suppression of",
    ],
  ];
  // A model keeps its own organisation and settings; the imported ones are named, not merged.
  for (const single of ["organisation", "rules", "evidence"] as const)
    if (imported[single] !== undefined) skipped.push(`${single} (the model keeps its own)`);
  for (const [section, items, key, what] of sections) {
    const doc = parseDocument(result);
    const node = doc.get(section, true);
    const ids = new Set(isSeq(node) ? (plain(doc, result, node) as Record<string, unknown>[]).map(key) : []);
    const fresh: object[] = [];
    for (const item of items) {
      const record = item as Record<string, unknown>;
      const label = `${what} ${String(section === "raci" ? record.activity : section === "stakeholders" ? `${String(record.kind)} ${String(record.person ?? record.name)}` : section === "suppress" ? record.rule : record.id)}`;
      if (ids.has(key(record))) {
        skipped.push(`${label} (already in the model)`);
        continue;
      }
      ids.add(key(record));
      fresh.push(item);
      added.push(label);
    }
    if (fresh.length > 0) result = appendToSection(result, doc, section, fresh);
  }
  return { text: result, added, skipped };
}

/** `node` of `doc` (parsed from `text`) as plain values, its aliases written out within YAML_ALIAS_LIMITS. */
function plain(doc: Doc, text: string, node: unknown): unknown {
  const js = yamlToJS(doc, text, node);
  if (!js.ok) throw new Error(`line ${js.line}, column ${js.column}: ${js.message}`);
  return js.value;
}

/** Appends `items` to the list under `section`, touching no existing line (but an empty or flow list's own line). */
function appendToSection(text: string, doc: Doc, section: string, items: object[]): string {
  const node = doc.get(section, true);
  const lines = text.split("\n");
  const serialised = stringify(items).trimEnd().split("\n");
  if (isSeq(node) && node.items.length > 0 && !node.flow) {
    const last = node.items.at(-1) as { range?: [number, number, number] };
    const firstItem = node.items[0] as { range?: [number, number, number] };
    const lineOf = (offset: number) => text.slice(0, offset).split("\n").length - 1;
    const itemLine = lines[lineOf(firstItem.range?.[0] ?? 0)] ?? "";
    const indent = " ".repeat(Math.max(0, itemLine.indexOf("-")));
    const end = lineOf(text.slice(0, last.range?.[2] ?? 0).replace(/\s+$/, "").length);
    lines.splice(end + 1, 0, ...serialised.map((l) => indent + l));
    return lines.join("\n");
  }
  const entry = [`${section}:`, ...serialised.map((l) => `  ${l}`)];
  if (!isSeq(node) || !isMap(doc.contents)) {
    const body = text.endsWith("\n") || text === "" ? text : `${text}\n`;
    return `${body}${entry.join("\n")}\n`;
  }
  // An empty or flow list: replace the section's own lines.
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === section);
  const start = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0;
  const stop = (pair?.value as { range?: [number, number, number] } | undefined)?.range?.[2] ?? start;
  const first = text.slice(0, start).split("\n").length - 1;
  const last = text.slice(0, text.slice(0, stop).replace(/\s+$/, "").length).split("\n").length - 1;
  const existing = (plain(doc, text, node) as object[]) ?? [];
  const merged = [
    `${section}:`,
    ...stringify([...existing, ...items])
      .trimEnd()
      .split("\n")
      .map((l) => `  ${l}`),
  ];
  lines.splice(first, last - first + 1, ...merged);
  return lines.join("\n");
}

/** A new model fragment holding the imported entries (for `--out`, or to read before merging). */
export function importedToYaml(imported: Imported, from: string): string {
  const sections: Record<string, unknown> = {};
  if (imported.organisation) sections.organisation = imported.organisation;
  if (imported.people.length) sections.people = imported.people;
  if (imported.units?.length) sections.units = imported.units;
  if (imported.teams.length) sections.teams = imported.teams;
  if (imported.products?.length) sections.products = imported.products;
  if (imported.openings?.length) sections.openings = imported.openings;
  if (imported.stakeholders?.length) sections.stakeholders = imported.stakeholders;
  if (imported.raci.length) sections.raci = imported.raci;
  for (const key of ["onCall", "roles", "activities", "competencies", "suppress"] as const)
    if (imported[key]?.length) sections[key] = imported[key];
  if (imported.rules && Object.keys(imported.rules).length) sections.rules = imported.rules;
  if (imported.evidence) sections.evidence = imported.evidence;
  const notes = imported.notes.map((n) => `#   - ${n}`).join("\n");
  return `# Imported by mlteam from ${from}. Review it, then include it from mlteam.yaml (include: [this file]).\n${notes ? `# To review:\n${notes}\n` : ""}${stringify(sections)}`;
}
