/**
 * The one reading of a RACI reference as written in the model: `role:<id>`, `person:<id>`, or a bare
 * id that may be either (resolved against the model's roles and people by the graph).
 */
export interface WrittenRef {
  /** Set when the reference says what it is. */
  kind?: "role" | "person";
  id: string;
}

export function parseRaciRef(raw: string): WrittenRef {
  const explicit = /^(role|person):(.*)$/.exec(raw);
  return explicit ? { kind: explicit[1] as "role" | "person", id: explicit[2] as string } : { id: raw };
}

/** Whether two written references name the same column (a bare id matches either prefix). */
export function sameRaciRef(a: string, b: string): boolean {
  const x = parseRaciRef(a);
  const y = parseRaciRef(b);
  return x.id === y.id && (x.kind === undefined || y.kind === undefined || x.kind === y.kind);
}
