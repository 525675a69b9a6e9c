/** A wide table's frame: it scrolls sideways on a narrow screen, and the keyboard can reach it to scroll. */
import type { ReactNode } from "react";

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard to scroll it (WCAG 2.1.1; axe: scrollable-region-focusable)
    <section className="scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
