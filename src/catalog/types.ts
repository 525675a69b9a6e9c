/** Shapes of the built-in catalog: roles, activities, competencies, topologies and their sources. */
import type { Stage, Topology } from "../model/schema.ts";

/**
 * Where an entry comes from: the source document's number (000–003, see `SOURCES`) and the
 * section, e.g. `001 §3.4` or `002 "Tech lead"`.
 */
export type SourceRef = string;

export type RoleCategory =
  | "data-ml"
  | "engineering"
  | "platform"
  | "business"
  | "leadership"
  | "project-management"
  | "governance";

export interface RoleDef {
  id: string;
  name: string;
  category: RoleCategory;
  focus: string;
  responsibilities: string[];
  tools: string[];
  deliverables: string[];
  /** Competency id → the level the role needs (0–4). */
  competencies: Record<string, number>;
  /** True for roles that exist only for the duration of a project (003). */
  projectOnly: boolean;
  /** Job titles, lower case, that organisations use for this role. */
  aliases: string[];
  /**
   * True for a role that is a commitment someone makes (sponsoring, championing), not a job: a job
   * title never stands for it, only a recorded `roles:` entry or stakeholder does.
   */
  commitment: boolean;
  source: SourceRef;
}

export interface RaciDefault {
  R: string[];
  A: string;
  C: string[];
  I: string[];
}

export interface ActivityDef {
  id: string;
  name: string;
  area: string;
  description: string;
  /** Competency id → the working level someone doing the activity needs. */
  competencies: Record<string, number>;
  /** The earliest organisation stage at which a RACI row for this activity is expected. */
  essentialFrom?: Stage;
  /**
   * The broader activity this one is part of (e.g. data quality is part of the data pipeline): a
   * RACI row for that one covers this one, so a team that writes 001's coarser rows is not asked
   * for the finer ones.
   */
  partOf?: string;
  /** Activities whose loss stops a production system (deployment, CI/CD, monitoring, data pipelines). */
  productionCritical: boolean;
  /** The default RACI by role id. */
  raci: RaciDefault;
  source: SourceRef;
  /** Clauses of AI-governance frameworks that ask for the activity (e.g. "EU AI Act Art. 9"). */
  clauses?: readonly string[];
}

export interface CompetencyDef {
  id: string;
  name: string;
  group: string;
  description: string;
  tools: string[];
  source: SourceRef;
}

export interface TopologyDef {
  id: Topology;
  name: string;
  summary: string;
  bestFor: string;
  /** The teams the topology is made of and the roles each holds. */
  teams: { name: string; type: "product" | "platform" | "full-stack"; roles: string[]; count: string }[];
  /** When it fits, as facts about the organisation. */
  fits: { stages: Stage[]; minProducts: number; maxProducts?: number };
  source: SourceRef;
}

export interface GrowthStep {
  stage: Stage;
  name: string;
  minPeople: number;
  maxPeople?: number;
  description: string;
  source: SourceRef;
}

export interface StakeholderKindDef {
  kind: string;
  name: string;
  why: string;
  /** Stakeholders the organisation should engage once an ML product is in production. */
  governance: boolean;
  source: SourceRef;
}

export interface SourceDoc {
  id: string;
  file: string;
  title: string;
}
