import { nameOf } from "../../facts.ts";
import { defineRule } from "../../rule.ts";
import { effectiveMembers, rotationKnowledge, rotationLabel } from "./on-call.ts";

export default defineRule({
  id: "risk/on-call-rotation",
  meta: {
    area: "risk",
    severity: "warn",
    reads: ["people", "skilled", "cells"],
    assesses: ["people"],
    description:
      "Every on-call rotation has an effective size of at least two: people who are there and show knowledge of what it covers (a rotation of one is a single point of failure).",
    rationale:
      '002: a failed ML pipeline can stop deliveries and idle a distribution centre, and "shit is going to hit the fan, sooner or later" — what matters is fixing it in time. A rotation of one person is on call all the time, and nobody is when they are away. Members who left, and members with neither evidence nor skill in the rotation\'s activities (risk/on-call-knowledge), do not count: a rota of three where two could not fix it is a rota of one.',
    source: '002 "Why you should want a good MLOps team"',
    fix: "Add a second person who knows the activity to the rotation, or train one already in it (see risk/on-call-knowledge).",
    options: {
      min: { default: 2, description: "The fewest people a rotation needs." },
      effective: {
        default: true,
        description:
          "Count only members who show knowledge of the rotation's activities, as risk/on-call-knowledge judges it (false: everyone who is there).",
      },
    },
    example:
      "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer] }\nonCall:\n  - { id: platform, activity: k8s-deployment, people: [meghan] }",
  },
  check({ graph, evidence, options, report }) {
    const min = Number(options.min);
    for (const rotation of graph.model.onCall) {
      // People who left, or are away in a what-if, are not in the rotation; nor, by default, those
      // who show no knowledge of it (judged as risk/on-call-knowledge does).
      const knowledge = rotationKnowledge(graph, rotation, evidence);
      const counted = options.effective === false ? knowledge.present : effectiveMembers(knowledge);
      if (counted.length >= min) continue;
      const left = knowledge.present.filter((p) => !counted.includes(p));
      const names = (ids: readonly string[]) => ids.map((p) => nameOf(graph, p)).join(", ");
      report({
        node: rotation,
        path: ["people"],
        subject: rotation.id,
        severity: counted.length === 0 ? "error" : "warn",
        message: `on-call rotation ${rotation.id} (${rotationLabel(rotation)}) has ${counted.length === 0 ? "nobody" : `only ${names(counted)}`}: an effective size of ${counted.length}${left.length ? ` of ${knowledge.present.length} (${names(left)} ${left.length === 1 ? "shows" : "show"} no knowledge of it: risk/on-call-knowledge)` : ""}`,
      });
    }
  },
});
