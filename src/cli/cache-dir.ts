import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/**
 * mlteam's folder in the user's cache: `$XDG_CACHE_HOME/mlteam`, else `~/.cache/mlteam` (a relative
 * XDG_CACHE_HOME is ignored, as the XDG base directory specification says). Where the evidence
 * store goes when there is no model to keep it beside.
 */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, ".cache"), "mlteam");
}
