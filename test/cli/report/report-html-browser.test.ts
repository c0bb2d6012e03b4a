// The HTML report in a real browser (Debian's chromium, driven by playwright-core): no console
// errors, no request beyond the page itself, every chart drawn at a real size, light and dark.
// Screenshots land in test-artifacts/. Without chromium the suite is skipped with one line.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { main } from "../../../cli/main.js";
import { renderReportHtml } from "../../../shared/core/report/render-report-html.js";
import type { GitHubFacts } from "../../../shared/core/report/report-types.js";
import { makeReport } from "../../core/report/make-report.js";
import { makeReportHistory } from "../../../scripts/bench/make-report-history.js";
import { describeIfFound, findOnPath } from "../../helpers/needs-program.js";
import { makeIo } from "../make-git-repo.js";

const CHROMIUM = process.env.SHIPGATE_CHROMIUM ?? findOnPath("chromium");
const ARTIFACTS = join(process.cwd(), "test-artifacts");
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const describeChromium = describeIfFound({
  program: "chromium",
  found: CHROMIUM !== undefined && existsSync(CHROMIUM) ? CHROMIUM : undefined,
  suite: "the HTML report browser test (test/cli/report/report-html-browser.test.ts)",
  install: "apt-get install chromium (or SHIPGATE_CHROMIUM=/path/to/chromium)",
});

describeChromium("the HTML report in headless Chromium", () => {
  let browser: Browser;
  let page: string;
  let dir: string;

  beforeAll(async () => {
    const history = makeReportHistory(60);
    dir = history.dir;
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
    const t = makeIo(history.dir, { env });
    await main(
      [
        "report",
        "--since",
        "2020-01-01",
        "--until",
        "2020-01-31",
        "--format",
        "html",
        "-o",
        "report.html",
      ],
      t.io,
    );
    expect(t.stderr()).toBe("shipgate: wrote html report to report.html\n");
    page = join(history.dir, "report.html");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const GIT_CHARTS = ["chart-weeks", "chart-sizes", "chart-lead-time"];

  it.each(["light", "dark"] as const)(
    "renders in %s mode without errors",
    async (colorScheme) => {
      await checkPage(page, colorScheme, GIT_CHARTS, `report-${colorScheme}.png`);
    },
    60_000,
  );

  it("renders the GitHub charts too", async () => {
    const file = join(dir, "github.html");
    writeFileSync(file, renderReportHtml(githubReport()));
    const ids = [...GIT_CHARTS, "chart-first-review", "chart-rules"];
    await checkPage(file, "light", ids, "report-github.png");
  }, 60_000);

  async function checkPage(
    file: string,
    colorScheme: "light" | "dark",
    chartIds: string[],
    shotName: string,
  ): Promise<void> {
    const context = await browser.newContext({
      colorScheme,
      viewport: { width: 1200, height: 900 },
    });
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
    });
    tab.on("pageerror", (error) => problems.push(error.message));
    const url = pathToFileURL(file).href;
    tab.on("request", (request) => {
      if (request.url() !== url) problems.push(`request: ${request.url()}`);
    });
    await tab.goto(url, { waitUntil: "load" });

    const charts = await tab.$$eval("svg.chart", (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const bars = [...svg.querySelectorAll("rect.bar")].filter(
          (bar) => bar.getBoundingClientRect().height > 0,
        );
        const title = svg.querySelector("title")?.textContent;
        return { id: svg.id, width: box.width, height: box.height, bars: bars.length, title };
      }),
    );
    expect(charts.map((chart) => chart.id)).toEqual(chartIds);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(100);
      expect(chart.height).toBeGreaterThan(50);
      expect(chart.bars).toBeGreaterThan(0);
      expect(chart.title).toBeTruthy();
    }
    const background = await tab.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === "dark" ? "rgb(13, 17, 23)" : "rgb(255, 255, 255)");
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, shotName), await tab.screenshot({ fullPage: true }));
    expect(readFileSync(join(ARTIFACTS, shotName)).length).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await context.close();
  }
});

function githubReport() {
  const specs = [
    {
      number: 1,
      title: "Add the parser",
      mergedAt: "2024-01-03T10:00:00Z",
      lines: 7,
      leadHours: 25,
    },
    { number: 2, title: "Lock deps", mergedAt: "2024-01-09T08:00:00Z", lines: 60, leadHours: 30 },
    { number: 3, title: "Import", mergedAt: "2024-01-19T08:00:00Z", lines: 600, leadHours: 80 },
  ];
  const facts = (hours: number, outcome: "pass" | "warn" | "fail"): GitHubFacts => ({
    openedAt: "2024-01-01T00:00:00Z",
    author: "ada",
    firstReviewAt: new Date(Date.parse("2024-01-01T00:00:00Z") + hours * 3600_000).toISOString(),
    rules: [
      { rule: "size", outcome },
      { rule: "coverage", outcome: "pass" },
    ],
    rulesFrom: "check-run",
    overrides:
      outcome === "fail"
        ? [{ rule: "size", by: "lead", at: "2024-01-19T07:00:00Z", reason: "A vendored import" }]
        : [],
  });
  return makeReport(specs, undefined, "acme/shop", {
    facts: new Map([
      [1, facts(2, "pass")],
      [2, facts(6, "warn")],
      [3, facts(30, "fail")],
    ]),
    requests: 12,
  });
}
