import { parseCliArgs } from "../../../cli/args.js";
import { resolvePeriod } from "../../../cli/report/resolve-period.js";

const NOW = Date.parse("2024-03-10T12:00:00Z");
const period = (since: string | null, days: number | null, until: string | null) => {
  const { from, to } = resolvePeriod({ since, days, until }, NOW);
  return [new Date(from).toISOString(), new Date(to).toISOString()];
};

describe("shipgate report arguments", () => {
  it("defaults to markdown on stdout for the default branch", () => {
    expect(parseCliArgs(["report"])).toEqual({
      command: "report",
      repo: null,
      since: null,
      days: null,
      until: null,
      branch: null,
      format: "markdown",
      output: null,
      github: false,
      maxRequests: 1000,
    });
  });

  it("reads every option", () => {
    expect(
      parseCliArgs([
        "report",
        "--repo",
        "r",
        "--days",
        "7",
        "--until",
        "2024-01-31",
        "--branch",
        "dev",
        "--format",
        "html",
        "-o",
        "x.html",
      ]),
    ).toMatchObject({
      repo: "r",
      days: 7,
      until: "2024-01-31",
      branch: "dev",
      format: "html",
      output: "x.html",
    });
  });

  it("reads --github and its request budget", () => {
    expect(parseCliArgs(["report", "--github", "--max-requests", "40"])).toMatchObject({
      github: true,
      maxRequests: 40,
    });
  });

  it.each([
    [["--format", "pdf"], "--format must be one of html, markdown, json, not 'pdf'"],
    [["--days", "0"], "--days must be a whole number of days above 0, not '0'"],
    [["--days", "1.5"], "--days must be a whole number of days above 0, not '1.5'"],
    [["--since", "2024-01-01", "--days", "3"], "use either --since or --days, not both"],
    [["--max-requests", "5"], "--max-requests goes with --github"],
    [["--github", "--max-requests", "0"], "--max-requests must be a whole number above 0, not '0'"],
  ])("rejects %j", (args, message) => {
    expect(() => parseCliArgs(["report", ...args])).toThrow(
      `${message}\nRun 'shipgate report --help' for usage.`,
    );
  });
});

describe("the report's period", () => {
  it.each([
    [null, null, null, ["2023-12-11T12:00:00.000Z", "2024-03-10T12:00:00.000Z"]],
    [null, 7, null, ["2024-03-03T12:00:00.000Z", "2024-03-10T12:00:00.000Z"]],
    ["2024-01-01", null, "2024-01-31", ["2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z"]],
    [
      "2024-01-01T08:00",
      null,
      "2024-01-02T09:30:00+02:00",
      ["2024-01-01T08:00:00.000Z", "2024-01-02T07:30:00.000Z"],
    ],
    [null, 2, "2024-01-31", ["2024-01-30T00:00:00.000Z", "2024-02-01T00:00:00.000Z"]],
  ])("--since %s --days %s --until %s", (since, days, until, expected) => {
    expect(period(since, days, until)).toEqual(expected);
  });

  it.each([
    ["last week", null, "--since must be a date (YYYY-MM-DD) or an ISO 8601 time, not 'last week'"],
    ["2024-02-01", "2024-01-01", "the period is empty: --since must be before --until"],
  ])("rejects --since %s --until %s", (since, until, message) => {
    expect(() => period(since, null, until)).toThrow(message);
  });
});
