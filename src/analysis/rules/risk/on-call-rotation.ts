import { nameOf } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "risk/on-call-rotation",
  meta: {
    area: "risk",
    severity: "warn",
    assesses: ["people"],
    description:
      "Every on-call rotation has at least two people who are there (a rotation of one is a single point of failure).",
    rationale:
      '002: a failed ML pipeline can stop deliveries and idle a distribution centre, and "shit is going to hit the fan, sooner or later" — what matters is fixing it in time. A rotation of one person is on call all the time, and nobody is when they are away.',
    source: '002 "Why you should want a good MLOps team"',
    fix: "Add a second person to the rotation (train them on the runbook first).",
    options: { min: { default: 2, description: "The fewest people a rotation needs." } },
    example:
      "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer] }\nonCall:\n  - { id: platform, activity: k8s-deployment, people: [meghan] }",
  },
  check({ graph, options, report }) {
    const min = Number(options.min);
    for (const rotation of graph.model.onCall) {
      // People who left, or are away in a what-if, are not in the rotation.
      const present = rotation.people.filter((p) => graph.people.has(p));
      if (present.length >= min) continue;
      report({
        node: rotation,
        path: ["people"],
        subject: rotation.id,
        severity: present.length === 0 ? "error" : "warn",
        message: `on-call rotation ${rotation.id} (${rotation.activity ?? `team ${rotation.team}`}) has ${present.length === 0 ? "nobody" : `only ${present.map((p) => nameOf(graph, p)).join(", ")}`}`,
      });
    }
  },
});
