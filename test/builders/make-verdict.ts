// Builders with defaults for renderer tests: say only what the test is about, e.g.
// `makeVerdict({ rules: [makeResult({ id: "size", status: "fail" })] })`.
import { conclude } from "../../shared/core/conclude.js";
import type { LineFinding, RuleResult, Verdict } from "../../shared/core/types.js";

/** A finding on one uncovered line of `src/index.ts`. */
export function makeFinding(overrides: Partial<LineFinding> = {}): LineFinding {
  return {
    rule: "coverage",
    path: "src/index.ts",
    startLine: 10,
    endLine: 10,
    severity: "failure",
    title: "Not covered by tests",
    message: "Changed line 10 is not executed by any test.",
    ...overrides,
  };
}

/** A passing, blocking rule with a one-line summary and no details. */
export function makeResult(overrides: Partial<RuleResult> = {}): RuleResult {
  const id = overrides.id ?? "size";
  const status = overrides.status ?? "pass";
  return {
    id,
    status,
    level: "block",
    summary: `${id}: ${status}`,
    details: "",
    metrics: {},
    findings: [],
    ...overrides,
  };
}

/** A verdict whose conclusion follows from its rules (as evaluate decides) unless given. */
export function makeVerdict(overrides: Partial<Verdict> = {}): Verdict {
  const rules = overrides.rules ?? [makeResult()];
  return {
    version: 1,
    conclusion: conclude(rules),
    riskLevel: null,
    rules,
    notes: [],
    ...overrides,
  };
}
