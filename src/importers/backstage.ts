/** Backstage org entities (`Group`, `User`) → people and teams. */
import { parseAllDocuments } from "yaml";
import type { Person, Team } from "../model/schema.ts";
import { type Imported, slug } from "./types.ts";

interface Entity {
  kind?: string;
  metadata?: { name?: string; title?: string; annotations?: Record<string, string> };
  spec?: {
    type?: string;
    profile?: { displayName?: string; email?: string };
    memberOf?: string[];
    children?: string[];
  };
}

const TEAM_TYPES = new Set(["product", "platform", "full-stack", "enabling"]);

export function importBackstage(text: string): Imported {
  const notes: string[] = [];
  const entities: Entity[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`invalid YAML: ${doc.errors[0]?.message}`);
    const value = doc.toJS() as Entity | null;
    if (value) entities.push(value);
  }
  const teams = new Map<string, Team>();
  for (const e of entities) {
    if (e.kind !== "Group" || !e.metadata?.name || e.spec?.type === "organization") continue;
    const declared = e.metadata.annotations?.["mlteam/team-type"];
    const type = declared && TEAM_TYPES.has(declared) ? (declared as Team["type"]) : "product";
    if (!declared)
      notes.push(`team ${e.metadata.name}: Backstage does not say its type; set to product — review it`);
    const serves = e.metadata.annotations?.["mlteam/serves"];
    teams.set(e.metadata.name, {
      id: slug(e.metadata.name),
      ...(e.metadata.title ? { name: e.metadata.title } : {}),
      type,
      members: [],
      ...(serves ? { serves: serves.split(",").map(slug) } : {}),
    });
  }
  const people: Person[] = [];
  for (const e of entities) {
    if (e.kind !== "User" || !e.metadata?.name) continue;
    const id = slug(e.metadata.name);
    const email = e.spec?.profile?.email;
    const roles = e.metadata.annotations?.["mlteam/roles"];
    const titles = e.metadata.annotations?.["mlteam/titles"];
    const login = e.metadata.annotations?.["github.com/user-login"];
    people.push({
      id,
      name: e.spec?.profile?.displayName ?? e.metadata.title ?? e.metadata.name,
      ...(email ? { emails: [email] } : {}),
      ...(login ? { handle: `@${login}` } : {}),
      ...(titles ? { titles: titles.split(" | ") } : {}),
      ...(roles
        ? {
            roles: roles.split(",").map((r) => {
              const [role = "", allocation] = r.split(":");
              return allocation === undefined ? role : { role, allocation: Number(allocation) };
            }),
          }
        : {}),
    });
    for (const group of e.spec?.memberOf ?? []) teams.get(group)?.members?.push(id);
  }
  return { people, teams: [...teams.values()], raci: [], notes };
}
