/**
 * Loads a team model: the entry file and the files it includes, each parsed, checked against
 * the schema and merged. Pure: all file access goes through a {@link ModelHost}.
 */

import { posix } from "node:path";
import { append } from "./append.ts";
import { DEFAULT_MODEL_FILE } from "./default-file.ts";
import { type Diagnostic, formatPath } from "./diagnostic.ts";
import { type Model, ModelBuilder } from "./model.ts";
import { modelFileSchema, withoutExtensions } from "./schema.ts";
import { schemaDiagnostics } from "./schema-issues.ts";
import { parseYaml, type YamlSource } from "./yaml-source.ts";

/** The file system as the loader sees it; paths are POSIX, as given by the caller. */
export interface ModelHost {
  /** The file's text, or undefined when there is no such file; throws (with a message) when it cannot be read. */
  readFile(path: string): string | undefined;
  /** Whether a file or directory exists at `path` (checked without reading it). */
  exists?(path: string): boolean;
  /** The *.yaml / *.yml files directly in `path`, sorted, or undefined when it is not a directory. */
  listYamlFiles(path: string): string[] | undefined;
  /**
   * What is at `path` once symbolic links are followed: its real path and whether it is a regular
   * file or a directory ("other" for devices, FIFOs, sockets), or undefined when nothing is there.
   * Hosts without it (in-memory ones) are trusted to hold only model files.
   */
  inspect?(path: string): { realPath: string; kind: "file" | "directory" | "other" } | undefined;
  /** The root a model's includes must stay inside: the git work tree `dir` is in, or undefined. */
  workTreeOf?(dir: string): string | undefined;
}

export interface LoadResult {
  /** The merged model; present even with diagnostics, as far as it could be read. */
  model: Model;
  diagnostics: Diagnostic[];
}

/** The file a directory stands for when it holds one. */
export { DEFAULT_MODEL_FILE };

/**
 * Loads the model at `entry`: a file, or a directory holding mlteam.yaml (or else whose
 * YAML files together form the model).
 * @example loadModel("examples/meghan-story", nodeHost)
 */
export function loadModel(entry: string, host: ModelHost): LoadResult {
  const directories: string[] = [];
  const roots = entryFiles(entry, host, directories);
  const load: Loading = {
    host,
    roots,
    namedFile: roots.length === 1 && roots[0] === entry,
    // Includes may not leave the model's root: the git work tree it sits in, else its own folder.
    rootDir: modelRoot(entry, roots, host),
    diagnostics: [],
    builder: new ModelBuilder(),
    // Each file to read, with the include that named it (to report a missing one there).
    queue: roots.map((file) => ({ file })),
    directories,
  };
  const { diagnostics, builder, queue } = load;
  if (roots.length === 0) {
    diagnostics.push(notFound(entry, `no YAML files in ${entry} (expected mlteam.yaml)`));
  }
  const seen = new Set<string>();
  let unreadable = false;
  while (queue.length > 0) {
    const { file, includedAt } = queue.shift() as QueuedFile;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!loadFile(load, file, includedAt)) unreadable = true;
  }
  const model = builder.build();
  model.directories = directories;
  if (!builder.hasOrganisation && roots.length > 0 && !unreadable) {
    diagnostics.push({
      file: roots[0] as string,
      line: 1,
      column: 1,
      severity: "error",
      code: "missing-section",
      message: "the model has no `organisation` section (name and stage are required)",
    });
  }
  return { model, diagnostics: sortDiagnostics(diagnostics, model.files) };
}

/** A file waiting to be read, with the include that named it (to report a missing one there). */
interface QueuedFile {
  file: string;
  includedAt?: Diagnostic;
}

/** What the reading of one model's files shares. */
interface Loading {
  host: ModelHost;
  /** The files the entry stands for. */
  roots: readonly string[];
  /** Whether the entry names its one file (read wherever a link leads), rather than a folder whose files must stay in it. */
  namedFile: boolean;
  /** The folder includes must stay in, when the host can tell. */
  rootDir: string | undefined;
  diagnostics: Diagnostic[];
  builder: ModelBuilder;
  queue: QueuedFile[];
  /** The folders read as a whole, for the model. */
  directories: string[];
}

/** Reads, parses and checks one file, adds it to the model and queues its includes; false when it could not be read. */
function loadFile(load: Loading, file: string, includedAt: Diagnostic | undefined): boolean {
  const { diagnostics } = load;
  const text = readModelFile(load, file, includedAt);
  if (text === undefined) return false;
  const parsed = parseYaml(file, text);
  if (!parsed.ok) {
    diagnostics.push({
      file,
      ...parsed.position,
      severity: "error",
      code: "yaml-syntax",
      message: parsed.message,
    });
    return false;
  }
  const value = parsed.value ?? {};
  if (typeof value !== "object" || Array.isArray(value)) {
    diagnostics.push({
      file,
      line: 1,
      column: 1,
      severity: "error",
      code: "schema",
      message: "a model file is a mapping of sections (organisation, people, teams, …)",
    });
    return false;
  }
  // Keys starting with x- are the organisation's own: allowed on every mapping, kept, not validated
  // (a text without "x-" has none to drop).
  const checked = modelFileSchema.safeParse(text.includes("x-") ? withoutExtensions(value) : value);
  if (!checked.success) {
    append(diagnostics, schemaDiagnostics(checked.error.issues, value, parsed.source, modelFileSchema));
  }
  // Keep what is valid so that reference checks still run on the rest of the model.
  append(diagnostics, load.builder.add(value as Record<string, unknown>, parsed.source, checked.success));
  queueIncludes(load, file, value, parsed.source);
  return true;
}

/** The text of `file`, or undefined (reported) when it may not or cannot be read. */
function readModelFile(load: Loading, file: string, includedAt: Diagnostic | undefined): string | undefined {
  const { host, diagnostics } = load;
  // A file the user named is read wherever it is; a folder's files, like includes, must stay in the model's folder.
  const refused =
    load.namedFile && load.roots.includes(file)
      ? host.inspect?.(file)?.kind === "other"
        ? "is not a regular file (a device, FIFO or socket)"
        : undefined
      : unsafeInclude(file, load.rootDir, host);
  if (refused) {
    diagnostics.push({
      ...(includedAt ?? { file, line: 1, column: 1, severity: "error" as const }),
      code: "unsafe-include",
      message: `${file} ${refused}; it was not read`,
    });
    return undefined;
  }
  let text: string | undefined;
  try {
    text = host.readFile(file);
  } catch (error) {
    diagnostics.push(notFound(file, error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  if (text === undefined) {
    diagnostics.push(
      includedAt ??
        notFound(file, `no model found at ${file} (expected a YAML file or a directory holding mlteam.yaml)`),
    );
  }
  return text;
}

/** Queues the files `file` includes (a directory stands for its YAML files); reports unsafe and missing ones. */
function queueIncludes(load: Loading, file: string, value: object, source: YamlSource): void {
  const { host, diagnostics, queue } = load;
  const includes = modelFileSchema.shape.include.safeParse((value as { include?: unknown }).include);
  for (const [index, include] of (includes.success ? (includes.data ?? []) : []).entries()) {
    const target = posix.isAbsolute(include) ? include : posix.join(posix.dirname(file), include);
    const at = { file, ...source.locate(["include", index]), severity: "error" as const };
    const includedAt: Diagnostic = {
      ...at,
      code: "file-not-found",
      message: `${formatPath(["include", index])}: "${include}" is neither a file nor a directory with YAML files`,
    };
    const refused = unsafeInclude(target, load.rootDir, host);
    if (refused) {
      diagnostics.push({
        ...at,
        code: "unsafe-include",
        message: `${formatPath(["include", index])}: "${include}" ${refused}; it was not read`,
      });
      continue;
    }
    const inDir = host.listYamlFiles(target);
    if (inDir === undefined) queue.push({ file: target, includedAt });
    else if (inDir.length === 0) diagnostics.push(includedAt);
    else {
      load.directories.push(target);
      append(
        queue,
        inDir.map((f) => ({ file: f })),
      );
    }
  }
}

/** Orders diagnostics by file (in the order the files were read), line and column. */
export function sortDiagnostics(diagnostics: Diagnostic[], files: readonly string[]): Diagnostic[] {
  const rank = (file: string) => {
    const i = files.indexOf(file);
    return i === -1 ? files.length : i;
  };
  return diagnostics.sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line || a.column - b.column);
}

/**
 * The folder a model path stands in: the path itself for a folder model, else the file's folder. Where
 * the model's own caches (`.mlteam/`) and the files it names relative to itself are.
 */
export function modelFolder(entry: string, host: Pick<ModelHost, "listYamlFiles">): string {
  return host.listYamlFiles(entry) === undefined ? posix.dirname(entry) : entry;
}

/** The files a model path stands for; a path that is not a directory is read as a file. */
function entryFiles(entry: string, host: ModelHost, directories: string[]): string[] {
  const inDir = host.listYamlFiles(entry);
  if (inDir === undefined) return [entry];
  const main = posix.join(entry, DEFAULT_MODEL_FILE);
  if (inDir.includes(main)) return [main];
  directories.push(entry);
  return inDir;
}

/** The folder includes must stay in: the git work tree holding the entry, or the entry's own folder. */
function modelRoot(entry: string, roots: readonly string[], host: ModelHost): string | undefined {
  if (!host.inspect) return undefined;
  const dir = roots[0] === entry ? posix.dirname(entry) : entry;
  const real = host.inspect(dir)?.realPath ?? dir;
  return host.workTreeOf?.(real) ?? real;
}

/** Why an include may not be read (outside the root, not a regular file), or undefined when it may. */
function unsafeInclude(target: string, root: string | undefined, host: ModelHost): string | undefined {
  if (!host.inspect || root === undefined) return undefined;
  const found = host.inspect(target);
  if (!found) return undefined; // reported as missing by the caller
  const inside = found.realPath === root || found.realPath.startsWith(root.endsWith("/") ? root : `${root}/`);
  if (!inside) return `leads outside the model's folder (${root})`;
  if (found.kind === "other") return "is not a regular file or a directory (a device, FIFO or socket)";
  return undefined;
}

function notFound(file: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity: "error", code: "file-not-found", message };
}
