import { closest, distance } from "fastest-levenshtein";

/** The candidate closest to `value`, when it is close enough to be a likely typo. */
export function suggest(value: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length === 0) return undefined;
  const lower = value.toLowerCase();
  const exactCase = list.find((c) => c.toLowerCase() === lower);
  if (exactCase) return exactCase;
  const best = closest(value, list);
  const limit = Math.min(Math.max(2, Math.floor(value.length / 3)), value.length - 1);
  if (distance(value, best) <= limit) return best;
  // A shortened id ("mlops" for "mlops-engineer") when it starts only one candidate.
  const prefixed = value.length >= 3 ? list.filter((c) => c.toLowerCase().startsWith(lower)) : [];
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** " (did you mean \"x\"?)" or "" — appended to messages about unknown names. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const best = suggest(value, candidates);
  return best === undefined ? "" : ` — did you mean "${best}"?`;
}

/** A value the user gave, quoted and cut to a length that is safe to echo in a message. */
export function quote(value: string, max = 80): string {
  // JSON.stringify escapes control characters, so the value cannot forge lines in a log.
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}
