/** Loads one organisation API resource for a page: data, or the error (and its status) to show. */
import { useEffect, useState } from "react";
import type { OrgApiResponses } from "../../../src/server/org/contract.ts";
import { ApiError, type OrgRoute, orgApi, orgUrl } from "./api.ts";

export function useOrgApi<R extends OrgRoute>(
  route: R,
  params: Record<string, string> = {},
  query: Record<string, string> = {},
  version = 0,
): { data?: OrgApiResponses[R]; error?: string; status?: number } {
  const [state, setState] = useState<{ data?: OrgApiResponses[R]; error?: string; status?: number }>({});
  const url = orgUrl(route, params, query);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `url` stands for route, params and query; `version` fetches again after a sync
  useEffect(() => {
    let live = true;
    orgApi
      .get(route, params, query)
      .then((data) => live && setState({ data }))
      .catch(
        (e: Error) =>
          live && setState({ error: e.message, ...(e instanceof ApiError ? { status: e.status } : {}) }),
      );
    return () => {
      live = false;
    };
  }, [url, version]);
  return state;
}
