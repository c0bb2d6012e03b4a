// Each pull request is counted with the config and .gitattributes of its base commit, as the
// gate judged it: a config change applies from the next pull request on, and an invalid config
// leaves only the built-in exclusions (with a note). Also: a merge of unrelated histories, and
// the markdown written with -o is the JSON's figures rendered.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../../cli/main.js";
import { renderReportMarkdown } from "../../../shared/core/report/render-report-markdown.js";
import type { DeliveryReport } from "../../../shared/core/report/report-types.js";
import { makeIo } from "../make-git-repo.js";
import { lines, makeHistory, type History } from "./make-history.js";

const CONFIG = ".github/shipgate.yml";
const PERIOD = ["--since", "2024-01-01", "--until", "2024-01-31"];
let history: History;
let report: DeliveryReport;

async function run(args: string[]) {
  const t = makeIo(history.dir, { env: history.env });
  const code = await main(["report", ...PERIOD, ...args], t.io);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

beforeAll(async () => {
  const h = (history = makeHistory());
  h.commitAt("2023-12-20T10:00:00Z", "Initial commit", {
    [CONFIG]: 'rules:\n  size:\n    exclude: ["**/*.snap"]\n',
    "src/main.ts": lines(8),
  });
  h.commitAt("2024-01-02T10:00:00Z", "One (#1)", { "a.snap": lines(10), "src/a.ts": lines(3) });
  h.commitAt("2024-01-03T10:00:00Z", "Two (#2)", {
    [CONFIG]: "rules:\n  size:\n    exclude: []\n",
    "b.snap": lines(5),
  });
  h.commitAt("2024-01-04T10:00:00Z", "Three (#3)", { "c.snap": lines(4) });
  h.commitAt("2024-01-05T10:00:00Z", "Four (#4)", { [CONFIG]: "rules: [\n" });
  h.commitAt("2024-01-06T10:00:00Z", "Five (#5)", {
    "e.snap": lines(6),
    "package-lock.json": lines(50),
  });
  // GitHub cannot open a pull request between unrelated histories; git can still merge one.
  h.git(["checkout", "-q", "--orphan", "other"]);
  h.git(["rm", "-q", "-rf", "."]);
  h.commitAt("2024-01-07T10:00:00Z", "Orphan", { "o.ts": lines(2, "orphan") });
  h.checkout("main");
  h.env.GIT_AUTHOR_DATE = h.env.GIT_COMMITTER_DATE = "2024-01-07T10:00:00Z";
  h.git([
    "merge",
    "-q",
    "--no-ff",
    "--allow-unrelated-histories",
    "-m",
    "Merge pull request #6 from x/other",
    "-m",
    "Unrelated",
    "other",
  ]);
  delete h.env.GIT_AUTHOR_DATE;
  delete h.env.GIT_COMMITTER_DATE;
  const out = await run(["--format", "json"]);
  expect({ code: out.code, stderr: out.stderr }).toEqual({ code: 0, stderr: "" });
  report = JSON.parse(out.stdout) as DeliveryReport;
});
afterAll(() => history.remove());

describe("shipgate report reads the config at each pull request's base", () => {
  it.each([
    [1, 3, 1, 1], // a.snap excluded by the config at its base
    [2, 2, 1, 1], // its own config change (one line replaced) counts; b.snap still excluded
    [3, 4, 1, 0], // the config at its base excludes nothing
    [4, 4, 1, 0], // the config file made invalid: 3 lines out, 1 in
    [5, 6, 1, 1], // invalid config at its base: only the lockfile is left out
  ])("#%i: %i lines in %i files, %i excluded", (number, lines, files, excludedFiles) => {
    expect(report.pullRequests.find((pr) => pr.number === number)).toMatchObject({
      lines,
      files,
      excludedFiles,
    });
  });

  it("says when a config was invalid", () => {
    expect(report.notes).toEqual([
      // #5 and #6 both merged onto the invalid config.
      "2 pull requests were merged while .github/shipgate.yml was invalid: their sizes leave out only lockfiles and generated or vendored files.",
    ]);
  });

  it("measures a merge of unrelated histories from its first parent", () => {
    // Everything on main is gone on that side: 7 counted files (8 + 3 + 10 + 5 + 4 + 6 lines and
    // the 1-line config) and the lockfile, left out; o.ts (2 lines) is new.
    expect(report.pullRequests.find((pr) => pr.number === 6)).toMatchObject({
      lines: 8 + 3 + 10 + 5 + 4 + 6 + 1 + 2,
      files: 8,
      excludedFiles: 1,
      leadTimeHours: 0,
    });
  });

  it("asks for --branch when there is no default branch", async () => {
    history.git(["branch", "-q", "-m", "main", "trunk"]);
    try {
      const out = await run([]);
      expect(out).toMatchObject({
        code: 2,
        stderr:
          "shipgate: cannot find a default branch (no origin/HEAD, main or master): pass --branch REF\n",
      });
      expect((await run(["--branch", "trunk", "--format", "json"])).code).toBe(0);
    } finally {
      history.git(["branch", "-q", "-m", "trunk", "main"]);
    }
  });

  it("writes the same figures as markdown with -o", async () => {
    const out = await run(["--format", "markdown", "-o", "report.md"]);
    expect(out).toEqual({
      code: 0,
      stdout: "",
      stderr: "shipgate: wrote markdown report to report.md\n",
    });
    expect(readFileSync(join(history.dir, "report.md"), "utf8")).toBe(renderReportMarkdown(report));
  });
});
