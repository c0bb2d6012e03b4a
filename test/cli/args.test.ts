import { parseCliArgs } from "../../cli/args.js";
import { isCliError } from "../../cli/cli-error.js";

function usageErrorOf(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    if (isCliError(error) && error.cliExitCode === 2) return error.message;
    throw error;
  }
  throw new Error(`expected a usage error for ${argv.join(" ")}`);
}

describe("parseCliArgs", () => {
  it("reads every check option", () => {
    expect(
      parseCliArgs([
        "check",
        "--base=origin/main",
        "--head",
        "topic",
        "--title",
        "Add cart",
        "--body-file",
        "-",
        "--label",
        "risk:high",
        "--label",
        "ui",
        "--coverage",
        "a/lcov.info",
        "--coverage",
        "b/**/*.xml",
        "--config",
        "gate.yml",
        "--format",
        "json",
        "--repo",
        "../shop",
      ]),
    ).toEqual({
      command: "check",
      base: "origin/main",
      head: "topic",
      title: "Add cart",
      body: { kind: "file", path: "-" },
      labels: ["risk:high", "ui"],
      coverage: ["a/lcov.info", "b/**/*.xml"],
      config: "gate.yml",
      format: "json",
      repo: "../shop",
    });
  });

  it("defaults check to text output, no body and no overrides", () => {
    expect(parseCliArgs(["check"])).toEqual({
      command: "check",
      base: null,
      head: null,
      title: null,
      body: null,
      labels: [],
      coverage: [],
      config: null,
      format: "text",
      repo: null,
    });
  });

  it.each([
    [["init"], { command: "init", force: false, repo: null }],
    [["init", "--force", "--repo", "x"], { command: "init", force: true, repo: "x" }],
    [["validate"], { command: "validate", file: null, repo: null }],
    [["validate", "my.yml"], { command: "validate", file: "my.yml", repo: null }],
    [
      ["check", "--body", "text"],
      expect.objectContaining({ body: { kind: "text", text: "text" } }),
    ],
    [["--help"], { command: "help", topic: null }],
    [["-h"], { command: "help", topic: null }],
    [["help", "check"], { command: "help", topic: "check" }],
    [["check", "--help"], { command: "help", topic: "check" }],
    [["init", "-h"], { command: "help", topic: "init" }],
    [["validate", "--help"], { command: "help", topic: "validate" }],
    [["--version"], { command: "version" }],
  ])("%j", (argv, expected) => {
    expect(parseCliArgs(argv)).toEqual(expected);
  });

  it.each([
    [[], /missing command/],
    [["deploy"], /unknown command 'deploy'/],
    [["--verbose"], /unknown option '--verbose'/],
    [["check", "--bas", "main"], /unknown option '--bas'/],
    [["check", "--base"], /option '--base' needs a value/],
    [["check", "--base", "--head", "x"], /option '--base' needs a value/],
    [["check", "--format", "xml"], /--format must be one of text, markdown, json, not 'xml'/],
    [["check", "--body", "a", "--body-file", "b"], /either --body or --body-file/],
    [["check", "extra"], /unexpected argument 'extra'/],
    [["init", "--force=yes"], /option '--force' does not take a value/],
    [["validate", "a.yml", "b.yml"], /at most one FILE/],
  ])("rejects %j", (argv, message) => {
    const error = usageErrorOf(argv);
    expect(error).toMatch(message);
    expect(error).toMatch(/Run 'shipgate( \w+)? --help' for usage\./);
  });
});
