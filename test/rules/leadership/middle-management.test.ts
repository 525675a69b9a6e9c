import rule from "../../../src/analysis/rules/leadership/middle-management.ts";
import { testRule } from "../../helpers.ts";

const chain = (layers: string[]) => {
  const ids = ["cso", ...layers, "lead"];
  return `people:\n${ids
    .map(
      (id, i) =>
        `  - { id: ${id}, name: ${id.toUpperCase()}${i === 0 ? ", roles: [executive-sponsor]" : `, reportsTo: ${ids[i - 1]}`}${id === "lead" ? ", roles: [tech-lead]" : ""} }`,
    )
    .join("\n")}\nteams:\n  - { id: t, type: product, members: [lead], lead: lead }\n`;
};

testRule(rule, {
  valid: [
    { name: "the lead reports to the sponsor", yaml: chain([]) },
    { name: "one manager in between", yaml: chain(["vp"]) },
  ],
  invalid: [
    {
      name: "two managers in between",
      yaml: chain(["vp", "dir"]),
      findings: [
        {
          line: 7,
          column: 52,
          subject: "t",
          message: /2 layers stand between team t \(led by LEAD\) and its sponsor CSO: DIR → VP/,
        },
      ],
    },
  ],
});
