/** Which of 001 §3.3's topologies the organisation's facts point to, and why. */
import type { TopologyDef } from "../catalog/index.ts";
import type { TeamGraph } from "../graph/types.ts";

export interface TopologyFit {
  topology: TopologyDef;
  /** Topologies that fit as well when the facts sit between two (one fits the stage, another the products). */
  alternatives: TopologyDef[];
  /** The facts that led there, in words. */
  facts: string[];
}

/** The number of ML products: the declared count, or the products listed. */
export function productCount(graph: TeamGraph): number {
  return graph.organisation?.mlProducts ?? graph.products.size;
}

const rangeOf = (t: TopologyDef) =>
  `${t.fits.minProducts}${t.fits.maxProducts !== undefined ? `–${t.fits.maxProducts}` : "+"}`;

/**
 * The topology whose stages include the organisation's stage and whose product range holds its
 * number of products. When none does both, the facts sit between two: the closest by products among
 * those that suit the stage, and the one whose product range holds the count — both are given, and
 * the advice never claims a range that the count is outside of.
 */
export function recommendTopology(
  graph: TeamGraph,
  topologies: readonly TopologyDef[],
): TopologyFit | undefined {
  const stage = graph.organisation?.stage;
  if (!stage) return undefined;
  const products = productCount(graph);
  const distance = (t: TopologyDef) =>
    products < t.fits.minProducts
      ? t.fits.minProducts - products
      : Math.max(0, products - (t.fits.maxProducts ?? Number.POSITIVE_INFINITY));
  const suitsStage = (t: TopologyDef) => t.fits.stages.includes(stage);
  const count = `${products} ML ${products === 1 ? "product" : "products"}`;
  const both = topologies
    .filter((t) => suitsStage(t) && distance(t) === 0)
    .sort((a, b) => b.fits.minProducts - a.fits.minProducts);
  const best = both[0];
  if (best) {
    return {
      topology: best,
      alternatives: [],
      facts: [
        `stage ${stage} (${best.name} suits ${best.fits.stages.join(" or ")})`,
        `${count} (within the ${rangeOf(best)} that mlteam takes for it; 001 gives no number)`,
        `${best.source}: best for ${best.bestFor.replace(/\.$/, "").toLowerCase()}`,
      ],
    };
  }
  const byStage = topologies.filter(suitsStage).sort((a, b) => distance(a) - distance(b));
  const byProducts = topologies.filter((t) => distance(t) === 0);
  const first = byStage[0] ?? byProducts[0];
  if (!first) return undefined;
  const other = byProducts.find((t) => t.id !== first.id);
  return {
    topology: first,
    alternatives: other ? [other] : [],
    facts: [
      `stage ${stage} suits ${byStage.map((t) => `${t.name} (${rangeOf(t)} products)`).join(" or ") || "none of them"}`,
      `${count} ${other ? `suit ${other.name} (${rangeOf(other)}, stage ${other.fits.stages.join(" or ")})` : "are outside every range"}`,
      other
        ? `the facts sit between ${first.name} and ${other.name}: either can fit; choose by which will change first, the stage or the number of products`
        : `${first.source}: best for ${first.bestFor.replace(/\.$/, "").toLowerCase()}`,
    ],
  };
}
