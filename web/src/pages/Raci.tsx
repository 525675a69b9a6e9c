/**
 * The RACI grid: click a cell (or focus it and type r, a, c, i, or Backspace) to change it; saved to
 * the YAML — or, on a synced team's read-only pages, proposed as a patch to download.
 */
import { useEffect, useState } from "react";
import { focusParam, type PageProps } from "../page.ts";
import { LoadGrid } from "./raci/LoadGrid.tsx";
import { RaciTable } from "./raci/RaciTable.tsx";
import { useRaciEdits } from "./raci/useRaciEdits.ts";
import { useApi } from "./useApi.ts";

type Columns = "role" | "person";

export function Raci({ model, reload }: PageProps) {
  const [by, setBy] = useState<Columns>("role");
  const { data, error } = useApi("/api/raci", { query: { by } }, model.etag);
  const focus = focusParam();
  useEffect(() => {
    if (focus && data) document.getElementById(`activity-${focus}`)?.scrollIntoView({ block: "center" });
  }, [focus, data]);
  const { message, proposed, save } = useRaciEdits(model, reload);
  const [showLoad, setShowLoad] = useState(false);
  if (error) return <div className="message error">{error}</div>;
  if (!data) return <p>Loading…</p>;
  return (
    <>
      {message && (
        <div className={`message ${message.kind}`} role="status">
          {message.text}
        </div>
      )}
      <ColumnsPicker by={by} setBy={setBy} synced={Boolean(model.snapshot)} />
      <details onToggle={(e) => setShowLoad((e.target as HTMLDetailsElement).open)}>
        <summary>
          Load per {by === "role" ? "role" : "person"}: how many activities each is R, A, C or I for
        </summary>
        {showLoad && <LoadGrid matrix={data} />}
      </details>
      <RaciTable
        matrix={data}
        focus={focus}
        proposed={proposed}
        set={(row, column, letters) =>
          by === "role" && save(data.etag, row.activity, row.product, column.id, letters)
        }
      />
    </>
  );
}

/** Roles or people as the columns, and what a click on a cell does. */
function ColumnsPicker({
  by,
  setBy,
  synced,
}: {
  by: Columns;
  setBy: (by: Columns) => void;
  synced: boolean;
}) {
  return (
    <p>
      Columns:{" "}
      <select value={by} onChange={(e) => setBy(e.target.value as Columns)} aria-label="columns">
        <option value="role">roles</option>
        <option value="person">people</option>
      </select>{" "}
      {by === "person"
        ? "(read-only by person: edit by role, or name a person in the YAML)"
        : synced
          ? "A synced model is read-only: click a cell to cycle – R A C I R/A – and download the change as a patch."
          : "Click a cell to cycle – R A C I R/A."}
    </p>
  );
}
