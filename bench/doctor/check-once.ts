/** Runs one full check of a model and prints its duration: for profiling (`node --cpu-prof --import tsx …`). */
import { checkModel } from "../../src/analysis/check-model.ts";
import { fsHost } from "../../src/io/fs-host.ts";

const start = performance.now();
const result = checkModel(process.argv[2] as string, fsHost);
console.log(
  `${(performance.now() - start).toFixed(0)} ms, ${result.doctor?.findings.length ?? 0} findings, ${result.diagnostics.length} diagnostics`,
);
