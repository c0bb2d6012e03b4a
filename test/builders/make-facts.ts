// Builders with defaults for tests: say only what the test is about, e.g.
// `makeFacts({ files: [makeFile({ path: "src/a.ts", additions: 900 })] })`.
import type { RuleContext } from "../../shared/core/rules/rule.js";
import type { ChangedFile, PullRequestFacts } from "../../shared/core/types.js";

/** A modified text file; `addedLines` defaults to lines 1..additions. */
export function makeFile(overrides: Partial<ChangedFile> = {}): ChangedFile {
  const additions = overrides.additions ?? 1;
  return {
    path: "src/index.ts",
    status: "modified",
    binary: false,
    additions,
    deletions: 0,
    addedLines: Array.from({ length: additions }, (_, i) => i + 1),
    ...overrides,
  };
}

/** A small, clean pull request in `acme/shop` with no files unless given. */
export function makeFacts(overrides: Partial<PullRequestFacts> = {}): PullRequestFacts {
  return {
    repository: "acme/shop",
    number: 1,
    title: "Add a feature",
    body: "",
    labels: [],
    author: "octocat",
    base: { ref: "main", sha: "a".repeat(40) },
    head: { ref: "feature", sha: "b".repeat(40) },
    files: [],
    filesTruncated: false,
    linkedItems: null,
    coverage: null,
    gitattributes: null,
    pullRequestTemplate: null,
    repoFiles: null,
    goModules: null,
    configChanged: false,
    ...overrides,
  };
}

/** A rule context with no declared risk level and no built-in exclusions unless given. */
export function makeRuleContext(overrides: Partial<RuleContext> = {}): RuleContext {
  return {
    riskLevel: null,
    isGenerated: () => false,
    risk: { levels: ["low", "medium", "high"], labelPrefix: "risk:" },
    ...overrides,
  };
}
