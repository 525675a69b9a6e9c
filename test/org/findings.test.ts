import assert from "node:assert/strict";
import { test } from "node:test";
import { organisationFindings } from "../../src/analysis/org-findings.ts";
import type { TeamSnapshot } from "../../src/org/snapshot.ts";

const team = (teamId: string, over: Partial<TeamSnapshot> = {}): TeamSnapshot => ({
  teamId,
  commit: "c",
  committedAt: "2026-11-01T00:00:00Z",
  syncedAt: "2026-11-30T00:00:00Z",
  name: teamId,
  valid: true,
  counts: { error: 0, warn: 0, info: 0 },
  findings: [],
  diagnostics: [],
  people: [],
  singlePointsOfFailure: [],
  ...over,
});
const meghan = (allocation: number, id = "meghan") => ({
  id,
  name: "Meghan",
  key: "email:meghan@acme.example",
  allocation,
  capacity: 100,
});

test("organisation findings: what only shows across teams", () => {
  const findings = organisationFindings(
    [
      // The same person (by e-mail), under two ids, 60% + 50%: over her time; the only one for CI/CD in both.
      team("fraud", { people: [meghan(60)], singlePointsOfFailure: ["meghan"] }),
      team("search", {
        people: [meghan(50, "mdoyle")],
        singlePointsOfFailure: ["mdoyle"],
        findings: [{ ruleId: "leadership/executive-sponsor", severity: "warn", message: "", fix: "" }],
        committedAt: "2026-03-15T00:00:00Z",
      }),
      team("pricing", { people: [{ ...meghan(0, "m"), key: "email:other@acme.example" }] }),
      team("broken", { valid: false, diagnostics: ["mlteam.yaml:3:5 unknown field"] }),
    ],
    "2026-11-30",
    { staleMonths: 6 },
  );
  assert.deepEqual(
    findings.map((f) => [f.kind, f.severity, f.teams]),
    [
      ["invalid", "error", ["broken"]],
      ["over-allocated", "error", ["fraud", "search"]],
      ["no-sponsor", "error", ["search"]],
      ["single-point-of-failure", "warn", ["fraud", "search"]],
      ["stale", "info", ["search"]],
    ],
  );
  assert.match(
    findings[1]?.message ?? "",
    /Meghan is allocated 110% across 2 teams \(fraud 60%, search 50%\), above their 100%/,
  );
  assert.match(findings[4]?.message ?? "", /not changed for 8 months \(last 2026-03-15\)/);
  // A team's own error stays an error across the organisation.
  const severe = organisationFindings(
    [
      team("pricing", {
        findings: [{ ruleId: "leadership/executive-sponsor", severity: "error", message: "", fix: "" }],
      }),
    ],
    "2026-11-30",
    { staleMonths: 6 },
  );
  assert.deepEqual(
    severe.filter((f) => f.kind === "no-sponsor").map((f) => f.severity),
    ["error"],
  );
  // Within capacity, or in one team only: nothing.
  assert.deepEqual(
    organisationFindings(
      [team("a", { people: [meghan(40)] }), team("b", { people: [meghan(60)] })],
      "2026-11-30",
      {
        staleMonths: 6,
      },
    ),
    [],
  );
});
