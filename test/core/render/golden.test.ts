// Golden files for what users see. Compare by default; `UPDATE_GOLDEN=1` rewrites them.
import { renderAnnotations } from "../../../shared/core/render/render-annotations.js";
import { renderCheckRun } from "../../../shared/core/render/render-check-run.js";
import { renderComment } from "../../../shared/core/render/render-comment.js";
import { renderJson } from "../../../shared/core/render/render-json.js";
import {
  renderReviewComment,
  reviewRanges,
} from "../../../shared/core/render/render-review-comments.js";
import { renderText } from "../../../shared/core/render/render-text.js";
import { renderWorkflowCommands } from "../../../shared/core/render/render-workflow-commands.js";
import { expectGolden } from "./expect-golden.js";
import { representativeVerdicts } from "./representative-verdicts.js";

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

describe.each(Object.entries(representativeVerdicts))("the %s verdict", (name, verdict) => {
  it.each([
    ["comment.md", () => renderComment(verdict)],
    ["check-run.json", () => json(renderCheckRun(verdict))],
    ["text.txt", () => renderText(verdict, { color: false })],
    ["text-color.txt", () => renderText(verdict, { color: true })],
    ["verdict.json", () => renderJson(verdict)],
    ["annotations.json", () => json(renderAnnotations(verdict))],
    [
      "workflow-commands.txt",
      () =>
        renderWorkflowCommands(verdict)
          .map((line) => `${line}\n`)
          .join(""),
    ],
    [
      "review-comments.json",
      () => json(reviewRanges(verdict).map((range) => renderReviewComment(range))),
    ],
  ])("renders %s as its golden file", (file, render) => {
    expectGolden(`${name}/${file}`, render());
  });
});
