// The action against the GitHub API simulator, for a 30-file pull request: API requests on a
// first run and on an unchanged re-run, and the wall time of `node dist/index.js` from start to
// exit (medians). Figures, not a test. Run through tsx; run `npm run bundle` first.
// `--entry <file>` times another build (e.g. an older dist/index.js) against the same simulator.
import { spawnSync } from "node:child_process";
import { createSimulator, type RequestRecord } from "../../test/github-simulator/index.js";
import { addedLines, createShop, lcov } from "../../test/action/shop-scenario.js";
// @ts-expect-error plain JavaScript helper shared with the process benchmark
import { median } from "./measure.mjs";

const RUNS = 11;
const FILES = 30;
const entryAt = process.argv.indexOf("--entry");
const entry = entryAt === -1 ? undefined : process.argv[entryAt + 1];

interface Counts {
  reads: number;
  graphql: number;
  writes: number;
}

const count = (requests: RequestRecord[]): Counts => ({
  reads: requests.filter((r) => r.kind === "read").length,
  graphql: requests.filter((r) => r.path === "/graphql").length,
  writes: requests.filter((r) => r.kind === "write" && r.applied).length,
});

/** One first run and one unchanged re-run on a fresh simulator. */
async function firstAndRerun() {
  const sim = await createSimulator();
  try {
    const files = Array.from({ length: FILES }, (_, i) => addedLines(`src/f${i}.ts`, 3));
    const shop = await createShop(sim, { files });
    // One file uncovered, so the first run comments and reviews.
    await shop.writeCoverage(
      files.map((f) => lcov(f.filename, 3, f.filename === "src/f0.ts" ? 0 : 3)).join(""),
    );
    const options = entry ? { entry } : {};
    const first = await shop.run(options);
    const before = sim.requests.length;
    const rerun = await shop.run(options);
    if (first.stderr || rerun.stderr) throw new Error(`the action failed:\n${first.stderr}`);
    if (sim.violations.length > 0) throw new Error(sim.violations.join("\n"));
    return {
      first: { ms: first.ms, ...count(sim.requests.slice(0, before)) },
      rerun: { ms: rerun.ms, ...count(sim.requests.slice(before)) },
    };
  } finally {
    await sim.close();
  }
}

function nodeStartMs(): number {
  const start = performance.now();
  spawnSync(process.execPath, ["-e", ""]);
  return performance.now() - start;
}

await firstAndRerun(); // warm-up: the simulator compiles its OpenAPI schemas on first use
const samples = [];
for (let i = 0; i < RUNS; i++) samples.push(await firstAndRerun());
const nodeAlone = Array.from({ length: RUNS }, nodeStartMs);

const row = (name: string, pick: (s: (typeof samples)[number]) => Counts & { ms: number }) => {
  const all = samples.map(pick);
  const stable = all.every((c) => c.reads === all[0]?.reads && c.writes === all[0]?.writes);
  const c = all[0] as Counts;
  const reads = `${c.reads} (${c.graphql} GraphQL)${stable ? "" : " varies!"}`;
  const ms = median(all.map((s) => s.ms)) as number;
  return `| ${name} | ${reads} | ${c.writes} | ${ms.toFixed(0)} ms |`;
};

console.log(
  `\n## Action: ${FILES}-file pull request against the simulator (${RUNS} runs each${entry ? `, ${entry}` : ""})\n`,
);
console.log("| run | API reads | API writes | median wall time of node dist/index.js |");
console.log("| --- | --- | --- | --- |");
console.log(row("first run", (s) => s.first));
console.log(row("unchanged re-run", (s) => s.rerun));
console.log(`| (node -e "" alone) | | | ${(median(nodeAlone) as number).toFixed(0)} ms |`);
console.log(
  "\nTargets (issue 3): at most 6 reads on a first run, 0 writes on a re-run, under 500 ms.",
);
