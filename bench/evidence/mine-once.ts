/** Mines a repository into a store in a fresh process and prints { ms, commits, mode, peakMB }. */
import { mineRepository } from "../../src/evidence/mine.ts";
import { openSqliteStore } from "../../src/store/sqlite.ts";

const [repo, db] = process.argv.slice(2) as [string, string];
const start = performance.now();
const store = await openSqliteStore(db);
const result = await mineRepository({ repo, store });
await store.close();
const ms = performance.now() - start;
console.log(
  JSON.stringify({
    ms,
    commits: result.state.commits,
    read: result.read,
    mode: result.mode,
    peakMB: process.resourceUsage().maxRSS / 1024,
  }),
);
