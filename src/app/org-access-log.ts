/**
 * The organisation server's access log (logins, token and role changes, sync requests, exports):
 * appending an entry, and reading it — newest first, as JSON entries or as CSV — for an auditor or
 * an admin, which is itself logged. (Not the governance evidence pack of `mlteam audit`.)
 */
import { randomUUID } from "node:crypto";
import type { AccessLogEntry, OrgStore } from "../org/store-port.ts";
import { renderAccessLogCsv } from "../render/access-log-csv.ts";
import { ForbiddenError } from "./errors.ts";
import { holds } from "./org-grants.ts";
import { heldText, type OrgPrincipal } from "./org-principal.ts";

/** Appends an entry to the access log, at `now()`. */
export async function appendToAccessLog(
  store: OrgStore,
  now: () => string,
  actor: string,
  action: AccessLogEntry["action"],
  detail: Record<string, unknown> = {},
): Promise<void> {
  await store.appendAccessLog({ id: randomUUID(), at: now(), actor, action, detail });
}

export const ACCESS_LOG_FORMATS = ["json", "csv"] as const;
export type AccessLogFormat = (typeof ACCESS_LOG_FORMATS)[number];

export type AccessLogExport =
  | { format: "json"; entries: AccessLogEntry[] }
  | {
      format: "csv";
      /** The header and one row per entry, each line ending in `\n`. */
      text: string;
    };

/** The last `limit` entries, newest first (auditor or admin organisation-wide); the read is logged. */
export async function exportAccessLog(
  deps: { store: OrgStore; now: () => string },
  principal: OrgPrincipal,
  request: { limit: number; format: AccessLogFormat },
): Promise<AccessLogExport> {
  if (!holds(principal, "auditor") && !holds(principal, "admin"))
    throw new ForbiddenError(
      `the audit log needs the auditor or admin role organisation-wide; ${principal.actor} has ${heldText(principal)}`,
    );
  const { limit, format } = request;
  const entries = await deps.store.readAccessLog(limit);
  await appendToAccessLog(deps.store, deps.now, principal.actor, "audit-exported", {
    format,
    entries: entries.length,
  });
  return format === "csv" ? { format, text: renderAccessLogCsv(entries) } : { format, entries };
}
