// When the sticky comment may be created: one decision for the Action and the App.
import { applyOverrides } from "../../../shared/core/apply-overrides.js";
import { decideComment } from "../../../shared/core/render/decide-comment.js";
import type { RuleResult, Verdict } from "../../../shared/core/types.js";

function rule(id: RuleResult["id"], status: RuleResult["status"]): RuleResult {
  return { id, status, level: "block", summary: "", details: "", metrics: {}, findings: [] };
}

function verdict(rules: RuleResult[], notes: string[] = []): Verdict {
  const failing = rules.some((r) => r.status === "fail");
  const pending = rules.some((r) => r.status === "pending");
  return {
    version: 1,
    conclusion: failing ? "failure" : pending ? "neutral" : "success",
    riskLevel: null,
    rules,
    notes,
  };
}

const passing = verdict([rule("size", "pass"), rule("coverage", "pass")]);
const failingSize = verdict([rule("size", "fail"), rule("coverage", "pass")]);
const overrideOnly = applyOverrides(failingSize, [
  {
    rule: "size",
    by: "maintainer",
    at: "2026-12-05T06:00:00Z",
    reason: "a rename",
    sha: "a".repeat(40),
  },
]);

describe("decideComment", () => {
  it.each([
    ["auto", passing, "update-only"],
    ["auto", failingSize, "create-or-update"],
    [
      "auto",
      verdict([rule("size", "pass")], ["This pull request changes the shipgate configuration."]),
      "create-or-update",
    ],
    ["auto", overrideOnly, "create-or-update"],
    ["auto", verdict([rule("size", "pass"), rule("coverage", "pending")]), "update-only"],
    ["auto", verdict([rule("size", "warn")]), "create-or-update"],
    ["always", passing, "create-or-update"],
    ["never", failingSize, "none"],
  ] as const)("%s on %#: %s", (mode, v, expected) => {
    expect(decideComment(v, mode)).toBe(expected);
  });

  it("an override-only verdict passes yet still gets its comment: the override is on record", () => {
    expect(overrideOnly.conclusion).toBe("success");
    expect(overrideOnly.rules.map((r) => r.status)).toEqual(["skip", "pass"]);
    expect(decideComment(overrideOnly, "auto")).toBe("create-or-update");
  });
});
