/** The team topology as a Mermaid flowchart: teams with their members, platforms and whom they serve, products. */
import type { TeamGraph } from "../../graph/types.ts";

/** Mermaid node ids are plain; labels are quoted and escaped. */
const nodeId = (kind: string, id: string) => `${kind}_${id.replace(/[^A-Za-z0-9_]/g, "_")}`;
/** Text for a quoted Mermaid label, with Mermaid's entity codes for the characters that would break it. */
export const mermaidText = (text: string) =>
  text.replace(/#/g, "#35;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");

export function renderMermaid(graph: TeamGraph): string {
  const lines = ["flowchart LR"];
  for (const team of graph.teams.values()) {
    lines.push(
      `  subgraph ${nodeId("team", team.id)}["${mermaidText(`${team.source.name ?? team.id} (${team.source.type})`)}"]`,
    );
    for (const member of team.members) {
      const person = graph.people.get(member);
      const roles = person?.roles.map((r) => r.role).join(", ") ?? "";
      lines.push(
        `    ${nodeId(`p_${team.id}`, member)}["${mermaidText(person?.name ?? member)}${roles ? `<br/>${mermaidText(roles)}` : ""}"]`,
      );
    }
    lines.push("  end");
  }
  for (const team of graph.teams.values()) {
    for (const served of team.serves)
      lines.push(`  ${nodeId("team", team.id)} -- serves --> ${nodeId("team", served)}`);
  }
  for (const product of graph.products.values()) {
    lines.push(
      `  ${nodeId("product", product.id)}(["${mermaidText(`${product.source.name ?? product.id} · ${product.source.stage}`)}"])`,
    );
    if (product.team) lines.push(`  ${nodeId("team", product.team)} --> ${nodeId("product", product.id)}`);
  }
  return `${lines.join("\n")}\n`;
}
