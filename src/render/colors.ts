/** Colour functions; renderers take them as a parameter so that output is testable without a terminal. */
import pc from "picocolors";

export type Colors = ReturnType<typeof pc.createColors>;

export const plain: Colors = pc.createColors(false);

/** Colour for a stream: on a terminal unless NO_COLOR is set; FORCE_COLOR turns it on anywhere. */
export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colors {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0";
  return pc.createColors(!noColor && (force || stream.isTTY === true));
}
