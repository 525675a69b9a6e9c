import { raciMatrix } from "../../analysis/raci-matrix.ts";
import { didYouMean } from "../../model/suggest.ts";
import { type MatrixFormat, renderMatrix } from "../../render/matrix.ts";
import { EXIT, ExitError } from "../exit.ts";
import { out } from "../io.ts";
import { loadValidModel } from "../load.ts";

export interface RaciOptions {
  by: "role" | "person";
  product?: string;
  format: MatrixFormat;
}

/** `mlteam raci`: prints the model's RACI matrix. */
export async function raci(model: string, options: RaciOptions): Promise<void> {
  const { graph } = await loadValidModel(model);
  if (options.product !== undefined && !graph.products.has(options.product)) {
    throw new ExitError(
      EXIT.invalid,
      `unknown product "${options.product}"${didYouMean(options.product, graph.products.keys())} (products: ${[...graph.products.keys()].join(", ") || "none"})`,
    );
  }
  const matrix = raciMatrix(graph, {
    by: options.by,
    ...(options.product !== undefined ? { product: options.product } : {}),
  });
  if (matrix.rows.length === 0 && options.format !== "json") {
    out("The model has no RACI rows yet: add a `raci:` section (see docs/model.md).");
    return;
  }
  out(renderMatrix(matrix, options.format));
}
