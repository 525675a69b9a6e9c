import rule from "../../../src/analysis/rules/governance/review-age.ts";
import { testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [
    {
      name: "reviewed five months ago (tests run on 2026-11-22)",
      yaml: "stakeholders:\n  - { kind: executive-sponsor, name: Rosa, lastReview: 2026-06-23 }\n",
    },
    { name: "a vendor is not reviewed", yaml: "stakeholders:\n  - { kind: vendor, name: Acme Cloud }\n" },
    {
      name: "a stakeholder not engaged",
      yaml: "stakeholders:\n  - { kind: ciso, name: Sec, engaged: false }\n",
    },
  ],
  invalid: [
    {
      name: "six months ago",
      yaml: "stakeholders:\n  - { kind: executive-sponsor, name: Rosa, lastReview: 2026-05-22 }\n",
      findings: [
        {
          line: 2,
          column: 56,
          subject: "executive-sponsor",
          message: /the last review with executive-sponsor Rosa was 6 months ago \(2026-05-22\); at most 6/,
        },
      ],
    },
    {
      name: "no review date",
      yaml: "stakeholders:\n  - { kind: cio, name: Hannah }\n",
      findings: [
        { line: 2, column: 13, severity: "info", message: /no review date recorded for cio Hannah/ },
      ],
    },
  ],
});
