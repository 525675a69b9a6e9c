/** Small evidence reports for the evidence rules' tables. */
import type { ActivityEvidence, Contributor, EvidenceReport } from "../../../src/evidence/measures.ts";

export function contributor(id: string, authored: number, recent: number, active = true): Contributor {
  return {
    id,
    person: !id.startsWith("git:"),
    authored,
    changes: authored + recent,
    recent,
    reviews: 0,
    last: active ? "2026-10-01" : "2024-03-01",
    active,
  };
}

export function activity(
  name: string,
  files: number,
  contributors: Contributor[],
  removed: string[],
  activeRemoved: string[] = removed,
): ActivityEvidence {
  return {
    activity: name,
    files,
    truckFactor: { value: removed.length, removed, files },
    truckFactorActive: { value: activeRemoved.length, removed: activeRemoved, files },
    truckFactorWithReviews: { value: removed.length, removed, files },
    reviewers: 0,
    contributors,
    lastChange: "2026-10-01",
    repositories: ["/repo#HEAD"],
  };
}

export function report(activities: ActivityEvidence[]): EvidenceReport {
  return {
    activities,
    repositories: [],
    unclassified: 0,
    unmatched: [],
    windowStart: "2025-12",
    coAuthors: false,
    identities: { merged: [], excluded: [] },
    inactive: [],
  };
}
