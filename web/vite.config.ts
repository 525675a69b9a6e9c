import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The dashboards are built once, with the package, into dist/web: index.html is a team's
// (`mlteam serve`, and each team's read-only pages on the organisation server), org.html the
// organisation's (`mlteam org serve`).
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [react()],
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      input: {
        team: `${import.meta.dirname}/index.html`,
        org: `${import.meta.dirname}/org.html`,
      },
    },
  },
});
