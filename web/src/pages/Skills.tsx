/** Skills heatmap: people × competencies; a cell below what the person's roles need is outlined. */
import { useState } from "react";
import type { PageProps } from "../page.ts";
import { Chart } from "./Chart.tsx";
import { ScrollRegion } from "./ScrollRegion.tsx";
import { useApi } from "./useApi.ts";

interface Role {
  id: string;
  competencies: Record<string, number>;
}
interface Competency {
  id: string;
  name: string;
}

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
  const need = (person: ModelPerson, competency: string) =>
    Math.max(
      0,
      ...person.roles.map((r) => roles.data?.find((x) => x.id === r.role)?.competencies[competency] ?? 0),
    );
  const person = model.people.find((p) => p.id === who);
  const names = new Map(competencies.data.map((c) => [c.id, c.name]));
  const axes = person
    ? [
        ...new Set([
          ...person.roles.flatMap((r) =>
            Object.keys(roles.data?.find((x) => x.id === r.role)?.competencies ?? {}),
          ),
          ...Object.keys(person.skills),
        ]),
      ]
    : [];
  const radar =
    person && axes.length >= 3
      ? {
          legend: { top: 0 },
          tooltip: {},
          radar: { indicator: axes.map((c) => ({ name: names.get(c) ?? c, max: 4 })), radius: "62%" },
          series: [
            {
              type: "radar",
              data: [
                {
                  name: "needed by the roles",
                  value: axes.map((c) => need(person, c)),
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
        }
      : undefined;
  const unknown = person ? axes.filter((c) => person.skills[c] === undefined) : [];
  return (
    <>
      {person && (
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
          {radar ? (
            <Chart
              option={radar}
              height={340}
              testId="skills-radar"
              label={`${person.name}'s recorded levels against what their roles need: ${axes
                .map(
                  (c) => `${names.get(c) ?? c} ${person.skills[c] ?? "not recorded"} of ${need(person, c)}`,
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
      )}
      <p className="legend">
        Levels 0–4; <span className="gap">outlined</span>: below what the person's roles need;{" "}
        <span className="unknown needed">?</span>: not recorded (unknown, not zero).
      </p>
      <ScrollRegion label="the skills matrix">
        <table className="grid">
          <thead>
            <tr>
              <th>Person</th>
              {competencies.data.map((c) => (
                <th key={c.id}>{c.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.people.map((p) => (
              <tr key={p.id}>
                <th>{p.name}</th>
                {competencies.data?.map((c) => {
                  const recorded = p.skills[c.id];
                  const required = need(p, c.id);
                  if (recorded === undefined) {
                    // Not assessed is not zero: an unrecorded level is shown as unknown, never as a gap.
                    return (
                      <td
                        key={c.id}
                        className={`unknown${required ? " needed" : ""}`}
                        title={required ? `not recorded; the role needs ${required}` : "not recorded"}
                      >
                        {required ? "?" : ""}
                      </td>
                    );
                  }
                  return (
                    <td
                      key={c.id}
                      className={`heat${recorded}${recorded < required ? " gap" : ""}`}
                      title={required ? `needs ${required}` : ""}
                    >
                      {recorded}
                      {recorded < required ? `/${required}` : ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

type ModelPerson = PageProps["model"]["people"][number];
