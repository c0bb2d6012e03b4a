// The gate's one decision rule, shared by evaluate, overrides and pending coverage.
import { conclude } from "../../shared/core/conclude.js";
import type { Level, RuleStatus } from "../../shared/core/types.js";
import { makeResult } from "../builders/make-verdict.js";

const rules = (...pairs: [RuleStatus, Level][]) =>
  pairs.map(([status, level]) => makeResult({ status, level }));

describe("conclude", () => {
  it.each([
    ["no rules", rules(), "success"],
    ["all pass", rules(["pass", "block"], ["skip", "block"]), "success"],
    ["a blocking failure", rules(["pass", "block"], ["fail", "block"]), "failure"],
    ["a failure that only warns", rules(["fail", "warn"]), "success"],
    ["a warning of a blocking rule", rules(["warn", "block"]), "success"],
    ["a blocking pending rule", rules(["pending", "block"]), "neutral"],
    ["a pending rule that only warns", rules(["pending", "warn"]), "success"],
    ["a failure beside a pending rule", rules(["pending", "block"], ["fail", "block"]), "failure"],
  ] as const)("%s: %s", (_name, results, expected) => {
    expect(conclude(results)).toBe(expected);
  });
});
