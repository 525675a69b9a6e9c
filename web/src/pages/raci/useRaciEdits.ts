/** Saving a RACI cell to the YAML — or, on a synced team's read-only pages, proposing it as a patch to download. */
import { useState } from "react";
import type { RaciCellBodyT } from "../../../../src/server/contract.ts";
import { ApiError, api, type ModelView } from "../../api.ts";
import { downloadPatch } from "../../page.ts";

export type Message = { kind: "error" | "info"; text: string };

/** The key of a cell in `proposed`. */
export const cellKey = (activity: string, product: string | undefined, column: string) =>
  `${activity}\u0000${product ?? ""}\u0000${column}`;

/** The last message, the letters proposed per cell, and `save`, which saves (or proposes) one cell. */
export function useRaciEdits(model: ModelView, reload: () => void) {
  const [message, setMessage] = useState<Message | undefined>();
  // On a synced model: the letters proposed per cell (shown until the page reloads; each patch
  // changes that one cell of the synced YAML).
  const [proposed, setProposed] = useState<Record<string, string>>({});
  const save = async (
    etag: string,
    activity: string,
    product: string | undefined,
    column: string,
    letters: string,
  ) => {
    const body = {
      activity,
      ...(product ? { product } : {}),
      column,
      letters: letters as RaciCellBodyT["letters"],
    };
    const cell = `${activity} → ${column} = ${letters || "–"}`;
    if (model.snapshot) return propose(model.snapshot.team, body, cell, cellKey(activity, product, column));
    try {
      await api.setRaciCell(body, etag);
      setMessage({ kind: "info", text: `Saved: ${cell}` });
      reload();
    } catch (e) {
      const text =
        e instanceof ApiError && e.status === 409
          ? `Not saved: ${e.message}. The page now shows the file as it is.`
          : `Not saved: ${(e as Error).message}`;
      setMessage({ kind: "error", text });
      reload();
    }
  };
  // A synced model changes in git: the edit becomes a patch to download and send as a pull request.
  const propose = async (team: string, body: RaciCellBodyT, cell: string, key: string) => {
    try {
      const patch = await api.proposeRaciCell(team, body);
      setProposed((old) => ({ ...old, [key]: body.letters }));
      downloadPatch(patch, `${team}-raci.patch`);
      setMessage({
        kind: "info",
        text: `Proposed: ${cell}. ${team}-raci.patch is downloaded: apply it with \`git apply\` and open a pull request.`,
      });
    } catch (e) {
      setMessage({ kind: "error", text: `Not proposed: ${(e as Error).message}` });
    }
  };
  return { message, proposed, save };
}
