/**
 * The organisation dashboard: every synced team ranked by risk, the organisation-wide findings, a
 * page per team (its history, and its own pages read-only at /teams/{id}/), people across teams.
 * Read-only: models change in git; an admin can ask for a sync.
 */
import { useEffect, useState } from "react";
import { orgApi } from "./api.ts";
import { Access } from "./pages/Access.tsx";
import { Overview } from "./pages/Overview.tsx";
import { People } from "./pages/People.tsx";
import { Team } from "./pages/Team.tsx";
import { useOrgApi } from "./useOrgApi.ts";

const address = () => location.hash.replace(/^#\/?/, "");

/** The part of the address after `#/`: `""`, `team/<id>`, `people?q=…`. */
function parse(hash: string): {
  page: "overview" | "team" | "people" | "access";
  id?: string;
  query: URLSearchParams;
} {
  const [path = "", search = ""] = hash.split("?");
  const query = new URLSearchParams(search);
  const [first, second] = path.split("/");
  if (first === "team" && second) return { page: "team", id: decodeURIComponent(second), query };
  if (first === "people") return { page: "people", query };
  if (first === "access") return { page: "access", query };
  return { page: "overview", query };
}

export function OrgApp() {
  const [hash, setHash] = useState(address());
  const [version, setVersion] = useState(0);
  const [syncing, setSyncing] = useState<string | undefined>();
  useEffect(() => {
    const onHash = () => setHash(address());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const me = useOrgApi("/api/org/me");
  const route = parse(hash);
  const title =
    route.page === "team"
      ? (route.id ?? "")
      : route.page === "people"
        ? "People"
        : route.page === "access"
          ? "Access"
          : "Teams";
  // Admins of the organisation or of a team manage access.
  const admin =
    me.data !== undefined &&
    (me.data.roles.includes("admin") ||
      Object.values(me.data.teams).some((roles) => roles.includes("admin")));
  useEffect(() => {
    document.title = `${title} — mlteam organisation`;
  }, [title]);
  const sync = async () => {
    setSyncing("Syncing…");
    try {
      const answer = await orgApi.sync(me.data?.csrf);
      setSyncing(
        Array.isArray(answer)
          ? syncSummary(answer as { id: string; status: string }[])
          : "Sync queued: the workers will pick it up; refresh in a moment.",
      );
      setVersion((v) => v + 1);
    } catch (e) {
      setSyncing(`Sync refused: ${(e as Error).message}`);
    }
  };
  const signedOut = me.status === 401;
  return (
    <>
      <button type="button" className="skip" onClick={() => document.getElementById("main")?.focus()}>
        Skip to the page
      </button>
      <nav aria-label="Pages">
        <span className="org">Organisation</span>
        <a
          href="#/"
          className={route.page === "overview" ? "active" : ""}
          aria-current={route.page === "overview" ? "page" : undefined}
        >
          Teams
        </a>
        <a
          href="#/people"
          className={route.page === "people" ? "active" : ""}
          aria-current={route.page === "people" ? "page" : undefined}
        >
          People
        </a>
        {admin && (
          <a
            href="#/access"
            className={route.page === "access" ? "active" : ""}
            aria-current={route.page === "access" ? "page" : undefined}
          >
            Access
          </a>
        )}
        <span className="who">
          {me.data ? (
            <>
              {me.data.actor} ({me.data.grants.join(", ") || "no role"})
              {me.data.roles.includes("admin") && (
                <button type="button" onClick={sync} disabled={syncing === "Syncing…"}>
                  Sync now
                </button>
              )}
            </>
          ) : signedOut ? (
            <a href="/auth/login">Sign in</a>
          ) : null}
        </span>
      </nav>
      <main id="main" tabIndex={-1}>
        <h1>{title}</h1>
        {syncing && (
          <div className="message info" role="status">
            {syncing}
          </div>
        )}
        {signedOut ? (
          <div className="message error">
            This organisation needs a sign-in: <a href="/auth/login">sign in</a>, or open the page with
            #token=… for an API token.
          </div>
        ) : route.page === "team" && route.id ? (
          <Team key={`${route.id}:${version}`} id={route.id} version={version} />
        ) : route.page === "access" ? (
          <Access csrf={me.data?.csrf} />
        ) : route.page === "people" ? (
          <People query={route.query.get("q") ?? ""} />
        ) : (
          <Overview version={version} />
        )}
      </main>
    </>
  );
}

/** What a sync did, failures named. */
function syncSummary(outcomes: { id: string; status: string }[]): string {
  const count = (status: string) => outcomes.filter((o) => o.status === status).length;
  const failed = outcomes.filter((o) => o.status === "failed").map((o) => o.id);
  return `Synced ${outcomes.length} teams: ${count("synced")} changed, ${count("unchanged")} unchanged${
    failed.length ? `, ${failed.length} failed (${failed.join(", ")}) — see their pages` : ""
  }.`;
}
