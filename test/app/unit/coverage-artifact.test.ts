import { coverageArtifact } from "../../../app/config/coverage-artifact.js";
import { parseConfig } from "../../../shared/core/config/parse-config.js";

describe("coverageArtifact", () => {
  it.each([
    [
      "named",
      "rules:\n  coverage:\n    artifact: { workflow: ci.yml }\n",
      { workflow: "ci.yml", name: "coverage" },
    ],
    ["not named", "rules:\n  coverage:\n    min-patch: 90\n", null],
    [
      "named, coverage off",
      "rules:\n  coverage:\n    level: off\n    artifact: { workflow: ci.yml }\n",
      null,
    ],
    ["an invalid config", "rules:\n  coverage:\n    artifact: { name: x }\n", null],
  ])("%s", (_name, text, expected) => {
    expect(coverageArtifact(parseConfig(text, ".github/shipgate.yml"))).toEqual(expected);
  });
});
