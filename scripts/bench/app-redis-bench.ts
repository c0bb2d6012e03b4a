// `npx tsx scripts/bench/app-redis-bench.ts [minutes]`: the sustained App benchmark on two
// instances sharing Redis (BullMQ), then again with one instance killed half-way. 100 events a
// minute over 10 pull requests; `minutes` defaults to 2 (SHIPGATE_BENCH_MINUTES also sets it).
import { runRedisSustained, type RedisSustainedResult } from "./app-redis-sustained.js";

const minutes = Number(process.argv[2] ?? process.env.SHIPGATE_BENCH_MINUTES ?? 2);
const PER_MINUTE = 100;
const events = Math.round(minutes * PER_MINUTE);
const base = {
  events,
  intervalMs: 60_000 / PER_MINUTE,
  pulls: [101, 102, 103, 104, 105, 106, 107, 108, 109, 110],
  drainMs: 90_000,
};
const ms = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? "—" : `${Math.round(value)} ms`;

console.log(
  `\n## shipgate App on Redis (BullMQ): ${events} synchronize events, ${PER_MINUTE}/min for ${minutes} min, ${base.pulls.length} pull requests, two instances`,
);
const steady = await runRedisSustained(base);
const killed = await runRedisSustained({ ...base, killAfter: Math.floor(events / 2) });
const rows: [string, (r: RedisSustainedResult) => string | number][] = [
  ["webhook answer p50", (r) => ms(r.answerP50Ms)],
  ["webhook answer p95", (r) => ms(r.answerP95Ms)],
  ["webhook answer max", (r) => ms(r.answerMaxMs)],
  ["webhooks not answered 202", (r) => r.refused],
  ["verdict latency p50 (push → its verdict)", (r) => ms(r.verdictP50Ms)],
  ["verdict latency p95", (r) => ms(r.verdictP95Ms)],
  ["API writes per minute", (r) => Math.round(r.writesPerMinute)],
  ["duplicates (second verdict on a head, second sticky comment)", (r) => r.duplicates],
  [`lost heads (final heads without a verdict, of ${base.pulls.length})`, (r) => r.lostHeads],
  ["check runs left in progress", (r) => r.leftInProgress],
  [
    "backlog cleared after the last event",
    (r) =>
      r.drainedAfterMs === undefined ? `not within ${base.drainMs / 1000} s` : ms(r.drainedAfterMs),
  ],
];
console.log("| figure | two instances | one killed at the half-way mark |");
console.log("|---|---|---|");
for (const [name, value] of rows) console.log(`| ${name} | ${value(steady)} | ${value(killed)} |`);
process.exit(0);
