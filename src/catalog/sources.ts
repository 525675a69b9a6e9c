import type { SourceDoc } from "./types.ts";

/** The source documents the catalog is drawn from; a `source` field starts with one of these ids. */
export const SOURCES: SourceDoc[] = [
  {
    id: "000",
    file: "000_316c4c4feaad4229.txt",
    title: "Chapter 8A: People & Knowledge Management (an MLOps playbook for government agencies)",
  },
  { id: "001", file: "001_2c99404d9988e794.txt", title: "Chapter 03: MLOps Roles & Team Structure" },
  {
    id: "002",
    file: "002_039a2c9f7cdf2d43.txt",
    title: "The perfect MLOps team (R. Hoogvliets, Marvelous MLOps, 2023)",
  },
  {
    id: "003",
    file: "003_41323dfa01f9477a.txt",
    title: "Key Project Roles and Responsibilities (an Azure MLOps project accelerator)",
  },
];
