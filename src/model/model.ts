/**
 * The merged team model: every section of every file, each entry remembering which file and
 * path it came from so that findings can point at it.
 */
import type { Diagnostic } from "./diagnostic.ts";
import {
  type CustomActivity,
  type CustomCompetency,
  type CustomRole,
  type ModelFile,
  modelFileSchema,
  type Organisation,
  type Person,
  type Product,
  type RaciRow,
  type RuleSetting,
  type Stakeholder,
  type Suppression,
  type Team,
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
  teams: Team[];
  products: Product[];
  stakeholders: Stakeholder[];
  raci: RaciRow[];
  roles: CustomRole[];
  activities: CustomActivity[];
  competencies: CustomCompetency[];
  rules: Record<string, RuleSetting>;
  suppress: Suppression[];
  /** Every file read, entry first. */
  files: string[];
  /** Ids of entries that exist but failed the schema (so references to them are not also reported). */
  invalidIds: Set<string>;
  /** Where `node` (an entry of the model) was written. */
  origin(node: object): Origin | undefined;
  /** The location of `node`, or of a field inside it. */
  locate(node: object, path?: readonly PathKey[], target?: "key" | "value"): Location;
}

/** Accumulates model files, keeping the valid part of each. */
export class ModelBuilder {
  readonly #origins = new WeakMap<object, Origin>();
  readonly #lists: Record<ListSection, object[]> = {
    people: [],
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
  #organisation: { value: Organisation; file: string } | undefined;
  #rules: Record<string, RuleSetting> = {};

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
        if (valid || element.safeParse(item).success) {
          this.#origins.set(item as object, { source, path: [section, index] });
          this.#lists[section].push(item as object);
        } else if (item && typeof item === "object" && typeof (item as { id?: unknown }).id === "string") {
          this.#invalidIds.add((item as { id: string }).id);
        }
      });
    }
    const organisation = raw.organisation;
    if (organisation !== undefined && (valid || shape.organisation.safeParse(organisation).success)) {
      if (this.#organisation) {
        diagnostics.push({
          file: source.path,
          ...source.locate(["organisation"], "key"),
          severity: "error",
          code: "duplicate-section",
          message: `organisation is already defined in ${this.#organisation.file}; define it in one file only`,
        });
      } else {
        this.#organisation = { value: organisation as Organisation, file: source.path };
        this.#origins.set(organisation as object, { source, path: ["organisation"] });
      }
    }
    if (raw.rules !== undefined && (valid || shape.rules.safeParse(raw.rules).success)) {
      this.#rules = { ...this.#rules, ...(raw.rules as Record<string, RuleSetting>) };
      this.#origins.set(raw.rules as object, { source, path: ["rules"] });
    }
    return diagnostics;
  }

  build(): Model {
    const origins = this.#origins;
    const files = this.#files;
    const lists = this.#lists as unknown as { [K in ListSection]-?: NonNullable<ModelFile[K]> };
    return {
      organisation: this.#organisation?.value,
      ...lists,
      rules: this.#rules,
      files,
      invalidIds: this.#invalidIds,
      origin: (node) => origins.get(node),
      locate(node, path = [], target = "value") {
        const origin = origins.get(node);
        if (!origin) return { file: files[0] ?? "", line: 1, column: 1 };
        const at: Position = origin.source.locate([...origin.path, ...path], target);
        return { file: origin.source.path, ...at };
      },
    };
  }
}
