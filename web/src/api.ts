/** Calls to mlteam's API. A token given in the page's address (#token=…) is sent with every call. */
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

async function parse<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new ApiError(response.status, body.error ?? `HTTP ${response.status}`);
  return body;
}

export const api = {
  get: async <T>(path: string): Promise<T> => parse<T>(await fetch(path, { headers: headers() })),
  put: async <T>(path: string, body: unknown, etag: string): Promise<T> =>
    parse<T>(
      await fetch(path, {
        method: "PUT",
        headers: headers({ "content-type": "application/json", "x-mlteam-request": "1", "if-match": etag }),
        body: JSON.stringify(body),
      }),
    ),
  text: async (path: string): Promise<string> => {
    const response = await fetch(path, { headers: headers() });
    if (!response.ok) throw new ApiError(response.status, `HTTP ${response.status}`);
    return response.text();
  },
};

export interface Finding {
  ruleId: string;
  area: string;
  severity: "error" | "warn" | "info";
  message: string;
  subject?: string;
  location: { file: string; line: number; column: number };
  fix: string;
}

export interface Score {
  overall: number;
  areas: Record<string, number>;
}

export interface ModelView {
  etag: string;
  files: string[];
  diagnostics: { file: string; line: number; column: number; message: string; severity: string }[];
  organisation: { name: string; stage: string; topology?: string } | null;
  people: {
    id: string;
    name: string;
    roles: { role: string; allocation: number }[];
    allocation: number;
    teams: string[];
    skills: Record<string, number>;
    absences: { from: string; to: string; reason?: string }[];
  }[];
  teams: { id: string; name: string; type: string; members: string[]; serves: string[] }[];
}

export interface Matrix {
  etag: string;
  by: "role" | "person";
  columns: { id: string; name: string }[];
  rows: { activity: string; name: string; product?: string; cells: Record<string, string> }[];
}
