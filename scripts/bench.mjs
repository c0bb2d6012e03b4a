// npm run bench: prints performance figures (medians, ratios). Figures, not pass/fail tests.
import { execFileSync } from "node:child_process";
import { benchCli, benchStartup, printCliBench, printStartup } from "./bench/cli-bench.mjs";

// Today's CLI and Action: the figures below are of the bundles built from these sources (the
// Action into .bench/, so the committed dist/ is left as it is).
execFileSync(process.execPath, ["scripts/build.mjs", "--cli"], { stdio: "inherit" });
execFileSync(
  process.execPath,
  ["scripts/build.mjs", "--action", "--outfile", ".bench/dist/index.js"],
  {
    stdio: "inherit",
  },
);
console.log("# shipgate benchmarks");
printStartup(benchStartup());
printCliBench(benchCli());
execFileSync("npx", ["tsx", "scripts/bench/core-phases.ts"], { stdio: "inherit" });
// Hostile descriptions and patterns; the CLI process runs build/cli.cjs, so build it first.
execFileSync(process.execPath, ["scripts/build.mjs", "--cli"], { stdio: "inherit" });
execFileSync("npx", ["tsx", "scripts/bench/core-attacks.ts"], { stdio: "inherit" });
execFileSync("npx", ["tsx", "scripts/bench/action-bench.ts"], { stdio: "inherit" });
execFileSync("npx", ["tsx", "scripts/bench/app-bench.ts"], { stdio: "inherit" });
// The App as users run it (build/app.mjs): build it first, so the figures are today's code's.
execFileSync(process.execPath, ["scripts/build.mjs", "--app"], { stdio: "inherit" });
execFileSync("npx", ["tsx", "scripts/bench/app-attacks.ts"], { stdio: "inherit" });
// Two instances on one redis-server (BullMQ), then one killed half-way: SHIPGATE_BENCH_MINUTES
// sets the length (default 2 minutes at 100 events a minute).
execFileSync("npx", ["tsx", "scripts/bench/app-redis-bench.ts"], { stdio: "inherit" });
execFileSync("npx", ["tsx", "scripts/bench/report-bench.ts"], { stdio: "inherit" });
