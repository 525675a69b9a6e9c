/** One person's recorded levels against what their roles need, as a radar. */

import type { PageProps } from "../../page.ts";
import { Chart } from "../Chart.tsx";
import { type Competency, type ModelPerson, need, type Role } from "./roles.ts";

export interface SkillsRadarProps {
  model: PageProps["model"];
  person: ModelPerson;
  who: string | undefined;
  setWho: (who: string) => void;
  roles: Role[];
  competencies: Competency[];
}

export function SkillsRadar({ model, person, who, setWho, roles, competencies }: SkillsRadarProps) {
  const names = new Map(competencies.map((c) => [c.id, c.name]));
  const axes = [
    ...new Set([
      ...person.roles.flatMap((r) => Object.keys(roles.find((x) => x.id === r.role)?.competencies ?? {})),
      ...Object.keys(person.skills),
    ]),
  ];
  const unknown = axes.filter((c) => person.skills[c] === undefined);
  return (
    <div className="card">
      <label>
        Skills of{" "}
        <select value={who} onChange={(e) => setWho(e.target.value)}>
          {model.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {axes.length >= 3 ? (
        <Chart
          option={radarOption(roles, person, axes, names)}
          height={340}
          testId="skills-radar"
          label={`${person.name}'s recorded levels against what their roles need: ${axes
            .map(
              (c) =>
                `${names.get(c) ?? c} ${person.skills[c] ?? "not recorded"} of ${need(roles, person, c)}`,
            )
            .join(", ")}`}
        />
      ) : (
        <p>Fewer than three competencies to draw for {person.name}.</p>
      )}
      {unknown.length > 0 && (
        <p className="legend">
          Not recorded (drawn at 0, unknown): {unknown.map((c) => names.get(c) ?? c).join(", ")}.
        </p>
      )}
    </div>
  );
}

/** The radar: the levels the roles need (dashed) and the recorded ones, per competency. */
function radarOption(roles: Role[], person: ModelPerson, axes: string[], names: Map<string, string>) {
  return {
    legend: { top: 0 },
    tooltip: {},
    radar: { indicator: axes.map((c) => ({ name: names.get(c) ?? c, max: 4 })), radius: "62%" },
    series: [
      {
        type: "radar",
        data: [
          {
            name: "needed by the roles",
            value: axes.map((c) => need(roles, person, c)),
            lineStyle: { type: "dashed" },
          },
          // An unrecorded level is drawn at 0 on the radar but named "not recorded" in the label below.
          {
            name: "recorded",
            value: axes.map((c) => person.skills[c] ?? 0),
            areaStyle: { opacity: 0.2 },
          },
        ],
      },
    ],
  };
}
