/**
 * The dashboard's typed client of mlteam's API: the paths and response types come from the
 * server's contract (src/server/contract.ts), so a change there breaks the build here, not the page.
 * A token given in the page's address (#token=…) is sent with every call. Paths are relative to
 * the page, so the same dashboard works at `/` (`mlteam serve`) and at `/teams/{id}/` (a team's
 * read-only pages on the organisation server).
 */
import type {
  ApiResponses,
  CellSavedT,
  EvidenceViewT,
  FindingT,
  HandoverAppliedT,
  HandoverViewT,
  MatrixT,
  ModelViewT,
  RaciCellBodyT,
  ScoreT,
} from "../../src/server/contract.ts";

const token =
  new URLSearchParams(location.hash.split("?")[1] ?? "").get("token") ??
  sessionStorage.getItem("mlteam-token");
if (token) sessionStorage.setItem("mlteam-token", token);

function headers(extra: Record<string, string> = {}): Record<string, string> {
  return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type ApiRoute = keyof ApiResponses;

export interface Request {
  /** Values for `{name}` in the path. */
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
}

/** The URL of `route` with its parameters and query filled in. */
export function apiUrl(route: ApiRoute, request: Request = {}): string {
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(request.params?.[name] ?? ""),
  );
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {}))
    if (value !== undefined) query.set(key, value);
  const search = query.toString();
  return `.${search ? `${path}?${search}` : path}`;
}

async function parse<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new ApiError(response.status, body.error ?? `HTTP ${response.status}`);
  return body;
}

/** POSTs a proposal to the organisation server and answers its patch (signed-in browsers send the CSRF token). */
async function propose(path: string, body: object): Promise<string> {
  const me: { csrf?: string } = await fetch("/api/org/me", { headers: headers() })
    .then((r) => (r.ok ? (r.json() as Promise<{ csrf?: string }>) : {}))
    .catch(() => ({}));
  const response = await fetch(path, {
    method: "POST",
    headers: headers({
      "content-type": "application/json",
      "x-mlteam-request": "1",
      ...(me.csrf ? { "x-csrf-token": me.csrf } : {}),
    }),
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const error = (await response.json().catch(() => ({}))) as { error?: string };
    throw new ApiError(response.status, error.error ?? `HTTP ${response.status}`);
  }
  return response.text();
}

export const api = {
  get: async <R extends ApiRoute>(route: R, request?: Request): Promise<ApiResponses[R]> =>
    parse<ApiResponses[R]>(await fetch(apiUrl(route, request), { headers: headers() })),
  setRaciCell: async (body: RaciCellBodyT, etag: string): Promise<CellSavedT> =>
    parse<CellSavedT>(
      await fetch("./api/raci/cell", {
        method: "PUT",
        headers: headers({ "content-type": "application/json", "x-mlteam-request": "1", "if-match": etag }),
        body: JSON.stringify(body),
      }),
    ),
  /** Writes the handover of `person` planned on version `etag` (412 when the model changed since). */
  applyHandover: async (
    person: string,
    query: { to?: string | undefined; date?: string | undefined },
    etag: string,
  ): Promise<HandoverAppliedT> => {
    const url = apiUrl("/api/handover/{person}", { params: { person }, query }).replace(/(\?|$)/, "/apply$1");
    return parse<HandoverAppliedT>(
      await fetch(url, {
        method: "POST",
        headers: headers({ "content-type": "application/json", "x-mlteam-request": "1", "if-match": etag }),
        body: "{}",
      }),
    );
  },
  /**
   * On a synced team's read-only pages: the same RACI edit, proposed to the organisation server,
   * which answers a patch of the team's YAML to download (signed-in browsers send the CSRF token).
   */
  proposeRaciCell: async (team: string, body: RaciCellBodyT): Promise<string> =>
    propose(`/api/org/teams/${encodeURIComponent(team)}/proposals`, body),
  /** On a synced team's read-only pages: a person's handover, proposed as a patch of the team's YAML. */
  proposeHandover: async (
    team: string,
    body: { person: string; to?: string | undefined; date?: string | undefined },
  ): Promise<string> => propose(`/api/org/teams/${encodeURIComponent(team)}/proposals/handover`, body),
  svg: async (path: "/api/topology.svg"): Promise<string> => {
    const response = await fetch(`.${path}`, { headers: headers() });
    if (!response.ok) throw new ApiError(response.status, `HTTP ${response.status}`);
    return response.text();
  },
};

export type Finding = FindingT;
export type Score = ScoreT;
export type ModelView = ModelViewT;
export type Matrix = MatrixT;
export type Handover = HandoverViewT;

/** The evidence report as the server sends it (the measured report of src/evidence, through the contract). */
export type EvidenceReportT = EvidenceViewT["report"];
