/**
 * What a repository says of its own files in `.gitattributes`: `linguist-generated` and
 * `linguist-vendored` (the attributes GitHub's Linguist reads) mark files a tool wrote or that
 * were copied in, and `-linguist-generated` takes a file back. Read from the analysed commit's
 * tree, every `.gitattributes` (a deeper one overrides a shallower one, a later line an earlier
 * one), with gitattributes(5)'s patterns: without a slash a pattern matches a file's name at any
 * depth below its file's folder; with one, a path from that folder; a pattern naming a folder does
 * not reach inside it (`dir/**` does). Pure.
 */
import { gitPathSource } from "./globs.ts";

/** A file a repository's attributes mark: written by a tool, or copied from elsewhere. */
export type Marked = "generated" | "vendored";

export interface LinguistAttributes {
  /** What the attributes say of a path: marked, explicitly not (false), or nothing (undefined). */
  of(path: string): Marked | false | undefined;
  /** The files read, as a run's measures depend on them ("" when none). */
  readonly text: string;
}

interface Rule {
  regex: RegExp;
  generated?: boolean;
  vendored?: boolean;
}

export const NO_ATTRIBUTES: LinguistAttributes = { of: () => undefined, text: "" };

/** A value of a boolean attribute: set or `=true` is true, unset (`-`) or `=false` false, else undefined. */
function truth(token: string, name: string): boolean | undefined {
  if (token === name || token === `${name}=true`) return true;
  if (token === `-${name}` || token === `${name}=false`) return false;
  return undefined;
}

/** gitattributes(5)'s pattern, as a regular expression over paths from the repository's root. */
function patternRegExp(folder: string, pattern: string): RegExp {
  // Characters git's patterns take literally but picomatch would read as braces or extglobs.
  const literal = pattern.replace(/[{}()!+@]/g, (c) => `\\${c}`);
  const anchored = literal.includes("/") ? literal.replace(/^\//, "") : `**/${literal}`;
  return new RegExp(gitPathSource(folder === "" ? anchored : `${folder}/${anchored}`));
}

function rulesOf(folder: string, text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    // Comments, macro definitions and quoted patterns (rare) are left out.
    if (line === "" || line.startsWith("#") || line.startsWith("[attr]") || line.startsWith('"')) continue;
    const [pattern, ...tokens] = line.split(/\s+/);
    if (!pattern) continue;
    const rule: Rule = { regex: patternRegExp(folder, pattern) };
    for (const token of tokens) {
      const generated = truth(token, "linguist-generated");
      const vendored = truth(token, "linguist-vendored");
      if (generated !== undefined) rule.generated = generated;
      if (vendored !== undefined) rule.vendored = vendored;
    }
    if (rule.generated !== undefined || rule.vendored !== undefined) rules.push(rule);
  }
  return rules;
}

/**
 * The attributes of a tree from its `.gitattributes` files, each given with its path
 * (`.gitattributes`, `sub/dir/.gitattributes`).
 */
export function parseAttributes(files: readonly { path: string; text: string }[]): LinguistAttributes {
  const ordered = [...files].sort(
    (a, b) => a.path.split("/").length - b.path.split("/").length || a.path.localeCompare(b.path),
  );
  const rules = ordered.flatMap((f) =>
    rulesOf(f.path.includes("/") ? f.path.replace(/\/[^/]*$/, "") : "", f.text),
  );
  const text = ordered.map((f) => `${f.path}\n${f.text}`).join("\0");
  if (rules.length === 0) return { of: () => undefined, text };
  return {
    text,
    of(path) {
      let generated: boolean | undefined;
      let vendored: boolean | undefined;
      for (const rule of rules) {
        if (!rule.regex.test(path)) continue;
        if (rule.generated !== undefined) generated = rule.generated;
        if (rule.vendored !== undefined) vendored = rule.vendored;
      }
      if (generated) return "generated";
      if (vendored) return "vendored";
      return generated === false || vendored === false ? false : undefined;
    },
  };
}
