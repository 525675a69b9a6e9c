/**
 * `.mailmap` as gitmailmap(5) defines it, applied by mlteam rather than by git: history is stored
 * with the identities as committed, and the analysed commit's `.mailmap` is applied when measuring
 * — so a re-run after the file changed, or an older part of history mined earlier, reads every
 * commit through the same map, as a cold run does. Pure.
 *
 * The four forms: `Proper Name <commit@email>`, `<proper@email> <commit@email>`,
 * `Proper Name <proper@email> <commit@email>` and `Proper Name <proper@email> Commit Name
 * <commit@email>`; and, as git reads it, `Proper Name <email> Commit Name` (that name with that e-mail). E-mails and names match without regard to case; an entry that names the commit
 * name wins over one that gives the e-mail alone; `#` starts a comment.
 */

interface Entry {
  name?: string;
  email?: string;
}

export interface Mailmap {
  /** The identity a commit's name and e-mail stand for. */
  map(name: string, email: string): { name: string; email: string };
  /** How many entries were read (0: no .mailmap, nothing changes). */
  readonly size: number;
  /** The file's text ("" when none): what a run's measures depend on. */
  readonly text: string;
}

const ENTRY = /^\s*([^<#]*?)\s*<([^>]*)>\s*([^<#]*?)\s*(?:<([^>]*)>)?\s*(?:#.*)?$/;

export function parseMailmap(text: string): Mailmap {
  /** e-mail → (commit name or "" → replacement). */
  const byEmail = new Map<string, Map<string, Entry>>();
  let size = 0;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    const match = ENTRY.exec(line);
    if (!match) continue;
    const [, first = "", firstEmail = "", second, secondEmail] = match;
    let entry: Entry;
    let commitName = "";
    let commitEmail: string;
    if (secondEmail === undefined && (second ?? "") !== "") {
      // Proper Name <proper@email> Commit Name: that name with the proper e-mail (git reads it so).
      entry = { name: first, email: firstEmail };
      commitName = (second ?? "").toLowerCase();
      commitEmail = firstEmail;
    } else if (secondEmail === undefined) {
      // Proper Name <commit@email>
      if (first === "") continue;
      entry = { name: first };
      commitEmail = firstEmail;
    } else {
      entry = {
        ...(first !== "" ? { name: first } : {}),
        ...(firstEmail !== "" ? { email: firstEmail } : {}),
      };
      commitName = (second ?? "").toLowerCase();
      commitEmail = secondEmail;
    }
    const key = commitEmail.trim().toLowerCase();
    const names = byEmail.get(key) ?? new Map<string, Entry>();
    // A later line for the same commit identity adds to (and overrides) an earlier one, as in git.
    names.set(commitName, { ...names.get(commitName), ...entry });
    byEmail.set(key, names);
    size++;
  }
  return {
    size,
    text,
    map(name, email) {
      const names = byEmail.get(email.toLowerCase());
      const entry = names?.get(name.toLowerCase()) ?? names?.get("");
      return entry ? { name: entry.name ?? name, email: entry.email ?? email } : { name, email };
    },
  };
}

/** No `.mailmap`: every identity stands for itself. */
export const NO_MAILMAP: Mailmap = { size: 0, text: "", map: (name, email) => ({ name, email }) };
