import { COMMENT_MARKER, renderComment } from "../../../shared/core/render/render-comment.js";
import { MAX_SUMMARY_BYTES, renderSummary } from "../../../shared/core/render/render-summary.js";
import { makeResult, makeVerdict } from "../../builders/make-verdict.js";

describe("renderSummary", () => {
  it("is the comment without its hidden marker", () => {
    const verdict = makeVerdict({
      rules: [makeResult({ status: "fail", details: "Details." })],
      notes: ["A note"],
    });
    expect(renderSummary(verdict, { configNotes: ["Config"] })).toBe(
      renderComment(verdict, { configNotes: ["Config"] }).slice(COMMENT_MARKER.length + 1),
    );
  });

  it("keeps details a comment would have to cut", () => {
    const details = "x".repeat(100_000);
    const summary = renderSummary(
      makeVerdict({ rules: [makeResult({ status: "fail", details })] }),
    );
    expect(summary).toContain(details);
    expect(summary).not.toContain("truncated");
  });

  it("cuts to 1 MiB of UTF-8", () => {
    const details = "€".repeat(400_000);
    const summary = renderSummary(
      makeVerdict({ rules: [makeResult({ status: "fail", details })] }),
    );
    expect(Buffer.byteLength(summary, "utf8")).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(Buffer.byteLength(summary, "utf8")).toBeGreaterThan(MAX_SUMMARY_BYTES - 500);
    expect(summary).toContain("1 MiB job summary limit");
  });
});
