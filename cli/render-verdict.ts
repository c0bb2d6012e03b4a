// Picks the renderer for --format.
import { renderComment } from "../shared/core/render/render-comment.js";
import { renderJson } from "../shared/core/render/render-json.js";
import { renderText } from "../shared/core/render/render-text.js";
import type { Verdict } from "../shared/core/types.js";
import type { OutputFormat } from "./args.js";

export function renderVerdict(
  verdict: Verdict,
  format: OutputFormat,
  options: { color: boolean },
): string {
  switch (format) {
    case "text":
      return renderText(verdict, options);
    case "markdown":
      return renderComment(verdict);
    case "json":
      return renderJson(verdict);
  }
}
