/** What the CLI hands the use cases: the real file system, today's date and git evidence. */
import { gitEvidence } from "../app/evidence.ts";
import { fsHost } from "../io/fs-host.ts";
import { today } from "./today.ts";

export function cliContext() {
  return { host: fsHost, today: today(), gatherEvidence: gitEvidence };
}
