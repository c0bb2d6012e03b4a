// The one exception coverage parsers throw: what is wrong with a report, and where.

/** A coverage report that cannot be read. `message` names the file, the line and the problem. */
export class CoverageParseError extends Error {
  override readonly name = "CoverageParseError";
  /** The report's file name, as given to the parser. */
  readonly source: string;
  /** The problem alone, without the file name and position. */
  readonly detail: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(source: string, detail: string, line?: number, column?: number) {
    const where =
      line === undefined ? "" : ` line ${line}${column === undefined ? "" : `, column ${column}`}`;
    super(`${source}${where}: ${detail}`);
    this.source = source;
    this.detail = detail;
    this.line = line;
    this.column = column;
  }
}
