/** The organisation API's shapes: one definition for validation, the OpenAPI document and clients. */
import { z } from "@hono/zod-openapi";
import { parseGrant } from "../../app/org-grants.ts";
import { ORG_FINDING_KINDS } from "../../app/org-overview.ts";

export const Counts = z.object({ error: z.number().int(), warn: z.number().int(), info: z.number().int() });

export const TeamSummaryView = z
  .object({
    id: z.string(),
    name: z.string(),
    score: z.number().nullable(),
    counts: Counts,
    commit: z.string().nullable(),
    syncedAt: z.string().nullable(),
    committedAt: z.string().nullable(),
    valid: z.boolean(),
    error: z.string().optional(),
  })
  .openapi("OrgTeam");

export const OrgFindingView = z
  .object({
    ruleId: z.string().openapi({ description: "The organisation rule, e.g. organisation/over-allocated." }),
    kind: z.enum(ORG_FINDING_KINDS),
    severity: z.enum(["error", "warn", "info"]),
    message: z.string(),
    teams: z.array(z.string()),
    person: z.string().optional(),
    at: z
      .array(z.string())
      .optional()
      .openapi({ description: "team:file:line:col of what the finding names." }),
  })
  .openapi("OrgFinding");

export const SnapshotView = z
  .object({
    teamId: z.string(),
    commit: z.string(),
    committedAt: z.string(),
    syncedAt: z.string(),
    name: z.string(),
    valid: z.boolean(),
    score: z.number().optional(),
    areas: z.record(z.string(), z.number()).optional(),
    coverage: z.number().optional(),
    counts: Counts,
    findings: z.array(
      z.object({
        ruleId: z.string(),
        severity: z.enum(["error", "warn", "info"]),
        message: z.string(),
        subject: z.string().optional(),
        fix: z.string(),
      }),
    ),
    diagnostics: z.array(z.string()),
    people: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        key: z.string(),
        allocation: z.number(),
        capacity: z.number(),
      }),
    ),
    singlePointsOfFailure: z.array(z.string()),
    evidence: z
      .object({
        commits: z.number().int(),
        files: z.number().int(),
        truckFactor: z.number().int(),
        truckFactorActive: z.number().int(),
        truckFactorAuthors: z.array(z.string()),
        unclassified: z.number().int(),
        unmatched: z.number().int(),
      })
      .optional()
      .describe("Git evidence of the team's repository at the commit, when its model lists it"),
    warnings: z.array(z.string()).optional(),
  })
  .openapi("OrgSnapshot");

export const TeamDetailView = TeamSummaryView.extend({
  repo: z.string(),
  model: z.string(),
  branch: z.string(),
  pages: z.boolean().describe("Whether the team's pages (/teams/{id}/) can be served from its snapshot"),
  snapshot: SnapshotView.optional(),
}).openapi("OrgTeamDetail");

export const HistoryPointView = z
  .object({
    commit: z.string(),
    committedAt: z.string(),
    syncedAt: z.string(),
    valid: z.boolean(),
    score: z.number().nullable(),
    counts: Counts,
  })
  .openapi("OrgHistoryPoint");

export const PersonView = z
  .object({
    key: z.string(),
    name: z.string(),
    teams: z.array(z.object({ team: z.string(), id: z.string(), allocation: z.number() })),
  })
  .openapi("OrgPerson");

const Box = { x: z.number(), y: z.number(), width: z.number(), height: z.number() };

export const OrgChartView = z
  .object({
    teams: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        valid: z.boolean(),
        score: z.number().nullable(),
        counts: Counts,
        people: z.number().int(),
        vacancies: z.number().int(),
        modelTeams: z.array(
          z.object({ id: z.string(), name: z.string(), type: z.string(), lead: z.string().optional() }),
        ),
        findingsPage: z.string().describe("The organisation dashboard's address of the team's findings"),
        error: z.string().optional(),
      }),
    ),
    people: z.array(
      z.object({
        key: z.string().describe("The person's key across teams (the node's id)"),
        name: z.string(),
        team: z
          .string()
          .describe("The team the chart draws them in: most of their recorded time, else the first"),
        teams: z.array(
          z.object({
            team: z.string(),
            id: z.string(),
            allocation: z.number().nullable().describe("Percent of full time there; null: not recorded"),
            roles: z.array(z.object({ role: z.string(), allocation: z.number().optional() })),
            modelTeams: z.array(z.string()),
            manager: z.string().optional(),
          }),
        ),
        roles: z.array(z.string()),
        employment: z.enum(["employee", "contractor", "vendor"]),
        sponsor: z.boolean(),
        total: z.number(),
        recorded: z
          .boolean()
          .describe("Whether every team records their allocation (else total is a lower bound)"),
        capacity: z.number(),
        over: z.boolean(),
        managers: z.array(z.string()),
        unknownManagers: z.array(z.string()),
      }),
    ),
    edges: z.array(z.object({ from: z.string(), to: z.string() })).describe("Manager → report, by key"),
    vacancies: z.array(
      z.object({
        id: z.string(),
        team: z.string(),
        modelTeam: z.string().optional(),
        role: z.string(),
        status: z.enum(["open", "approved", "planned"]),
        under: z.string().optional(),
      }),
    ),
    sponsors: z.array(z.string()),
    skills: z.array(
      z.object({
        team: z.string(),
        competencies: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            atLeast3: z.number().int(),
            atLeast2: z.number().int(),
          }),
        ),
      }),
    ),
    layout: z
      .object({
        width: z.number(),
        height: z.number(),
        groups: z.array(z.object({ id: z.string(), ref: z.string(), ...Box })),
        nodes: z.array(
          z.object({
            id: z.string(),
            kind: z.enum(["person", "sponsor", "vacancy", "team"]),
            ref: z.string(),
            lines: z.array(z.string()),
            label: z.string(),
            ...Box,
          }),
        ),
        edges: z.array(
          z.object({
            id: z.string(),
            kind: z.enum(["reports", "vacancy"]),
            from: z.string(),
            to: z.string(),
            points: z.array(z.object({ x: z.number(), y: z.number() })),
          }),
        ),
      })
      .describe("Where ELK (layered, top-down) put each box, in absolute coordinates"),
  })
  .openapi("OrgChart");

export const SyncOutcomeView = z
  .object({
    id: z.string(),
    status: z.enum(["synced", "unchanged", "failed"]),
    commit: z.string().optional(),
    reason: z.string().optional(),
  })
  .openapi("OrgSyncOutcome");

/** A role, organisation-wide (`editor`) or on one team (`editor@fraud`). */
export const GrantText = z
  .string()
  .max(120)
  .refine((text) => parseGrant(text) !== undefined, {
    message: "a role (viewer, editor, admin, auditor), or role@team-id for one team",
  })
  .openapi({ example: "editor@fraud" });

export const MeView = z
  .object({
    actor: z.string(),
    roles: z.array(z.string()).describe("The roles held organisation-wide (implied ones included)"),
    teams: z
      .record(z.string(), z.array(z.string()))
      .describe("Team id → the roles held on that team only (implied ones included)"),
    grants: z.array(z.string()).describe("What was granted, as role or role@team"),
    via: z.string(),
    csrf: z.string().optional(),
  })
  .openapi("OrgMe");

export const TokenView = z
  .object({
    id: z.string(),
    name: z.string(),
    roles: z.array(z.string()),
    createdBy: z.string().describe("Who created it, as the access log names them"),
    parent: z
      .string()
      .optional()
      .describe("The token that created it, when a token did: revoking that one revokes this one"),
    createdAt: z.string(),
    expiresAt: z.string().describe("Never later than its parent's"),
    revokedAt: z.string().optional(),
  })
  .openapi("OrgApiToken");

export const AssignmentView = z
  .object({
    id: z.string(),
    subject: z.string(),
    grant: z.string().describe("role, or role@team"),
    assignedBy: z.string(),
    assignedAt: z.string(),
  })
  .openapi("OrgRoleAssignment");

export const ErrorBody = z.object({ error: z.string() }).openapi("OrgError");

export const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorBody } },
});

/** Each GET route's path template and the response it answers with, for the dashboard's typed client. */
export interface OrgApiResponses {
  "/api/org/teams": z.infer<typeof TeamSummaryView>[];
  "/api/org/findings": z.infer<typeof OrgFindingView>[];
  "/api/org/teams/{id}": z.infer<typeof TeamDetailView>;
  "/api/org/teams/{id}/history": z.infer<typeof HistoryPointView>[];
  "/api/org/people": z.infer<typeof PersonView>[];
  "/api/org/chart": z.infer<typeof OrgChartView>;
  "/api/org/me": z.infer<typeof MeView>;
  "/api/org/tokens": z.infer<typeof TokenView>[];
  "/api/org/assignments": z.infer<typeof AssignmentView>[];
}
