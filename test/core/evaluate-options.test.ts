// evaluate's optional inputs (the App's pending coverage and overrides): without them the verdict
// is exactly the plain one, so every adapter agrees on the same facts and config.
import type { RuleOverride } from "../../shared/core/apply-overrides.js";
import { parseConfig } from "../../shared/core/config/parse-config.js";
import { evaluate } from "../../shared/core/evaluate.js";
import { renderJson } from "../../shared/core/render/render-json.js";
import { makeFacts, makeFile } from "../builders/make-facts.js";

const config = (() => {
  const result = parseConfig(
    "rules:\n  rollout-notes: { level: off }\n  linked-risks: { level: off }\n  size: { max-lines: 10 }\n",
    ".github/shipgate.yml",
  );
  if (!result.ok) throw new Error("test config is invalid");
  return result.config;
})();
const HEAD = "d".repeat(40);
/** Too big (size fails) and without coverage (coverage warns: no report). */
const facts = makeFacts({
  head: { ref: "feature", sha: HEAD },
  files: [makeFile({ path: "src/big.ts", additions: 40 })],
});
const ARTIFACT = { workflow: "ci.yml", name: "coverage" };
const override = (rule: RuleOverride["rule"]): RuleOverride => ({
  rule,
  by: "maria",
  at: "2026-03-01T12:00:00Z",
  reason: "hotfix",
  sha: HEAD,
});
const status = (verdict: ReturnType<typeof evaluate>, id: string) =>
  verdict.rules.find((rule) => rule.id === id)?.status;

describe("evaluate with options", () => {
  it.each([
    ["no options", undefined],
    ["empty options", {}],
    ["nothing pending, no overrides", { coveragePending: null, overrides: [] }],
  ])("%s: byte-identical to the plain verdict", (_name, options) => {
    expect(renderJson(evaluate(facts, config, options))).toBe(renderJson(evaluate(facts, config)));
  });

  it("pending coverage: the coverage rule waits, the size failure still fails", () => {
    const verdict = evaluate(facts, config, { coveragePending: ARTIFACT });
    expect(status(verdict, "coverage")).toBe("pending");
    expect(verdict.rules.find((r) => r.id === "coverage")?.summary).toContain("`ddddddd`");
    expect(verdict.conclusion).toBe("failure");
  });

  it.each([
    [[override("size")], "neutral", "skip", "pending"],
    [[override("size"), override("coverage")], "success", "skip", "skip"],
  ] as const)(
    "overrides %# apply after pending coverage (conclusion %s)",
    (overrides, conclusion, size, coverage) => {
      const verdict = evaluate(facts, config, { coveragePending: ARTIFACT, overrides });
      expect(verdict.conclusion).toBe(conclusion);
      expect(status(verdict, "size")).toBe(size);
      expect(status(verdict, "coverage")).toBe(coverage);
      expect(verdict.notes.join("\n")).toContain("maria");
    },
  );
});
