/** AI governance: each clause of the frameworks the model lists, its status, and its evidence on a click. */
import { useState } from "react";
import type { AuditViewT } from "../../../src/server/contract.ts";
import type { PageProps } from "../page.ts";
import { ScrollRegion } from "./ScrollRegion.tsx";
import { useApi } from "./useApi.ts";

const NAMES: Record<string, string> = {
  "eu-ai-act": "EU AI Act",
  "iso-42001": "ISO/IEC 42001",
  "nist-ai-rmf": "NIST AI RMF",
};

export function Governance({ model }: PageProps) {
  if (model.frameworks.length === 0)
    return (
      <div className="card">
        <h2>AI governance</h2>
        <p>
          List the frameworks the organisation answers to under <code>organisation.frameworks</code> (
          <code>eu-ai-act</code>, <code>iso-42001</code>, <code>nist-ai-rmf</code>) to check the duties they
          put on people — named human oversight, AI literacy, accountability — here and in{" "}
          <code>mlteam doctor</code>.
        </p>
      </div>
    );
  return (
    <>
      {model.frameworks.map((f) => (
        <FrameworkPack key={f} framework={f} model={model} />
      ))}
    </>
  );
}

function FrameworkPack({
  framework,
  model,
}: {
  framework: PageProps["model"]["frameworks"][number];
  model: PageProps["model"];
}) {
  const { data, error } = useApi("/api/audit/{framework}", { params: { framework } }, model.etag);
  const [open, setOpen] = useState<string | undefined>();
  if (error) return <div className="message error">{error}</div>;
  if (!data) return <p>Loading {NAMES[framework]}…</p>;
  return (
    <section className="card" aria-labelledby={`framework-${framework}`}>
      <h2 id={`framework-${framework}`}>{NAMES[framework]}</h2>
      <p>{data.disclaimer}</p>
      <ScrollRegion label={`${NAMES[framework]} clauses`}>
        <table className="grid">
          <thead>
            <tr>
              <th>Clause</th>
              <th>What it asks</th>
              <th>Status</th>
              <th>Findings</th>
            </tr>
          </thead>
          <tbody>
            {data.clauses.map((c) => {
              const key = `${framework}:${c.id}`;
              return (
                <Clause
                  key={key}
                  clause={c}
                  open={open === key}
                  toggle={() => setOpen(open === key ? undefined : key)}
                />
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

/** A clause's row (its id opens its detail) and, when open, its evidence and findings. */
function Clause({
  clause: c,
  open,
  toggle,
}: {
  clause: AuditViewT["clauses"][number];
  open: boolean;
  toggle: () => void;
}) {
  return (
    <>
      <tr>
        <th>
          <button type="button" className="link" aria-expanded={open} onClick={toggle}>
            {c.id}
          </button>
        </th>
        <td>{c.title}</td>
        <td className={c.status === "gap" ? "poor" : c.status === "met" ? "good" : ""}>
          {c.status === "not-applicable" ? "not applicable" : c.status}
        </td>
        <td>{c.findings.length}</td>
      </tr>
      {open ? (
        <tr className="detail">
          <td colSpan={4}>
            {c.dates.length > 0 && (
              <>
                <strong>Applies</strong>
                <ul>
                  {c.dates.map((d) => (
                    <li key={d.obligation}>
                      {d.daysLeft > 0 ? `from ${d.date}, ${d.daysLeft} days left` : `since ${d.date}`}:{" "}
                      {d.name}
                      {d.products.length > 0 ? ` — ${d.products.join(", ")}` : ""}
                      {d.assumed.length > 0
                        ? ` (${d.assumed.join(", ")}: no annex recorded, taken as Annex III)`
                        : ""}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <strong>Evidence</strong>
            {c.evidence.length ? (
              <ul>
                {c.evidence.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            ) : (
              <p>None: the clause does not apply.</p>
            )}
            {c.findings.length > 0 && (
              <>
                <strong>Findings</strong>
                <ul>
                  {c.findings.map((f) => (
                    <li key={`${f.ruleId}:${f.message}`}>
                      {f.severity}: {f.message} <code>{f.location}</code>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}
