// Whatever rules write, the rendered outputs stay within GitHub's limits and stay well-formed.
import fc from "fast-check";
import { measureText } from "../../../shared/core/render/measure-text.js";
import {
  COMMENT_MARKER,
  MAX_COMMENT_CHARS,
  MAX_TRAILER_CHARS,
  renderComment,
} from "../../../shared/core/render/render-comment.js";
import {
  MAX_CHECK_RUN_BYTES,
  renderCheckRun,
} from "../../../shared/core/render/render-check-run.js";
import { MAX_SUMMARY_BYTES, renderSummary } from "../../../shared/core/render/render-summary.js";
import { openFence } from "../../../shared/core/render/repair-markdown.js";
import type { RuleResult, Verdict } from "../../../shared/core/types.js";
import { makeResult, makeVerdict } from "../../builders/make-verdict.js";

const tricky = fc.constantFrom(
  "```\n",
  "````js\n",
  "~~~\n",
  "<details>",
  "<details open>",
  "</details>",
  "<summary>",
  "</summary>",
  COMMENT_MARKER,
  "<!--",
  "😀",
  "\ud83d",
  "\ude00",
  "\n",
  "\r\n",
  "| a | b |\n",
  "@org/team ",
  "\\",
  "`",
  "\u001b[2J",
  "é",
);
const piece = fc.oneof(tricky, fc.string({ unit: "binary", maxLength: 12 }));

/** Text of any size up to `max`, built by repeating a random mix of tricky pieces. */
const text = (max: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.array(piece, { maxLength: 20 }), fc.integer({ min: 1, max: 20000 }))
    .map(([pieces, times]) => {
      const unit = pieces.join("");
      return unit.repeat(Math.min(times, Math.ceil(max / Math.max(unit.length, 1)))).slice(0, max);
    });

const rule: fc.Arbitrary<RuleResult> = fc
  .record({
    id: fc.constantFrom("size", "coverage", "rollout-notes", "linked-risks" as const),
    status: fc.constantFrom("pass", "warn", "fail", "skip", "pending" as const),
    level: fc.constantFrom("block", "warn", "off" as const),
    summary: fc.oneof(text(200), text(5000)),
    details: text(150_000),
  })
  .map((fields) => makeResult(fields));

const verdict: fc.Arbitrary<Verdict> = fc
  .record({
    rules: fc.array(rule, { maxLength: 5 }),
    notes: fc.array(fc.oneof(text(100), text(40_000)), { maxLength: 3 }),
    riskLevel: fc.option(text(50), { nil: null }),
  })
  .map((fields) => makeVerdict(fields));

const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1;

/** <details> and </details> pair up like brackets. */
function foldsBalanced(markdown: string): boolean {
  let depth = 0;
  for (const [tag] of markdown.matchAll(/<details(?: open)?>|<\/details>/g)) {
    depth += tag === "</details>" ? -1 : 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

const hasLoneSurrogate = (s: string): boolean =>
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

function expectWellFormed(markdown: string): void {
  expect(hasLoneSurrogate(markdown)).toBe(false);
  expect(foldsBalanced(markdown)).toBe(true);
  expect(openFence(markdown)).toBeNull();
}

const runs = { numRuns: 60 };

describe("renderComment under any verdict", () => {
  it("fits in 65,536 characters, opens with the one marker, and stays well-formed", () => {
    fc.assert(
      fc.property(verdict, (v) => {
        const comment = renderComment(v);
        expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
        expect([...comment].length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
        expect(comment.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
        expect(count(comment, COMMENT_MARKER)).toBe(1);
        expect(count(comment, "<!--")).toBe(1);
        expectWellFormed(comment);
        // The table is always kept: a row per rule.
        for (const r of v.rules) expect(comment).toContain(`| \`${r.id}\` |`);
      }),
      runs,
    );
  });
});

describe("renderComment with a trailer, under any verdict", () => {
  it("fits in 65,536 characters with the trailer whole at the end", () => {
    fc.assert(
      fc.property(verdict, fc.oneof(text(200), text(MAX_TRAILER_CHARS)), (v, trailer) => {
        const comment = renderComment(v, { trailer });
        expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
        expect(comment.endsWith(trailer)).toBe(true);
        expect(comment.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
        // Everything before the trailer is the report, as well-formed as without one.
        const report = comment.slice(0, comment.length - trailer.length);
        expect(count(report, "<!--")).toBe(1);
        expectWellFormed(report);
        for (const r of v.rules) expect(report).toContain(`| \`${r.id}\` |`);
      }),
      runs,
    );
  });
});

describe("renderCheckRun under any verdict", () => {
  it("keeps summary and text within 65,535 UTF-8 bytes and well-formed", () => {
    fc.assert(
      fc.property(verdict, (v) => {
        const output = renderCheckRun(v);
        for (const part of [output.summary, output.text]) {
          expect(measureText(part, "utf8")).toBeLessThanOrEqual(MAX_CHECK_RUN_BYTES);
          expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(MAX_CHECK_RUN_BYTES);
          expect(part).not.toContain("<!--");
          expectWellFormed(part);
        }
        expect(output.title.length).toBeLessThanOrEqual(120);
      }),
      runs,
    );
  });
});

describe("renderSummary under any verdict", () => {
  it("stays within 1 MiB and well-formed, with no marker", () => {
    const huge = fc
      .array(rule, { minLength: 8, maxLength: 10 })
      .map((rules) =>
        makeVerdict({ rules: rules.map((r) => ({ ...r, status: "fail" as const })) }),
      );
    fc.assert(
      fc.property(huge, (v) => {
        const summary = renderSummary(v);
        expect(Buffer.byteLength(summary, "utf8")).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
        expect(summary).not.toContain("<!--");
        expectWellFormed(summary);
      }),
      { numRuns: 15 },
    );
  });
});
