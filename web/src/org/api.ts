/**
 * The organisation dashboard's typed client: paths and response types from the organisation API's
 * contract (src/server/org/contract.ts). A token in the address (#token=…) is sent with every call;
 * a signed-in browser sends its session cookie, and its CSRF token on writes.
 */
import type { OrgApiResponses } from "../../../src/server/org/contract.ts";
import { ApiError } from "../api.ts";

export type OrgRoute = keyof OrgApiResponses;

const token =
  new URLSearchParams(location.hash.split("?")[1] ?? "").get("token") ??
  sessionStorage.getItem("mlteam-token");
if (token) sessionStorage.setItem("mlteam-token", token);

const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
  ...(token ? { authorization: `Bearer ${token}` } : {}),
  ...extra,
});

export function orgUrl(
  route: OrgRoute,
  params: Record<string, string> = {},
  query: Record<string, string> = {},
) {
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

async function parse<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new ApiError(response.status, body.error ?? `HTTP ${response.status}`);
  return body;
}

export const orgApi = {
  get: async <R extends OrgRoute>(
    route: R,
    params?: Record<string, string>,
    query?: Record<string, string>,
  ): Promise<OrgApiResponses[R]> =>
    parse<OrgApiResponses[R]>(await fetch(orgUrl(route, params, query), { headers: headers() })),
  /** A write (POST, DELETE) with JSON, the request header and, for a signed-in browser, the CSRF token. */
  send: async <T>(
    method: "POST" | "DELETE",
    path: string,
    csrf: string | undefined,
    body?: unknown,
  ): Promise<T> =>
    parse<T>(
      await fetch(path, {
        method,
        headers: headers({
          "content-type": "application/json",
          "x-mlteam-request": "1",
          ...(csrf ? { "x-csrf-token": csrf } : {}),
        }),
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }),
    ),
  /** Asks for a sync of every team (admin): answers what was synced, or what was queued. */
  sync: async (csrf: string | undefined): Promise<unknown> =>
    parse(
      await fetch("/api/org/sync", {
        method: "POST",
        headers: headers({
          "content-type": "application/json",
          "x-mlteam-request": "1",
          ...(csrf ? { "x-csrf-token": csrf } : {}),
        }),
        body: "{}",
      }),
    ),
};

export { ApiError };
