/** Evidence from git: shown by `mlteam evidence`; the page says how to get it. */
import type { PageProps } from "../App.tsx";

export function Evidence(_: PageProps) {
  return (
    <div className="card">
      <h3>Evidence from git history</h3>
      <p>
        This version of the dashboard does not mine repositories itself. Run <code>mlteam evidence</code> (or{" "}
        <code>mlteam doctor --evidence</code>) to see who really authors each activity, its truck factor and
        the drift from this RACI; list repositories under <code>evidence.repositories</code> in the model to
        include them in the doctor.
      </p>
    </div>
  );
}
