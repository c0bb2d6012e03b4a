import {
  renderReportMarkdown,
  textBar,
} from "../../../shared/core/report/render-report-markdown.js";
import { makeReport } from "./make-report.js";

const GITHUB_BODY_LIMIT = 65_536;

describe("renderReportMarkdown", () => {
  const report = makeReport([
    {
      number: 1,
      title: "Add the parser",
      mergedAt: "2024-01-03T10:00:00Z",
      lines: 7,
      leadHours: 25,
    },
    { number: 2, title: "Lock deps", mergedAt: "2024-01-09T08:00:00Z", lines: 12, leadHours: 24 },
    {
      number: 3,
      title: "Generate the client",
      mergedAt: "2024-01-10T12:00:00Z",
      lines: 40,
      leadHours: null,
    },
  ]);
  const markdown = renderReportMarkdown(report);

  it("gives the headline figures and one row per week", () => {
    expect(markdown).toContain(
      "3 pull requests merged (2 merge commits, 1 squash merge), plus 0 other merges and 0 direct pushes. Lead time: median 24.5 h, p90 25 h (2 pull requests).",
    );
    expect(markdown).toContain("| 2024-01-01 | 1 | 7 | ██████████ |");
    expect(markdown).toContain("| 2024-01-08 | 2 | 52 | ████████████████████ |");
    expect(markdown).toContain(
      "| [#3](https://github.com/acme/shop/pull/3) | Generate the client | 40 | 1 |",
    );
    expect(markdown).toContain("1 squash merge has no lead time.");
  });

  it("encodes the repository in links: a remote URL is user input", () => {
    const odd = makeReport(
      [{ number: 4, title: "x", mergedAt: "2024-01-03T10:00:00Z", lines: 1, leadHours: 1 }],
      undefined,
      "acme/sh)op x",
    );
    expect(odd.pullRequests[0]?.url).toBe("https://github.com/acme/sh%29op%20x/pull/4");
    expect(renderReportMarkdown(odd)).toContain("[#4](https://github.com/acme/sh%29op%20x/pull/4)");
  });

  it.each([
    [0, 10, ""],
    [10, 10, "█".repeat(20)],
    [1, 1000, "▏"],
    [5, 8, `${"█".repeat(12)}▌`],
  ])("draws %d of %d as %j", (value, max, bar) => {
    expect(textBar(value, max)).toBe(bar);
  });

  it("stays within GitHub's limit and defuses hostile titles over a long period", () => {
    const hostile = `@acme/security <!-- x --> | ${"`*_[](<)>".repeat(2000)}`;
    const many = Array.from({ length: 3000 }, (_, i) => ({
      number: i + 1,
      title: hostile,
      mergedAt: new Date(Date.parse("2021-01-01T00:00:00Z") + i * 8 * 3600_000).toISOString(),
      lines: 10_000 + i,
      leadHours: i % 2 === 0 ? i : null,
    }));
    const big = renderReportMarkdown(
      makeReport(many, { from: "2021-01-01T00:00:00.000Z", to: "2024-01-01T00:00:00.000Z" }),
    );
    expect(big.length).toBeLessThan(GITHUB_BODY_LIMIT);
    expect(big).not.toMatch(/@acme/);
    expect(big).not.toContain("<!--");
    expect(big).toContain("earlier weeks are in the HTML and JSON reports");
    // Every table row keeps its columns: no title breaks out of its cell.
    for (const row of big.split("\n").filter((line) => line.startsWith("| ["))) {
      expect(row.split(/(?<!\\)\|/).length).toBe(6);
    }
  });
});
