/** A ModelHost over a map of path → text (a commit's files, a test's files); directories are the paths' prefixes. */
import type { ModelHost } from "./load.ts";

export function memoryHost(files: Readonly<Record<string, string>>): ModelHost {
  const paths = Object.keys(files);
  return {
    readFile: (path) => files[path],
    exists: (path) => path in files || path === "." || paths.some((f) => f.startsWith(`${path}/`)),
    listYamlFiles(path) {
      const prefix = path === "." || path === "" ? "" : path.endsWith("/") ? path : `${path}/`;
      if (!paths.some((f) => f.startsWith(prefix))) return undefined;
      return paths
        .filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes("/") && /\.ya?ml$/i.test(f))
        .sort();
    },
  };
}
