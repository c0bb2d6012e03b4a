import {
  COMMENT_MARKER,
  MAX_COMMENT_CHARS,
  MAX_TRAILER_CHARS,
  renderComment,
} from "../../../shared/core/render/render-comment.js";
import type { Conclusion } from "../../../shared/core/types.js";
import { makeResult, makeVerdict } from "../../builders/make-verdict.js";
import { expectSafeMarkdown, hostileTexts } from "./hostile-text.js";

describe("renderComment", () => {
  it("keeps to GitHub's own limit: 65,536 characters per comment body", () => {
    expect(MAX_COMMENT_CHARS).toBe(65_536);
  });

  it("opens with the hidden marker on its own line", () => {
    expect(renderComment(makeVerdict()).split("\n")[0]).toBe(COMMENT_MARKER);
  });

  it.each<[Conclusion, string]>([
    ["success", "### ✅ shipgate: ready to ship"],
    ["failure", "### ❌ shipgate: not ready to ship"],
    ["neutral", "### ⚠️ shipgate: not decided yet"],
  ])("heads a %s verdict with %p", (conclusion, headline) => {
    expect(renderComment(makeVerdict({ conclusion })).split("\n")[1]).toBe(headline);
  });

  it("lists every rule in the table with its status and summary", () => {
    const comment = renderComment(
      makeVerdict({
        rules: [
          makeResult({ id: "size", status: "fail", summary: "912 lines (limit 400)" }),
          makeResult({ id: "coverage", status: "fail", level: "warn", summary: "61% (min 80%)" }),
          makeResult({ id: "rollout-notes", status: "skip", level: "off", summary: "Off" }),
        ],
      }),
    );
    expect(comment).toContain("| `size` | ❌ fail | 912 lines (limit 400) |");
    expect(comment).toContain("| `coverage` | ⚠️ fail (not blocking) | 61% (min 80%) |");
    expect(comment).toContain("| `rollout-notes` | ➖ off | Off |");
  });

  it("folds the details of rules that did not pass, open when they block", () => {
    const comment = renderComment(
      makeVerdict({
        rules: [
          makeResult({ id: "size", status: "pass", details: "PASS DETAILS" }),
          makeResult({ id: "coverage", status: "fail", details: "COVERAGE DETAILS" }),
          makeResult({
            id: "linked-risks",
            status: "warn",
            level: "warn",
            details: "RISK DETAILS",
          }),
          makeResult({ id: "rollout-notes", status: "fail", details: "" }),
        ],
      }),
    );
    expect(comment).not.toContain("PASS DETAILS");
    expect(comment).toContain(
      "<details open>\n<summary>❌ <code>coverage</code> · fail</summary>\n\nCOVERAGE DETAILS\n\n</details>",
    );
    expect(comment).toContain(
      "<details>\n<summary>⚠️ <code>linked-risks</code> · warn</summary>\n\nRISK DETAILS\n\n</details>",
    );
    expect(comment).not.toContain("<code>rollout-notes</code>");
  });

  it("lists the verdict's notes, then the configuration notes", () => {
    const comment = renderComment(makeVerdict({ notes: ["Verdict note"] }), {
      configNotes: ["Config note"],
    });
    expect(comment.endsWith("**Notes**\n\n- Verdict note\n- Config note\n")).toBe(true);
  });

  it("says so when no rule is enabled", () => {
    expect(renderComment(makeVerdict({ rules: [] }))).toContain("_No rules are enabled._");
  });

  it("shows the declared risk level, escaped", () => {
    const comment = renderComment(makeVerdict({ riskLevel: "@team <b>high</b>" }));
    expect(comment).toContain("declared risk: **@\u200dteam \\<\u200db\\>high\\<\u200d/b\\>**");
  });

  describe.each(hostileTexts)("with $name", ({ text }) => {
    it("in a summary, keeps the comment intact", () => {
      const rules = [makeResult({ status: "fail", summary: text }), makeResult({ id: "coverage" })];
      const comment = renderComment(makeVerdict({ rules }));
      expectSafeMarkdown(comment, { marker: true });
      expect(comment.split("\n").filter((line) => line.startsWith("| `"))).toHaveLength(2);
    });

    it("in details, keeps the comment intact", () => {
      const comment = renderComment(
        makeVerdict({ rules: [makeResult({ status: "fail", details: `before\n${text}\nafter` })] }),
      );
      expectSafeMarkdown(comment, { marker: true });
    });

    it("in a note or the risk level, keeps the comment intact", () => {
      const comment = renderComment(makeVerdict({ notes: [text], riskLevel: text }), {
        configNotes: [text],
      });
      expectSafeMarkdown(comment, { marker: true });
    });
  });

  describe("when the report is too long for a comment", () => {
    const verdict = makeVerdict({
      rules: [
        makeResult({ id: "size", status: "fail", details: "- `src/file.ts`\n".repeat(10_000) }),
        makeResult({ id: "coverage", status: "fail", details: "Short coverage details." }),
      ],
      notes: ["A note"],
    });

    it("cuts the longest details, keeps the rest whole and stays within the limit", () => {
      const comment = renderComment(verdict);
      expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
      expect(comment.length).toBeGreaterThan(MAX_COMMENT_CHARS - 200);
      expect(comment).toContain("- `src/file.ts`\n\n_… truncated_\n\n</details>");
      expect(comment).toContain("\n\nShort coverage details.\n\n</details>");
      expect(comment).toContain("- A note");
      expectSafeMarkdown(comment, { marker: true });
    });

    it("says where the full report is", () => {
      expect(renderComment(verdict)).toMatch(
        /_Some details were cut to fit GitHub's comment size limit\. The full report is in the shipgate check run and the job summary\._\n$/,
      );
      expect(
        renderComment(verdict, { fullReportHint: "See [the run](https://x.test/1)." }),
      ).toContain("comment size limit. See [the run](https://x.test/1)._");
    });

    it("counts characters outside the Basic Multilingual Plane as two", () => {
      const emoji = makeVerdict({
        rules: [makeResult({ status: "fail", details: "😀".repeat(40_000) })],
      });
      const comment = renderComment(emoji);
      expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
      expect(comment).toContain("_… truncated_");
    });
  });

  it("renders the same verdict to the same bytes", () => {
    const verdict = makeVerdict({ rules: [makeResult({ status: "fail", details: "x" })] });
    expect(renderComment(verdict)).toBe(renderComment(structuredClone(verdict)));
  });
});

describe("renderComment with a trailer", () => {
  const TRAILER = '<!-- shipgate:state {"version":1} -->';

  it("ends with the trailer after a blank line, the report unchanged before it", () => {
    const verdict = makeVerdict({ notes: ["A note"] });
    expect(renderComment(verdict, { trailer: TRAILER })).toBe(
      `${renderComment(verdict).trimEnd()}\n\n${TRAILER}`,
    );
  });

  it("is the plain comment with an empty trailer", () => {
    const verdict = makeVerdict();
    expect(renderComment(verdict, { trailer: "" })).toBe(renderComment(verdict));
  });

  it("cuts the report, not the trailer, to stay within the limit", () => {
    const verdict = makeVerdict({
      rules: [makeResult({ status: "fail", details: "- `src/file.ts`\n".repeat(10_000) })],
    });
    const trailer = `<!-- ${"x".repeat(10_000)} -->`;
    const comment = renderComment(verdict, { trailer });
    expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(comment.length).toBeGreaterThan(MAX_COMMENT_CHARS - 200);
    expect(comment.endsWith(`\n\n${trailer}`)).toBe(true);
    expect(comment).toContain("_… truncated_");
  });

  it("refuses a trailer longer than a quarter of the comment", () => {
    expect(() =>
      renderComment(makeVerdict(), { trailer: "x".repeat(MAX_TRAILER_CHARS + 1) }),
    ).toThrow(RangeError);
    expect(
      renderComment(makeVerdict(), { trailer: "x".repeat(MAX_TRAILER_CHARS) }).endsWith("x"),
    ).toBe(true);
  });
});
