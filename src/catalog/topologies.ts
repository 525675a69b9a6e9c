import type { GrowthStep, TopologyDef } from "./types.ts";

/** The three team topologies of 001 §3.3. */
export const TOPOLOGIES: TopologyDef[] = [
  {
    id: "embedded",
    name: "Embedded ML teams with a shared platform",
    summary:
      "Each product team owns its full ML stack with a data scientist, an ML engineer and a data engineer; a shared platform team of MLOps and platform engineers serves them all.",
    bestFor: "Large organisations with many independent products.",
    teams: [
      {
        name: "Product team (one per product)",
        type: "product",
        roles: ["data-scientist", "ml-engineer", "data-engineer"],
        count: "2 or more",
      },
      {
        name: "Shared platform",
        type: "platform",
        roles: ["mlops-engineer", "platform-engineer"],
        count: "1",
      },
    ],
    fits: { stages: ["scaling", "mature"], minProducts: 4 },
    source: "001 §3.3",
  },
  {
    id: "centralized",
    name: "Centralized ML platform",
    summary:
      "One central platform team of MLOps, platform and data engineers provides a shared platform that several data-science teams use.",
    bestFor: "Organisations starting MLOps, where standardisation is needed.",
    teams: [
      {
        name: "Central ML platform team",
        type: "platform",
        roles: ["mlops-engineer", "platform-engineer", "data-engineer"],
        count: "1",
      },
      { name: "Data-science team", type: "product", roles: ["data-scientist"], count: "2 or more" },
    ],
    fits: { stages: ["starting", "scaling"], minProducts: 2, maxProducts: 8 },
    source: "001 §3.3",
  },
  {
    id: "full-stack",
    name: "Full-stack ML team",
    summary: "One team holds every role: data science, ML engineering, data engineering and MLOps.",
    bestFor: "Startups and early-stage ML.",
    teams: [
      {
        name: "Full-stack ML team",
        type: "full-stack",
        roles: ["data-scientist", "ml-engineer", "data-engineer", "mlops-engineer"],
        count: "1",
      },
    ],
    fits: { stages: ["starting"], minProducts: 0, maxProducts: 3 },
    source: "001 §3.3",
  },
];

/** How an ML team grows, after 000 §8A.1. */
export const GROWTH_PATH: GrowthStep[] = [
  {
    stage: "starting",
    name: "One use case, one lead practitioner",
    minPeople: 1,
    maxPeople: 1,
    description:
      "Start with at least one ML use case led by an intermediate-to-advanced data-science practitioner, as tech lead or lead data scientist, who draws up the implementation roadmap.",
    source: "000 §8A.1",
  },
  {
    stage: "scaling",
    name: "A team of 2–4",
    minPeople: 2,
    maxPeople: 4,
    description:
      "As the practice matures, grow to two to four members, with roles chosen by the organisation's MLOps needs and maturity goals.",
    source: "000 §8A.1",
  },
  {
    stage: "mature",
    name: "A dedicated MLOps team",
    minPeople: 3,
    description:
      "A dedicated team of three or four or more, covering at least the minimum roles: tech lead, data scientist, ML engineer and data engineer.",
    source: "000 §8A.1",
  },
];
