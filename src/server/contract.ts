/**
 * The API's contract: every request and response of `mlteam serve` as a zod schema. The routes
 * validate with them, the OpenAPI document is generated from them, and the dashboard's types are
 * inferred from them — so the three cannot drift apart.
 */
import { z } from "@hono/zod-openapi";
import { CATALOG_KINDS } from "../app/catalog.ts";
import type { EvidenceReport } from "../evidence/measures.ts";

export const ErrorBody = z.object({ error: z.string() }).openapi("Error");

export const Location = z
  .object({ file: z.string(), line: z.number().int(), column: z.number().int() })
  .openapi("Location");

export const Severity = z.enum(["error", "warn", "info"]).openapi("Severity");

export const Finding = z
  .object({
    ruleId: z.string(),
    area: z.string(),
    severity: Severity,
    message: z.string(),
    subject: z.string().optional(),
    location: Location,
    fix: z.string(),
    weight: z
      .number()
      .int()
      .optional()
      .describe("How many things the finding stands for, when more than one"),
  })
  .openapi("Finding");

export const Score = z
  .object({
    overall: z.number().int(),
    areas: z.record(z.string(), z.number()),
    costs: z.array(
      z.object({
        ruleId: z.string(),
        area: z.string(),
        findings: z.number().int(),
        factor: z.number().describe("What the rule leaves of its area (1 nothing taken, 0.4 the most)"),
        assessed: z.number().describe("0–1: how much of what the rule assesses the model records"),
        cost: z.number().describe("Overall points the rule costs"),
      }),
    ),
    coverage: z.object({
      overall: z.number().int().describe("0–100: how much of what the rules assess the model records"),
      missing: z.array(z.string()),
    }),
  })
  .openapi("Score");

export const Diagnostic = z
  .object({
    file: z.string(),
    line: z.number().int(),
    column: z.number().int(),
    severity: z.enum(["error", "warning"]),
    message: z.string(),
    code: z.string(),
  })
  .openapi("Diagnostic");

/** An entry of the model as written (its fields are documented in docs/model.md). */
const Entry = z.looseObject({}).describe("As written in the model (docs/model.md)");

export const ModelView = z
  .object({
    etag: z.string(),
    files: z.array(z.string()).describe("The model's files, relative to its folder"),
    diagnostics: z.array(Diagnostic),
    organisation: z
      .looseObject({ name: z.string(), stage: z.string(), topology: z.string().optional() })
      .nullable(),
    people: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        roles: z
          .array(
            z.object({
              role: z.string(),
              allocation: z.number(),
              fromTitle: z
                .string()
                .optional()
                .describe(
                  "The job title the role comes from, for a person with no recorded roles (no allocation)",
                ),
            }),
          )
          .describe("The recorded roles, then those the person's job titles suggest"),
        allocation: z.number(),
        teams: z.array(z.string()),
        skills: z.record(z.string(), z.number()),
        absences: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string().optional() })),
        employment: z.enum(["employee", "contractor", "vendor"]),
        capacity: z.number(),
        leaves: z.string().optional(),
      }),
    ),
    openings: z.array(
      z.object({
        id: z.string(),
        role: z.string(),
        team: z.string().optional(),
        start: z.string().optional(),
        status: z.enum(["open", "approved", "planned"]),
      }),
    ),
    teams: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        type: z.string(),
        members: z.array(z.string()),
        serves: z.array(z.string()),
      }),
    ),
    products: z.array(Entry),
    stakeholders: z.array(Entry),
    raciActivities: z.array(z.string()).describe("The activities that have a RACI row"),
    evidence: z.boolean().describe("Whether the model lists repositories for git evidence"),
    frameworks: z
      .array(z.enum(["eu-ai-act", "iso-42001", "nist-ai-rmf"]))
      .describe("The governance frameworks the model lists (organisation.frameworks)"),
    snapshot: z
      .object({
        team: z.string(),
        commit: z.string(),
        committedAt: z.string(),
        syncedAt: z.string(),
      })
      .optional()
      .describe(
        "Set when the model is a synced snapshot served by the organisation server: read-only, edits become proposals",
      ),
  })
  .openapi("Model");

export const FindingsView = z
  .object({
    etag: z.string(),
    findings: z.array(Finding),
    score: Score,
    suppressed: z.number().int(),
    evidence: z.boolean().describe("Whether git evidence was part of the check"),
    warnings: z.array(z.string()),
  })
  .openapi("Findings");

export const Matrix = z
  .object({
    etag: z.string(),
    by: z.enum(["role", "person"]),
    product: z.string().optional(),
    columns: z.array(z.object({ id: z.string(), name: z.string() })),
    rows: z.array(
      z.object({
        activity: z.string(),
        name: z.string(),
        product: z.string().optional(),
        cells: z.record(z.string(), z.string()).describe("Column id → letters, e.g. R/A"),
      }),
    ),
  })
  .openapi("Matrix");

export const RaciCellBody = z
  .strictObject({
    activity: z.string().min(1).max(200).describe("An activity id."),
    product: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("Edit the product's own row (created if missing)."),
    column: z.string().min(1).max(200).describe("A role id, or person:<id>."),
    letters: z.enum(["", "R", "A", "C", "I", "R/A"]).describe("What the cell should hold; empty clears it."),
  })
  .openapi("RaciCell");

export const CellSaved = z
  .object({ etag: z.string(), file: z.string().describe("The file changed, relative to the model's folder") })
  .openapi("CellSaved");

export const WhatIfView = z
  .object({
    away: z.array(z.object({ id: z.string(), name: z.string(), why: z.enum(["asked", "declared absence"]) })),
    hires: z.array(
      z.object({
        id: z.string(),
        role: z.string(),
        team: z.string().optional(),
        opening: z.string().optional(),
      }),
    ),
    appeared: z.array(Finding),
    disappeared: z.array(Finding),
    changed: z.array(z.object({ before: Finding, after: Finding })),
    lostCoverage: z.array(
      z.object({
        activity: z.string(),
        product: z.string().optional(),
        letters: z.array(z.enum(["R", "A"])),
      }),
    ),
    competenciesLost: z.array(z.object({ competency: z.string(), before: z.number(), after: z.number() })),
    before: Score,
    after: Score,
  })
  .openapi("WhatIf");

export const Ranking = z
  .object({
    ranking: z.array(
      z.object({
        person: z.string(),
        name: z.string(),
        damage: z.number(),
        reasons: z.array(z.object({ points: z.number(), text: z.string() })),
        scoreDelta: z.number().int().optional().describe("Exact health change if away (the top five)"),
      }),
    ),
    total: z.number().int(),
  })
  .openapi("Ranking");

export { CATALOG_KINDS };

export const CatalogEntries = z
  .array(z.looseObject({ id: z.string(), name: z.string(), source: z.string().optional() }))
  .openapi("CatalogEntries");

const TruckFactorView = z
  .object({
    value: z.number().int(),
    removed: z.array(z.string()).describe("The authors removed, in order: those the files depend on most"),
    files: z.number().int(),
  })
  .openapi("TruckFactor");

const ContributorView = z.object({
  id: z.string(),
  person: z.boolean().describe("A person of the model (else a git identity, git:…)"),
  authored: z
    .number()
    .int()
    .describe("Files of the activity this contributor authors (degree of authorship)"),
  changes: z.number().int(),
  recent: z.number().int().describe("Changes within the recent window"),
  reviews: z.number().int(),
  last: z.string().describe("Latest change or review, YYYY-MM-DD"),
  active: z.boolean(),
});

export const EvidenceReportView = z
  .object({
    activities: z.array(
      z.object({
        activity: z.string(),
        files: z.number().int(),
        truckFactor: TruckFactorView,
        truckFactorActive: TruckFactorView,
        truckFactorWithReviews: TruckFactorView,
        truckFactorWithBackups: TruckFactorView.optional(),
        reviewers: z.number().int(),
        contributors: z.array(ContributorView),
        lastChange: z.string(),
        repositories: z.array(z.string()),
      }),
    ),
    repositories: z.array(
      z.object({
        key: z.string(),
        head: z.string(),
        commits: z.number().int(),
        shallow: z.boolean(),
        filter: z.enum(["all", "code"]),
        files: z.number().int(),
        truckFactor: TruckFactorView,
        truckFactorActive: TruckFactorView,
        truckFactorWithReviews: TruckFactorView,
        reviewers: z.number().int(),
      }),
    ),
    unclassified: z.number().int().describe("Files at head that match no activity"),
    unmatched: z.array(z.object({ id: z.string(), seen: z.array(z.string()) })),
    windowStart: z.string().describe("Changes from this month on count as recent (YYYY-MM)"),
    coAuthors: z.boolean(),
    identities: z.object({
      merged: z.array(z.object({ id: z.string(), seen: z.array(z.string()) })),
      excluded: z.array(z.object({ identity: z.string(), reason: z.enum(["bot", "placeholder"]) })),
    }),
    inactive: z.array(z.object({ id: z.string(), last: z.string() })),
  })
  .describe("Per activity and repository: observed contributors, truck factors (docs/evidence.md)")
  .openapi("EvidenceReport");

export const EvidenceView = z
  .object({
    report: EvidenceReportView,
    warnings: z.array(z.string()),
  })
  .openapi("Evidence");

export const FRAMEWORK_IDS = ["eu-ai-act", "iso-42001", "nist-ai-rmf"] as const;

export const AuditView = z
  .object({
    framework: z.enum(FRAMEWORK_IDS),
    generated: z.string(),
    model: z.string(),
    disclaimer: z.string(),
    clauses: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.enum(["met", "gap", "not-applicable"]),
        dates: z.array(
          z.object({
            obligation: z.string(),
            name: z.string(),
            date: z.string(),
            daysLeft: z.number().int(),
            products: z.array(z.string()),
            assumed: z.array(z.string()),
            source: z.string(),
          }),
        ),
        rules: z.array(z.string()),
        evidence: z.array(z.string()),
        findings: z.array(
          z.object({
            ruleId: z.string(),
            severity: z.string(),
            message: z.string(),
            location: z.string(),
            fix: z.string(),
          }),
        ),
      }),
    ),
  })
  .openapi("Audit");

export const HistoryView = z
  .object({
    points: z.array(
      z.object({
        commit: z.string(),
        date: z.string(),
        author: z.string(),
        valid: z.boolean(),
        score: z.number().int().optional(),
        areas: z.record(z.string(), z.number()).optional(),
        coverage: z.number().int().optional(),
        counts: z.object({ error: z.number().int(), warn: z.number().int(), info: z.number().int() }),
        people: z.number().int(),
        appeared: z.array(z.string()).describe("Rule ids of the findings that appeared at this commit"),
        disappeared: z.array(z.string()),
        diagnostics: z
          .array(
            z.object({
              file: z.string(),
              line: z.number().int(),
              column: z.number().int(),
              message: z.string(),
            }),
          )
          .optional()
          .describe("The first input problems, when the model did not validate at this commit"),
        cached: z.boolean().optional(),
      }),
    ),
  })
  .openapi("History");

export const DiffView = z
  .object({
    base: z.string(),
    head: z.string(),
    score: z.object({ before: z.number().int(), after: z.number().int() }),
    areas: z.record(z.string(), z.object({ before: z.number(), after: z.number() })),
    added: z.array(Finding),
    resolved: z.array(Finding),
    changed: z.array(z.object({ before: Finding, after: Finding })),
    raci: z.array(
      z.object({
        activity: z.string(),
        product: z.string().optional(),
        column: z.string(),
        before: z.string(),
        after: z.string(),
      }),
    ),
    people: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        change: z.enum(["added", "removed", "changed"]),
        detail: z.string(),
      }),
    ),
    ranking: z.array(
      z.object({ person: z.string(), name: z.string(), before: z.number(), after: z.number() }),
    ),
  })
  .openapi("Diff");

const HandoverCandidate = z
  .object({
    id: z.string(),
    name: z.string(),
    reasons: z.array(z.string()).describe("Why: evidence, skills, time left, team, a declared backup"),
    concerns: z.array(z.string()).describe("What speaks against (e.g. over-allocated), never a veto"),
  })
  .openapi("HandoverCandidate");

export const HandoverView = z
  .object({
    person: z.string(),
    name: z.string(),
    leaves: z.string().optional(),
    date: z.string().describe("The day of the handover, YYYY-MM-DD"),
    responsibilities: z.array(
      z.object({
        kind: z.enum(["raci", "backup", "onCall", "oversight", "stakeholder", "teamLead", "codeowners"]),
        activity: z.string().optional(),
        product: z.string().optional(),
        letter: z.enum(["R", "A"]).optional(),
        via: z.string().optional().describe("The role the person holds the cell through"),
        rotation: z.string().optional(),
        team: z.string().optional(),
        stakeholder: z.string().optional(),
        openings: z.array(z.string()).optional(),
        patterns: z.array(z.string()).optional().describe("CODEOWNERS patterns naming the person's handle"),
        description: z.string(),
        location: z.string().optional().describe("file:line:col, relative to the model's folder"),
        successor: HandoverCandidate.nullable(),
        alternatives: z.array(HandoverCandidate),
        need: z
          .object({
            hire: z.string().optional(),
            training: z.array(z.object({ id: z.string(), name: z.string(), gaps: z.array(z.string()) })),
            advice: z.string(),
          })
          .optional()
          .describe("What would make a successor when nobody suitable is there"),
        changes: z.array(
          z.object({
            file: z.string(),
            at: z.string().describe("The path in the file, e.g. raci[3].R[0]"),
            op: z.enum(["replace", "remove", "add"]),
            from: z.string(),
            to: z.string(),
          }),
        ),
      }),
    ),
    scoreBefore: z.number().int(),
    scoreAfter: z.number().int(),
    newFindings: z.array(Finding).describe("Findings the handover would add"),
    resolvedFindings: z.array(Finding).describe("Findings the handover would resolve"),
    files: z.array(z.string()).describe("The files the handover changes, relative to the model's folder"),
    warnings: z.array(z.string()).optional(),
  })
  .describe("What `mlteam handover --format json` answers (docs/handover.md)")
  .openapi("Handover");

export const HandoverQuery = z.object({
  to: z.string().min(1).max(200).optional().describe("Give every responsibility to this person"),
  date: z
    .string()
    .max(10)
    .optional()
    .describe("The day of the handover, YYYY-MM-DD (default: the server's today)"),
});

export const HandoverApplied = z
  .object({
    etag: z.string().describe("The model's version after the handover"),
    applied: z.array(z.string()).describe("The files written, relative to the model's folder"),
    handover: HandoverView,
    diff: DiffView.describe("What `mlteam diff` says of the change"),
  })
  .openapi("HandoverApplied");

export type FindingT = z.infer<typeof Finding>;
export type ScoreT = z.infer<typeof Score>;
export type ModelViewT = z.infer<typeof ModelView>;
export type FindingsViewT = z.infer<typeof FindingsView>;
export type MatrixT = z.infer<typeof Matrix>;
export type RaciCellBodyT = z.infer<typeof RaciCellBody>;
export type CellSavedT = z.infer<typeof CellSaved>;
export type WhatIfViewT = z.infer<typeof WhatIfView>;
export type RankingT = z.infer<typeof Ranking>;
export type EvidenceViewT = z.infer<typeof EvidenceView>;

/** The contract's evidence report is the one the evidence layer measures (src/evidence/measures.ts): a type error here when they part. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const EVIDENCE_REPORT_IS_THE_MEASURED_ONE: Same<
  z.infer<typeof EvidenceReportView>,
  EvidenceReport
> = true;
export type HistoryViewT = z.infer<typeof HistoryView>;
export type AuditViewT = z.infer<typeof AuditView>;
export type DiffViewT = z.infer<typeof DiffView>;
export type CatalogEntriesT = z.infer<typeof CatalogEntries>;
export type HandoverViewT = z.infer<typeof HandoverView>;
export type HandoverAppliedT = z.infer<typeof HandoverApplied>;

/** Each GET route's path template and the response it answers with, for the dashboard's typed client. */
export interface ApiResponses {
  "/api/model": ModelViewT;
  "/api/findings": FindingsViewT;
  "/api/raci": MatrixT;
  "/api/whatif": WhatIfViewT;
  "/api/rank": RankingT;
  "/api/evidence": EvidenceViewT;
  "/api/audit/{framework}": AuditViewT;
  "/api/catalog/{kind}": CatalogEntriesT;
  "/api/history": HistoryViewT;
  "/api/diff": DiffViewT;
  "/api/handover/{person}": HandoverViewT;
}
