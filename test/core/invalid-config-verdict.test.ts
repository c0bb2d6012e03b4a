// An invalid config becomes a failing verdict that says where each error is.
import { renderComment } from "../../shared/core/render/render-comment.js";
import { invalidConfigVerdict } from "../../shared/core/invalid-config-verdict.js";

const errors = [
  {
    file: ".github/shipgate.yml",
    line: 3,
    column: 16,
    path: "rules.size.max-lines",
    message: "Invalid input: expected number, received string",
  },
  {
    file: ".github/shipgate.yml",
    line: 5,
    column: 3,
    path: "rulez",
    message: 'unknown key; did you mean "rules"?',
  },
];

describe("invalidConfigVerdict", () => {
  const verdict = invalidConfigVerdict(errors, ".github/shipgate.yml");

  it("fails, runs no rule", () => {
    expect(verdict.conclusion).toBe("failure");
    expect(verdict.rules.map((r) => [r.id, r.status])).toEqual([
      ["size", "skip"],
      ["coverage", "skip"],
      ["rollout-notes", "skip"],
      ["linked-risks", "skip"],
      ["dependencies", "skip"],
      ["focus", "skip"],
    ]);
  });

  it("names file, line, column and key of every error in the comment", () => {
    const comment = renderComment(verdict);
    expect(comment).toContain("`.github/shipgate.yml:3:16` `rules.size.max-lines`");
    expect(comment).toContain("`.github/shipgate.yml:5:3` `rulez`");
    expect(comment).toContain("base branch");
  });
});
