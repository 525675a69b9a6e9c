/** The resolved team graph: the model joined with the catalog, with indexes every rule and surface reads. */
import type { ActivityDef, CompetencyDef, RoleDef, TopologyDef } from "../catalog/index.ts";
import type { Model } from "../model/model.ts";
import type {
  Organisation,
  Person,
  Product,
  RaciLetter,
  RaciRow,
  Stakeholder,
  Team,
  Unit,
} from "../model/schema.ts";
import type { PathKey } from "../model/yaml-source.ts";

export interface RoleHolding {
  role: string;
  /** Percent of the person's time; shared out evenly when the model does not say. */
  allocation: number;
  /** Whether the model states the allocation. */
  explicit: boolean;
}

/** A role a job title suggests: "ML Engineer" → ml-engineer. */
export interface TitleMatch {
  title: string;
  role: string;
}

export interface PersonNode {
  id: string;
  name: string;
  source: Person;
  roles: RoleHolding[];
  /**
   * Roles held only by a job title (mapped through the roles' aliases), for a person with no
   * recorded `roles:`; never a commitment role. They carry no allocation.
   */
  titleRoles: string[];
  /** Where each of `titleRoles` comes from, in the same order. */
  titleMatches: readonly TitleMatch[];
  /** Sum of the role allocations, in percent. */
  allocation: number;
  /** Competency id → level 0–4 (absent means 0). */
  skills: Readonly<Record<string, number>>;
  teams: string[];
}

export interface TeamNode {
  id: string;
  source: Team;
  members: string[];
  serves: string[];
  servedBy: string[];
  /** The unit or team this team belongs to (resolved). */
  parent?: string | undefined;
}

/** A unit of the organisation tree above teams (a department…). */
export interface UnitNode {
  id: string;
  source: Unit;
  parent: string | undefined;
  /** Units directly below it. */
  units: string[];
  /** Teams directly below it. */
  teams: string[];
}

export interface ProductNode {
  id: string;
  source: Product;
  team: string | undefined;
}

export interface RaciRef {
  kind: "role" | "person";
  id: string;
}

export interface RaciCell {
  readonly letter: RaciLetter;
  readonly ref: RaciRef;
  /** The people the reference stands for (a role's holders, within the product's teams for a product row). */
  readonly people: readonly string[];
  /** Where in the row the reference is written, e.g. ["R", 0] or ["A"]. */
  readonly path: PathKey[];
}

export interface RaciEntry {
  source: RaciRow;
  activity: string;
  product: string | undefined;
  cells: RaciCell[];
}

/** A reference to a team or person the model does not hold, left for the organisation to resolve. */
export interface ExternalReference {
  kind: "team" | "person";
  id: string;
  /** The entry that makes the reference, and where in it. */
  node: object;
  path: PathKey[];
  /** One of the model's own ids it may be a typo of. */
  suggestion?: string;
}

export interface TeamGraph {
  model: Model;
  organisation: Organisation | undefined;
  /** The catalog's roles merged with the model's custom roles. */
  roles: ReadonlyMap<string, RoleDef>;
  activities: ReadonlyMap<string, ActivityDef>;
  competencies: ReadonlyMap<string, CompetencyDef>;
  /** The catalog's team topologies. */
  topologies: readonly TopologyDef[];
  people: ReadonlyMap<string, PersonNode>;
  teams: ReadonlyMap<string, TeamNode>;
  /** The organisation tree above teams. */
  units: ReadonlyMap<string, UnitNode>;
  products: ReadonlyMap<string, ProductNode>;
  /** Person id → name, for every person of the model (also those left out as absent). */
  names: ReadonlyMap<string, string>;
  /** Role id → ids of the people who hold it. */
  holders: ReadonlyMap<string, readonly string[]>;
  /** Team id → role id → ids of the team's members who hold the role. */
  teamRoles: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** Competency id → ids of the people with a level of 1 or more in it. */
  skilled: ReadonlyMap<string, readonly string[]>;
  /** Team id → ids of the products it owns. */
  productsByTeam: ReadonlyMap<string, readonly string[]>;
  raci: readonly RaciEntry[];
  raciByActivity: ReadonlyMap<string, readonly RaciEntry[]>;
  stakeholders: readonly Stakeholder[];
  /**
   * References to teams and people of other sources of the organisation (checked alone, the model
   * cannot resolve them; `mlteam org doctor` does). Empty when the organisation gave the context.
   */
  external: readonly ExternalReference[];
}
