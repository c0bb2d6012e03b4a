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
  const timesMs = [];
  const rssKb = [];
  const cpuMs = [];
  let status = 0;
  const statsFile = join(mkdtempSync(join(tmpdir(), "shipgate-time-")), "stats");
  for (let i = 0; i < runs; i++) {
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
    timesMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    status = result.status ?? -1;
    if (status > 1)
      throw new Error(`${command} ${args.join(" ")} exited ${status}: ${result.stderr}`);
    if (useTime) {
      const [rss, user, system] = readFileSync(statsFile, "utf8")
        .trim()
        .split("\n")
        .pop()
        .split(" ");
      rssKb.push(Number(rss));
      cpuMs.push((Number(user) + Number(system)) * 1000);
    }
  }
  return {
    medianMs: median(timesMs),
    runsMs: timesMs,
    peakRssMb: rssKb.length ? Math.max(...rssKb) / 1024 : null,
    medianCpuMs: cpuMs.length ? median(cpuMs) : null,
    status,
  };
}
