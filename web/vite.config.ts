import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The dashboard is built once, with the package, into dist/web; `mlteam serve` serves it.
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [react()],
  build: { outDir: "../dist/web", emptyOutDir: true, chunkSizeWarningLimit: 1024 },
});
