import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "staffing/team-size",
  meta: {
    area: "staffing",
    severity: "warn",
    reads: ["members"],
    assesses: ["teams"],
    description: "Each team's size is within the bounds for its type.",
    rationale:
      "000 §8A.1 grows an MLOps team to 2–4 members and recommends a dedicated team of 3 or 4; 001 §3.3's teams combine three or four roles. A team of one is a person, not a team; a very large one stops being one team.",
    source: "000 §8A.1; 001 §3.3",
    fix: "Add members (or merge the team into another), or split a team that has grown too large.",
    options: {
      productMin: { default: 2, description: "Smallest product team." },
      productMax: { default: 10, description: "Largest product team." },
      platformMin: { default: 2, description: "Smallest platform team." },
      platformMax: { default: 12, description: "Largest platform team." },
      fullStackMin: { default: 3, description: "Smallest full-stack team." },
      fullStackMax: { default: 10, description: "Largest full-stack team." },
      enablingMin: { default: 1, description: "Smallest enabling team." },
      enablingMax: { default: 8, description: "Largest enabling team." },
    },
    example:
      "organisation: { name: O, stage: scaling }\npeople:\n  - { id: ana, name: Ana }\nteams:\n  - { id: ml, type: platform, members: [ana] }",
  },
  check({ graph, options, report }) {
    // 000 §8A.1: the first use case starts with one practitioner, so a small team is the plan then.
    const starting = graph.organisation?.stage === "starting";
    const key = {
      product: "product",
      platform: "platform",
      "full-stack": "fullStack",
      enabling: "enabling",
    } as const;
    for (const team of graph.teams.values()) {
      const prefix = key[team.source.type];
      const min = Number(options[`${prefix}Min`]);
      const max = Number(options[`${prefix}Max`]);
      const size = team.members.length;
      if (size >= min && size <= max) continue;
      if (starting && size >= 1 && size < min) continue;
      report({
        node: team.source,
        path: ["members"],
        subject: team.id,
        message: `${team.source.type} team ${team.id} has ${size} ${size === 1 ? "member" : "members"}; expected ${min}–${max}`,
      });
    }
  },
});
