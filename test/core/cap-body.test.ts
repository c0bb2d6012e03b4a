import { capBody, MAX_BODY_CHARS } from "../../shared/core/cap-body.js";
import { parseConfig } from "../../shared/core/config/parse-config.js";
import { evaluate } from "../../shared/core/evaluate.js";
import { findRiskReferences } from "../../shared/core/rules/linked-risks/find-risk-references.js";
import { makeFacts } from "../builders/make-facts.js";

const config = (() => {
  const result = parseConfig("rules:\n  coverage: { level: off }\n", ".github/shipgate.yml");
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
})();

const ROLLOUT =
  "## Rollout\n- Rollback: revert the deploy.\n- Monitoring: the checkout dashboard.\n";
/** Filler that reaches exactly to the cap, so whatever follows it is past the cap. */
const FILLER = `${"x".repeat(MAX_BODY_CHARS - 1)}\n`;

describe("capBody", () => {
  it.each([
    ["an empty body", "", ""],
    ["a body at the cap", "a".repeat(MAX_BODY_CHARS), "a".repeat(MAX_BODY_CHARS)],
    ["a body over the cap", "a".repeat(MAX_BODY_CHARS + 5), "a".repeat(MAX_BODY_CHARS)],
    [
      "a surrogate pair across the cap",
      `${"a".repeat(MAX_BODY_CHARS - 1)}😀b`,
      "a".repeat(MAX_BODY_CHARS - 1),
    ],
  ])("keeps the first 65,536 characters of %s", (_name, body, expected) => {
    expect(capBody(body)).toBe(expected);
  });
});

describe("evaluate reads the capped body", () => {
  it("does not read a Rollout section or a risk level past the cap, and says it cut", () => {
    const verdict = evaluate(makeFacts({ body: `${FILLER}Risk: high\n${ROLLOUT}` }), config);
    expect(verdict.riskLevel).toBeNull();
    expect(verdict.rules.find((r) => r.id === "rollout-notes")?.summary).toMatch(
      /^No `Rollout` section/,
    );
    expect(verdict.notes).toContain(
      `The description is ${(MAX_BODY_CHARS + 11 + ROLLOUT.length).toLocaleString("en-US")} characters long; GitHub keeps at most 65,536, so only the first 65,536 were read.`,
    );
  });

  it("reads everything up to the cap, with no note", () => {
    const body = `${ROLLOUT}Risk: high\n`.padEnd(MAX_BODY_CHARS, "x");
    const verdict = evaluate(makeFacts({ body }), config);
    expect(verdict.riskLevel).toBe("high");
    expect(verdict.rules.find((r) => r.id === "rollout-notes")?.status).toBe("pass");
    expect(verdict.notes).toEqual([]);
  });
});

describe("findRiskReferences reads the capped body", () => {
  it("looks up nothing past the cap (adapters call it with the raw body)", () => {
    expect(findRiskReferences(`#1 ${FILLER}#2 RISK-3`, ["RISK-\\d+"], "acme/shop")).toEqual({
      github: ["acme/shop#1"],
      other: [],
      errors: [],
      truncated: false,
    });
  });
});
