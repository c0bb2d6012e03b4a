import { measureSize } from "../../../../shared/core/rules/size/measure-size.js";
import { makeFile } from "../../../builders/make-facts.js";

describe("measureSize", () => {
  const files = [
    makeFile({ path: "src/a.ts", additions: 10, deletions: 2 }),
    makeFile({ path: "yarn.lock", additions: 900 }),
    makeFile({ path: "src/huge.sql", additions: 0, patchMissing: true }),
    makeFile({ path: "img.png", binary: true, additions: 0, patchMissing: true }),
  ];
  const measure = measureSize(files, (path) => (path === "yarn.lock" ? "lockfile" : null));

  it.each([
    ["counted files", measure.counted.map((f) => f.path), ["src/a.ts", "src/huge.sql", "img.png"]],
    ["excluded files", measure.excluded, [{ path: "yarn.lock", reason: "lockfile" }]],
    ["not-evaluated files", measure.notEvaluated.map((f) => f.path), ["src/huge.sql"]],
    ["lines", [measure.additions, measure.deletions, measure.lines], [10, 2, 12]],
  ])("%s", (_case, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});
