import { classifyCommit } from "../../../shared/core/report/classify-commit.js";

describe("classifyCommit", () => {
  it.each([
    [
      2,
      "Merge pull request #12 from ada/fix",
      "Fix the parser\n\nMore words",
      { kind: "merge", number: 12, title: "Fix the parser" },
    ],
    [2, "Merge pull request #12 from ada/fix", "", { kind: "merge", number: 12, title: "ada/fix" }],
    [2, "Merge branch 'main' into fix", "", { kind: "other-merge" }],
    [3, "Merge pull request #12 from ada/fix", "", { kind: "other-merge" }],
    [1, "Fix the parser (#34)", "", { kind: "squash", number: 34, title: "Fix the parser" }],
    [1, 'Revert "Fix (#3)" (#35)', "", { kind: "squash", number: 35, title: 'Revert "Fix (#3)"' }],
    [1, "Fix the parser", "", { kind: "direct" }],
    [1, "(#5)", "", { kind: "direct" }],
    [1, "Fix (#0)", "", { kind: "direct" }],
    [1, "Fix (#12345678901)", "", { kind: "direct" }],
    [0, "Initial commit (#1)", "", { kind: "squash", number: 1, title: "Initial commit" }],
  ])("%i parents, %j", (parents, subject, body, expected) => {
    expect(classifyCommit(parents, subject, body)).toEqual(expected);
  });

  it("reads a long hostile subject in linear time", () => {
    const subject = `${"a (#1 ".repeat(200_000)}x`;
    const start = performance.now();
    expect(classifyCommit(1, subject, "")).toEqual({ kind: "direct" });
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
