// Lists the functions of src/ and web/src longer than a limit (80 lines by default), longest first:
// `node --import tsx scripts/long-functions.ts [limit]`. test/long-functions.test.ts keeps the list short.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { glob } from "tinyglobby";
import ts from "typescript";

export interface LongFunction {
  file: string;
  name: string;
  line: number;
  lines: number;
}

function functionName(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name)
    return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  if (parent && ts.isCallExpression(parent)) {
    const callee = parent.expression.getText();
    return `(callback of ${callee.length > 40 ? `${callee.slice(0, 40)}…` : callee})`;
  }
  return "(anonymous)";
}

/** Every function, method or arrow function of the given files whose body spans more than `limit` lines. */
export function longFunctions(root: string, files: string[], limit: number): LongFunction[] {
  const found: LongFunction[] = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && "body" in node && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        if (lines > limit) found.push({ file, name: functionName(node), line: start + 1, lines });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

export async function sourceFiles(root: string): Promise<string[]> {
  const files = await glob(["src/**/*.ts", "src/**/*.tsx", "web/src/**/*.ts", "web/src/**/*.tsx"], {
    cwd: root,
    ignore: ["**/*.d.ts"],
  });
  return files.sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname, "..");
  const limit = Number(process.argv[2] ?? 80);
  const found = longFunctions(root, await sourceFiles(root), limit);
  for (const f of found)
    console.log(`${String(f.lines).padStart(4)}  ${relative(root, join(root, f.file))}:${f.line}  ${f.name}`);
  console.log(`${found.length} functions over ${limit} lines`);
}
