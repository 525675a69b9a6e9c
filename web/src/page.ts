/** What every dashboard page shares: its props and the subject a link asked it to focus. */
import type { ModelView } from "./api.ts";

export interface PageProps {
  model: ModelView;
  /** Reloads the model (after an edit). */
  reload: () => void;
}

/** The subject a link asked to focus (`#/people?focus=meghan`), if any. */
export const focusParam = () =>
  new URLSearchParams(location.hash.split("?")[1] ?? "").get("focus") ?? undefined;
