import { nameOf } from "../../facts.ts";
import { defineRule } from "../../rule.ts";
import { effectiveMembers, rotationKnowledge, rotationLabel } from "./on-call.ts";

const HOW: Record<string, string> = {
  "skills-no-evidence":
    "judged by skills alone, as there is no evidence from git (the model lists no repositories)",
  "skills-no-files": "judged by skills alone, as the repositories hold none of its files",
};

export default defineRule({
  id: "risk/on-call-knowledge",
  meta: {
    area: "risk",
    severity: "warn",
    reads: ["people", "skilled", "cells"],
    assesses: ["people"],
    description:
      "Everyone in an on-call rotation shows knowledge of what it covers: a change or review of its files in the evidence window, or a level of 2 or more in one of its competencies.",
    rationale:
      "002: a failed ML pipeline can stop deliveries, and \"shit is going to hit the fan, sooner or later\" — what matters is that whoever is paged can fix it. A name on a rota who has never touched the activity's code and holds none of its competencies at level 2 (basic) or above (000 §8A.1) adds a turn to the rota, not a responder: the rotation is smaller than it looks (risk/on-call-rotation counts it without them). With evidence from git, a change or a review of the activity's files in the window counts; without it (or when the repositories hold none of its files), skills alone decide, and the finding says so. A level counts when it is recorded: an unrecorded one is named as such. A rotation for a team covers the activities its members are Responsible or Accountable for, and its products' rows. With neither evidence nor any skills recorded in the model there is nothing to go by, and nobody is reported (skills/not-assessed says what is missing).",
    source: '002 "Why you should want a good MLOps team"; 000 §8A.1',
    fix: "Pair the person with someone who knows the activity (a shadow shift, a review of its changes) or train them to level 2 or more in one of its competencies and record it under `skills`; or take them off the rotation until then.",
    example:
      "people:\n  - { id: meghan, name: Meghan, roles: [mlops-engineer], skills: { containerization: 3 } }\n  - { id: dan, name: Dan, roles: [data-scientist], skills: { statistics-ml: 3 } }\nonCall:\n  - { id: platform, activity: k8s-deployment, people: [meghan, dan] }",
  },
  check({ graph, evidence, report }) {
    for (const rotation of graph.model.onCall) {
      const knowledge = rotationKnowledge(graph, rotation, evidence);
      if (knowledge.unknowing.length === 0) continue;
      const effective = effectiveMembers(knowledge).length;
      const how = HOW[knowledge.judgedBy];
      for (const u of knowledge.unknowing) {
        const why = [u.evidence, u.skills].filter((w) => w !== "").join(", and ");
        report({
          node: rotation,
          path: ["people", u.index],
          subject: `${rotation.id}:${u.person}`,
          message: `${nameOf(graph, u.person)} is on call in ${rotation.id} (${rotationLabel(rotation)}) without knowledge of it on record — ${why}${how ? `; ${how}` : ""}; the rotation's effective size is ${effective} of ${knowledge.present.length}`,
        });
      }
    }
  },
});
