/** Loads one API resource for a page: data, or the error to show. */
import { useEffect, useState } from "react";
import { api } from "../api.ts";

/** `version` (the model's ETag) reloads the resource when the model changes. */
export function useApi<T>(path: string, version = ""): { data?: T; error?: string } {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is there to fetch again when the model changes
  useEffect(() => {
    let live = true;
    api
      .get<T>(path)
      .then((data) => live && setState({ data }))
      .catch((e: Error) => live && setState({ error: e.message }));
    return () => {
      live = false;
    };
  }, [path, version]);
  return state;
}

export const tone = (value: number) => (value >= 80 ? "good" : value >= 50 ? "fair" : "poor");
