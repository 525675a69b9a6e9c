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

/** Downloads a patch (a proposal of the organisation server) as a file of the given name. */
export function downloadPatch(patch: string, name: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([patch], { type: "text/x-diff" }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}
