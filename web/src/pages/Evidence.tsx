/** Evidence from git: per activity, who authored its files, the truck factor and recent activity. */
import type { EvidenceReportT } from "../api.ts";
import type { PageProps } from "../page.ts";
import { ScrollRegion } from "./ScrollRegion.tsx";
import { useApi } from "./useApi.ts";

export function Evidence({ model }: PageProps) {
  if (!model.evidence) return <NoEvidence />;
  return <EvidenceReport model={model} />;
}

/** What the page says when there is no evidence to show (and why, when the server said). */
function NoEvidence({ problem }: { problem?: string }) {
  return (
    <div className="card">
      <h2>Evidence from git history</h2>
      {problem && <p>{problem}</p>}
      <p>
        List the repositories under <code>evidence.repositories</code> in the model to see who really authors
        each activity, its truck factor and the drift from the RACI here and in <code>mlteam doctor</code>.
      </p>
    </div>
  );
}

function EvidenceReport({ model }: Pick<PageProps, "model">) {
  const { data, error } = useApi("/api/evidence", {}, model.etag);
  if (error) return <NoEvidence problem={error} />;
  if (!data) return <p>Reading the repositories’ history…</p>;
  // A person's name; for a git identity, the name git shows for it.
  const gitName = (id: string) =>
    data.report.unmatched
      .find((u) => u.id === id)
      ?.seen.map((s) => s.replace(/\s*<[^>]*>\s*$/, "").replace(/^@/, ""))
      .find((n) => n !== "");
  const name = (id: string) =>
    model.people.find((p) => p.id === id)?.name ?? gitName(id) ?? id.replace(/^git:/, "");
  // As the command line: the truck factor with reviews only when someone reviewed something.
  const withReviews = data.report.activities.some((a) => a.reviewers > 0);
  return (
    <>
      {data.warnings.map((w) => (
        <div className="message info" key={w}>
          {w}
        </div>
      ))}
      <ScrollRegion label="evidence per activity">
        <table className="grid">
          <thead>
            <tr>
              <th>Activity</th>
              <th>Files</th>
              <th>Truck factor</th>
              <th>Main authors</th>
              <th>Of the active</th>
              {withReviews && <th>With reviews</th>}
              <th>Changed since {data.report.windowStart}</th>
              <th>Last change</th>
            </tr>
          </thead>
          <tbody>
            {data.report.activities.map((a) => (
              <ActivityRow
                key={a.activity}
                activity={a}
                name={name}
                withReviews={withReviews}
                windowStart={data.report.windowStart}
              />
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {data.report.unmatched.length > 0 && (
        <p>
          Contributors who match no person of the model:{" "}
          {data.report.unmatched.map((u) => `${name(u.id)} (${u.id.replace(/^git:/, "")})`).join(", ")}
        </p>
      )}
    </>
  );
}

type Activity = EvidenceReportT["activities"][number];

/** One activity: its files, truck factors (all authors, the active ones, with reviews) and recent authors. */
function ActivityRow({
  activity: a,
  name,
  withReviews,
  windowStart,
}: {
  activity: Activity;
  name: (id: string) => string;
  withReviews: boolean;
  windowStart: string;
}) {
  const inactive = a.truckFactorActive.value === 0 && a.truckFactor.value > 0;
  return (
    <tr>
      <th>{a.activity}</th>
      <td>{a.files}</td>
      <td className={a.truckFactor.value === 1 ? "poor" : ""}>{a.truckFactor.value}</td>
      <td>{a.truckFactor.removed.map(name).join(", ")}</td>
      <td
        className={inactive ? "poor" : ""}
        title={
          inactive
            ? `No author active since ${windowStart}: ${a.contributors
                .filter((c) => c.authored > 0 && !c.active)
                .map((c) => `${name(c.id)} (last ${c.last})`)
                .join(", ")}`
            : undefined
        }
      >
        {a.truckFactorActive.value}
      </td>
      {withReviews && (
        <td>
          {a.truckFactorWithReviews.value}
          {a.reviewers > 0 ? ` (${a.reviewers} ${a.reviewers === 1 ? "reviewer" : "reviewers"})` : ""}
        </td>
      )}
      <td>
        {a.contributors
          .filter((c) => c.recent > 0)
          .slice(0, 3)
          .map((c) => `${name(c.id)} (${c.recent})`)
          .join(", ") || "—"}
      </td>
      <td>{a.lastChange}</td>
    </tr>
  );
}
