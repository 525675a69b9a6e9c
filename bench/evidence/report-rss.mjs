// Preloaded by bench/evidence/real.ts: reports the process's own peak RSS (its children apart).
process.on("exit", () => {
  process.stderr.write(`mlteam-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
