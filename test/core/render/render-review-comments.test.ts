import { parseRangeMarker } from "../../../shared/core/render/range-marker.js";
import {
  renderReviewComment,
  reviewRanges,
} from "../../../shared/core/render/render-review-comments.js";
import type { Verdict } from "../../../shared/core/types.js";
import { makeFinding, makeResult, makeVerdict } from "../../builders/make-verdict.js";

const renderReviewComments = (verdict: Verdict) =>
  reviewRanges(verdict).map((range) => renderReviewComment(range));

describe("reviewRanges and renderReviewComment", () => {
  const coverage = (findings: ReturnType<typeof makeFinding>[]) =>
    makeVerdict({ rules: [makeResult({ id: "coverage", status: "fail", findings })] });

  it("comments on a multi-line range with start_line and line", () => {
    const [comment] = renderReviewComments(
      coverage([
        makeFinding({ path: "src/a.ts", startLine: 12, endLine: 18, message: "Lines 12–18." }),
      ]),
    );
    expect(comment).toEqual({
      path: "src/a.ts",
      line: 18,
      side: "RIGHT",
      start_line: 12,
      start_side: "RIGHT",
      body: "<!-- shipgate:range src/a.ts:12-18 -->\n**Not covered by tests**\n\nLines 12–18\\.",
    });
  });

  it("comments on a single line without start_line", () => {
    const [comment] = renderReviewComments(coverage([makeFinding({ startLine: 7, endLine: 7 })]));
    expect(comment).not.toHaveProperty("start_line");
    expect(comment).toMatchObject({ line: 7, side: "RIGHT" });
  });

  it("marks each body with its range so a later run can find it", () => {
    const comments = renderReviewComments(
      coverage([
        makeFinding({ path: "b-1.ts", startLine: 1, endLine: 2 }),
        makeFinding({ path: "a.ts", startLine: 5, endLine: 5 }),
      ]),
    );
    expect(comments.map((c) => parseRangeMarker(c.body))).toEqual([
      { path: "a.ts", startLine: 5, endLine: 5 },
      { path: "b-1.ts", startLine: 1, endLine: 2 },
    ]);
  });

  it("only comments for the coverage rule", () => {
    const verdict = makeVerdict({
      rules: [makeResult({ id: "size", findings: [makeFinding({ rule: "size" })] })],
    });
    expect(renderReviewComments(verdict)).toEqual([]);
  });

  it("escapes the title and message and keeps a spoofed marker out of the body", () => {
    const [comment] = renderReviewComments(
      coverage([
        makeFinding({
          path: "a.ts",
          title: "@octocat <b>",
          message: "<!-- shipgate:range z.ts:1-1 -->\n@acme/team",
        }),
      ]),
    );
    expect(comment?.body.match(/<!--/g)).toHaveLength(1);
    expect(comment?.body).toContain("**@\u200doctocat \\<\\>**".replace("\\<\\>", "\\<b\\>"));
    expect(comment?.body).toContain("\n@\u200dacme/team");
    expect(parseRangeMarker(comment?.body ?? "")).toEqual({
      path: "a.ts",
      startLine: 10,
      endLine: 10,
    });
  });

  it("orders ranges by path, then lines, and clamps reversed or non-integer lines", () => {
    const ranges = reviewRanges(
      coverage([
        makeFinding({ path: "b.ts", startLine: 4, endLine: 2 }),
        makeFinding({ path: "a.ts", startLine: 9, endLine: 9 }),
        makeFinding({ path: "a.ts", startLine: 0, endLine: 3.7 }),
      ]),
    );
    expect(ranges.map(({ path, startLine, endLine }) => `${path}:${startLine}-${endLine}`)).toEqual(
      ["a.ts:1-3", "a.ts:9-9", "b.ts:2-4"],
    );
  });

  it("places a comment on part of its range while its marker names the whole range", () => {
    const [range] = reviewRanges(
      coverage([makeFinding({ path: "a.ts", startLine: 3, endLine: 9 })]),
    );
    if (range === undefined) throw new Error("no range");
    const comment = renderReviewComment(range, { startLine: 5, endLine: 5 });
    expect(comment).toMatchObject({ line: 5 });
    expect(comment).not.toHaveProperty("start_line");
    expect(parseRangeMarker(comment.body)).toEqual({ path: "a.ts", startLine: 3, endLine: 9 });
    expect(renderReviewComment(range, { startLine: 4, endLine: 6 })).toMatchObject({
      start_line: 4,
      line: 6,
      start_side: "RIGHT",
    });
  });
});
