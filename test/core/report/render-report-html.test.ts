import { renderReportHtml } from "../../../shared/core/report/render-report-html.js";
import { niceMax } from "../../../shared/core/report/render-svg-bar-chart.js";
import { makeReport } from "./make-report.js";

describe("renderReportHtml", () => {
  const html = renderReportHtml(
    makeReport([
      {
        number: 1,
        title: '<script>alert(1)</script> & "quotes"\u0001',
        mergedAt: "2024-01-03T10:00:00Z",
        lines: 7,
        leadHours: 25,
      },
      {
        number: 2,
        title: "Lock deps",
        mergedAt: "2024-01-09T08:00:00Z",
        lines: 600,
        leadHours: 24,
      },
    ]),
  );

  it("loads nothing from anywhere: no script, no external reference, a CSP that forbids it", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(?:src|href)="(?!https:\/\/github\.com\/acme\/shop\/pull\/)/);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`,
    );
  });

  it("escapes titles", () => {
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;<");
    expect(html).not.toContain("\u0001");
  });

  it("gives each chart a title, a description and a table beside it", () => {
    const charts = html.match(/<svg [^>]*>/g) ?? [];
    expect(charts).toHaveLength(3);
    for (const id of ["chart-weeks", "chart-sizes", "chart-lead-time"]) {
      expect(html).toContain(`<title id="${id}-title">`);
      expect(html).toContain(`<desc id="${id}-desc">`);
    }
    expect(html.match(/<figure>/g)).toHaveLength(3);
    expect(html.match(/<table>/g)).toHaveLength(4);
    expect(html).toContain('<td>XL</td><td>501–1,000 lines</td><td class="n">1</td>');
  });

  it("has light and dark colours", () => {
    expect(html).toContain("@media (prefers-color-scheme: dark)");
  });

  it.each([
    [0, 1],
    [3, 5],
    [78, 100],
    [100, 100],
    [101, 200],
    [0.3, 0.5],
  ])("rounds an axis maximum of %d up to %d", (value, max) => {
    expect(niceMax(value)).toBe(max);
  });

  it.each([
    [0, 4],
    [1, 4],
    [5, 8],
    [9, 20],
    [78, 80],
    [81, 100],
    [101, 200],
    [350, 400],
  ])("rounds a count maximum of %d up to %d, a multiple of 4", (value, max) => {
    expect(niceMax(value, true)).toBe(max);
  });
});
