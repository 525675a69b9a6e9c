/** The catalog's roles and competencies as the skills page reads them, and what a person's roles need. */
import type { ModelView } from "../../api.ts";

export interface Role {
  id: string;
  competencies: Record<string, number>;
}
export interface Competency {
  id: string;
  name: string;
}

export type ModelPerson = ModelView["people"][number];

/** The level of a competency the person's roles need (the highest of them; 0 when none does). */
export const need = (roles: Role[], person: ModelPerson, competency: string) =>
  Math.max(0, ...person.roles.map((r) => roles.find((x) => x.id === r.role)?.competencies[competency] ?? 0));
