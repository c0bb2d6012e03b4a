// JSON.parse with a coverage-style message: which report, which line and column.
import { CoverageParseError } from "./coverage-parse-error.js";

export function readJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    if (position === null) throw new CoverageParseError(source, `is not valid JSON: ${message}`);
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    const reason = message.replace(/ in JSON at position \d+.*$/, "");
    throw new CoverageParseError(source, `is not valid JSON: ${reason}`, line, column);
  }
}
