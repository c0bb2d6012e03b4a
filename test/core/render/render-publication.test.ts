import {
  MAX_PUBLISHED_RANGES,
  renderPublication,
  type PublicationRequest,
} from "../../../shared/core/render/render-publication.js";
import { renderComment } from "../../../shared/core/render/render-comment.js";
import { makeFinding, makeResult, makeVerdict } from "../../builders/make-verdict.js";

const request = (overrides: Partial<PublicationRequest> = {}): PublicationRequest => ({
  comment: "auto",
  reviewComments: true,
  render: { fullReportHint: "See the check run." },
  ...overrides,
});

const uncovered = (count: number) =>
  makeVerdict({
    conclusion: "failure",
    rules: [
      makeResult({
        id: "coverage",
        status: "fail",
        findings: Array.from({ length: count }, (_, i) =>
          makeFinding({ path: `src/f${String(i).padStart(5, "0")}.ts`, startLine: 1, endLine: 1 }),
        ),
      }),
    ],
  });

describe("renderPublication", () => {
  it("renders the comment the decision asks for, with the request's options", () => {
    const verdict = uncovered(2);
    const publication = renderPublication(verdict, request());
    expect(publication.comment).toEqual({
      decision: "create-or-update",
      body: renderComment(verdict, { fullReportHint: "See the check run." }),
    });
  });

  it("renders no comment when none is wanted", () => {
    expect(renderPublication(uncovered(2), request({ comment: "never" })).comment).toEqual({
      decision: "none",
      body: null,
    });
  });

  it("keeps the first ranges by path and counts them all", () => {
    const { review } = renderPublication(uncovered(MAX_PUBLISHED_RANGES + 7), request());
    expect(review.total).toBe(MAX_PUBLISHED_RANGES + 7);
    expect(review.ranges).toHaveLength(MAX_PUBLISHED_RANGES);
    expect(review.ranges[0]?.path).toBe("src/f00000.ts");
    expect(review.ranges.at(-1)?.path).toBe(
      `src/f${String(MAX_PUBLISHED_RANGES - 1).padStart(5, "0")}.ts`,
    );
  });

  it("has no ranges when review comments are off", () => {
    expect(renderPublication(uncovered(3), request({ reviewComments: false })).review).toEqual({
      ranges: [],
      total: 0,
    });
  });
});
