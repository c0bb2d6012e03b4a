// Test helper: derives a file's coverage records from markers in its text, so a case states its
// code and its coverage in one place. `hit()` ran (or `hit(3)`: three times), `miss()` never
// ran, `half()` ran with only some branches taken; any other line is not executable.

export interface LineRecord {
  line: number;
  hits: number;
  /** Only some of the line's branches were taken. */
  partial: boolean;
}

const MARKER = /\b(hit|miss|half)\((\d*)\)/;

export function coverageFromSource(content: string): LineRecord[] {
  return content.split("\n").flatMap((text, index) => {
    const match = MARKER.exec(text);
    if (match === null) return [];
    const [, kind, count] = match;
    const hits = kind === "miss" ? 0 : count ? Number(count) : 1;
    return [{ line: index + 1, hits, partial: kind === "half" }];
  });
}

/** Joins lines into file text with a final newline: `source("a = hit();", "}")`. */
export function source(...lines: string[]): string {
  return lines.join("\n") + "\n";
}
