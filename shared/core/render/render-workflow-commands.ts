// Line findings as Actions workflow commands (`::error file=…::message`), escaped so that no file
// name or message can inject a command, and capped at what GitHub shows per step.
import type { Verdict } from "../types.js";
import { renderAnnotations, type Annotation, type AnnotationLevel } from "./render-annotations.js";

/** GitHub shows at most this many annotations of each level (error, warning, notice) per step. */
export const WORKFLOW_ANNOTATIONS_PER_LEVEL = 10;

const COMMANDS: Record<AnnotationLevel, "error" | "warning" | "notice"> = {
  failure: "error",
  warning: "warning",
  notice: "notice",
};

/**
 * One command per line, in path and line order. When a level has more than 10 findings, 9 are
 * shown and a 10th command of that level says how many more there are.
 */
export function renderWorkflowCommands(verdict: Verdict): string[] {
  const annotations = renderAnnotations(verdict);
  const shown = new Set<Annotation>();
  const omissions: string[] = [];
  for (const level of ["failure", "warning", "notice"] as const) {
    const ofLevel = annotations.filter((a) => a.annotation_level === level);
    const room =
      ofLevel.length > WORKFLOW_ANNOTATIONS_PER_LEVEL
        ? WORKFLOW_ANNOTATIONS_PER_LEVEL - 1
        : ofLevel.length;
    for (const annotation of ofLevel.slice(0, room)) shown.add(annotation);
    const omitted = ofLevel.length - room;
    if (omitted > 0) {
      const command = COMMANDS[level];
      omissions.push(
        `::${command} title=shipgate::${omitted} more ${command}${omitted === 1 ? "" : "s"} not ` +
          `shown here: GitHub shows at most ${WORKFLOW_ANNOTATIONS_PER_LEVEL} per step. The job ` +
          "summary has the full report.",
      );
    }
  }
  return [...annotations.filter((a) => shown.has(a)).map(formatCommand), ...omissions];
}

function formatCommand(annotation: Annotation): string {
  const properties = [
    `file=${escapeProperty(annotation.path)}`,
    `line=${annotation.start_line}`,
    `endLine=${annotation.end_line}`,
    `title=${escapeProperty(annotation.title)}`,
  ].join(",");
  return `::${COMMANDS[annotation.annotation_level]} ${properties}::${escapeData(annotation.message)}`;
}

/** As @actions/core escapes a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** As @actions/core escapes a command property: also `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
