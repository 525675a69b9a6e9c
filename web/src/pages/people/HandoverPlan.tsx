/**
 * "Plan handover" for one person (#/people?handover=<id>): everything they hold, each with the
 * proposed successor, the reasons, the alternatives and the edit; the findings the handover adds and
 * resolves and the score before → after; and "Apply", which writes it into the YAML (after a
 * confirmation) when the model is still the version shown — or, on a synced team's read-only pages,
 * proposes it as a patch to download.
 */
import { useEffect, useRef, useState } from "react";
import { ApiError, api, type Handover, type ModelView } from "../../api.ts";
import { downloadPatch } from "../../page.ts";
import { FindingNote } from "../FindingNote.tsx";
import { tone, useApi } from "../useApi.ts";

type Item = Handover["responsibilities"][number];
type Candidate = NonNullable<Item["successor"]>;

export function HandoverPlan({
  model,
  person,
  reload,
}: {
  model: ModelView;
  person: string;
  reload: () => void;
}) {
  const [query, setQuery] = useState<{ to?: string; date?: string }>({});
  const { data, error } = useApi("/api/handover/{person}", { params: { person }, query }, model.etag);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const name = model.people.find((p) => p.id === person)?.name ?? person;
  return (
    <section className="card handover" aria-labelledby="handover-title">
      <p>
        <a href="#/people">← All people</a>
      </p>
      <h2 id="handover-title" ref={heading} tabIndex={-1}>
        Plan handover: {name} <small>({person})</small>
      </h2>
      <Controls model={model} person={person} query={query} onChange={setQuery} />
      {error && <div className="message error">{error}</div>}
      {!data && !error && <p>Loading the handover…</p>}
      {data && (
        <>
          <Summary handover={data} />
          <ol className="handover-items">
            {data.responsibilities.map((r) => (
              <Responsibility
                item={r}
                key={`${r.kind}:${r.location ?? r.patterns?.join(" ")}:${r.description}`}
              />
            ))}
          </ol>
          <FindingsChanged handover={data} />
          <Apply handover={data} model={model} query={query} reload={reload} />
        </>
      )}
    </section>
  );
}

/** Who takes everything (or the best fit for each), and on which day. */
function Controls({
  model,
  person,
  query,
  onChange,
}: {
  model: ModelView;
  person: string;
  query: { to?: string; date?: string };
  onChange: (q: { to?: string; date?: string }) => void;
}) {
  const set = (key: "to" | "date", value: string) => {
    const { [key]: _old, ...rest } = query;
    onChange(value ? { ...rest, [key]: value } : rest);
  };
  return (
    <p className="inline-form">
      <label>
        Give it to{" "}
        <select value={query.to ?? ""} onChange={(e) => set("to", e.target.value)}>
          <option value="">the best fit for each</option>
          {model.people
            .filter((p) => p.id !== person)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
      </label>{" "}
      <label>
        on <input type="date" value={query.date ?? ""} onChange={(e) => set("date", e.target.value)} />
      </label>
    </p>
  );
}

function Summary({ handover: h }: { handover: Handover }) {
  const delta = h.scoreAfter - h.scoreBefore;
  return (
    <p data-testid="handover-summary">
      {h.leaves ? `Leaves on ${h.leaves}. ` : ""}As of {h.date}: {h.responsibilities.length}{" "}
      {h.responsibilities.length === 1 ? "responsibility" : "responsibilities"} · health{" "}
      <b className={tone(h.scoreBefore)}>{h.scoreBefore}</b> →{" "}
      <b className={tone(h.scoreAfter)}>{h.scoreAfter}</b> ({delta >= 0 ? "+" : ""}
      {delta}){h.files.length ? ` · changes ${h.files.join(", ")}` : " · nothing to write"}
    </p>
  );
}

function Responsibility({ item: r }: { item: Item }) {
  return (
    <li>
      <h3>
        {r.description} {r.location && <small>{r.location}</small>}
      </h3>
      {r.successor ? (
        <Person candidate={r.successor} label="→" />
      ) : (
        <p className="message info">No suitable successor. {r.need?.advice}</p>
      )}
      {r.alternatives.length > 0 && (
        <details>
          <summary>
            {r.alternatives.length} {r.alternatives.length === 1 ? "alternative" : "alternatives"}
          </summary>
          <ul>
            {r.alternatives.map((a) => (
              <li key={a.id}>
                <Person candidate={a} label="" />
              </li>
            ))}
          </ul>
        </details>
      )}
      {r.changes.map((c) => (
        <p key={`${c.file}:${c.at}:${c.op}`}>
          <small>
            edit {c.file} {c.at}:{" "}
            {c.op === "add" ? `add ${c.to}` : c.op === "remove" ? `remove ${c.from}` : `${c.from} → ${c.to}`}
          </small>
        </p>
      ))}
    </li>
  );
}

function Person({ candidate: c, label }: { candidate: Candidate; label: string }) {
  return (
    <div>
      {label} <b>{c.name}</b> <small>({c.id})</small>
      <ul>
        {c.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
        {c.concerns.map((concern) => (
          <li key={concern} className="concern">
            ! {concern}
          </li>
        ))}
      </ul>
    </div>
  );
}

function FindingsChanged({ handover: h }: { handover: Handover }) {
  return (
    <>
      <h3>Findings the handover adds ({h.newFindings.length})</h3>
      {h.newFindings.length === 0 && <p>None.</p>}
      {h.newFindings.map((f) => (
        <FindingNote finding={f} key={`${f.ruleId}:${f.message}`} />
      ))}
      <h3>Findings it resolves ({h.resolvedFindings.length})</h3>
      {h.resolvedFindings.length === 0 && <p>None.</p>}
      {h.resolvedFindings.map((f) => (
        <FindingNote finding={f} key={`${f.ruleId}:${f.message}`} />
      ))}
    </>
  );
}

/** "Apply", then a confirmation naming the files; the model reloads after the write. */
function Apply({
  handover: h,
  model,
  query,
  reload,
}: {
  handover: Handover;
  model: ModelView;
  query: { to?: string; date?: string };
  reload: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<{ kind: "info" | "error"; text: string } | undefined>();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  const team = model.snapshot?.team;
  const write = () => {
    setAsking(false);
    (team ? propose(team, h, query) : apply(h, model.etag, query, reload)).then(setMessage);
  };
  return (
    <div className="handover-apply">
      {message && (
        <div className={`message ${message.kind}`} role="status">
          {message.text}
        </div>
      )}
      {h.files.length === 0 ? (
        <p>Nothing to write: no responsibility here has an edit to make.</p>
      ) : asking ? (
        <fieldset>
          <legend>Confirm the handover</legend>
          <p>
            {team
              ? `Download this handover as a patch of ${h.files.join(", ")} at the synced commit, to apply with git apply and send as a pull request?`
              : `Write this handover into ${h.files.join(", ")}? Every comment is kept; the model is refused if it changed since you loaded it.`}
          </p>
          <button type="button" ref={confirm} onClick={write}>
            {team ? "Yes, download it" : "Yes, write it"}
          </button>{" "}
          <button type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </fieldset>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          {team ? "Propose handover…" : "Apply handover…"}
        </button>
      )}
    </div>
  );
}

type Outcome = { kind: "info" | "error"; text: string };

/** Writes the handover planned on version `etag`; the model reloads after the write. */
function apply(h: Handover, etag: string, query: { to?: string; date?: string }, reload: () => void) {
  return api.applyHandover(h.person, query, etag).then(
    (done): Outcome => {
      reload();
      return { kind: "info", text: `Written: ${done.applied.join(", ")}` };
    },
    (e: Error): Outcome => ({
      kind: "error",
      text: e instanceof ApiError && e.status === 412 ? `${e.message} (nothing was written)` : e.message,
    }),
  );
}

/** On a synced team's pages: the handover, as of the day shown, proposed as a patch to download. */
function propose(team: string, h: Handover, query: { to?: string }) {
  const name = `${team}-handover-${h.person}.patch`;
  return api.proposeHandover(team, { person: h.person, to: query.to, date: h.date }).then(
    (patch): Outcome => {
      downloadPatch(patch, name);
      return {
        kind: "info",
        text: `Proposed: ${name} is downloaded; apply it with \`git apply\` and open a pull request.`,
      };
    },
    (e: Error): Outcome => ({ kind: "error", text: `Not proposed: ${e.message}` }),
  );
}
