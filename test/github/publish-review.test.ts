// publishReview against the simulator: one review, no repeats across runs, nothing outside the
// diff, and a rejected comment that sinks nothing else.
import type { ReviewRange } from "../../shared/core/render/render-review-comments.js";
import { MAX_REVIEW_COMMENTS, publishReview } from "../../shared/github/publish-review.js";
import type { LineSpan } from "../../shared/github/read-hunk-spans.js";
import { makeFinding } from "../builders/make-verdict.js";
import { serverError } from "../github-simulator/index.js";
import { addedPatch, startSimClient, type SimClient } from "./sim-client.js";

let s: SimClient;
const HEAD = "d".repeat(40);
beforeEach(async () => {
  s = await startSimClient();
  s.sim.state.addPullRequest("acme", "shop", {
    number: 7,
    head: { sha: HEAD },
    files: [
      { filename: "a.ts", patch: addedPatch(30) },
      // Lines 5..9 appear in the patch, but GitHub will only place comments on 1..4.
      { filename: "b.ts", patch: addedPatch(9), commentableLines: [1, 2, 3, 4] },
    ],
  });
});
afterEach(async () => {
  await s.sim.close();
  expect(s.sim.violations).toEqual([]);
});

const BOT = "github-actions[bot]";
const target = { owner: "acme", repo: "shop", number: 7, headSha: HEAD };
const spans = new Map<string, LineSpan[]>([
  ["a.ts", [{ start: 1, end: 30 }]],
  ["b.ts", [{ start: 1, end: 9 }]],
]);

function comment(path: string, startLine: number, endLine: number): ReviewRange {
  return { path, startLine, endLine, finding: makeFinding({ path, startLine, endLine }) };
}
const publish = (comments: ReviewRange[], hunkSpans = spans) =>
  publishReview(s.client, target, comments, { login: BOT, hunkSpans });
const reviewPosts = () => s.sim.writes().filter((w) => w.template?.endsWith("/reviews"));
const stored = () =>
  s.sim.state.reviewComments.map((c) => `${c.path}:${c.startLine ?? c.line}-${c.line}`);

describe("publishReview", () => {
  it("sends all comments as one review on the head commit", async () => {
    const outcome = await publish([comment("a.ts", 1, 3), comment("a.ts", 10, 10)]);
    expect(outcome).toMatchObject({
      reviews: 1,
      rejected: [],
      outsideDiff: [],
      alreadyCommented: [],
    });
    expect(reviewPosts()).toHaveLength(1);
    expect(s.sim.state.reviews).toEqual([
      expect.objectContaining({ commitId: HEAD, state: "COMMENTED" }),
    ]);
    expect(stored()).toEqual(["a.ts:1-3", "a.ts:10-10"]);
  });

  it("reads and writes nothing when there is nothing to say", async () => {
    await publish([]);
    expect(s.sim.requests).toEqual([]);
  });

  it("does not comment again on ranges it commented on in an earlier run", async () => {
    await publish([comment("a.ts", 1, 3)]);
    const outcome = await publish([
      comment("a.ts", 1, 3),
      comment("a.ts", 2, 5),
      comment("a.ts", 20, 21),
    ]);
    expect(outcome.alreadyCommented).toHaveLength(2);
    expect(stored()).toEqual(["a.ts:1-3", "a.ts:20-21"]);
    expect(reviewPosts()).toHaveLength(2);
  });

  it("writes nothing on a re-run where every range was commented on", async () => {
    await publish([comment("a.ts", 1, 3)]);
    const before = s.sim.writes().length;
    await publish([comment("a.ts", 1, 3)]);
    expect(s.sim.writes()).toHaveLength(before);
  });

  it("counts only its own earlier comments, not a human's on the same lines", async () => {
    s.sim.setIdentity("ghp_alice", { login: "alice", type: "User" });
    await publishReview(s.clientFor("ghp_alice"), target, [comment("a.ts", 1, 3)], {
      login: "alice",
      hunkSpans: spans,
    });
    const outcome = await publish([comment("a.ts", 1, 3)]);
    expect(outcome.posted).toHaveLength(1);
  });

  it("sends nothing for lines outside the diff and clips ranges to the hunk", async () => {
    const hunks = new Map([["a.ts", [{ start: 10, end: 20 }]]]);
    const outcome = await publish(
      [comment("a.ts", 1, 5), comment("a.ts", 8, 12), comment("c.ts", 1, 1)],
      hunks,
    );
    expect(outcome.outsideDiff.map((c) => c.path)).toEqual(["a.ts", "c.ts"]);
    expect(stored()).toEqual(["a.ts:10-12"]);
  });

  it("drops only the comments GitHub rejects (422), posting the rest", async () => {
    const good = [
      comment("a.ts", 1, 2),
      comment("a.ts", 5, 5),
      comment("b.ts", 1, 2),
      comment("a.ts", 9, 9),
    ];
    const bad = comment("b.ts", 6, 7);
    const outcome = await publish([...good, bad]);
    expect(outcome.rejected.map((c) => `${c.path}:${c.start_line}-${c.line}`)).toEqual([
      "b.ts:6-7",
    ]);
    expect(outcome.posted).toHaveLength(4);
    expect(stored().sort()).toEqual(["a.ts:1-2", "a.ts:5-5", "a.ts:9-9", "b.ts:1-2"]);
    // Split in halves, not one review per comment.
    expect(outcome.reviews).toBeLessThan(4);
  });

  it("posts nothing when the guard before writing says no", async () => {
    const stale = async () => {
      throw new Error("stale head");
    };
    await expect(
      publishReview(s.client, target, [comment("a.ts", 1, 3)], {
        login: BOT,
        hunkSpans: spans,
        beforeWrite: stale,
      }),
    ).rejects.toThrow("stale head");
    expect(s.sim.writes()).toEqual([]);
  });

  it("does not post twice when the review was created but the answer was lost", async () => {
    s.sim.fail({ ...serverError(502), method: "POST", path: /\/reviews$/, afterWrite: true });
    const outcome = await publish([comment("a.ts", 1, 3), comment("a.ts", 7, 7)]);
    expect(outcome.posted).toHaveLength(2);
    expect(stored()).toEqual(["a.ts:1-3", "a.ts:7-7"]);
  });

  it("posts again when the review failed before it was written", async () => {
    s.sim.fail({ ...serverError(502), method: "POST", path: /\/reviews$/ });
    await publish([comment("a.ts", 1, 3)]);
    expect(stored()).toEqual(["a.ts:1-3"]);
  });

  describe("at most MAX_REVIEW_COMMENTS comments a review", () => {
    // 130 single-line ranges over a.ts 1..30 and b.ts 1..4 would not fit the diff: use a wide file.
    beforeEach(() => {
      s.sim.state.addPullRequest("acme", "shop", {
        number: 8,
        head: { sha: HEAD },
        files: [{ filename: "w.ts", patch: addedPatch(400) }],
      });
    });
    const wide = { ...target, number: 8 };
    const wideSpans = new Map([["w.ts", [{ start: 1, end: 400 }]]]);
    const ranges = (count: number) =>
      Array.from({ length: count }, (_, i) => comment("w.ts", 3 * i + 1, 3 * i + 1));
    const publishWide = (list: ReviewRange[], maxComments?: number) =>
      publishReview(s.client, wide, list, {
        login: BOT,
        hunkSpans: wideSpans,
        ...(maxComments === undefined ? {} : { maxComments }),
      });

    it("posts the first ranges by path and line and says how many more there are", async () => {
      const outcome = await publishWide(ranges(MAX_REVIEW_COMMENTS + 80));
      expect(outcome.posted).toHaveLength(MAX_REVIEW_COMMENTS);
      expect(outcome.overLimit).toHaveLength(80);
      expect(outcome.overLimit[0]).toMatchObject({ startLine: 3 * MAX_REVIEW_COMMENTS + 1 });
      expect(s.sim.state.reviewComments).toHaveLength(MAX_REVIEW_COMMENTS);
      const [review] = s.sim.state.reviews;
      expect(review?.body).toContain(
        `80 more uncovered ranges are not commented on here (at most ${MAX_REVIEW_COMMENTS} comments a review); see the shipgate check run.`,
      );
    });

    it("says nothing about a limit when every range fits", async () => {
      await publishWide(ranges(3));
      expect(s.sim.state.reviews[0]?.body).not.toContain("more uncovered");
    });

    it("counts only new ranges against the limit: a later run takes the next ones", async () => {
      await publishWide(ranges(7), 3);
      const second = await publishWide(ranges(7), 3);
      expect(second.alreadyCommented).toHaveLength(3);
      expect(second.posted.map((c) => c.line)).toEqual([10, 13, 16]);
      expect(second.overLimit.map((r) => r.startLine)).toEqual([19]);
      expect(s.sim.state.reviews[1]?.body).toContain("1 more uncovered range is not commented");
    });

    it("counts ranges it was not given (past the publication's first ones) in the text", async () => {
      await publishReview(s.client, wide, ranges(2), {
        login: BOT,
        hunkSpans: wideSpans,
        unlisted: 5,
      });
      expect(s.sim.state.reviewComments).toHaveLength(2);
      expect(s.sim.state.reviews[0]?.body).toContain("5 more uncovered ranges are not commented");
    });
  });
});
