/** People across teams: who is in which team's model, at what share of their time. */
import { useEffect, useState } from "react";
import { useOrgApi } from "../useOrgApi.ts";

export function People({ query }: { query: string }) {
  const [typed, setTyped] = useState(query);
  // The address changed (a link, back or forward): the box follows it.
  useEffect(() => setTyped(query), [query]);
  // The address holds the query, so a search can be linked to and survives a reload.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (typed !== query) location.hash = `#/people${typed ? `?q=${encodeURIComponent(typed)}` : ""}`;
    }, 250);
    return () => clearTimeout(timer);
  }, [typed, query]);
  const people = useOrgApi("/api/org/people", {}, query ? { q: query } : {});
  return (
    <>
      <p>
        <label>
          Search by name, id or e-mail:{" "}
          <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
      </p>
      {people.error ? (
        <div className="message error">{people.error}</div>
      ) : !people.data ? (
        <p>Loading…</p>
      ) : people.data.length === 0 ? (
        <p>Nobody matches.</p>
      ) : (
        <table className="grid" data-testid="org-people">
          <thead>
            <tr>
              <th>Person</th>
              <th>Teams</th>
              <th>Allocated in all</th>
            </tr>
          </thead>
          <tbody>
            {people.data.map((p) => {
              const total = p.teams.reduce((sum, t) => sum + t.allocation, 0);
              return (
                <tr key={p.key}>
                  <th title={p.key}>{p.name}</th>
                  <td>
                    {p.teams.map((t, i) => (
                      <span key={`${t.team}:${t.id}`}>
                        {i > 0 ? ", " : ""}
                        <a href={`#/team/${encodeURIComponent(t.team)}`}>{t.team}</a> (
                        {t.allocation === 0 ? "allocation not recorded" : `${t.allocation}%`})
                      </span>
                    ))}
                  </td>
                  <td className={total > 100 ? "poor" : ""}>{total}%</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
