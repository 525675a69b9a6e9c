/**
 * A SCIM 2.0 ListResponse (RFC 7644 §3.4.2) of Users and Groups (RFC 7643 §4), as identity
 * providers (Okta, Microsoft Entra ID) send them → people (e-mails, titles, roles from titles,
 * `employment` from `userType`, the enterprise extension's department as `x-department`,
 * `reportsTo` from its `manager.value`), teams (Groups with their members) and leavers (inactive
 * users, leaving on their `meta.lastModified` day when there is one). Checked with zod; a document
 * that is not a ListResponse is refused with the JSON path of what is wrong.
 */
import { z } from "zod";
import { type RoleDef, roleSuggestedByTitle } from "../catalog/index.ts";
import type { Person, Team } from "../model/schema.ts";
import { employmentOf, hrDate, unmappedTitleReason } from "./hr-fields.ts";
import { type Imported, slug } from "./types.ts";

const LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

export class ScimError extends Error {
  override name = "ScimError";
}

const resource = z.looseObject({
  schemas: z.array(z.string()).min(1),
  id: z.string().min(1),
  meta: z
    .looseObject({ resourceType: z.string().optional(), lastModified: z.string().optional() })
    .optional(),
});

const listResponse = z.looseObject({
  schemas: z.array(z.string()).refine((s) => s.includes(LIST_RESPONSE), `must include "${LIST_RESPONSE}"`),
  totalResults: z.number().int().min(0),
  Resources: z.array(resource).optional(),
});

const user = z.looseObject({
  id: z.string().min(1),
  userName: z.string().min(1),
  displayName: z.string().optional(),
  name: z
    .looseObject({
      formatted: z.string().optional(),
      givenName: z.string().optional(),
      familyName: z.string().optional(),
    })
    .optional(),
  emails: z
    .array(
      z.looseObject({
        value: z.string().min(1),
        type: z.string().optional(),
        primary: z.boolean().optional(),
      }),
    )
    .optional(),
  title: z.string().optional(),
  userType: z.string().optional(),
  active: z.boolean().optional(),
  meta: z.looseObject({ lastModified: z.string().optional() }).optional(),
  [ENTERPRISE]: z
    .looseObject({
      department: z.string().optional(),
      employeeNumber: z.string().optional(),
      manager: z.looseObject({ value: z.string().optional(), displayName: z.string().optional() }).optional(),
    })
    .optional(),
});

const group = z.looseObject({
  id: z.string().min(1),
  displayName: z.string().min(1),
  members: z
    .array(
      z.looseObject({
        value: z.string().min(1),
        type: z.string().optional(),
        display: z.string().optional(),
      }),
    )
    .optional(),
});

/** A zod issue's path as a JSON path: `$.Resources[2].emails[0].value`. */
function jsonPath(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (at, key) =>
      typeof key === "number"
        ? `${at}[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(key))
          ? `${at}.${String(key)}`
          : `${at}["${String(key)}"]`,
    base,
  );
}

function check<T>(schema: z.ZodType<T>, value: unknown, base: string, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ScimError(`${jsonPath(base, issue?.path ?? [])}: ${issue?.message ?? "invalid"} (${what})`);
}

/** Reads a SCIM ListResponse; `roles` map titles to roles. */
export function importScim(text: string, roles: readonly RoleDef[]): Imported {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScimError(
      `$: not JSON (${error instanceof Error ? error.message : String(error)}); expected a SCIM ListResponse`,
    );
  }
  const list = check(listResponse, json, "$", "expected a SCIM 2.0 ListResponse (RFC 7644 §3.4.2)");
  const resources = list.Resources ?? [];
  const users: { at: string; value: z.infer<typeof user> }[] = [];
  const groups: { at: string; value: z.infer<typeof group> }[] = [];
  const ignored = new Map<string, number>();
  resources.forEach((r, i) => {
    const at = `$.Resources[${i}]`;
    const type =
      r.meta?.resourceType ??
      (r.schemas.includes(USER) ? "User" : r.schemas.includes(GROUP) ? "Group" : r.schemas[0]);
    if (type === "User") users.push({ at, value: check(user, r, at, "a SCIM User") });
    else if (type === "Group") groups.push({ at, value: check(group, r, at, "a SCIM Group") });
    else ignored.set(String(type), (ignored.get(String(type)) ?? 0) + 1);
  });
  const notes: string[] = [];
  if (list.totalResults > resources.length)
    notes.push(
      `the response holds ${resources.length} of ${list.totalResults} resources (a page): fetch the others with startIndex and import them too`,
    );
  const { people, idOf, unmapped } = readUsers(users, roles, notes);
  const teams = readGroups(groups, idOf, notes);
  return {
    people,
    teams,
    raci: [],
    notes,
    summary: {
      created: people.length,
      skipped: 0,
      used: [
        `${users.length} User${users.length === 1 ? "" : "s"} → people`,
        `${groups.length} Group${groups.length === 1 ? "" : "s"} → teams`,
      ],
      unknownColumns: [],
      unmapped,
      ignored: [...ignored].map(([t, n]) => `${t} ×${n}`),
    },
  };
}

type ScimUser = z.infer<typeof user>;

function personOf(u: ScimUser, id: string, roles: readonly RoleDef[], unmapped: Set<string>): Person {
  const extension = u[ENTERPRISE];
  const emails = [...(u.emails ?? [])]
    .sort((a, b) => Number(b.primary === true) - Number(a.primary === true))
    .map((e) => e.value);
  if (emails.length === 0 && u.userName.includes("@")) emails.push(u.userName);
  const name =
    u.name?.formatted ??
    u.displayName ??
    ([u.name?.givenName, u.name?.familyName].filter(Boolean).join(" ") || u.userName);
  const role = u.title ? roleSuggestedByTitle(roles, u.title) : undefined;
  if (u.title && !role) unmapped.add(u.title);
  const employment = u.userType ? employmentOf(u.userType) : undefined;
  const leaves = u.active === false && u.meta?.lastModified ? hrDate(u.meta.lastModified) : undefined;
  return {
    id,
    name,
    ...(emails.length ? { emails: [...new Set(emails)] } : {}),
    ...(u.title ? { titles: [u.title] } : {}),
    ...(role ? { roles: [role] } : {}),
    ...(employment && employment !== "employee" ? { employment } : {}),
    ...(leaves ? { leaves } : {}),
    ...(extension?.department ? { "x-department": extension.department } : {}),
  } as Person;
}

function readUsers(users: { at: string; value: ScimUser }[], roles: readonly RoleDef[], notes: string[]) {
  const idOf = new Map<string, string>();
  const taken = new Set<string>();
  const unmapped = new Set<string>();
  const people: Person[] = [];
  for (const { value: u } of users) {
    let id = slug(u.userName.split("@")[0] ?? u.userName);
    for (let n = 2; taken.has(id); n++) id = `${slug(u.userName.split("@")[0] ?? u.userName)}-${n}`;
    taken.add(id);
    idOf.set(u.id, id);
    const person = personOf(u, id, roles, unmapped);
    if (u.active === false && !person.leaves)
      notes.push(`${u.userName} is inactive but the document gives no date: set leaves by hand`);
    people.push(person);
  }
  users.forEach(({ at, value: u }, i) => {
    const manager = u[ENTERPRISE]?.manager?.value;
    if (!manager) return;
    const id = idOf.get(manager);
    if (id && id !== people[i]?.id) (people[i] as Person).reportsTo = id;
    else
      notes.push(
        `${at} (${u.userName}): manager "${manager}" is no User of the document; reportsTo left out`,
      );
  });
  return { people, idOf, unmapped: [...unmapped].map((t) => unmappedTitleReason(roles, t)) };
}

function readGroups(
  groups: { at: string; value: z.infer<typeof group> }[],
  idOf: ReadonlyMap<string, string>,
  notes: string[],
): Team[] {
  return groups.map(({ at, value: g }) => {
    const members: string[] = [];
    (g.members ?? []).forEach((m, i) => {
      const id = idOf.get(m.value);
      if (id) members.push(id);
      else
        notes.push(
          `${at}.members[${i}] (${m.display ?? m.value}): ${m.type === "Group" ? "a nested group is not read" : "no User of the document"}; left out of ${g.displayName}`,
        );
    });
    return {
      id: slug(g.displayName),
      name: g.displayName,
      type: "product" as const,
      ...(members.length ? { members } : {}),
    };
  });
}
