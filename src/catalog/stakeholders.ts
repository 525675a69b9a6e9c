import type { StakeholderKindDef } from "./types.ts";

/** The stakeholders an ML team should keep engaged: 002's leadership and 000 §8A.2's governance. */
export const STAKEHOLDER_KINDS: StakeholderKindDef[] = [
  {
    kind: "executive-sponsor",
    name: "Executive sponsor",
    why: "ML work crosses departments, needs investment and changes how the organisation works; without buy-in at the top it does not last.",
    governance: false,
    source: '002 "Strategic/executive level"',
  },
  {
    kind: "evangelist",
    name: "Evangelist",
    why: "Gets ideas traction and resources, keeps projects alive when they get hard, and drives adoption afterwards.",
    governance: false,
    source: '002 "Evangelist"',
  },
  {
    kind: "cio",
    name: "CIO",
    why: "Owns the systems and processes an ML system must fit into.",
    governance: true,
    source: "000 §8A.2",
  },
  {
    kind: "ciso",
    name: "CISO",
    why: "Sets the security an ML system must meet, balanced with efficiency.",
    governance: true,
    source: "000 §8A.2",
  },
  {
    kind: "solution-architect",
    name: "Solution architect",
    why: "Aligns the ML system's architecture with the estate it joins.",
    governance: true,
    source: "000 §8A.2",
  },
  {
    kind: "data-governance",
    name: "Data governance team",
    why: "Decides how sensitive data may be used and protects model integrity.",
    governance: true,
    source: "000 §8A.2",
  },
  {
    kind: "infrastructure",
    name: "Infrastructure team",
    why: "Makes sure the infrastructure scales with the models and data.",
    governance: false,
    source: "000 §8A.2",
  },
  {
    kind: "security",
    name: "Security team",
    why: "Balances security measures with operating efficiency.",
    governance: false,
    source: "000 §8A.2",
  },
  {
    kind: "vendor",
    name: "Vendor",
    why: "Existing vendors that will interface with the ML system must be aligned with it.",
    governance: false,
    source: "000 §8A.2",
  },
  {
    kind: "other",
    name: "Other stakeholder",
    why: "Anyone else whose support or review the team depends on.",
    governance: false,
    source: "000 §8A.2",
  },
];
