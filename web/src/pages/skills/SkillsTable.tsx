/** The skills matrix: people × competencies, each level against what the person's roles need. */
import type { PageProps } from "../../page.ts";
import { ScrollRegion } from "../ScrollRegion.tsx";
import { type Competency, type ModelPerson, need, type Role } from "./roles.ts";

export function SkillsTable({
  model,
  roles,
  competencies,
}: {
  model: PageProps["model"];
  roles: Role[];
  competencies: Competency[];
}) {
  return (
    <ScrollRegion label="the skills matrix">
      <table className="grid">
        <thead>
          <tr>
            <th>Person</th>
            {competencies.map((c) => (
              <th key={c.id}>{c.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.people.map((p) => (
            <tr key={p.id}>
              <th>{p.name}</th>
              {competencies.map((c) => (
                <SkillCell key={c.id} person={p} competency={c.id} required={need(roles, p, c.id)} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** A person's level of one competency; outlined when below what their roles need. */
function SkillCell({
  person,
  competency,
  required,
}: {
  person: ModelPerson;
  competency: string;
  required: number;
}) {
  const recorded = person.skills[competency];
  if (recorded === undefined) {
    // Not assessed is not zero: an unrecorded level is shown as unknown, never as a gap.
    return (
      <td
        className={`unknown${required ? " needed" : ""}`}
        title={required ? `not recorded; the role needs ${required}` : "not recorded"}
      >
        {required ? "?" : ""}
      </td>
    );
  }
  return (
    <td
      className={`heat${recorded}${recorded < required ? " gap" : ""}`}
      title={required ? `needs ${required}` : ""}
    >
      {recorded}
      {recorded < required ? `/${required}` : ""}
    </td>
  );
}
