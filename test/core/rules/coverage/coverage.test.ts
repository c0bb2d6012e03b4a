import { type CoverageRuleConfig } from "../../../../shared/core/config/config-schema.js";
import { coverageRuleSchema } from "../../../../shared/core/rules/coverage/schema.js";
import { coverageRule } from "../../../../shared/core/rules/coverage/coverage.js";
import type {
  ChangedFile,
  CoverageFacts,
  CoverageReport,
  PullRequestFacts,
  RuleResult,
} from "../../../../shared/core/types.js";
import { makeFacts, makeFile, makeRuleContext } from "../../../builders/make-facts.js";

/** `{ 1: 3, 2: 0 }`: line → hits. */
type Hits = Record<number, number>;

function report(
  files: Record<string, Hits>,
  partial: Record<string, number[]> = {},
): CoverageReport {
  return {
    source: "coverage/lcov.info",
    format: "lcov",
    sourceRoots: [],
    recordsUsed: 1,
    recordsSkipped: 0,
    firstSkipped: null,
    files: Object.entries(files).map(([path, hits]) => ({
      path,
      lines: new Map(Object.entries(hits).map(([line, count]) => [Number(line), count])),
      partialLines: new Set(partial[path] ?? []),
    })),
  };
}

/** Lines `from..to` with `hits` each. */
function span(from: number, to: number, hits: number): Hits {
  const out: Hits = {};
  for (let line = from; line <= to; line += 1) out[line] = hits;
  return out;
}

function config(overrides: Partial<CoverageRuleConfig> = {}): CoverageRuleConfig {
  return { ...coverageRuleSchema().parse({}), ...overrides };
}

function changed(
  path: string,
  addedLines: number[],
  overrides: Partial<ChangedFile> = {},
): ChangedFile {
  return makeFile({ path, addedLines, additions: addedLines.length, ...overrides });
}

function run(
  files: ChangedFile[],
  coverage: CoverageFacts | null,
  overrides: Partial<CoverageRuleConfig> = {},
  facts: Partial<PullRequestFacts> = {},
  isGenerated: (path: string) => boolean = () => false,
): RuleResult {
  return coverageRule(
    makeFacts({ files, coverage, ...facts }),
    config(overrides),
    makeRuleContext({ isGenerated }),
  );
}

function lineNumbers(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const withReports = (...reports: CoverageReport[]): CoverageFacts => ({ reports, errors: [] });

/** `covered` of `coverable` changed lines of src/a.ts ran. */
function measured(covered: number, coverable: number, overrides: Partial<CoverageRuleConfig> = {}) {
  const lines = Array.from({ length: coverable }, (_, i) => i + 1);
  const hits = { ...span(1, coverable, 0), ...(covered > 0 ? span(1, covered, 1) : {}) };
  return run([changed("src/a.ts", lines)], withReports(report({ "src/a.ts": hits })), overrides);
}

describe("coverage rule: patch coverage against the minimum", () => {
  // 2/3 = 66.666…%: rounding down shows 66.6 (never the minimum when below it), while the
  // metric rounds to two decimals, 66.67. Figures where floor and round agree hide either swap.
  it("rounds the summary down and the metric to the nearest hundredth", () => {
    const result = measured(2, 3, { "min-coverable-lines": 1 });
    expect(result.summary).toBe("Patch coverage 66.6% (2/3 lines), minimum 80%");
    expect(result.metrics["patchCoverage"]).toBe(66.67);
  });

  it("states the figure and the limit in the summary", () => {
    const result = measured(21, 29);
    expect(result.summary).toBe("Patch coverage 72.4% (21/29 lines), minimum 80%");
    expect(result.status).toBe("fail");
    expect(result.metrics).toMatchObject({
      patchCoverage: 72.41,
      coverableLines: 29,
      coveredLines: 21,
      unmapped: [],
      reports: [
        {
          path: "coverage/lcov.info",
          format: "lcov",
          files: 1,
          recordsUsed: 1,
          recordsSkipped: 0,
          error: null,
        },
      ],
    });
  });

  it.each`
    covered | coverable | minPatch | minCoverable | status    | note
    ${8}    | ${10}     | ${80}    | ${5}         | ${"pass"} | ${"exactly at the minimum passes"}
    ${7}    | ${10}     | ${80}    | ${5}         | ${"fail"} | ${"below the minimum fails"}
    ${10}   | ${10}     | ${100}   | ${5}         | ${"pass"} | ${"100% meets a 100% minimum"}
    ${0}    | ${6}      | ${0}     | ${5}         | ${"pass"} | ${"a 0% minimum always passes"}
    ${1}    | ${2}      | ${80}    | ${5}         | ${"pass"} | ${"too few coverable lines to judge: grace"}
    ${3}    | ${5}      | ${80}    | ${5}         | ${"fail"} | ${"exactly min-coverable-lines is judged"}
    ${0}    | ${4}      | ${80}    | ${0}         | ${"fail"} | ${"min-coverable-lines 0 judges every line"}
  `(
    "$note ($covered/$coverable, min $minPatch%)",
    ({ covered, coverable, minPatch, minCoverable, status }) => {
      const result = measured(covered, coverable, {
        "min-patch": minPatch,
        "min-coverable-lines": minCoverable,
      });
      expect(result.status).toBe(status);
    },
  );

  it("passes below the minimum with a note when too few lines are coverable", () => {
    const result = measured(1, 2);
    expect(result.status).toBe("pass");
    expect(result.summary).toBe(
      "Patch coverage 50% (1/2 lines), minimum 80%, not judged below 5 coverable lines",
    );
    expect(result.details).toContain("Only 2 changed lines are coverable, fewer than the 5 needed");
  });

  it("never rounds a failing figure up to the minimum", () => {
    const result = measured(799, 1000);
    expect(result.status).toBe("fail");
    expect(result.summary).toContain("79.9% (799/1000 lines)");
    expect(result.metrics.patchCoverage).toBe(79.9);
  });

  it("passes with a null figure when no changed line is coverable", () => {
    const result = run(
      [changed("src/a.ts", [1, 2, 3])],
      withReports(report({ "src/a.ts": { 10: 0, 11: 1 } })),
    );
    expect(result.status).toBe("pass");
    expect(result.metrics.patchCoverage).toBeNull();
    expect(result.summary).toBe(
      "No coverable changed lines (3 changed, none executable in the coverage reports)",
    );
    expect(result.findings).toEqual([]);
  });

  it("adds up hits across reports for the same file", () => {
    const result = run(
      [changed("src/a.ts", [1, 2, 3])],
      withReports(
        report({ "src/a.ts": { 1: 1, 2: 0, 3: 0 } }),
        report({ "src/a.ts": { 2: 4, 3: 0 } }),
      ),
      { "min-coverable-lines": 0 },
    );
    expect(result.metrics).toMatchObject({ coverableLines: 3, coveredLines: 2 });
    expect(result.metrics.reports).toHaveLength(2);
    expect(result.metrics.uncovered).toEqual([{ path: "src/a.ts", lines: [3] }]);
  });
});

describe("coverage rule: partly taken branches", () => {
  const facts = (): [ChangedFile[], CoverageFacts] => [
    [changed("src/a.ts", [1, 2, 3, 4])],
    withReports(report({ "src/a.ts": { 1: 1, 2: 1, 3: 1, 4: 0 } }, { "src/a.ts": [2, 3, 4] })),
  ];

  it.each`
    setting        | covered | uncovered
    ${"covered"}   | ${3}    | ${[4]}
    ${"uncovered"} | ${1}    | ${[2, 3, 4]}
  `("partial-branches: $setting", ({ setting, covered, uncovered }) => {
    const [files, coverage] = facts();
    const result = run(files, coverage, { "partial-branches": setting, "min-coverable-lines": 0 });
    expect(result.metrics.coveredLines).toBe(covered);
    expect(result.metrics.uncovered).toEqual([{ path: "src/a.ts", lines: uncovered }]);
  });
});

describe("coverage rule: no usable report", () => {
  it.each`
    mode      | status
    ${"fail"} | ${"fail"}
    ${"warn"} | ${"warn"}
    ${"skip"} | ${"skip"}
  `("missing-report: $mode gives $status when coverage was not gathered", ({ mode, status }) => {
    const result = run([changed("src/a.ts", [1])], null, { "missing-report": mode });
    expect(result.status).toBe(status);
    expect(result.summary).toBe("No coverage report found, so patch coverage was not checked");
    expect(result.details).toContain("`coverage/lcov.info`");
    expect(result.details).toContain("rules.coverage.reports");
    expect(result.metrics.patchCoverage).toBeNull();
  });

  it("treats an empty report list like a missing report", () => {
    const result = run([changed("src/a.ts", [1])], withReports(), { "missing-report": "fail" });
    expect(result.status).toBe("fail");
  });

  it.each(["warn", "skip"] as const)(
    "fails when the only report given cannot be used, whatever missing-report (%s) says",
    (mode) => {
      const coverage = {
        reports: [],
        errors: [{ source: "coverage/lcov.info", message: "line 3: DA needs a line number" }],
      };
      const result = run([changed("src/a.ts", [1])], coverage, { "missing-report": mode });
      expect(result.status).toBe("fail");
      expect(result.summary).toBe(
        "No coverable changed lines (1 changed, none executable in the coverage reports); " +
          "1 changed source file not in any coverage report; 1 report could not be used",
      );
      expect(result.details).toContain("`coverage/lcov.info`: line 3: DA needs a line number");
      expect(result.details).not.toContain("Run the tests with coverage");
      expect(result.metrics.unmapped).toEqual([
        {
          path: "src/a.ts",
          reason: "no usable report names it (could not use: coverage/lcov.info)",
        },
      ]);
    },
  );

  it("still uses the other reports when one could not be used, and fails naming it", () => {
    const coverage: CoverageFacts = {
      reports: [report({ "src/a.ts": span(1, 10, 1) })],
      errors: [{ source: "coverage/clover.xml", message: "not well-formed XML" }],
    };
    const result = run([changed("src/a.ts", lineNumbers(1, 10))], coverage);
    expect(result.metrics).toMatchObject({ coveredLines: 10, coverableLines: 10 });
    expect(result.status).toBe("fail");
    expect(result.summary).toBe(
      "Patch coverage 100% (10/10 lines), minimum 80%; 1 report could not be used",
    );
    expect(result.details).toContain("`coverage/clover.xml`: not well\\-formed XML");
  });

  it("counts records a report skipped without failing, and says where the first one was", () => {
    const coverage: CoverageFacts = {
      reports: [
        {
          ...report({ "src/a.ts": span(1, 10, 1) }),
          recordsSkipped: 3,
          firstSkipped: "coverage/lcov.info line 7: BRDA record has line number 0, out of range",
        },
      ],
      errors: [],
    };
    const result = run([changed("src/a.ts", lineNumbers(1, 10))], coverage);
    expect(result.status).toBe("pass");
    expect(result.details).toContain("`coverage/lcov.info`: 3 skipped, first: ");
    expect(result.details).toContain("line 7: BRDA record has line number 0, out of range");
    expect(result.metrics.reports).toEqual([
      expect.objectContaining({ path: "coverage/lcov.info", recordsSkipped: 3 }),
    ]);
  });
});

describe("coverage rule: which changed files are judged", () => {
  const coverage = withReports(
    report({
      "src/a.ts": span(1, 5, 0),
      "src/gen.ts": span(1, 5, 0),
      "src/skip.ts": span(1, 5, 0),
      "src/gone.ts": span(1, 5, 0),
      "src/logo.ts": span(1, 5, 0),
    }),
  );

  it.each`
    file                                                                          | isGenerated                          | exclude           | judged
    ${changed("src/a.ts", [1, 2])}                                                | ${() => false}                       | ${[]}             | ${true}
    ${changed("src/gen.ts", [1, 2])}                                              | ${(p: string) => p === "src/gen.ts"} | ${[]}             | ${false}
    ${changed("src/skip.ts", [1, 2])}                                             | ${() => false}                       | ${["src/skip.*"]} | ${false}
    ${changed("src/gone.ts", [], { status: "deleted" })}                          | ${() => false}                       | ${[]}             | ${false}
    ${changed("src/logo.ts", [1, 2], { binary: true })}                           | ${() => false}                       | ${[]}             | ${false}
    ${changed("src/a.ts", [1, 2], { status: "renamed", previousPath: "old.ts" })} | ${() => false}                       | ${[]}             | ${true}
  `(
    "$file.path ($file.status, binary $file.binary) judged: $judged",
    ({ file, isGenerated, exclude, judged }) => {
      const result = run([file], coverage, { exclude, "min-coverable-lines": 0 }, {}, isGenerated);
      expect(result.metrics.coverableLines).toBe(judged ? 2 : 0);
    },
  );

  it("fails on changed source files no report mentions, naming them and why", () => {
    const result = run(
      [changed("src/a.ts", [1]), changed("src/new.ts", [1, 2]), changed("src/util/b.ts", [4])],
      withReports(report({ "src/a.ts": { 1: 1 } })),
    );
    expect(result.metrics.missingFromReports).toEqual(["src/new.ts", "src/util/b.ts"]);
    expect(result.metrics.unmapped).toEqual([
      { path: "src/new.ts", reason: "no report names it" },
      { path: "src/util/b.ts", reason: "no report names it" },
    ]);
    expect(result.status).toBe("fail");
    expect(result.summary).toBe(
      "Patch coverage 100% (1/1 lines), minimum 80%; 2 changed source files not in any coverage report",
    );
    expect(result.details).toContain(
      "- `src/new.ts`: no report names it\n- `src/util/b.ts`: no report names it",
    );
  });

  it("says a changed file hid behind an ambiguous report path, with the candidates", () => {
    const result = run(
      [changed("src/util/b.ts", [4])],
      withReports(report({ "util/b.ts": { 4: 0 } })),
      {},
      { repoFiles: ["src/util/b.ts", "lib/util/b.ts"] },
    );
    expect(result.status).toBe("fail");
    expect(result.metrics.unmapped).toEqual([
      {
        path: "src/util/b.ts",
        reason: "ambiguous: coverage/lcov.info names util/b.ts, which matches 2 files equally well",
      },
    ]);
    expect(result.details).toContain("ambiguous: 2 repository files match equally well");
  });

  it("takes include and exclude from the config, and ! re-includes a built-in non-source path", () => {
    const files = [
      changed("src/a.ts", [1]),
      changed("scripts/build.ts", [1]),
      changed("lib/x.rb", [1]),
    ];
    const covered = withReports(report({ "src/a.ts": { 1: 1 } }));
    expect(run(files, covered).metrics.unmapped).toEqual([
      { path: "lib/x.rb", reason: "no report names it" },
    ]);
    expect(run(files, covered, { include: ["*.ts"] }).status).toBe("pass");
    expect(
      run(files, covered, { include: ["*.ts"], exclude: ["!scripts/"] }).metrics.missingFromReports,
    ).toEqual(["scripts/build.ts"]);
  });

  it.each([
    ["README.md", "not a source extension"],
    ["Makefile", "no extension"],
    ["examples/basic.js", "an example"],
    ["packages/cli/examples/demo.ts", "an example in a package"],
    ["docs/conf.py", "documentation"],
    ["scripts/release.js", "a script"],
    ["benchmarks/run.go", "a benchmark"],
    ["pkg/hash_test.go", "a Go test"],
    ["tests/test_recipes.py", "a Python test"],
    ["conftest.py", "pytest config"],
    ["src/test/java/com/x/CartTest.java", "under a test directory"],
    ["src/a.test.ts", "a test file"],
    ["src/__tests__/a.ts", "under a test directory"],
    ["test/helpers/b.ts", "under a test directory"],
    ["src/types.d.ts", "a type declaration"],
    ["jest.config.ts", "tool config"],
    ["src/button.stories.ts", "a story"],
    [".eslintrc.ts", "a dotfile"],
  ])("does not ask for coverage of %s (%s)", (path) => {
    const result = run(
      [changed("src/a.ts", [1]), changed(path, [1, 2])],
      withReports(report({ "src/a.ts": { 1: 1 } })),
    );
    expect(result.metrics.missingFromReports).toEqual([]);
    expect(result.status).toBe("pass");
  });

  it("does not ask for coverage of excluded or generated files", () => {
    const result = run(
      [changed("src/a.ts", [1]), changed("src/gen/api.ts", [1]), changed("src/vendored.ts", [1])],
      withReports(report({ "src/a.ts": { 1: 1 } })),
      { exclude: ["src/gen/"] },
      {},
      (path) => path === "src/vendored.ts",
    );
    expect(result.metrics.missingFromReports).toEqual([]);
  });

  it("says which files it could not check line by line", () => {
    const result = run(
      [
        changed("src/a.ts", [1]),
        changed("src/huge.ts", [], { patchMissing: true, additions: 5000 }),
      ],
      withReports(report({ "src/a.ts": { 1: 1 }, "src/huge.ts": { 1: 0 } })),
    );
    expect(result.status).toBe("warn");
    expect(result.details).toContain("Not checked line by line");
    expect(result.details).toContain("`src/huge.ts`");
  });
});

describe("coverage rule: min-project", () => {
  const coverage = withReports(
    report({ "src/a.ts": span(1, 10, 1), "src/old.ts": { ...span(1, 30, 0), ...span(1, 5, 1) } }),
  );

  it.each`
    minProject | status    | summaryPart
    ${null}    | ${"pass"} | ${null}
    ${30}      | ${"pass"} | ${"project coverage 37.5%, minimum 30%"}
    ${40}      | ${"fail"} | ${"project coverage 37.5%, minimum 40%"}
  `("min-project $minProject gives $status", ({ minProject, status, summaryPart }) => {
    const result = run([changed("src/a.ts", lineNumbers(1, 10))], coverage, {
      "min-project": minProject,
    });
    expect(result.status).toBe(status);
    if (summaryPart === null) expect(result.summary).not.toContain("project");
    else expect(result.summary).toContain(`; ${summaryPart}`);
    expect(result.metrics.projectCoverage).toBe(minProject === null ? null : 37.5);
  });
});

describe("coverage rule: uncovered lines, findings and details", () => {
  // Lines 13 and 21 are not executable (blank or comments; 21 is not even changed), line 19 is
  // executable but unchanged, so it splits 17-18 from 20-22.
  const hits = { 10: 1, 11: 1, 12: 0, 14: 0, 15: 1, 16: 1, 17: 0, 18: 0, 19: 0, 20: 0, 22: 0 };
  const files = [changed("src/a.ts", [10, 11, 12, 13, 14, 15, 17, 18, 20, 22])];

  it("groups uncovered lines into ranges that run across non-executable lines only", () => {
    const result = run(files, withReports(report({ "src/a.ts": hits })), {
      "min-coverable-lines": 0,
    });
    expect(result.metrics.uncovered).toEqual([
      { path: "src/a.ts", lines: [12, 14, 17, 18, 20, 22] },
    ]);
    expect(result.details).toContain("- `src/a.ts`: 12-14, 17-18, 20-22");
    expect(result.findings.map((f) => [f.startLine, f.endLine])).toEqual([
      [12, 14],
      [17, 18],
      [20, 22],
    ]);
  });

  it("splits a range at an executable unchanged line", () => {
    const result = run(
      [changed("src/a.ts", [1, 3])],
      withReports(report({ "src/a.ts": { 1: 0, 2: 0, 3: 0 } })),
    );
    expect(result.findings.map((f) => [f.startLine, f.endLine])).toEqual([
      [1, 1],
      [3, 3],
    ]);
  });

  it.each`
    level      | covered | severity
    ${"block"} | ${0}    | ${"failure"}
    ${"warn"}  | ${0}    | ${"warning"}
    ${"block"} | ${9}    | ${"warning"}
  `(
    "findings are $severity when level is $level and $covered/10 lines ran",
    ({ level, covered, severity }) => {
      const result = measured(covered, 10, { level });
      expect(result.findings.length).toBeGreaterThan(0);
      for (const finding of result.findings) {
        expect(finding).toMatchObject({
          rule: "coverage",
          path: "src/a.ts",
          severity,
          title: "Not covered by tests",
        });
      }
    },
  );

  it("words a finding for one line and for several", () => {
    const result = run(files, withReports(report({ "src/a.ts": hits })));
    expect(result.findings[0]?.message).toBe("Changed lines 12-14 are not executed by any test.");
    const single = measured(9, 10);
    expect(single.findings[0]?.message).toBe("Changed line 10 is not executed by any test.");
  });

  it("tells the author how to fix a failure", () => {
    const result = measured(1, 10);
    expect(result.details).toContain("add tests that execute these changed lines");
    expect(result.details).toContain("rules.coverage.exclude");
  });

  it("lists report entries that match no repository file", () => {
    const result = run(
      [changed("src/a.ts", [1])],
      withReports(report({ "src/a.ts": { 1: 1 }, "/build/gen/other-thing.ts": { 1: 1 } })),
      {},
      { repoFiles: ["src/a.ts", "README.md"] },
    );
    expect(result.details).toContain("`/build/gen/other-thing.ts` in `coverage/lcov.info`");
  });

  it("maps report paths onto repository paths (absolute CI paths)", () => {
    const result = run(
      [changed("src/a.ts", [1, 2])],
      withReports(report({ "/home/runner/work/shop/shop/src/a.ts": { 1: 1, 2: 0 } })),
      { "min-coverable-lines": 0 },
      { repoFiles: ["src/a.ts", "src/b.ts"] },
    );
    expect(result.metrics).toMatchObject({ coverableLines: 2, coveredLines: 1 });
  });

  it("orders everything by path, whatever the input order", () => {
    const coverage = withReports(
      report({ "src/b.ts": { 1: 0 }, "src/a.ts": { 1: 0 }, "lib/z.ts": { 1: 0 } }),
    );
    const forward = [changed("lib/z.ts", [1]), changed("src/a.ts", [1]), changed("src/b.ts", [1])];
    const a = run(forward, coverage);
    const b = run([...forward].reverse(), coverage);
    expect(b).toEqual(a);
    expect((a.metrics.uncovered as { path: string }[]).map((u) => u.path)).toEqual([
      "lib/z.ts",
      "src/a.ts",
      "src/b.ts",
    ]);
  });

  it("escapes file names in the details", () => {
    const result = run(
      [changed("src/`odd`.ts", [1])],
      withReports(report({ "src/`odd`.ts": { 1: 0 } })),
      { "min-coverable-lines": 0 },
    );
    expect(result.details).toContain("``src/`odd`.ts``: 1");
  });
});
