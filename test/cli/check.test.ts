// `shipgate check` end to end in real git repositories, through main() with injected I/O.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../cli/main.js";
import { lines, makeGitRepo, makeIo, type Files, type TestRepo } from "./make-git-repo.js";

const CONFIG = ".github/shipgate.yml";
/** Small limits so a few lines decide; rules that read the PR body are off unless a test turns them on. */
const gateConfig = `rules:
  size: { max-lines: 20, warn-lines: 10, max-files: 5, warn-files: 3 }
  coverage: { min-patch: 80, min-coverable-lines: 1, missing-report: skip }
  rollout-notes: { level: "off" }
  linked-risks: { level: "off" }
`;

const repos: TestRepo[] = [];
function repo(head: Files, base: Files = {}, message?: string): TestRepo {
  const made = makeGitRepo({ [CONFIG]: gateConfig, "src/a.js": lines(5), ...base }, head, message);
  repos.push(made);
  return made;
}
afterAll(() => repos.forEach((r) => r.remove()));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function check(
  r: TestRepo,
  args: string[] = [],
  io: Parameters<typeof makeIo>[1] = {},
): Promise<Run> {
  const t = makeIo(r.dir, { env: r.env, ...io });
  const code = await main(["check", "--base", "main", ...args], t.io);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

interface JsonRule {
  id: string;
  status: string;
  level: string;
  summary: string;
  details: string;
  metrics: Record<string, unknown>;
}
interface JsonVerdict {
  version: number;
  conclusion: string;
  riskLevel: string | null;
  rules: JsonRule[];
  notes: string[];
}

async function checkJson(r: TestRepo, args: string[] = [], io: Parameters<typeof makeIo>[1] = {}) {
  const run = await check(r, ["--format", "json", ...args], io);
  if (!run.stdout.startsWith("{"))
    throw new Error(`exit ${run.code}, no JSON; stderr: ${run.stderr}`);
  const verdict = JSON.parse(run.stdout) as JsonVerdict;
  const rule = (id: string): JsonRule => {
    const found = verdict.rules.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no ${id} rule in ${run.stdout}`);
    return found;
  };
  return { ...run, verdict, rule };
}

function lcov(path: string, hits: Record<number, number>): string {
  const records = Object.entries(hits).map(([line, count]) => `DA:${line},${count}`);
  return ["TN:", `SF:${path}`, ...records, "end_of_record", ""].join("\n");
}

describe("exit codes and the JSON contract", () => {
  it("exits 0 and reports the size of a small pull request", async () => {
    const r = repo({ "src/a.js": lines(8) });
    const { code, stderr, verdict, rule } = await checkJson(r);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(verdict).toMatchObject({
      version: 1,
      conclusion: "success",
      riskLevel: null,
      notes: [],
    });
    for (const result of verdict.rules) {
      expect(result).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          status: expect.stringMatching(/^(pass|warn|fail|skip|pending)$/),
          level: expect.stringMatching(/^(block|warn|off)$/),
          summary: expect.any(String),
          metrics: expect.any(Object),
        }),
      );
    }
    expect(verdict.rules.map((result) => result.id)).toEqual(
      expect.arrayContaining(["size", "coverage", "rollout-notes", "linked-risks"]),
    );
    expect(rule("size")).toMatchObject({
      status: "pass",
      level: "block",
      metrics: { lines: 3, files: 1, excludedFiles: 0, bucket: expect.any(String) },
    });
  });

  it("exits 1 when a blocking rule fails", async () => {
    const r = repo({ "src/a.js": lines(40) });
    const { code, verdict, rule } = await checkJson(r);
    expect(code).toBe(1);
    expect(verdict.conclusion).toBe("failure");
    expect(rule("size")).toMatchObject({ status: "fail", metrics: { lines: 35, files: 1 } });
  });

  it("does not count lockfiles and linguist-generated files from the base's .gitattributes", async () => {
    const r = repo(
      { "package-lock.json": lines(500), "gen/api.js": lines(500), "src/a.js": lines(6) },
      { ".gitattributes": "gen/** linguist-generated\n" },
    );
    const { code, rule } = await checkJson(r);
    expect(code).toBe(0);
    expect(rule("size").metrics).toMatchObject({ lines: 1, files: 1, excludedFiles: 2 });
  });

  it("measures patch coverage of the changed lines from a report on disk", async () => {
    const r = repo({ "src/a.js": lines(9) });
    r.write({ "coverage/lcov.info": lcov("src/a.js", { 1: 1, 6: 3, 7: 1, 8: 0, 9: 0 }) });
    const { code, rule } = await checkJson(r, ["--coverage", "coverage/lcov.info"]);
    expect(code).toBe(1);
    expect(rule("coverage")).toMatchObject({
      status: "fail",
      metrics: {
        patchCoverage: 50,
        coverableLines: 4,
        coveredLines: 2,
        uncovered: [{ path: "src/a.js", lines: [8, 9] }],
      },
    });
  });

  it("finds reports with the config's globs, relative to the repository root, from a subdirectory", async () => {
    const config = gateConfig.replace(
      "missing-report: skip",
      'missing-report: skip, reports: ["packages/*/coverage/lcov.info"]',
    );
    const r = repo({ "src/a.js": lines(7) }, { [CONFIG]: config });
    r.write({ "packages/web/coverage/lcov.info": lcov(join(r.dir, "src/a.js"), { 6: 1, 7: 1 }) });
    const t = makeIo(join(r.dir, "src"), { env: r.env });
    expect(await main(["check", "--base", "main", "--format", "json"], t.io)).toBe(0);
    const coverage = (JSON.parse(t.stdout()) as JsonVerdict).rules.find(
      (rule) => rule.id === "coverage",
    );
    expect(coverage?.metrics).toMatchObject({
      patchCoverage: 100,
      coverableLines: 2,
      coveredLines: 2,
    });
  });
});

describe("the base", () => {
  it("defaults to main", async () => {
    const r = repo({ "src/a.js": lines(40) });
    const t = makeIo(r.dir, { env: r.env });
    expect(await main(["check", "--format", "json"], t.io)).toBe(1);
    expect(t.stderr()).toBe("");
  });

  it("judges committed changes only", async () => {
    const r = repo({ "src/a.js": lines(6) });
    r.write({ "src/a.js": lines(400) });
    const { code, rule } = await checkJson(r);
    expect(code).toBe(0);
    expect(rule("size").metrics).toMatchObject({ lines: 1 });
  });
});

describe("the files shipgate init writes", () => {
  it("make a pull request pass once the template is filled in, and fail while it is not", async () => {
    const r = makeGitRepo({ "README.md": "hi\n" }, null);
    repos.push(r);
    expect(await main(["init"], makeIo(r.dir, { env: r.env }).io)).toBe(0);
    r.commit("Add shipgate", {});
    r.git("checkout", "-q", "-b", "feature");
    r.commit("Add a", { "a.txt": lines(30) });
    const template = readFileSync(join(r.dir, ".github/pull_request_template.md"), "utf8");
    const filled = template
      .replace(/^- Plan: .*$/m, "- Plan: ship to everyone with the next weekly release")
      .replace(/^- Rollback: .*$/m, "- Rollback: revert the commit and redeploy; no data changes")
      .replace(/^- Feature flag: .*$/m, "- Feature flag: N/A: a text file only")
      .replace(/^- Monitoring: .*$/m, "- Monitoring: watch the error-rate dashboard for an hour")
      .replace(/^Risk: .*$/m, "Risk: low")
      .replace(/^Link:.*$/m, "Link: #12");
    r.write({ "unfilled.md": template, "filled.md": filled });

    const unfilled = await checkJson(r, ["--body-file", "unfilled.md"]);
    expect(unfilled.code).toBe(1);
    expect(unfilled.rule("rollout-notes").status).toBe("fail");

    const done = await checkJson(r, ["--body-file", "filled.md"]);
    expect(done.code).toBe(0);
    expect(done.verdict.riskLevel).toBe("low");
    expect(done.rule("rollout-notes").status).toBe("pass");
  });
});

describe("coverage reports that cannot be used", () => {
  it("names each bad report, still uses the good one, and fails", async () => {
    const r = repo({ "src/a.js": lines(7) });
    r.write({
      "coverage/good.info": lcov("src/a.js", { 6: 1, 7: 1 }),
      "coverage/garbage.info": "this is not a coverage report\n".repeat(10),
      "coverage/binary.info": Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00]),
    });
    mkdirSync(join(r.dir, "coverage/unreadable.info"));
    const { code, rule } = await checkJson(r, [
      "--coverage",
      "coverage/*.info",
      "--coverage",
      "coverage/unreadable.info",
    ]);
    expect(code).toBe(1);
    const coverage = rule("coverage");
    expect(coverage.status).toBe("fail");
    expect(coverage.metrics).toMatchObject({ patchCoverage: 100, coverableLines: 2 });
    expect(coverage.metrics["reports"]).toHaveLength(4);
    expect(coverage.summary).toMatch(/3 reports could not be used/);
    for (const name of ["garbage.info", "binary.info", "unreadable.info"]) {
      expect(coverage.details).toContain(name);
    }
    expect(coverage.details).toContain("binary file, not a coverage report");
    expect(coverage.details).toContain("is not a regular file \\(a directory\\)");
  });

  it("names the --coverage patterns it looked for when none matched", async () => {
    const config = gateConfig.replace("missing-report: skip", "missing-report: fail");
    const r = repo({ "src/a.js": lines(7) }, { [CONFIG]: config });
    const { code, rule } = await checkJson(r, ["--coverage", "out/**/lcov.info"]);
    expect(code).toBe(1);
    expect(rule("coverage").status).toBe("fail");
    expect(rule("coverage").details).toContain("out/**/lcov.info");
    expect(rule("coverage").details).not.toContain("coverage/lcov.info");
  });

  it("reads a large report", async () => {
    const r = repo({ "src/a.js": lines(7) });
    const many = Array.from({ length: 20000 }, (_, i) =>
      lcov(`src/file${i}.js`, { 1: 1, 2: 0, 3: 4 }),
    ).join("");
    r.write({ "coverage/lcov.info": many + lcov("src/a.js", { 6: 1, 7: 0 }) });
    const { code, rule } = await checkJson(r);
    expect(code).toBe(1);
    expect(rule("coverage").metrics).toMatchObject({
      patchCoverage: 50,
      uncovered: [{ path: "src/a.js", lines: [7] }],
    });
  });
});

describe("the configuration", () => {
  it("is read from the base: a branch that loosens it is judged by the old one, and told so", async () => {
    const loose = gateConfig.replace("max-lines: 20", "max-lines: 1000");
    const r = repo({ [CONFIG]: loose, "src/a.js": lines(40) });
    const { code, verdict, rule } = await checkJson(r);
    expect(code).toBe(1);
    expect(rule("size").status).toBe("fail");
    expect(verdict.notes.join("\n")).toMatch(/changes the shipgate configuration.*not applied/);
  });

  it("comes from disk with --config, relative to the current directory", async () => {
    const r = repo({ "src/a.js": lines(40) });
    r.write({ "loose.yml": gateConfig.replace("max-lines: 20", "max-lines: 1000") });
    const { code, rule } = await checkJson(r, ["--config", "loose.yml"]);
    expect(code).toBe(0);
    expect(rule("size").status).toBe("warn");
  });

  it("warns that extends is for the App, and still judges with the file", async () => {
    const r = repo({ "src/a.js": lines(6) }, { [CONFIG]: "extends: acme/.github\n" });
    const { code, stderr } = await check(r, ["--format", "json"]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      "shipgate: warning: .github/shipgate.yml: extends is applied by the GitHub App only; the CLI uses this file alone\n",
    );
  });

  it("uses the defaults when the base has none", async () => {
    const r = makeGitRepo({ "src/a.js": lines(5) }, { "src/a.js": lines(40) });
    repos.push(r);
    const { rule } = await checkJson(r);
    expect(rule("size")).toMatchObject({ status: "pass", level: "block", metrics: { lines: 35 } });
  });

  it.each([
    [
      "malformed YAML",
      "rules:\n  size: { max-lines: 20\n",
      /^\.github\/shipgate\.yml:\d+:\d+ invalid YAML: .+\n/,
    ],
    [
      "an unknown key",
      "rules:\n  size:\n    max-line: 20\n",
      /^\.github\/shipgate\.yml:3:5 rules\.size\.max-line unknown key; did you mean "max-lines"\?\n/,
    ],
  ])("at the base with %s stops with exit 2, line and column", async (_name, text, firstLine) => {
    const r = repo({ "src/a.js": lines(6) }, { [CONFIG]: text });
    const { code, stdout, stderr } = await check(r);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(firstLine);
    expect(stderr).toMatch(
      /\nshipgate: invalid configuration in \.github\/shipgate\.yml at main \(the base branch\); fix it there and run again\n$/,
    );
  });
});

describe("pull request details", () => {
  it("takes the body from the head commit's message by default", async () => {
    const r = repo({ "src/a.js": lines(6) }, {}, "Add a line\n\nRisk: high");
    expect((await checkJson(r)).verdict.riskLevel).toBe("high");
  });

  it.each([
    ["--body", (_r: TestRepo) => ["--body", "Risk: high"], undefined],
    [
      "--body-file",
      (r: TestRepo) => (r.write({ "body.md": "Risk: high\n" }), ["--body-file", "body.md"]),
      undefined,
    ],
    ["--body-file - (stdin)", (_r: TestRepo) => ["--body-file", "-"], "Risk: high\n"],
    ["--label", (_r: TestRepo) => ["--label", "risk:high"], undefined],
  ])("takes the risk level from %s", async (_name, argsOf, stdin) => {
    const r = repo({ "src/a.js": lines(6) });
    const { verdict } = await checkJson(r, argsOf(r), stdin === undefined ? {} : { stdin });
    expect(verdict.riskLevel).toBe("high");
  });

  it("reads a 10 MB body", async () => {
    const r = repo({ "src/a.js": lines(6) });
    const paragraph = "We roll this out behind a flag and watch the dashboards closely. ".repeat(
      16,
    );
    r.write({
      "body.md": `Risk: low\n\n${`${paragraph}\n\n`.repeat((10 * 1024 * 1024) / (paragraph.length + 2))}`,
    });
    const started = Date.now();
    const { code, verdict } = await checkJson(r, ["--body-file", "body.md"]);
    expect(code).toBe(0);
    expect(verdict.riskLevel).toBe("low");
    expect(Date.now() - started).toBeLessThan(20000);
  });
});

describe("dependencies and focus from git alone", () => {
  it("says a dependency is not verified: only GitHub knows its state", async () => {
    const r = repo({ "src/a.js": lines(6) }, {}, "Add a line\n\nDepends on acme/shop#12");
    const { rule } = await checkJson(r);
    expect(rule("dependencies")).toMatchObject({
      status: "warn",
      level: "block",
      summary: "1 dependency, 1 not verified",
      metrics: { dependencies: [{ ref: "acme/shop#12", state: "unverified" }], verified: false },
    });
  });

  it("sees a base branch other than the default one: the pull request it may be stacked on is not verified", async () => {
    // main ← feature ← cart-page, checked against feature.
    const r = repo({ "src/a.js": lines(6) });
    r.git("checkout", "-q", "-b", "cart-page");
    r.commit("Cart page", { "src/a.js": lines(7) });
    const stacked = await checkJson(r, ["--base", "feature"]);
    expect(stacked.rule("dependencies")).toMatchObject({
      status: "warn",
      summary: "1 dependency, 1 not verified",
      metrics: { dependencies: [{ ref: "feature", state: "unverified", stackedOn: "feature" }] },
    });
    expect(stacked.rule("dependencies").details).toContain(
      "| the pull request from `feature` (stacked) | not verified |",
    );
    // Against the default branch, a commit or a tag — even one named like the folder of
    // branches below it (release/1.0) — nothing is stacked.
    r.git("tag", "release", "main");
    r.git("branch", "release/1.0", "main");
    for (const base of ["main", r.git("rev-parse", "main").trim(), "release"]) {
      const plain = await checkJson(r, ["--base", base]);
      expect(plain.rule("dependencies").summary).toBe("no dependencies declared");
    }
  });

  it("finds mixed concerns in the changed files, and leaves the rest not verified", async () => {
    const r = repo({
      "a/x.js": lines(1),
      "b/y.js": lines(1),
      "c/z.js": lines(1),
      "d/w.js": lines(1),
    });
    const { rule } = await checkJson(r);
    expect(rule("focus")).toMatchObject({ status: "fail", level: "warn" });
    expect(rule("focus").summary).toBe(
      "mixed concerns: 4 areas, at most 3; work in progress not verified; waiting time not verified",
    );
  });
});

describe("output formats", () => {
  it.each([
    ["a terminal", { isTTY: true }, true],
    ["a terminal with NO_COLOR", { isTTY: true, env: { NO_COLOR: "1" } }, false],
    ["a pipe", { isTTY: false }, false],
  ])("text on %s uses colour: %s", async (_name, io, colour) => {
    const r = repo({ "src/a.js": lines(40) });
    const run = await check(r, [], { ...io, env: { ...r.env, ...("env" in io ? io.env : {}) } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/size/i);
    // eslint-disable-next-line no-control-regex
    expect(/\u001b\[/.test(run.stdout)).toBe(colour);
  });

  it("markdown is the pull request comment", async () => {
    const r = repo({ "src/a.js": lines(40) });
    const { code, stdout } = await check(r, ["--format", "markdown"]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/<!--\s*shipgate/);
    expect(stdout).toMatch(/Too large/);
  });
});

describe("errors a user can cause exit 2 with one clear line", () => {
  it.each([
    [
      "an unknown base",
      ["--base", "nope"],
      /^shipgate: unknown revision 'nope' \(git: fatal: .+\)\n$/,
    ],
    [
      "an unknown head",
      ["--head", "nope"],
      /^shipgate: unknown revision 'nope' \(git: fatal: .+\)\n$/,
    ],
    [
      "a missing --config",
      ["--config", "none.yml"],
      /^shipgate: cannot read --config none\.yml: no such file\n$/,
    ],
    [
      "a missing --body-file",
      ["--body-file", "none.md"],
      /^shipgate: cannot read --body-file none\.md: no such file\n$/,
    ],
    [
      "a bad --format",
      ["--format", "xml"],
      /^shipgate: --format must be one of text, markdown, json, not 'xml'\nRun 'shipgate check --help' for usage\.\n$/,
    ],
  ])("%s", async (_name, args, stderr) => {
    const r = repo({ "src/a.js": lines(6) });
    const run = await check(r, args);
    expect(run).toEqual({ code: 2, stdout: "", stderr: expect.stringMatching(stderr) });
  });

  it("outside a git repository", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shipgate-nogit-"));
    try {
      writeFileSync(join(dir, "a.txt"), "a\n");
      const t = makeIo(dir, { env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() } });
      expect(await main(["check"], t.io)).toBe(2);
      expect(t.stderr()).toBe(
        `shipgate: not a git repository: ${dir} (run inside a git checkout or pass --repo DIR)\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a --repo that does not exist", async () => {
    const t = makeIo(tmpdir());
    expect(await main(["check", "--repo", "/nonexistent/shop"], t.io)).toBe(2);
    expect(t.stderr()).toBe("shipgate: no such directory: /nonexistent/shop\n");
  });

  it("runs on another directory with --repo", async () => {
    const r = repo({ "src/a.js": lines(40) });
    const t = makeIo(tmpdir(), { env: r.env });
    expect(await main(["check", "--repo", r.dir, "--base", "main"], t.io)).toBe(1);
  });
});

describe("main", () => {
  it.each([
    [["--help"], /^shipgate — a delivery quality gate/],
    [["check", "--help"], /^Usage: shipgate check \[options\]/],
    [["init", "--help"], /^Usage: shipgate init/],
    [["validate", "-h"], /^Usage: shipgate validate/],
    [["--version"], /^\d+\.\d+\.\d+\n$/],
  ])("%j prints to stdout and exits 0", async (argv, stdout) => {
    const t = makeIo(tmpdir());
    expect(await main(argv, t.io)).toBe(0);
    expect(t.stdout()).toMatch(stdout);
    expect(t.stderr()).toBe("");
  });

  it("reports an unexpected failure as an internal error, without a stack trace", async () => {
    const t = makeIo(tmpdir());
    t.io.stdout = () => {
      throw new Error("stdout closed");
    };
    expect(await main(["--version"], t.io)).toBe(2);
    expect(t.stderr()).toBe("shipgate: internal error: stdout closed\n");
  });
});
