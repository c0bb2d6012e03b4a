import fc from "fast-check";
import {
  createNumstatReader,
  type NumstatDiff,
} from "../../../shared/core/report/parse-numstat.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
// Two diffs: a rename with edits, a binary file, a path with a tab; then an empty diff.
const OUTPUT = [
  A,
  "3\t1\t",
  "old/x.ts",
  "new/x.ts",
  "-\t-\tlogo.png",
  "2\t0\tweird\tname.txt",
  B,
  "",
].join("\0");

function read(chunks: string[]): NumstatDiff[] {
  const diffs: NumstatDiff[] = [];
  const reader = createNumstatReader((diff) => diffs.push(diff));
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return diffs;
}

describe("createNumstatReader", () => {
  it("reads renames by their new path, binary files and odd names", () => {
    expect(read([OUTPUT])).toEqual([
      {
        commit: A,
        files: [
          { path: "new/x.ts", additions: 3, deletions: 1, binary: false },
          { path: "logo.png", additions: 0, deletions: 0, binary: true },
          { path: "weird\tname.txt", additions: 2, deletions: 0, binary: false },
        ],
      },
      { commit: B, files: [] },
    ]);
  });

  it("gives the same diffs however the stream is cut", () => {
    const whole = read([OUTPUT]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: OUTPUT.length - 1 })), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), OUTPUT.length];
        const chunks = points.slice(1).map((end, i) => OUTPUT.slice(points[i], end));
        expect(read(chunks)).toEqual(whole);
      }),
    );
  });

  it("fails on output cut inside a rename", () => {
    expect(() => read([[A, "1\t1\t", "old.ts", ""].join("\0")])).toThrow(/ended inside a record/);
  });
});
