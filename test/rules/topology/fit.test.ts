import rule from "../../../src/analysis/rules/topology/fit.ts";
import { testRule } from "../../helpers.ts";

testRule(rule, {
  valid: [
    {
      name: "a startup with a full-stack team",
      yaml: "organisation: { name: O, stage: starting, mlProducts: 1, topology: full-stack }\n",
    },
    {
      name: "many products, embedded",
      yaml: "organisation: { name: O, stage: mature, mlProducts: 12, topology: embedded }\n",
    },
    { name: "no topology declared", yaml: "organisation: { name: O, stage: mature, mlProducts: 12 }\n" },
  ],
  invalid: [
    {
      name: "a mature organisation with twelve products in one full-stack team",
      yaml: "organisation:\n  name: O\n  stage: mature\n  mlProducts: 12\n  topology: full-stack\n",
      findings: [
        {
          line: 5,
          column: 13,
          subject: "full-stack",
          message: /declared full-stack, but the facts point to embedded: stage mature .*12 ML products/,
        },
      ],
    },
    {
      name: "scaling with one product leans to a central platform",
      yaml: "organisation:\n  name: O\n  stage: scaling\n  mlProducts: 1\n  topology: embedded\n",
      findings: [{ line: 5, column: 13, message: /the facts point to centralized/ }],
    },
  ],
});
