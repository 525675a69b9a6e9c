import type { CompetencyDef } from "./types.ts";

/** The competencies of 000 §8A.1, plus the skills the other documents ask of roles. Levels run 0–4. */
export const COMPETENCIES: CompetencyDef[] = [
  {
    id: "statistics-ml",
    name: "Statistics & machine learning",
    group: "science",
    description:
      "Choosing algorithms and frameworks, building models and judging them soundly; fluent with the common ML libraries.",
    tools: ["PyTorch", "TensorFlow", "scikit-learn"],
    source: "000 §8A.1",
  },
  {
    id: "mlops-knowledge",
    name: "MLOps knowledge",
    group: "science",
    description:
      "Designing models for continuous training, monitoring and evaluation, and deciding what should trigger a retrain or a model update.",
    tools: ["MLflow", "retraining triggers", "model monitoring"],
    source: "000 §8A.1",
  },
  {
    id: "cloud-devops",
    name: "Cloud and/or on-prem DevOps",
    group: "ml-engineering",
    description:
      "Running and deploying models on a cloud platform or on own servers, and keeping the CI/CD pipelines that do it healthy.",
    tools: ["AWS", "Azure", "GCP", "on-prem servers", "Jenkins", "GitHub Actions"],
    source: "000 §8A.1",
  },
  {
    id: "containerization",
    name: "Containerization",
    group: "ml-engineering",
    description: "Packaging and running workloads in containers and orchestrating them.",
    tools: ["Docker", "Kubernetes"],
    source: "000 §8A.1",
  },
  {
    id: "monitoring-logging",
    name: "Monitoring & logging",
    group: "ml-engineering",
    description: "Watching system performance and the behaviour of models in production.",
    tools: ["Grafana", "CloudWatch", "Prometheus"],
    source: "000 §8A.1",
  },
  {
    id: "infrastructure-as-code",
    name: "Infrastructure as code",
    group: "ml-engineering",
    description: "Describing and provisioning infrastructure declaratively, under version control.",
    tools: ["Terraform", "CloudFormation"],
    source: "000 §8A.1",
  },
  {
    id: "etl",
    name: "ETL processes",
    group: "data-engineering",
    description: "Extracting, transforming and loading data so that it is ready for machine learning.",
    tools: ["Spark", "dbt", "SQL"],
    source: "000 §8A.1",
  },
  {
    id: "data-pipelines",
    name: "Data pipeline development",
    group: "data-engineering",
    description: "Building data pipelines that keep running, and keeping them running.",
    tools: ["Airflow", "Kafka", "Spark"],
    source: "000 §8A.1",
  },
  {
    id: "software-engineering",
    name: "Software engineering",
    group: "ml-engineering",
    description:
      "Turning notebook code into clean, tested modules and services; code review and inference optimisation.",
    tools: ["Python", "FastAPI", "pytest", "Git"],
    source: "001 §3.2",
  },
  {
    id: "data-analysis",
    name: "Data analysis & visualisation",
    group: "science",
    description: "Exploring data, first analyses and reports, and presenting model results visually.",
    tools: ["Jupyter", "Pandas", "Looker", "Power BI"],
    source: "003 Data Science, ML and Developer Roles",
  },
  {
    id: "testing",
    name: "Testing of data, models and services",
    group: "ml-engineering",
    description: "Data tests, model tests, automated tests through the model endpoint and integration tests.",
    tools: ["pytest", "Great Expectations", "Postman"],
    source: "001 §3.1",
  },
  {
    id: "solution-architecture",
    name: "Solution architecture",
    group: "architecture",
    description:
      "Designing the technical architecture and integrations of an ML system within the existing estate, balancing scale, security and cost.",
    tools: ["architecture blueprints", "Well-Architected reviews"],
    source: "003 IT Infrastructure Architect roles",
  },
  {
    id: "stakeholder-management",
    name: "Stakeholder management",
    group: "business",
    description: "Keeping sponsors and business stakeholders informed and aligned around a clear roadmap.",
    tools: ["stakeholder matrix", "roadmaps", "steering meetings"],
    source: '002 "Outside-to-inside person"',
  },
  {
    id: "product-management",
    name: "Product ownership",
    group: "business",
    description: "Turning business needs into a prioritised, refined backlog and a technical roadmap.",
    tools: ["Jira", "Linear", "GitHub Issues"],
    source: '002 "Inside-to-outside person"',
  },
  {
    id: "project-management",
    name: "Project management",
    group: "business",
    description: "Timelines, resource allocation, cost, vendors and agile ceremonies.",
    tools: ["Jira", "Azure DevOps Boards", "Scrum"],
    source: "003 Project Management Roles",
  },
  {
    id: "team-leadership",
    name: "Technical leadership",
    group: "leadership",
    description:
      "Setting standards, operating procedures and a learning culture; guiding engineers and solving hard problems.",
    tools: ["code review", "standard operating procedures", "mentoring"],
    source: '002 "Tech lead"',
  },
];
