/** Compares two versions of the model (commits, branches, or the working copy) and lists what changed. */
import { useState } from "react";
import type { DiffViewT } from "../../../../src/server/contract.ts";
import { api } from "../../api.ts";
import type { HistoryPoint } from "./PickedCommit.tsx";

/** The two versions asked for, and what the server answered (kept by the page, across reloads of its data). */
export function useComparison() {
  const [compare, setCompare] = useState<{ base: string; head: string }>({ base: "", head: "" });
  const [compared, setCompared] = useState<{ diff?: DiffViewT; error?: string } | undefined>();
  return { compare, setCompare, compared, setCompared };
}

export function CompareForm({
  points,
  comparison: { compare, setCompare, compared, setCompared },
}: {
  points: HistoryPoint[];
  comparison: ReturnType<typeof useComparison>;
}) {
  return (
    <form
      className="card"
      aria-label="compare two versions"
      onSubmit={(e) => {
        e.preventDefault();
        setCompared({});
        api
          .get("/api/diff", {
            query: { base: compare.base, ...(compare.head ? { head: compare.head } : {}) },
          })
          .then(
            (diff) => setCompared({ diff }),
            (error: Error) => setCompared({ error: error.message }),
          );
      }}
    >
      <h2>Compare</h2>
      <datalist id="commits">
        {points.map((p) => (
          <option key={p.commit} value={p.commit.slice(0, 10)}>
            {p.date.slice(0, 10)}
          </option>
        ))}
      </datalist>
      <label>
        from{" "}
        <input
          list="commits"
          required
          placeholder="main, a commit…"
          value={compare.base}
          onChange={(e) => setCompare({ ...compare, base: e.target.value })}
        />
      </label>{" "}
      <label>
        to{" "}
        <input
          list="commits"
          placeholder="the working copy"
          value={compare.head}
          onChange={(e) => setCompare({ ...compare, head: e.target.value })}
        />
      </label>{" "}
      <button type="submit">Compare</button>
      {compared?.error && <p className="message error">{compared.error}</p>}
      {compared?.diff && <Comparison diff={compared.diff} />}
    </form>
  );
}

/** What changed between the two versions: health, findings, RACI cells and people. */
function Comparison({ diff }: { diff: DiffViewT }) {
  return (
    <div data-testid="compare-result">
      <p>
        {diff.base} → {diff.head}: health {diff.score.before} → {diff.score.after}; {diff.added.length} added,{" "}
        {diff.resolved.length} resolved, {diff.raci.length} RACI cells and {diff.people.length} people
        changed.
      </p>
      <ul>
        {diff.added.map((f) => (
          <li key={`+${f.ruleId}${f.message}`}>+ {f.message}</li>
        ))}
        {diff.resolved.map((f) => (
          <li key={`-${f.ruleId}${f.message}`}>− {f.message}</li>
        ))}
        {diff.raci.map((c) => (
          <li key={`r${c.activity}${c.product ?? ""}${c.column}`}>
            {c.activity} × {c.column}: {c.before || "–"} → {c.after || "–"}
          </li>
        ))}
      </ul>
    </div>
  );
}
