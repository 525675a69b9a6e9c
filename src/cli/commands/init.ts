import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_TEMPLATE, TEMPLATES } from "../../catalog/templates.ts";
import { DEFAULT_MODEL_FILE } from "../../model/load.ts";
import { didYouMean } from "../../model/suggest.ts";
import { EXIT, ExitError } from "../exit.ts";
import { out } from "../io.ts";

export interface InitOptions {
  template?: string;
  name?: string;
  force?: boolean;
}

const PACKAGE_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SCHEMA_FILE = join(PACKAGE_ROOT, "schema", "mlteam.schema.json");
const SCHEMA_LINE = /^# yaml-language-server: \$schema=.*$/m;

/** `mlteam init [dir]`: writes a starter model from a template; never overwrites without --force. */
export async function init(dir: string, options: InitOptions): Promise<void> {
  const interactive = process.stdin.isTTY && process.stdout.isTTY && options.template === undefined;
  const answers = interactive ? await ask(options) : options;
  if (answers === undefined) throw new ExitError(EXIT.invalid, "cancelled; nothing was written");
  const templateId = answers.template ?? DEFAULT_TEMPLATE;
  const template = TEMPLATES.find((t) => t.id === templateId);
  if (!template) {
    throw new ExitError(
      EXIT.invalid,
      `unknown template "${templateId}"${didYouMean(
        templateId,
        TEMPLATES.map((t) => t.id),
      )}; templates: ${TEMPLATES.map((t) => t.id).join(", ")}`,
    );
  }
  const target = join(dir, DEFAULT_MODEL_FILE);
  if (existsSync(target) && !options.force) {
    throw new ExitError(EXIT.invalid, `${target} already exists; pass --force to overwrite it`);
  }
  let text = readFileSync(join(PACKAGE_ROOT, "examples", template.id, DEFAULT_MODEL_FILE), "utf8");
  const schemaPath = relative(resolve(dir), SCHEMA_FILE).split(sep).join("/");
  text = text.replace(SCHEMA_LINE, `# yaml-language-server: $schema=${schemaPath}`);
  if (answers.name) text = setOrganisationName(text, answers.name);
  mkdirSync(dir, { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, text, { flag: "wx" });
  renameSync(temp, target);
  out(`Wrote ${target} from the template "${template.id}" (${template.name}).`);
  out("Next: edit it, then run `mlteam doctor` in that folder to see what the team is missing.");
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
