import { chunk } from "../../../shared/core/chunk.js";
import {
  ANNOTATIONS_PER_REQUEST,
  MAX_CHECK_RUN_ANNOTATIONS,
  renderAnnotations,
  renderCheckAnnotations,
} from "../../../shared/core/render/render-annotations.js";
import { renderCheckRun } from "../../../shared/core/render/render-check-run.js";
import { makeFinding, makeResult, makeVerdict } from "../../builders/make-verdict.js";

describe("renderAnnotations", () => {
  it("turns a finding into GitHub's annotation shape", () => {
    const verdict = makeVerdict({
      rules: [
        makeResult({
          id: "coverage",
          status: "fail",
          findings: [
            makeFinding({ path: "src/a.ts", startLine: 3, endLine: 5, message: "Lines 3–5." }),
          ],
        }),
      ],
    });
    expect(renderAnnotations(verdict)).toEqual([
      {
        path: "src/a.ts",
        start_line: 3,
        end_line: 5,
        annotation_level: "failure",
        title: "Not covered by tests",
        message: "Lines 3–5.",
      },
    ]);
  });

  it("orders by path, then line, across rules", () => {
    const verdict = makeVerdict({
      rules: [
        makeResult({
          id: "coverage",
          findings: [
            makeFinding({ path: "src/b.ts", startLine: 1, endLine: 1 }),
            makeFinding({ path: "src/a.ts", startLine: 9, endLine: 9 }),
          ],
        }),
        makeResult({
          id: "size",
          findings: [makeFinding({ rule: "size", path: "src/a.ts", startLine: 2, endLine: 4 })],
        }),
      ],
    });
    expect(renderAnnotations(verdict).map((a) => `${a.path}:${a.start_line}`)).toEqual([
      "src/a.ts:2",
      "src/a.ts:9",
      "src/b.ts:1",
    ]);
  });

  it.each([
    { startLine: 0, endLine: 0, expected: [1, 1] },
    { startLine: 9, endLine: 4, expected: [4, 9] },
    { startLine: 2.7, endLine: 5.2, expected: [2, 5] },
  ])("repairs lines $startLine–$endLine to $expected", ({ startLine, endLine, expected }) => {
    const verdict = makeVerdict({
      rules: [makeResult({ findings: [makeFinding({ startLine, endLine })] })],
    });
    const [annotation] = renderAnnotations(verdict);
    expect([annotation?.start_line, annotation?.end_line]).toEqual(expected);
  });

  it("leaves out findings of rules that are off", () => {
    const verdict = makeVerdict({
      rules: [makeResult({ level: "off", status: "skip", findings: [makeFinding()] })],
    });
    expect(renderAnnotations(verdict)).toEqual([]);
  });

  it("strips escape sequences and caps the title at 255 characters", () => {
    const verdict = makeVerdict({
      rules: [
        makeResult({
          findings: [
            makeFinding({
              path: "src/\u001b[31ma.ts",
              title: `T\n${"t".repeat(300)}`,
              message: "m\u001b[2J\r\nnext",
            }),
          ],
        }),
      ],
    });
    const [annotation] = renderAnnotations(verdict);
    expect(annotation?.path).toBe("src/a.ts");
    expect(annotation?.title).toHaveLength(255);
    expect(annotation?.title.startsWith("T t")).toBe(true);
    expect(annotation?.message).toBe("m\nnext");
  });

  it("batches into requests of 50 with chunk", () => {
    const findings = Array.from({ length: 120 }, (_, i) =>
      makeFinding({ startLine: i + 1, endLine: i + 1 }),
    );
    const annotations = renderAnnotations(makeVerdict({ rules: [makeResult({ findings })] }));
    expect(chunk(annotations, ANNOTATIONS_PER_REQUEST).map((batch) => batch.length)).toEqual([
      50, 50, 20,
    ]);
  });
});

describe("renderCheckAnnotations", () => {
  const findings = (count: number, severity: "failure" | "warning") =>
    Array.from({ length: count }, (_, i) =>
      makeFinding({ path: `src/f${String(i).padStart(4, "0")}.ts`, startLine: 1, severity }),
    );

  it("gives a check run at most MAX_CHECK_RUN_ANNOTATIONS, failures first, and says how many were left", () => {
    const verdict = makeVerdict({
      rules: [
        makeResult({ id: "size", status: "warn", findings: findings(300, "warning") }),
        makeResult({ id: "coverage", status: "fail", findings: findings(400, "failure") }),
      ],
    });
    const { annotations, notes } = renderCheckAnnotations(verdict);
    expect(annotations).toHaveLength(MAX_CHECK_RUN_ANNOTATIONS);
    expect(MAX_CHECK_RUN_ANNOTATIONS).toBe(500);
    const levels = annotations.map((a) => a.annotation_level);
    expect(levels.filter((level) => level === "failure")).toHaveLength(400);
    expect(notes).toEqual([
      "200 more line findings are not annotated: a check run gets the first 500, failures first; the rules' details below list findings by file, as far as the text's size limit allows.",
    ]);
    expect(renderCheckRun(verdict, notes).summary).toContain("200 more line findings");
  });

  it("gives every annotation and no note up to the limit", () => {
    const verdict = makeVerdict({
      rules: [makeResult({ id: "coverage", status: "fail", findings: findings(500, "failure") })],
    });
    expect(renderCheckAnnotations(verdict)).toEqual({
      annotations: renderAnnotations(verdict),
      notes: [],
    });
  });
});
