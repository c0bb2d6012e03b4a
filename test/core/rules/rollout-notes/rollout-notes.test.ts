import { rolloutNotesRuleSchema } from "../../../../shared/core/rules/rollout-notes/schema.js";
import { rolloutNotesRule } from "../../../../shared/core/rules/rollout-notes/rollout-notes.js";
import type { PullRequestFacts } from "../../../../shared/core/types.js";
import { makeFacts, makeFile, makeRuleContext } from "../../../builders/make-facts.js";

const config = (overrides: object = {}) => rolloutNotesRuleSchema().parse(overrides);
const run = (
  facts: Partial<PullRequestFacts>,
  overrides: object = {},
  riskLevel: string | null = null,
) => rolloutNotesRule(makeFacts(facts), config(overrides), makeRuleContext({ riskLevel }));

const GOOD = [
  "## Summary",
  "Adds the new checkout.",
  "",
  "## Rollout",
  "- Rollback: revert this PR; no schema change.",
  "- Monitoring: checkout error-rate dashboard for an hour.",
  "",
  "## Testing",
  "Unit tests.",
].join("\n");

describe("rollout-notes rule", () => {
  describe("when it applies", () => {
    const when = { paths: ["migrations/**"], labels: ["deploy"], risk: ["high"] };
    it.each([
      ["a changed path matches", { files: [makeFile({ path: "migrations/001.sql" })] }, null],
      [
        "a renamed file's old path matches",
        {
          files: [
            makeFile({
              path: "old/001.sql",
              previousPath: "migrations/001.sql",
              status: "renamed",
            }),
          ],
        },
        null,
      ],
      ["a label matches, ignoring case", { labels: ["Deploy"] }, null],
      ["the declared risk level matches", {}, "high"],
    ] satisfies [string, Partial<PullRequestFacts>, string | null][])(
      "applies when %s",
      (_case, facts, risk) => {
        const result = run({ ...facts, body: "" }, { when }, risk);
        expect(result.status).toBe("fail");
        expect(result.metrics.applies).toBe(true);
      },
    );

    it("skips with the reasons when no condition matches", () => {
      const result = run(
        { files: [makeFile({ path: "src/a.ts" })], labels: ["bug"] },
        { when },
        "low",
      );
      expect(result).toMatchObject({
        id: "rollout-notes",
        status: "skip",
        summary:
          "Not required: no changed file matches `when.paths`; no label in `when.labels`; risk level `low`, not in `when.risk`",
        metrics: { applies: false, sectionFound: false, missing: [], words: 0 },
      });
    });

    it("skips when `when` has no conditions", () => {
      expect(run({}, { when: {} }).summary).toBe("Not required: `when` has no conditions");
    });

    it("applies always by default", () => {
      expect(run({ body: GOOD }).metrics.applies).toBe(true);
    });
  });

  it("passes a section that addresses every required item", () => {
    const result = run({ body: GOOD });
    expect(result).toMatchObject({
      status: "pass",
      level: "block",
      summary: "`Rollout` section addresses Rollback, Monitoring, 14 words (at least 5)",
      metrics: { applies: true, sectionFound: true, missing: [], words: 14, notApplicable: [] },
      findings: [],
    });
  });

  it("fails without a section and shows a section to copy", () => {
    const result = run({ body: "## Summary\nAdds the new checkout." });
    expect(result.status).toBe("fail");
    expect(result.summary).toBe(
      "No `Rollout` section in the description (required: Rollback, Monitoring)",
    );
    expect(result.metrics).toEqual({
      applies: true,
      sectionFound: false,
      missing: ["rollback", "monitoring"],
      words: 0,
    });
    expect(result.details).toContain("```markdown\n## Rollout\n\n- Rollback: ");
    expect(result.details).toContain("- Monitoring: ");
  });

  it("passes its own example section", () => {
    const overrides = {
      require: ["plan", "rollback", "flag", "monitoring"],
      section: ["Deploy notes"],
    };
    const example = /```markdown\n([\s\S]*?)\n```/.exec(run({ body: "" }, overrides).details)?.[1];
    expect(example).toContain("## Deploy notes");
    expect(run({ body: example }, overrides).status).toBe("pass");
  });

  it.each([
    [
      "a missing item",
      "## Rollout\nRollback: revert this PR and redeploy it.",
      "missing Monitoring",
      ["monitoring"],
    ],
    [
      "too few words",
      "## Rollout\nRollback: revert.\nMonitoring: graphs.",
      "4 of at least 5 words",
      [],
    ],
    [
      "placeholders",
      "## Rollout\nRollback: TODO\nMonitoring: TBD",
      "missing Rollback, Monitoring; 2 of at least 5 words",
      ["rollback", "monitoring"],
    ],
  ])("fails %s", (_case, body, problem, missing) => {
    const result = run({ body });
    expect(result.status).toBe("fail");
    expect(result.summary).toBe(`\`Rollout\` section incomplete: ${problem}`);
    expect(result.metrics.missing).toEqual(missing);
  });

  it("explains what is missing, item by item", () => {
    const details = run({
      body: "## Rollout\nRollback: N/A\nMonitoring: dashboards and alerts on errors",
    }).details;
    expect(details).toContain(
      "- Rollback: missing: N/A needs a reason, e.g. `N/A: no schema change`",
    );
    expect(details).toContain("- Monitoring: addressed");
  });

  it("accepts N/A with a reason", () => {
    const result = run({
      body: "## Rollout\nRollback: N/A: read-only reporting change\nMonitoring: the reports dashboard",
    });
    expect(result.status).toBe("pass");
    expect(result.metrics.notApplicable).toEqual(["rollback"]);
  });

  describe("text that is not the author's", () => {
    const template = [
      "## Rollout",
      "<!-- How will this ship, and how do we undo it? -->",
      "- Rollback:",
      "- Monitoring:",
      "- [ ] Feature flag in place",
    ].join("\n");

    it("does not count a template left unchanged", () => {
      const result = run({ body: template, pullRequestTemplate: template });
      expect(result.status).toBe("fail");
      expect(result.metrics).toMatchObject({
        sectionFound: true,
        words: 0,
        missing: ["rollback", "monitoring"],
      });
    });

    it("counts what the author wrote under the template's labels", () => {
      const body = template
        .replace("- Rollback:", "- Rollback:\n  revert the deploy in Argo")
        .replace("- Monitoring:", "- Monitoring: checkout error rate");
      const result = run({ body, pullRequestTemplate: template });
      expect(result.status).toBe("pass");
      expect(result.metrics.words).toBe(9);
    });

    it.each([
      ["a heading inside a comment", "<!--\n## Rollout\nRollback: revert\n-->"],
      [
        "an unterminated comment",
        "## Rollout\n<!-- Rollback: revert the deploy, Monitoring: dashboards",
      ],
    ])("ignores %s", (_case, body) => {
      expect(run({ body }).metrics.words).toBe(0);
    });
  });

  it("reads a one-line section after a bold label", () => {
    const body =
      "**Rollout:** canary to 10%, roll back by reverting, watch the error dashboard\n**Testing:** unit";
    expect(run({ body })).toMatchObject({ status: "pass", metrics: { words: 11 } });
  });

  it("handles CRLF bodies", () => {
    expect(run({ body: GOOD.replace(/\n/g, "\r\n") }).status).toBe("pass");
  });

  it("escapes the configured section name", () => {
    const result = run({ body: "" }, { section: ["Roll`out"] });
    expect(result.summary).toContain("``Roll`out``");
  });

  it("does not take a pasted example in a code block as the author's answers", () => {
    const body = [
      "## Rollout",
      "We deploy it with the usual pipeline today.",
      "```markdown",
      "## Rollout",
      "- Rollback: revert this pull request and redeploy.",
      "- Monitoring: watch the checkout error-rate dashboard.",
      "```",
    ].join("\n");
    const result = run({ body });
    expect(result.status).toBe("fail");
    expect(result.metrics).toMatchObject({
      sectionFound: true,
      missing: ["rollback", "monitoring"],
    });
  });

  it("finds no section when its only heading is inside a code block", () => {
    const body = "```\n## Rollout\n- Rollback: revert\n- Monitoring: graphs\n```\n";
    expect(run({ body }).metrics).toMatchObject({ sectionFound: false });
  });

  describe("only visible text counts", () => {
    it.each([
      [
        "empty links and images",
        "[](https://example.com/rollback-revert) [](https://example.com/monitoring-dashboards)\n![](https://example.com/alerts.png) ![](https://example.com/metrics.png)",
      ],
      [
        "a link target naming an item",
        "Rollback: revert the deploy from the release page.\n[x](javascript:alert(1))",
      ],
      [
        "an image's alt text",
        "Rollback: revert the deploy from the release page.\n![monitoring dashboards](https://example.com/a.png)",
      ],
      [
        "a reference definition",
        "Rollback: revert the deploy from the release page.\n[dash]: https://example.com/monitoring/alerts",
      ],
      [
        "an HTML tag's attributes",
        'Rollback: revert the deploy from the release page.\n<img src="https://example.com/alerts.png" alt="monitoring">',
      ],
    ])("does not take %s for an answer", (_case, section) => {
      const result = run({ body: `## Rollout\n${section}\n` });
      expect(result.status).toBe("fail");
      expect(result.metrics.missing).toContain("monitoring");
    });

    it("reads a link's text, not its target", () => {
      const section =
        "- Rollback: [revert the deploy](https://example.com/runbook) from the release page.\n- Monitoring: the [checkout dashboard](https://example.com/d) for an hour.";
      const result = run({ body: `## Rollout\n${section}\n` });
      expect(result.status).toBe("pass");
      expect(result.metrics.words).toBe(15);
    });

    it("still recognises a template line that holds a link", () => {
      const template = "## Rollout\n- Monitoring: see the [dashboard](https://example.com/d)\n";
      const body = `${template}- Rollback: revert the deploy from the release page.\n`;
      const result = run({ body, pullRequestTemplate: template });
      expect(result.metrics.missing).toEqual(["monitoring"]);
    });
  });

  it("processes a 10 MB body", () => {
    const filler = "Lorem ipsum `dolor` <!-- sit --> **amet** #12 roll back 10% — ✓\r\n".repeat(
      160_000,
    );
    const body = `## Rollout\n${filler}\nRollback: revert\nMonitoring: graphs`;
    expect(body.length).toBeGreaterThan(10_000_000);
    expect(run({ body }).status).toBe("pass");
  });

  const TEN_MB = 10_000_000;
  it.each([
    ["unclosed tags", " <a"],
    ["spaces", " "],
    ["emphasis markers", "*_`~"],
    ["digits", "1"],
    ["comment openers", "<!--"],
    ["ticked checkboxes", "- [x] "],
    ["separators", ": -"],
  ])("processes a 10 MB line of %s", (_case, unit) => {
    const body = `## Rollout\nRollback: ${unit.repeat(Math.ceil(TEN_MB / unit.length))}x`;
    expect(run({ body }).metrics.sectionFound).toBe(true);
  });
});
