/**
 * People: the roles each one holds with allocation bars, their teams, absences, and the doctor's
 * findings about them; `?handover=<id>` plans that person's handover.
 */

import { useEffect } from "react";
import type { ModelView } from "../api.ts";
import { focusParam, type PageProps } from "../page.ts";
import { AllocationChart } from "./people/AllocationChart.tsx";
import { HandoverPlan } from "./people/HandoverPlan.tsx";
import { PersonCard } from "./people/PersonCard.tsx";
import { useApi } from "./useApi.ts";

/** The person whose handover the address asks for (`#/people?handover=omar`), if any. */
const handoverParam = () =>
  new URLSearchParams(location.hash.split("?")[1] ?? "").get("handover") ?? undefined;

export function People({ model, reload }: PageProps) {
  const handover = handoverParam();
  if (handover) return <HandoverPlan model={model} person={handover} reload={reload} />;
  return <PeopleList model={model} />;
}

function PeopleList({ model }: { model: ModelView }) {
  const { data } = useApi("/api/findings", {}, model.etag);
  const focus = focusParam();
  useEffect(() => {
    if (focus) document.getElementById(`person-${focus}`)?.scrollIntoView({ block: "center" });
  }, [focus]);
  return (
    <>
      {model.people.length > 0 && <AllocationChart people={model.people} />}
      {model.openings.map((o) => (
        <Opening opening={o} key={`opening-${o.id}`} />
      ))}
      {model.people.map((p) => (
        <PersonCard
          key={p.id}
          person={p}
          focused={focus === p.id}
          about={(data?.findings ?? []).filter((f) => f.subject === p.id)}
        />
      ))}
    </>
  );
}

/** A role being hired for: it covers nothing until someone starts. */
function Opening({ opening: o }: { opening: ModelView["openings"][number] }) {
  return (
    <div className="card opening" id={`opening-${o.id}`}>
      <h2>
        Opening: {o.role} <small>({o.id})</small> <span className="badge">{o.status}</span>
      </h2>
      <p>
        {o.start ? `Expected from ${o.start}` : "No start date yet"}
        {o.team ? `, in team ${o.team}` : ""}. Covers nothing until someone starts.
      </p>
    </div>
  );
}
