import { type Command, Option } from "commander";
import type { MatrixFormat } from "../../render/matrix.ts";
import { out } from "../io.ts";
import { DEFAULT_MODEL_FILE, format, MODEL_ARG } from "../options.ts";

export interface RaciOptions {
  by: "role" | "person";
  product?: string;
  format: MatrixFormat;
}

/** `mlteam raci`: prints the model's RACI matrix. */
export async function raci(model: string, options: RaciOptions): Promise<void> {
  const { teamRaciMatrix } = await import("../../app/raci-matrix.ts");
  const { renderMatrix } = await import("../../render/matrix.ts");
  const { loadValidModel } = await import("../load.ts");
  const { graph } = await loadValidModel(model);
  const matrix = teamRaciMatrix(graph, {
    by: options.by,
    ...(options.product !== undefined ? { product: options.product } : {}),
  });
  if (matrix.rows.length === 0 && options.format !== "json") {
    out("The model has no RACI rows yet: add a `raci:` section (see docs/model.md).");
    return;
  }
  out(renderMatrix(matrix, options.format));
}

/** `mlteam raci`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("raci")
    .description("print the RACI matrix, by role or by person")
    .argument("[model]", MODEL_ARG, DEFAULT_MODEL_FILE)
    .addOption(
      new Option("-b, --by <view>", "columns: roles or people").choices(["role", "person"]).default("role"),
    )
    .option("-p, --product <id>", "the matrix as it applies to one product")
    .addOption(format(["table", "markdown", "csv", "json"], "table"))
    .addHelpText(
      "after",
      `
Examples:
  mlteam raci examples/startup-full-stack         # 001's matrix
  mlteam raci --by person --format markdown
  mlteam raci --product churn --format csv > raci.csv`,
    )
    .action(async (model: string, options) => raci(model, options));
}
