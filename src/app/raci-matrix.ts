/** The use case behind `mlteam raci` and `GET /api/raci`: the RACI matrix of a valid model, by role or by person, for the team or one product. */
import { type MatrixOptions, type RaciMatrix, raciMatrix } from "../analysis/raci-matrix.ts";
import type { TeamGraph } from "../graph/types.ts";
import { didYouMean, quote } from "../model/suggest.ts";
import { NotFoundError } from "./errors.ts";

/** The matrix; a product the model does not have is a NotFoundError naming the closest and the products there are. */
export function teamRaciMatrix(graph: TeamGraph, options: MatrixOptions): RaciMatrix {
  const { product } = options;
  if (product !== undefined && !graph.products.has(product))
    throw new NotFoundError(
      `unknown product ${quote(product)}${didYouMean(product, graph.products.keys())} (products: ${[...graph.products.keys()].join(", ") || "none"})`,
    );
  return raciMatrix(graph, options);
}
