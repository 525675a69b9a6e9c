/** Teams, the platform and whom it serves, and products, laid out on the server (SVG). */
import { useEffect, useState } from "react";
import { api } from "../api.ts";
import type { PageProps } from "../page.ts";

export function Topology({ model }: PageProps) {
  const [svg, setSvg] = useState<string | undefined>();
  useEffect(() => {
    api.svg("/api/topology.svg").then(setSvg, () => setSvg(""));
  }, []);
  if (model.teams.length === 0) return <p>The model lists no teams yet: add them under `teams:`.</p>;
  return (
    <>
      <p>
        Declared topology: {model.organisation?.topology ?? "none"}. Dashed arrows: a platform serves a team.
      </p>
      {/* The SVG is generated on the server with every model string escaped. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: escaped server-side SVG */}
      <div className="card" dangerouslySetInnerHTML={{ __html: svg ?? "Loading…" }} />
    </>
  );
}
