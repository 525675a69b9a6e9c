/** What-if: tick people away and see the score and findings change; the absence ranking. */
import { useEffect, useState } from "react";
import type { WhatIfViewT } from "../../../src/server/contract.ts";
import { api } from "../api.ts";
import type { PageProps } from "../page.ts";
import { useApi } from "./useApi.ts";

type Result = WhatIfViewT;

export function WhatIf({ model }: PageProps) {
  const [away, setAway] = useState<string[]>([]);
  const [result, setResult] = useState<Result | undefined>();
  const ranking = useApi("/api/rank", {}, model.etag);
  useEffect(() => {
    if (away.length === 0) {
      setResult(undefined);
      return;
    }
    api
      .get("/api/whatif", { query: { without: away.join(",") } })
      .then(setResult, () => setResult(undefined));
  }, [away]);
  return (
    <>
      <div className="card">
        <h3>Who is away?</h3>
        {model.people.map((p) => (
          <label key={p.id} style={{ marginRight: "1rem" }}>
            <input
              type="checkbox"
              checked={away.includes(p.id)}
              onChange={(e) =>
                setAway((list) => (e.target.checked ? [...list, p.id] : list.filter((x) => x !== p.id)))
              }
            />{" "}
            {p.name}
          </label>
        ))}
      </div>
      {result && (
        <div className="card">
          <h3 data-testid="whatif-score">
            Health {result.before.overall} → {result.after.overall}
          </h3>
          <p>
            Activities that lose their R or A:{" "}
            {result.lostCoverage.map((l) => `${l.activity} (${l.letters.join("/")})`).join(", ") || "none"}
          </p>
          <p>
            New findings: {result.appeared.length} · gone: {result.disappeared.length}
          </p>
          <ul>
            {result.appeared.slice(0, 12).map((f) => (
              <li key={`${f.ruleId}:${f.message}`}>{f.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="card">
        <h3>Who the team can least do without</h3>
        <ol>
          {ranking.data?.ranking.slice(0, 10).map((r) => (
            <li key={r.person}>
              {r.name}: {r.damage} points{r.reasons[0] ? ` — ${r.reasons[0].text}` : ""}
            </li>
          ))}
        </ol>
      </div>
    </>
  );
}
