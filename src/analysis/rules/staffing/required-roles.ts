import type { TeamNode } from "../../../graph/types.ts";
import type { Topology } from "../../../model/schema.ts";
import { defineRule } from "../../rule.ts";

/** The roles 001 §3.3 puts in each kind of team. */
function requiredRoles(team: TeamNode, topology: Topology | undefined): string[] {
  switch (team.source.type) {
    case "platform":
      return ["mlops-engineer", "platform-engineer"];
    case "full-stack":
      return ["data-scientist", "ml-engineer", "data-engineer", "mlops-engineer"];
    case "product":
      return topology === "embedded"
        ? ["data-scientist", "ml-engineer", "data-engineer"]
        : ["data-scientist"];
    case "enabling":
      return [];
  }
}

export default defineRule({
  id: "staffing/required-roles",
  meta: {
    area: "staffing",
    severity: "warn",
    reads: ["holders"],
    assesses: ["teams", "roles"],
    description: "Each team holds the roles its type needs.",
    rationale:
      "001 §3.3: a shared platform has MLOps and platform engineers; a full-stack team has data science, ML engineering, data engineering and MLOps; an embedded product team has a data scientist, an ML engineer and a data engineer; a data-science team using a central platform has data scientists.",
    source: "001 §3.3",
    fix: "Give a member the missing role, move someone with it into the team, or plan the hire.",
    example:
      "people:\n  - { id: ana, name: Ana, roles: [mlops-engineer] }\n  - { id: bo, name: Bo, roles: [mlops-engineer] }\nteams:\n  - { id: platform, type: platform, members: [ana, bo] }",
  },
  check({ graph, report }) {
    const topology = graph.organisation?.topology;
    for (const team of graph.teams.values()) {
      const held = graph.teamRoles.get(team.id);
      const missing = requiredRoles(team, topology).filter((role) => (held?.get(role)?.length ?? 0) === 0);
      if (missing.length === 0) continue;
      report({
        node: team.source,
        path: ["type"],
        subject: team.id,
        message: `${team.source.type} team ${team.id} has no ${missing.join(", ")}`,
      });
    }
  },
});
