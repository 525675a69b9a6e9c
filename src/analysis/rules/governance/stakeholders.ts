import { hasProduction } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

const KINDS = [
  { kind: "cio", role: "cio", name: "the CIO" },
  { kind: "ciso", role: "ciso", name: "the CISO" },
  { kind: "solution-architect", role: "solution-architect", name: "a solution architect" },
  { kind: "data-governance", role: "data-governance-officer", name: "the data governance team" },
];

export default defineRule({
  id: "governance/stakeholders",
  meta: {
    area: "governance",
    severity: "warn",
    reads: ["holders", "stakeholders"],
    description:
      "Past the first use case, or with a product in production, the CIO, the CISO, a solution architect and data governance are listed and engaged.",
    rationale:
      "000 §8A.2: agencies have systems and processes that decide security and governance; engaging the CIO, the CISO, the solution architect, the data governance team and existing vendors is crucial to refine the solution — for scalability, data and model sensitivity, and security balanced with efficiency.",
    source: "000 §8A.2",
    fix: "List each as a stakeholder (`{ kind: cio, name: … }` or `person:`) and set `engaged: true` once they take part.",
    example:
      "organisation: { name: O, stage: scaling }\nstakeholders:\n  - { kind: ciso, name: Security office, engaged: false }",
  },
  check({ graph, report }) {
    const organisation = graph.organisation;
    if (!organisation || (organisation.stage === "starting" && !hasProduction(graph))) return;
    for (const { kind, role, name } of KINDS) {
      const listed = graph.stakeholders.filter((s) => s.kind === kind);
      if (listed.length === 0) {
        if ((graph.holders.get(role)?.length ?? 0) > 0) continue;
        report({
          node: organisation,
          path: ["stage"],
          subject: kind,
          message: `${name} is not listed among the stakeholders`,
          fix: `List them: \`stakeholders: [{ kind: ${kind}, name: … }]\` (or \`person: <id>\`), with \`engaged: true\` once they take part.`,
        });
        continue;
      }
      if (listed.some((s) => s.engaged !== false)) continue;
      report({
        node: listed[0] as object,
        path: ["engaged"],
        subject: kind,
        message: `${name} is listed but not engaged`,
        fix: `Engage them and set \`engaged: true\` on the \`${kind}\` stakeholder.`,
      });
    }
  },
});
