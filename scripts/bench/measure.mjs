// Runs a command several times and reports wall-time median, CPU-time median (user + system, its
// child processes included: git for shipgate and diff-cover alike) and peak memory, from GNU
// time. On a machine other work keeps busy, CPU time moves far less than wall time.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** { medianMs, runsMs, peakRssMb, medianCpuMs, status } for `runs` runs of command in cwd. */
export function measure(command, args, { cwd, runs, env }) {
  return measureInterleaved([{ command, args, cwd, runs, env }])[0];
}

/**
 * Measures several commands in turn, round after round (each until it has had its `runs`), so
 * that a slow spell of the machine falls on all of them alike: what a ratio of their medians
 * needs on a machine as noisy as a shared VM.
 */
export function measureInterleaved(jobs) {
  const statsFile = join(mkdtempSync(join(tmpdir(), "shipgate-time-")), "stats");
  const samples = jobs.map(() => ({ timesMs: [], rssKb: [], cpuMs: [], status: 0 }));
  const rounds = Math.max(...jobs.map((job) => job.runs));
  for (let round = 0; round < rounds; round++) {
    jobs.forEach((job, i) => {
      if (round < job.runs) runOnce(job, statsFile, samples[i]);
    });
  }
  return samples.map(({ timesMs, rssKb, cpuMs, status }) => ({
    medianMs: median(timesMs),
    runsMs: timesMs,
    peakRssMb: rssKb.length ? Math.max(...rssKb) / 1024 : null,
    medianCpuMs: cpuMs.length ? median(cpuMs) : null,
    status,
  }));
}

function runOnce({ command, args, cwd, env }, statsFile, sample) {
  const useTime = existsSync(GNU_TIME);
  const [bin, argv] = useTime
    ? [GNU_TIME, ["-f", "%M %U %S", "-o", statsFile, command, ...args]]
    : [command, args];
  const start = process.hrtime.bigint();
  const result = spawnSync(bin, argv, {
    cwd,
    env: { ...process.env, ...env },
    stdio: "pipe",
    maxBuffer: 1 << 30,
  });
  sample.timesMs.push(Number(process.hrtime.bigint() - start) / 1e6);
  sample.status = result.status ?? -1;
  if (sample.status > 1) {
    throw new Error(`${command} ${args.join(" ")} exited ${sample.status}: ${result.stderr}`);
  }
  if (useTime) {
    const [rss, user, system] = readFileSync(statsFile, "utf8").trim().split("\n").pop().split(" ");
    sample.rssKb.push(Number(rss));
    sample.cpuMs.push((Number(user) + Number(system)) * 1000);
  }
}
