/** The doctor's findings, filtered by severity and a search, grouped by severity (most severe first). */
import type { Finding, ModelView } from "../../api.ts";

const HEADING = { error: "Errors", warn: "Warnings", info: "Info" } as const;

export interface FindingsFilterProps {
  severity: string;
  setSeverity: (severity: string) => void;
  query: string;
  setQuery: (query: string) => void;
  shown: number;
  total: number;
}

export function FindingsFilter({
  severity,
  setSeverity,
  query,
  setQuery,
  shown,
  total,
}: FindingsFilterProps) {
  return (
    <p>
      <select value={severity} onChange={(e) => setSeverity(e.target.value)} aria-label="severity">
        <option value="all">all severities</option>
        <option value="error">errors</option>
        <option value="warn">warnings</option>
        <option value="info">info</option>
      </select>{" "}
      <input
        type="search"
        aria-label="search findings"
        placeholder="search findings"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />{" "}
      {shown} of {total} findings
    </p>
  );
}

/** A card per severity that has findings shown; a rule's fix is said once, at its first finding. */
export function FindingsByLevel({ shown, model }: { shown: Finding[]; model: ModelView }) {
  // Most severe first (the server's order): errors, then warnings, then info; a rule's fix once.
  const levels = (["error", "warn", "info"] as const).filter((l) => shown.some((f) => f.severity === l));
  const fixShown = new Set<string>();
  const withFix = new Set<Finding>();
  for (const level of levels)
    for (const f of shown.filter((f) => f.severity === level)) {
      if (!fixShown.has(`${f.ruleId}\u0000${f.fix}`)) withFix.add(f);
      fixShown.add(`${f.ruleId}\u0000${f.fix}`);
    }
  return levels.map((level) => (
    <div className="card" key={level}>
      <h3>
        {HEADING[level]} ({shown.filter((f) => f.severity === level).length})
      </h3>
      {shown
        .filter((f) => f.severity === level)
        .map((f) => (
          <FindingCard
            key={`${f.ruleId}:${f.location.line}:${f.location.column}:${f.message}`}
            finding={f}
            showFix={withFix.has(f)}
            model={model}
          />
        ))}
    </div>
  ));
}

function FindingCard({
  finding: f,
  showFix,
  model,
}: {
  finding: Finding;
  showFix: boolean;
  model: ModelView;
}) {
  const link = f.subject ? subjectLink(model, f.subject) : undefined;
  return (
    <div className={`finding ${f.severity}`}>
      <strong>{f.area}</strong> {f.message}
      <small>
        {showFix ? `fix: ${f.fix} — ` : ""}
        {f.ruleId} at {f.location.file}:{f.location.line}:{f.location.column}
        {f.subject && link ? (
          <>
            {" "}
            · <a href={link}>{f.subject}</a>
          </>
        ) : f.subject ? (
          ` · ${f.subject}`
        ) : null}
      </small>
    </div>
  );
}

/** A finding's subject links to where it is: a person's card, or an activity's RACI row. */
function subjectLink(model: ModelView, subject: string) {
  return model.people.some((p) => p.id === subject)
    ? `#/people?focus=${encodeURIComponent(subject)}`
    : model.raciActivities.includes(subject)
      ? `#/raci?focus=${encodeURIComponent(subject)}`
      : undefined;
}
