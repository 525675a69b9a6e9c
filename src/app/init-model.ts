/**
 * The use case behind `mlteam init`: a starter model written from a template (the model and the files
 * it includes), with the editor's schema reference and the organisation's name; never over an existing
 * file unless forced.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { DEFAULT_TEMPLATE, TEMPLATES } from "../catalog/templates.ts";
import { fsHost } from "../io/fs-host.ts";
import { append } from "../model/append.ts";
import { DEFAULT_MODEL_FILE } from "../model/load.ts";
import { didYouMean } from "../model/suggest.ts";
import { packageRoot } from "../package-root.ts";
import { InputError } from "./errors.ts";
import { writeOutput } from "./write-output.ts";

export { DEFAULT_TEMPLATE };

export interface InitRequest {
  template?: string;
  name?: string;
  force?: boolean;
}

export interface InitResult {
  /** The model file written. */
  target: string;
  /** Every file written, relative to the folder, the model first. */
  files: string[];
  template: { id: string; name: string };
}

/** The templates to choose from, for a prompt. */
export const templateChoices = () =>
  TEMPLATES.map((t) => ({ id: t.id, name: t.name, description: t.description }));

const schemaFile = () => join(packageRoot(), "schema", "mlteam.schema.json");
const SCHEMA_LINE = /^# yaml-language-server: \$schema=.*$/m;

export function initModel(dir: string, request: InitRequest): InitResult {
  const templateId = request.template ?? DEFAULT_TEMPLATE;
  const template = TEMPLATES.find((t) => t.id === templateId);
  if (!template) {
    throw new InputError(
      `unknown template "${templateId}"${didYouMean(
        templateId,
        TEMPLATES.map((t) => t.id),
      )}; templates: ${TEMPLATES.map((t) => t.id).join(", ")}`,
    );
  }
  // Every file of the template: the model and the files it includes (e.g. teams/*.yaml).
  const source = join(packageRoot(), "examples", template.id);
  const files = templateFiles(source);
  const clashes = files.filter((f) => existsSync(join(dir, f)));
  if (clashes.length > 0 && !request.force) {
    throw new InputError(
      `${clashes.map((f) => join(dir, f)).join(", ")} already ${clashes.length === 1 ? "exists" : "exist"}; pass --force to overwrite`,
    );
  }
  for (const file of files) {
    let text = readFileSync(join(source, file), "utf8");
    if (file === DEFAULT_MODEL_FILE) {
      text = text.replace(SCHEMA_LINE, `# yaml-language-server: $schema=${schemaReference(dir)}`);
      if (request.name) text = setOrganisationName(text, request.name);
    }
    writeOutput(join(dir, file), text);
  }
  return { target: join(dir, DEFAULT_MODEL_FILE), files, template: { id: template.id, name: template.name } };
}

/** The template's YAML files, relative to its folder, the model first. */
function templateFiles(root: string, prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) append(found, templateFiles(root, path));
    else if (/\.ya?ml$/.test(entry.name)) found.push(path);
  }
  return found.sort((a, b) => Number(b === DEFAULT_MODEL_FILE) - Number(a === DEFAULT_MODEL_FILE));
}

/**
 * The `$schema` reference the model's editor uses: the package's schema when it is inside the
 * project (e.g. in its node_modules), else where `npm install mlteam` puts it in the project — never
 * a path that only exists on the machine that ran `init`.
 */
function schemaReference(dir: string): string {
  const target = resolve(dir);
  const installed = join("node_modules", "mlteam", "schema", "mlteam.schema.json");
  let schema: string | undefined;
  // The nearest project folder where mlteam is installed, …
  for (let at = target; schema === undefined; at = dirname(at)) {
    if (existsSync(join(at, installed))) schema = join(at, installed);
    if (dirname(at) === at) break;
  }
  // … else the package itself when it sits inside the project, else where `npm install` will put it.
  const project = fsHost.workTreeOf?.(target) ?? target;
  schema ??= schemaFile().startsWith(`${project}${sep}`) ? schemaFile() : join(project, installed);
  return relative(target, schema).split(sep).join("/");
}

/** Replaces the organisation's name on its line, quoting it for YAML. */
function setOrganisationName(text: string, name: string): string {
  return text.replace(
    /^(organisation:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:[ \t]*).*$/m,
    `$1${JSON.stringify(name)}`,
  );
}
