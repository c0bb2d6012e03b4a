// The report reads back what shipgate's own renderers wrote: the check run summary and the
// sticky comment, with every status the rule table can show.
import { encodeAppState } from "../../../shared/core/app-state-marker.js";
import { applyOverrides } from "../../../shared/core/apply-overrides.js";
import { renderCheckRun } from "../../../shared/core/render/render-check-run.js";
import { renderComment } from "../../../shared/core/render/render-comment.js";
import { readCommentOverrides } from "../../../shared/core/report/read-comment-overrides.js";
import { readRuleTable } from "../../../shared/core/report/read-rule-table.js";
import { makeResult, makeVerdict } from "../../builders/make-verdict.js";

const override = {
  rule: "coverage" as const,
  by: "lead",
  at: "2024-01-10T11:00:00Z",
  reason: "Hotfix --> <b>tests</b> | follow & soon",
  sha: "a".repeat(40),
};
const verdict = applyOverrides(
  makeVerdict({
    rules: [
      makeResult({ id: "size", status: "fail", level: "warn", summary: "Too large | 900 lines" }),
      makeResult({ id: "coverage", status: "fail" }),
      makeResult({ id: "rollout-notes", status: "pending" }),
      makeResult({ id: "linked-risks", status: "skip", level: "off" }),
    ],
  }),
  [override],
);
const expected = [
  { rule: "size", outcome: "warn" },
  { rule: "coverage", outcome: "overridden" },
  { rule: "rollout-notes", outcome: "pending" },
  { rule: "linked-risks", outcome: "skip" },
];

describe("readRuleTable", () => {
  it("reads a check run's summary", () => {
    expect(readRuleTable(renderCheckRun(verdict).summary)).toEqual(expected);
  });

  it("reads the sticky comment", () => {
    expect(readRuleTable(renderComment(verdict))).toEqual(expected);
  });

  it.each([
    ["pass", "pass", "block"],
    ["warn", "warn", "block"],
    ["fail", "fail", "block"],
    ["skip", "skip", "block"],
  ] as const)("reads %s", (status, outcome, level) => {
    const one = makeVerdict({ rules: [makeResult({ id: "size", status, level })] });
    expect(readRuleTable(renderCheckRun(one).summary)).toEqual([{ rule: "size", outcome }]);
  });

  it("says null when there is no table", () => {
    expect(readRuleTable("Ready to ship")).toBeNull();
  });
});

describe("readCommentOverrides", () => {
  it("reads the App's state from its comment", () => {
    const body = renderComment(verdict, {
      trailer: encodeAppState({ version: 1, overrides: [override], coverageRun: null }),
    });
    expect(readCommentOverrides(body)).toEqual([override]);
  });

  it.each([
    ["no state", "hello"],
    ["broken JSON", "<!-- shipgate:state {nope} -->"],
    [
      "an unknown rule",
      `<!-- shipgate:state ${JSON.stringify({ overrides: [{ ...override, rule: "speed" }] })} -->`,
    ],
  ])("reads none from %s", (_case, body) => {
    expect(readCommentOverrides(body)).toEqual([]);
  });
});
