/** Which of 001 §3.3's topologies the organisation's facts point to, and why. */
import type { TopologyDef } from "../catalog/index.ts";
import type { TeamGraph } from "../graph/types.ts";

export interface TopologyFit {
  topology: TopologyDef;
  /** The facts that led there, in words. */
  facts: string[];
}

/** The number of ML products: the declared count, or the products listed. */
export function productCount(graph: TeamGraph): number {
  return graph.organisation?.mlProducts ?? graph.products.size;
}

/**
 * Among the topologies that suit the organisation's stage, the one whose product range holds (or
 * comes closest to) its number of products; among several, the one built for the most products.
 */
export function recommendTopology(
  graph: TeamGraph,
  topologies: readonly TopologyDef[],
): TopologyFit | undefined {
  const stage = graph.organisation?.stage;
  if (!stage) return undefined;
  const products = productCount(graph);
  // Distance of the product count from each topology's range: 0 inside it.
  const distance = (t: TopologyDef) =>
    products < t.fits.minProducts
      ? t.fits.minProducts - products
      : Math.max(0, products - (t.fits.maxProducts ?? Number.POSITIVE_INFINITY));
  const ranked = topologies
    .filter((t) => t.fits.stages.includes(stage))
    .sort((a, b) => distance(a) - distance(b) || b.fits.minProducts - a.fits.minProducts);
  const topology = ranked[0];
  if (!topology) return undefined;
  const range = `${topology.fits.minProducts}${topology.fits.maxProducts !== undefined ? `–${topology.fits.maxProducts}` : "+"}`;
  return {
    topology,
    facts: [
      `stage ${stage} (${topology.name} suits ${topology.fits.stages.join(" or ")})`,
      `${products} ML ${products === 1 ? "product" : "products"} (it suits ${range})`,
      `${topology.source}: best for ${topology.bestFor.replace(/\.$/, "").toLowerCase()}`,
    ],
  };
}
