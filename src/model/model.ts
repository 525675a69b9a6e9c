/**
 * The merged team model: every section of every file, each entry remembering which file and
 * path it came from so that findings can point at it.
 */
import type { z } from "zod";
import type { Diagnostic } from "./diagnostic.ts";
import {
  type CustomActivity,
  type CustomCompetency,
  type CustomRole,
  type EvidenceSettings,
  type ModelFile,
  modelFileSchema,
  type OnCall,
  type Opening,
  type Organisation,
  type Person,
  type Product,
  type RaciRow,
  type RuleSetting,
  type Stakeholder,
  type Suppression,
  type Team,
  type Unit,
  withoutExtensions,
} from "./schema.ts";
import type { PathKey, Position, YamlSource } from "./yaml-source.ts";

/** Where an entry of the model was written. */
export interface Origin {
  source: YamlSource;
  path: PathKey[];
}

/** A point in a model file. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

const LIST_SECTIONS = [
  "people",
  "openings",
  "onCall",
  "units",
  "teams",
  "products",
  "stakeholders",
  "raci",
  "roles",
  "activities",
  "competencies",
  "suppress",
] as const;
type ListSection = (typeof LIST_SECTIONS)[number];

export interface Model {
  organisation: Organisation | undefined;
  people: Person[];
  openings: Opening[];
  onCall: OnCall[];
  units: Unit[];
  teams: Team[];
  products: Product[];
  stakeholders: Stakeholder[];
  raci: RaciRow[];
  roles: CustomRole[];
  activities: CustomActivity[];
  competencies: CustomCompetency[];
  rules: Record<string, RuleSetting>;
  /** The `evidence` section, with the file it was written in (repository paths are relative to it). */
  evidence: { settings: EvidenceSettings; file: string } | undefined;
  /** Rule id → the `rules` mapping it is set in (to locate the setting). */
  ruleSettingNodes: ReadonlyMap<string, object>;
  suppress: Suppression[];
  /** Every file read, entry first. */
  files: string[];
  /** The directories whose YAML files were listed (a directory model, included directories). */
  directories: string[];
  /** Ids of entries that exist but failed the schema (so references to them are not also reported). */
  invalidIds: Set<string>;
  /** Where `node` (an entry of the model) was written. */
  origin(node: object): Origin | undefined;
  /**
   * In a team's model as the organisation sees it (src/model/org-context.ts): the people a RACI
   * row's roles may resolve to — the team's own and those of the teams serving it for its own rows,
   * the serving team's people for a row borrowed from it. Absent for a model checked on its own.
   */
  scope?(row: object): ReadonlySet<string> | undefined;
  /** The location of `node`, or of a field inside it. */
  locate(node: object, path?: readonly PathKey[], target?: "key" | "value"): Location;
}

/** Accumulates model files, keeping the valid part of each. */
export class ModelBuilder {
  // Entry → index into the origin arrays; a Map of numbers rather than a WeakMap of objects,
  // because a model of 100k people has hundreds of thousands of entries.
  readonly #originIndex = new Map<object, number>();
  readonly #originSource: YamlSource[] = [];
  readonly #originPath: PathKey[][] = [];
  readonly #lists: Record<ListSection, object[]> = {
    people: [],
    openings: [],
    onCall: [],
    units: [],
    teams: [],
    products: [],
    stakeholders: [],
    raci: [],
    roles: [],
    activities: [],
    competencies: [],
    suppress: [],
  };
  readonly #invalidIds = new Set<string>();
  readonly #files: string[] = [];
  readonly #single = new Map<"organisation" | "evidence", { value: object; file: string }>();
  #rules: Record<string, RuleSetting> = {};
  #organisationSeen = false;
  readonly #ruleNodes = new Map<string, object>();

  /** Whether any file has an `organisation` section, valid or not. */
  get hasOrganisation(): boolean {
    return this.#organisationSeen;
  }

  /** Adds one parsed file; `valid` says whether the whole file passed the schema. */
  add(raw: Record<string, unknown>, source: YamlSource, valid: boolean): Diagnostic[] {
    this.#files.push(source.path);
    const diagnostics: Diagnostic[] = [];
    const shape = modelFileSchema.shape;
    for (const section of LIST_SECTIONS) {
      const items = raw[section];
      if (!Array.isArray(items)) continue;
      const element = shape[section].unwrap().element;
      items.forEach((item: unknown, index) => {
        // An entry with schema errors is kept without its bad fields, so that its references are
        // still checked in the same run; one that cannot be repaired only lends its id.
        const kept = valid ? item : repair(withoutExtensions(item), element);
        if (kept !== undefined) {
          this.#setOrigin(kept as object, source, section, index);
          this.#lists[section].push(kept as object);
        } else if (item && typeof item === "object" && typeof (item as { id?: unknown }).id === "string") {
          this.#invalidIds.add((item as { id: string }).id);
        }
      });
    }
    if (raw.organisation !== undefined) this.#organisationSeen = true;
    // Sections that one file alone may define.
    for (const section of ["organisation", "evidence"] as const) {
      const value = raw[section];
      if (value === undefined || !(valid || shape[section].safeParse(withoutExtensions(value)).success))
        continue;
      const first = this.#single.get(section);
      if (first) {
        diagnostics.push({
          file: source.path,
          ...source.locate([section], "key"),
          severity: "error",
          code: "duplicate-section",
          message: `${section} is already defined in ${first.file}; define it in one file only`,
        });
        continue;
      }
      this.#single.set(section, { value: value as object, file: source.path });
      this.#setOrigin(value as object, source, section);
    }
    if (raw.rules !== undefined && (valid || shape.rules.safeParse(raw.rules).success)) {
      this.#rules = { ...this.#rules, ...(raw.rules as Record<string, RuleSetting>) };
      this.#setOrigin(raw.rules as object, source, "rules");
      for (const id of Object.keys(raw.rules as object)) this.#ruleNodes.set(id, raw.rules as object);
    }
    return diagnostics;
  }

  #setOrigin(node: object, source: YamlSource, section: string, index?: number): void {
    this.#originIndex.set(node, this.#originSource.length);
    this.#originSource.push(source);
    this.#originPath.push(index === undefined ? [section] : [section, index]);
  }

  build(): Model {
    const index = this.#originIndex;
    const sources = this.#originSource;
    const paths = this.#originPath;
    const originOf = (node: object): Origin | undefined => {
      const i = index.get(node);
      return i === undefined ? undefined : { source: sources[i] as YamlSource, path: paths[i] as PathKey[] };
    };
    const files = this.#files;
    const lists = this.#lists as unknown as { [K in ListSection]-?: NonNullable<ModelFile[K]> };
    return {
      organisation: this.#single.get("organisation")?.value as Organisation | undefined,
      ...lists,
      rules: this.#rules,
      evidence: evidenceOf(this.#single.get("evidence")),
      ruleSettingNodes: this.#ruleNodes,
      files,
      directories: [],
      invalidIds: this.#invalidIds,
      origin: originOf,
      locate(node, path = [], target = "value") {
        const origin = originOf(node);
        if (!origin) return { file: files[0] ?? "", line: 1, column: 1 };
        const at: Position = origin.source.locate([...origin.path, ...path], target);
        return { file: origin.source.path, ...at };
      },
    };
  }
}

function evidenceOf(entry: { value: object; file: string } | undefined): Model["evidence"] {
  return entry ? { settings: entry.value as EvidenceSettings, file: entry.file } : undefined;
}

/** Drops the fields the schema rejects until the entry passes, or gives up (undefined). */
function repair(item: unknown, schema: z.ZodType): unknown {
  const current: unknown = structuredClone(item);
  for (let attempt = 0; attempt < 4; attempt++) {
    const result = schema.safeParse(current);
    if (result.success) return current;
    let changed = false;
    const removals: { parent: unknown; key: PropertyKey }[] = [];
    for (const issue of result.error.issues) {
      const path = issue.code === "unrecognized_keys" ? issue.path : issue.path.slice(0, -1);
      const parent = path.reduce<unknown>(
        (node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key as string],
        current,
      );
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) removals.push({ parent, key });
      } else if (issue.path.length > 0) {
        removals.push({ parent, key: issue.path.at(-1) as PropertyKey });
      }
    }
    // Remove array items from the end so that earlier indexes stay valid.
    removals.sort(
      (a, b) => (typeof b.key === "number" ? b.key : 0) - (typeof a.key === "number" ? a.key : 0),
    );
    for (const { parent, key } of removals) {
      if (Array.isArray(parent) && typeof key === "number" && key < parent.length) {
        parent.splice(key, 1);
        changed = true;
      } else if (parent && typeof parent === "object" && Object.hasOwn(parent, key)) {
        delete (parent as Record<PropertyKey, unknown>)[key];
        changed = true;
      }
    }
    if (!changed) return undefined;
  }
  return undefined;
}
