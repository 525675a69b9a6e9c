/** The sections of a team's page drawn from its last snapshot: problems, scores, git evidence, findings, people. */
import type { OrgApiResponses } from "../../../../../src/server/org/contract.ts";
import { FindingNote } from "../../../pages/FindingNote.tsx";
import { tone } from "../../../pages/useApi.ts";

export type TeamView = OrgApiResponses["/api/org/teams/{id}"];
export type Snapshot = NonNullable<TeamView["snapshot"]>;

/** Where the team's model comes from, at which commit, and the way into its own pages. */
export function TeamSource({ team: t }: { team: TeamView }) {
  return (
    <p>
      {t.name !== t.id && <strong>{t.name}. </strong>}
      From <code>{t.repo}</code>, <code>{t.model}</code> on <code>{t.branch}</code>
      {t.commit && (
        <>
          {" "}
          at <code>{t.commit.slice(0, 10)}</code> ({t.committedAt?.slice(0, 10)})
        </>
      )}
      . {t.pages && <a href={`teams/${encodeURIComponent(t.id)}/`}>Open the team's pages (read-only)</a>}
    </p>
  );
}

/** A list of messages (the snapshot's diagnostics or warnings) in a message box of the given kind. */
export function MessageList({ kind, items }: { kind: "error" | "info"; items: string[] }) {
  return (
    <div className={`message ${kind}`}>
      <ul>
        {items.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
    </div>
  );
}

export function TeamScores({ score, areas }: { score: number; areas: Snapshot["areas"] }) {
  return (
    <div className="scores">
      <div className="score">
        Health <b className={tone(score)}>{score}</b>
      </div>
      {Object.entries(areas ?? {}).map(([area, value]) => (
        <div className="score" key={area}>
          {area} <b className={tone(value)}>{value}</b>
        </div>
      ))}
    </div>
  );
}

export function TeamEvidence({ evidence }: { evidence: NonNullable<Snapshot["evidence"]> }) {
  return (
    <div className="card" data-testid="team-evidence">
      <h3>Git evidence at this commit</h3>
      <p>
        {evidence.commits} commits, {evidence.files} files: truck factor <b>{evidence.truckFactor}</b>
        {evidence.truckFactorAuthors.length > 0 && ` (${evidence.truckFactorAuthors.join(", ")})`},{" "}
        {evidence.truckFactorActive} counting only active people. {evidence.unclassified} files match no
        activity; {evidence.unmatched} git identities match no person of the model.
      </p>
    </div>
  );
}

export function TeamFindings({ findings }: { findings: Snapshot["findings"] }) {
  return (
    <div className="card" data-testid="team-findings" id="team-findings" tabIndex={-1}>
      <h3>Findings ({findings.length})</h3>
      {findings.map((f) => (
        <FindingNote finding={f} key={`${f.ruleId}:${f.subject ?? ""}:${f.message}`} />
      ))}
    </div>
  );
}

export function TeamPeople({ snapshot }: { snapshot: Snapshot }) {
  return (
    <div className="card">
      <h3>People ({snapshot.people.length})</h3>
      <table className="grid">
        <thead>
          <tr>
            <th>Person</th>
            <th>Allocated here</th>
            <th>Capacity</th>
            <th>Single point of failure</th>
          </tr>
        </thead>
        <tbody>
          {snapshot.people.map((p) => (
            <tr key={p.id}>
              <th>
                <a href={`#/people?q=${encodeURIComponent(p.name)}`}>{p.name}</a>
              </th>
              <td title={p.allocation === 0 ? "no allocation recorded in the model" : undefined}>
                {p.allocation === 0 ? "not recorded" : `${p.allocation}%`}
              </td>
              <td>{p.capacity}%</td>
              <td>{snapshot.singlePointsOfFailure.includes(p.id) ? "yes" : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
