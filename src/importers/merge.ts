/**
 * Writes imported entries into a model file without losing its comments or layout: the YAML
 * document is edited in place (new entries appended to their sections), and entries whose id is
 * already there are skipped and reported.
 */
import { isMap, isSeq, parseDocument, stringify } from "yaml";
import type { Imported } from "./types.ts";

export interface MergeResult {
  text: string;
  added: string[];
  skipped: string[];
}

export function mergeIntoModel(text: string, imported: Imported): MergeResult {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`the model is not valid YAML: ${doc.errors[0]?.message}`);
  if (!isMap(doc.contents)) throw new Error("the model is not a mapping of sections");
  const added: string[] = [];
  const skipped: string[] = [];
  const existing = (section: string, key: (item: Record<string, unknown>) => string) => {
    const node = doc.get(section, true);
    const items = isSeq(node) ? (node.toJSON() as Record<string, unknown>[]) : [];
    return new Set(items.map(key));
  };
  const append = (section: string, item: object) => {
    const node = doc.get(section, true);
    if (isSeq(node)) node.add(doc.createNode(item));
    else doc.set(section, doc.createNode([item]));
  };
  const sections: [
    string,
    { id?: string | undefined; activity?: string | undefined; product?: string | undefined }[],
    (i: Record<string, unknown>) => string,
    string,
  ][] = [
    ["people", imported.people, (i) => String(i.id), "person"],
    ["teams", imported.teams, (i) => String(i.id), "team"],
    ["raci", imported.raci, (i) => `${String(i.activity)}|${String(i.product ?? "")}`, "RACI row for"],
  ];
  for (const [section, items, key, what] of sections) {
    const ids = existing(section, key);
    for (const item of items) {
      const k = key(item as Record<string, unknown>);
      const label = `${what} ${section === "raci" ? (item.activity ?? "") : (item.id ?? "")}`;
      if (ids.has(k)) {
        skipped.push(`${label} (already in the model)`);
        continue;
      }
      ids.add(k);
      append(section, item);
      added.push(label);
    }
  }
  return { text: doc.toString(), added, skipped };
}

/** A new model fragment holding the imported entries (for `--out`, or to read before merging). */
export function importedToYaml(imported: Imported, from: string): string {
  const sections: Record<string, unknown> = {};
  if (imported.people.length) sections.people = imported.people;
  if (imported.teams.length) sections.teams = imported.teams;
  if (imported.raci.length) sections.raci = imported.raci;
  const notes = imported.notes.map((n) => `#   - ${n}`).join("\n");
  return `# Imported by mlteam from ${from}. Review it, then include it from mlteam.yaml (include: [this file]).\n${notes ? `# To review:\n${notes}\n` : ""}${stringify(sections)}`;
}
