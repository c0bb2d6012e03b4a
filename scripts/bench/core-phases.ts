// In-process timings of each phase of `shipgate check` (no process start-up), at two sizes,
// to show cost growing linearly with changed files and report records. Run through tsx.
import { rmSync } from "node:fs";
import { gatherCoverage } from "../../shared/node/coverage/gather-coverage.js";
import { openRepository } from "../../cli/git/open-repository.js";
import { readChanges } from "../../cli/git/read-changes.js";
import { parseConfig } from "../../shared/core/config/parse-config.js";
import { evaluate } from "../../shared/core/evaluate.js";
import { renderComment } from "../../shared/core/render/render-comment.js";
import { renderJson } from "../../shared/core/render/render-json.js";
import { makeFacts } from "../../test/builders/make-facts.js";
// @ts-expect-error plain JavaScript helper shared with the process benchmark
import { makeSyntheticRepo } from "./make-synthetic-repo.mjs";
// @ts-expect-error plain JavaScript helper shared with the process benchmark
import { median } from "./measure.mjs";

const RUNS = 9;
const SIZES = [
  { name: "tenth", files: 500, linesPerFile: 4, recordsPerFile: 28 },
  { name: "full", files: 5000, linesPerFile: 4, recordsPerFile: 28 },
];

async function time<T>(phase: string, timings: Map<string, number[]>, run: () => Promise<T> | T) {
  const start = performance.now();
  const result = await run();
  timings.set(phase, [...(timings.get(phase) ?? []), performance.now() - start]);
  return result;
}

async function measureSize(dir: string): Promise<Map<string, number>> {
  const timings = new Map<string, number[]>();
  const config = parseConfig(null, ".github/shipgate.yml");
  if (!config.ok) throw new Error("default config is invalid");
  for (let run = 0; run < RUNS; run++) {
    const repo = await openRepository({ dir, env: process.env, base: "main", head: null });
    const changes = await time("git diff + parseDiff", timings, () => readChanges(repo));
    const coverage = await time("read + parse LCOV", timings, () =>
      gatherCoverage(["coverage/lcov.info"], repo.root, {
        explicit: true,
        maxBytes: 512 * 1024 * 1024,
        allowOutsideRoot: false,
      }),
    );
    const facts = makeFacts({ files: changes.files, repoFiles: changes.repoFiles, coverage });
    const verdict = await time("evaluate (rules)", timings, () => evaluate(facts, config.config));
    await time(
      "render json + comment",
      timings,
      () => renderJson(verdict) + renderComment(verdict),
    );
  }
  return new Map([...timings].map(([phase, values]) => [phase, median(values) as number]));
}

console.log("\n## In-process phases of shipgate check (median of 9 runs, ms)");
const results: Map<string, number>[] = [];
for (const size of SIZES) {
  const dir = makeSyntheticRepo(size) as string;
  results.push(await measureSize(dir));
  rmSync(dir, { recursive: true, force: true });
}
const [tenth, full] = results as [Map<string, number>, Map<string, number>];
console.log("| phase | 500 files / 14k records | 5,000 files / 140k records | ratio |");
console.log("|---|---|---|---|");
let totalTenth = 0;
let totalFull = 0;
for (const [phase, fullMs] of full) {
  const tenthMs = tenth.get(phase) ?? NaN;
  totalTenth += tenthMs;
  totalFull += fullMs;
  console.log(
    `| ${phase} | ${tenthMs.toFixed(1)} | ${fullMs.toFixed(1)} | ${(fullMs / tenthMs).toFixed(1)}x |`,
  );
}
console.log(
  `| total | ${totalTenth.toFixed(1)} | ${totalFull.toFixed(1)} | ${(totalFull / totalTenth).toFixed(1)}x |`,
);
