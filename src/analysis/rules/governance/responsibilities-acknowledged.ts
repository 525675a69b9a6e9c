import { nameOf } from "../../facts.ts";
import { defineRule } from "../../rule.ts";

export default defineRule({
  id: "governance/responsibilities-acknowledged",
  meta: {
    area: "governance",
    severity: "warn",
    reads: [],
    description:
      "Everyone's roles were communicated to them and accepted: each held role has an `acknowledged` date.",
    rationale:
      "A RACI in a file nobody was shown assigns nothing. ISO/IEC 42001 5.3 asks that responsibilities and authorities for AI be assigned *and communicated*; the NIST AI RMF (GOVERN 2.1) that roles and lines of communication are documented and clear to the people who hold them. 001 §3.4's matrix is only useful when each person knows their letters. This is not legal advice.",
    source: "001 §3.4",
    fix: "Write each role as `{ role: …, acknowledged: YYYY-MM-DD }` once the person has been told of its responsibilities and accepted them.",
    frameworks: ["iso-42001", "nist-ai-rmf"],
    clauses: ["ISO/IEC 42001 5.3", "NIST AI RMF GOVERN 2.1"],
    example:
      "organisation: { name: O, stage: scaling, frameworks: [iso-42001] }\npeople:\n  - { id: ana, name: Ana, roles: [tech-lead] }",
  },
  check({ graph, report }) {
    const pending: { id: string; roles: string[] }[] = [];
    for (const person of graph.model.people) {
      const roles = (person.roles ?? [])
        .filter((r) => typeof r === "string" || r.acknowledged === undefined)
        .map((r) => (typeof r === "string" ? r : r.role));
      if (roles.length > 0) pending.push({ id: person.id, roles });
    }
    if (pending.length === 0) return;
    const first = graph.model.people.find((p) => p.id === pending[0]?.id);
    const count = pending.reduce((n, p) => n + p.roles.length, 0);
    report({
      ...(first ? { node: first, path: ["roles"] } : {}),
      subject: "acknowledged",
      weight: count,
      message: `${count} ${count === 1 ? "role is" : "roles are"} held without a record that the person accepted its responsibilities (ISO/IEC 42001 5.3): ${pending
        .slice(0, 6)
        .map((p) => `${nameOf(graph, p.id)} (${p.roles.join(", ")})`)
        .join(", ")}${pending.length > 6 ? ` and ${pending.length - 6} more people` : ""}`,
    });
  },
});
