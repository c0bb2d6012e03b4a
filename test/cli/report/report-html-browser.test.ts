// The HTML report in a real browser (Debian's chromium, driven by playwright-core): no console
// errors, no request beyond the page itself, every chart drawn at a real size, light and dark.
// Screenshots land in test-artifacts/. Without chromium the suite is skipped with one line.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { main } from "../../../cli/main.js";
import { makeReportHistory } from "../../../scripts/bench/make-report-history.js";
import { makeIo } from "../make-git-repo.js";

const CHROMIUM = process.env.SHIPGATE_CHROMIUM ?? "/usr/bin/chromium";
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
const available = existsSync(CHROMIUM);
if (!available) {
  process.stderr.write(
    `SKIPPED the HTML report browser test: no chromium at ${CHROMIUM} (apt-get install chromium)\n`,
  );
}

(available ? describe : describe.skip)("the HTML report in headless Chromium", () => {
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

  it.each(["light", "dark"] as const)(
    "renders in %s mode without errors",
    async (colorScheme) => {
      const context = await browser.newContext({
        colorScheme,
        viewport: { width: 1200, height: 900 },
      });
      const tab = await context.newPage();
      const problems: string[] = [];
      tab.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning")
          problems.push(message.text());
      });
      tab.on("pageerror", (error) => problems.push(error.message));
      const url = pathToFileURL(page).href;
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
          return {
            id: svg.id,
            width: box.width,
            height: box.height,
            bars: bars.length,
            title: svg.querySelector("title")?.textContent,
          };
        }),
      );
      expect(charts.map((chart) => chart.id)).toEqual([
        "chart-weeks",
        "chart-sizes",
        "chart-lead-time",
      ]);
      for (const chart of charts) {
        expect(chart.width).toBeGreaterThan(100);
        expect(chart.height).toBeGreaterThan(50);
        expect(chart.bars).toBeGreaterThan(0);
        expect(chart.title).toBeTruthy();
      }
      const background = await tab.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(colorScheme === "dark" ? "rgb(13, 17, 23)" : "rgb(255, 255, 255)");
      mkdirSync(ARTIFACTS, { recursive: true });
      const shot = await tab.screenshot({ fullPage: true });
      writeFileSync(join(ARTIFACTS, `report-${colorScheme}.png`), shot);
      expect(readFileSync(join(ARTIFACTS, `report-${colorScheme}.png`)).length).toBeGreaterThan(
        10_000,
      );
      expect(problems).toEqual([]);
      await context.close();
    },
    60_000,
  );
});
