/** What every route module gets: the model's workspace, the date, and how to make a value public. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { requireValid, type TeamCheck, type ValidTeamCheck } from "../app/check-team.ts";
import type { Checked, ModelWorkspace } from "../app/workspace.ts";

export type Api = OpenAPIHono;

export interface ServerContext {
  workspace: ModelWorkspace;
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

export function makeContext(workspace: ModelWorkspace, root: string): ServerContext {
  const prefix = root.endsWith("/") ? root : `${root}/`;
  const publicText = (text: string) => text.split(prefix).join("");
  const replacer = (_key: string, value: unknown) => (typeof value === "string" ? publicText(value) : value);
  const views = new WeakMap<Checked, Map<string, unknown>>();
  return {
    workspace,
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
