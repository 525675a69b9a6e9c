/** Small evidence reports for the evidence rules' tables. */
import type { ActivityEvidence, Contributor, EvidenceReport } from "../../../src/evidence/measures.ts";

export function contributor(id: string, authored: number, recent: number): Contributor {
  return {
    id,
    person: !id.startsWith("git:"),
    authored,
    changes: authored + recent,
    recent,
    last: "2026-10-01",
  };
}

export function activity(
  name: string,
  files: number,
  contributors: Contributor[],
  removed: string[],
): ActivityEvidence {
  return {
    activity: name,
    files,
    truckFactor: { value: removed.length, removed, files },
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
  };
}
