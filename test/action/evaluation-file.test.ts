// The evaluate → publish hand-over file: what publish accepts from an untrusted artifact.
import { parseEvaluationFile, renderEvaluationFile } from "../../action/evaluation-file.js";
import type { Verdict } from "../../shared/core/types.js";

const verdict: Verdict = {
  version: 1,
  conclusion: "failure",
  riskLevel: "high",
  notes: ["a note"],
  rules: [
    {
      id: "coverage",
      status: "fail",
      level: "block",
      summary: "50% of 10 changed lines",
      details: "Add tests",
      metrics: { patchCoverage: 50 },
      findings: [
        {
          rule: "coverage",
          path: "a.ts",
          startLine: 1,
          endLine: 3,
          severity: "failure",
          title: "Not covered",
          message: "m",
        },
      ],
    },
  ],
};
const evaluation = {
  repository: "acme/shop",
  pullRequest: 7,
  headSha: "a".repeat(40),
  verdict,
  configNotes: [],
};
const bytes = (text: string) => new TextEncoder().encode(text);

describe("evaluation file", () => {
  it("round-trips", () => {
    const parsed = parseEvaluationFile(bytes(renderEvaluationFile(evaluation)));
    expect(parsed).toEqual({
      ok: true,
      evaluation: { shipgate: "evaluation", version: 1, ...evaluation },
    });
  });

  it.each([
    ["not JSON", "{", /is not JSON/],
    ["another document", '{"hello":1}', /is not a shipgate evaluation: shipgate/],
    ["a bad sha", renderEvaluationFile({ ...evaluation, headSha: "main" }), /headSha/],
    ["a bad PR number", renderEvaluationFile({ ...evaluation, pullRequest: -1 }), /pullRequest/],
    [
      "an unknown rule",
      renderEvaluationFile({
        ...evaluation,
        verdict: { ...verdict, rules: [{ ...verdict.rules[0]!, id: "evil" as "size" }] },
      }),
      /verdict.rules.0.id/,
    ],
    [
      "an oversized note",
      renderEvaluationFile({ ...evaluation, verdict: { ...verdict, notes: ["x".repeat(6000)] } }),
      /verdict.notes.0/,
    ],
  ])("refuses %s", (_name, text, message) => {
    const parsed = parseEvaluationFile(bytes(text));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(message);
  });
});
