import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import { InputError } from "../../app/errors.ts";
import { writeOutput } from "../../app/write-output.ts";
import { DEFAULT_TEMPLATE, TEMPLATES } from "../../catalog/templates.ts";
import { fsHost } from "../../io/fs-host.ts";
import { append } from "../../model/append.ts";
import { didYouMean } from "../../model/suggest.ts";
import { packageRoot } from "../../package-root.ts";
import { out } from "../io.ts";
import { DEFAULT_MODEL } from "../options.ts";

export interface InitOptions {
  template?: string;
  name?: string;
  force?: boolean;
}

const schemaFile = () => join(packageRoot(), "schema", "mlteam.schema.json");
const SCHEMA_LINE = /^# yaml-language-server: \$schema=.*$/m;

/** `mlteam init [dir]`: writes a starter model from a template; never overwrites without --force. */
export async function init(dir: string, options: InitOptions): Promise<void> {
  const interactive = process.stdin.isTTY && process.stdout.isTTY && options.template === undefined;
  const answers = interactive ? await ask(options) : options;
  if (answers === undefined) throw new InputError("cancelled; nothing was written");
  const templateId = answers.template ?? DEFAULT_TEMPLATE;
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
  if (clashes.length > 0 && !options.force) {
    throw new InputError(
      `${clashes.map((f) => join(dir, f)).join(", ")} already ${clashes.length === 1 ? "exists" : "exist"}; pass --force to overwrite`,
    );
  }
  const target = join(dir, DEFAULT_MODEL);
  for (const file of files) {
    let text = readFileSync(join(source, file), "utf8");
    if (file === DEFAULT_MODEL) {
      text = text.replace(SCHEMA_LINE, `# yaml-language-server: $schema=${schemaReference(dir)}`);
      if (answers.name) text = setOrganisationName(text, answers.name);
    }
    writeOutput(join(dir, file), text);
  }
  out(
    `Wrote ${target}${files.length > 1 ? ` and ${files.length - 1} included ${files.length === 2 ? "file" : "files"}` : ""} from the template "${template.id}" (${template.name}).`,
  );
  out("Next: edit it, then run `mlteam doctor` in that folder to see what the team is missing.");
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
  return found.sort((a, b) => Number(b === DEFAULT_MODEL) - Number(a === DEFAULT_MODEL));
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

async function ask(options: InitOptions): Promise<InitOptions | undefined> {
  const prompts = await import("@clack/prompts");
  prompts.intro("mlteam init");
  const template = await prompts.select({
    message: "Which team do you start from?",
    options: TEMPLATES.map((t) => ({ value: t.id, label: t.name, hint: t.description })),
    initialValue: DEFAULT_TEMPLATE,
  });
  if (prompts.isCancel(template)) return undefined;
  const name = await prompts.text({
    message: "Your organisation's name",
    placeholder: "Acme Analytics",
    ...(options.name ? { initialValue: options.name } : {}),
  });
  if (prompts.isCancel(name)) return undefined;
  prompts.outro(`Using ${template}`);
  return { ...options, template, ...(name ? { name } : {}) };
}

/** `mlteam init`: its flags and help, beside what it does. */
export function register(program: Command): void {
  program
    .command("init")
    .description("write a starter mlteam.yaml from a template (asks on a terminal; flags otherwise)")
    .argument("[dir]", "directory to write mlteam.yaml into", ".")
    .option(
      "-t, --template <id>",
      "template: first-use-case, startup-full-stack, central-platform, embedded-platform, azure-accelerator",
    )
    .option("-n, --name <name>", "the organisation's name")
    .option("--force", "overwrite an existing mlteam.yaml")
    .addHelpText(
      "after",
      `
Examples:
  mlteam init                                  # asks which template on a terminal
  mlteam init my-team --template central-platform --name "Acme Analytics"
  mlteam init . --template startup-full-stack --force`,
    )
    .action(async (dir: string, options) => init(dir, options));
}
