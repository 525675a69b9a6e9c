import type { Command } from "commander";
import { InputError } from "../../app/errors.ts";
import { out } from "../io.ts";

export interface InitOptions {
  template?: string;
  name?: string;
  force?: boolean;
}

/** `mlteam init [dir]`: writes a starter model from a template; never overwrites without --force. */
export async function init(dir: string, options: InitOptions): Promise<void> {
  const { initModel } = await import("../../app/init-model.ts");
  const interactive = process.stdin.isTTY && process.stdout.isTTY && options.template === undefined;
  const answers = interactive ? await ask(options) : options;
  if (answers === undefined) throw new InputError("cancelled; nothing was written");
  const { target, files, template } = initModel(dir, {
    ...answers,
    ...(options.force ? { force: true } : {}),
  });
  out(
    `Wrote ${target}${files.length > 1 ? ` and ${files.length - 1} included ${files.length === 2 ? "file" : "files"}` : ""} from the template "${template.id}" (${template.name}).`,
  );
  out("Next: edit it, then run `mlteam doctor` in that folder to see what the team is missing.");
}

async function ask(options: InitOptions): Promise<InitOptions | undefined> {
  const prompts = await import("@clack/prompts");
  const { DEFAULT_TEMPLATE, templateChoices } = await import("../../app/init-model.ts");
  prompts.intro("mlteam init");
  const template = await prompts.select({
    message: "Which team do you start from?",
    options: templateChoices().map((t) => ({ value: t.id, label: t.name, hint: t.description })),
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
