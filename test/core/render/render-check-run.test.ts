import {
  MAX_CHECK_RUN_BYTES,
  renderCheckRun,
} from "../../../shared/core/render/render-check-run.js";
import { makeResult, makeVerdict } from "../../builders/make-verdict.js";
import { expectSafeMarkdown, hostileTexts } from "./hostile-text.js";

describe("renderCheckRun", () => {
  it("keeps to GitHub's own limit: 65,535 bytes per check-run output field", () => {
    expect(MAX_CHECK_RUN_BYTES).toBe(65_535);
  });

  it.each([
    {
      name: "blocking failures",
      rules: [
        makeResult({ id: "size", status: "fail" }),
        makeResult({ id: "coverage", status: "fail" }),
        makeResult({ id: "linked-risks", status: "fail", level: "warn" }),
      ],
      title: "Not ready to ship: size and coverage failed",
    },
    { name: "all passing", rules: [makeResult()], title: "Ready to ship" },
    {
      name: "warnings only",
      rules: [
        makeResult({ id: "size", status: "warn" }),
        makeResult({ id: "linked-risks", status: "fail", level: "warn" }),
      ],
      title: "Ready to ship, with warnings: size and linked-risks",
    },
    {
      name: "a pending blocking rule",
      rules: [makeResult({ id: "coverage", status: "pending" })],
      title: "Not decided yet: coverage pending",
    },
  ])("titles $name as $title", ({ rules, title }) => {
    expect(renderCheckRun(makeVerdict({ rules })).title).toBe(title);
  });

  it("puts the headline and table in the summary and every rule's details in the text", () => {
    const output = renderCheckRun(
      makeVerdict({
        rules: [
          makeResult({ id: "size", summary: "120 lines", details: "Size details." }),
          makeResult({
            id: "coverage",
            status: "fail",
            summary: "50%",
            details: "Coverage details.",
          }),
        ],
        notes: ["A note"],
      }),
    );
    expect(output.summary).toContain("### ❌ shipgate: not ready to ship");
    expect(output.summary).toContain("| `coverage` | ❌ fail | 50% |");
    expect(output.summary).toContain("- A note");
    expect(output.text).toBe(
      "### ✅ `size` · pass\n\n120 lines\n\nSize details.\n\n" +
        "### ❌ `coverage` · fail\n\n50%\n\nCoverage details.\n\n",
    );
  });

  it("has empty text when no rule has details", () => {
    expect(renderCheckRun(makeVerdict()).text).toBe("");
  });

  it("keeps summary and text within 65,535 bytes, counting multi-byte characters", () => {
    const output = renderCheckRun(
      makeVerdict({
        rules: [makeResult({ status: "fail", details: "é€😀\n".repeat(20_000) })],
        notes: Array.from({ length: 30 }, () => "€".repeat(1000)),
      }),
    );
    for (const part of [output.summary, output.text]) {
      expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(MAX_CHECK_RUN_BYTES);
      expect(part).toContain("_Some details were cut to fit GitHub's check run size limit.");
    }
  });

  it("shortens a title that names many rules", () => {
    const rules = Array.from({ length: 30 }, () =>
      makeResult({ id: "rollout-notes", status: "fail" }),
    );
    const { title } = renderCheckRun(makeVerdict({ rules }));
    expect(title.length).toBe(120);
    expect(title.endsWith("…")).toBe(true);
  });

  it.each(hostileTexts)("keeps $name in user text from breaking the output", ({ text }) => {
    const output = renderCheckRun(
      makeVerdict({
        rules: [makeResult({ status: "fail", summary: text, details: text })],
        notes: [text],
        riskLevel: text,
      }),
    );
    expectSafeMarkdown(output.summary, { marker: false });
    expectSafeMarkdown(output.text, { marker: false });
    // eslint-disable-next-line no-control-regex
    expect(output.title).not.toMatch(/[\u0000-\u001f]/);
  });
});
