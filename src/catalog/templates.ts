/** Starter models for `mlteam init`; each is a bundled example, examples/<id>/mlteam.yaml. */
export interface TemplateDef {
  id: string;
  name: string;
  description: string;
  source: string;
}

export const TEMPLATES: TemplateDef[] = [
  {
    id: "first-use-case",
    name: "A first use case led by one practitioner",
    description: "One ML use case overseen by an intermediate-to-advanced data-science lead, with a sponsor.",
    source: "000 §8A.1",
  },
  {
    id: "startup-full-stack",
    name: "A startup's full-stack ML team",
    description: "One team with data science, ML engineering, data engineering and MLOps, and 001's RACI.",
    source: "001 §3.3, §3.4",
  },
  {
    id: "central-platform",
    name: "A centralized ML platform serving data-science teams",
    description:
      "A central platform team (MLOps, platform, data engineering) serving two data-science teams.",
    source: "001 §3.3",
  },
  {
    id: "embedded-platform",
    name: "Embedded product teams with a shared platform",
    description: "Product teams that own their ML stack, served by a shared MLOps and platform team.",
    source: "001 §3.3",
  },
  {
    id: "azure-accelerator",
    name: "The Azure MLOps accelerator project team",
    description:
      "Business leads, data and ML roles, infrastructure and project-management roles of a platform project.",
    source: "003",
  },
];

export const DEFAULT_TEMPLATE = "first-use-case";
