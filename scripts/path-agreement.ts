// How often the built-in path patterns give a file the activity a person labelled it with:
// `node --import tsx scripts/path-agreement.ts [labelled.csv]` prints the agreement overall and per
// repository, then every file where they differ. The labelled sample is test/evidence/fixtures/
// labelled-paths.csv (its README says how it was drawn and labelled); `draw` draws a new one:
// `git --git-dir=<clone> ls-tree -r --name-only HEAD | node --import tsx scripts/path-agreement.ts draw <repo> <count> <seed>`
// prints `,repo,path,,` rows to label, the same ones for the same file list, count and seed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { parseAttributes } from "../src/evidence/attributes.ts";
import { makeClassifier } from "../src/evidence/classify.ts";

const FIXTURES = join(import.meta.dirname, "..", "test", "evidence", "fixtures");
export const LABELLED_PATHS = join(FIXTURES, "labelled-paths.csv");
/** The sampled repositories' `.gitattributes` lines that mark files generated or vendored, by repository and file. */
export const LABELLED_ATTRIBUTES = join(FIXTURES, "labelled-paths.attributes.json");

/** One labelled file: the activity a person judged it evidence of, or "none". */
export interface LabelledPath {
  /** Which sample the file was drawn in (test/evidence/fixtures/labelled-paths.md says how each was used). */
  sample: string;
  repo: string;
  path: string;
  activity: string;
  note: string;
}

export interface Agreement {
  total: number;
  agreed: number;
  byRepo: Map<string, { total: number; agreed: number }>;
  bySample: Map<string, { total: number; agreed: number }>;
  /** The files where the patterns and the label differ. */
  differences: (LabelledPath & { got: string })[];
}

export function readLabelled(file = LABELLED_PATHS): LabelledPath[] {
  const rows: Record<string, string>[] = parse(readFileSync(file, "utf8"), {
    columns: true,
    skip_empty_lines: true,
    comment: "#",
  });
  return rows.map((r) => ({
    sample: r.sample ?? "",
    repo: r.repo ?? "",
    path: r.path ?? "",
    activity: r.activity ?? "",
    note: r.note ?? "",
  }));
}

/**
 * The built-in patterns' answer for a repository's path, as `mlteam evidence` gives it: an activity,
 * or "none" (no pattern matches, or the file is generated or vendored — by the built-in rules or
 * the repository's `.gitattributes`).
 */
export function builtInActivity(
  attributesFile = LABELLED_ATTRIBUTES,
): (repo: string, path: string) => string {
  const byRepo: Record<string, Record<string, string>> = JSON.parse(readFileSync(attributesFile, "utf8"));
  const classifiers = new Map<string, ReturnType<typeof makeClassifier>>();
  return (repo, path) => {
    let classify = classifiers.get(repo);
    if (!classify) {
      const files = Object.entries(byRepo[repo] ?? {}).map(([file, text]) => ({ path: file, text }));
      const attributes = parseAttributes(files);
      classify = makeClassifier([], { marks: (p) => attributes.of(p) });
      classifiers.set(repo, classify);
    }
    return classify(path)?.activity ?? "none";
  };
}

export function measureAgreement(rows: readonly LabelledPath[], answer = builtInActivity()): Agreement {
  const byRepo = new Map<string, { total: number; agreed: number }>();
  const bySample = new Map<string, { total: number; agreed: number }>();
  const differences: Agreement["differences"] = [];
  const count = (into: Map<string, { total: number; agreed: number }>, key: string, agreed: boolean) => {
    const counts = into.get(key) ?? { total: 0, agreed: 0 };
    counts.total++;
    if (agreed) counts.agreed++;
    into.set(key, counts);
  };
  for (const row of rows) {
    const got = answer(row.repo, row.path);
    count(byRepo, row.repo, got === row.activity);
    count(bySample, row.sample, got === row.activity);
    if (got !== row.activity) differences.push({ ...row, got });
  }
  const agreed = rows.length - differences.length;
  return { total: rows.length, agreed, byRepo, bySample, differences };
}

const percent = (agreed: number, total: number) =>
  `${agreed}/${total} (${total === 0 ? "-" : ((100 * agreed) / total).toFixed(1)}%)`;

export function renderAgreement(a: Agreement): string {
  const lines = [`agreement: ${percent(a.agreed, a.total)}`];
  for (const [sample, r] of [...a.bySample].sort(([x], [y]) => x.localeCompare(y)))
    lines.push(`  sample ${sample}: ${percent(r.agreed, r.total)}`);
  for (const [repo, r] of [...a.byRepo].sort(([x], [y]) => x.localeCompare(y)))
    lines.push(`  ${repo}: ${percent(r.agreed, r.total)}`);
  const pairs = new Map<string, number>();
  for (const d of a.differences)
    pairs.set(`${d.activity} → ${d.got}`, (pairs.get(`${d.activity} → ${d.got}`) ?? 0) + 1);
  lines.push("", "confusions (labelled → patterns):");
  for (const [pair, n] of [...pairs].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])))
    lines.push(`  ${n} × ${pair}`);
  lines.push("", "differences:");
  for (const d of a.differences)
    lines.push(`  [${d.sample}] ${d.repo} ${d.path}: labelled ${d.activity}, patterns ${d.got} — ${d.note}`);
  return lines.join("\n");
}

/** A small seeded generator (mulberry32), so a sample can be drawn again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` paths stratified by top folder (files at the root are one stratum): each stratum gets a
 * share proportional to the square root of its size (largest remainders), so small folders are
 * seen without the big ones being drowned; within a stratum, a seeded shuffle picks.
 */
export function drawSample(paths: readonly string[], count: number, seed: number): string[] {
  const strata = new Map<string, string[]>();
  for (const path of [...paths].sort()) {
    const top = path.includes("/") ? path.slice(0, path.indexOf("/")) : "";
    strata.set(top, [...(strata.get(top) ?? []), path]);
  }
  const weights = [...strata].map(([top, list]) => ({ top, list, w: Math.sqrt(list.length) }));
  const sum = weights.reduce((s, x) => s + x.w, 0);
  const shares = weights.map((x) => {
    const exact = Math.min(x.list.length, (count * x.w) / sum);
    return { ...x, n: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = Math.min(count, paths.length) - shares.reduce((s, x) => s + x.n, 0);
  for (const x of [...shares].sort((a, b) => b.rest - a.rest || a.top.localeCompare(b.top))) {
    if (left <= 0) break;
    if (x.n < x.list.length) {
      x.n++;
      left--;
    }
  }
  const next = random(seed);
  const picked: string[] = [];
  for (const x of shares) {
    const list = [...x.list];
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [list[i], list[j]] = [list[j] as string, list[i] as string];
    }
    picked.push(...list.slice(0, x.n));
  }
  return picked.sort();
}

async function main(args: string[]): Promise<void> {
  if (args[0] === "draw") {
    const [, repo = "", count = "40", seed = "1"] = args;
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const paths = Buffer.concat(chunks).toString("utf8").split("\n").filter(Boolean);
    const rows = drawSample(paths, Number(count), Number(seed)).map((path) => ["", repo, path, "", ""]);
    process.stdout.write(stringify(rows));
    return;
  }
  console.log(renderAgreement(measureAgreement(readLabelled(args[0]))));
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
