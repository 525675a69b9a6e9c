/**
 * Roles, organisation-wide or on one team. A grant is written `role` or `role@team` (how sessions
 * and tokens keep them); what a principal may do follows from its grants with the roles' implications
 * (admin includes editor and viewer, editor viewer, auditor viewer). Pure.
 */
import { type OrgAuth, type OrgRole, ROLES } from "../org/config.ts";

export interface Grant {
  role: OrgRole;
  /** The one team the role holds on; organisation-wide when absent. */
  team?: string;
}

const IMPLIED: Record<OrgRole, readonly OrgRole[]> = {
  admin: ["admin", "editor", "viewer"],
  editor: ["editor", "viewer"],
  viewer: ["viewer"],
  auditor: ["auditor", "viewer"],
};

export const grantText = (g: Grant): string => (g.team === undefined ? g.role : `${g.role}@${g.team}`);

/** A grant from its text (`editor`, `editor@fraud`), or undefined when it is not one. */
export function parseGrant(text: string): Grant | undefined {
  const [role, team, extra] = text.split("@");
  if (extra !== undefined || !(ROLES as readonly string[]).includes(role ?? "")) return undefined;
  if (team === undefined) return { role: role as OrgRole };
  return /^[a-z0-9][a-z0-9-]*$/.test(team) ? { role: role as OrgRole, team } : undefined;
}

/** What a set of grants allows: roles organisation-wide, and roles per team (implications applied). */
export interface Permissions {
  roles: ReadonlySet<OrgRole>;
  teams: ReadonlyMap<string, ReadonlySet<OrgRole>>;
}

export function permissionsOf(grants: Iterable<Grant>): Permissions {
  const roles = new Set<OrgRole>();
  const teams = new Map<string, Set<OrgRole>>();
  for (const g of grants) {
    const into = g.team === undefined ? roles : (teams.get(g.team) ?? new Set<OrgRole>());
    for (const r of IMPLIED[g.role]) into.add(r);
    if (g.team !== undefined) teams.set(g.team, into);
  }
  return { roles, teams };
}

/** Whether `role` is held organisation-wide, or on `team` when one is named. */
export function holds(p: Permissions, role: OrgRole, team?: string): boolean {
  return p.roles.has(role) || (team !== undefined && (p.teams.get(team)?.has(role) ?? false));
}

/** Whether a grant is within what `p` holds (a token or an assignment cannot give more). */
export const covers = (p: Permissions, g: Grant): boolean => holds(p, g.role, g.team);

/** The grants an OpenID Connect login's groups carry, by the organisation file's `auth`. */
export function grantsFromGroups(auth: Pick<OrgAuth, "roles" | "teams">, groups: readonly string[]): Grant[] {
  const grants: Grant[] = [];
  const member = (allowed: readonly string[] | undefined) =>
    allowed?.some((g) => groups.includes(g)) ?? false;
  for (const role of ROLES) if (member(auth.roles[role])) grants.push({ role });
  for (const [team, roles] of Object.entries(auth.teams ?? {}))
    for (const role of ROLES) if (member(roles[role])) grants.push({ role, team });
  return grants;
}
