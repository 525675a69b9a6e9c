/**
 * The organisation dashboard: every synced team ranked by risk, the organisation-wide findings, a
 * page per team (its history, and its own pages read-only at /teams/{id}/), people across teams.
 * Read-only: models change in git; an admin can ask for a sync.
 */
import { type ReactNode, useEffect, useState } from "react";
import type { OrgApiResponses } from "../../../src/server/org/contract.ts";
import { orgApi } from "./api.ts";
import { Access } from "./pages/Access.tsx";
import { OrgChartPage } from "./pages/Chart.tsx";
import { Overview } from "./pages/Overview.tsx";
import { People } from "./pages/People.tsx";
import { Team } from "./pages/Team.tsx";
import { useOrgApi } from "./useOrgApi.ts";

const address = () => location.hash.replace(/^#\/?/, "");

/** The part of the address after `#/`: `""`, `team/<id>`, `people?q=…`, `chart`. */
function parse(hash: string): {
  page: "overview" | "team" | "people" | "access" | "chart";
  id?: string;
  query: URLSearchParams;
} {
  const [path = "", search = ""] = hash.split("?");
  const query = new URLSearchParams(search);
  const [first, second] = path.split("/");
  if (first === "team" && second) return { page: "team", id: decodeURIComponent(second), query };
  if (first === "people") return { page: "people", query };
  if (first === "access") return { page: "access", query };
  if (first === "chart") return { page: "chart", query };
  return { page: "overview", query };
}

type Route = ReturnType<typeof parse>;
type Me = OrgApiResponses["/api/org/me"];

/** The part of the address after `#/`, followed as it changes. */
function useHash() {
  const [hash, setHash] = useState(address());
  useEffect(() => {
    const onHash = () => setHash(address());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  return hash;
}

/** Asking for a sync (admins): what it did, and a version that reloads the pages after it. */
function useSync(csrf: string | undefined) {
  const [version, setVersion] = useState(0);
  const [syncing, setSyncing] = useState<string | undefined>();
  const sync = async () => {
    setSyncing("Syncing…");
    try {
      const answer = await orgApi.sync(csrf);
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
  return { version, syncing, sync };
}

const TITLES = {
  people: "People",
  access: "Access",
  overview: "Teams",
  chart: "Organisation chart",
} as const;

export function OrgApp() {
  const hash = useHash();
  const me = useOrgApi("/api/org/me");
  const { version, syncing, sync } = useSync(me.data?.csrf);
  const route = parse(hash);
  const title = route.page === "team" ? (route.id ?? "") : TITLES[route.page];
  // Admins of the organisation or of a team manage access.
  const admin =
    me.data !== undefined &&
    (me.data.roles.includes("admin") ||
      Object.values(me.data.teams).some((roles) => roles.includes("admin")));
  useEffect(() => {
    document.title = `${title} — mlteam organisation`;
  }, [title]);
  const signedOut = me.status === 401;
  return (
    <>
      <button type="button" className="skip" onClick={() => document.getElementById("main")?.focus()}>
        Skip to the page
      </button>
      <OrgNav page={route.page} admin={admin}>
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
      </OrgNav>
      <main id="main" tabIndex={-1}>
        <h1>{title}</h1>
        {syncing && (
          <div className="message info" role="status">
            {syncing}
          </div>
        )}
        {signedOut ? <SignIn /> : <OrgPage route={route} version={version} me={me.data} />}
      </main>
    </>
  );
}

/** The pages (Access for admins only), the current one marked, and who is signed in (`children`). */
function OrgNav({ page, admin, children }: { page: Route["page"]; admin: boolean; children: ReactNode }) {
  return (
    <nav aria-label="Pages">
      <span className="org">Organisation</span>
      <NavLink href="#/" current={page === "overview"}>
        Teams
      </NavLink>
      <NavLink href="#/people" current={page === "people"}>
        People
      </NavLink>
      <NavLink href="#/chart" current={page === "chart"}>
        Chart
      </NavLink>
      {admin && (
        <NavLink href="#/access" current={page === "access"}>
          Access
        </NavLink>
      )}
      <span className="who">{children}</span>
    </nav>
  );
}

function NavLink({ href, current, children }: { href: string; current: boolean; children: ReactNode }) {
  return (
    <a href={href} className={current ? "active" : ""} aria-current={current ? "page" : undefined}>
      {children}
    </a>
  );
}

function SignIn() {
  return (
    <div className="message error">
      This organisation needs a sign-in: <a href="/auth/login">sign in</a>, or open the page with #token=… for
      an API token.
    </div>
  );
}

/** The page the address names. */
function OrgPage({ route, version, me }: { route: Route; version: number; me: Me | undefined }) {
  if (route.page === "team" && route.id)
    return (
      <Team
        key={`${route.id}:${version}`}
        id={route.id}
        version={version}
        show={route.query.get("show") ?? undefined}
      />
    );
  if (route.page === "chart") return <OrgChartPage version={version} />;
  if (route.page === "access") return <Access csrf={me?.csrf} />;
  if (route.page === "people") return <People query={route.query.get("q") ?? ""} />;
  return <Overview version={version} />;
}

/** What a sync did, failures named. */
function syncSummary(outcomes: { id: string; status: string }[]): string {
  const count = (status: string) => outcomes.filter((o) => o.status === status).length;
  const failed = outcomes.filter((o) => o.status === "failed").map((o) => o.id);
  return `Synced ${outcomes.length} teams: ${count("synced")} changed, ${count("unchanged")} unchanged${
    failed.length ? `, ${failed.length} failed (${failed.join(", ")}) — see their pages` : ""
  }.`;
}
