// npm run bench: prints performance figures (medians, ratios). Figures, not pass/fail tests.
import { execFileSync } from "node:child_process";
import { benchCli, printCliBench } from "./bench/cli-bench.mjs";

console.log("# shipgate benchmarks");
printCliBench(benchCli());
execFileSync("npx", ["tsx", "scripts/bench/core-phases.ts"], { stdio: "inherit" });
execFileSync("npx", ["tsx", "scripts/bench/action-bench.ts"], { stdio: "inherit" });
execFileSync("npx", ["tsx", "scripts/bench/app-bench.ts"], { stdio: "inherit" });
execFileSync("npx", ["tsx", "scripts/bench/report-bench.ts"], { stdio: "inherit" });
