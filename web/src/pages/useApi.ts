/** Loads one API resource for a page: data, or the error to show. */
import { useEffect, useState } from "react";
import type { ApiResponses } from "../../../src/server/contract.ts";
import { type ApiRoute, api, apiUrl, type Request } from "../api.ts";

/** `version` (the model's ETag) reloads the resource when the model changes. */
export function useApi<R extends ApiRoute>(
  route: R,
  request: Request = {},
  version = "",
): { data?: ApiResponses[R]; error?: string } {
  const [state, setState] = useState<{ data?: ApiResponses[R]; error?: string }>({});
  const url = apiUrl(route, request);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `url` stands for route and request; `version` is there to fetch again when the model changes
  useEffect(() => {
    let live = true;
    api
      .get(route, request)
      .then((data) => live && setState({ data }))
      .catch((e: Error) => live && setState({ error: e.message }));
    return () => {
      live = false;
    };
  }, [url, version]);
  return state;
}

export const tone = (value: number) => (value >= 80 ? "good" : value >= 50 ? "fair" : "poor");
