// Head-side hunk spans, and placing review comments inside them.
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
  const range = (startLine: number, endLine: number) => ({ path: "a.ts", startLine, endLine });
  const at = (startLine: number, endLine: number) => ({ startLine, endLine });
  const spans = [
    { start: 1, end: 5 },
    { start: 20, end: 30 },
  ];

  it.each([
    ["inside one hunk: unchanged", range(2, 4), at(2, 4)],
    ["a single line", range(3, 3), at(3, 3)],
    ["over the end of a hunk: clipped to it", range(4, 8), at(4, 5)],
    ["into the next hunk: clipped to the hunk holding its end", range(3, 22), at(20, 22)],
    ["clipped to one line", range(5, 9), at(5, 5)],
    ["around a whole hunk", range(18, 32), at(20, 30)],
  ])("%s", (_name, given, expected) => {
    expect(fitToDiff(given, spans)).toEqual(expected);
  });

  it.each([
    ["between hunks", range(8, 12)],
    ["after every hunk", range(40, 41)],
  ])("drops a range %s", (_name, given) => {
    expect(fitToDiff(given, spans)).toBeNull();
  });

  it("drops everything for a file without hunks", () => {
    expect(fitToDiff(range(1, 1), [])).toBeNull();
  });
});
