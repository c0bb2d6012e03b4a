import { linkedRisksRuleSchema } from "../../../../shared/core/rules/linked-risks/schema.js";
import {
  linkedRisksRule,
  type LinkedRisksConfig,
} from "../../../../shared/core/rules/linked-risks/linked-risks.js";
import type { LinkedItemFacts, PullRequestFacts } from "../../../../shared/core/types.js";
import { makeFacts, makeRuleContext } from "../../../builders/make-facts.js";

const config = (overrides: object = {}): LinkedRisksConfig => ({
  ...linkedRisksRuleSchema().parse(overrides),
  levels: ["low", "medium", "high"],
  labelPrefix: "risk:",
});
const run = (facts: Partial<PullRequestFacts>, overrides: Partial<LinkedRisksConfig> = {}) =>
  linkedRisksRule(makeFacts(facts), { ...config(), ...overrides }, makeRuleContext());
const item = (ref: string, overrides: Partial<LinkedItemFacts> = {}): LinkedItemFacts => ({
  ref,
  exists: true,
  state: "open",
  labels: ["risk"],
  title: "Checkout may double-charge",
  ...overrides,
});

const BODY = "Risk: medium\nRisk item: #12";

describe("linked-risks rule", () => {
  it("passes a link and a level, saying GitHub refs were not verified when nobody could look", () => {
    const result = run({ body: BODY });
    expect(result).toMatchObject({
      id: "linked-risks",
      status: "pass",
      level: "warn",
      summary: "linked `acme/shop#12` (not verified); risk level `medium` (from body)",
      metrics: {
        references: ["acme/shop#12"],
        verified: false,
        riskLevel: "medium",
        riskLevelSource: "body",
        invalidRiskLevel: null,
      },
      findings: [],
    });
    expect(result.details).toContain("| `acme/shop#12` | not verified |");
    expect(result.details).toContain("GitHub references were not verified here");
  });

  it.each([
    ["no link", { body: "Risk: low" }, {}, "no risk link; risk level `low` (from body)"],
    ["no level", { body: "#12" }, {}, "no risk level; linked `acme/shop#12` (not verified)"],
    [
      "an unknown level",
      { body: "#12", labels: ["risk:extreme"] },
      {},
      "unknown risk level `extreme`; linked `acme/shop#12` (not verified)",
    ],
    [
      "an invalid pattern",
      { body: BODY },
      { patterns: ["(("] },
      "invalid pattern in `rules.linked-risks.patterns`; linked `acme/shop#12` (not verified); risk level `medium` (from body)",
    ],
  ])("fails on %s", (_case, facts, overrides, summary) => {
    const result = run(facts, overrides);
    expect(result.status).toBe("fail");
    expect(result.summary).toBe(summary);
  });

  it.each([
    ["require-link off", { body: "Risk: low" }, { "require-link": false }],
    ["require-level off", { body: "#12" }, { "require-level": false }],
    ["an outside reference", { body: "Risk: low, RISK-7" }, { patterns: ["RISK-\\d+"] }],
    ["a level from a label", { body: "#12", labels: ["risk:high"] }, {}],
  ])("passes with %s", (_case, facts, overrides) => {
    expect(run(facts, overrides).status).toBe("pass");
  });

  it("tells the author how to declare a level and link an item", () => {
    const details = run({ body: "" }, { patterns: ["RISK-\\d+"] }).details;
    expect(details).toContain("Link the item that tracks this change's risk");
    expect(details).toContain("or a reference matching `RISK-\\d+`");
    expect(details).toContain("add the label `risk:medium` or a line `Risk: medium`");
  });

  it("says so when nothing is found and nothing is required", () => {
    const result = run({ body: "" }, { "require-link": false, "require-level": false });
    expect(result.summary).toBe("no risk link or risk level (neither is required)");
  });

  it("warns when an unknown level sits beside a valid one", () => {
    const result = run({ body: "#12\nRisk: low", labels: ["risk:extreme"] });
    expect(result.status).toBe("warn");
    expect(result.details).toContain(
      "`extreme` is not a configured risk level: use one of `low`, `medium`, `high`.",
    );
  });

  describe("with what the API said about the linked items", () => {
    it.each([
      ["an existing open item", "pass", [item("acme/shop#12")], {}],
      ["an item looked up in another case", "pass", [item("Acme/Shop#12")], {}],
      ["an item that does not exist", "fail", [item("acme/shop#12", { exists: false })], {}],
      ["a closed item", "warn", [item("acme/shop#12", { state: "closed" })], {}],
      [
        "an item without the risk label",
        "fail",
        [item("acme/shop#12", { labels: ["bug"] })],
        { "issue-label": "risk" },
      ],
      [
        "an item with the risk label in another case",
        "pass",
        [item("acme/shop#12", { labels: ["RISK"] })],
        { "issue-label": "risk" },
      ],
      ["an item the adapter did not report", "pass", [], {}],
    ] as const)("%s: %s", (_case, status, linkedItems, overrides) => {
      const result = run({ body: BODY, linkedItems: [...linkedItems] }, overrides);
      expect(result.status).toBe(status);
      expect(result.metrics.verified).toBe(true);
    });

    it("names problems and notes together in the summary", () => {
      const linkedItems = [
        item("acme/shop#12", { state: "closed" }),
        item("acme/shop#9", { exists: false }),
      ];
      expect(run({ body: `${BODY} #9`, linkedItems }).summary).toBe(
        "`acme/shop#9` not found; `acme/shop#12` closed; linked `acme/shop#12`, `acme/shop#9`; risk level `medium` (from body)",
      );
    });

    it("names the missing label", () => {
      const result = run(
        { body: BODY, linkedItems: [item("acme/shop#12", { labels: [] })] },
        { "issue-label": "risk" },
      );
      expect(result.summary).toContain("no linked item has the label `risk`");
      expect(result.details).toContain(
        "Add the label `risk` to the issue that tracks the risk (`acme/shop#12`)",
      );
    });

    it("accepts one labelled item beside an unrelated one", () => {
      const linkedItems = [item("acme/shop#5", { labels: ["bug"] }), item("acme/shop#12")];
      const result = run({ body: `Fixes #5\n${BODY}`, linkedItems }, { "issue-label": "risk" });
      expect(result.status).toBe("pass");
      expect(result.details).toContain("| `acme/shop#5` | open, without the risk label |");
    });

    it("fails on a reference that does not exist, even beside a good one", () => {
      const linkedItems = [item("acme/shop#12"), item("acme/shop#99", { exists: false })];
      const result = run({ body: `${BODY}\nalso #99`, linkedItems });
      expect(result.status).toBe("fail");
      expect(result.summary).toMatch(/^`acme\/shop#99` not found; linked /);
    });

    it("escapes item titles", () => {
      const linkedItems = [item("acme/shop#12", { title: "@admins <b>|</b>" })];
      const details = run({ body: BODY, linkedItems }).details;
      expect(details).not.toContain("@admins");
      expect(details).not.toContain("<b>");
      expect(
        details
          .split("\n")
          .filter((l) => l.includes("acme/shop#12"))[0]
          ?.split(/(?<!\\)\|/),
      ).toHaveLength(5);
    });
  });

  it("says when the patterns' search stopped early, and still fails without a link", () => {
    const body = `Risk: low\n${"a".repeat(60_000)}\nRISK-1`;
    // One attempt on the long line would cost 60,001 characters × 71 instructions × 2 (a group).
    const result = run({ body }, { patterns: ["(.*a){12}b|RISK-\\d+"] });
    expect(result.status).toBe("fail");
    expect(result.summary).toMatch(/^no risk link/);
    expect(result.details).toMatch(
      /The search for `rules\.linked-risks\.patterns` stopped before the end of the description/,
    );
    expect(run({ body: "Risk: low\nRISK-1" }, { patterns: ["RISK-\\d+"] }).details).not.toMatch(
      /stopped before the end/,
    );
  });
});
