// Overrides lift one rule each, are recorded, and the gate decides again.
import { applyOverrides, type RuleOverride } from "../../shared/core/apply-overrides.js";
import type { RuleResult, Verdict } from "../../shared/core/types.js";

function rule(
  id: RuleResult["id"],
  status: RuleResult["status"],
  level: RuleResult["level"] = "block",
): RuleResult {
  return {
    id,
    status,
    level,
    summary: "s",
    details: "",
    metrics: {},
    findings: [
      {
        rule: id,
        path: "a.ts",
        startLine: 1,
        endLine: 1,
        severity: "failure",
        title: "t",
        message: "m",
      },
    ],
  };
}
function verdict(rules: RuleResult[]): Verdict {
  return { version: 1, conclusion: "failure", riskLevel: null, rules, notes: [] };
}
const override = (rule: RuleOverride["rule"], reason = "because"): RuleOverride => ({
  rule,
  by: "maria",
  at: "2026-03-01T12:00:00Z",
  reason,
  sha: "c".repeat(40),
});

describe("applyOverrides", () => {
  it.each([
    [
      "the only blocking failure",
      [rule("size", "fail"), rule("coverage", "pass")],
      ["size"],
      "success",
    ],
    [
      "one of two blocking failures",
      [rule("size", "fail"), rule("coverage", "fail")],
      ["size"],
      "failure",
    ],
    ["a pending blocking rule", [rule("coverage", "pending")], ["coverage"], "success"],
    ["a rule that is not the failing one", [rule("size", "fail")], ["coverage"], "failure"],
  ] as const)("overriding %s decides again", (_name, rules, ids, conclusion) => {
    const result = applyOverrides(
      verdict([...rules]),
      ids.map((id) => override(id)),
    );
    expect(result.conclusion).toBe(conclusion);
  });

  it("records who, when, why and which commit, and drops the rule's findings", () => {
    const result = applyOverrides(verdict([rule("size", "fail")]), [
      override("size", "hotfix @team"),
    ]);
    const size = result.rules[0];
    expect(size?.status).toBe("skip");
    expect(size?.findings).toEqual([]);
    expect(size?.metrics.override).toEqual({
      by: "maria",
      at: "2026-03-01T12:00:00Z",
      reason: "hotfix @team",
      sha: "c".repeat(40),
      was: "fail",
    });
    expect(result.notes.join("\n")).toMatch(/maria.*2026-03-01T12:00:00Z.*ccccccc/);
    // No mention ping from the reason.
    expect(result.notes.join("\n")).not.toContain("@team");
  });

  it("leaves a verdict alone without overrides, and rules that are off", () => {
    const v = verdict([rule("size", "skip", "off")]);
    expect(applyOverrides(v, [])).toBe(v);
    expect(applyOverrides(v, [override("size")]).rules[0]).toEqual(v.rules[0]);
  });
});
