// Reads numeric attributes of XML line elements. A bad attribute skips that one line element
// (counted in the report's tally, naming the file and attribute); the rest of the report counts.
import { readHitCount, readLineNumber } from "./parse-count.js";
import type { RecordTally } from "./record-tally.js";
import { attr, type XmlElement } from "./xml-document.js";

export interface XmlLineReader {
  /** The line number, or null when the element is skipped. */
  lineNumber(line: XmlElement, name: string): number | null;
  /** A count attribute; absent means 0 (as diff-cover reads it); null when skipped. */
  count(line: XmlElement, name: string): number | null;
}

/** `where` describes the element being read, e.g. `class "src/a.ts"`. */
export function createXmlLineReader(tally: RecordTally, where: string, tag: string): XmlLineReader {
  const skip = (detail: string): null => {
    tally.skip(`<${tag}> in ${where} ${detail}`);
    return null;
  };
  return {
    lineNumber(line, name) {
      const value = readLineNumber(attr(line, name));
      return typeof value === "number" ? value : skip(`${value} (attribute ${name})`);
    },
    count(line, name) {
      const text = attr(line, name);
      if (text === undefined) return 0;
      const value = readHitCount(text, name);
      return typeof value === "number" ? value : skip(value);
    },
  };
}
