/**
 * Which files a measure counts. `all` (the default) keeps every file of the tree — CI workflows and
 * Kubernetes manifests are MLOps evidence. `code` keeps programming-language source files only, the
 * way the truck-factor paper did (Avelino et al., ICPC 2016, filtered with GitHub Linguist) so that
 * figures can be compared with published ones. The idea is Linguist's — a language list by
 * extension and file name, then vendored, generated and documentation paths left out — written
 * here from that public description, not copied.
 */

import type { Marked } from "./attributes.ts";

export const FILE_FILTERS = ["all", "code"] as const;
export type FileFilter = (typeof FILE_FILTERS)[number];

/** Extensions of programming languages (Linguist's "programming" type; markup, data and prose are not). */
const CODE_EXTENSIONS = new Set(
  [
    // C family, systems
    "c h cc cpp cxx c++ hh hpp hxx h++ inl ipp m mm cu cuh rs go zig d s asm nim",
    // JVM, .NET
    "java kt kts scala sc groovy gradle clj cljs cljc cs fs fsx vb",
    // scripting
    "py pyx pxd pxi pyi rb rake pl pm perl php lua tcl tk r jl sh bash zsh ksh fish ps1 psm1 " +
      "bat cmd awk sed m4 el vim cmake mk mak",
    // web programming
    "js mjs cjs jsx ts mts cts tsx vue svelte coffee dart elm",
    // functional, scientific, other
    "hs lhs ml mli ex exs erl hrl f for f77 f90 f95 f03 f08 swift pas ada adb ads cob cbl " +
      "pro sas stan sol v sv vhd vhdl hcl tf bicep nix star bzl",
  ]
    .join(" ")
    .split(" "),
);

/** Files without a telling extension that are code all the same. */
const CODE_NAMES = new Set([
  "makefile",
  "gnumakefile",
  "dockerfile",
  "containerfile",
  "cmakelists.txt",
  "rakefile",
  "gemfile",
  "jenkinsfile",
  "vagrantfile",
  "build",
  "build.bazel",
  "workspace",
  "sconstruct",
  "sconscript",
]);

/** Vendored or third-party code (not the project's own). */
const VENDORED = [
  /(^|\/)_?(vendor|vendored|third[-_]?party|3rd[-_]?party|thirdparty|node_modules|bower_components|external|extern)\//i,
  /(^|\/)deps\//,
  /\.min\.(js|css)$/i,
  /(^|\/)jquery[^/]*\.js$/i,
  // The dev-container scripts projects copy from microsoft/vscode-dev-containers, under that name.
  /(^|\/)\.devcontainer\/library-scripts\//,
];

/**
 * Generated code: protobuf and gRPC stubs (and their type stubs), OpenAPI/Swagger specifications
 * generated from them (`*.swagger.json`, protoc-gen-openapiv2's naming) and clients generated from
 * those (`*_http_client/`; an OpenAPI generator's own records), an operator's generated bundle
 * (operator-sdk's `bundle/`), generated folders and files, lock files.
 */
const GENERATED = [
  /\.pb\.(go|cc|h|gw\.go)$/,
  /_pb2(_grpc)?\.pyi?$/,
  /_pb\.(js|d\.ts)$/,
  /\.g\.dart$/,
  /(^|\/)zz_generated[^/]*$/,
  /[._-]generated\.[^/]+$/i,
  /(^|\/)_*generated([_-][^/]*)?\//i,
  /\.swagger\.json$/,
  /(^|\/)[^/]*[_-]http[_-]client\//,
  /(^|\/)\.openapi-generator(-ignore|\/)/,
  /(^|\/)bundle\/(manifests|metadata)\//,
  /\.designer\.cs$/i,
  // An R package's manual pages, which roxygen2 writes from the code's comments.
  /(^|\/)man\/[^/]+\.Rd$/,
  /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|go\.sum|Cargo\.lock|Gemfile\.lock|composer\.lock|Pipfile\.lock|[^/]+\.lock)$/,
];

/** The rules above as text: what kept measures depend on. */
export const GENERATED_OR_VENDORED_RULES = [...GENERATED, ...VENDORED].map((r) => r.source).join("\n");

/** Whether `path` is generated or vendored by the rules above (a repository's `.gitattributes` may say more). */
export function generatedOrVendored(path: string): Marked | undefined {
  if (GENERATED.some((r) => r.test(path))) return "generated";
  if (VENDORED.some((r) => r.test(path))) return "vendored";
  return undefined;
}

/** Documentation (prose and its examples). */
const DOCUMENTATION = [/(^|\/)(docs?|Documentation|documentation)\//, /(^|\/)(examples?|samples?)\/docs?\//i];

/** Whether `path` (from the repository's root) is a source file of a programming language. */
export function isCodeFile(path: string): boolean {
  if (generatedOrVendored(path)) return false;
  if (DOCUMENTATION.some((r) => r.test(path))) return false;
  const base = (path.slice(path.lastIndexOf("/") + 1) || path).toLowerCase();
  if (CODE_NAMES.has(base)) return true;
  const dot = base.lastIndexOf(".");
  return dot > 0 && CODE_EXTENSIONS.has(base.slice(dot + 1));
}

/** Whether the filter keeps `path`. */
export const keepsFile = (filter: FileFilter, path: string) => filter === "all" || isCodeFile(path);
