/** What an importer proposes: model entries to add, and notes for the person reviewing them. */
import type {
  CustomActivity,
  CustomCompetency,
  CustomRole,
  EvidenceSettings,
  OnCall,
  Opening,
  Organisation,
  Person,
  Product,
  RaciRow,
  RuleSetting,
  Stakeholder,
  Suppression,
  Team,
  Unit,
} from "../model/schema.ts";

export interface Imported {
  people: Person[];
  teams: Team[];
  /** Units of the organisation tree, when the source has them (Backstage departments…). */
  units?: Unit[];
  /** Products, when the source has them (an mlteam workbook). */
  products?: Product[];
  /** Open positions and stakeholders, when the source has them (an mlteam workbook). */
  openings?: Opening[];
  stakeholders?: Stakeholder[];
  raci: RaciRow[];
  /** The rest of a model, when the source holds it (an mlteam workbook). */
  onCall?: OnCall[];
  roles?: CustomRole[];
  activities?: CustomActivity[];
  competencies?: CustomCompetency[];
  suppress?: Suppression[];
  organisation?: Organisation;
  rules?: Record<string, RuleSetting>;
  evidence?: EvidenceSettings;
  /** What could not be mapped, for review (unmapped titles, unknown handles…). */
  notes: string[];
  /** What the import did, for its closing summary. */
  summary?: ImportSummary;
}

export interface ImportSummary {
  created: number;
  /** Rows that gave nothing (no name…). */
  skipped: number;
  /** Columns used and the field each filled. */
  used: string[];
  /** Columns that were not used. */
  unknownColumns: string[];
  /** Titles that map to no role. */
  unmapped: string[];
  /** What the source holds that the import does not read (Backstage kinds…). */
  ignored?: string[];
}

/** A model id from free text: lower case, letters, digits and dashes. */
export function slug(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "") || "unnamed"
  );
}
