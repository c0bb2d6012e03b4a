import { renderText } from "../../../shared/core/render/render-text.js";
import { makeResult, makeVerdict } from "../../builders/make-verdict.js";
import { hostileTexts } from "./hostile-text.js";

// eslint-disable-next-line no-control-regex
const ESC = /\u001b/;

describe("renderText", () => {
  const verdict = makeVerdict({
    rules: [
      makeResult({ id: "size", status: "fail", summary: "912 lines", details: "Split **it**." }),
      makeResult({ id: "coverage", summary: "92%", details: "Not shown: it passed." }),
      makeResult({ id: "linked-risks", status: "warn", level: "warn", summary: "No \\#link" }),
    ],
    notes: ["A `note`"],
    riskLevel: "high",
  });

  it("lists the rules, explains failures and warnings, and ends with the conclusion", () => {
    expect(renderText(verdict, { color: false })).toBe(
      [
        "✖ size          fail  912 lines",
        "✔ coverage      pass  92%",
        "⚠ linked-risks  warn  No #link",
        "",
        "✖ size: fail",
        "  Split it.",
        "",
        "Notes:",
        "  - A note",
        "",
        "✖ shipgate: not ready to ship — size failed (1 blocking failure · 1 warning · 1 passed · declared risk: high)",
        "",
      ].join("\n"),
    );
  });

  it("colours only when asked", () => {
    expect(renderText(verdict, { color: false })).not.toMatch(ESC);
    const coloured = renderText(verdict, { color: true });
    expect(coloured).toContain("\u001b[31m✖ size          fail\u001b[39m  912 lines");
    expect(coloured).toContain("\u001b[32m✔ coverage      pass\u001b[39m");
    expect(coloured).toContain("\u001b[33m⚠ linked-risks  warn\u001b[39m");
  });

  it.each([
    {
      conclusion: "success" as const,
      rules: [makeResult()],
      last: "✔ shipgate: ready to ship (1 passed)",
    },
    {
      conclusion: "neutral" as const,
      rules: [makeResult({ id: "coverage", status: "pending" })],
      last: "⚠ shipgate: not decided yet — coverage pending (1 pending)",
    },
  ])("ends a $conclusion verdict with $last", ({ rules, last }) => {
    const lines = renderText(makeVerdict({ rules }), { color: false }).trimEnd().split("\n");
    expect(lines[lines.length - 1]).toBe(last);
  });

  it.each(hostileTexts)("cannot be made to emit control sequences by $name", ({ text }) => {
    const hostile = makeVerdict({
      rules: [makeResult({ id: "size", status: "fail", summary: text, details: text })],
      notes: [text],
      riskLevel: text,
    });
    for (const color of [false, true]) {
      const output = renderText(hostile, { color });
      // Only the renderer's own SGR colour codes may appear.
      // eslint-disable-next-line no-control-regex
      const rest = output.replace(/\u001b\[(?:1|2|22|31|32|33|36|39)m/g, "");
      // eslint-disable-next-line no-control-regex
      expect(rest).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
  });

  it("says so when no rule is enabled", () => {
    expect(renderText(makeVerdict({ rules: [] }), { color: false })).toBe(
      "No rules are enabled.\n\n✔ shipgate: ready to ship\n",
    );
  });

  it("keeps each rule on one line whatever its summary", () => {
    const output = renderText(
      makeVerdict({ rules: [makeResult({ summary: "one\ntwo\r\nthree" })] }),
      { color: false },
    );
    expect(output.split("\n")[0]).toBe("✔ size  pass  one two three");
  });
});
