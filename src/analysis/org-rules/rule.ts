/**
 * What an organisation-wide rule is: metadata like a team rule's (its documentation is generated
 * from it) and a pure check over the teams' snapshots — what every organisation surface keeps of a
 * team's check in its organisation — so that `org doctor`, `org sync` and `org serve` agree.
 */
import type { TeamSnapshot } from "../../org/snapshot.ts";

export type OrgSeverity = "error" | "warn" | "info";

export const ORG_FINDING_KINDS = [
  "over-allocated",
  "accountable-across-teams",
  "unserved-product-team",
  "single-point-of-failure",
  "no-sponsor",
  "missing-roles",
  "identity-conflict",
  "stale",
  "invalid",
] as const;

export interface OrgFinding {
  /** The rule's id, e.g. organisation/over-allocated. */
  ruleId: string;
  /** The rule's short name (the id without `organisation/`). */
  kind: (typeof ORG_FINDING_KINDS)[number];
  severity: OrgSeverity;
  message: string;
  /** The teams concerned. */
  teams: string[];
  /** The person concerned (their key across teams), for the findings about a person. */
  person?: string;
  /** Where the finding points (file:line:col in a team's model, with the team's id before it). */
  at?: string[];
}

export interface OrgRuleMeta {
  severity: OrgSeverity;
  description: string;
  rationale: string;
  /** The source document and section, e.g. "001 §3.3". */
  source: string;
  fix: string;
}

export interface OrgRuleInput {
  /** The teams' current snapshots (valid or not). */
  snapshots: readonly TeamSnapshot[];
  today: string;
  staleMonths: number;
}

/** What a rule reports: a finding without what the rule itself gives (its id, kind and, by default, severity). */
export type OrgReport = Omit<OrgFinding, "ruleId" | "kind" | "severity"> & { severity?: OrgSeverity };

export interface OrgRule {
  kind: OrgFinding["kind"];
  meta: OrgRuleMeta;
  check(input: OrgRuleInput): OrgReport[];
}

export const orgRuleId = (kind: string) => `organisation/${kind}`;

export function defineOrgRule(rule: OrgRule): OrgRule {
  return rule;
}

/** Valid snapshots only: an invalid model has no facts to compare. */
export const validSnapshots = (input: OrgRuleInput) => input.snapshots.filter((s) => s.valid);

/** One person of the organisation as the teams' snapshots record them. */
export interface PersonAcrossTeams {
  /** The first entry's key. */
  key: string;
  name: string;
  capacity: number;
  teams: { team: string; person: TeamSnapshot["people"][number] }[];
  /** What tied the entries together: "id", "e-mail" or "handle" (absent for a person in one team). */
  matchedBy?: string;
  /** Names the entries give that differ from the first. */
  otherNames: string[];
}

const normalName = (name: string) => name.toLowerCase().replace(/\s+/g, " ").trim();
const matchOf = (key: string) =>
  key.startsWith("email:") ? "e-mail" : key.startsWith("handle:") ? "handle" : "id";

/**
 * The people of all teams, one per person of the organisation: entries of different teams are the
 * same person when any of their identity keys (id, e-mail, handle) is shared, directly or through
 * another entry (union-find over the keys). Snapshots kept before identities were recorded match by
 * their one key.
 */
export function peopleAcrossTeams(input: OrgRuleInput): PersonAcrossTeams[] {
  const entries = validSnapshots(input).flatMap((s) =>
    s.people.map((person) => ({ team: s.teamId, person })),
  );
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    for (let j = i; parent[j] !== root; ) [j, parent[j]] = [parent[j] as number, root];
    return root;
  };
  const byKey = new Map<string, number>();
  const sharedBy = new Map<number, string>();
  entries.forEach((e, i) => {
    for (const key of e.person.identity ?? [e.person.key]) {
      const seen = byKey.get(key);
      if (seen === undefined) byKey.set(key, i);
      else if (find(seen) !== find(i)) {
        const [a, b] = [find(seen), find(i)].sort((x, y) => x - y) as [number, number];
        parent[b] = a;
        if (!sharedBy.has(a)) sharedBy.set(a, matchOf(key));
      }
    }
  });
  const groups = new Map<number, PersonAcrossTeams>();
  entries.forEach((e, i) => {
    const root = find(i);
    let group = groups.get(root);
    if (!group) {
      group = {
        key: e.person.key,
        name: e.person.name,
        capacity: e.person.capacity,
        teams: [],
        otherNames: [],
      };
      groups.set(root, group);
    }
    group.capacity = Math.min(group.capacity, e.person.capacity);
    group.teams.push(e);
    if (normalName(e.person.name) !== normalName(group.name) && !group.otherNames.includes(e.person.name))
      group.otherNames.push(e.person.name);
  });
  for (const [root, group] of groups) {
    const by = sharedBy.get(root);
    if (by && group.teams.length > 1) group.matchedBy = by;
  }
  return [...groups.values()];
}
