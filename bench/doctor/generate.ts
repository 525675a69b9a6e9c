/**
 * Generates a synthetic organisation of `people` people as a model file: product teams of eight
 * (data science, ML and data engineering), platform teams serving them, two products per team
 * with their own RACI rows, skills for everyone, and some findings to report.
 */
import { CATALOG } from "../../src/catalog/index.ts";

const PRODUCT_TEAM = [
  "data-scientist",
  "data-scientist",
  "ml-engineer",
  "ml-engineer",
  "data-engineer",
  "data-engineer",
  "tech-lead",
  "inside-to-outside",
];
const PLATFORM_TEAM = [
  "mlops-engineer",
  "mlops-engineer",
  "mlops-engineer",
  "platform-engineer",
  "platform-engineer",
  "data-engineer",
  "tech-lead",
  "devops-engineer",
];
/** The levels each role needs, from the catalog; every tenth person is one level short somewhere. */
const SKILLS = (role: string, person: number): string => {
  const levels = Object.entries(CATALOG.roles.find((r) => r.id === role)?.competencies ?? {});
  return `{ ${levels.map(([c, l], i) => `${c}: ${person % 10 === 3 && i === 0 ? l - 1 : l}`).join(", ")} }`;
};
const PRODUCT_ROWS = [
  "{ activity: define-business-problem, product: P, R: data-scientist, A: inside-to-outside, C: [ml-engineer], I: [data-engineer] }",
  "{ activity: feature-engineering, product: P, R: data-scientist, A: tech-lead, C: [data-engineer] }",
  "{ activity: model-training-code, product: P, R: data-scientist, A: tech-lead, I: [mlops-engineer] }",
  "{ activity: model-unit-tests, product: P, R: ml-engineer, A: tech-lead, C: [data-scientist] }",
  "{ activity: docker-packaging, product: P, R: ml-engineer, A: tech-lead, C: [mlops-engineer] }",
  "{ activity: data-pipeline, product: P, R: data-engineer, A: tech-lead, C: [mlops-engineer] }",
];

export function generateOrganisation(people: number): string {
  const out: string[] = [
    "organisation: { name: Synthetic Corp, stage: mature, topology: embedded }",
    "people:",
  ];
  const teams: string[] = [];
  const products: string[] = [];
  const raci: string[] = [];
  const teamCount = Math.ceil(people / 8);
  let person = 0;
  for (let t = 0; t < teamCount; t++) {
    const platform = t % 6 === 0;
    const roles = platform ? PLATFORM_TEAM : PRODUCT_TEAM;
    const members: string[] = [];
    for (let i = 0; i < roles.length && person < people; i++, person++) {
      const id = `p${person}`;
      const role = roles[i] as string;
      members.push(id);
      // Every 50th person carries a second, over-allocated role.
      const extra = person % 50 === 7 ? `\n      - { role: mlops-engineer, allocation: 40 }` : "";
      // Everyone reports to their team's first person, who reports to no one (a cycle is an error).
      const manager = Math.floor(person / 8) * 8;
      const reportsTo = manager === person ? "" : `\n    reportsTo: p${manager}`;
      out.push(
        `  - id: ${id}\n    name: Person ${person}\n    emails: [${id}@synthetic.example]\n    roles:\n      - { role: ${role}, allocation: 80 }${extra}\n    skills: ${SKILLS(role, person)}${reportsTo}`,
      );
    }
    const serves = platform
      ? `, serves: [${[1, 2, 3, 4, 5]
          .map((k) => `t${t + k}`)
          .filter((_, k) => t + k + 1 < teamCount)
          .join(", ")}]`
      : "";
    teams.push(
      `  - { id: t${t}, type: ${platform ? "platform" : "product"}, members: [${members.join(", ")}]${serves} }`,
    );
    if (!platform) {
      for (const suffix of ["a", "b"]) {
        const product = `prod-${t}${suffix}`;
        products.push(
          `  - { id: ${product}, team: t${t}, stage: ${suffix === "a" ? "production" : "prototype"} }`,
        );
        for (const row of PRODUCT_ROWS) raci.push(`  - ${row.replace("product: P", `product: ${product}`)}`);
      }
    }
  }
  raci.push("  - { activity: ci-cd-pipeline, R: mlops-engineer, A: person:p0, C: [ml-engineer] }");
  raci.push("  - { activity: k8s-deployment, R: mlops-engineer, A: person:p1, C: [platform-engineer] }");
  raci.push("  - { activity: monitoring-setup, R: mlops-engineer, A: mlops-engineer, I: [data-scientist] }");
  raci.push("  - { activity: cost-management, R: devops-engineer, A: project-manager }");
  return [...out, "teams:", ...teams, "products:", ...products, "raci:", ...raci, ""].join("\n");
}
