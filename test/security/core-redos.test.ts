// Attack: ReDoS through `linked-risks.patterns`. The base config supplies a pattern, the pull
// request author the text: in JavaScript's backtracking engine `(a+)+$` against 29 a's held
// the CLI past 60 s. Patterns now run in RE2 (linear time) within a fixed search budget.
import { parseConfig } from "../../shared/core/config/parse-config.js";
import { evaluate } from "../../shared/core/evaluate.js";
import { makeFacts } from "../builders/make-facts.js";
import type { TestRepo } from "../cli/make-git-repo.js";
import { makeCheckRepo, ruleOf, runCheck } from "./core-cli-kit.js";

const CATASTROPHIC = [
  "(a+)+$",
  "(a|aa)+$",
  "(.*a){20}",
  "^(\\w+\\s?)*$",
  "(\\w+\\s?)+$",
  "(x+x+)+y",
  "([a-z]+)*[0-9]",
  "(a*)*b",
];
const CONFIG = [
  "rules:",
  "  coverage: { missing-report: skip }",
  "  linked-risks:",
  "    patterns:",
  ...CATASTROPHIC.map((pattern) => `      - '${pattern}'`),
  "",
].join("\n");
const KB64 = 65_536;
const BODIES: [string, string][] = [
  ["29 a's and a bang", `${"a".repeat(29)}!`],
  ["64 KB of a's and a bang", `${"a".repeat(KB64 - 1)}!`],
  ["64 KB of words and a bang", `${"word ".repeat(KB64 / 5).slice(0, KB64 - 1)}!`],
  ["64 KB of 100-character lines", `${"a".repeat(100)}!\n`.repeat(KB64 / 102)],
];

describe("catastrophic linked-risks patterns against a 64 KB body", () => {
  const parsed = parseConfig(CONFIG, ".github/shipgate.yml");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));

  it.each(BODIES)("evaluate finishes well under a second: %s", (_name, body) => {
    const started = performance.now();
    const verdict = evaluate(makeFacts({ body }), parsed.config);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(verdict.rules.find((r) => r.id === "linked-risks")?.status).toBe("fail");
  });

  describe("through the CLI process", () => {
    let repo: TestRepo;
    beforeAll(() => {
      repo = makeCheckRepo(CONFIG);
    }, 60_000);
    afterAll(() => repo?.remove());

    it.each(BODIES)(
      "answers in bounded time: %s",
      (_name, body) => {
        const run = runCheck(repo, body, { timeoutMs: 60_000 });
        expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: "" });
        expect(run.ms).toBeLessThan(10_000);
        expect(run.peakRssMb).toBeLessThan(300);
        expect(ruleOf(run, "linked-risks").status).toBe("fail");
      },
      90_000,
    );

    it("refuses a backreference in the config with its line and column", () => {
      const bad = makeCheckRepo("rules:\n  linked-risks:\n    patterns: ['RISK-\\d+', '(a)\\1']\n");
      try {
        const run = runCheck(bad, "RISK-1");
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(
          /^\.github\/shipgate\.yml:3:28 rules\.linked-risks\.patterns\.1 is not a regular expression RE2 accepts \(no lookaround or backreferences\): error parsing regexp: invalid escape sequence: `\\1`$/m,
        );
      } finally {
        bad.remove();
      }
    });
  });
});
