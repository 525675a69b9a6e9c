/** The dashboard shell: navigation, the model's version, and a refresh whenever the YAML changes on disk. */
import { useCallback, useEffect, useState } from "react";
import { api, type ModelView } from "./api.ts";
import type { PageProps } from "./page.ts";
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

/** The model, fetched now and every two seconds (to pick up edits made outside the dashboard). */
function useModel() {
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
    return () => clearInterval(timer);
  }, [reload]);
  return { model, error, reload };
}

/** The page the address names, and the whole address (so that a link to another subject on the same page shows it). */
function useRoute() {
  const [page, setPage] = useState(route());
  // The whole address, so that a link to another subject on the same page (?focus=…) shows it.
  const [address, setAddress] = useState(location.hash);
  useEffect(() => {
    const onHash = () => {
      setPage(route());
      setAddress(location.hash);
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  return { page, address };
}

export function App() {
  const { page, address } = useRoute();
  const { model, error, reload } = useModel();
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
      <Nav org={org} pages={pages} page={page} />
      <main id="main" tabIndex={-1}>
        <h1>{title}</h1>
        {model?.snapshot && <SnapshotBanner snapshot={model.snapshot} />}
        {error && <LoadError error={error} />}
        {model?.diagnostics.some((d) => d.severity === "error") && <ModelErrors model={model} />}
        {model ? (
          <Current key={address.split("?")[1] ? address : page} model={model} reload={reload} />
        ) : (
          !error && <p>Loading…</p>
        )}
      </main>
    </>
  );
}

/** The organisation's name and a link to every page, the current one marked. */
function Nav({ org, pages, page }: { org: string | undefined; pages: typeof PAGES; page: string }) {
  return (
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
  );
}

/** Why the model could not be fetched; a team's synced pages also lead back to the organisation. */
function LoadError({ error }: { error: string }) {
  return (
    <div className="message error">
      {error}
      {/^\/teams\/[^/]+\//.test(location.pathname) && (
        <>
          {" "}
          <a href="../../">Back to the organisation</a>
        </>
      )}
    </div>
  );
}

/** The model's diagnostics, shown when any of them is an error. */
function ModelErrors({ model }: { model: ModelView }) {
  return (
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
