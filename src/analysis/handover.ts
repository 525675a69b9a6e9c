/**
 * Handover: everything a person holds — R and A cells naming them (and rows where they are the only
 * holder of the role named), on-call seats, oversight of products, stakeholder entries, teams they
 * lead (and the openings of those teams) — each with a proposed successor, up to three alternatives,
 * the reasons, and the model edits that make the move. A responsibility nobody suitable can take
 * says what hire or training would make someone. Pure: graph, evidence and a date in, a proposal out.
 */
import type { EvidenceReport } from "../evidence/measures.ts";
import type { PersonNode, RaciCell, RaciEntry, TeamGraph } from "../graph/types.ts";
import type { OnCall, Stakeholder } from "../model/schema.ts";
import type { PathKey } from "../model/yaml-source.ts";
import { backupsOf, hasProduction, peopleWith } from "./facts.ts";
import {
  addFit,
  contractorFit,
  emptyFit,
  evidenceFit,
  type Fit,
  hatFit,
  headroomFit,
  presenceFit,
  skillFit,
  teamFit,
} from "./handover-fit.ts";
import { NOT_HIRED } from "./recommend.ts";
import {
  accountableFor,
  BUILD_ACTIVITIES,
  buildersOf,
  trainingOnRecord,
} from "./rules/governance/ai-systems.ts";

export type ResponsibilityKind =
  | "raci"
  | "backup"
  | "onCall"
  | "oversight"
  | "stakeholder"
  | "teamLead"
  | "codeowners";

/** A proposed successor or an alternative, with why and what speaks against. */
export interface Candidate {
  id: string;
  name: string;
  reasons: string[];
  concerns: string[];
}

/** What would make a successor when nobody suitable is there. */
export interface Need {
  /** A role to hire for (none when the responsibility is a person to name, not a hire). */
  hire?: string;
  /** The people closest to it, with what they lack. */
  training: { id: string; name: string; gaps: string[] }[];
  advice: string;
}

/** One edit of the model that hands a responsibility over: `path` inside the model entry `node`. */
export interface HandoverChange {
  node: object;
  path: PathKey[];
  op: "replace" | "remove" | "add";
  /** The value written there now (for `add`, the list or value added to). */
  from: string;
  to: string;
}

export interface Responsibility {
  kind: ResponsibilityKind;
  activity?: string;
  product?: string;
  letter?: "R" | "A";
  /** The role the person holds the cell through, when they are its only holder. */
  via?: string;
  rotation?: string;
  team?: string;
  stakeholder?: string;
  /** Openings of a team the person leads: they manage the hiring. */
  openings?: string[];
  /** CODEOWNERS patterns that name the person's handle. */
  patterns?: string[];
  /** The responsibility in words. */
  description: string;
  successor: Candidate | null;
  alternatives: Candidate[];
  need?: Need;
  /** The model edits that give it to the successor (none without one). */
  changes: HandoverChange[];
  /** The model entry it is written in, to locate it. */
  node?: object;
}

export interface HandoverProposal {
  person: string;
  name: string;
  leaves?: string;
  date: string;
  responsibilities: Responsibility[];
}

export interface HandoverOptions {
  /** The person handing over; must be in the graph (not left out as absent). */
  person: string;
  /** The date the handover is planned for, YYYY-MM-DD. */
  today: string;
  evidence?: EvidenceReport | undefined;
  /** Give everything to this person (the proposal still ranks the alternatives). */
  to?: string | undefined;
}

/** What every duty's fit reads. */
interface Context {
  graph: TeamGraph;
  leaver: PersonNode;
  today: string;
  evidence: EvidenceReport | undefined;
  /** A successor who leaves by then hands nothing over. */
  horizon: string;
  /** About how much of the leaver's time (percent) an R or A of theirs takes; undefined when unrecorded. */
  load: (letter: "R" | "A") => number | undefined;
}

/** A responsibility before its successor is chosen. */
interface Duty {
  /** The person handing it over. */
  from: string;
  base: Omit<Responsibility, "successor" | "alternatives" | "need" | "changes">;
  /** People who already hold it: never proposed (but with --to, the leaver is only taken off). */
  holders: ReadonlySet<string>;
  load?: number | undefined;
  fit(person: PersonNode, planned: number): Fit;
  changes(successor: string): HandoverChange[];
  need(ranked: Ranked[]): Need;
}

interface Ranked {
  person: PersonNode;
  fit: Fit;
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The handover of `options.person`'s responsibilities, each with a successor (or what would make one). */
export function proposeHandover(graph: TeamGraph, options: HandoverOptions): HandoverProposal {
  const leaver = graph.people.get(options.person);
  if (!leaver) throw new Error(`proposeHandover: ${options.person} is not in the graph`);
  const leaves = leaver.source.leaves;
  const context: Context = {
    graph,
    leaver,
    today: options.today,
    evidence: options.evidence,
    horizon: addDays(leaves !== undefined && leaves > options.today ? leaves : options.today, 90),
    load: loadEstimate(graph, leaver),
  };
  const duties = [
    ...raciDuties(context),
    ...backupDuties(context),
    ...onCallDuties(context),
    ...oversightDuties(context),
    ...stakeholderDuties(context),
    ...leadDuties(context),
  ];
  const planned = new Map<string, number>();
  return {
    person: leaver.id,
    name: leaver.name,
    ...(leaves !== undefined ? { leaves } : {}),
    date: options.today,
    responsibilities: duties.map((duty) => settle(graph, duty, planned, options.to)),
  };
}

/** Ranks everyone for `duty` and picks the successor: `to` when given, else the best suitable one. */
function settle(
  graph: TeamGraph,
  duty: Duty,
  planned: Map<string, number>,
  to: string | undefined,
): Responsibility {
  const ranked: Ranked[] = [...graph.people.values()]
    .filter((p) => !duty.holders.has(p.id) && p.id !== duty.from)
    .map((person) => ({ person, fit: duty.fit(person, planned.get(person.id) ?? 0) }))
    .sort((a, b) => b.fit.points - a.fit.points || a.person.id.localeCompare(b.person.id));
  const suitable = ranked.filter((r) => r.fit.capable && !r.fit.blocked);
  const forcedPerson = to === undefined ? undefined : graph.people.get(to);
  const chosen: Ranked | undefined = forcedPerson
    ? (ranked.find((r) => r.person.id === to) ?? {
        person: forcedPerson,
        fit: addFit(emptyFit(), { reasons: ["already holds it: the handover only takes the leaver off"] }),
      })
    : suitable[0];
  const pool = chosen ? suitable : ranked.filter((r) => !r.fit.blocked);
  const alternatives = pool
    .filter((r) => r.person.id !== chosen?.person.id)
    .slice(0, 3)
    .map(candidateOf);
  if (chosen && duty.load !== undefined)
    planned.set(chosen.person.id, (planned.get(chosen.person.id) ?? 0) + duty.load);
  return {
    ...duty.base,
    successor: chosen ? candidateOf(chosen) : null,
    alternatives,
    ...(chosen ? {} : { need: duty.need(ranked) }),
    changes: chosen ? duty.changes(chosen.person.id) : [],
  };
}

const candidateOf = ({ person, fit }: Ranked): Candidate => ({
  id: person.id,
  name: person.name,
  reasons: fit.reasons,
  concerns: fit.concerns,
});

/**
 * About how much time one R or A of the leaver's takes: their recorded allocation shared over their
 * R cells (one share each) and A cells (half a share); unknown when their allocation is not recorded.
 */
function loadEstimate(graph: TeamGraph, leaver: PersonNode): (letter: "R" | "A") => number | undefined {
  if (!leaver.roles.some((r) => r.explicit)) return () => undefined;
  let shares = 0;
  for (const entry of graph.raci) {
    if (peopleWith(entry, ["R"]).has(leaver.id)) shares += 1;
    if (peopleWith(entry, ["A"]).has(leaver.id)) shares += 0.5;
  }
  if (shares === 0) return () => undefined;
  return (letter) => (leaver.allocation * (letter === "R" ? 1 : 0.5)) / shares;
}

/** How a person is written in a RACI cell: `person:<id>` when the id is also a role's. */
const refText = (graph: TeamGraph, id: string) => (graph.roles.has(id) ? `person:${id}` : id);

/** The teams a RACI row's work belongs to: the product's team, else the leaver's teams. */
function rowTeams(context: Context, entry: RaciEntry): string[] {
  const team = entry.product !== undefined ? context.graph.products.get(entry.product)?.team : undefined;
  return team !== undefined ? [team] : context.leaver.teams;
}

/** The role a RACI cell of the leaver's stands for: the one named, else the catalog's for that letter that they hold. */
function hatOf(context: Context, entry: RaciEntry, letter: "R" | "A", via: string | undefined) {
  if (via !== undefined) return via;
  const defaults = context.graph.activities.get(entry.activity)?.raci;
  const roles = letter === "A" ? [defaults?.A] : (defaults?.R ?? []);
  return roles.find((r) => r !== undefined && context.leaver.roles.some((h) => h.role === r));
}

/** R and A cells naming the leaver, and cells of a role they alone hold (when nobody else holds the letter). */
function raciDuties(context: Context): Duty[] {
  const { graph, leaver } = context;
  const duties: Duty[] = [];
  for (const entry of graph.raci) {
    for (const letter of ["R", "A"] as const) {
      const named = entry.cells.filter(
        (c) => c.letter === letter && c.ref.kind === "person" && c.ref.id === leaver.id,
      );
      const sole = entry.cells.filter(
        (c) =>
          c.letter === letter && c.ref.kind === "role" && c.people.length === 1 && c.people[0] === leaver.id,
      );
      // A role cell rests on them only while nobody else holds the letter on the row.
      const others = [...peopleWith(entry, [letter])].some((p) => p !== leaver.id);
      if (named.length === 0 && (sole.length === 0 || others)) continue;
      duties.push(raciDuty(context, entry, letter, named, named.length > 0 ? undefined : sole[0]));
    }
  }
  return duties;
}

function raciDuty(
  context: Context,
  entry: RaciEntry,
  letter: "R" | "A",
  named: readonly RaciCell[],
  viaCell: RaciCell | undefined,
): Duty {
  const { graph, leaver } = context;
  const via = viaCell?.ref.id;
  const others = [...peopleWith(entry, [letter])].filter((p) => p !== leaver.id);
  const activity = graph.activities.get(entry.activity);
  const hat = hatOf(context, entry, letter, via);
  const backups = backupsOf(entry.source);
  const load = context.load(letter);
  const where = entry.product !== undefined ? ` for product ${entry.product}` : "";
  const duty: Duty = {
    from: leaver.id,
    base: {
      kind: "raci",
      activity: entry.activity,
      ...(entry.product !== undefined ? { product: entry.product } : {}),
      letter,
      ...(via !== undefined ? { via } : {}),
      description: `${letter === "R" ? "Responsible" : "Accountable"} for ${activity?.name ?? entry.activity}${where}${via !== undefined ? ` (as the only ${via})` : ""}`,
      node: entry.source,
    },
    holders: new Set(),
    load,
    fit(person, planned) {
      const fit = emptyFit();
      if (others.includes(person.id))
        addFit(fit, {
          points: 20,
          reasons: [`already ${letter} for this row: the handover only takes ${leaver.name} off it`],
        });
      if (backups.includes(person.id))
        addFit(fit, { points: 15, reasons: ["the row's declared backup (backup:)"] });
      addFit(fit, evidenceFit(context.evidence, entry.activity, person.id, letter === "A" ? 0.5 : 1));
      const needed = activity?.competencies ?? {};
      addFit(fit, skillFit(person, needed));
      if (Object.keys(needed).length === 0) fit.capable = true;
      addFit(fit, headroomFit(person, load, planned));
      addFit(fit, teamFit(graph, person, rowTeams(context, entry)));
      if (letter === "A" && activity?.productionCritical && hasProduction(graph))
        addFit(fit, contractorFit(graph, person.id, others));
      addFit(fit, hatFit(person, hat));
      addFit(fit, presenceFit(person, context.today, context.horizon));
      if (letter === "R") addFit(fit, separationOfBuilding(context, entry, person.id, others));
      return fit;
    },
    changes: (successor) =>
      raciChanges(context, entry, letter, [...named, ...(viaCell ? [viaCell] : [])], successor, others),
    need: (ranked) => activityNeed(context, entry.activity, letter, via ?? hat, ranked),
  };
  return duty;
}

/**
 * The edits that give a row's letter to `successor`: each cell naming the leaver replaced (or removed
 * when the successor already holds the letter); a role only the leaver holds gets the successor beside
 * it for an R, and is replaced by them for an A (a row has one Accountable).
 */
function raciChanges(
  context: Context,
  entry: RaciEntry,
  letter: "R" | "A",
  cells: readonly RaciCell[],
  successor: string,
  others: readonly string[],
): HandoverChange[] {
  const ref = refText(context.graph, successor);
  const written = entry.source[letter];
  const already = others.includes(successor);
  const textAt = (cell: RaciCell) => {
    const index = cell.path[1];
    return typeof index === "number" && Array.isArray(written) ? String(written[index]) : String(written);
  };
  const [first] = cells;
  if (first?.ref.kind === "role") {
    if (letter === "A")
      return [{ node: entry.source, path: [...first.path], op: "replace", from: textAt(first), to: ref }];
    return already
      ? []
      : [{ node: entry.source, path: [letter], op: "add", from: String(written ?? ""), to: ref }];
  }
  // Several cells may name the leaver in one letter (a slip): the first is replaced, the rest removed.
  return cells.map((cell, i) => {
    const from = textAt(cell);
    const removable = typeof cell.path[1] === "number" && (already || i > 0);
    // A name written `person:<id>` stays written that way.
    const to = from.startsWith("person:") ? `person:${successor}` : ref;
    return { node: entry.source, path: [...cell.path], op: removable ? "remove" : "replace", from, to };
  });
}

/** Building a high-risk system one oversees alone, as its only builder (governance/oversight-separation). */
function separationOfBuilding(context: Context, entry: RaciEntry, person: string, others: readonly string[]) {
  if (!(BUILD_ACTIVITIES as readonly string[]).includes(entry.activity)) return {};
  const overseen = [...context.graph.products.values()].filter(
    (p) =>
      p.source.risk === "high" &&
      (entry.product === undefined || entry.product === p.id) &&
      (p.source.oversight ?? []).filter((o) => o !== context.leaver.id).every((o) => o === person) &&
      (p.source.oversight ?? []).includes(person),
  );
  if (overseen.length === 0) return {};
  const ids = overseen.map((p) => p.id).join(", ");
  return others.length === 0
    ? {
        blocked: true,
        concerns: [
          `the only overseer of ${ids}: would build what they oversee (governance/oversight-separation)`,
        ],
      }
    : { points: -10, concerns: [`oversees ${ids}, which this activity builds`] };
}

/** What hire or training would give an activity a successor. */
function activityNeed(
  context: Context,
  activity: string,
  letter: "R" | "A",
  hat: string | undefined,
  ranked: Ranked[],
): Need {
  const { graph } = context;
  const defaults = graph.activities.get(activity)?.raci;
  const role = hat ?? (letter === "A" ? defaults?.A : defaults?.R[0]);
  const hire = role !== undefined && graph.roles.has(role) && !NOT_HIRED.includes(role) ? role : undefined;
  const needed = graph.activities.get(activity)?.competencies ?? {};
  const training = ranked
    .filter((r) => !r.fit.blocked)
    .map((r) => ({ id: r.person.id, name: r.person.name, gaps: skillFit(r.person, needed).gaps }))
    .filter((t) => t.gaps.length > 0)
    .slice(0, 2);
  const train = training.map((t) => `${t.name} (${t.gaps.join(", ")})`).join(" or ");
  const options = [
    hire
      ? `hire for the role ${hire} (try: mlteam whatif --add ${hire}; mlteam recommend plans the hires)`
      : "",
    train ? `train ${train}` : "",
  ].filter(Boolean);
  return {
    ...(hire ? { hire } : {}),
    training,
    advice: `nobody else has worked on ${activity}'s files or holds what it needs without a conflict${options.length ? `: ${options.join(", or ")}` : ""}`,
  };
}

/** A value written in a list of people (a rotation, the overseers), handed to `successor`. */
function listChange(node: object, list: readonly string[], field: string, from: string, successor: string) {
  const index = list.indexOf(from);
  const op = list.includes(successor) ? ("remove" as const) : ("replace" as const);
  return [{ node, path: [field, index], op, from, to: successor }];
}

function onCallDuties(context: Context): Duty[] {
  const { graph, leaver } = context;
  return graph.model.onCall
    .filter((r) => r.people.includes(leaver.id))
    .map((rotation) => onCallDuty(context, rotation, graph, leaver));
}

function onCallDuty(context: Context, rotation: OnCall, graph: TeamGraph, leaver: PersonNode): Duty {
  const activity = rotation.activity;
  const needed = (activity !== undefined ? graph.activities.get(activity)?.competencies : undefined) ?? {};
  const teams = rotation.team !== undefined ? [rotation.team] : leaver.teams;
  const duty: Duty = {
    from: leaver.id,
    base: {
      kind: "onCall",
      rotation: rotation.id,
      ...(activity !== undefined ? { activity } : {}),
      ...(rotation.team !== undefined ? { team: rotation.team } : {}),
      description: `on call in rotation ${rotation.id} (${activity ?? `team ${rotation.team}`})`,
      node: rotation,
    },
    holders: new Set(rotation.people),
    fit(person, planned) {
      const fit = emptyFit();
      if (activity !== undefined) addFit(fit, evidenceFit(context.evidence, activity, person.id));
      addFit(fit, skillFit(person, needed));
      if (Object.keys(needed).length === 0 && person.teams.some((t) => teams.includes(t))) fit.capable = true;
      addFit(fit, headroomFit(person, undefined, planned));
      addFit(fit, teamFit(graph, person, teams));
      addFit(fit, presenceFit(person, context.today, context.horizon));
      return fit;
    },
    changes: (successor) => listChange(rotation, rotation.people, "people", leaver.id, successor),
    need: (ranked) =>
      activity !== undefined
        ? activityNeed(context, activity, "R", undefined, ranked)
        : {
            training: [],
            advice: `nobody else in team ${rotation.team} can join the rotation: add a member to the team, or hire`,
          },
  };
  return duty;
}

function oversightDuties(context: Context): Duty[] {
  const { graph, leaver } = context;
  return [...graph.products.values()]
    .filter((p) => (p.source.oversight ?? []).includes(leaver.id))
    .map((product) => oversightDuty(context, product.id));
}

function oversightDuty(context: Context, productId: string): Duty {
  const { graph, leaver } = context;
  const product = graph.products.get(productId);
  const oversight = product?.source.oversight ?? [];
  const needed = graph.activities.get("ai-post-market-monitoring")?.competencies ?? {};
  const builders = buildersOf(graph, productId);
  const others = oversight.filter((o) => o !== leaver.id);
  const duty: Duty = {
    from: leaver.id,
    base: {
      kind: "oversight",
      product: productId,
      description: `human oversight of ${productId}${product?.source.risk ? ` (risk: ${product.source.risk})` : ""}`,
      ...(product ? { node: product.source } : {}),
    },
    holders: new Set(oversight),
    fit(person, planned) {
      const fit = emptyFit();
      const skills = skillFit(person, needed);
      addFit(fit, skills);
      const training = trainingOnRecord(person.source, /oversight|ai-literacy/i, context.today);
      if (training?.current)
        addFit(fit, {
          points: 10,
          reasons: [`oversight training on record (${training.date})`],
          capable: true,
        });
      else
        addFit(fit, {
          concerns: [training ? `training of ${training.date} expired` : "no oversight training on record"],
        });
      if (accountableFor(graph, person.id, productId))
        addFit(fit, { points: 10, reasons: [`Accountable for a row of ${productId}: authority to stop it`] });
      else
        addFit(fit, { concerns: [`Accountable for none of ${productId}'s rows (no authority over it yet)`] });
      if (builders.has(person.id))
        addFit(fit, {
          points: -20,
          blocked: others.length === 0 && builders.size === 1,
          concerns: [
            `builds ${productId}: an overseer should be independent of it (governance/oversight-separation)`,
          ],
        });
      else if (builders.size > 0)
        addFit(fit, { points: 5, reasons: [`independent: does not build ${productId}`] });
      addFit(fit, headroomFit(person, undefined, planned));
      addFit(fit, teamFit(graph, person, product?.team !== undefined ? [product.team] : leaver.teams));
      addFit(fit, presenceFit(person, context.today, context.horizon));
      return fit;
    },
    changes: (successor) => listChange(product?.source ?? {}, oversight, "oversight", leaver.id, successor),
    need: (ranked) => ({
      training: ranked
        .filter((r) => !r.fit.blocked)
        .slice(0, 2)
        .map((r) => ({
          id: r.person.id,
          name: r.person.name,
          gaps: [
            ...skillFit(r.person, needed).gaps,
            ...(r.fit.concerns.includes("no oversight training on record") ? ["oversight training"] : []),
          ],
        })),
      advice: `nobody else has the competence or the training to oversee ${productId}: record human-oversight training and the competencies of ai-post-market-monitoring for someone who does not build it`,
    }),
  };
  return duty;
}

function stakeholderDuties(context: Context): Duty[] {
  return context.graph.stakeholders
    .filter((s) => s.person === context.leaver.id)
    .map((s) => stakeholderDuty(context, s));
}

function stakeholderDuty(context: Context, stakeholder: Stakeholder): Duty {
  const { graph, leaver } = context;
  const kind = stakeholder.kind;
  const role = graph.roles.has(kind) ? kind : undefined;
  const same = new Set(
    graph.stakeholders.filter((s) => s.kind === kind && s.person).map((s) => s.person as string),
  );
  const duty: Duty = {
    from: leaver.id,
    base: {
      kind: "stakeholder",
      stakeholder: kind,
      description: `the ${kind} stakeholder`,
      node: stakeholder,
    },
    holders: same,
    fit(person) {
      const fit = emptyFit();
      if (role !== undefined && person.roles.some((r) => r.role === role))
        addFit(fit, { points: 30, reasons: [`holds the role ${role}`], capable: true });
      const category = (r: string) => graph.roles.get(r)?.category;
      const lead = person.roles.find((r) =>
        ["leadership", "business", "governance"].includes(category(r.role) ?? ""),
      );
      if (lead) addFit(fit, { points: 5, reasons: [`holds ${lead.role}`] });
      addFit(fit, teamFit(graph, person, leaver.teams));
      addFit(fit, hatFit(person, role));
      addFit(fit, presenceFit(person, context.today, context.horizon));
      return fit;
    },
    changes: (successor) => [
      { node: stakeholder, path: ["person"], op: "replace", from: leaver.id, to: successor },
    ],
    need: () => ({
      ...(role !== undefined && !NOT_HIRED.includes(role) ? { hire: role } : {}),
      training: [],
      advice: `nobody else holds the role ${kind}: name the person of the organisation who will (a ${kind} is engaged, not trained)`,
    }),
  };
  return duty;
}

/** RACI rows that declare the person as a backup (`backup:`): someone else should be the team's answer. */
function backupDuties(context: Context): Duty[] {
  const { graph, leaver } = context;
  return graph.raci
    .filter((entry) => backupsOf(entry.source).includes(leaver.id))
    .map((entry) => {
      const backups = backupsOf(entry.source);
      const activity = graph.activities.get(entry.activity);
      const needed = activity?.competencies ?? {};
      const where = entry.product !== undefined ? ` for product ${entry.product}` : "";
      const duty: Duty = {
        from: leaver.id,
        base: {
          kind: "backup",
          activity: entry.activity,
          ...(entry.product !== undefined ? { product: entry.product } : {}),
          description: `declared backup for ${activity?.name ?? entry.activity}${where}`,
          node: entry.source,
        },
        // Those who already answer for the row, or already back it up, add nobody.
        holders: new Set([...peopleWith(entry, ["R", "A"]), ...backups]),
        fit(person, planned) {
          const fit = emptyFit();
          addFit(fit, evidenceFit(context.evidence, entry.activity, person.id));
          addFit(fit, skillFit(person, needed));
          if (Object.keys(needed).length === 0) fit.capable = true;
          addFit(fit, headroomFit(person, undefined, planned));
          addFit(fit, teamFit(graph, person, rowTeams(context, entry)));
          addFit(fit, presenceFit(person, context.today, context.horizon));
          return fit;
        },
        changes: (successor) => {
          const list = entry.source.backup;
          const path = Array.isArray(list) ? ["backup", list.indexOf(leaver.id)] : ["backup"];
          return [{ node: entry.source, path, op: "replace", from: leaver.id, to: successor }];
        },
        need: (ranked) => activityNeed(context, entry.activity, "R", undefined, ranked),
      };
      return duty;
    });
}

const LEAD_ROLES = ["tech-lead", "team-lead", "group-manager", "project-lead", "chapter-lead"];

function leadDuties(context: Context): Duty[] {
  const { graph, leaver } = context;
  return [...graph.teams.values()]
    .filter((t) => t.source.lead === leaver.id)
    .map((team) => {
      const openings = graph.model.openings.filter((o) => o.team === team.id).map((o) => o.id);
      const duty: Duty = {
        from: leaver.id,
        base: {
          kind: "teamLead",
          team: team.id,
          ...(openings.length ? { openings } : {}),
          description: `lead of team ${team.id}${openings.length ? ` (and its openings: ${openings.join(", ")})` : ""}`,
          node: team.source,
        },
        holders: new Set(),
        fit(person) {
          const fit = emptyFit();
          const lead = person.roles.find((r) => LEAD_ROLES.includes(r.role));
          if (lead) addFit(fit, { points: 20, reasons: [`holds ${lead.role}`], capable: true });
          if (team.members.includes(person.id))
            addFit(fit, { points: 15, reasons: [`member of ${team.id}`], capable: true });
          else addFit(fit, teamFit(graph, person, [team.id]));
          addFit(fit, presenceFit(person, context.today, context.horizon));
          return fit;
        },
        changes: (successor) => [
          { node: team.source, path: ["lead"], op: "replace", from: leaver.id, to: successor },
        ],
        need: () => ({
          hire: "team-lead",
          training: [],
          advice: `nobody in or near ${team.id} can lead it: hire a team lead`,
        }),
      };
      return duty;
    });
}
