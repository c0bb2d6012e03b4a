// Reads numeric attributes of XML line elements, failing with the report, file and attribute named.
import { CoverageParseError } from "./coverage-parse-error.js";
import { readHitCount, readLineNumber } from "./parse-count.js";
import { attr, type XmlElement } from "./xml-document.js";

export interface XmlLineReader {
  lineNumber(line: XmlElement, name: string): number;
  /** A count attribute; absent means 0 (as diff-cover reads it). */
  count(line: XmlElement, name: string): number;
}

/** `where` describes the element being read, e.g. `class "src/a.ts"`. */
export function createXmlLineReader(source: string, where: string, tag: string): XmlLineReader {
  const fail = (detail: string): never => {
    throw new CoverageParseError(source, `<${tag}> in ${where} ${detail}`);
  };
  return {
    lineNumber(line, name) {
      const value = readLineNumber(attr(line, name));
      return typeof value === "number" ? value : fail(`${value} (attribute ${name})`);
    },
    count(line, name) {
      const text = attr(line, name);
      if (text === undefined) return 0;
      const value = readHitCount(text, name);
      return typeof value === "number" ? value : fail(value);
    },
  };
}
