/** What every route module gets: the model's workspace, the date, and how to make a value public. */
import { dirname } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { requireValid, type TeamCheck, type ValidTeamCheck } from "../app/check-team.ts";
import type { Checked, ModelWorkspace } from "../app/workspace.ts";

export type Api = OpenAPIHono;

/** Which synced snapshot a read-only team API serves (the organisation server's team pages). */
export interface SnapshotOrigin {
  team: string;
  commit: string;
  committedAt: string;
  syncedAt: string;
}

export interface ServerContext {
  workspace: ModelWorkspace;
  /** Set when the model is a synced snapshot: read-only, without git history or evidence. */
  snapshot?: SnapshotOrigin;
  /** Replaces the machine's absolute paths under the model's folder with relative ones. */
  publicValue<T>(value: T): T;
  publicText(text: string): string;
  /** A view of the current version, computed once per version. */
  view<T>(checked: Checked, name: string, make: () => T): T;
}

/** The current version of a valid model, or an InvalidModelError (409). */
export async function validModel(
  ctx: ServerContext,
): Promise<{ etag: string; check: ValidTeamCheck; checked: Checked }> {
  const checked = await ctx.workspace.current();
  return { etag: checked.etag, check: requireValid(checked.check), checked };
}

export function makeContext(
  workspace: ModelWorkspace,
  root: string,
  snapshot?: SnapshotOrigin,
): ServerContext {
  // The model's folder becomes "", its parent "../" and so on (two levels up, never a top-level
  // folder such as /home or /tmp): a sibling repository reads as the model wrote it, ../platform.
  const prefixes: [string, string][] = [];
  for (let dir = root.replace(/\/+$/, ""), up = ""; prefixes.length < 3 && dir.split("/").length > 2; ) {
    prefixes.push([`${dir}/`, up]);
    dir = dirname(dir);
    up += "../";
  }
  const publicText = (text: string) =>
    text.includes("/") ? prefixes.reduce((t, [prefix, rel]) => t.split(prefix).join(rel), text) : text;
  const replacer = (_key: string, value: unknown) => (typeof value === "string" ? publicText(value) : value);
  const views = new WeakMap<Checked, Map<string, unknown>>();
  return {
    workspace,
    ...(snapshot ? { snapshot } : {}),
    publicText,
    publicValue: <T>(value: T): T => JSON.parse(JSON.stringify(value, replacer)) as T,
    view<T>(checked: Checked, name: string, make: () => T): T {
      let map = views.get(checked);
      if (!map) {
        map = new Map();
        views.set(checked, map);
      }
      if (!map.has(name)) map.set(name, make());
      return map.get(name) as T;
    },
  };
}

export type { TeamCheck };
