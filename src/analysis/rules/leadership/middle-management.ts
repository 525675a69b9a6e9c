import { nameOf, stakeholderPeople } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "leadership/middle-management",
  meta: {
    area: "leadership",
    severity: "warn",
    reads: ["people", "holders", "members", "stakeholders"],
    assesses: ["people"],
    description: "No more than one layer of management stands between an ML team and its sponsor.",
    rationale:
      "002 does not believe in middle management for data science and MLOps: the outside-to-inside, the inside-to-outside and the tech lead lead the team, which should work close to or under the strategic and executive level. An extra layer may be needed in large organisations; more slows decisions down.",
    source: '002 "Middle Management (is dead)"',
    fix: "Let the team's lead report to the sponsor (or to one manager who does), and update `reportsTo`.",
    options: {
      maxLayers: {
        default: 1,
        description: "How many people may stand between a team's lead and the sponsor.",
      },
    },
    example:
      "people:\n  - { id: cso, name: Cleo, roles: [executive-sponsor] }\n  - { id: vp, name: Vic, reportsTo: cso }\n  - { id: dir, name: Dirk, reportsTo: vp }\n  - { id: lead, name: Lee, roles: [tech-lead], reportsTo: dir }\nteams: [{ id: t, type: product, members: [lead], lead: lead }]",
  },
  check({ graph, options, report }) {
    const sponsors = stakeholderPeople(graph, "executive-sponsor");
    if (sponsors.size === 0) return;
    const maxLayers = Number(options.maxLayers);
    for (const team of graph.teams.values()) {
      const start =
        team.source.lead ??
        team.members.find((m) => graph.people.get(m)?.roles.some((r) => r.role === "tech-lead"));
      if (!start || sponsors.has(start)) continue;
      const chain: string[] = [];
      const seen = new Set([start]);
      let current = graph.people.get(start)?.source.reportsTo;
      while (current !== undefined && !sponsors.has(current) && !seen.has(current)) {
        seen.add(current);
        chain.push(current);
        current = graph.people.get(current)?.source.reportsTo;
      }
      if (current === undefined || !sponsors.has(current) || chain.length <= maxLayers) continue;
      report({
        node: team.source,
        path: team.source.lead ? ["lead"] : ["id"],
        subject: team.id,
        message: `${chain.length} layers stand between team ${team.id} (led by ${nameOf(graph, start)}) and its sponsor ${nameOf(graph, current)}: ${chain.map((id) => nameOf(graph, id)).join(" → ")}`,
      });
    }
  },
});
