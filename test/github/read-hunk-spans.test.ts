// Head-side hunk spans, and placing review comments inside them.
import type { ReviewComment } from "../../shared/core/render/render-review-comments.js";
import { fitToDiff } from "../../shared/github/fit-to-diff.js";
import { readHunkSpans } from "../../shared/github/read-hunk-spans.js";

describe("readHunkSpans", () => {
  it.each([
    ["@@ -1,2 +1,3 @@\n a\n+b\n c", [{ start: 1, end: 3 }]],
    ["@@ -5 +5 @@\n-a\n+b", [{ start: 5, end: 5 }]],
    ["@@ -1,2 +0,0 @@\n-a\n-b", []],
    [
      "@@ -1 +1,2 @@ fn()\n a\n+b\n@@ -40,2 +41,4 @@\n x\n+y\n+z\n w",
      [
        { start: 1, end: 2 },
        { start: 41, end: 44 },
      ],
    ],
    ["no hunks at all", []],
  ])("reads %j", (patch, spans) => {
    expect(readHunkSpans(patch)).toEqual(spans);
  });
});

describe("fitToDiff", () => {
  const body = "<!-- shipgate:range a.ts:1-9 -->";
  const range = (start: number, end: number): ReviewComment =>
    start === end
      ? { path: "a.ts", line: end, side: "RIGHT", body }
      : { path: "a.ts", line: end, start_line: start, side: "RIGHT", start_side: "RIGHT", body };
  const spans = [
    { start: 1, end: 5 },
    { start: 20, end: 30 },
  ];

  it.each([
    ["inside one hunk: unchanged", range(2, 4), range(2, 4)],
    ["a single line", range(3, 3), range(3, 3)],
    ["over the end of a hunk: clipped to it", range(4, 8), range(4, 5)],
    ["into the next hunk: clipped to the hunk holding its end", range(3, 22), range(20, 22)],
    ["clipped to one line: no start_line", range(5, 9), range(5, 5)],
    ["around a whole hunk", range(18, 32), range(20, 30)],
  ])("%s", (_name, comment, expected) => {
    expect(fitToDiff(comment, spans)).toEqual(expected);
  });

  it.each([
    ["between hunks", range(8, 12)],
    ["after every hunk", range(40, 41)],
  ])("drops a range %s", (_name, comment) => {
    expect(fitToDiff(comment, spans)).toBeNull();
  });

  it("drops everything for a file without hunks", () => {
    expect(fitToDiff(range(1, 1), [])).toBeNull();
  });
});
