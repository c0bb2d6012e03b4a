// App benchmark (printed figures, not a test): `npx tsx scripts/bench/app-bench.ts`.
// (a) latency and API requests per evaluation of a 30-file PR; (b) 100 `synchronize` a minute for
// two minutes on one instance. Against the local GitHub API simulator: no network latency, so the
// figures are the App's own cost plus Probot's write pacing.
import { FILES_PER_PR } from "./app-bench-setup.js";
import { measureLatency } from "./app-latency.js";
import { runSustained } from "./app-sustained.js";

const DELIVERIES = 15;
const SUSTAINED = {
  events: 200,
  intervalMs: 600,
  pulls: [101, 102, 103, 104, 105, 106, 107, 108, 109, 110],
  drainMs: 45_000,
};

const ms = (value: number | undefined) => (value === undefined ? "—" : `${Math.round(value)} ms`);

console.log(`\n## shipgate App: one ${FILES_PER_PR}-file pull request, ${DELIVERIES} deliveries`);
const paced = await measureLatency(DELIVERIES, true);
const unpaced = await measureLatency(DELIVERIES, false);
console.log(
  "| write pacing | webhook POST → completed check run, median (min–max) | reads / evaluation | writes / evaluation |",
);
console.log("|---|---|---|---|");
for (const [name, r] of [
  ["Probot's (1 s between writes)", paced],
  ["none (the App's own cost)", unpaced],
] as const) {
  console.log(
    `| ${name} | ${ms(r.p50Ms)} (${ms(r.minMs)}–${ms(r.maxMs)}) | ${r.reads} | ${r.writes} |`,
  );
}
console.log(`\nVerdict: ${paced.outcome} (default config, comment created once, then unchanged).`);
console.log(`Requests of one evaluation: ${paced.calls.join(", ")}`);

const minutes = (SUSTAINED.events * SUSTAINED.intervalMs) / 60_000;
console.log(
  `\n## shipgate App: ${SUSTAINED.events} synchronize events, one every ${SUSTAINED.intervalMs} ms (${Math.round(SUSTAINED.events / minutes)}/min for ${minutes} min), ${SUSTAINED.pulls.length} pull requests, one instance, Probot's throttling`,
);
console.log("| at | events sent | check runs completed | in progress | API writes |");
console.log("|---|---|---|---|---|");
const s = await runSustained({
  ...SUSTAINED,
  onSample: (x) =>
    console.log(`| ${x.atS} s | ${x.sent} | ${x.settled} | ${x.inProgress} | ${x.writes} |`),
});
console.log("\n| figure | value |");
console.log("|---|---|");
const rows: [string, string | number][] = [
  ["errors", s.errors.length],
  ["duplicate sticky comments", s.duplicateComments],
  [
    `pull requests with exactly one sticky comment (of ${SUSTAINED.pulls.length})`,
    s.pullsWithOneComment,
  ],
  ["webhooks answered after 9 s or more", s.answeredLater],
  [
    "webhook answer p50 / p95 / max",
    `${ms(s.answerP50Ms)} / ${ms(s.answerP95Ms)} / ${ms(s.answerMaxMs)}`,
  ],
  ["heads pushed (check runs expected at most)", s.sent],
  ["check runs completed with a verdict", s.verdicts],
  ["check runs completed as superseded (skipped)", s.superseded],
  ["heads with no check run (coalesced or still queued)", s.noCheckRun],
  ["check runs left in progress", s.leftInProgress],
  [`final heads with a verdict (of ${SUSTAINED.pulls.length})`, s.finalHeadsWithVerdict],
  ["latency to a verdict p50", ms(s.latencyP50Ms)],
  ["latency to a verdict p95", ms(s.latencyP95Ms)],
  ["each PR's last push → its verdict, slowest PR", ms(s.finalVerdictMaxMs)],
  [
    "backlog cleared after the last event",
    s.drainedAfterMs === undefined
      ? `not within ${SUSTAINED.drainMs / 1000} s`
      : ms(s.drainedAfterMs),
  ],
  ["API writes per minute", Math.round(s.writesPerMinute)],
];
for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
for (const error of s.errors.slice(0, 5)) console.log(`  error: ${error}`);
process.exit(0);
