// `shipgate report --format json` over a generated history whose figures are known: merge
// commits, squash merges, other merges, direct pushes, lockfiles, generated and excluded files,
// a branch that merged its base in, and a branch stacked on another. Every figure is worked out
// here from what the test wrote, and each size is checked against `shipgate check` too.
import { main } from "../../../cli/main.js";
import type { DeliveryReport } from "../../../shared/core/report/report-types.js";
import { makeIo } from "../make-git-repo.js";
import { lines, makeHistory, type History } from "./make-history.js";

const CONFIG = `rules:\n  size:\n    exclude: ["**/*.snap"]\n`;
const hours = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 3600000;

let history: History;
const shas: Record<string, string> = {};
let report: DeliveryReport;

beforeAll(async () => {
  const h = (history = makeHistory());
  h.commitAt("2023-12-20T10:00:00Z", "Initial commit", {
    ".github/shipgate.yml": CONFIG,
    ".gitattributes": "gen/** linguist-generated\n",
    "src/a.ts": lines(20),
    "README.md": "# demo\n",
  });
  // #1: a merge commit; two commits on the branch, the first at 09:00 on 2 January.
  h.checkout("f1", true);
  h.commitAt("2024-01-02T09:00:00Z", "Start the parser", { "src/p.ts": lines(5) });
  h.commitAt("2024-01-02T12:00:00Z", "Finish the parser", { "src/p.ts": lines(7) });
  h.checkout("main");
  shas.pr1 = h.mergeAt(
    "2024-01-03T10:00:00Z",
    "f1",
    "Merge pull request #1 from ada/f1",
    "Add the parser",
  );
  shas.push1 = h.commitAt("2024-01-04T10:00:00Z", "Fix a typo", { "README.md": "# Demo\n" });
  // #2: a lockfile and code; main moves on before the merge, so base and merge base differ.
  h.checkout("f2", true);
  h.commitAt("2024-01-08T08:00:00Z", "Lock deps", {
    "package-lock.json": lines(500),
    "src/b.ts": lines(12),
  });
  h.checkout("main");
  shas.push2 = h.commitAt("2024-01-08T09:00:00Z", "Tune CI", { "ci.yml": lines(3) });
  shas.pr2 = h.mergeAt(
    "2024-01-09T08:00:00Z",
    "f2",
    "Merge pull request #2 from ada/f2",
    "Lock deps",
  );
  // #3: a squash merge with generated and excluded files; GitHub-style dates (no lead time).
  shas.pr3 = h.commitAt("2024-01-10T12:00:00Z", "Generate the client (#3)", {
    "gen/client.ts": lines(200),
    "src/c.ts": lines(40),
    "src/__snapshots__/c.snap": lines(30),
  });
  // #4: a squash whose author date was kept from the first commit (30 hours earlier).
  shas.pr4 = h.commitAt(
    "2024-01-16T06:00:00Z",
    "Fix the bug (#4)",
    {
      "src/a.ts": lines(20).replace("line 3\n", "line three\n"),
      "logo.png": Buffer.from([0, 1, 2]),
    },
    "2024-01-15T00:00:00Z",
  );
  // An ordinary merge: counted apart.
  h.checkout("release", true);
  h.commitAt("2024-01-17T08:00:00Z", "Release notes", { "NOTES.md": lines(4) });
  h.checkout("main");
  shas.other = h.mergeAt("2024-01-17T09:00:00Z", "release", "Merge branch 'release'");
  // #5: large, with a binary file.
  h.checkout("f5", true);
  h.commitAt("2024-01-22T00:00:00Z", "Big import", {
    "src/big.ts": lines(600),
    "img.bin": Buffer.from([0, 0, 1]),
  });
  h.checkout("main");
  shas.pr5 = h.mergeAt(
    "2024-01-24T00:00:00Z",
    "f5",
    "Merge pull request #5 from ada/f5",
    "Import the big thing",
  );
  // #6: merges main into itself before it is merged; #7 is stacked on #6's first commit.
  h.checkout("f6", true);
  h.commitAt("2024-01-23T00:00:00Z", "Start d", { "src/d.ts": lines(3) });
  h.checkout("f7", true);
  h.commitAt("2024-01-26T00:00:00Z", "Add e", { "src/e.ts": lines(5) });
  h.checkout("main");
  shas.push3 = h.commitAt("2024-01-24T06:00:00Z", "Bump version", { VERSION: "2\n" });
  h.checkout("f6");
  h.mergeAt("2024-01-24T12:00:00Z", "main", "Merge branch 'main' into f6");
  h.checkout("main");
  shas.pr6 = h.mergeAt("2024-01-25T00:00:00Z", "f6", "Merge pull request #6 from ada/f6", "Add d");
  shas.pr7 = h.mergeAt("2024-01-27T00:00:00Z", "f7", "Merge pull request #7 from ada/f7", "Add e");
  // After the period: left out.
  h.commitAt("2024-02-02T00:00:00Z", "Later (#8)", { "src/later.ts": lines(2) });

  const t = makeIo(h.dir, { env: h.env });
  const code = await main(
    ["report", "--since", "2024-01-01", "--until", "2024-01-31", "--format", "json"],
    t.io,
  );
  expect({ code, stderr: t.stderr() }).toEqual({ code: 0, stderr: "" });
  report = JSON.parse(t.stdout()) as DeliveryReport;
});
afterAll(() => history.remove());

describe("shipgate report from git", () => {
  it("names the period and the branch", () => {
    expect(report).toMatchObject({
      version: 1,
      repository: null,
      branch: "main",
      period: { from: "2024-01-01T00:00:00.000Z", to: "2024-02-01T00:00:00.000Z" },
    });
  });

  it("lists each merged pull request with its size and lead time", () => {
    const expected = [
      {
        number: 1,
        sha: shas.pr1,
        kind: "merge",
        title: "Add the parser",
        mergedAt: "2024-01-03T10:00:00.000Z",
        lines: 7,
        files: 1,
        excludedFiles: 0,
        bucket: "XS",
        leadTimeHours: hours("2024-01-02T09:00Z", "2024-01-03T10:00Z"),
        leadTimeBasis: "first-commit",
        commits: 2,
      },
      {
        number: 2,
        sha: shas.pr2,
        kind: "merge",
        title: "Lock deps",
        mergedAt: "2024-01-09T08:00:00.000Z",
        lines: 12,
        files: 1,
        excludedFiles: 1,
        bucket: "S",
        leadTimeHours: 24,
        leadTimeBasis: "first-commit",
        commits: 1,
      },
      {
        number: 3,
        sha: shas.pr3,
        kind: "squash",
        title: "Generate the client",
        mergedAt: "2024-01-10T12:00:00.000Z",
        lines: 40,
        files: 1,
        excludedFiles: 2,
        bucket: "M",
        leadTimeHours: null,
        leadTimeBasis: null,
        commits: null,
      },
      {
        number: 4,
        sha: shas.pr4,
        kind: "squash",
        title: "Fix the bug",
        mergedAt: "2024-01-16T06:00:00.000Z",
        lines: 2,
        files: 2,
        excludedFiles: 0,
        bucket: "XS",
        leadTimeHours: 30,
        leadTimeBasis: "squash-author-date",
        commits: null,
      },
      {
        number: 5,
        sha: shas.pr5,
        kind: "merge",
        title: "Import the big thing",
        mergedAt: "2024-01-24T00:00:00.000Z",
        lines: 600,
        files: 2,
        excludedFiles: 0,
        bucket: "XL",
        leadTimeHours: 48,
        leadTimeBasis: "first-commit",
        commits: 1,
      },
      // The merge of main into f6 is one of its commits; the diff is from that merge's base.
      {
        number: 6,
        sha: shas.pr6,
        kind: "merge",
        title: "Add d",
        mergedAt: "2024-01-25T00:00:00.000Z",
        lines: 3,
        files: 1,
        excludedFiles: 0,
        bucket: "XS",
        leadTimeHours: 48,
        leadTimeBasis: "first-commit",
        commits: 2,
      },
      // d was brought in by #6: #7's own work starts at e.
      {
        number: 7,
        sha: shas.pr7,
        kind: "merge",
        title: "Add e",
        mergedAt: "2024-01-27T00:00:00.000Z",
        lines: 5,
        files: 1,
        excludedFiles: 0,
        bucket: "XS",
        leadTimeHours: 24,
        leadTimeBasis: "first-commit",
        commits: 1,
      },
    ].map((pr) => ({ ...pr, url: null, github: null }));
    expect(report.pullRequests).toEqual(expected);
  });

  it("has no GitHub figures without --github", () => {
    expect(report.metrics.github).toBeNull();
  });

  it("counts other merges and direct pushes apart", () => {
    expect(report.metrics.counts).toEqual({
      pullRequests: 7,
      mergeCommits: 5,
      squashMerges: 2,
      otherMerges: 1,
      directPushes: 3,
    });
  });

  it("counts pull requests and lines per week, Monday first, empty weeks included", () => {
    expect(report.metrics.perWeek).toEqual([
      { weekStart: "2024-01-01", pullRequests: 1, lines: 7 },
      { weekStart: "2024-01-08", pullRequests: 2, lines: 12 + 40 },
      { weekStart: "2024-01-15", pullRequests: 1, lines: 2 },
      { weekStart: "2024-01-22", pullRequests: 3, lines: 600 + 3 + 5 },
      { weekStart: "2024-01-29", pullRequests: 0, lines: 0 },
    ]);
  });

  it("gives the size distribution and lead time by size", () => {
    expect(report.metrics.sizeBuckets).toEqual([
      { bucket: "XS", pullRequests: 4 },
      { bucket: "S", pullRequests: 1 },
      { bucket: "M", pullRequests: 1 },
      { bucket: "L", pullRequests: 0 },
      { bucket: "XL", pullRequests: 1 },
      { bucket: "XXL", pullRequests: 0 },
    ]);
    // XS lead times: 25, 30, 48, 24 -> sorted 24, 25, 30, 48: median 27.5, p90 the 4th.
    const xs = report.metrics.leadTime.byBucket.find((b) => b.bucket === "XS");
    expect(xs).toEqual({ bucket: "XS", count: 4, medianHours: 27.5, p90Hours: 48 });
    // All six with a lead time: 24, 24, 25, 30, 48, 48 -> median 27.5; p90 rank ceil(5.4) = 6.
    expect(report.metrics.leadTime).toMatchObject({ count: 6, medianHours: 27.5, p90Hours: 48 });
    expect(report.metrics.leadTime.byBucket.find((b) => b.bucket === "M")).toEqual({
      bucket: "M",
      count: 0,
      medianHours: null,
      p90Hours: null,
    });
  });

  it("lists the largest pull requests first", () => {
    expect(report.metrics.largest.map((pr) => [pr.number, pr.lines])).toEqual([
      [5, 600],
      [3, 40],
      [2, 12],
      [1, 7],
      [7, 5],
      [6, 3],
      [4, 2],
    ]);
  });

  it("measures each pull request exactly as `shipgate check` does", async () => {
    for (const pr of report.pullRequests) {
      const [base, head] =
        pr.kind === "merge" ? [`${pr.sha}^1`, `${pr.sha}^2`] : [`${pr.sha}^`, pr.sha];
      const t = makeIo(history.dir, { env: history.env });
      await main(["check", "--base", base, "--head", head, "--format", "json"], t.io);
      const size = (
        JSON.parse(t.stdout()) as { rules: { id: string; metrics: Record<string, unknown> }[] }
      ).rules.find((r) => r.id === "size");
      expect({ number: pr.number, ...size?.metrics }).toMatchObject({
        number: pr.number,
        lines: pr.lines,
        files: pr.files,
        excludedFiles: pr.excludedFiles,
        bucket: pr.bucket,
      });
    }
  });
});
