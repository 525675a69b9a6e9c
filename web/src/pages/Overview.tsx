/** The team's health: score per area, and the doctor's findings grouped by area, with filter and search. */
import { useState } from "react";
import type { Finding } from "../api.ts";
import type { PageProps } from "../page.ts";
import { FindingsByLevel, FindingsFilter } from "./overview/Findings.tsx";
import { Scores } from "./overview/Scores.tsx";
import { useApi } from "./useApi.ts";

export function Overview({ model }: PageProps) {
  const { data, error } = useApi("/api/findings", {}, model.etag);
  const [severity, setSeverity] = useState("all");
  const [query, setQuery] = useState("");
  if (error) return <div className="message error">{error}</div>;
  if (!data) return <p>Loading…</p>;
  const shown = data.findings.filter(
    (f) =>
      (severity === "all" || f.severity === severity) &&
      `${f.message} ${f.ruleId} ${f.subject ?? ""}`.toLowerCase().includes(query.toLowerCase()),
  );
  return (
    <>
      <Verdict findings={data.findings} />
      <Scores score={data.score} />
      <FindingsFilter
        severity={severity}
        setSeverity={setSeverity}
        query={query}
        setQuery={setQuery}
        shown={shown.length}
        total={data.findings.length}
      />
      <FindingsByLevel shown={shown} model={model} />
    </>
  );
}

/** The first finding, and how many errors need attention. */
function Verdict({ findings }: { findings: Finding[] }) {
  const first = findings[0];
  const errors = findings.filter((f) => f.severity === "error").length;
  if (!first) return null;
  return (
    <div className={`message ${first.severity === "error" ? "error" : "info"}`} data-testid="verdict">
      {errors > 0
        ? `${errors} ${errors === 1 ? "error needs" : "errors need"} attention — first: `
        : "No errors — first: "}
      {first.message}
    </div>
  );
}
