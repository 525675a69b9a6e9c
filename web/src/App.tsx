/** The dashboard shell: navigation, the model's version, and a refresh whenever the YAML changes on disk. */
import { useCallback, useEffect, useState } from "react";
import { api, type ModelView } from "./api.ts";
import { Catalog } from "./pages/Catalog.tsx";
import { Evidence } from "./pages/Evidence.tsx";
import { Governance } from "./pages/Governance.tsx";
import { History } from "./pages/History.tsx";
import { Overview } from "./pages/Overview.tsx";
import { People } from "./pages/People.tsx";
import { Raci } from "./pages/Raci.tsx";
import { Skills } from "./pages/Skills.tsx";
import { Topology } from "./pages/Topology.tsx";
import { WhatIf } from "./pages/WhatIf.tsx";

export interface PageProps {
  model: ModelView;
  /** Reloads the model (after an edit). */
  reload: () => void;
}

const PAGES: [string, string, (props: PageProps) => React.JSX.Element][] = [
  ["overview", "Overview", Overview],
  ["raci", "RACI", Raci],
  ["people", "People", People],
  ["skills", "Skills", Skills],
  ["topology", "Topology", Topology],
  ["whatif", "What-if", WhatIf],
  ["history", "History", History],
  ["evidence", "Evidence", Evidence],
  ["governance", "Governance", Governance],
  ["catalog", "Catalog", Catalog],
];

const route = () => location.hash.replace(/^#\/?/, "").split("?")[0] || "overview";

/** The subject a link asked to focus (`#/people?focus=meghan`), if any. */
export const focusParam = () =>
  new URLSearchParams(location.hash.split("?")[1] ?? "").get("focus") ?? undefined;

export function App() {
  const [page, setPage] = useState(route());
  // The whole address, so that a link to another subject on the same page (?focus=…) shows it.
  const [address, setAddress] = useState(location.hash);
  const [model, setModel] = useState<ModelView | undefined>();
  const [error, setError] = useState<string | undefined>();
  const reload = useCallback(() => {
    api
      .get("/api/model")
      .then((m) => {
        setModel((old) => (old?.etag === m.etag ? old : m));
        setError(undefined);
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    reload();
    const timer = setInterval(reload, 2000); // picks up edits made to the file outside the dashboard
    const onHash = () => {
      setPage(route());
      setAddress(location.hash);
    };
    window.addEventListener("hashchange", onHash);
    return () => {
      clearInterval(timer);
      window.removeEventListener("hashchange", onHash);
    };
  }, [reload]);
  // A synced snapshot (a team's pages on the organisation server) has no git history here: the
  // organisation's page of the team shows its history over its synced commits.
  const pages = model?.snapshot ? PAGES.filter(([id]) => id !== "history") : PAGES;
  const entry = pages.find(([id]) => id === page) ?? pages[0];
  const Current = entry?.[2] ?? Overview;
  const title = entry?.[1] ?? "Overview";
  const org = model?.organisation?.name;
  useEffect(() => {
    document.title = `${title} — ${org ?? "mlteam"} — mlteam`;
  }, [title, org]);
  return (
    <>
      <button type="button" className="skip" onClick={() => document.getElementById("main")?.focus()}>
        Skip to the page
      </button>
      <nav aria-label="Pages">
        <span className="org">{org ?? "mlteam"}</span>
        {pages.map(([id, label]) => (
          <a
            key={id}
            href={`#/${id}`}
            className={id === page ? "active" : ""}
            aria-current={id === page ? "page" : undefined}
          >
            {label}
          </a>
        ))}
      </nav>
      <main id="main" tabIndex={-1}>
        <h1>{title}</h1>
        {model?.snapshot && <SnapshotBanner snapshot={model.snapshot} />}
        {error && (
          <div className="message error">
            {error}
            {/^\/teams\/[^/]+\//.test(location.pathname) && (
              <>
                {" "}
                <a href="../../">Back to the organisation</a>
              </>
            )}
          </div>
        )}
        {model?.diagnostics.some((d) => d.severity === "error") && (
          <div className="message error">
            The model has errors; fix them in the YAML:
            <ul>
              {model.diagnostics.map((d) => (
                <li
                  key={`${d.file}:${d.line}:${d.column}:${d.message}`}
                >{`${d.file}:${d.line}:${d.column} ${d.message}`}</li>
              ))}
            </ul>
          </div>
        )}
        {model ? (
          <Current key={address.split("?")[1] ? address : page} model={model} reload={reload} />
        ) : (
          !error && <p>Loading…</p>
        )}
      </main>
    </>
  );
}

/** Says whose snapshot this is, from which commit, and leads back to the organisation. */
function SnapshotBanner({ snapshot }: { snapshot: NonNullable<ModelView["snapshot"]> }) {
  return (
    <div className="message info" role="note">
      Read-only: <strong>{snapshot.team}</strong> as synced from commit{" "}
      <code>{snapshot.commit.slice(0, 10)}</code> ({snapshot.committedAt.slice(0, 10)}, synced{" "}
      {snapshot.syncedAt.slice(0, 16).replace("T", " ")}). Edits become patches to send as pull requests.{" "}
      <a href={`../../#/team/${encodeURIComponent(snapshot.team)}`}>Back to the organisation</a>
    </div>
  );
}
