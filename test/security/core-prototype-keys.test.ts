// Attack: risk levels named after Object.prototype members. A level `constructor` or `toString`
// with no overrides crashed the CLI ("internal error", exit 2), and a `__proto__` level's
// overrides were dropped without a word. Every name must work like any other.
import type { TestRepo } from "../cli/make-git-repo.js";
import { makeCheckRepo, ruleOf, runCheck, verdictOf } from "./core-cli-kit.js";

let repo: TestRepo;
beforeAll(() => {
  repo = makeCheckRepo(
    [
      "rules:",
      "  coverage: { missing-report: skip }",
      "  size: { max-lines: 400 }",
      "risk:",
      "  levels: [low, constructor, toString, __proto__, hasOwnProperty, high]",
      "risk-levels:",
      "  __proto__: { size: { max-lines: 0 } }",
      "  hasOwnProperty: { size: { max-lines: 0 } }",
      "",
    ].join("\n"),
  );
}, 60_000);
afterAll(() => repo?.remove());

describe("risk levels named like Object.prototype members, through the CLI process", () => {
  it.each(["constructor", "toString"])("%s without overrides leaves the rules alone", (level) => {
    for (const declared of [["--label", `risk:${level}`], []]) {
      const run = runCheck(repo, declared.length > 0 ? "" : `Risk: ${level}\n`, {
        args: declared,
      });
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: "" });
      expect(verdictOf(run).riskLevel).toBe(level);
      expect(ruleOf(run, "size")).toMatchObject({ status: "pass" });
      expect(ruleOf(run, "size").summary).toMatch(/limit 400 lines/);
    }
  });

  it.each(["__proto__", "hasOwnProperty"])("%s applies its own overrides", (level) => {
    const run = runCheck(repo, "", { args: ["--label", `risk:${level}`] });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: "" });
    expect(verdictOf(run).riskLevel).toBe(level);
    expect(ruleOf(run, "size")).toMatchObject({ status: "fail" });
    expect(ruleOf(run, "size").summary).toMatch(/limit 0 lines/);
  });
});
