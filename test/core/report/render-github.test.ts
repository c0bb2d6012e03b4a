import { renderReportHtml } from "../../../shared/core/report/render-report-html.js";
import { renderReportMarkdown } from "../../../shared/core/report/render-report-markdown.js";
import { sparkline } from "../../../shared/core/report/render-github-markdown.js";
import type { GitHubFacts } from "../../../shared/core/report/report-types.js";
import { makeReport } from "./make-report.js";

const facts = (over: Partial<GitHubFacts> = {}): GitHubFacts => ({
  openedAt: "2024-01-02T10:00:00Z",
  author: "ada",
  firstReviewAt: "2024-01-02T14:00:00Z",
  rules: [
    { rule: "size", outcome: "pass" },
    { rule: "coverage", outcome: "fail" },
  ],
  rulesFrom: "check-run",
  overrides: [],
  ...over,
});
const specs = [
  { number: 1, title: "A", mergedAt: "2024-01-03T10:00:00Z", lines: 7, leadHours: 25 },
  { number: 2, title: "B", mergedAt: "2024-01-09T08:00:00Z", lines: 600, leadHours: 24 },
];
const hostile = {
  rule: "coverage" as const,
  by: "@acme/security",
  at: "2024-01-09T07:00:00Z",
  reason: `<script>x</script> | ${"*_`[".repeat(500)}`,
};
const report = makeReport(specs, undefined, "acme/shop", {
  facts: new Map([
    [1, facts()],
    [2, facts({ firstReviewAt: null, overrides: [hostile] })],
  ]),
  requests: 8,
});

describe("the GitHub sections", () => {
  it("give first review, rule outcomes and overrides in markdown", () => {
    const markdown = renderReportMarkdown(report);
    expect(markdown).toContain("median 4 h, p90 4 h (1 reviewed of 2 read from GitHub)");
    expect(markdown).toContain("| `coverage` | 0 | 0 | 2 | 0 | 0 | 0 | `██   ` |");
    expect(markdown).toContain("| #2 | `coverage` | @\u200d");
    expect(markdown).not.toContain("<script>");
  });

  it("stay within GitHub's limit with many hostile overrides", () => {
    const many = makeReport(specs, undefined, "acme/shop", {
      facts: new Map([[2, facts({ overrides: Array.from({ length: 5000 }, () => hostile) })]]),
      requests: 4,
    });
    const markdown = renderReportMarkdown(many);
    expect(markdown.length).toBeLessThan(65_536);
    expect(markdown).toContain("_4950 more overrides are in the JSON report._");
  });

  it("add two charts with tables and an overrides table to the HTML", () => {
    const html = renderReportHtml(report);
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html).toContain('<title id="chart-rules-title">');
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(html).not.toContain("<script>");
  });

  it.each([
    [[0, 0], "  "],
    [[1, 2, 4, 8], "▁▂▄█"],
    [[0, 3], " █"],
  ])("sparkline %j", (values, line) => {
    expect(sparkline(values)).toBe(line);
  });
});
