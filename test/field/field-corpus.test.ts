// The field corpus through the command users run (`node bin/shipgate.cjs check`): for each small
// real project and the report a real tool wrote for it, the coverage rule gives the independent
// answer (diff-cover's where diff-cover is right, a hand-checked one where it is not), or fails
// and says why when no report names the changed source. See test/fixtures/field/README.md.
import { spawnSync } from "node:child_process";
import {
  buildFieldRepo,
  loadFieldCases,
  runFieldCli,
  type FieldAnswer,
  type FieldCase,
  type FieldCliRun,
  type FieldRepo,
} from "../helpers/field-case.js";

const cases = loadFieldCases();
const figures = cases.filter((c) => c.expect === "figure");
const failClosed = cases.filter((c) => c.expect === "fail-closed");

// Reports are committed, so git (and node, running this) is all the corpus needs at test time.
const gitMissing = spawnSync("git", ["--version"]).status !== 0;
if (gitMissing) console.warn("field corpus skipped: git is not installed");
const describeWithGit = gitMissing ? describe.skip : describe;

const repos: FieldRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

/** Builds the case's repository and runs the CLI in it once; the tests read the result. */
function runCase(fieldCase: FieldCase): () => FieldCliRun {
  let run: FieldCliRun | undefined;
  beforeAll(() => {
    const repo = buildFieldRepo(fieldCase);
    repos.push(repo);
    run = runFieldCli(repo);
  }, 30_000);
  return () => {
    if (run === undefined) throw new Error(`${fieldCase.name}: the CLI did not run`);
    return run;
  };
}

/** What the default gate (min-patch 80, min-coverable-lines 5) decides on the answer's figure. */
function statusOf(answer: FieldAnswer): "pass" | "fail" {
  const below = answer.covered * 100 < 80 * answer.coverable;
  return below && answer.coverable >= 5 ? "fail" : "pass";
}

describeWithGit("the field corpus", () => {
  it("has a case for each setup issue 7 names, each with an answer or a reason", () => {
    const names = cases.map((c) => c.name);
    for (const prefix of [
      "python-",
      "go-",
      "java-",
      "js-monorepo-",
      "js-noise",
      "abs-",
      "unmappable-",
    ]) {
      expect(names.some((name) => name.startsWith(prefix))).toBe(true);
    }
    for (const c of figures) expect(c.answer).not.toBeNull();
    for (const c of failClosed) {
      expect(c.failReasonIncludes).toEqual(expect.any(String));
      expect(c.unmapped?.length).toBeGreaterThan(0);
    }
    // Not agreeing on nothing: every answer has uncovered lines, and the gate passes some, fails some.
    const answers = figures.map((c) => c.answer as FieldAnswer);
    expect(answers.filter((a) => a.coverable > 0 && a.uncovered.length > 0)).toHaveLength(
      answers.length,
    );
    expect(answers.filter((a) => statusOf(a) === "fail").length).toBeGreaterThan(0);
    expect(answers.filter((a) => statusOf(a) === "pass").length).toBeGreaterThan(0);
  });

  it("builds each repository as the case says: base on main, head on feature, reports untracked", () => {
    const fieldCase = cases.find((c) => c.name === "js-monorepo-two-reports");
    if (fieldCase === undefined) throw new Error("no js-monorepo-two-reports case");
    const repo = buildFieldRepo(fieldCase);
    repos.push(repo);
    expect(repo.git(["rev-parse", "--abbrev-ref", "HEAD"]).trim()).toBe("feature");
    expect(repo.git(["diff", "--name-only", "main...feature"]).trim().split("\n")).toEqual([
      "packages/cli/lib/command.js",
      "packages/cli/test/run.js",
      "packages/other/lib/command.js",
      "packages/other/test/run.js",
    ]);
    expect(repo.git(["show", "main:.github/shipgate.yml"])).toContain('size: { level: "off" }');
    expect(repo.git(["status", "--porcelain", "--untracked-files=all"]).trim().split("\n")).toEqual(
      fieldCase.reports.map((report) => `?? ${report}`),
    );
  });

  describe.each(figures.map((c) => [c.name, c] as const))("%s", (_name, fieldCase) => {
    const result = runCase(fieldCase);
    const answer = fieldCase.answer as FieldAnswer;

    it(`measures the ${answer.source} answer: ${answer.covered}/${answer.coverable} lines`, () => {
      const { metrics } = result().coverage;
      expect({
        coverable: metrics.coverableLines,
        covered: metrics.coveredLines,
        uncovered: metrics.uncovered,
      }).toEqual({
        coverable: answer.coverable,
        covered: answer.covered,
        uncovered: answer.uncovered,
      });
    });

    it("finds every changed source file in a report (metrics.unmapped is empty)", () => {
      expect(result().coverage.metrics.unmapped).toEqual([]);
    });

    it(`${statusOf(answer) === "fail" ? "fails" : "passes"} as the default min-patch says, with nothing to warn about`, () => {
      const { code, coverage } = result();
      expect({ status: coverage.status, code }).toEqual({
        status: statusOf(answer),
        code: statusOf(answer) === "fail" ? 1 : 0,
      });
    });
  });

  describe.each(failClosed.map((c) => [c.name, c] as const))("%s", (_name, fieldCase) => {
    const result = runCase(fieldCase);

    it("fails the coverage rule, and the gate with it", () => {
      const { code, coverage } = result();
      expect({ status: coverage.status, code }).toEqual({ status: "fail", code: 1 });
    });

    it(`says why: "${fieldCase.failReasonIncludes}" and the files no report names`, () => {
      const { summary, details } = result().coverage;
      const text = `${summary}\n${details}`;
      expect(text).toContain(fieldCase.failReasonIncludes);
      for (const path of fieldCase.unmapped ?? []) expect(text).toContain(path);
    });
  });
});
