import { parseConfig } from "../../shared/core/config/parse-config.js";
import { evaluate } from "../../shared/core/evaluate.js";
import { renderJson } from "../../shared/core/render/render-json.js";
import type { CoverageReport, PullRequestFacts } from "../../shared/core/types.js";
import { makeFacts, makeFile } from "../builders/make-facts.js";

function configFrom(text: string | null) {
  const result = parseConfig(text, ".github/shipgate.yml");
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

function lcov(path: string, hits: Record<number, number>): CoverageReport {
  return {
    source: "coverage/lcov.info",
    format: "lcov",
    sourceRoots: [],
    recordsUsed: 1,
    recordsSkipped: 0,
    firstSkipped: null,
    files: [
      {
        path,
        lines: new Map(Object.entries(hits).map(([line, n]) => [Number(line), n])),
        partialLines: new Set(),
      },
    ],
  };
}

const ROLLOUT = [
  "## Rollout",
  "- Plan: ship to 5% of users behind the checkout flag, then everyone.",
  "- Rollback: switch the checkout flag off.",
  "- Monitoring: error rate on the checkout dashboard.",
].join("\n");

/** A PR that passes every default rule. */
function goodFacts(overrides: Partial<PullRequestFacts> = {}): PullRequestFacts {
  return makeFacts({
    body: `Adds a coupon field.\n\nRisk: low\nTracks #12\n\n${ROLLOUT}\n`,
    files: [makeFile({ path: "src/coupon.ts", additions: 6, deletions: 2 })],
    coverage: {
      reports: [lcov("src/coupon.ts", { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 })],
      errors: [],
    },
    ...overrides,
  });
}

describe("evaluate", () => {
  it("passes a small, tested, planned and linked pull request", () => {
    const verdict = evaluate(goodFacts(), configFrom(null));
    expect(verdict.rules.map((r) => [r.id, r.status])).toEqual([
      ["size", "pass"],
      ["coverage", "pass"],
      ["rollout-notes", "pass"],
      ["linked-risks", "pass"],
      ["dependencies", "pass"],
      ["focus", "pass"],
    ]);
    expect(verdict.conclusion).toBe("success");
    expect(verdict.riskLevel).toBe("low");
  });

  it("fails when a blocking rule fails", () => {
    const verdict = evaluate(goodFacts({ body: "Risk: low\nTracks #12" }), configFrom(null));
    expect(verdict.rules.find((r) => r.id === "rollout-notes")?.status).toBe("fail");
    expect(verdict.conclusion).toBe("failure");
  });

  it("does not fail for a failing rule at level warn", () => {
    const config = configFrom("rules:\n  rollout-notes:\n    level: warn\n");
    const verdict = evaluate(goodFacts({ body: "Risk: low\nTracks #12" }), config);
    expect(verdict.rules.find((r) => r.id === "rollout-notes")).toMatchObject({
      status: "fail",
      level: "warn",
    });
    expect(verdict.conclusion).toBe("success");
  });

  it("skips rules that are off", () => {
    const verdict = evaluate(
      goodFacts({ body: "" }),
      configFrom("rules:\n  rollout-notes: { level: off }\n  linked-risks: { level: off }\n"),
    );
    expect(verdict.rules.filter((r) => r.level === "off").map((r) => [r.id, r.status])).toEqual([
      ["rollout-notes", "skip"],
      ["linked-risks", "skip"],
    ]);
    expect(verdict.conclusion).toBe("success");
  });

  it("tightens the rules for a declared high risk", () => {
    const files = [makeFile({ path: "src/coupon.ts", additions: 160, deletions: 100 })];
    const lowRisk = evaluate(goodFacts({ files, coverage: null }), configFrom(null));
    expect(lowRisk.rules[0]?.status).toBe("warn");
    const highRisk = evaluate(
      goodFacts({ files, coverage: null, labels: ["risk:high"] }),
      configFrom(null),
    );
    expect(highRisk.riskLevel).toBe("high");
    expect(highRisk.rules[0]?.status).toBe("fail");
    expect(highRisk.conclusion).toBe("failure");
  });

  it("treats linguist-generated files as excluded", () => {
    const facts = goodFacts({
      gitattributes: "gen/** linguist-generated\n",
      files: [
        makeFile({ path: "src/coupon.ts", additions: 6 }),
        makeFile({ path: "gen/api.ts", additions: 5000 }),
      ],
    });
    const size = evaluate(facts, configFrom(null)).rules[0];
    expect(size?.status).toBe("pass");
    expect(size?.metrics).toMatchObject({ lines: 6, files: 1, excludedFiles: 1 });
  });

  it.each([
    [{ configChanged: true }, /changes the shipgate configuration\. The change is not applied/],
    [{ filesTruncated: true }, /at most 3,000 changed files/],
    [{ labels: ["risk:extreme"] }, /risk level `extreme` is not one of the configured levels/],
  ])("notes %j", (overrides, note) => {
    const verdict = evaluate(goodFacts(overrides), configFrom(null));
    expect(verdict.notes.join("\n")).toMatch(note);
  });

  it("is deterministic: the same facts give byte-identical JSON", () => {
    const facts = goodFacts({ body: "@team please review <!-- shipgate:v1 -->" });
    expect(renderJson(evaluate(facts, configFrom(null)))).toBe(
      renderJson(evaluate(structuredClone(facts), configFrom(null))),
    );
  });
});
