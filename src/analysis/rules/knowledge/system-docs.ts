import { defineRule } from "../../rule.ts";

const DOCS = [
  { key: "science", name: "ML science document" },
  { key: "techSpec", name: "system tech spec" },
] as const;

export default defineRule({
  id: "knowledge/system-docs",
  meta: {
    area: "knowledge",
    severity: "warn",
    reads: [],
    assesses: ["products"],
    description:
      "Every ML system in production has an ML science document and a system tech spec, and the files exist.",
    rationale:
      "000 §8A.3 supports knowledge management with two documents per ML system: an ML science document and a system tech spec. Without them, what the model does and how the system is built live in a few heads.",
    source: "000 §8A.3",
    fix: "Write the documents and set `docs: { science: <path>, techSpec: <path> }` on the product (paths relative to the model file).",
    example:
      "people:\n  - { id: ana, name: Ana }\nteams: [{ id: t, type: product, members: [ana] }]\nproducts:\n  - { id: churn, team: t, stage: production, docs: { science: docs/churn-science.md } }",
  },
  check({ graph, exists, report }) {
    for (const product of graph.products.values()) {
      if (product.source.stage !== "production") continue;
      const undeclared: string[] = [];
      for (const { key, name } of DOCS) {
        const path = product.source.docs?.[key];
        if (path === undefined) undeclared.push(name);
        else if (!exists(product.source, path)) {
          report({
            node: product.source,
            path: ["docs", key],
            subject: product.id,
            message: `the ${name} of ${product.id}, ${path}, does not exist (relative to the model file)`,
          });
        }
      }
      // One finding per product for the documents it does not name.
      if (undeclared.length > 0)
        report({
          node: product.source,
          path: ["id"],
          subject: product.id,
          weight: undeclared.length,
          message: `production system ${product.id} has no ${undeclared.join(" and no ")}`,
        });
    }
  },
});
