// Line findings as check-run annotations (GitHub's shape), in a stable order: path, then lines.
import type { LineFinding, Verdict } from "../types.js";
import { cutToFit } from "./measure-text.js";
import { joinLines } from "./one-line.js";
import { sanitizePlainText } from "./sanitize-plain-text.js";

/** GitHub accepts at most this many annotations per check-run request: send them in batches. */
export const ANNOTATIONS_PER_REQUEST = 50;
/**
 * The most annotations one check run gets (10 requests, failures first). Thousands would hold the
 * App's job, and its share of the API's write pacing, for minutes; the details list every line.
 */
export const MAX_CHECK_RUN_ANNOTATIONS = 500;
export const MAX_ANNOTATION_TITLE_CHARS = 255;
export const MAX_ANNOTATION_MESSAGE_BYTES = 65535;

export type AnnotationLevel = "failure" | "warning" | "notice";

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: AnnotationLevel;
  title: string;
  message: string;
}

const LEVEL_ORDER: Record<AnnotationLevel, number> = { failure: 0, warning: 1, notice: 2 };

export function renderAnnotations(verdict: Verdict): Annotation[] {
  return verdict.rules
    .filter((rule) => rule.level !== "off")
    .flatMap((rule) => rule.findings.map(toAnnotation))
    .sort(compareAnnotations);
}

function toAnnotation(finding: LineFinding): Annotation {
  const start = Math.max(1, Math.trunc(Math.min(finding.startLine, finding.endLine)) || 1);
  const end = Math.max(start, Math.trunc(Math.max(finding.startLine, finding.endLine)) || start);
  const title = singleLine(finding.title) || finding.rule;
  return {
    path: singleLine(finding.path),
    start_line: start,
    end_line: end,
    annotation_level: finding.severity,
    title:
      title.length <= MAX_ANNOTATION_TITLE_CHARS
        ? title
        : `${cutToFit(title, MAX_ANNOTATION_TITLE_CHARS - 1, "utf16")}…`,
    message: cutToFit(sanitizePlainText(finding.message), MAX_ANNOTATION_MESSAGE_BYTES, "utf8"),
  };
}

function singleLine(text: string): string {
  return joinLines(sanitizePlainText(text)).trim();
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareAnnotations(a: Annotation, b: Annotation): number {
  return (
    compareStrings(a.path, b.path) ||
    a.start_line - b.start_line ||
    a.end_line - b.end_line ||
    LEVEL_ORDER[a.annotation_level] - LEVEL_ORDER[b.annotation_level] ||
    compareStrings(a.title, b.title) ||
    compareStrings(a.message, b.message)
  );
}

/** The annotations a check run gets, and a note for its summary when some were left out. */
export function renderCheckAnnotations(verdict: Verdict): {
  annotations: Annotation[];
  notes: string[];
} {
  const all = renderAnnotations(verdict);
  // Keep the most severe (a stable sort keeps path order within a level), then show in path order.
  const annotations = [...all]
    .sort((a, b) => LEVEL_ORDER[a.annotation_level] - LEVEL_ORDER[b.annotation_level])
    .slice(0, MAX_CHECK_RUN_ANNOTATIONS)
    .sort(compareAnnotations);
  const left = all.length - annotations.length;
  const notes =
    left === 0
      ? []
      : [
          `${left} more line findings are not annotated: a check run gets the first ${MAX_CHECK_RUN_ANNOTATIONS}, failures first; the rules' details below list findings by file, as far as the text's size limit allows.`,
        ];
  return { annotations, notes };
}
