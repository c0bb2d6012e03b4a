import { declaredRiskLevel } from "../../../../shared/core/rules/linked-risks/declared-risk-level.js";
import { makeFacts } from "../../../builders/make-facts.js";

const LEVELS = ["low", "medium", "high"];
const declared = (
  facts: { labels?: string[]; body?: string; pullRequestTemplate?: string | null },
  prefix = "risk:",
) => declaredRiskLevel(makeFacts(facts), LEVELS, prefix);

describe("declaredRiskLevel", () => {
  it.each([
    ["a label", { labels: ["risk:high"] }, "high", "label"],
    ["a label in another case", { labels: ["Risk:HIGH"] }, "high", "label"],
    ["a label with a space", { labels: ["risk: medium"] }, "medium", "label"],
    [
      "the highest of several labels",
      { labels: ["risk:low", "risk:high", "risk:medium"] },
      "high",
      "label",
    ],
    ["a label over the body", { labels: ["risk:low"], body: "Risk: high" }, "low", "label"],
    ["Risk: high", { body: "Risk: high" }, "high", "body"],
    ["Risk level: medium", { body: "Some text\nRisk level: medium\n" }, "medium", "body"],
    ["Risk-level: low", { body: "Risk-level: low" }, "low", "body"],
    ["**Risk:** high", { body: "**Risk:** high" }, "high", "body"],
    ["**Risk level**: High", { body: "- **Risk level**: High" }, "high", "body"],
    ["Risk: **high**", { body: "> Risk: **high** (payments)" }, "high", "body"],
    ["a heading line", { body: "### Risk: low" }, "low", "body"],
    ["a value in brackets", { body: "Risk: [medium]." }, "medium", "body"],
    ["an explanation after the value", { body: "Risk: high, touches payments" }, "high", "body"],
    ["CRLF", { body: "x\r\nRisk: low\r\n" }, "low", "body"],
  ])("reads %s", (_case, facts, level, source) => {
    expect(declared(facts)).toEqual({ level, source });
  });

  it.each([
    ["nothing", {}],
    ["a label without the prefix", { labels: ["high"] }],
    ["a line in code", { body: "`Risk: high`\n```\nRisk: high\n```" }],
    ["a line in a comment", { body: "<!-- Risk: high -->" }],
    ["a list of the choices", { body: "Risk: low / medium / high" }],
    ["a list of the choices without spaces", { body: "Risk: low/medium/high" }],
    [
      "a line left from the template",
      { body: "Risk: low", pullRequestTemplate: "## Risk\nRisk: low\n" },
    ],
    ["a word that only starts like risk", { body: "Risky: high" }],
    ["an empty value", { body: "Risk:" }],
  ])("reads no level from %s", (_case, facts) => {
    expect(declared(facts)).toEqual({ level: null, source: null });
  });

  it.each([
    [
      "an unknown label",
      { labels: ["risk:extreme"] },
      { level: null, source: null, invalid: "extreme" },
    ],
    [
      "an unknown body value",
      { body: "Risk: severe" },
      { level: null, source: null, invalid: "severe" },
    ],
    [
      "an unknown label beside a valid body line",
      { labels: ["risk:extreme"], body: "Risk: low" },
      { level: "low", source: "body", invalid: "extreme" },
    ],
    [
      "an unknown label beside a valid label",
      { labels: ["risk:extreme", "risk:low"] },
      { level: "low", source: "label", invalid: "extreme" },
    ],
    [
      "an unknown line before a valid one",
      { body: "Risk: severe\nRisk: high" },
      { level: "high", source: "body", invalid: "severe" },
    ],
  ])("reports %s", (_case, facts, expected) => {
    expect(declared(facts)).toEqual(expected);
  });

  it("uses the configured prefix, ignoring case", () => {
    expect(declared({ labels: ["Severity/High"] }, "severity/")).toEqual({
      level: "high",
      source: "label",
    });
  });

  it("with an empty prefix, reads only labels that are levels", () => {
    expect(declared({ labels: ["bug", "medium"] }, "")).toEqual({
      level: "medium",
      source: "label",
    });
  });

  it("returns the level as spelled in the configuration", () => {
    const facts = makeFacts({ labels: ["risk:HIGH"] });
    expect(declaredRiskLevel(facts, ["Low", "High"], "risk:").level).toBe("High");
  });

  it("reads a 10 MB body", () => {
    const body = `${"Risk ".repeat(2_000_000)}\nRisk: ${"[".repeat(100_000)}high${".".repeat(100_000)}`;
    expect(declared({ body }).level).toBe("high");
  });
});
