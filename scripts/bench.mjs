// npm run bench: prints performance figures (medians, ratios). Figures, not pass/fail tests.
import { benchCli, printCliBench } from "./bench/cli-bench.mjs";

console.log("# shipgate benchmarks");
printCliBench(benchCli());
