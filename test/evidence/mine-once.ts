/** Mines a repository into a store and prints a summary: the worker of the two-process test. */
import { mineRepository } from "../../src/evidence/mine.ts";
import { openSqliteStore } from "../../src/store/sqlite.ts";

const [repo, db] = process.argv.slice(2) as [string, string];
const store = await openSqliteStore(db);
const result = await mineRepository({ repo, store });
await store.close();
console.log(
  JSON.stringify({ commits: result.state.commits, files: result.state.files.size, mode: result.mode }),
);
