import fc from "fast-check";
import { parseDiff } from "../../../shared/core/diff/parse-diff.js";
import { parsePatchHunks } from "../../../shared/core/diff/parse-patch-hunks.js";
import { DIFF_COMMAND, withRepo } from "./git-repo.js";
import { expectedTally, renderUnifiedDiff, type Edit } from "./render-unified-diff.js";

// Line contents chosen to look like diff syntax once prefixed with ` `, `+` or `-`.
const TRICKY_LINES = [
  "",
  " ",
  "a",
  "b",
  "+",
  "-",
  "++x",
  "--x",
  "--- a/f0.txt",
  "+++ b/f0.txt",
  "-- a/f0.txt",
  "++ b/f0.txt",
  "@@ -1 +1 @@",
  "diff --git a/f0.txt b/f0.txt",
  "\\ No newline at end of file",
  "GIT binary patch",
  "rename from f1.txt",
  "x\r",
];

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom("keep", "delete", "add"),
  text: fc.constantFrom(...TRICKY_LINES),
});

const scriptedFiles = fc.uniqueArray(
  fc.record({
    path: fc.constantFrom("f0.txt", "f1.txt", "dir/f 2.txt", "deep/er/f3.ts"),
    edits: fc.array(edit, { maxLength: 40 }),
    noNewlineAtEnd: fc.boolean(),
  }),
  { selector: (file) => file.path, maxLength: 4 },
);

describe("parseDiff on rendered edit scripts (counts known by construction)", () => {
  it("finds exactly the scripted additions, deletions and added lines", () => {
    fc.assert(
      fc.property(
        scriptedFiles,
        fc.constantFrom(0, 1, 3),
        fc.boolean(),
        fc.boolean(),
        (files, context, omitOne, crlf) => {
          const diff = renderUnifiedDiff(files, { context, omitOne });

          const parsed = parseDiff(crlf ? diff.replace(/\n/g, "\r\n") : diff);

          expect(parsed.map((file) => file.path)).toEqual(files.map((file) => file.path));
          parsed.forEach((changed, index) => {
            const { additions, deletions, addedLines } = changed;
            expect({ additions, deletions, addedLines }).toEqual(
              expectedTally(files[index]?.edits ?? []),
            );
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("parsePatchHunks agrees with parseDiff on each file's hunks", () => {
    fc.assert(
      fc.property(scriptedFiles, fc.constantFrom(0, 3), (files, context) => {
        for (const file of files) {
          const diff = renderUnifiedDiff([file], { context, omitOne: true });
          const hunkStart = diff.indexOf("\n@@ ");
          const [parsed] = parseDiff(diff);

          const hunkTally = parsePatchHunks(hunkStart === -1 ? "" : diff.slice(hunkStart + 1));

          expect(hunkTally).toEqual({
            additions: parsed?.additions,
            deletions: parsed?.deletions,
            addedLines: parsed?.addedLines,
          });
        }
      }),
      { numRuns: 100 },
    );
  });
});

/** Lines as git counts them: a final line without `\n` still counts. */
function toLines(content: string): string[] {
  return content === "" ? [] : content.replace(/\n$/, "").split("\n");
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let at = 0;
  for (const line of long) if (at < short.length && short[at] === line) at += 1;
  return at === short.length;
}

const content = fc
  .tuple(
    fc.array(fc.constantFrom("a", "b", "c", "", "x\r", "++ b/f.txt", "-- a/f.txt"), {
      maxLength: 25,
    }),
    fc.boolean(),
  )
  .map(
    ([lines, finalNewline]) => lines.join("\n") + (finalNewline && lines.length > 0 ? "\n" : ""),
  );

describe("parseDiff on real git diffs of random contents", () => {
  it("agrees with git --numstat and keeps the diff's invariants", () => {
    fc.assert(
      fc.property(content, content, fc.constantFrom("-U0", "-U3"), (before, after, context) => {
        const { diff, numstat } = withRepo(
          { base: { "f.txt": before }, head: { "f.txt": after } },
          (git) => ({
            diff: git([...DIFF_COMMAND, context, "base...HEAD"]),
            numstat: git(["diff", "--numstat", "base...HEAD"]),
          }),
        );
        const oldLines = toLines(before);
        const newLines = toLines(after);

        const files = parseDiff(diff);

        if (before === after) {
          expect(files).toEqual([]);
          return;
        }
        expect(files).toHaveLength(1);
        const { additions, deletions, addedLines } = files[0]!;
        expect(`${additions}\t${deletions}\tf.txt\n`).toBe(numstat);
        expect(addedLines).toHaveLength(additions);
        expect(additions - deletions).toBe(newLines.length - oldLines.length);
        addedLines.forEach((line, index) => {
          expect(line).toBeGreaterThan(index === 0 ? 0 : addedLines[index - 1]!);
          expect(line).toBeLessThanOrEqual(newLines.length);
        });
        // The lines git did not mark as added are the old lines that survived, in order.
        const kept = newLines.filter((_, index) => !addedLines.includes(index + 1));
        expect(kept).toHaveLength(oldLines.length - deletions);
        expect(isSubsequence(kept, oldLines)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
