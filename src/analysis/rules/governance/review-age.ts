import { defineRule } from "../../rule.ts";

const REVIEWED = new Set(["executive-sponsor", "cio", "ciso", "solution-architect", "data-governance"]);

/** Whole months from `from` to `to` (both YYYY-MM-DD). */
function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

export default defineRule({
  id: "governance/review-age",
  meta: {
    area: "governance",
    severity: "warn",
    reads: ["people", "stakeholders"],
    description: "The sponsor and governance stakeholders have been reviewed with recently.",
    rationale:
      "002: treat the sponsors as an extended part of the team with regular updates and short feedback loops — a green light followed by output months later won't do. 000 §8A.2 asks for ongoing collaboration with the governance stakeholders to align on the way forward.",
    source: '002 "Strategic/executive level"; 000 §8A.2',
    fix: "Review the team's work with them and update `lastReview`.",
    options: { months: { default: 6, description: "How many months may pass since the last review." } },
    example: "stakeholders:\n  - { kind: executive-sponsor, name: Rosa, lastReview: 2025-01-15 }",
  },
  check({ graph, today, options, report }) {
    if (today === "") return;
    const limit = Number(options.months);
    for (const s of graph.stakeholders) {
      if (!REVIEWED.has(s.kind) || s.engaged === false) continue;
      const who = s.person !== undefined ? (graph.people.get(s.person)?.name ?? s.person) : s.name;
      if (s.lastReview === undefined) {
        report({
          node: s,
          path: ["kind"],
          subject: s.kind,
          severity: "info",
          message: `no review date recorded for ${s.kind} ${who}`,
        });
        continue;
      }
      const months = monthsBetween(s.lastReview, today);
      if (months < limit) continue;
      report({
        node: s,
        path: ["lastReview"],
        subject: s.kind,
        message: `the last review with ${s.kind} ${who} was ${months} months ago (${s.lastReview}); at most ${limit}`,
      });
    }
  },
});
