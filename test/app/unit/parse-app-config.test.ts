import { mergeExtendedConfig, parseExtends } from "../../../app/config/merge-extended-config.js";
import { parseAppConfig } from "../../../app/config/parse-app-config.js";

const FILE = ".github/shipgate.yml";

describe("parseAppConfig: the shared schema, rules.coverage.artifact included", () => {
  it("reads the artifact and parses the rest with the shared schema", () => {
    const parsed = parseAppConfig(
      "rules:\n  coverage:\n    min-patch: 90\n    artifact: { workflow: ci.yml }\n",
      FILE,
    );
    const coverage = parsed.result.ok ? parsed.result.config.rules.coverage : null;
    expect(coverage?.artifact).toEqual({ workflow: "ci.yml", name: "coverage" });
    expect(coverage?.["min-patch"]).toBe(90);
    expect(parsed.raw).toEqual({
      rules: { coverage: { "min-patch": 90, artifact: { workflow: "ci.yml" } } },
    });
  });

  it.each([
    ["a list", "    artifact: [ci.yml]\n", "rules.coverage.artifact", 15, /expected object/],
    [
      "no workflow",
      "    artifact: { name: cov }\n",
      "rules.coverage.artifact.workflow",
      15,
      /expected string/,
    ],
    [
      "an unknown key",
      "    artifact: { workflow: ci.yml, path: x }\n",
      "rules.coverage.artifact.path",
      35,
      /unknown key; allowed keys: workflow, name/,
    ],
  ])("%s is an error at its line, column and key path", (_name, line, path, column, message) => {
    const parsed = parseAppConfig(`rules:\n  coverage:\n${line}`, FILE);
    expect(parsed.result.ok).toBe(false);
    expect(parsed.raw).toBeNull();
    const [error] = parsed.result.ok ? [] : parsed.result.errors;
    expect(error).toMatchObject({ file: FILE, line: 3, column, path });
    expect(error?.message).toMatch(message);
  });

  it("keeps the shared parser's errors (with line and column) for everything else", () => {
    const parsed = parseAppConfig("rules:\n  size:\n    max-lines: many\n", FILE);
    expect(parsed.result.ok ? [] : parsed.result.errors).toEqual([
      expect.objectContaining({ line: 3, column: 16, path: "rules.size.max-lines" }),
    ]);
  });
});

describe("extends: org-wide defaults", () => {
  it.each([
    ["acme/.github", { owner: "acme", repo: ".github", path: ".github/shipgate.yml" }],
    [
      "acme/policies:gate/shipgate.yml",
      { owner: "acme", repo: "policies", path: "gate/shipgate.yml" },
    ],
    ["not a repo", null],
  ])("parseExtends(%j)", (value, expected) => {
    expect(parseExtends(value)).toEqual(expected);
  });

  it("the repository's file wins key by key over the org's", () => {
    const base = parseAppConfig(
      "rules:\n  size: { max-lines: 300, max-files: 10 }\n  coverage:\n    artifact: { workflow: ci.yml }\n",
      "acme/.github:.github/shipgate.yml",
    );
    const local = parseAppConfig(
      "extends: acme/.github\nrules:\n  size: { max-lines: 500 }\n",
      FILE,
    );
    const merged = mergeExtendedConfig(base, local, FILE);
    expect(merged.result.ok).toBe(true);
    const size = merged.result.ok ? merged.result.config.rules.size : null;
    expect(size).toMatchObject({ "max-lines": 500, "max-files": 10 });
    const coverage = merged.result.ok ? merged.result.config.rules.coverage : null;
    expect(coverage?.artifact).toEqual({ workflow: "ci.yml", name: "coverage" });
  });

  it("an invalid org file is reported as that file's error", () => {
    const base = parseAppConfig(
      "rules: { size: { max-lines: -1 } }\n",
      "acme/.github:.github/shipgate.yml",
    );
    const merged = mergeExtendedConfig(base, parseAppConfig("extends: acme/.github\n", FILE), FILE);
    expect(merged.result.ok ? [] : merged.result.errors.map((e) => e.file)).toEqual([
      "acme/.github:.github/shipgate.yml",
    ]);
  });
});
