/** Skills heatmap: people × competencies; a cell below what the person's roles need is outlined. */
import { useState } from "react";
import type { PageProps } from "../page.ts";
import type { Competency, Role } from "./skills/roles.ts";
import { SkillsRadar } from "./skills/SkillsRadar.tsx";
import { SkillsTable } from "./skills/SkillsTable.tsx";
import { useApi } from "./useApi.ts";

export function Skills({ model }: PageProps) {
  const roles = useApi("/api/catalog/{kind}", { params: { kind: "roles" } }) as unknown as {
    data?: Role[];
    error?: string;
  };
  const competencies = useApi("/api/catalog/{kind}", { params: { kind: "competencies" } }) as {
    data?: Competency[];
    error?: string;
  };
  const [who, setWho] = useState(
    model.people.find((p) => Object.keys(p.skills).length > 0)?.id ?? model.people[0]?.id,
  );
  if (!roles.data || !competencies.data) return <p>{roles.error ?? competencies.error ?? "Loading…"}</p>;
  const person = model.people.find((p) => p.id === who);
  return (
    <>
      {person && (
        <SkillsRadar
          model={model}
          person={person}
          who={who}
          setWho={setWho}
          roles={roles.data}
          competencies={competencies.data}
        />
      )}
      <p className="legend">
        Levels 0–4; <span className="gap">outlined</span>: below what the person's roles need;{" "}
        <span className="unknown needed">?</span>: not recorded (unknown, not zero).
      </p>
      <SkillsTable model={model} roles={roles.data} competencies={competencies.data} />
    </>
  );
}
