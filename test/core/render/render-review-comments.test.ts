import { parseRangeMarker } from "../../../shared/core/render/range-marker.js";
import { renderReviewComments } from "../../../shared/core/render/render-review-comments.js";
import { makeFinding, makeResult, makeVerdict } from "../../builders/make-verdict.js";

describe("renderReviewComments", () => {
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
});
