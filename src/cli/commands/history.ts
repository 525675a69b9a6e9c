import { join } from "node:path";
import type { Command } from "commander";
import { InputError } from "../../app/errors.ts";
import type { HistoryPoint } from "../../app/history.ts";
import type { Colors } from "../../render/colors.ts";
import { out, stdoutColors } from "../io.ts";
import { checkedDate, DEFAULT_MODEL, format, MODEL_ARG } from "../options.ts";

export interface HistoryOptions {
  since?: string;
  until?: string;
  max?: string;
  format: "text" | "json" | "csv";
  cache: boolean;
}

/** `mlteam history`: the team's health at every commit that changed the model. */
export async function history(modelPath: string, options: HistoryOptions): Promise<void> {
  for (const [flag, value] of [
    ["--since", options.since],
    ["--until", options.until],
  ] as const)
    if (value !== undefined) checkedDate(flag, value);
  if (options.max !== undefined && !/^[1-9]\d*$/.test(options.max))
    throw new InputError(`--max must be a whole number ≥ 1, got "${options.max}"`);
  const { modelHistory } = await import("../../app/history.ts");
  const { fsHost } = await import("../../io/fs-host.ts");
  const { openHistoryCache } = await import("../../store/history-cache.ts");
  const { VERSION } = await import("../../version.ts");
  const folder = fsHost.listYamlFiles(modelPath) === undefined ? join(modelPath, "..") : modelPath;
  const cache = options.cache ? openHistoryCache(join(folder, ".mlteam", "history.db"), VERSION) : undefined;
  try {
    const points = await modelHistory({
      entry: modelPath,
      host: fsHost,
      ...(options.since !== undefined ? { since: options.since } : {}),
      ...(options.until !== undefined ? { until: options.until } : {}),
      ...(options.max !== undefined ? { max: Number(options.max) } : {}),
      ...(cache ? { cache } : {}),
    });
    if (options.format === "json") out(JSON.stringify({ points }, null, 2));
    else if (options.format === "csv") out(renderCsv(points));
    else out(renderText(points, stdoutColors()));
  } finally {
    cache?.close();
  }
}

function renderText(points: HistoryPoint[], c: Colors): string {
  if (points.length === 0) return "No commit changed the model in that range.";
  const lines = [
    c.bold(`The model over ${points.length} ${points.length === 1 ? "commit" : "commits"} (oldest first)`),
    "",
  ];
  let last: number | undefined;
  for (const p of points) {
    const score =
      p.score === undefined
        ? c.red("invalid")
        : `${String(p.score).padStart(3)}${last !== undefined && p.score !== last ? c.dim(` (${p.score > last ? "+" : ""}${p.score - last})`) : ""}`;
    lines.push(
      `${p.date.slice(0, 10)}  ${p.commit.slice(0, 10)}  ${score.padEnd(12)}  ${p.valid ? `${p.counts.error}E ${p.counts.warn}W ${p.counts.info}I` : "        "}  ${p.people} people  ${c.dim(p.author)}`,
    );
    if (p.diagnostics?.length)
      lines.push(
        `    ${c.red("✖")} ${p.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join("; ")}`,
      );
    if (p.appeared.length) lines.push(`    ${c.red("+")} ${summarise(p.appeared)}`);
    if (p.disappeared.length) lines.push(`    ${c.green("−")} ${summarise(p.disappeared)}`);
    if (p.score !== undefined) last = p.score;
  }
  return lines.join("\n");
}

function summarise(ruleIds: string[]): string {
  const counts = new Map<string, number>();
  for (const id of ruleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(", ");
}

function renderCsv(points: HistoryPoint[]): string {
  const areas = [...new Set(points.flatMap((p) => Object.keys(p.areas ?? {})))];
  const cell = (v: string | number | undefined) =>
    v === undefined ? "" : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  const header = [
    "commit",
    "date",
    "author",
    "valid",
    "score",
    "coverage",
    ...areas,
    "errors",
    "warnings",
    "info",
    "people",
    "appeared",
    "disappeared",
  ];
  return [
    header.join(","),
    ...points.map((p) =>
      [
        p.commit,
        p.date,
        p.author,
        p.valid,
        p.score,
        p.coverage,
        ...areas.map((a) => p.areas?.[a]),
        p.counts.error,
        p.counts.warn,
        p.counts.info,
        p.people,
        p.appeared.join(" "),
        p.disappeared.join(" "),
      ]
        .map((v) => cell(v as string | number | undefined))
        .join(","),
    ),
  ].join("\n");
}

/** `mlteam history`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("history")
    .description("the team's health at every commit that changed the model, read from git (no checkout)")
    .argument("[model]", MODEL_ARG, DEFAULT_MODEL)
    .option("--since <date>", "only commits from this day (YYYY-MM-DD)")
    .option("--until <date>", "only commits up to this day (YYYY-MM-DD)")
    .option("--max <n>", "only the newest n commits")
    .option("--no-cache", "check every version again instead of reading .mlteam/history.db")
    .addOption(format(["text", "json", "csv"], "text"))
    .addHelpText(
      "after",
      `
Walks the first-parent line of the repository the model is in, oldest first, and checks the model
as of each commit that changed its files (its folder and anything it includes), with the same rules as
mlteam doctor evaluated at the commit's date. A version that does not validate is shown with its
errors and no score; it never stops the history. Each version's check is cached in .mlteam/history.db
beside the model, keyed by its files' blobs, so a re-run only checks new commits.
JSON: { "points": [ { "commit", "date", "author", "score", "areas", "counts": { "error", "warn", "info" },
"coverage", "people", "appeared": [ruleId…], "disappeared": [ruleId…] } ] }.
Examples:
  mlteam history
  mlteam history team/ --since 2026-01-01 --format csv > health.csv
  mlteam history --max 20 --format json`,
    )
    .action(async (model: string, options) => history(model, options));
}
