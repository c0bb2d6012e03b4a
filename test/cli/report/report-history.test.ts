// The report over larger histories: a generated one of 300 merged pull requests whose every
// figure is known, and this repository's own history checked against plain `git log` counts.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { main } from "../../../cli/main.js";
import type { DeliveryReport } from "../../../shared/core/report/report-types.js";
import { makeReportHistory } from "../../../scripts/bench/make-report-history.js";
import { makeIo } from "../make-git-repo.js";

const env = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

async function reportOn(dir: string, args: string[]): Promise<DeliveryReport> {
  const t = makeIo(dir, { env });
  const code = await main(["report", "--format", "json", ...args], t.io);
  expect({ code, stderr: t.stderr() }).toEqual({ code: 0, stderr: "" });
  return JSON.parse(t.stdout()) as DeliveryReport;
}

describe("shipgate report over a generated history", () => {
  const history = makeReportHistory(300);
  afterAll(() => rmSync(history.dir, { recursive: true, force: true }));

  it("finds every pull request with its size and lead time, and every direct push", async () => {
    const report = await reportOn(history.dir, [
      "--since",
      iso(history.from),
      "--until",
      iso(history.to),
    ]);
    expect(
      report.pullRequests.map(({ number, kind, lines, leadTimeHours }) => ({
        number,
        kind,
        lines,
        leadTimeHours,
      })),
    ).toEqual(history.expected);
    expect(report.metrics.counts).toEqual({
      pullRequests: 300,
      mergeCommits: 200,
      squashMerges: 100,
      otherMerges: 0,
      directPushes: history.directPushes,
    });
    // Every tenth pull request also changed package-lock.json, which is not counted.
    expect(
      report.pullRequests.filter((pr) => pr.excludedFiles === 1).map((pr) => pr.number),
    ).toEqual(history.expected.filter((pr) => pr.number % 10 === 0).map((pr) => pr.number));
  });

  it("keeps to the period", async () => {
    // Pull request n merges at START + 2n hours (+1 hour per earlier direct push).
    const report = await reportOn(history.dir, [
      "--since",
      iso(history.from),
      "--until",
      "2020-01-07",
    ]);
    const merged = report.pullRequests.map((pr) => Date.parse(pr.mergedAt));
    expect(Math.max(...merged)).toBeLessThan(Date.parse("2020-01-08T00:00:00Z"));
    expect(report.pullRequests.length).toBeGreaterThan(0);
    expect(report.pullRequests.length).toBeLessThan(300);
  });
});

describe("shipgate report over this repository's history", () => {
  const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8", env }).trim();
  // Others may commit while the test runs: pin the tip.
  const tip = git("rev-parse", "HEAD");

  it("counts what git log counts on the first-parent line", async () => {
    const report = await reportOn(process.cwd(), [
      "--branch",
      tip,
      "--since",
      "1970-01-02",
      "--until",
      "2100-01-01",
    ]);
    const subjects = git("log", "--first-parent", "--format=%p%x1f%s", tip).split("\n");
    const merges = subjects.filter((line) => (line.split("\x1f")[0] ?? "").includes(" "));
    const { counts } = report.metrics;
    expect(counts.mergeCommits + counts.otherMerges).toBe(merges.length);
    expect(
      counts.mergeCommits + counts.squashMerges + counts.otherMerges + counts.directPushes,
    ).toBe(Number(git("rev-list", "--first-parent", "--count", tip)));
    expect(counts.squashMerges).toBe(
      subjects.filter((line) => !merges.includes(line) && / \(#[1-9]\d*\)$/.test(line)).length,
    );
    expect(report.branch).toBe(tip);
  });
});
